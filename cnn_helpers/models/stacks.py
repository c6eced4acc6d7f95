"""합성곱 층을 쌓은 작은 모델: 4강(수용 영역)과 6강(VGG)에서 "큰 커널 하나 vs 3×3 여러 개"를 비교할 때 씁니다."""

from __future__ import annotations

from .. import _lazy
from .._validate import MAX_WIDTH, check_bool, check_int, check_weights
from ..arithmetic import parse_padding

__all__ = ["conv_stack"]


def conv_stack(kernels, channels=64, *, input_size=32, padding="valid", activation=None, use_bias=True):
    """채널 channels → channels, 스트라이드 1인 Conv2D를 kernels의 커널 크기대로 쌓은 함수형 모델.

    kernels: 층마다 커널 크기 목록 (예: [3, 3, 3]은 3×3 세 층, [7]은 7×7 한 층).
    input_size: 입력의 세로·가로 (입력 모양은 (input_size, input_size, channels)).
    padding: 'valid' 또는 'same', activation: 층마다의 활성화 (None이면 선형), use_bias: 편향을 쓸지.

    >>> model = conv_stack([3, 3, 3], channels=64, use_bias=False)   # doctest: +SKIP
    >>> model.count_params() == 27 * 64 * 64                         # doctest: +SKIP
    True
    """
    if isinstance(kernels, (str, bytes)) or not hasattr(kernels, "__iter__"):
        raise TypeError(f"kernels는 층마다의 커널 크기 목록이어야 합니다 (예: [3, 3, 3]). 받은 값: {kernels!r}")
    kernels = [check_int(f"kernels[{i}]", k, minimum=1) for i, k in enumerate(kernels)]
    if not kernels:
        raise ValueError("kernels에 층이 하나도 없습니다. 예: [3, 3]")
    channels = check_int("channels", channels, minimum=1, maximum=MAX_WIDTH, why="모델이 메모리에 들어가는 너비")
    input_size = check_int("input_size", input_size, minimum=1)
    padding = parse_padding(padding, "padding")
    if not isinstance(padding, str):
        raise ValueError(f"padding은 'valid' 또는 'same'이어야 합니다. 받은 값: {padding!r}")
    check_bool("use_bias", use_bias)
    check_weights("conv_stack", sum(k * k * channels * channels for k in kernels))
    keras = _lazy.keras()
    inputs = keras.Input(shape=(input_size, input_size, channels))
    x = inputs
    for k in kernels:
        x = keras.layers.Conv2D(channels, k, padding=padding, activation=activation, use_bias=use_bias)(x)
    return keras.Model(inputs, x)
