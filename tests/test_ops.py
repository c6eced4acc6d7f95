"""ops: numpy 합성곱·풀링이 TensorFlow / SciPy와 같은 값을 내는지 무작위 입력 수백 개로 확인합니다."""

import numpy as np
import pytest
import scipy.signal
from hypothesis import given, settings
from hypothesis import strategies as st

from cnn_helpers._validate import STEP_WHY
from cnn_helpers.ops import conv2d, convolve2d, correlate2d, pad_amounts, pool2d, window_view

CASES = 300


@pytest.fixture(scope="module")
def tf():
    import tensorflow as tf

    return tf


def dilate_kernel(w, dh, dw):
    """커널 사이에 0을 끼워 팽창 커널을 만듭니다 (TF CPU는 스트라이드+팽창을 함께 지원하지 않아 비교용)."""
    kh, kw = w.shape[:2]
    out = np.zeros(((kh - 1) * dh + 1, (kw - 1) * dw + 1) + w.shape[2:], w.dtype)
    out[::dh, ::dw] = w
    return out


@st.composite
def conv_case(draw):
    n = draw(st.integers(1, 3))
    cin, cout = draw(st.integers(1, 4)), draw(st.integers(1, 4))
    kh, kw = draw(st.integers(1, 4)), draw(st.integers(1, 4))
    sh, sw = draw(st.integers(1, 3)), draw(st.integers(1, 3))
    dh, dw = draw(st.integers(1, 3)), draw(st.integers(1, 3))
    padding = draw(st.one_of(st.sampled_from(["valid", "same", "VALID", "SAME"]), st.integers(0, 2),
                             st.tuples(st.integers(0, 2), st.integers(0, 2))))
    ph, pw = (0, 0) if isinstance(padding, str) else (padding if isinstance(padding, tuple) else (padding, padding))
    h = draw(st.integers(max(1, (kh - 1) * dh + 1 - 2 * ph), 12))
    w = draw(st.integers(max(1, (kw - 1) * dw + 1 - 2 * pw), 12))
    seed = draw(st.integers(0, 2**31))
    return n, h, w, cin, cout, kh, kw, (sh, sw), (dh, dw), padding, seed


def tf_padding(padding):
    if isinstance(padding, str):
        return padding.upper()
    ph, pw = padding if isinstance(padding, tuple) else (padding, padding)
    return [[0, 0], [ph, ph], [pw, pw], [0, 0]]


@settings(max_examples=CASES, deadline=None)
@given(case=conv_case(), bias=st.booleans())
def test_conv2d_matches_tf(tf, case, bias):
    """스트라이드·팽창·패딩·채널·배치를 모두 바꿔 가며 비교합니다.

    TF의 CPU conv2d는 스트라이드와 팽창을 함께 받지 않으므로, 기준값은 0을 끼워 넣은 팽창 커널로
    계산합니다 (수학적으로 같은 연산). 팽창 인자 자체는 아래 시험에서 TF와 직접 비교합니다.
    """
    n, h, w, cin, cout, kh, kw, stride, dilation, padding, seed = case
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(n, h, w, cin)).astype(np.float32)
    k = rng.normal(size=(kh, kw, cin, cout)).astype(np.float32)
    b = rng.normal(size=cout).astype(np.float32) if bias else None
    expected = tf.nn.conv2d(x, dilate_kernel(k, *dilation), strides=[1, *stride, 1], padding=tf_padding(padding))
    expected = expected.numpy() + (b if bias else 0)
    got = conv2d(x, k, b, stride=stride, padding=padding, dilation=dilation)
    assert got.shape == expected.shape
    np.testing.assert_allclose(got, expected, rtol=1e-4, atol=1e-4)


@settings(max_examples=100, deadline=None)
@given(case=conv_case())
def test_conv2d_dilation_matches_tf_dilations(tf, case):
    n, h, w, cin, cout, kh, kw, _, dilation, padding, seed = case
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(n, h, w, cin)).astype(np.float32)
    k = rng.normal(size=(kh, kw, cin, cout)).astype(np.float32)
    expected = tf.nn.conv2d(x, k, strides=1, padding=tf_padding(padding), dilations=[1, *dilation, 1]).numpy()
    np.testing.assert_allclose(conv2d(x, k, padding=padding, dilation=dilation), expected, rtol=1e-4, atol=1e-4)


@settings(max_examples=CASES, deadline=None)
@given(h=st.integers(1, 10), w=st.integers(1, 10), kh=st.integers(1, 5), kw=st.integers(1, 5),
       seed=st.integers(0, 2**31), ints=st.booleans())
