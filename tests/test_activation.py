"""cnn_helpers.activation 시험: 탐색기의 값이 Keras·수용 영역 표와 같은지, 모든 층에서 예외가 없는지."""

from __future__ import annotations

import functools
import warnings

import numpy as np
import pytest

keras = pytest.importorskip("keras")
pytest.importorskip("ipywidgets")

import cnn_helpers as ch  # noqa: E402
from cnn_helpers import analysis as an  # noqa: E402
from cnn_helpers import models  # noqa: E402
from cnn_helpers.activation import Activations, activation_explorer  # noqa: E402

layers = keras.layers


@functools.cache
def lenet():
    keras.utils.set_random_seed(0)
    return models.lenet5()


@functools.cache
def inception():
    keras.utils.set_random_seed(1)
    inputs = keras.Input((16, 16, 3))
    x = layers.Conv2D(8, 3, padding="same", activation="relu", name="stem")(inputs)
    x = models.inception_block(x, 4, 4, 6, 2, 3, 3, name="inc")
    x = layers.GlobalAveragePooling2D(name="gap")(x)
    return keras.Model(inputs, layers.Dense(5, activation="softmax", name="out")(x))


@functools.cache
def small_resnet():
    keras.utils.set_random_seed(2)
    return models.resnet(18, input_shape=(32, 32, 1), classes=10, width=8)


def _images(model, n=2, seed=0):
    shape = tuple(model.inputs[0].shape[1:])
    return np.random.default_rng(seed).uniform(0, 1, (n,) + shape).astype("float32")


def _explorer(model, n=2, labels=None):
    return activation_explorer(model, _images(model, n), labels)


def test_exported_and_repr():
    assert ch.activation_explorer is activation_explorer
    ex = _explorer(lenet(), labels=[3, 4])
    assert repr(ex) == "활성화 탐색기(image=0, layer='conv1', channel=0, position=(13, 13))"
    bundle = ex._repr_mimebundle_()
    assert bundle["text/plain"] == repr(ex)
    assert ex.image_bytes[:8] == b"\x89PNG\r\n\x1a\n" and ex.picture.value == ex.image_bytes
    assert [info.name for info in ex.activations.layers] == ["conv1", "pool1", "conv2", "pool2", "fc1", "fc2",
                                                             "predictions"]


@pytest.mark.parametrize("make", [lenet, inception, small_resnet], ids=["lenet", "inception", "resnet"])
def test_maps_equal_keras_submodel_and_box_equals_rf(make):
    model = make()
    images = _images(model, 2, seed=5)
    ex = activation_explorer(model, images)
    names = [info.name for info in ex.activations.layers]
    probe = keras.Model(model.inputs, [model.get_layer(n).output for n in names])
    expected = probe.predict(images[1:2], verbose=0)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        table = an.receptive_field(model, input_shape=images.shape[1:3], on_unknown="mark").set_index("layer")
    for name, want in zip(names, expected):
        ex.set(image=1, layer=name)
        np.testing.assert_allclose(ex.maps, want[0], rtol=1e-5, atol=1e-5)
        info = ex.info
        if info.spatial:
            i, j = info.shape[0] - 1, 0
            ex.set(position=(i, j))
            assert ex.rf_box == an.receptive_field_box(table.loc[name], i, j, images.shape[1:3])
            assert ex.value == pytest.approx(float(want[0][i, j, ex.channel]), abs=1e-5)
        else:
            assert ex.rf_box == (0, 0) + images.shape[1:3]
    np.testing.assert_allclose([p for _, p in ex.prediction],
                               np.sort(model.predict(images[1:2], verbose=0)[0])[::-1][:3], rtol=1e-5)


