"""7강 연습 문제: 정답이 실제 모델에서 나오는지, 흔한 실수마다 틀렸다고 무엇이 다른지 한국어로 알려 주는지."""

import pytest
from keras import layers

from cnn_helpers.exercises import CORRECT, WRONG, lesson
from cnn_helpers.exercises.lesson07 import (
    Q3_BUDGET,
    branch5_macs,
    factorized_block,
    googlenet_5b_side,
    inception_facts,
    largest_reduce,
)
from cnn_helpers.models import inception_block


@pytest.fixture(scope="module")
def q5():
    return lesson("07")[4]


def conv(filters, k, relu=True):
    return layers.Conv2D(filters, k, padding="same", activation="relu" if relu else None)


def block(*, reduce_relu=True, pool_proj=True, swap_3x3=False, pool_padding="same", separate_relu=False,
          keep_5x5=False):
    """학생이 쓸 법한 블록(5×5 가지를 3×3 두 개로): 인자로 실수 하나씩을 넣습니다."""
    def my_inception(x, f1, f3r, f3, f5r, f5, pp):
        if swap_3x3:
            f3r, f3 = f3, f3r
        b1 = conv(f1, 1)(x)
        if separate_relu:  # 합성곱 뒤 ReLU 계층을 따로 두는 것도 맞는 답입니다.
            b3 = layers.ReLU()(layers.Conv2D(f3r, 1, padding="same")(x))
        else:
            b3 = conv(f3r, 1, reduce_relu)(x)
        b3 = conv(f3, 3)(b3)
        b5 = conv(f5r, 1, reduce_relu)(x)
        b5 = conv(f5, 5)(b5) if keep_5x5 else conv(f5, 3)(conv(f5, 3)(b5))
        bp = layers.MaxPooling2D(3, strides=1, padding=pool_padding)(x)
        if pool_proj:
            bp = conv(pp, 1)(bp)
        return layers.Concatenate(axis=-1)([b1, b3, b5, bp])
    return my_inception


def test_correct_variants_pass(q5):
    assert q5.verdict(block())[0] == CORRECT
    assert q5.verdict(block(separate_relu=True))[0] == CORRECT
    assert q5.verdict(factorized_block)[0] == CORRECT


@pytest.mark.parametrize("mistake, says", [
    ({"reduce_relu": False}, "ReLU가 없는 합성곱이 있습니다"),
    ({"keep_5x5": True}, "5×5 합성곱이 남아 있습니다"),
    ({"pool_proj": False}, "출력 채널이 다릅니다"),
    ({"swap_3x3": True}, "출력 채널이 다릅니다"),
    ({"pool_padding": "valid"}, "오류"),
])
def test_mistakes_are_wrong_with_a_reason(q5, mistake, says):
    status, message = q5.verdict(block(**mistake))
    assert status == WRONG
    assert says in message
    assert "아직 아닙니다" in message or "오류" in message


def test_facts_of_the_package_block():
    facts = inception_facts(inception_block, (28, 28, 192), 64, 96, 128, 16, 32, 32)
    assert facts == {"출력 모양": (28, 28, 256), "매개변수 수": 163_696, "합성곱 계층 수": 6, "5×5 합성곱 수": 1,
                     "ReLU가 없는 합성곱 수": 0}
    facts = inception_facts(factorized_block, (28, 28, 192), 64, 96, 128, 16, 32, 32)
    # 5×5 가지: 1×1(192 → 16) + 3×3(16 → 32) + 3×3(32 → 32) — 5×5(16 → 32) 하나보다 적습니다.
    assert facts["합성곱 계층 수"] == 7 and facts["5×5 합성곱 수"] == 0
    assert facts["매개변수 수"] == 163_696 - (25 * 16 * 32 + 32) + (9 * 16 * 32 + 32) + (9 * 32 * 32 + 32)


def test_not_a_function_or_empty(q5):
    assert q5.verdict(3)[0] == WRONG
    assert "아직 풀지 않음" in q5.verdict(lambda x, *a: None)[1]
    assert inception_facts(lambda x, *a: None, (7, 7, 10)) is None


def test_q1_q2_answers():
    q1, q2, *_ = lesson("07")
    assert q1.expected() == 96 + 160 + 48 + 48 == 352
    assert q2.expected() == 14 * 14 * (480 * 96 + 9 * 96 * 208) == 44_255_232


def test_q3_is_the_largest_reduction_within_the_budget():
    """문제 3의 정답 r: r개로 만든 가지는 예산 안이고, r + 1개로 만든 가지는 예산을 넘습니다 (둘 다 실제로 만들어 셈)."""
    r = largest_reduce()
    assert branch5_macs(r) <= Q3_BUDGET < branch5_macs(r + 1)
    assert r == 28


def test_q4_side_is_read_from_the_model():
    assert googlenet_5b_side() == 256 // 32 == 8
    assert googlenet_5b_side((224, 224, 3)) == 7


@pytest.mark.parametrize("number, answer, says", [
    (1, 96 + 64 + 160 + 16 + 48 + 48, "reduce"),
    (1, 96 + 160 + 48 + 320, "pool proj"),
    (2, 28 * 28 * (480 * 96 + 9 * 96 * 208), "14×14"),
    (2, 14 * 14 * 9 * 480 * 208, "병목"),
    (3, 31, "1×1 축소 계층"),
    (3, 29, "예산을 조금 넘습니다"),
    (4, 7, "224×224"),
    (4, 16, "하나 빠뜨렸습니다"),
])
def test_value_mistakes_explain(number, answer, says):
    status, message = lesson("07")[number - 1].verdict(answer)
    assert status == WRONG and says in message
