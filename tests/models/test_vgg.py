"""cnn_helpers.models.vgg 시험 (6강).

매개변수 수의 출처: keras.applications.VGG16/VGG19(weights=None)의 count_params() 138,357,544 / 143,667,240.
"""

from __future__ import annotations

import keras
import numpy as np
import pytest

from cnn_helpers.models import vgg, vgg16, vgg19, vgg_block

from .models_helpers import batch, korean_error, one_step


@pytest.mark.slow
def test_vgg16_matches_keras_applications_layer_by_layer():
    mine = vgg16()
    assert mine.count_params() == 138_357_544  # keras.applications.VGG16(weights=None).count_params()
    ref = keras.applications.VGG16(weights=None)
    assert ref.count_params() == 138_357_544
    # 층마다 이름·종류·출력 모양·매개변수 수가 같아야 합니다 (입력층 이름은 Keras가 자동으로 붙임).
    assert len(mine.layers) == len(ref.layers)
    for a, b in zip(mine.layers, ref.layers, strict=True):
        assert type(a) is type(b)
        assert tuple(a.output.shape) == tuple(b.output.shape), a.name
        assert a.count_params() == b.count_params(), a.name
        if not isinstance(a, keras.layers.InputLayer):
            assert a.name == b.name
    del mine, ref
    keras.backend.clear_session()


@pytest.mark.slow
def test_vgg19_params_and_blocks():
    model = vgg19()
    assert model.count_params() == 143_667_240  # keras.applications.VGG19(weights=None).count_params()
    convs = [layer.name for layer in model.layers if isinstance(layer, keras.layers.Conv2D)]
    assert len(convs) == 16 and convs[-4:] == [f"block5_conv{i}" for i in range(1, 5)]
    assert tuple(model.get_layer("block5_pool").output.shape) == (None, 7, 7, 512)
    del model
    keras.backend.clear_session()


def test_vgg16_dropout_adds_layers_not_params():
    # 작은 폭으로 구조만 비교 (dropout은 매개변수가 없음).
    kw = {"input_shape": (32, 32, 3), "classes": 10, "filters": (8, 8, 16, 16, 16), "dense_units": 32}
    plain, dropped = vgg16(**kw), vgg16(dropout=0.5, **kw)
    assert plain.count_params() == dropped.count_params()
    names = [layer.name for layer in dropped.layers]
    assert names[-5:] == ["fc1", "fc1_dropout", "fc2", "fc2_dropout", "predictions"]
    assert not any(isinstance(layer, keras.layers.Dropout) for layer in plain.layers)


def test_vgg_include_top_false_and_block():
    feats = vgg16(input_shape=(64, 64, 3), include_top=False, filters=(4, 4, 8, 8, 8))
    assert tuple(feats.output.shape) == (None, 2, 2, 8)
    x = keras.Input(shape=(10, 10, 3))
    y = vgg_block(x, 5, 3, name="b")
    assert tuple(y.shape) == (None, 5, 5, 5)
    names = [layer.name for layer in keras.Model(x, y).layers[1:]]
    assert names == ["b_conv1", "b_conv2", "b_conv3", "b_pool"]


@pytest.mark.parametrize(
    "build",
    [
        lambda: vgg16(input_shape=(32, 32, 3), classes=10, filters=(8, 16, 32, 32, 32), dense_units=32, dropout=0.5),
        lambda: vgg19(input_shape=(32, 32, 3), classes=10, filters=(8, 8, 16, 16, 16), dense_units=16),
    ],
    ids=["vgg16-small-32x32x3", "vgg19-small-32x32x3"],
)
@pytest.mark.slow
def test_vgg_small_train_step(build):
    x, y = batch((32, 32, 3))
    loss, changed = one_step(build(), x, y)
    assert np.isfinite(loss) and changed


def test_vgg_three_blocks_on_mnist_size():
    model = vgg((2, 2, 3), input_shape=(28, 28, 1), classes=10, filters=(8, 16, 32), dense_units=32, name="vgg_mini")
    assert tuple(model.get_layer("block3_pool").output.shape) == (None, 3, 3, 32)
    x, y = batch((28, 28, 1))
    loss, changed = one_step(model, x, y)
    assert np.isfinite(loss) and changed


# ---------------------------------------------------------------------------
# 잘못된 입력 → 한국어 오류
# ---------------------------------------------------------------------------


def _tensor(shape=(8, 8, 16)):
    return keras.Input(shape=shape)


BAD_CALLS = [
    ("vgg16-too-small", lambda: vgg16(input_shape=(28, 28, 1)), ValueError, ("최소 32", "convs=(2, 2, 3)")),
    ("vgg16-2d-shape", lambda: vgg16(input_shape=(224, 224)), ValueError, ("input_shape", "(28, 28, 1)")),
    ("vgg16-shape-type", lambda: vgg16(input_shape="224"), TypeError, ("input_shape", "'224'")),
    ("vgg16-shape-float", lambda: vgg16(input_shape=(32.0, 32, 3)), TypeError, ("input_shape", "세로")),
    ("vgg16-classes-type", lambda: vgg16(classes=10.5), TypeError, ("classes", "10.5")),
    ("vgg16-dropout", lambda: vgg16(dropout=1.0), ValueError, ("dropout", "1.0")),
    ("vgg16-dropout-type", lambda: vgg16(dropout="0.5"), TypeError, ("dropout", "'0.5'")),
    ("vgg-filters-len", lambda: vgg((2, 2), input_shape=(32, 32, 3), filters=(8,)), ValueError, ("filters", "2")),
    ("vgg-block-tiny", lambda: vgg_block(_tensor((1, 1, 3)), 4, 2), ValueError, ("2 이상",)),
]


@pytest.mark.parametrize(("call", "error", "needles"), [c[1:] for c in BAD_CALLS], ids=[c[0] for c in BAD_CALLS])
def test_bad_arguments_raise_korean_errors(call, error, needles):
    with pytest.raises(error) as excinfo:
        call()
    korean_error(excinfo, *needles)