def test_correlate_and_convolve_match_scipy(h, w, kh, kw, seed, ints):
    if kh > h or kw > w:
        kh, kw = min(kh, h), min(kw, w)
    rng = np.random.default_rng(seed)
    x = rng.integers(-5, 6, size=(h, w)) if ints else rng.normal(size=(h, w))
    k = rng.integers(-3, 4, size=(kh, kw)) if ints else rng.normal(size=(kh, kw))
    np.testing.assert_allclose(correlate2d(x, k), scipy.signal.correlate2d(x, k, mode="valid"), atol=1e-9)
    np.testing.assert_allclose(convolve2d(x, k), scipy.signal.convolve2d(x, k, mode="valid"), atol=1e-9)


@st.composite
def pool_case(draw):
    kh, kw = draw(st.integers(1, 4)), draw(st.integers(1, 4))
    stride = draw(st.one_of(st.none(), st.tuples(st.integers(1, 3), st.integers(1, 3))))
    padding = draw(st.sampled_from(["valid", "same"]))
    h, w = draw(st.integers(kh, 11)), draw(st.integers(kw, 11))
    return draw(st.integers(1, 3)), h, w, draw(st.integers(1, 3)), (kh, kw), stride, padding, draw(st.integers(0, 2**31))


@settings(max_examples=CASES, deadline=None)
@given(case=pool_case(), mode=st.sampled_from(["max", "avg"]))
def test_pool2d_matches_tf(tf, case, mode):
    n, h, w, c, size, stride, padding, seed = case
    x = np.random.default_rng(seed).normal(size=(n, h, w, c)).astype(np.float32)
    fn = tf.nn.max_pool2d if mode == "max" else tf.nn.avg_pool2d
    expected = fn(x, ksize=size, strides=stride or size, padding=padding.upper()).numpy()
    got = pool2d(x, size, stride=stride, padding=padding, mode=mode)
    assert got.shape == expected.shape
    np.testing.assert_allclose(got, expected, rtol=1e-5, atol=1e-5)


@st.composite
def int_pad_pool_case(draw):
    """정수 패딩 풀링: 패딩은 창보다 작게 (그래야 모든 창이 실제 입력을 덮음)."""
    kh, kw = draw(st.integers(1, 4)), draw(st.integers(1, 4))
    if draw(st.booleans()):
        ph, pw = draw(st.integers(0, kh - 1)), draw(st.integers(0, kw - 1))
        padding = (ph, pw)
    else:
        ph = pw = padding = draw(st.integers(0, min(kh, kw) - 1))
    sh, sw = draw(st.integers(1, 3)), draw(st.integers(1, 3))
    h, w = draw(st.integers(max(1, kh - 2 * ph), 10)), draw(st.integers(max(1, kw - 2 * pw), 10))
    return draw(st.integers(1, 2)), h, w, draw(st.integers(1, 3)), (kh, kw), (sh, sw), padding, draw(st.integers(0, 2**31))


@settings(max_examples=150, deadline=None)
@given(case=int_pad_pool_case(), mode=st.sampled_from(["max", "avg"]))
def test_pool2d_integer_padding_matches_tf(tf, case, mode):
    """TF 풀링은 정수 패딩을 받지 않으므로 TF로 직접 만든 기준과 비교합니다: 최대 = -inf로 패딩한 뒤 VALID
    max_pool2d; 평균(패딩 칸 제외) = 0으로 패딩한 입력의 VALID avg_pool2d ÷ 1로 된 마스크의 VALID avg_pool2d."""
    n, h, w, c, size, stride, padding, seed = case
    ph, pw = padding if isinstance(padding, tuple) else (padding, padding)
    x = np.random.default_rng(seed).normal(size=(n, h, w, c)).astype(np.float32)
    pads = [[0, 0], [ph, ph], [pw, pw], [0, 0]]
    if mode == "max":
        expected = tf.nn.max_pool2d(tf.pad(x, pads, constant_values=-np.inf), size, stride, "VALID").numpy()
    else:
        sums = tf.nn.avg_pool2d(tf.pad(x, pads), size, stride, "VALID")
        counts = tf.nn.avg_pool2d(tf.pad(tf.ones((1, h, w, 1)), pads), size, stride, "VALID")
        expected = (sums / counts).numpy()
    got = pool2d(x, size, stride=stride, padding=padding, mode=mode)
    assert got.shape == expected.shape
    np.testing.assert_allclose(got, expected, rtol=1e-5, atol=1e-5)


