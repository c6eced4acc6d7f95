"""cnn_helpers.models.resnet 시험 (8강).

- ResNet: torchvision 모델 문서의 num_params (https://pytorch.org/vision/stable/models/generated/
  torchvision.models.resnet18.html 등): resnet18 11,689,512, resnet34 21,797,672, resnet50 25,557,032,
  resnet101 44,549,160, resnet152 60,192,808. torchvision은 합성곱 편향이 없고 BN의 학습 매개변수만
  세므로 우리 모델의 "학습 가능한" 매개변수와 정확히 같아야 합니다. Keras의 count_params()에는 BN 이동
  평균·분산(학습 안 함)이 더해집니다.
- ResNet 곱셈-덧셈(MAC): He et al. 2015 표 1의 FLOPs 행 1.8, 3.6, 3.8, 7.6, 11.3 (×10⁹).
"""

from __future__ import annotations

import math
from functools import cache

import keras
import numpy as np
import pytest

from cnn_helpers.analysis import count_macs
from cnn_helpers.models import bottleneck_block, residual_block, resnet

from .models_helpers import batch, korean_error, macs_by_hand, n_trainable, one_step


@cache
def imagenet_resnet(depth):
    """224×224 ResNet은 매개변수·MAC 시험에서 함께 쓰므로 한 번만 만듭니다."""
    return resnet(depth)


# torchvision 문서의 num_params (합성곱 편향 없음, BN 감마·베타 포함 = 우리 모델의 학습 가능 매개변수)
TORCHVISION_PARAMS = {18: 11_689_512, 34: 21_797_672, 50: 25_557_032, 101: 44_549_160, 152: 60_192_808}
# He et al. 2015 표 1의 FLOPs(곱셈-덧셈) 행
PAPER_MACS = {18: 1.8e9, 34: 3.6e9, 50: 3.8e9, 101: 7.6e9, 152: 11.3e9}


@pytest.mark.parametrize("depth", [18, 34, 50, 101, 152])
@pytest.mark.slow
def test_resnet_params_and_macs(depth):
    model = imagenet_resnet(depth)
    assert n_trainable(model) == TORCHVISION_PARAMS[depth]
    # count_params()에는 BN 이동 평균·분산(채널당 2개)이 더해지지만 1 % 안쪽입니다.
    assert abs(model.count_params() / TORCHVISION_PARAMS[depth] - 1) < 0.01
    macs = count_macs(model)
    assert macs == macs_by_hand(model)
    # 측정값(GMACs): 18 → 1.814, 34 → 3.664, 50 → 3.858, 101 → 7.570, 152 → 11.282 (모두 논문과 2 % 안쪽)
    assert abs(macs / PAPER_MACS[depth] - 1) < 0.06, f"ResNet-{depth}: {macs / 1e9:.3f} GMACs"
    assert tuple(model.get_layer("conv5_block1_out").output.shape)[1:3] == (7, 7)


@pytest.mark.slow
def test_resnet50_vs_keras_applications():
    mine = imagenet_resnet(50)
    ref = keras.applications.ResNet50(weights=None)
    assert ref.count_params() == 25_636_712
    # keras.applications는 합성곱마다 편향을 둡니다(바로 뒤 BN 때문에 쓸모없음). 그것만 빼면 같습니다.
    conv_biases = sum(layer.bias.shape[0] for layer in ref.layers if isinstance(layer, keras.layers.Conv2D))
    assert mine.count_params() == ref.count_params() - conv_biases == 25_610_152
    for name in ("conv1_relu", "pool1_pool", "conv2_block3_out", "conv3_block4_out", "conv4_block6_out", "conv5_block3_out"):
        assert tuple(mine.get_layer(name).output.shape) == tuple(ref.get_layer(name).output.shape), name
    # stride는 원 논문·keras.applications처럼 첫 1×1 합성곱에 있습니다.
    assert mine.get_layer("conv3_block1_1_conv").strides == (2, 2)
    assert mine.get_layer("conv3_block1_2_conv").strides == (1, 1)


