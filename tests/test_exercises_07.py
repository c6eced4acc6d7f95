"""7강 문제 5(인셉션 블록 만들기): 흔한 실수마다 틀렸다고, 무엇이 다른지 한국어로 알려 주는지."""

import pytest
from keras import layers

from cnn_helpers.exercises import CORRECT, WRONG, lesson
from cnn_helpers.exercises.lesson07 import inception_facts
from cnn_helpers.models import inception_block


@pytest.fixture(scope="module")
def q5():
    return lesson("07")[4]


def conv(filters, k, relu=True):
    return layers.Conv2D(filters, k, padding="same", activation="relu" if relu else None)


def block(*, reduce_relu=True, pool_proj=True, swap_3x3=False, pool_padding="same", separate_relu=False):
    """학생이 쓸 법한 인셉션 블록: 인자로 실수 하나씩을 넣습니다."""
    def my_inception(x, f1, f3r, f3, f5r, f5, pp):
        if swap_3x3:
            f3r, f3 = f3, f3r
        b1 = conv(f1, 1)(x)
        if separate_relu:  # 합성곱 뒤 ReLU 계층을 따로 두는 것도 맞는 답입니다.
            b3 = layers.ReLU()(layers.Conv2D(f3r, 1, padding="same")(x))
        else:
            b3 = conv(f3r, 1, reduce_relu)(x)
        b3 = conv(f3, 3)(b3)
        b5 = conv(f5, 5)(conv(f5r, 1, reduce_relu)(x))
        bp = layers.MaxPooling2D(3, strides=1, padding=pool_padding)(x)
        if pool_proj:
            bp = conv(pp, 1)(bp)
        return layers.Concatenate(axis=-1)([b1, b3, b5, bp])
    return my_inception


def test_correct_variants_pass(q5):
    assert q5.verdict(block())[0] == CORRECT
    assert q5.verdict(block(separate_relu=True))[0] == CORRECT


@pytest.mark.parametrize("mistake, says", [
    ({"reduce_relu": False}, "ReLU가 없는 합성곱 수이(가) 0이어야 하는데 2입니다"),
    ({"pool_proj": False}, "출력 모양"),
    ({"swap_3x3": True}, "출력 모양"),
    ({"pool_padding": "valid"}, "오류"),
])
def test_mistakes_are_wrong_with_a_reason(q5, mistake, says):
    status, message = q5.verdict(block(**mistake))
    assert status == WRONG
    assert says in message
    assert "아직 아닙니다" in message or "오류" in message


def test_facts_of_the_package_block():
    facts = inception_facts(inception_block, (28, 28, 192), 64, 96, 128, 16, 32, 32)
    assert facts == {"출력 모양": (28, 28, 256), "매개변수 수": 163_696, "합성곱 계층 수": 6, "ReLU가 없는 합성곱 수": 0}


def test_not_a_function_or_empty(q5):
    assert q5.verdict(3)[0] == WRONG
    assert "아직 풀지 않음" in q5.verdict(lambda x, *a: None)[1]
    assert inception_facts(lambda x, *a: None, (7, 7, 10)) is None


def notebook_text_before_exercises(name):
    """노트북에서 '## 연습 문제' 앞까지의 모든 셀 소스와 저장된 출력 텍스트."""
    import json
    from pathlib import Path

    cells = json.loads((Path(__file__).resolve().parents[1] / "notebooks" / name).read_text(encoding="utf-8"))["cells"]
    parts = []
    for cell in cells:
        source = "".join(cell["source"])
        if source.startswith("## 연습 문제"):
            break
        parts.append(source)
        for output in cell.get("outputs", []):
            parts.append("".join(output.get("text", "")))
            parts.extend("".join(v) for k, v in output.get("data", {}).items() if k.startswith("text/"))
    return "\n".join(parts)


@pytest.mark.parametrize("number", [1, 3])
def test_answers_are_not_printed_before_the_exercises(number):
    """문제 1(출력 채널)과 3(3×3 가지의 곱셈-누산)의 답은 본문의 표나 출력에서 읽을 수 없습니다."""
    q = lesson("07")[number - 1]
    answer = q.expected()
    text = notebook_text_before_exercises("07_inception.ipynb").replace(",", "")
    import re

    assert not re.search(rf"(?<!\d){answer}(?!\d)", text), f"문제 {number}의 답 {answer}이(가) 본문에 있습니다"


@pytest.mark.parametrize("number, answer, says", [
    (1, 96 + 64 + 160 + 16 + 48 + 48, "reduce"),
    (1, 96 + 160 + 48 + 320, "pool proj"),
    (3, 28 * 28 * (480 * 96 + 9 * 96 * 208), "14×14"),
    (3, 14 * 14 * 9 * 480 * 208, "병목"),
])
def test_q1_q3_mistakes_explain(number, answer, says):
    status, message = lesson("07")[number - 1].verdict(answer)
    assert status == WRONG and says in message


def test_q1_q3_answers():
    q1, _, q3, *_ = lesson("07")
    assert q1.expected() == 96 + 160 + 48 + 48 == 352
    assert q3.expected() == 14 * 14 * (480 * 96 + 9 * 96 * 208) == 44_255_232
