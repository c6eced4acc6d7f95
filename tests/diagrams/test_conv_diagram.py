"""여러 채널 합성곱 그림: 그림에 적힌 모양과 매개변수 수가 실제 Keras Conv2D와 같습니다."""

import keras
import matplotlib.pyplot as plt
import pytest

from cnn_helpers.diagrams import _draw, draw_multichannel_conv
from cnn_helpers.diagrams.conv import multichannel_conv_shapes

CASES = [  # (높이, 너비, 채널, 필터 크기, 필터 수, 패딩, 스트라이드)
    (6, 6, 3, 3, 2, "valid", 1),
    (4, 4, 2, 3, 1, "valid", 1),
    (8, 8, 4, 3, 6, "same", 1),
    (7, 9, 16, 5, 32, "valid", 2),
    (28, 28, 1, 5, 6, "same", 2),
]


def keras_facts(h, w, c, f, n, p, s):
    inputs = keras.Input((h, w, c))
    layer = keras.layers.Conv2D(n, f, strides=s, padding=p)
    outputs = layer(inputs)
    return tuple(outputs.shape[1:]), tuple(layer.kernel.shape), layer.count_params()


@pytest.mark.parametrize("case", CASES)
def test_shapes_equal_a_real_conv2d(case):
    out_shape, kernel_shape, params = keras_facts(*case)
    shapes = multichannel_conv_shapes(*case)
    assert shapes["출력"] == out_shape
    assert shapes["필터"] + (shapes["필터 수"],) == kernel_shape  # Keras 필터 모양: (f, f, C_in, C_out)
    assert shapes["특징 맵"] == out_shape[:2]
    assert shapes["매개변수 수"] == params


@pytest.mark.parametrize("case", CASES)
def test_drawn_texts_equal_a_real_conv2d(case):
    h, w, c, f, n, p, s = case
    out_shape, _, params = keras_facts(*case)
    fig = draw_multichannel_conv(h, w, c, f, n, p, s)
    texts = _draw.texts(fig)
    plt.close(fig)
    assert f"입력 {h}×{w}×{c}" in texts
    assert f"출력 {'×'.join(map(str, out_shape))}" in texts
    assert f"필터 1: {f}×{f}×{c}" in texts and f"필터 {n}: {f}×{f}×{c}" in texts
    assert f"특징 맵 1: {out_shape[0]}×{out_shape[1]}" in texts
    assert any(t.startswith("매개변수 수 = ") and f"= {params:,}" in t for t in texts)
    drawn_filters = [t for t in texts if t.startswith("필터 ") and ":" in t]
    assert len(drawn_filters) == min(n, 4)  # 필터가 많으면 처음 3개와 마지막 1개만 그립니다


def test_bad_sizes_get_a_korean_error():
    with pytest.raises(ValueError, match="channels"):
        multichannel_conv_shapes(6, 6, 0, 3, 2)
    with pytest.raises((TypeError, ValueError), match="f"):
        multichannel_conv_shapes(6, 6, 3, 2.5, 2)
