"""cnn_helpers.models.inception 시험 (7강): GoogLeNet(Inception v1)과 인셉션 블록.

매개변수·연산 수의 출처: Szegedy et al. 2014 표 1의 params 열 합계 약 6.8M, ops 열 합계 약 1.5G.
"""

from __future__ import annotations

from functools import cache

import keras
import numpy as np
import pytest

from cnn_helpers.analysis import count_macs
from cnn_helpers.models import GOOGLENET_TABLE1, googlenet, inception_block, naive_inception_block

from .models_helpers import batch, korean_error, macs_by_hand, one_step

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


@pytest.mark.slow
def test_googlenet_small_train_step_with_aux():
    model = googlenet(input_shape=(32, 32, 3), classes=10, aux_heads=True, small_input=True, width_multiplier=0.125)
    assert tuple(model.get_layer("inception_5b_output").output.shape) == (None, 8, 8, 128)
    x, y = batch((32, 32, 3))
    loss, changed = one_step(model, x, y)
    assert np.isfinite(loss) and changed


@pytest.mark.slow
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
# 잘못된 입력 → 한국어 오류
# ---------------------------------------------------------------------------


def _tensor(shape=(8, 8, 16)):
    return keras.Input(shape=shape)


BAD_CALLS = [
    ("googlenet-too-small", lambda: googlenet(input_shape=(16, 16, 3)), ValueError, ("최소 32", "small_input=True")),
    ("googlenet-aux-too-small", lambda: googlenet(input_shape=(64, 64, 3), aux_heads=True), ValueError, ("최소 65",)),
    ("googlenet-width", lambda: googlenet(width_multiplier=0), ValueError, ("width_multiplier", "0")),
    ("googlenet-aux-no-top", lambda: googlenet(aux_heads=True, include_top=False), ValueError, ("aux_heads",)),
    ("googlenet-aux-type", lambda: googlenet(aux_heads=1), TypeError, ("aux_heads", "1")),
    ("inception-pool-proj", lambda: inception_block(_tensor(), 4, 4, 4, 4, 4, -1), ValueError, ("pool_proj", "-1")),
    ("naive-x", lambda: naive_inception_block("x", 4, 4, 4), TypeError, ("x",)),
]


@pytest.mark.parametrize(("call", "error", "needles"), [c[1:] for c in BAD_CALLS], ids=[c[0] for c in BAD_CALLS])
def test_bad_arguments_raise_korean_errors(call, error, needles):
    with pytest.raises(error) as excinfo:
        call()
    korean_error(excinfo, *needles)
