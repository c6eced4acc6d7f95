"""구조 그림의 공통 도형과 실제 모델에서 읽은 계층 정보."""

import keras

from cnn_helpers.diagrams import _draw, layer_specs


def test_shapes_are_read_from_the_real_model():
    model = keras.Sequential([keras.Input((12, 12, 3)), keras.layers.Conv2D(4, 3, name="c"),
                              keras.layers.MaxPooling2D(name="p"), keras.layers.Flatten(), keras.layers.Dense(5)])
    specs = layer_specs(model)
    assert [s["kind"] for s in specs] == ["input", "conv", "pool", "flatten", "dense"]
    assert [s["shape"] for s in specs] == [(12, 12, 3), (10, 10, 4), (5, 5, 4), (100,), (5,)]
    assert sum(s["params"] for s in specs) == model.count_params()


def test_drawing_primitives_write_korean_text():
    fig, ax = _draw.canvas(4, 2, title="그림")
    _draw.box(ax, 0.2, 0.2, 1, 0.6, "합성곱", kind="conv")
    _draw.cuboid(ax, 2, 0.4, 0.8, 0.8, 0.6, label="28×28×6")
    _draw.arrow(ax, (1.2, 0.5), (2, 0.5), text="ReLU")
    assert set(_draw.texts(fig)) == {"그림", "합성곱", "28×28×6", "ReLU"}
