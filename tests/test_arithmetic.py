"""arithmetic: 출력 크기와 SAME 패딩을 TensorFlow의 실제 출력 모양과 비교합니다."""

import itertools
import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cnn_helpers.arithmetic import (
    DivisibilityFixes,
    conv_output_size,
    divisibility_fixes,
    effective_kernel_size,
    parse_padding,
    resolve_padding,
    same_padding,
)


@pytest.fixture(scope="module")
def tf():
    import tensorflow as tf

    return tf


def test_lecture_examples():
    assert conv_output_size(5, 3) == 3  # (n - f + 1)
    assert conv_output_size(5, 3, p=1) == 5  # 강의 본문의 6은 잘못: 5 + 2·1 - 3 + 1 = 5
    assert conv_output_size(5, 3, "same") == 5
    assert conv_output_size(7, 3, s=2) == 3
    assert conv_output_size(28, 2, s=2) == 14  # 2×2 풀링은 크기를 절반으로


def test_strict_raises_with_korean_suggestion():
    with pytest.raises(ValueError, match="나누어떨어지지") as info:
        conv_output_size(6, 3, s=2)
    assert "s=1" in str(info.value) and "strict=False" in str(info.value)
    with pytest.raises(ValueError, match="p=1"):
        conv_output_size(7, 3, p=0, s=3)  # 7+2-3 = 6 은 3으로 나누어떨어짐
    assert conv_output_size(6, 3, s=2, strict=False) == 2


@pytest.mark.parametrize(
    "args, error, text",
    [
        ((-1, 3), ValueError, "n\\(입력 크기\\)"),
        ((5, 0), ValueError, "f\\(커널 크기\\)"),
        ((5, 3, 0, 0), ValueError, "s\\(스트라이드\\)"),
        ((5, 3, -1), ValueError, "p\\(패딩\\)"),
        ((5, 3, "full"), ValueError, "'valid', 'same'"),
        ((3, 5), ValueError, "커널이 패딩을 더한 입력보다"),
        ((5.0, 3), TypeError, "정수"),
        ((5, 3, 0, 1, 0), ValueError, "d\\(팽창\\)"),
        ((True, 3), TypeError, "정수"),
    ],
)
def test_bad_input_korean(args, error, text):
    with pytest.raises(error, match=text):
        conv_output_size(*args)


def test_effective_kernel_size():
    assert effective_kernel_size(3, 1) == 3
    assert effective_kernel_size(3, 2) == 5
    assert effective_kernel_size(5, 3) == 13


def _tf_output_size(tf, n, f, p, s, d):
    """TF가 실제로 내는 출력 길이. 팽창 커널은 0을 끼운 길이 d(f-1)+1 커널로 바꿔 넣습니다
    (TF의 CPU conv2d는 스트라이드와 팽창을 함께 받지 않으므로; 창이 덮는 칸은 같습니다)."""
    f_eff = d * (f - 1) + 1
    x = tf.zeros((1, n, 1, 1))
    w = tf.zeros((f_eff, 1, 1, 1))
    tf_pad = p.upper() if isinstance(p, str) else [[0, 0], [p, p], [0, 0], [0, 0]]
    return tf.nn.conv2d(x, w, strides=[1, s, 1, 1], padding=tf_pad).shape[1]


@st.composite
def valid_settings(draw):
    """언제나 출력이 있는 (n, f, p, s, d): 'same'이 아니면 n + 2p ≥ d(f-1)+1 이 되게 n을 고릅니다."""
    f, s, d = draw(st.integers(1, 7)), draw(st.integers(1, 4)), draw(st.integers(1, 3))
    p = draw(st.one_of(st.integers(0, 3), st.sampled_from(["valid", "same"])))
    f_eff = d * (f - 1) + 1
    pad = p if isinstance(p, int) else 0
    low = 1 if p == "same" else max(1, f_eff - 2 * pad)
    n = draw(st.integers(low, low + 40))
    return n, f, p, s, d


@settings(max_examples=300, deadline=None)
@given(case=valid_settings())
def test_output_size_matches_tensorflow(tf, case):
    """non-strict 출력 크기 = tf.nn.conv2d의 실제 출력 크기 (모든 예가 비교됩니다; 건너뛰는 예 없음)."""
    n, f, p, s, d = case
    y = _tf_output_size(tf, n, f, p, s, d)
    assert conv_output_size(n, f, p, s, d, strict=False) == y
    if p == "same":
        assert y == math.ceil(n / s)