def test_pool2d_padding_must_be_smaller_than_window():
    x = np.arange(16.0).reshape(1, 4, 4, 1)
    # 2×2 창, 패딩 1: 왼쪽 위 창은 패딩 3칸 + 실제 x[0, 0] 한 칸 → 최대 0, 평균 0 (패딩 칸 제외)
    assert pool2d(x, 2, padding=1)[0, 0, 0, 0] == 0
    assert pool2d(x, 2, padding=1, mode="avg")[0, :, :, 0].tolist() == [[0, 1.5, 3], [6, 7.5, 9], [12, 13.5, 15]]
    assert pool2d(x, 2, padding=0).shape == (1, 2, 2, 1)
    for padding, axis in ((2, "세로"), ((1, 3), "가로"), ((2, 0), "세로")):
        with pytest.raises(ValueError, match=f"{axis} 방향: 패딩 .*창 크기"):
            pool2d(x, (2, 3), padding=padding)
    assert pool2d(x, (2, 3), padding=(1, 2)).shape == (1, 3, 2, 1)  # 스트라이드 = 창: (4+2-2)//2+1, (4+4-3)//3+1


def test_pad_amounts_and_window_view_defaults():
    """기본값 stride=1, dilation=1 (손으로 센 값): 6칸 입력의 3칸 커널 SAME 패딩은 양쪽 1칸."""
    assert pad_amounts(6, 6, 3, 3, "same") == ((1, 1), (1, 1))
    assert pad_amounts(6, 6, 3, 3, "same", 2) == ((0, 1), (0, 1))  # ceil(6/2)=3 → (3-1)·2+3-6 = 1칸, 뒤로
    assert pad_amounts(6, 6, 3, 3, "same", 1, 2) == ((2, 2), (2, 2))  # 팽창 2: 5칸 덮음 → 4칸
    assert pad_amounts(5, 7, 3, 2, (1, 2)) == ((1, 1), (2, 2))
    xp = np.arange(20.0).reshape(1, 4, 5, 1)
    view = window_view(xp, 2, 3)
    assert view.shape == (1, 3, 3, 2, 3, 1)
    assert np.array_equal(view[0, 1, 2, :, :, 0], xp[0, 1:3, 2:5, 0])


def test_accepts_tf_tensors_and_ints(tf):
    x = tf.ones((1, 3, 3, 1))
    assert conv2d(x, np.ones((3, 3, 1, 1), int))[0, 0, 0, 0] == 9
    assert pool2d(np.arange(4).reshape(1, 2, 2, 1), 2, mode="avg")[0, 0, 0, 0] == 1.5


X = np.zeros((1, 5, 5, 2))
W = np.zeros((3, 3, 2, 4))


def test_conv2d_keeps_float32_and_promotes_integers():
    """float32 입력은 float32로 계산하고(메모리·속도), 정수 입력은 실수로 올립니다."""
    x, w = np.ones((1, 4, 4, 1), np.float32), np.ones((3, 3, 1, 1), np.float32)
    assert conv2d(x, w).dtype == np.float32
    assert conv2d(x.astype(np.int64), w.astype(np.int64)).dtype == np.float64


