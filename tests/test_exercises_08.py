"""8강 연습 문제: 지름길 만들기(q1), 지름길 효과 예측(q2), 배치 정규화의 추론용 평균(q3), 병목 블록의 곱셈-누산(q4), 예산 설계(q5),
사전 활성화 블록(q6)."""

import pytest

from cnn_helpers import _lazy, models
from cnn_helpers.exercises import CORRECT, UNATTEMPTED, WRONG, lesson


@pytest.fixture(scope="module")
def qs():
    return lesson("08")


def test_q4_is_not_answered_in_the_lesson_text(qs):
    """q4는 본문에 나온 17/288 비율이 아니라, 스트라이드 2 블록(투영 포함)의 곱셈-누산을 묻습니다."""
    q4 = qs[3]
    assert q4.expected() == 28 * 28 * (256 * 128 + 9 * 128 * 128 + 128 * 512 + 256 * 512)


@pytest.mark.parametrize("answer, words", [
    (28 * 28 * (256 * 128 + 9 * 128 * 128 + 128 * 512), "투영"),
    (56 * 56 * 256 * 128 + 28 * 28 * (9 * 128 * 128 + 128 * 512 + 256 * 512), "첫 1×1"),
    (56 * 56 * (256 * 128 + 9 * 128 * 128 + 128 * 512 + 256 * 512), "28×28"),
    (256 * 128 + 9 * 128 * 128 + 128 * 512 + 256 * 512, "위치 하나당"),
])
def test_q4_mistakes_teach_without_revealing(qs, answer, words):
    status, message = qs[3].verdict(answer)
    assert status == WRONG and words in message
    assert str(qs[3].expected()) not in message


def layers():
    return _lazy.keras().layers


def test_q6_accepts_the_reference_and_the_solution(qs):
    from cnn_helpers.exercises import lesson08

    q5 = qs[5]
    assert q5.kind == "build"
    assert q5.verdict(lesson08.preact_variant())[0] == CORRECT
    namespace = {"layers": layers()}
    exec(q5.solution_text, namespace)
    assert q5.verdict(namespace["my_preact_block"])[0] == CORRECT


def test_q6_is_not_the_lesson_block(qs):
    """본문의 기본 잔차 블록(v1)을 그대로 옮기면 틀립니다: 문제 5는 본문에 없는 사전 활성화 블록을 묻습니다."""
    status, message = qs[5].verdict(lambda x, f, s: models.residual_block(x, f, s))
    assert status == WRONG and "더한 뒤에 아무것도" in message


def test_q6_cases_include_projections(qs):
    """항등 지름길, 채널만 바뀌는 투영, 스트라이드 2 투영을 모두 검사합니다."""
    cases = qs[5].cases()
    assert any(s == 1 and shape[-1] == f for shape, f, s in cases)
    assert any(s == 1 and shape[-1] != f for shape, f, s in cases)
    assert any(s == 2 for shape, f, s in cases)


@pytest.mark.parametrize("mistake, words", [
    (dict(relu_after_add=True), "더한 뒤에 아무것도"),
    (dict(shortcut_from_preact=True), "블록의 입력 x 그대로"),  # 항등 지름길로 BN → ReLU를 거친 값을 더함
    (dict(bn_after_last=True), "너무 많습니다"),
    (dict(first_bn=False), "모자랍니다"),
    (dict(stride_on_second=True), "첫 3×3 합성곱에만"),  # 모양도 매개변수 수도 같고 순서만 다름
])
def test_q6_mistakes_are_caught_and_taught(qs, mistake, words):
    from cnn_helpers.exercises import lesson08

    status, message = qs[5].verdict(lesson08.preact_variant(**mistake))
    assert status == WRONG and words in message, message


def test_q6_stride_on_the_second_conv_has_the_same_shape_and_parameters(qs):
    """스트라이드를 두 번째 3×3에 둔 블록은 모양과 매개변수 수가 정답과 같아, 계산 순서로만 알아봅니다."""
    from cnn_helpers.exercises import lesson08
    from cnn_helpers.exercises._oracles import built_block_structure

    for args in qs[5].cases():
        assert (built_block_structure(lesson08.preact_variant(stride_on_second=True), *args)
                == built_block_structure(lesson08.preact_variant(), *args))


