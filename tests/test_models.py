"""cnn_helpers.models·cnn_helpers.distribute 시험.

매개변수 수의 출처 (시험 안의 주석에도 적어 둠):
- VGG-16/19: keras.applications.VGG16/VGG19(weights=None)의 count_params() 138,357,544 / 143,667,240.
- ResNet: torchvision 모델 문서의 num_params (https://pytorch.org/vision/stable/models/generated/
  torchvision.models.resnet18.html 등): resnet18 11,689,512, resnet34 21,797,672, resnet50 25,557,032,
  resnet101 44,549,160, resnet152 60,192,808. torchvision은 합성곱 편향이 없고 BN의 학습 매개변수만
  세므로 우리 모델의 "학습 가능한" 매개변수와 정확히 같아야 합니다. Keras의 count_params()에는 BN 이동
  평균·분산(학습 안 함)이 더해집니다.
- ResNet 곱셈-덧셈(MAC): He et al. 2015 표 1의 FLOPs 행 1.8, 3.6, 3.8, 7.6, 11.3 (×10⁹).
- GoogLeNet: Szegedy et al. 2014 표 1의 params 열 합계 약 6.8M, ops 열 합계 약 1.5G.

학습 한 단계 시험은 run_eagerly=True로 돌립니다: 한 단계만 돌릴 때는 tf.function 추적(GoogLeNet은
2코어 CPU에서 10초 넘게 걸림)보다 즉시 실행이 훨씬 빠릅니다. 그래프 모드는 LeNet으로 한 번 확인합니다.
"""

from __future__ import annotations

import json
import math
import os
import re
import subprocess
import sys
import textwrap
from functools import cache

import keras
import numpy as np
import pytest

from cnn_helpers import models
from cnn_helpers.analysis import count_macs
from cnn_helpers.distribute import describe, strategy
from cnn_helpers.models import (
    GOOGLENET_TABLE1,
    bottleneck_block,
    googlenet,
    inception_block,
    lenet5,
    naive_inception_block,
    residual_block,
    resnet,
    vgg,
    vgg16,
    vgg19,
    vgg_block,
)

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
HANGUL = re.compile("[가-힣]")


# ---------------------------------------------------------------------------
# 도우미
# ---------------------------------------------------------------------------


def macs_by_hand(model) -> int:
    """합성곱·완전 연결 층의 곱셈-덧셈 수 (He et al. 표 1의 FLOPs와 같은 세는 법).

    cnn_helpers.analysis.count_macs를 교차 확인하려고 시험 안에 따로 둔 간단한 계산기입니다.

    합성곱: 출력 세로·가로 × 커널 세로·가로 × 입력 채널 × 출력 채널, 완전 연결: 입력 × 출력.
    BN·ReLU·풀링·덧셈은 세지 않습니다.
    """
    total = 0
    for layer in model.layers:
        if isinstance(layer, keras.layers.Conv2D):
            _, oh, ow, _ = layer.output.shape
            kh, kw, cin, cout = layer.kernel.shape
            total += oh * ow * kh * kw * cin * cout
        elif isinstance(layer, keras.layers.Dense):
            cin, cout = layer.kernel.shape
            total += cin * cout
    return total


def n_trainable(model) -> int:
    return sum(math.prod(w.shape) for w in model.trainable_weights)


def korean_error(excinfo, *needles):
    """오류 메시지가 한국어이고 주어진 조각을 모두 담고 있는지 확인합니다."""
    msg = str(excinfo.value)
    assert HANGUL.search(msg), msg
    for needle in needles:
        assert needle in msg, (needle, msg)


def one_step(model, x, y, *, eager=True):
    """작은 배치로 학습 한 단계를 돌리고 (손실, 가중치가 바뀌었는지)를 돌려줍니다."""
    if not model.built:
        model(x[:1])  # 서브클래싱 모델은 처음 부를 때 가중치가 생깁니다.
    n_out = len(getattr(model, "outputs", None) or [None])  # 서브클래싱 모델은 outputs가 없음
    model.compile(
        optimizer=keras.optimizers.Adam(1e-3),
        loss=["sparse_categorical_crossentropy"] * n_out,
        loss_weights=[1.0] + [0.3] * (n_out - 1),  # GoogLeNet 보조 분류기 손실 가중치 0.3 (논문)
        run_eagerly=eager,
    )
    before = [w.numpy().copy() for w in model.trainable_weights]
    hist = model.fit(x, [y] * n_out if n_out > 1 else y, batch_size=len(x), epochs=1, verbose=0)
    changed = any(not np.array_equal(b, w.numpy()) for b, w in zip(before, model.trainable_weights, strict=True))
    return hist.history["loss"][0], changed


