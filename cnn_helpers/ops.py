"""numpy로 쓴 참조 구현: 합성곱, 교차 상관, 풀링 (tf.nn과 같은 결과).

모든 연산은 출력 화소마다 파이썬 반복을 돌지 않고, 입력을 창(window) 모양의 보기(view)로 바꾼 뒤
행렬 곱 한 번(im2col), 또는 축 방향 max/sum 한 번으로 계산합니다.
"""

from __future__ import annotations

import numpy as np

from ._validate import MAX_STEP, STEP_WHY, check_array, check_pair
from .arithmetic import effective_kernel_size, resolve_padding

__all__ = ["conv2d", "correlate2d", "convolve2d", "pool2d"]


def pad_amounts(h: int, w: int, kh: int, kw: int, padding, stride=1, dilation=1):
    """padding('valid', 'same', 정수, (세로, 가로))을 ((위, 아래), (왼쪽, 오른쪽)) 칸 수로 바꿉니다."""
    sh, sw = check_pair("stride", stride, maximum=MAX_STEP, why=STEP_WHY)
    dh, dw = check_pair("dilation", dilation, maximum=MAX_STEP, why=STEP_WHY)
    if isinstance(padding, str):
        ph = pw = padding
    else:
        ph, pw = check_pair("padding", padding, minimum=0)
    return resolve_padding(h, kh, ph, sh, dh, name="padding"), resolve_padding(w, kw, pw, sw, dw, name="padding")


def window_view(xp: np.ndarray, kh: int, kw: int, stride=1, dilation=1) -> np.ndarray:
    """패딩된 NHWC 배열에서 창 보기 (N, OH, OW, KH, KW, C)를 복사 없이 만듭니다."""
    sh, sw = check_pair("stride", stride, maximum=MAX_STEP, why=STEP_WHY)
    dh, dw = check_pair("dilation", dilation, maximum=MAX_STEP, why=STEP_WHY)
    n, h, w, c = xp.shape
    oh = (h - effective_kernel_size(kh, dh)) // sh + 1
    ow = (w - effective_kernel_size(kw, dw)) // sw + 1
    s0, s1, s2, s3 = xp.strides
    return np.lib.stride_tricks.as_strided(
        xp, shape=(n, oh, ow, kh, kw, c), strides=(s0, s1 * sh, s2 * sw, s1 * dh, s2 * dw, s3), writeable=False
    )


def _prepare(x, kh, kw, stride, padding, dilation, fill):
    """검사를 마치고 패딩한 입력을 돌려줍니다 (보폭과 팽창은 pad_amounts가 검사합니다)."""
    _, h, w, _ = x.shape
    (pt, pb), (pl, pr) = pad_amounts(h, w, kh, kw, padding, stride, dilation)
    dh, dw = check_pair("dilation", dilation, maximum=MAX_STEP, why=STEP_WHY)
    for axis, padded, k, d in (("세로", h + pt + pb, kh, dh), ("가로", w + pl + pr, kw, dw)):
        if padded < effective_kernel_size(k, d):
            raise ValueError(
                f"{axis} 방향: 커널이 덮는 길이 {effective_kernel_size(k, d)}이(가) 패딩을 더한 입력 {padded}보다 큽니다. "
                "커널이나 팽창(dilation)을 줄이거나 패딩을 늘리세요."
            )
    if pt or pb or pl or pr:
        x = np.pad(x, ((0, 0), (pt, pb), (pl, pr), (0, 0)), constant_values=fill)
    return x


def conv2d(x, w, b=None, *, stride=1, padding="valid", dilation=1) -> np.ndarray:
    """tf.nn.conv2d와 같은 2-D 합성곱(실제로는 교차 상관)을 numpy로 계산합니다.

    x: 입력 배치 (N, H, W, C_in), w: 필터 (KH, KW, C_in, C_out), b: 편향 (C_out,) 또는 None.
    stride, dilation: 정수 또는 (세로, 가로). padding: 'valid', 'same', 정수 또는 (세로, 가로).

    >>> import numpy as np
    >>> conv2d(np.ones((1, 4, 4, 1)), np.ones((3, 3, 1, 1)))[0, :, :, 0]
    array([[9., 9.],
           [9., 9.]])
    """
    x = check_array("x", x, 4, what="(배치, 높이, 너비, 채널)")
    w = check_array("w", w, 4, what="(커널 높이, 커널 너비, 입력 채널, 출력 채널)")
    if x.shape[3] != w.shape[2]:
        raise ValueError(
            f"채널 수가 맞지 않습니다: 입력 x의 채널은 {x.shape[3]}개인데 필터 w는 입력 채널 {w.shape[2]}개용입니다. "
            f"w의 모양을 (KH, KW, {x.shape[3]}, C_out)으로 맞추세요."
        )
    if b is not None:
        b = check_array("b", b, 1, what="(출력 채널,)")
        if b.shape[0] != w.shape[3]:
            raise ValueError(f"편향 b의 길이 {b.shape[0]}가 출력 채널 수 {w.shape[3]}와 다릅니다.")
    dtype = np.result_type(x.dtype, w.dtype, np.float32)
    kh, kw = w.shape[:2]
    xp = _prepare(x.astype(dtype, copy=False), kh, kw, stride, padding, dilation, 0)
    windows = window_view(xp, kh, kw, stride, dilation)  # (N, OH, OW, KH, KW, C), 아직 복사 없음
    n, oh, ow = windows.shape[:3]
    # im2col: 창마다 KH·KW·C개 값을 한 행으로 펼친 행렬(여기서 한 번 복사)과 필터 행렬을 한 번 곱합니다.
    cols = windows.reshape(n * oh * ow, kh * kw * x.shape[3])
    out = (cols @ w.astype(dtype, copy=False).reshape(-1, w.shape[3])).reshape(n, oh, ow, w.shape[3])
    if b is not None:
        out += b.astype(dtype, copy=False)
    return out