@pytest.mark.parametrize(
    "call, error, text",
    [
        (lambda: conv2d(np.zeros((5, 5, 2)), W), ValueError, "4차원"),
        (lambda: conv2d(X, np.zeros((3, 3, 2))), ValueError, "4차원"),
        (lambda: conv2d(X, np.zeros((3, 3, 3, 4))), ValueError, "채널 수가 맞지 않습니다"),
        (lambda: conv2d(X, np.zeros((7, 7, 2, 4))), ValueError, "커널이 덮는 길이"),
        (lambda: conv2d(X, W, dilation=3), ValueError, "커널이 덮는 길이"),
        (lambda: conv2d(X, W, stride=0), ValueError, "stride"),
        (lambda: conv2d(X, W, stride=(1, 2, 3)), ValueError, "stride"),
        (lambda: conv2d(X, W, padding=-1), ValueError, "padding"),
        (lambda: conv2d(X, W, padding="full"), ValueError, "'valid', 'same'"),
        (lambda: conv2d(X, W, b=np.zeros(3)), ValueError, "편향"),
        (lambda: conv2d("이미지", W), TypeError, "숫자 배열"),
        (lambda: conv2d([[1, 2], [3]], W), TypeError, "배열로 바꿀 수 없습니다"),
        (lambda: conv2d(np.zeros((0, 5, 5, 2)), W), ValueError, "원소가 없습니다"),
        (lambda: correlate2d(np.zeros((2, 2)), np.zeros((3, 3))), ValueError, "커널이 덮는 길이"),
        (lambda: convolve2d(np.zeros((4, 4, 1)), np.zeros((3, 3))), ValueError, "2차원"),
        # 어느 인자가 틀렸는지와 기대하는 모양을 말함
        pytest.param(lambda: convolve2d(np.zeros((4, 4)), np.zeros((3, 3, 1))), ValueError,
                     r"k은\(는\) 2차원 \(커널 높이, 커널 너비\)", id="convolve2d-names-k"),
        pytest.param(lambda: correlate2d(np.zeros((4, 4, 1)), np.ones((3, 3))), ValueError,
                     r"^x은\(는\) 2차원 \(높이, 너비\) 배열", id="correlate2d-names-x"),
        pytest.param(lambda: correlate2d(np.zeros((4, 4)), np.ones((3, 3, 1))), ValueError,
                     r"^k은\(는\) 2차원 \(커널 높이, 커널 너비\) 배열", id="correlate2d-names-k"),
        (lambda: pool2d(X, mode="min"), ValueError, "'max' 또는 'avg'"),
        (lambda: pool2d(X, size=0), ValueError, "size"),
        (lambda: pool2d(X, size=6), ValueError, "커널이 덮는 길이"),
        (lambda: pool2d(X, size=2.5), TypeError, "정수"),
    ],
)
def test_bad_input_korean(call, error, text):
    with pytest.raises(error, match=text):
        call()


@pytest.mark.parametrize(
    "call, start",
    [
        (lambda: conv2d(np.zeros((5, 5, 2)), W), r"x은(는) 4차원 (배치, 높이, 너비, 채널) 배열"),
        (lambda: conv2d(X, np.zeros((3, 3, 2))), r"w은(는) 4차원 (커널 높이, 커널 너비, 입력 채널, 출력 채널) 배열"),
        (lambda: conv2d(X, W, b=np.zeros((4, 1))), r"b은(는) 1차원 (출력 채널,) 배열"),
        (lambda: conv2d(X, W, stride=0), "stride은(는) 1 이상"),
        (lambda: conv2d(X, W, stride=(1, 0)), "stride[1]은(는) 1 이상"),
        (lambda: conv2d(X, W, dilation=0), "dilation은(는) 1 이상"),
        (lambda: conv2d(X, W, padding=-1), "padding은(는) 0 이상"),
        (lambda: conv2d(X, W, padding="full"), "padding는 0 이상의 정수, 'valid', 'same' 중 하나"),
        (lambda: pool2d(np.zeros((5, 5, 2))), r"x은(는) 4차원 (배치, 높이, 너비, 채널) 배열"),
        (lambda: pool2d(X, size=0), "size은(는) 1 이상"),
        (lambda: pool2d(X, stride=0), "stride은(는) 1 이상"),
        (lambda: pool2d(X, padding=(1, -1)), "padding[1]은(는) 0 이상"),
        # 한도를 넘으면 한도와 그 까닭을 말함
        (lambda: conv2d(X, W, stride=10**5), f"stride은(는) 10000 이하여야 합니다 ({STEP_WHY})"),
        (lambda: conv2d(X, W, dilation=10**5), f"dilation은(는) 10000 이하여야 합니다 ({STEP_WHY})"),
        (lambda: conv2d(X, W, padding=(0, 10**5)), "padding은(는) 10000 이하여야 합니다 (한쪽 패딩의 한도)"),
        (lambda: pool2d(X, stride=10**5), f"stride은(는) 10000 이하여야 합니다 ({STEP_WHY})"),
        # 패딩 칸 수나 창 보기를 직접 구할 때도 같은 검사
        (lambda: pad_amounts(5, 5, 3, 3, "valid", stride=10**5), f"stride은(는) 10000 이하여야 합니다 ({STEP_WHY})"),
        (lambda: pad_amounts(5, 5, 3, 3, "valid", dilation=10**5),
         f"dilation은(는) 10000 이하여야 합니다 ({STEP_WHY})"),
        (lambda: window_view(X, 2, 2, stride=0), "stride은(는) 1 이상"),
        (lambda: window_view(X, 2, 2, stride=10**5), f"stride은(는) 10000 이하여야 합니다 ({STEP_WHY})"),
        (lambda: window_view(X, 2, 2, dilation=0), "dilation은(는) 1 이상"),
        (lambda: window_view(X, 2, 2, dilation=10**5), f"dilation은(는) 10000 이하여야 합니다 ({STEP_WHY})"),
    ],
)
def test_bad_input_message_starts_with_the_argument_name(call, start):
    """어느 인자가 틀렸는지 문장 맨 앞에서 말합니다 (x, w, b, stride, dilation, padding, size)."""
    with pytest.raises((ValueError, TypeError)) as error:
        call()
    assert str(error.value).startswith(start), str(error.value)


