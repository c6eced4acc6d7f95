"""8강 연습 문제: 병목 블록의 곱셈-누산(q4)과 병목 블록 만들기(q5)의 흔한 실수."""

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


def bottleneck(x, filters, stride, *, stride_everywhere=False, expand=4, project=True, relu_last=False):
    """학생이 쓸 법한 병목 블록 (실수를 하나씩 넣을 수 있음)."""
    L = layers()
    s2 = stride if stride_everywhere else 1
    y = L.Activation("relu")(L.BatchNormalization()(L.Conv2D(filters, 1, strides=stride, use_bias=False)(x)))
    y = L.Activation("relu")(L.BatchNormalization()(L.Conv2D(filters, 3, strides=s2, padding="same", use_bias=False)(y)))
    y = L.BatchNormalization()(L.Conv2D(expand * filters, 1, use_bias=False)(y))
    if relu_last:
        y = L.Activation("relu")(y)
    shortcut = x
    if project and (stride != 1 or x.shape[-1] != expand * filters):
        shortcut = L.BatchNormalization()(L.Conv2D(expand * filters, 1, strides=stride, use_bias=False)(x))
    return L.Activation("relu")(L.Add()([shortcut, y]))


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


def test_q5_untouched_is_unattempted(qs):
    def my_bottleneck(x, filters, stride):
        ...

    assert qs[4].verdict(my_bottleneck)[0] == UNATTEMPTED