def batch(shape, n=4, classes=10, seed=0):
    rng = np.random.default_rng(seed)
    return rng.random((n, *shape), dtype=np.float32), rng.integers(0, classes, n)


@cache
def imagenet_resnet(depth):
    """224×224 ResNet은 매개변수·MAC 시험에서 함께 쓰므로 한 번만 만듭니다."""
    return resnet(depth)


@pytest.fixture(autouse=True)
def _seed():
    keras.utils.set_random_seed(0)


@pytest.fixture(autouse=True, scope="module")
def _free_big_models():
    """224×224 모델(합쳐서 매개변수 약 1.7억 개)을 이 파일이 끝나면 놓아 줍니다."""
    yield
    imagenet_resnet.cache_clear()
    imagenet_googlenet.cache_clear()
    keras.backend.clear_session()


# ---------------------------------------------------------------------------
# import 비용
# ---------------------------------------------------------------------------


def test_import_does_not_load_tensorflow():
    code = "import sys, cnn_helpers.models, cnn_helpers.distribute; print(sorted(m for m in ('tensorflow', 'keras') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"


# ---------------------------------------------------------------------------
# LeNet-5
# ---------------------------------------------------------------------------


def test_lenet5_params_and_shapes():
    model = lenet5()
    # 156 + 2,416 + 48,120 + 10,164 + 850 (강의 표)
    assert model.count_params() == 61_706
    shapes = {layer.name: tuple(layer.output.shape) for layer in model.layers}
    assert shapes["conv1"] == (None, 28, 28, 6)
    assert shapes["pool2"] == (None, 5, 5, 16)
    assert shapes["flatten"] == (None, 400)
    assert shapes["predictions"] == (None, 10)


def test_lenet5_subclass_matches_functional():
    from cnn_helpers.models import LeNet5

    assert LeNet5 is models.LeNet5  # 한 번 만든 클래스를 계속 씁니다.
    assert "LeNet5" in dir(models)
    assert issubclass(LeNet5, keras.Model) and LeNet5.__module__ == "cnn_helpers.models"
    model = LeNet5(num_classes=10)
    x, _ = batch((28, 28, 1))
    probs = model(x)  # 강의 원본은 여기서 NotImplementedError (call이 클래스 밖에 있었음)
    assert tuple(probs.shape) == (4, 10)
    np.testing.assert_allclose(np.asarray(probs).sum(axis=1), 1.0, rtol=1e-5)
    assert model.count_params() == lenet5().count_params() == 61_706
    clone = LeNet5.from_config(model.get_config())
    assert clone.num_classes == 10


# Keras 3.15 + TF 2.21 + numpy 2.4: 저장할 때 keras 내부(backend/tensorflow/core.py)의 np.array(tf 텐서)가
# DeprecationWarning을 냅니다. 우리 코드와 무관하므로 이 시험에서만 숨깁니다.
@pytest.mark.filterwarnings("ignore:__array__ implementation doesn't accept a copy keyword:DeprecationWarning")
def test_lenet5_subclass_save_and_load(tmp_path):
    model = models.LeNet5(num_classes=3)
    x, _ = batch((28, 28, 1))
    expected = np.asarray(model(x))
    path = tmp_path / "lenet5.keras"
    model.save(path)
    loaded = keras.models.load_model(path)  # LeNet5는 cnn_helpers>LeNet5로 등록되어 있습니다.
    assert type(loaded) is models.LeNet5 and loaded.num_classes == 3
    np.testing.assert_allclose(np.asarray(loaded(x)), expected, rtol=1e-5, atol=1e-6)


def test_lenet5_train_step_graph_mode_and_subclass():
    x, y = batch((28, 28, 1), n=8)
    loss, changed = one_step(lenet5(), x, y, eager=False)  # tf.function 경로도 한 번 확인
    assert np.isfinite(loss) and changed
    loss, changed = one_step(models.LeNet5(num_classes=10), x, y)
    assert np.isfinite(loss) and changed