@pytest.mark.parametrize("mode", ["max", "avg"])
def test_pool2d_keeps_float32_and_promotes_integers(mode):
    """conv2d처럼: float32 입력은 float32로, 정수 입력은 실수로 풀링합니다 (평균의 나눗셈도 float32로)."""
    x = np.arange(16, dtype=np.float32).reshape(1, 4, 4, 1)
    assert pool2d(x, mode=mode, padding="same", size=3).dtype == np.float32
    assert pool2d(x.astype(np.int64), mode=mode).dtype == np.float64


@pytest.mark.parametrize("x_dtype, w_dtype", [(np.float64, np.float32), (np.float32, np.float64)])
def test_conv2d_promotes_to_the_wider_of_x_and_w(tf, x_dtype, w_dtype):
    """x와 w 가운데 하나라도 float64이면 float64로 계산합니다 (float32로 줄이면 0.1 같은 값이 어긋남)."""
    rng = np.random.default_rng(0)
    x = rng.uniform(-1, 1, (1, 4, 4, 2)).astype(x_dtype)
    w = rng.uniform(-1, 1, (2, 2, 2, 3)).astype(w_dtype)
    out = conv2d(x, w)
    assert out.dtype == np.float64
    expected = tf.nn.conv2d(x.astype(np.float64), w.astype(np.float64), strides=1, padding="VALID").numpy()
    np.testing.assert_allclose(out, expected, rtol=1e-12, atol=1e-12)


def test_kernel_longer_than_padded_input_names_the_axis_and_the_dilated_length():
    """커널이 (패딩한) 입력보다 길면 어느 방향(세로/가로)인지와 팽창까지 넣은 덮는 길이를 말합니다."""
    w = np.ones((3, 3, 1, 1))
    with pytest.raises(ValueError, match=r"^세로 방향: 커널이 덮는 길이 3이\(가\) 패딩을 더한 입력 2보다 큽니다"):
        conv2d(np.ones((1, 2, 5, 1)), w)
    with pytest.raises(ValueError, match=r"^가로 방향: 커널이 덮는 길이 3이\(가\) 패딩을 더한 입력 2보다 큽니다"):
        conv2d(np.ones((1, 5, 2, 1)), w)
    # 팽창 2: 3칸 커널이 5칸을 덮어 세로 4칸에 들어가지 않습니다 (팽창 없이 3칸이면 들어감).
    with pytest.raises(ValueError, match=r"^세로 방향: 커널이 덮는 길이 5이\(가\) 패딩을 더한 입력 4보다 큽니다"):
        conv2d(np.ones((1, 4, 9, 1)), w, dilation=2)


def test_window_view_is_read_only():
    """창 보기는 겹치는 창들이 입력의 같은 메모리를 가리키므로 쓰기를 막습니다 (한 칸에 쓰면 입력과 여러 창이 바뀜)."""
    xp = np.arange(16.0).reshape(1, 4, 4, 1)
    view = window_view(xp, 3, 3)
    assert not view.flags.writeable
    with pytest.raises(ValueError, match="read-only"):
        view[0, 0, 0, 1, 1, 0] = -1.0
    assert xp[0, 1, 1, 0] == 5.0


def test_conv2d_bias_is_added_in_the_computation_dtype():
    """계산 dtype은 x와 w가 정하고 편향도 그 dtype으로 바꿔 더합니다: float32 입력에 float64 편향을 주면 float32
    덧셈 한 번과 같습니다. 2⁻²⁴ + 2⁻⁵⁰은 float32로 2⁻²⁴이고 1 + 2⁻²⁴는 짝수 쪽 1로 반올림됩니다
    (float64로 더한 뒤 float32로 바꾸면 두 번 반올림해 1 + 2⁻²³이 됩니다)."""
    one = np.ones((1, 1, 1, 1), np.float32)
    out = conv2d(one, one, np.array([2.0**-24 + 2.0**-50]))
    assert out.dtype == np.float32
    assert out[0, 0, 0, 0] == np.float32(1.0)
