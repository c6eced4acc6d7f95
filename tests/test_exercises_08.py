"""8강 연습 문제: ResNet-18 순위 예측(q1), 병목 블록의 곱셈-누산(q3), 예산 설계(q4), 병목 블록 만들기(q5)."""

import pytest

from cnn_helpers import _lazy, models
from cnn_helpers.exercises import CORRECT, UNATTEMPTED, WRONG, lesson


@pytest.fixture(scope="module")
def qs():
    return lesson("08")


def test_q3_is_not_answered_in_the_lesson_text(qs):
    """q3은 본문에 나온 17/288 비율이 아니라, 스트라이드 2 블록(투영 포함)의 곱셈-누산을 묻습니다."""
    q3 = qs[2]
    assert q3.expected() == 28 * 28 * (256 * 128 + 9 * 128 * 128 + 128 * 512 + 256 * 512)


@pytest.mark.parametrize("answer, words", [
    (28 * 28 * (256 * 128 + 9 * 128 * 128 + 128 * 512), "투영"),
    (56 * 56 * 256 * 128 + 28 * 28 * (9 * 128 * 128 + 128 * 512 + 256 * 512), "첫 1×1"),
    (56 * 56 * (256 * 128 + 9 * 128 * 128 + 128 * 512 + 256 * 512), "28×28"),
    (256 * 128 + 9 * 128 * 128 + 128 * 512 + 256 * 512, "위치 하나당"),
])
def test_q3_mistakes_teach_without_revealing(qs, answer, words):
    status, message = qs[2].verdict(answer)
    assert status == WRONG and words in message
    assert str(qs[2].expected()) not in message


def layers():
    return _lazy.keras().layers


def bottleneck(x, filters, stride, *, stride_everywhere=False, stride_on_middle=False, expand=4, project=True,
               relu_last=False, final_relu=True):
    """학생이 쓸 법한 병목 블록 (실수를 하나씩 넣을 수 있음)."""
    L = layers()
    s1 = 1 if stride_on_middle else stride
    s2 = stride if (stride_everywhere or stride_on_middle) else 1
    y = L.Activation("relu")(L.BatchNormalization()(L.Conv2D(filters, 1, strides=s1, use_bias=False)(x)))
    y = L.Activation("relu")(L.BatchNormalization()(L.Conv2D(filters, 3, strides=s2, padding="same", use_bias=False)(y)))
    y = L.BatchNormalization()(L.Conv2D(expand * filters, 1, use_bias=False)(y))
    if relu_last:
        y = L.Activation("relu")(y)
    shortcut = x
    if project and (stride != 1 or x.shape[-1] != expand * filters):
        shortcut = L.BatchNormalization()(L.Conv2D(expand * filters, 1, strides=stride, use_bias=False)(x))
    added = L.Add()([shortcut, y])
    return L.Activation("relu")(added) if final_relu else added


def test_q5_accepts_a_correct_block_and_the_package_block(qs):
    q5 = qs[4]
    assert q5.kind == "build"
    assert q5.verdict(bottleneck)[0] == CORRECT
    assert q5.verdict(lambda x, f, s: models.bottleneck_block(x, f, s))[0] == CORRECT


def test_q5_cases_include_projections(qs):
    """항등 지름길, 채널만 바뀌는 투영, 스트라이드 2 투영을 모두 검사합니다."""
    cases = qs[4].cases()
    assert any(s == 1 and shape[-1] == 4 * f for shape, f, s in cases)
    assert any(s == 1 and shape[-1] != 4 * f for shape, f, s in cases)
    assert any(s == 2 for shape, f, s in cases)