# ---------------------------------------------------------------------------
# VGG
# ---------------------------------------------------------------------------


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
# GoogLeNet
# ---------------------------------------------------------------------------

# 논문 표 1을 그대로 옮긴 것: (#1×1, #3×3 reduce, #3×3, #5×5 reduce, #5×5, pool proj)
PAPER_TABLE1 = {
    "3a": (64, 96, 128, 16, 32, 32),
    "3b": (128, 128, 192, 32, 96, 64),
    "4a": (192, 96, 208, 16, 48, 64),
    "4b": (160, 112, 224, 24, 64, 64),
    "4c": (128, 128, 256, 24, 64, 64),
    "4d": (112, 144, 288, 32, 64, 64),
    "4e": (256, 160, 320, 32, 128, 128),
    "5a": (256, 160, 320, 32, 128, 128),
    "5b": (384, 192, 384, 48, 128, 128),
}
# 표 1의 출력 크기 열 (224×224 입력)
PAPER_OUTPUT = {
    "3a": (28, 256), "3b": (28, 480), "4a": (14, 512), "4b": (14, 512), "4c": (14, 512),
    "4d": (14, 528), "4e": (14, 832), "5a": (7, 832), "5b": (7, 1024),
}  # fmt: skip


def _googlenet_params_from_table():
    """표 1의 열로 직접 센 매개변수 수 (가중치 + 편향, 보조 분류기 제외)."""
    def conv(k, cin, cout):
        return k * k * cin * cout + cout

    total = conv(7, 3, 64) + conv(1, 64, 64) + conv(3, 64, 192)
    cin = 192
    for f1, f3r, f3, f5r, f5, pp in PAPER_TABLE1.values():
        total += conv(1, cin, f1) + conv(1, cin, f3r) + conv(3, f3r, f3)
        total += conv(1, cin, f5r) + conv(5, f5r, f5) + conv(1, cin, pp)
        cin = f1 + f3 + f5 + pp
    return total + cin * 1000 + 1000


@cache
def imagenet_googlenet():
    return googlenet()


def test_googlenet_follows_table1():
    assert GOOGLENET_TABLE1 == PAPER_TABLE1
    model = imagenet_googlenet()
    for key, (size, channels) in PAPER_OUTPUT.items():
        assert tuple(model.get_layer(f"inception_{key}_output").output.shape) == (None, size, size, channels)
    assert tuple(model.get_layer("pool2_3x3_s2").output.shape) == (None, 28, 28, 192)
    assert tuple(model.output.shape) == (None, 1000)
    assert model.get_layer("dropout").rate == 0.4


def test_googlenet_params_and_macs_vs_paper():
    model = imagenet_googlenet()
    params = model.count_params()
    assert params == _googlenet_params_from_table() == 6_998_552
    # 논문 표 1 params 열의 합은 6,797.7K ≈ 6.8M. 우리 모델은 +2.9 %인데, 이유는
    #  (1) 표는 편향(8,280개)을 세지 않고, (2) 표의 행 값이 어림수이며 몇 행은 열의 숫자와 맞지
    #      않습니다: conv1 행은 2.7K인데 7·7·3·64 = 9,408, 5a 행은 1072K인데 열로 세면 1,042,432.
    #  (3) 표의 K가 1024라면(3a 행 159K = 163,328/1024) 합계는 6.96M이고 차이는 +0.5 %입니다.
    assert abs(params / 6.8e6 - 1) < 0.04
    # ops 열의 합은 1,502M. conv1 행(34M, 실제 112·112·7·7·3·64 = 118M) 때문에 우리 값이 +5.4 %.
    macs = count_macs(model)
    assert macs == macs_by_hand(model) == 1_582_671_872
    assert abs(macs / 1.502e9 - 1) < 0.06, macs


def test_googlenet_aux_heads():
    model = googlenet(aux_heads=True)
    assert model.output_names == ["predictions", "aux1_predictions", "aux2_predictions"]
    assert [tuple(o.shape) for o in model.outputs] == [(None, 1000)] * 3
    # 보조 분류기는 4a·4d 출력에 붙고, 5×5/3 평균 풀링 뒤 4×4×128 → FC 1024 → 드롭아웃 70 %.
    assert model.get_layer("aux1_avg_pool").input is model.get_layer("inception_4a_output").output
    assert model.get_layer("aux2_avg_pool").input is model.get_layer("inception_4d_output").output
    assert tuple(model.get_layer("aux1_conv").output.shape) == (None, 4, 4, 128)
    assert model.get_layer("aux2_dropout").rate == 0.7
    aux_params = (512 * 128 + 128) + (528 * 128 + 128) + 2 * (2048 * 1024 + 1024 + 1024 * 1000 + 1000)
    assert model.count_params() == 6_998_552 + aux_params