@settings(max_examples=300, deadline=None)
@given(case=valid_settings())
def test_strict_matches_tensorflow_exact_tiling(tf, case):
    """strict=True: TF의 마지막 창 뒤에 남는 칸이 없거나 모두 패딩이면 그 크기, 실제 화소가 남으면 한국어 ValueError.
    'same'은 언제나 ceil(n/s) (TF와 같음)."""
    n, f, p, s, d = case
    y = _tf_output_size(tf, n, f, p, s, d)
    f_eff = d * (f - 1) + 1
    pad = p if isinstance(p, int) else 0
    left_over = n + 2 * pad - ((y - 1) * s + f_eff)  # 마지막 창 뒤에 남는 칸 (뒤쪽 패딩 pad칸이 먼저)
    if p == "same" or left_over <= pad:
        assert conv_output_size(n, f, p, s, d) == y
    else:
        with pytest.raises(ValueError, match="나누어떨어지지"):
            conv_output_size(n, f, p, s, d)


def test_strict_accepts_resnet_stem_whose_left_over_row_is_padding():
    """ResNet의 첫 계층 (224, 7, p=3, s=2): 223/2는 나누어떨어지지 않지만 남는 한 줄은 패딩 → 오류 없이 112."""
    assert conv_output_size(224, 7, 3, 2) == conv_output_size(224, 7, 3, 2, strict=False) == 112
    # 8칸, p=1, s=4: 10 − 3 = 7, 7 % 4 = 3칸이 남고 그중 뒤쪽 패딩은 1칸 → 실제 화소 2줄을 잃음
    with pytest.raises(ValueError, match="패딩을 뺀 실제 입력의 마지막 2줄"):
        conv_output_size(8, 3, 1, 4)
    assert conv_output_size(8, 3, 1, 4, strict=False) == 2