@pytest.mark.parametrize("mistake, words", [
    (dict(stride_everywhere=True), "출력 모양"),  # 스트라이드를 3×3에도 주면 두 번 줄어 더하기에서 오류 또는 모양이 다름
    (dict(expand=1), ""),  # 채널을 4배로 늘리지 않음
    (dict(project=False), "오류"),  # 모양이 바뀌는데 투영이 없으면 더할 수 없음
])
def test_q5_mistakes_are_wrong(qs, mistake, words):
    status, message = qs[4].verdict(lambda x, f, s: bottleneck(x, f, s, **mistake))
    assert status == WRONG
    assert "아직 아닙니다" in message or "오류" in message
    if words:
        assert words in message or "오류" in message


@pytest.mark.parametrize("mistake, words", [
    (dict(stride_on_middle=True), "첫 1×1 합성곱에만"),  # 모양도 매개변수 수도 같지만 스트라이드 자리가 다름
    (dict(relu_last=True), "ReLU를 두지 않습니다"),  # 더하기 전에 ReLU: 잔차가 음수를 낼 수 없음
    (dict(final_relu=False), "더한 뒤에 ReLU"),  # 마지막 ReLU를 빠뜨림
])
def test_q5_structure_mistakes_with_the_same_shape_and_parameters_are_caught(qs, mistake, words):
    """출력 모양과 매개변수 수가 정답과 같은 실수도 짜임(스트라이드 자리, ReLU 자리)으로 알아보고 가르칩니다."""
    from cnn_helpers.exercises._oracles import built_model_facts

    wrong = lambda x, f, s: bottleneck(x, f, s, **mistake)  # noqa: E731
    for args in qs[4].cases():
        assert built_model_facts(wrong, *args) == built_model_facts(bottleneck, *args)
    status, message = qs[4].verdict(wrong)
    assert status == WRONG and words in message, message


def test_q5_accepts_other_ways_to_write_relu(qs):
    """layers.ReLU()나 keras.ops로 써도 같은 블록이면 정답입니다."""
    L = layers()
    keras = _lazy.keras()

    def block(x, filters, stride):
        y = L.ReLU()(L.BatchNormalization()(L.Conv2D(filters, 1, strides=stride, use_bias=False)(x)))
        y = L.ReLU()(L.BatchNormalization()(L.Conv2D(filters, 3, padding="same", use_bias=False)(y)))
        y = L.BatchNormalization()(L.Conv2D(4 * filters, 1, use_bias=False)(y))
        if stride != 1 or x.shape[-1] != 4 * filters:
            x = L.BatchNormalization()(L.Conv2D(4 * filters, 1, strides=stride, use_bias=False)(x))
        return keras.ops.relu(L.Add()([x, y]))

    assert qs[4].verdict(block)[0] == CORRECT


def test_q1_rank_prediction(qs):
    """q1의 정답(1)은 강의의 실험에서 나온 순위입니다. 틀린 예측마다 다른 것을 짚어 줍니다."""
    q1 = qs[0]
    assert q1.verdict(1)[0] == CORRECT
    assert "plain-18" in q1.verdict(3)[1] and "plain-18" in q1.verdict(4)[1]
    assert "오래 학습" in q1.verdict(2)[1]
    assert "1, 2, 3, 4" in q1.verdict(0)[1]


def test_q4_design_meets_the_budget(qs):
    """q4의 답은 예산 안에 들고, 하나만 더 키워도 예산을 넘습니다 (실제 Keras 계층으로 센 곱셈-누산)."""
    from cnn_helpers.exercises import lesson08

    m = qs[3].expected()
    assert lesson08.middle_block_macs(m) <= lesson08.Q4_BUDGET < lesson08.middle_block_macs(m + 1)
    assert lesson08.middle_block_macs(m) == 56 * 56 * (256 * m + 9 * m * m + m * 256)
    namespace = {}
    exec(qs[3].solution_text, namespace)
    assert namespace["widest_middle"] == m
    assert qs[3].verdict(m + 1)[0] == WRONG and "넘습니다" in qs[3].verdict(m + 1)[1]


def test_q5_untouched_is_unattempted(qs):
    def my_bottleneck(x, filters, stride):
        ...

    assert qs[4].verdict(my_bottleneck)[0] == UNATTEMPTED