def test_googlenet_small_train_step_with_aux():
    model = googlenet(input_shape=(32, 32, 3), classes=10, aux_heads=True, small_input=True, width_multiplier=0.125)
    assert tuple(model.get_layer("inception_5b_output").output.shape) == (None, 8, 8, 128)
    x, y = batch((32, 32, 3))
    loss, changed = one_step(model, x, y)
    assert np.isfinite(loss) and changed


def test_googlenet_small_mnist_batch_norm():
    model = googlenet(input_shape=(28, 28, 1), classes=10, small_input=True, width_multiplier=0.125, batch_norm=True)
    assert any(isinstance(layer, keras.layers.BatchNormalization) for layer in model.layers)
    x, y = batch((28, 28, 1))
    loss, changed = one_step(model, x, y)
    assert np.isfinite(loss) and changed


def test_inception_blocks():
    x = keras.Input(shape=(12, 12, 16))
    naive = naive_inception_block(x, 8, 12, 4, name="naive")
    assert tuple(naive.shape) == (None, 12, 12, 8 + 12 + 4 + 16)  # 풀링 가지가 입력 채널을 그대로 넘김
    reduced = inception_block(x, 8, 6, 12, 2, 4, 5, name="inc")
    assert tuple(reduced.shape) == (None, 12, 12, 8 + 12 + 4 + 5)
    names = {layer.name for layer in keras.Model(x, reduced).layers}
    expected = {"inc_1x1", "inc_3x3_reduce", "inc_3x3", "inc_5x5_reduce", "inc_5x5", "inc_pool", "inc_pool_proj", "inc_output"}
    assert expected <= names
    # name=None이면 Keras가 겹치지 않는 이름을 붙이므로 같은 블록을 여러 번 쓸 수 있습니다.
    y = inception_block(inception_block(x, 4, 4, 4, 4, 4, 4), 4, 4, 4, 4, 4, 4)
    assert tuple(keras.Model(x, y).output.shape) == (None, 12, 12, 16)


# ---------------------------------------------------------------------------
# ResNet
# ---------------------------------------------------------------------------

# torchvision 문서의 num_params (합성곱 편향 없음, BN 감마·베타 포함 = 우리 모델의 학습 가능 매개변수)
TORCHVISION_PARAMS = {18: 11_689_512, 34: 21_797_672, 50: 25_557_032, 101: 44_549_160, 152: 60_192_808}
# He et al. 2015 표 1의 FLOPs(곱셈-덧셈) 행
PAPER_MACS = {18: 1.8e9, 34: 3.6e9, 50: 3.8e9, 101: 7.6e9, 152: 11.3e9}