def correlate2d(x, k) -> np.ndarray:
    """2-D 'valid' 교차 상관: 커널을 뒤집지 않고 겹치는 원소끼리 곱해 더합니다.

    scipy.signal.correlate2d(x, k, mode='valid')와 같습니다.

    >>> correlate2d([[1, 2], [3, 4]], [[1, 0], [0, 1]])
    array([[5.]])
    """
    x = check_array("x", x, 2, what="(높이, 너비)")
    k = check_array("k", k, 2, what="(커널 높이, 커널 너비)")
    return conv2d(x[None, :, :, None], k[:, :, None, None])[0, :, :, 0]


def convolve2d(x, k) -> np.ndarray:
    """2-D 'valid' 합성곱(수학적 정의): 커널을 상하·좌우로 뒤집은 뒤 교차 상관을 계산합니다.

    scipy.signal.convolve2d(x, k, mode='valid')와 같습니다.

    >>> convolve2d([[1, 2], [3, 4]], [[1, 0], [0, 2]])
    array([[6.]])
    """
    k = check_array("k", k, 2, what="(커널 높이, 커널 너비)")
    return correlate2d(x, k[::-1, ::-1])


def pool2d(x, size=2, *, stride=None, padding="valid", mode="max") -> np.ndarray:
    """tf.nn.max_pool2d / avg_pool2d와 같은 2-D 풀링.

    x: (N, H, W, C), size: 창 크기(정수 또는 (세로, 가로)), stride: 기본값은 size와 같음,
    mode: 'max' 또는 'avg'. SAME 평균 풀링은 TensorFlow처럼 패딩 칸을 평균에서 뺍니다.

    >>> import numpy as np
    >>> pool2d(np.arange(16.).reshape(1, 4, 4, 1))[0, :, :, 0]
    array([[ 5.,  7.],
           [13., 15.]])
    """
    if mode not in ("max", "avg"):
        raise ValueError(f"mode는 'max' 또는 'avg'여야 합니다. 받은 값: {mode!r}")
    x = check_array("x", x, 4, what="(배치, 높이, 너비, 채널)")
    kh, kw = check_pair("size", size)
    stride = (kh, kw) if stride is None else check_pair("stride", stride, maximum=MAX_STEP, why=STEP_WHY)
    if not isinstance(padding, str):
        for axis, pad, k in zip(("세로", "가로"), check_pair("padding", padding, minimum=0), (kh, kw)):
            if pad >= k:  # 그러면 패딩만 덮는 창이 생겨 최대는 -inf, 평균은 NaN이 됩니다 (sliding_steps와 같은 규칙).
                raise ValueError(
                    f"{axis} 방향: 패딩 {pad}칸 ≥ 창 크기 {k}이면 패딩만 덮고 실제 입력은 한 칸도 덮지 않는 창이 생깁니다. "
                    f"풀링의 패딩은 창 크기보다 작아야 합니다: padding을 {k - 1} 이하로 줄이거나 'same'을 쓰세요."
                )
    dtype = np.result_type(x.dtype, np.float32)
    x = x.astype(dtype, copy=False)
    if mode == "max":
        xp = _prepare(x, kh, kw, stride, padding, 1, -np.inf)
        return window_view(xp, kh, kw, stride).max(axis=(3, 4))
    xp = _prepare(x, kh, kw, stride, padding, 1, 0)
    sums = window_view(xp, kh, kw, stride).sum(axis=(3, 4))
    ones = _prepare(np.ones((1,) + x.shape[1:3] + (1,), dtype), kh, kw, stride, padding, 1, 0)
    counts = window_view(ones, kh, kw, stride).sum(axis=(3, 4))
    return sums / counts
