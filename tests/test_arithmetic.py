"""arithmetic: 출력 크기와 SAME 패딩을 TensorFlow의 실제 출력 모양과 비교합니다."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cnn_helpers.arithmetic import conv_output_size, effective_kernel_size, same_padding


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


@settings(max_examples=300, deadline=None)
@given(
    n=st.integers(1, 40), f=st.integers(1, 7), s=st.integers(1, 4), d=st.integers(1, 3),
    p=st.one_of(st.integers(0, 3), st.sampled_from(["valid", "same"])),
)
def test_output_size_matches_tensorflow(tf, n, f, s, d, p):
    """non-strict 출력 크기 = tf.nn.conv2d의 실제 출력 크기 (정수 패딩은 명시적 패딩으로)."""
    f_eff = d * (f - 1) + 1
    pad = 0 if p in ("valid", "same") else p
    if p != "same" and n + 2 * pad < f_eff:
        with pytest.raises(ValueError):
            conv_output_size(n, f, p, s, d, strict=False)
        return
    if s > 1 and d > 1:
        return  # TF의 CPU conv2d는 스트라이드와 팽창을 함께 쓰지 못합니다.
    x = tf.zeros((1, n, 1, 1))
    w = tf.zeros((f, 1, 1, 1))
    tf_pad = p.upper() if isinstance(p, str) else [[0, 0], [p, p], [0, 0], [0, 0]]
    y = tf.nn.conv2d(x, w, strides=[1, s, 1, 1], padding=tf_pad, dilations=[1, d, 1, 1])
    assert conv_output_size(n, f, p, s, d, strict=False) == y.shape[1]
    if p == "same":
        assert y.shape[1] == math.ceil(n / s)


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