@pytest.mark.parametrize("depth", [18, 34, 50, 101, 152])
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
    ("vgg16-too-small", lambda: vgg16(input_shape=(28, 28, 1)), ValueError, ("최소 32", "convs=(2, 2, 3)")),
    ("vgg16-2d-shape", lambda: vgg16(input_shape=(224, 224)), ValueError, ("input_shape", "(28, 28, 1)")),
    ("vgg16-shape-type", lambda: vgg16(input_shape="224"), TypeError, ("input_shape", "'224'")),
    ("vgg16-shape-float", lambda: vgg16(input_shape=(32.0, 32, 3)), TypeError, ("input_shape", "세로")),
    ("vgg16-classes-type", lambda: vgg16(classes=10.5), TypeError, ("classes", "10.5")),
    ("vgg16-dropout", lambda: vgg16(dropout=1.0), ValueError, ("dropout", "1.0")),
    ("vgg16-dropout-type", lambda: vgg16(dropout="0.5"), TypeError, ("dropout", "'0.5'")),
    ("vgg-filters-len", lambda: vgg((2, 2), input_shape=(32, 32, 3), filters=(8,)), ValueError, ("filters", "2")),
    ("lenet-too-small", lambda: lenet5(input_shape=(8, 8, 1)), ValueError, ("최소 12",)),
    ("lenet-classes", lambda: lenet5(classes=1), ValueError, ("classes", "2 이상")),
    ("LeNet5-classes", lambda: models.LeNet5(num_classes=1), ValueError, ("num_classes", "1")),
    ("googlenet-too-small", lambda: googlenet(input_shape=(16, 16, 3)), ValueError, ("최소 32", "small_input=True")),
    ("googlenet-aux-too-small", lambda: googlenet(input_shape=(64, 64, 3), aux_heads=True), ValueError, ("최소 65",)),
    ("googlenet-width", lambda: googlenet(width_multiplier=0), ValueError, ("width_multiplier", "0")),
    ("googlenet-aux-no-top", lambda: googlenet(aux_heads=True, include_top=False), ValueError, ("aux_heads",)),
    ("googlenet-aux-type", lambda: googlenet(aux_heads=1), TypeError, ("aux_heads", "1")),
    ("residual-x", lambda: residual_block(np.zeros((4, 4)), 8), TypeError, ("x", "4차원")),
    ("residual-filters", lambda: residual_block(_tensor(), 0), ValueError, ("filters", "0")),
    ("residual-stride", lambda: residual_block(_tensor(), 8, stride=0), ValueError, ("stride", "0")),
    ("bottleneck-name", lambda: bottleneck_block(_tensor(), 8, name=3), TypeError, ("name", "3")),
    ("inception-pool-proj", lambda: inception_block(_tensor(), 4, 4, 4, 4, 4, -1), ValueError, ("pool_proj", "-1")),
    ("naive-x", lambda: naive_inception_block("x", 4, 4, 4), TypeError, ("x",)),
    ("vgg-block-tiny", lambda: vgg_block(_tensor((1, 1, 3)), 4, 2), ValueError, ("2 이상",)),
]


@pytest.mark.parametrize(("call", "error", "needles"), [c[1:] for c in BAD_CALLS], ids=[c[0] for c in BAD_CALLS])
def test_bad_arguments_raise_korean_errors(call, error, needles):
    with pytest.raises(error) as excinfo:
        call()
    korean_error(excinfo, *needles)


def test_lenet5_subclass_rejects_small_images():
    with pytest.raises(ValueError) as excinfo:
        models.LeNet5()(np.zeros((1, 8, 8, 1), np.float32))
    korean_error(excinfo, "최소 12")


def test_unknown_attribute_is_korean_attribute_error():
    with pytest.raises(AttributeError) as excinfo:
        models.LeNet6  # noqa: B018
    korean_error(excinfo, "LeNet6")


# ---------------------------------------------------------------------------
# 분산 전략
# ---------------------------------------------------------------------------


def test_strategy_default_on_this_machine(monkeypatch, capsys):
    import tensorflow as tf

    from cnn_helpers import distribute

    if len(tf.config.list_logical_devices("GPU")) >= 2:
        pytest.skip("GPU가 2개 이상인 기계에서는 MirroredStrategy가 골라집니다.")
    monkeypatch.setattr(distribute, "tpu_address", lambda: None)
    s = strategy()
    assert s is tf.distribute.get_strategy() and s.num_replicas_in_sync == 1
    out = capsys.readouterr().out.strip().splitlines()
    assert len(out) == 1 and "기본 전략" in out[0] and "복제본 1개" in out[0]


def test_strategy_picks_mirrored_with_two_gpus(monkeypatch):
    import tensorflow as tf

    from cnn_helpers import distribute

    fake = object()
    real_list = tf.config.list_logical_devices
    monkeypatch.setattr(distribute, "tpu_address", lambda: None)
    monkeypatch.setattr(
        tf.config, "list_logical_devices", lambda kind=None: ["GPU:0", "GPU:1"] if kind == "GPU" else real_list(kind)
    )
    monkeypatch.setattr(tf.distribute, "MirroredStrategy", lambda *a, **k: fake)
    assert strategy(verbose=False) is fake


def test_strategy_tpu_failure_falls_back_quietly(monkeypatch, capsys):
    import tensorflow as tf

    from cnn_helpers import distribute

    def fail(**kwargs):
        raise ValueError("no TPU")

    monkeypatch.setattr(distribute, "tpu_address", lambda: "local")
    monkeypatch.setattr(tf.distribute.cluster_resolver.TPUClusterResolver, "connect", staticmethod(fail))
    s = strategy()
    assert s.num_replicas_in_sync >= 1
    out = capsys.readouterr().out
    assert "TPU" in out and HANGUL.search(out)