@pytest.mark.parametrize("make", [lenet, inception, small_resnet], ids=["lenet", "inception", "resnet"])
def test_first_conv_products_sum_to_map_value(make):
    model = make()
    ex = _explorer(model)
    first = ex.activations.first_conv
    h, w, c = ex.activations.layers[ex.activations.layer_index(first)].shape
    for channel, pos in [(0, (0, 0)), (c - 1, (h - 1, w - 1)), (c // 2, (h // 2, 1))]:
        ex.set(layer=first, channel=channel, position=pos)
        patch, kernel, bias, total, act = ex.products
        assert patch.shape == kernel.shape
        assert total == pytest.approx(float((patch * kernel).sum() + bias))
        z = max(total, 0.0) if act == "relu" else total
        assert z == pytest.approx(ex.value, rel=1e-4, abs=1e-4)
        assert "편향" in ex.formula
    ex.set(layer=1)
    assert ex.products is None and ex.formula == ""


@pytest.mark.parametrize("make", [lenet, inception, small_resnet], ids=["lenet", "inception", "resnet"])
def test_every_layer_channel_position_draws(make):
    ex = _explorer(make(), n=2, labels=[1, 2])
    count = 0
    for k, info in enumerate(ex.activations.layers):
        h, w = info.shape[:2] if info.spatial else (1, 1)
        for channel in sorted({0, info.channels // 2, info.channels - 1}):
            for pos in sorted({(0, 0), (h - 1, w - 1), ((h - 1) // 2, (w - 1) // 2)}):
                ex.set(image=k % 2, layer=k, channel=channel, position=pos)
                assert ex.frame.ndim == 3 and ex.frame.dtype == np.uint8
                top, left, bottom, right = ex.rf_box
                assert 0 <= top < bottom and 0 <= left < right
                count += 1
    assert count >= 3 * len(ex.activations.layers)


def test_widgets_move_the_picture():
    ex = _explorer(lenet())
    before = ex.image_bytes
    ex._layer.value = 2  # conv2
    assert ex.layer == "conv2" and ex.position == (4, 4) and ex.image_bytes != before
    before = ex.image_bytes
    ex._channel.value = 7
    assert ex.channel == 7 and ex.image_bytes != before
    ex._layer.value = 6  # predictions: 10개, 채널 7 유지
    assert ex.channel == 7 and ex.maps.shape == (10,) and ex._row.disabled


def test_activations_computed_once_per_image(monkeypatch):
    acts = Activations(lenet(), _images(lenet(), 3))
    calls = []
    real = acts._probe
    monkeypatch.setattr(acts, "_probe", lambda *a, **k: calls.append(1) or real(*a, **k))
    for layer in range(len(acts.layers)):
        acts.maps(0, layer)
        acts.prediction(0)
    acts.maps(2, 0)
    assert len(calls) == 2


def test_subclassed_model_gets_korean_error():
    class Tiny(keras.Model):
        def __init__(self):
            super().__init__()
            self.conv = layers.Conv2D(2, 3)
            self.flat = layers.Flatten()

        def call(self, x):
            return self.flat(self.conv(x))

    model = Tiny()
    model(np.zeros((1, 8, 8, 1), "float32"))
    with pytest.raises(TypeError, match="(?s)서브클래싱.*keras.Model\\(inputs, x\\)"):
        activation_explorer(model, np.zeros((1, 8, 8)))


@pytest.mark.parametrize(
    "kwargs, error, pattern",
    [
        ({"model": "lenet"}, TypeError, "Keras 모델"),
        ({"images": np.zeros((28, 28))}, ValueError, "배치 축"),
        ({"images": np.zeros((1, 32, 32))}, ValueError, "모델 입력과 다릅니다"),
        ({"images": np.full((1, 28, 28), np.nan)}, ValueError, "NaN"),
        ({"images": np.full((1, 28, 28), "a")}, TypeError, "숫자 배열"),
        ({"labels": [1, 2, 3]}, ValueError, "이미지 수"),
    ],
)
def test_bad_arguments_korean(kwargs, error, pattern):
    args = {"model": lenet(), "images": np.zeros((2, 28, 28)), "labels": None} | kwargs
    with pytest.raises(error, match=pattern):
        activation_explorer(**args)


@pytest.mark.parametrize(
    "kwargs, error, pattern",
    [
        ({"layer": "nope"}, ValueError, "가능한 층"),
        ({"layer": 99}, ValueError, "층 7개"),
        ({"image": 5}, ValueError, "이미지 2장"),
        ({"channel": 6}, ValueError, "채널은 0..5"),
        ({"channel": 1.5}, TypeError, "정수"),
        ({"position": (28, 0)}, ValueError, "28×28"),
        ({"position": 3}, TypeError, "두 정수"),
    ],
)
def test_bad_set_korean(kwargs, error, pattern):
    ex = _explorer(lenet())
    before = repr(ex)
    with pytest.raises(error, match=pattern):
        ex.set(**kwargs)
    assert repr(ex) == before


def test_strongest_picks_the_channel_with_the_largest_mean_and_its_largest_cell():
    model = inception()
    ex = _explorer(model, n=2)
    for image in (0, 1):
        ex.strongest("stem", image=image)
        maps = keras.Model(model.input, model.get_layer("stem").output)(_images(model)[image:image + 1]).numpy()[0]
        channel = int(maps.mean(axis=(0, 1)).argmax())
        assert (ex.image, ex.layer, ex.channel) == (image, "stem", channel)
        assert ex.value == pytest.approx(maps[..., channel].max(), rel=1e-5)
    with pytest.raises(ValueError, match="가로·세로가 없는"):
        ex.strongest(len(ex.activations.layers) - 1)