def test_q6_accepts_other_ways_to_write_relu(qs):
    """layers.ReLU()나 keras.ops.relu로 써도, 투영을 먼저 만들어도 같은 블록이면 정답입니다."""
    L = layers()
    keras = _lazy.keras()

    def block(x, filters, stride):
        preact = keras.ops.relu(L.BatchNormalization()(x))
        shortcut = x
        if stride != 1 or x.shape[-1] != filters:
            shortcut = L.Conv2D(filters, 1, strides=stride, use_bias=False)(preact)
        y = L.Conv2D(filters, 3, strides=stride, padding="same", use_bias=False)(preact)
        y = L.Conv2D(filters, 3, padding="same", use_bias=False)(L.ReLU()(L.BatchNormalization()(y)))
        return L.Add()([shortcut, y])

    assert qs[5].verdict(block)[0] == CORRECT


def test_q2_shortcut_prediction(qs):
    """q2의 정답(3: plain-34의 절반 미만)은 강의의 실험에서 나온 범위입니다. 틀린 예측마다 다른 것을 짚어 줍니다."""
    q2 = qs[1]
    assert q2.verdict(3)[0] == CORRECT
    assert "항등" in q2.verdict(1)[1]
    assert "방향은 맞지만" in q2.verdict(2)[1]
    assert "1, 2, 3" in q2.verdict(0)[1] and "1, 2, 3" in q2.verdict(4)[1]


def test_q2_check_records_and_reveal_grades(qs, capsys):
    """q2.check()는 예측을 적어 두기만 하고(맞았는지 알려 주지 않음), 학습 셀의 q2.reveal()이 결과를 본 뒤 채점합니다."""
    q2 = qs[1]
    for guess in (1, 2, 3):
        q2.check(guess)
        out = capsys.readouterr().out
        assert "적어 두었습니다" in out and "✅" not in out and "❌" not in out
    q2.check(5)
    assert "❌" in capsys.readouterr().out  # 1~3이 아니면 바로 알려 줌
    q2.reveal(3)
    assert "✅" in capsys.readouterr().out
    q2.reveal(1)
    assert "❌" in capsys.readouterr().out
    q2.reveal(...)
    assert "예측이 없습니다" in capsys.readouterr().out


def test_q3_moving_mean_is_the_hand_computation_and_keras(qs):
    """q3의 정답은 2절의 갱신 식을 두 번 적용한 값이고, Keras의 BatchNormalization(momentum=0.9)이 내는 값과 같습니다."""
    from cnn_helpers.exercises import lesson08

    q3 = qs[2]
    m, mu = lesson08.Q3_MOMENTUM, sum(lesson08.Q3_BATCH) / len(lesson08.Q3_BATCH)
    by_hand = m * ((1 - m) * mu) + (1 - m) * mu
    assert q3.expected() == pytest.approx(by_hand, rel=1e-6) == pytest.approx(1.9)
    assert q3.verdict(by_hand)[0] == CORRECT and q3.verdict(1.9)[0] == CORRECT
    assert q3.verdict(lesson08.moving_mean_after(1))[0] == WRONG  # 한 걸음만
    assert "첫 걸음" in q3.verdict(1.0)[1] and "바로 바뀌지" in q3.verdict(10)[1] and "1 − m" in q3.verdict(9.9)[1]
    assert q3.verdict(...)[0] == UNATTEMPTED


def test_q5_design_meets_the_budget(qs):
    """q5의 답은 예산 안에 들고, 하나만 더 키워도 예산을 넘습니다 (실제 Keras 계층으로 센 곱셈-누산)."""
    from cnn_helpers.exercises import lesson08

    m = qs[4].expected()
    assert lesson08.middle_block_macs(m) <= lesson08.Q5_BUDGET < lesson08.middle_block_macs(m + 1)
    assert lesson08.middle_block_macs(m) == 56 * 56 * (256 * m + 9 * m * m + m * 256)
    namespace = {}
    exec(qs[4].solution_text, namespace)
    assert namespace["widest_middle"] == m
    assert qs[4].verdict(m + 1)[0] == WRONG and "넘습니다" in qs[4].verdict(m + 1)[1]


def test_q6_untouched_is_unattempted(qs):
    def my_preact_block(x, filters, stride):
        ...

    assert qs[5].verdict(my_preact_block)[0] == UNATTEMPTED