def test_tpu_probe_is_cheap_without_tpu(monkeypatch):
    from cnn_helpers import distribute

    for var in distribute._TPU_ENV_VARS:
        monkeypatch.delenv(var, raising=False)
    if os.path.exists("/dev/accel0"):
        pytest.skip("TPU VM에서는 TPU가 있다고 판단하는 것이 맞습니다.")
    assert distribute.tpu_address() in (None, "local")
    monkeypatch.setenv("COLAB_TPU_ADDR", "10.0.0.2:8470")
    assert distribute.tpu_address() == "grpc://10.0.0.2:8470"


def test_describe_rejects_non_strategy():
    with pytest.raises(TypeError) as excinfo:
        describe("mirrored")
    korean_error(excinfo, "strategy")


MIRRORED_SCRIPT = textwrap.dedent(
    """
    import json, os
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    import numpy as np
    import tensorflow as tf

    cpu = tf.config.list_physical_devices("CPU")[0]
    tf.config.set_logical_device_configuration(cpu, [tf.config.LogicalDeviceConfiguration()] * 2)
    import keras
    from cnn_helpers.distribute import describe
    from cnn_helpers.models import lenet5

    keras.utils.set_random_seed(0)
    s = tf.distribute.MirroredStrategy(["/cpu:0", "/cpu:1"])
    with s.scope():
        model = lenet5()
        model.compile(optimizer="sgd", loss="sparse_categorical_crossentropy")
    before = [w.numpy().copy() for w in model.trainable_weights]
    rng = np.random.default_rng(0)
    x = rng.random((16, 28, 28, 1), dtype=np.float32)
    y = rng.integers(0, 10, 16)
    hist = model.fit(x, y, batch_size=8, epochs=1, verbose=0)
    changed = any(not np.array_equal(b, w.numpy()) for b, w in zip(before, model.trainable_weights))
    print(json.dumps({"replicas": s.num_replicas_in_sync, "loss": hist.history["loss"][0],
                      "changed": changed, "describe": describe(s)}, ensure_ascii=False))
    """
)


def test_mirrored_strategy_on_two_logical_cpus():
    # 논리 장치 설정은 TensorFlow가 장치를 초기화하기 전에만 할 수 있으므로 별도 프로세스에서 돌립니다.
    env = dict(os.environ, TF_CPP_MIN_LOG_LEVEL="3", TF_ENABLE_ONEDNN_OPTS="0", PYTHONPATH=ROOT)
    out = subprocess.run(
        [sys.executable, "-c", MIRRORED_SCRIPT], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )
    assert out.returncode == 0, out.stderr[-3000:]
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result["replicas"] == 2
    assert math.isfinite(result["loss"])
    assert result["changed"]
    assert "MirroredStrategy" in result["describe"] and "복제본 2개" in result["describe"]


def test_conv_stack_matches_the_notebooks():
    """4강(편향 없음, valid)과 6강(same, ReLU)이 쓰던 conv_stack을 패키지 함수로 만듭니다."""
    from cnn_helpers.analysis import receptive_field
    from cnn_helpers.models import conv_stack

    c = 64
    for kernels, units in [([3, 3], 18), ([5], 25), ([3, 3, 3], 27), ([7], 49)]:
        model = conv_stack(kernels, c, input_size=32, use_bias=False)
        assert model.count_params() == units * c * c
        assert int(receptive_field(model)["rf"].iloc[-1]) == 1 + sum(k - 1 for k in kernels)
    same = conv_stack([3, 3], c, input_size=56, padding="same", activation="relu")
    assert tuple(same.output.shape[1:]) == (56, 56, c) and same.count_params() == 2 * (9 * c * c + c)


def test_layer_table_is_notebook03s_table():
    import pandas as pd

    from cnn_helpers.analysis import layer_table

    model = models.lenet5()
    expected = pd.DataFrame([{"계층": layer.name, "종류": type(layer).__name__,
                              "출력 모양": str(tuple(layer.output.shape[1:])), "매개변수": layer.count_params()}
                             for layer in model.layers])
    expected["비율(%)"] = (100 * expected["매개변수"] / model.count_params()).round(1)
    pd.testing.assert_frame_equal(layer_table(model), expected)