def test_residual_block_shortcuts():
    x = keras.Input(shape=(8, 8, 16))
    same = residual_block(x, 16, name="id")
    proj = residual_block(x, 32, stride=2, name="proj")
    plain = residual_block(x, 32, stride=2, name="plain", plain=True)
    assert tuple(same.shape) == (None, 8, 8, 16)
    assert tuple(proj.shape) == tuple(plain.shape) == (None, 4, 4, 32)
    names = {layer.name for layer in keras.Model(x, [same, proj, plain]).layers}
    assert "id_add" in names and "id_0_conv" not in names  # 모양이 같으면 항등 지름길
    assert {"proj_0_conv", "proj_0_bn", "proj_add"} <= names  # 모양이 바뀌면 1×1 투영
    assert not any(n.startswith("plain_0") or n == "plain_add" for n in names)


def test_bottleneck_block_expansion():
    x = keras.Input(shape=(8, 8, 16))
    y = bottleneck_block(x, 8, stride=2, name="bt")
    assert tuple(y.shape) == (None, 4, 4, 32)
    m = keras.Model(x, y)
    assert m.get_layer("bt_3_conv").filters == 32 and m.get_layer("bt_0_conv").filters == 32


def test_resnet_plain_has_no_shortcuts():
    res = resnet(18, input_shape=(32, 32, 3), classes=10, small_input=True, width=16)
    plain = resnet(18, input_shape=(32, 32, 3), classes=10, small_input=True, width=16, plain=True)
    assert plain.name == "plain18_small"
    assert not any(isinstance(layer, keras.layers.Add) for layer in plain.layers)
    assert sum(isinstance(layer, keras.layers.Add) for layer in res.layers) == 8
    projections = [layer for layer in res.layers if layer.name.endswith("_0_conv") or layer.name.endswith("_0_bn")]
    assert len(projections) == 6  # conv3·4·5 단계의 첫 블록
    assert res.count_params() - plain.count_params() == sum(layer.count_params() for layer in projections)


@pytest.mark.parametrize(
    ("depth", "shape", "width", "plain"),
    [(18, (32, 32, 3), 16, False), (18, (28, 28, 1), 16, True), (50, (32, 32, 3), 8, False)],
    ids=["resnet18-w16-32x32x3", "plain18-w16-28x28x1", "resnet50-w8-32x32x3"],
)
@pytest.mark.slow
def test_resnet_small_train_step(depth, shape, width, plain):
    model = resnet(depth, input_shape=shape, classes=10, small_input=True, width=width, plain=plain)
    assert tuple(model.get_layer("conv5_block1_out").output.shape)[1:3] == (math.ceil(shape[0] / 8),) * 2
    x, y = batch(shape)
    loss, changed = one_step(model, x, y)
    assert np.isfinite(loss) and changed


# ---------------------------------------------------------------------------
# 잘못된 입력 → 한국어 오류
# ---------------------------------------------------------------------------


def _tensor(shape=(8, 8, 16)):
    return keras.Input(shape=shape)


BAD_CALLS = [
    ("resnet-depth", lambda: resnet(20), ValueError, ("depth", "20", "18", "34", "50", "101", "152")),
    ("resnet-depth-type", lambda: resnet("50"), TypeError, ("depth", "'50'", "18")),
    ("resnet-too-small", lambda: resnet(18, input_shape=(16, 16, 3)), ValueError, ("최소 32", "small_input=True")),
    ("resnet-small-too-small", lambda: resnet(18, input_shape=(4, 4, 3), small_input=True), ValueError, ("최소 8",)),
    ("resnet-classes", lambda: resnet(18, classes=1), ValueError, ("classes", "1", "2 이상")),
    ("resnet-width", lambda: resnet(18, width=0), ValueError, ("width", "0")),
    ("resnet-width-type", lambda: resnet(18, width=16.0), TypeError, ("width", "16.0")),
    ("resnet-plain-type", lambda: resnet(18, plain="yes"), TypeError, ("plain", "'yes'")),
    ("residual-x", lambda: residual_block(np.zeros((4, 4)), 8), TypeError, ("x", "4차원")),
    ("residual-filters", lambda: residual_block(_tensor(), 0), ValueError, ("filters", "0")),
    ("residual-stride", lambda: residual_block(_tensor(), 8, stride=0), ValueError, ("stride", "0")),
    ("bottleneck-name", lambda: bottleneck_block(_tensor(), 8, name=3), TypeError, ("name", "3")),
]


@pytest.mark.parametrize(("call", "error", "needles"), [c[1:] for c in BAD_CALLS], ids=[c[0] for c in BAD_CALLS])
def test_bad_arguments_raise_korean_errors(call, error, needles):
    with pytest.raises(error) as excinfo:
        call()
    korean_error(excinfo, *needles)