@st.composite
def too_small_settings(draw):
    """n + 2p < d(f-1)+1 인 (n, f, p, d): 창 하나도 들어가지 않는 설정만 만듭니다."""
    f, d = draw(st.integers(2, 7)), draw(st.integers(1, 3))
    f_eff = d * (f - 1) + 1
    p = draw(st.integers(0, (f_eff - 2) // 2))
    n = draw(st.integers(1, f_eff - 2 * p - 1))
    return n, f, p, d


@settings(max_examples=100, deadline=None)
@given(case=too_small_settings())
def test_too_small_input_is_refused_like_tensorflow(tf, case):
    """창이 하나도 들어가지 않으면 TF의 출력은 비어 있고(또는 오류), 우리는 (strict와 상관없이) 한국어 ValueError."""
    n, f, p, d = case
    try:
        produced = _tf_output_size(tf, n, f, p, 1, d)
    except Exception:  # TF가 거절하는 경우 (예외 종류는 판마다 다름)
        produced = 0
    assert produced == 0  # TF: 빈 출력이거나 오류
    for strict in (True, False):
        with pytest.raises(ValueError, match="커널이 패딩을 더한 입력보다"):
            conv_output_size(n, f, p, 1, d, strict=strict)


@settings(max_examples=200, deadline=None)
@given(n=st.integers(1, 30), f=st.integers(1, 6), s=st.integers(1, 4))
def test_same_padding_matches_tensorflow(tf, n, f, s):
    """same_padding의 (앞, 뒤)로 직접 패딩한 VALID 합성곱 = TF의 SAME 합성곱."""
    before, after = same_padding(n, f, s)
    assert before <= after <= before + 1
    x = tf.constant(np.random.default_rng(n * 100 + f).normal(size=(1, n, 1, 1)), tf.float32)
    w = tf.constant(np.random.default_rng(f).normal(size=(f, 1, 1, 1)), tf.float32)
    same = tf.nn.conv2d(x, w, strides=[1, s, 1, 1], padding="SAME")
    manual = tf.nn.conv2d(x, w, strides=[1, s, 1, 1], padding=[[0, 0], [before, after], [0, 0], [0, 0]])
    np.testing.assert_allclose(same.numpy(), manual.numpy(), rtol=1e-5, atol=1e-5)


def test_defaults_are_no_dilation_stride_one():
    """기본값 s=1, d=1 (손으로 센 값): 3칸 커널은 3칸을 덮고, 5칸 입력의 SAME 패딩은 양쪽 1칸."""
    assert effective_kernel_size(3) == 3
    assert same_padding(5, 3) == (1, 1)
    assert same_padding(6, 3) == (1, 1)  # s=2였다면 (0, 1)
    assert same_padding(5, 3, 2) == (1, 1)  # ceil(5/2)=3 → (3-1)·2 + 3 - 5 = 2칸
    assert same_padding(6, 3, 2) == (0, 1)  # ceil(6/2)=3 → (3-1)·2 + 3 - 6 = 1칸, 남는 칸은 뒤로
    assert conv_output_size(9, 3, 0, 2) == 4  # (9 - 3)/2 + 1


@settings(max_examples=150, deadline=None)
@given(n=st.integers(1, 30), f=st.integers(1, 4), d=st.integers(2, 3))
def test_same_padding_with_dilation_matches_tensorflow(tf, n, f, d):
    """팽창이 있는 SAME (스트라이드 1): same_padding으로 직접 패딩한 VALID = TF의 SAME."""
    before, after = same_padding(n, f, 1, d)
    x = tf.constant(np.random.default_rng(n).normal(size=(1, n, 1, 1)), tf.float32)
    w = tf.constant(np.random.default_rng(f).normal(size=(f, 1, 1, 1)), tf.float32)
    same = tf.nn.conv2d(x, w, strides=1, padding="SAME", dilations=[1, d, 1, 1])
    manual = tf.nn.conv2d(x, w, strides=1, padding=[[0, 0], [before, after], [0, 0], [0, 0]], dilations=[1, d, 1, 1])
    assert same.shape == manual.shape
    np.testing.assert_allclose(same.numpy(), manual.numpy(), rtol=1e-5, atol=1e-5)


def test_padding_cap_is_exactly_ten_thousand():
    """한쪽 패딩 한도 10 000 (문서에 적힌 값): 10 000은 받고 10 001은 한도를 말하며 거절합니다."""
    assert parse_padding(10_000) == 10_000
    assert resolve_padding(5, 3, 10_000) == (10_000, 10_000)
    with pytest.raises(ValueError, match="10000 이하.*한도"):
        parse_padding(10_001)
    assert resolve_padding(5, 3, "VALID") == (0, 0)
    assert resolve_padding(5, 4, "Same") == (1, 2)
    # 기본값 p=0, s=1, d=1: 패딩 없음; 6칸·3칸 커널 SAME은 양쪽 1칸 (s=2라면 (0, 1), d=2라면 (2, 2))
    assert resolve_padding(5, 3) == (0, 0)
    assert resolve_padding(6, 3, "same") == (1, 1)
    # divisibility_fixes 기본값 p=0, s=1: s=1은 언제나 나누어떨어짐; 6칸·3칸 커널 s=2 (p=0): span 3 → s=1 또는 3
    assert divisibility_fixes(6, 3) == DivisibilityFixes((), ())
    assert divisibility_fixes(6, 3, s=2) == DivisibilityFixes((), (1, 3))
    assert divisibility_fixes(3, 3, 0, 2) == DivisibilityFixes((), ())  # span 0: 창 하나가 딱 맞음


def _read_real_pixels(n, f_eff, q, s):
    """양쪽 패딩 q, 스트라이드 s일 때 창이 한 번이라도 덮는 실제 화소(0 … n−1)의 집합 (한 칸씩 셈)."""
    padded = n + 2 * q
    read = set()
    start = 0
    while start + f_eff <= padded:
        read.update(range(start - q, start - q + f_eff))
        start += s
    return read & set(range(n))


def _fixes_by_brute_force(n, f, p, s, d):
    """divisibility_fixes의 정의를 그대로 한 칸씩 세어 봅니다 (공식 없이).

    패딩 후보: 양쪽 같은 q ≥ 0 가운데 (n + 2q − f_eff)가 0 이상이고 s로 나누어떨어지며 지금 스트라이드로
    실제 화소를 모두 읽는 것 중 지금 패딩 p보다 작은 가장 큰 q 하나와 큰 가장 작은 q 하나.
    스트라이드 후보: s가 아니고 min(s+2, f_eff) 이하이며 지금 설정의 (n + 2p − f_eff)를 나누는 t 가운데 큰 것 두 개.
    """
    f_eff = d * (f - 1) + 1
    ok = [q for q in range(0, p + 4 * s + f_eff + 2)
          if n + 2 * q - f_eff >= 0 and (n + 2 * q - f_eff) % s == 0 and len(_read_real_pixels(n, f_eff, q, s)) == n]
    below = [q for q in ok if q < p]
    above = [q for q in ok if q > p]
    paddings = ([max(below)] if below else []) + ([min(above)] if above else [])
    span = n + 2 * p - f_eff
    strides = [t for t in range(1, min(s + 2, f_eff) + 1) if t != s and span >= 0 and span % t == 0]
    return tuple(paddings), tuple(strides[-2:])


@settings(max_examples=400, deadline=None)
@given(n=st.integers(1, 40), f=st.integers(1, 7), p=st.integers(0, 4), s=st.integers(1, 9), d=st.integers(1, 3))
def test_divisibility_fixes_equal_brute_force(n, f, p, s, d):
    fixes = divisibility_fixes(n, f, p, s, d)
    f_eff = d * (f - 1) + 1
    span = n + 2 * p - f_eff
    if span >= 0 and span % s == 0:
        assert fixes == DivisibilityFixes((), ())
        return
    assert (fixes.padding, fixes.stride) == _fixes_by_brute_force(n, f, p, s, d)
    for q in fixes.padding:  # 고친 설정은 strict=True로 실제로 계산됩니다 (음수 패딩 없음)
        assert q >= 0 and conv_output_size(n, f, q, s, d) >= 1
    for t in fixes.stride:
        assert conv_output_size(n, f, p, t, d) == span // t + 1


@settings(max_examples=400, deadline=None)
@given(n=st.integers(1, 40), f=st.integers(1, 7), p=st.integers(0, 4), s=st.integers(1, 9), d=st.integers(1, 3))
def test_no_suggested_fix_leaves_an_input_pixel_unread(n, f, p, s, d):
    """제안마다 (하나만 바꾼 설정에서) 나누어떨어지고, 실제 입력 화소가 하나도 빠지지 않습니다 (창을 한 칸씩 셈).
    예전 버그: n=7, f=3에 s=4를 제안 → 창이 0–2열과 4–6열만 덮어 3열은 한 번도 읽히지 않았습니다."""
    f_eff = d * (f - 1) + 1
    fixes = divisibility_fixes(n, f, p, s, d)
    for q in fixes.padding:
        assert (n + 2 * q - f_eff) % s == 0
        assert _read_real_pixels(n, f_eff, q, s) == set(range(n)), f"p={q}, s={s}"
    for t in fixes.stride:
        assert t <= f_eff and (n + 2 * p - f_eff) % t == 0
        assert _read_real_pixels(n, f_eff, p, t) == set(range(n)), f"p={p}, s={t}"


def test_divisibility_fixes_with_same_padding_uses_stride_and_dilation():
    """'same'은 TF가 스트라이드·팽창에 맞춰 넣는 패딩으로 셉니다: 그러면 (n + 패딩 − d(f−1)−1)이 s로 나누어떨어져
    고칠 것이 없습니다. 예외는 필요한 패딩이 0으로 잘리는 경우(예: 6칸, 1칸 커널, s=4)뿐이고, 그때는 p=0과 같습니다."""
    for n, f, s, d in itertools.product(range(1, 10), range(1, 5), range(1, 5), range(1, 4)):
        before, after = same_padding(n, f, s, d)
        fixes = divisibility_fixes(n, f, "same", s, d)
        if (n + before + after - effective_kernel_size(f, d)) % s == 0:
            assert fixes == DivisibilityFixes((), ()), (n, f, s, d)
        else:
            assert before == after == 0 and fixes == divisibility_fixes(n, f, 0, s, d), (n, f, s, d)
    assert divisibility_fixes(6, 1, "same", 4) == DivisibilityFixes((), (1,))  # 6 − 1 = 5는 4로 안 나뉨
    # 7칸, 3칸 커널, s=3, d=2: 덮는 길이 5, SAME 패딩 (2, 2) → 7 + 4 − 5 = 6 = 2×3 (s·d를 빼고 세면 패딩 (1, 1), 4)
    assert divisibility_fixes(7, 3, "same", 3, 2) == DivisibilityFixes((), ())


def test_divisibility_fixes_examples_by_hand():
    # 7칸, 3칸 커널, s=3: 7+2p-3 이 3의 배수 → p=1 (6). 스트라이드 후보: 4를 나누는 3 이하의 t: 1, 2.
    # s=4는 4를 나누지만 필터(3칸)보다 커서 창 0–2열과 4–6열 사이의 3열을 건너뜁니다: 후보가 아닙니다.
    assert divisibility_fixes(7, 3, 0, 3) == DivisibilityFixes((1,), (1, 2))
    assert divisibility_fixes(7, 3, 0, 3).describe() == "패딩만 바꾸려면 p=1, 스트라이드만 바꾸려면 s=1 또는 s=2"
    # 6칸, s=4, p=2: 6+2q-3 이 4의 배수가 되는 q는 없음(홀수) → 패딩 후보 없음. 7을 나누는 3 이하 t: 1.
    assert divisibility_fixes(6, 3, 2, 4) == DivisibilityFixes((), (1,))
    assert divisibility_fixes(6, 3, 2, 4).describe() == "스트라이드만 바꾸려면 s=1"
    # 6칸, s=2: 6+2q-3 은 언제나 홀수 → 패딩 후보 없음; 3을 나누는 t ≤ 3: 1, 3
    assert divisibility_fixes(6, 3, 0, 2) == DivisibilityFixes((), (1, 3))
    # p=3, s=5, n=10, f=3: 10+2q-3 ≡ 0 (mod 5) → q=4가 나누어떨어지지만 s=5 > 3이라 창 사이 2칸씩을 건너뜀
    # → 패딩 후보 없음 (패딩으로는 빈칸을 메울 수 없음). 13을 나누는 3 이하 t: 1
    assert divisibility_fixes(10, 3, 3, 5) == DivisibilityFixes((), (1,))
    # 큰 패딩에서 줄이는 쪽: n=5, f=3, p=4, s=3 → 5+2q-3 ≡ 0 (mod 3) → q ≡ 2 (mod 3): 아래 2, 위 5.
    # 지금 span = 10 → 3 이하 약수(3 빼고) 1, 2
    assert divisibility_fixes(5, 3, 4, 3) == DivisibilityFixes((2, 5), (1, 2))
    assert divisibility_fixes(5, 3, 4, 3).describe() == "패딩만 바꾸려면 p=2 또는 p=5, 스트라이드만 바꾸려면 s=1 또는 s=2"
    # 1칸 입력, 7칸 커널, s=2: 1+2q-7 ≥ 0 이고 짝수 → 가장 작은 q=3 (줄이는 쪽 후보 없음), span<0 → 스트라이드 후보 없음
    assert divisibility_fixes(1, 7, 0, 2) == DivisibilityFixes((3,), ())
    # span = 1 (4칸, 3칸 커널, s=2): 1을 나누는 t는 1뿐. 4+2q-3 은 홀수 → 패딩 후보 없음
    assert divisibility_fixes(4, 3, 0, 2) == DivisibilityFixes((), (1,))
    # 이미 나누어떨어짐
    assert divisibility_fixes(5, 3, 0, 2) == DivisibilityFixes((), ())
    # 'same' (SAME 패딩 0칸): 5+2q 는 홀수 → 패딩 후보 없음; span 5를 나누는 t ≤ 1: 1
    assert divisibility_fixes(6, 1, "same", 4) == DivisibilityFixes((), (1,))
    # 1칸 필터, s=3 > 1: 1칸 입력은 창 하나 안에 들어가면 읽힘. p=1 → 2q ≡ 0 (mod 3): 아래 0, 위 3 (창 0, 3, 6 중 3이 화소)
    assert divisibility_fixes(1, 1, 1, 3) == DivisibilityFixes((0, 3), (1,))
    # ResNet의 첫 계층: 223은 홀수라 양쪽 같은 패딩으로는 안 되고, 필터 7 이하의 스트라이드 중 223을 나누는 것은 1뿐
    assert divisibility_fixes(224, 7, 3, 2) == DivisibilityFixes((), (1,))


def test_same_never_needs_divisibility():
    """'same'은 나누어떨어지지 않아도 ceil(n/s)입니다 (TF: 6칸, 1칸 커널, s=4 → 2)."""
    assert conv_output_size(6, 1, "same", s=4) == 2
    assert conv_output_size(6, 1, "SAME", s=4, strict=True) == 2
    assert conv_output_size(7, 4, "same", s=3) == 3


def test_huge_span_divisors_are_found_quickly():
    """span이 아주 커도 (√span > 10⁶) 멈추고, 작은 약수는 빠짐없이 찾습니다: span = 2·3·5·7·(큰 소수).
    스트라이드 후보는 필터가 덮는 길이 이하라서, 필터를 13칸으로 두어 s+2 = 13까지 봅니다."""
    big_prime = 1_000_000_007
    span = 2 * 3 * 5 * 7 * big_prime
    # s=11 은 span을 나누지 않음. 13 이하 약수 1, 2, 3, 5, 6, 7, 10 가운데 큰 두 개
    assert divisibility_fixes(span + 13, 13, 0, 11).stride == (7, 10)
    assert divisibility_fixes(span + 3, 3, 0, 11).stride == (2, 3)  # 3칸 필터: 3 이하만


def test_huge_span_search_stops_at_documented_cap():
    """문서의 한도: √span이 10⁶을 넘으면 10⁶ 이하의 약수와 그 짝만 찾습니다.
    span = 4q² (q = 1 000 003, 소수), s = 2q−1, 필터 2q+1칸: 2q+1 이하의 약수는 1, 2, 4, q, 2q 이지만
    q, 2q 는 10⁶ 보다 크고 그 짝 4q, 2q 도 10⁶ 보다 커서 찾지 않습니다 → 1, 2, 4 가운데 큰 두 개."""
    q = 1_000_003
    assert all(q % k for k in range(2, math.isqrt(q) + 1))
    f = 2 * q + 1
    assert divisibility_fixes(4 * q * q + f, f, 0, 2 * q - 1).stride == (2, 4)
    # 한도 바로 위의 약수도 찾지 않습니다: span = 1 000 001 · (1e9+7), 1 000 001 = 101 · 9901, s = 999 999.
    # s+2 이하의 약수 1, 101, 9901, 1 000 001 가운데 10⁶보다 큰 1 000 001은 (짝도 크므로) 빠집니다.
    span = 1_000_001 * 1_000_000_007
    assert span % 999_999 and 1_000_001 == 101 * 9901
    f = 1_000_001
    assert divisibility_fixes(span + f, f, 0, 999_999).stride == (101, 9901)


def test_strict_message_uses_the_formula_the_student_knows():
    """팽창이 없으면 오류 문장의 식에 d가 나오지 않고(02강 4절의 공식), 팽창이 있으면 d가 든 식을 씁니다."""
    with pytest.raises(ValueError) as plain:
        conv_output_size(7, 3, 0, 3)
    message = str(plain.value)
    assert message.startswith("(n + 2p - f) / s = (7 + 0 - 3) / 3 = 4/3: ")
    assert "d(f-1)" not in message and "마지막 1줄" in message
    assert "나누어떨어지게 하는 값 — 패딩만 바꾸려면 p=1, 스트라이드만 바꾸려면 s=1 또는 s=2." in message
    assert "을(를)" not in message and "s=4" not in message
    with pytest.raises(ValueError) as dilated:
        conv_output_size(9, 3, 0, 3, 2)
    assert str(dilated.value).startswith("(n + 2p - d(f-1) - 1) / s = (9 + 0 - 4 - 1) / 3 = 4/3: ")


def _strict_message(*args):
    with pytest.raises(ValueError) as info:
        conv_output_size(*args)
    return str(info.value)


def test_strict_message_counts_both_paddings_names_real_input_and_fixes_with_dilation():
    """식의 2p 자리에는 앞뒤 패딩의 합을 넣고, 남는 줄이 패딩 없는 입력의 끝이면 '입력', 패딩이 있으면 '패딩을 뺀
    실제 입력'이라 씁니다. 고칠 값은 지금 팽창으로 셉니다: 8칸, 3칸 커널, d=2(덮는 길이 5), p=1, s=3이면
    p=0(8−5=3)·p=3(8+6−5=9), s=1·s=5(8+2−5=5의 약수)이고, 팽창을 빼고 세면 p=2, s=1이 나와 틀립니다."""
    no_pad = _strict_message(6, 3, 0, 2)
    assert no_pad.startswith("(n + 2p - f) / s = (6 + 0 - 3) / 2 = 3/2: 정수로 나누어떨어지지 않아 입력의 마지막 1줄은")
    padded = _strict_message(11, 3, 1, 4)
    assert padded.startswith("(n + 2p - f) / s = (11 + 2 - 3) / 4 = 10/4: 정수로 나누어떨어지지 않아 "
                             "패딩을 뺀 실제 입력의 마지막 1줄은")
    dilated = _strict_message(8, 3, 1, 3, 2)
    assert dilated.startswith("(n + 2p - d(f-1) - 1) / s = (8 + 2 - 4 - 1) / 3 = 5/3: 정수로 나누어떨어지지 않아 "
                              "패딩을 뺀 실제 입력의 마지막 1줄은")
    assert "나누어떨어지게 하는 값 — 패딩만 바꾸려면 p=0 또는 p=3, 스트라이드만 바꾸려면 s=1 또는 s=5." in dilated