# ---------------------------------------------------------------------------------------------------------------
# 문제 1 (만들기, 본문 4절): add_shortcut


def _conv_bn_namespace():
    """노트북의 conv_bn(답 셀에 주어짐)과 layers가 있는 변수 공간: 학생이 쓰는 것과 같은 조건."""
    from tests.lesson_code import lesson_cells

    answer = next(cell for cell in lesson_cells("08_resnet.ipynb") if "def add_shortcut(" in cell)
    namespace = {"layers": layers(), "keras": _lazy.keras()}
    exec(answer[:answer.index("def add_shortcut(")], namespace)
    return namespace


def test_q1_accepts_the_solution_with_the_notebooks_conv_bn(qs):
    q1 = qs[0]
    assert q1.kind == "build" and q1.variable == "add_shortcut"
    namespace = _conv_bn_namespace()
    exec(q1.solution_text, namespace)
    assert q1.verdict(namespace["add_shortcut"])[0] == CORRECT


def test_q1_cases_cover_identity_projection_and_plain(qs):
    cases = qs[0].cases()
    assert any(shape[-1] == f and s == 1 and not plain for shape, f, s, plain in cases)
    assert any(shape[-1] != f and s == 1 for shape, f, s, plain in cases)  # 채널만 바뀜
    assert any(shape[-1] == f and s == 2 for shape, f, s, plain in cases)  # 크기만 바뀜
    assert any(plain for *_, plain in cases)


def test_q1_checks_the_lessons_layer_table(qs):
    """정답은 본문 4절의 표(conv3_block1)와 같은 계층 이름·종류·모양·매개변수를 만듭니다."""
    from cnn_helpers.exercises import lesson08

    facts = lesson08.shortcut_structure(lesson08.reference_add_shortcut, (56, 56, 64), 128, 2, False)
    rows = {name: (kind, shape, params) for name, kind, shape, params in facts["계층 (이름, 종류, 출력 모양, 매개변수)"]}
    assert rows["block_0_conv"] == ("conv", (28, 28, 128), 1 * 1 * 64 * 128)
    assert rows["block_add"][1] == rows["block_out"][1] == (28, 28, 128)
    keras = _lazy.keras()
    inputs = keras.Input((56, 56, 64))
    assert facts["매개변수 수"] == keras.Model(inputs, models.residual_block(inputs, 128, 2)).count_params()


@pytest.mark.parametrize("mistake, words", [
    (dict(condition="stride"), "채널 수가 바뀌면"),
    (dict(condition="channels"), "stride도 넣으세요"),
    (dict(project=False), "투영하세요"),
    (dict(honour_plain=False), "plain=True"),
    (dict(condition="always"), "모양이 바뀌는 곳에만"),
    (dict(relu_on_projection=True), "투영 뒤에는 ReLU가 없습니다"),
    (dict(bn_on_projection=False), "배치 정규화를 둡니다"),
    (dict(relu_after_add=False), "더한 뒤에 ReLU"),
    (dict(names=False), "계층 이름"),
    (dict(plus_operator=True), "layers.Add(name="),
])
def test_q1_mistakes_are_caught_and_taught(qs, mistake, words):
    from cnn_helpers.exercises import lesson08

    status, message = qs[0].verdict(lesson08.shortcut_variant(**mistake))
    assert status == WRONG and words in message, message


def test_q1_untouched_is_unattempted_and_the_lesson_goes_on(qs, capsys):
    from cnn_helpers.exercises import lesson08

    def add_shortcut(x, y, stride, name, plain=False):
        ...

    assert qs[0].verdict(add_shortcut)[0] == UNATTEMPTED
    assert lesson08.yours_if_correct(add_shortcut) is lesson08.reference_add_shortcut
    out = capsys.readouterr().out
    assert "풀이의 `add_shortcut` 함수" in out and "(가)" not in out and "(를)" not in out
    right = lesson08.shortcut_variant()
    assert lesson08.yours_if_correct(right) is right
    assert qs[0].yours_if_correct(right) is right  # 노트북은 q1.yours_if_correct(...) 한 줄로 부릅니다
    with pytest.raises(ValueError, match="풀이 함수가 없습니다"):
        qs[2].yours_if_correct(right)
