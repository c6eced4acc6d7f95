"""cnn_helpers.analysis.macs 시험: count_macs, layer_macs (곱셈-누산 수).

기준값의 출처는 tests/analysis/test_rf.py 머리말의 [MAC]·[RF] 항목을 보세요.
"""

from __future__ import annotations

import pytest

from cnn_helpers import analysis as an
from cnn_helpers.analysis.macs import layer_macs

from .analysis_helpers import rel_err, rf_triple

keras = pytest.importorskip("keras")
layers = keras.layers


def test_macs_vgg16_and_resnet50_match_he_et_al(vgg16, resnet50):
    # He et al. 2015: VGG-16 15.3e9, ResNet-50 3.8e9 multiply-adds (224×224).
    vgg = an.count_macs(vgg16)  # 합성곱 13개만; 분류기를 더하면 15.470e9 (+1.1 %)
    assert vgg == 15_346_630_656
    assert rel_err(vgg, 15.3e9) < 0.01
    # [RF] 표 vgg_16/pool5, 224: 30.713 GFLOPs (multiply-add 1번 = 2 FLOPs, 편향 덧셈 등 약간 포함)
    assert rel_err(2 * vgg, 30.713e9) < 0.002
    res = an.count_macs(resnet50)  # 분류기 포함
    assert rel_err(res, 3.8e9) < 0.03  # 실제 3.858e9 (+1.5 %)


@pytest.mark.slow
def test_macs_vgg19_with_classifier():
    # He et al. 2015: VGG-19 19.6e9 (분류기 포함 19.632e9, -0.2 %)
    model = keras.applications.VGG19(weights=None)
    macs = an.count_macs(model)
    assert rel_err(macs, 19.6e9) < 0.01
    # 완전연결층: 7·7·512·4096 + 4096·4096 + 4096·1000
    table = an.model_table(model)
    assert table.loc[table["type"] == "Dense", "macs"].sum() == 25088 * 4096 + 4096 * 4096 + 4096 * 1000
    assert table["macs"].sum() == macs


@pytest.mark.slow
def test_macs_resnet101_matches_he_et_al():
    # He et al. 2015 표 1: ResNet-101 7.6e9 (ResNet-152 11.3e9 도 0.2 % 안으로 맞지만 만드는 데 4초 걸려 생략)
    model = keras.applications.ResNet101(weights=None, input_shape=(224, 224, 3))
    assert rel_err(an.count_macs(model), 7.6e9) < 0.01


@pytest.mark.slow
def test_macs_resnet50v2_matches_tf_profiler_table():
    # [RF] 표 resnet_v2_50/block4, 224: 6.969 GFLOPs. Keras ResNet50V2 도 Slim 처럼 단계의 마지막 블록에서
    # 보폭을 주므로 합성곱 구조가 같습니다.
    model = keras.applications.ResNet50V2(weights=None, include_top=False, input_shape=(224, 224, 3))
    assert rel_err(2 * an.count_macs(model), 6.969e9) < 0.003
    assert rf_triple(an.receptive_field(model), "post_relu") == (483, 32, 241)


def test_macs_small_layers_by_hand():
    inp = keras.Input((10, 10, 4))
    conv = layers.Conv2D(8, 3, name="conv")(inp)  # 8·8 · 9 · 4 · 8 = 18432
    grouped = layers.Conv2D(8, 3, groups=2, padding="same", name="grouped")(inp)  # 10·10 · 9 · 2 · 8 = 14400
    depth = layers.DepthwiseConv2D(3, depth_multiplier=2, name="depth")(inp)  # 8·8 · 9 · 4 · 2 = 4608
    sep = layers.SeparableConv2D(16, 3, name="sep")(inp)  # 8·8·9·4 + 8·8·4·16 = 2304 + 4096
    up = layers.Conv2DTranspose(5, 3, strides=2, name="up")(inp)  # 입력 10·10 · 9 · 4 · 5 = 18000
    pooled = layers.BatchNormalization(name="bn")(layers.MaxPooling2D(name="pool")(conv))
    dense4d = layers.Dense(7, name="dense4d")(pooled)  # 4·4 위치 · 8 · 7 = 896
    flat = layers.Dense(3, name="dense")(layers.Flatten()(dense4d))  # 112 · 3 = 336
    model = keras.Model(inp, [grouped, depth, sep, up, flat])
    expected = {
        "conv": 18432, "grouped": 14400, "depth": 4608, "sep": 6400,
        "up": 18000, "dense4d": 896, "dense": 336, "bn": 0, "pool": 0,
    }  # fmt: skip
    for name, macs in expected.items():
        assert layer_macs(model.get_layer(name)) == macs, name
    assert an.count_macs(model) == sum(expected.values())


def test_macs_channels_first_separable_and_transposed():
    """channels_first에서도 채널 축을 바르게 읽습니다 (돌연변이 시험 mutmut이 찾은 빈틈: 분리 합성곱의 출력 채널을
    channels_last로 읽어도 시험이 통과했습니다). 값은 channels_last일 때와 같습니다."""
    inp = keras.Input((4, 10, 10))
    sep = layers.SeparableConv2D(16, 3, data_format="channels_first", name="sep_cf")(inp)  # 8·8·4·(9 + 16) = 6400
    up = layers.Conv2DTranspose(5, 3, strides=2, data_format="channels_first", name="up_cf")(inp)  # 10·10·9·4·5
    model = keras.Model(inp, [sep, up])
    assert layer_macs(model.get_layer("sep_cf")) == 6400
    assert layer_macs(model.get_layer("up_cf")) == 18000
    assert an.count_macs(model) == 6400 + 18000


def test_macs_more_layer_kinds_by_hand():
    """손으로 센 MAC: 깊이 배수가 있는 SeparableConv, 1-D·3-D 합성곱, 스트라이드 전치 합성곱, groups, 3-D Dense."""
    inp = keras.Input((10, 10, 4))
    sep = layers.SeparableConv2D(16, 3, depth_multiplier=2, name="sep2")(inp)
    # 깊이별 8·8 · 9 · 4 · 2 = 4608, 점별 8·8 · (4·2) · 16 = 8192
    grouped = layers.Conv2D(8, 1, groups=4, name="g4")(inp)  # 10·10 · 1 · (4/4) · 8 = 800
    up = layers.Conv2DTranspose(3, 2, strides=3, name="up3")(inp)  # 입력 10·10 · 4 · 4 · 3 = 4800 (출력 30·30)
    model = keras.Model(inp, [sep, grouped, up])
    assert layer_macs(model.get_layer("sep2")) == 4608 + 8192
    assert layer_macs(model.get_layer("g4")) == 800
    assert layer_macs(model.get_layer("up3")) == 4800
    assert an.count_macs(model) == 4608 + 8192 + 800 + 4800
    assert isinstance(model.layers[0], layers.InputLayer) and layer_macs(model.layers[0]) == 0  # 입력층: 계산 없음

    seq = keras.Sequential([keras.Input((20, 3)), layers.Conv1D(5, 4, strides=2), layers.Dense(7)])
    # Conv1D: 출력 (20-4)//2+1 = 9 칸 · 4 · 3 · 5 = 540; 위치마다 Dense: 9 · 5 · 7 = 315
    assert an.count_macs(seq) == 540 + 315
    vol = keras.Sequential([keras.Input((6, 6, 6, 2)), layers.Conv3D(3, 3)])
    assert an.count_macs(vol) == 4 * 4 * 4 * 27 * 2 * 3  # 10368
    dense3d = keras.Sequential([keras.Input((7, 5)), layers.Dense(3)])
    assert an.count_macs(dense3d) == 7 * 5 * 3


def test_macs_channels_first_by_hand():
    """channels_first: 채널은 축 1. 입력 (4, 10, 12) → 출력 (8, 8, 10): 8·10 · 9 · 4 · 8 = 23040."""
    model = keras.Sequential([
        keras.Input((4, 10, 12)),
        layers.Conv2D(8, 3, data_format="channels_first", name="cf"),
        layers.DepthwiseConv2D(3, depth_multiplier=2, data_format="channels_first", name="dw"),
    ])
    # 깊이별: 출력 (16, 6, 8): 6·8 · 9 · 8 · 2 = 6912
    assert layer_macs(model.get_layer("cf")) == 8 * 10 * 9 * 4 * 8
    assert layer_macs(model.get_layer("dw")) == 6 * 8 * 9 * 8 * 2
    assert an.count_macs(model) == 8 * 10 * 9 * 4 * 8 + 6 * 8 * 9 * 8 * 2


def test_macs_lenet5_by_hand():
    """강의의 LeNet-5 (28×28): conv1 'same' 28·28·25·1·6 + conv2 10·10·25·6·16 + 400·120 + 120·84 + 84·10."""
    from cnn_helpers.models import lenet5

    model = lenet5()
    assert an.count_macs(model) == 117_600 + 240_000 + 48_000 + 10_080 + 840 == 416_520
    assert layer_macs(model.get_layer("conv2")) == 240_000
    assert layer_macs(model) == 416_520


def test_macs_mobilenet_v1_matches_howard_et_al():
    """Howard et al. 2017 표 8: 1.0 MobileNet-224 는 569M mult-adds (분류기 포함)."""
    model = keras.applications.MobileNet(weights=None, input_shape=(224, 224, 3))
    assert rel_err(an.count_macs(model), 569e6) < 0.01


def test_macs_input_shape_checks():
    model = keras.Sequential([keras.Input((None, None, 3)), layers.Conv2D(4, 3)])
    assert an.count_macs(model, input_shape=(3, 3, 3)) == 1 * 1 * 27 * 4  # 가장 작은 입력: 출력 1×1
    assert an.count_macs(model, input_shape=[5, 4, 3]) == 3 * 2 * 27 * 4
    gray = keras.Sequential([keras.Input((None, None, 1)), layers.Conv2D(2, 1)])
    assert an.count_macs(gray, input_shape=(1, 5, 1)) == 1 * 5 * 1 * 1 * 2  # 크기 1도 양의 정수
    for bad in ((10, 10), (10, 10, 3, 1), (0, 10, 3), (10, "a", 3), 7):
        with pytest.raises(ValueError, match="input_shape"):
            an.count_macs(model, input_shape=bad)
    a, b = keras.Input((8, 8, 3)), keras.Input((8, 8, 3))
    two = keras.Model([a, b], layers.Add()([layers.Conv2D(2, 3)(a), layers.Conv2D(2, 3)(b)]))
    assert an.count_macs(two) == 2 * (6 * 6 * 27 * 2)
    with pytest.raises(ValueError, match="입력이 2개"):
        an.count_macs(two, input_shape=(8, 8, 3))
    # 입력 크기를 바꾸면 모든 층을 다시 계산합니다 (풀링 뒤 Dense 포함)
    flex = keras.Sequential([keras.Input((None, None, 2)), layers.Conv2D(3, 3, padding="same"),
                             layers.MaxPooling2D(), layers.Dense(5)])
    assert an.count_macs(flex, input_shape=(8, 6, 2)) == 8 * 6 * 9 * 2 * 3 + 4 * 3 * 3 * 5


def test_layer_macs_needs_a_called_layer():
    with pytest.raises(ValueError, match="호출되지 않아"):
        layer_macs(layers.Conv2D(3, 3))


def test_macs_unknown_size_needs_input_shape():
    model = keras.Sequential([keras.Input((None, None, 3)), layers.Conv2D(4, 3)])
    with pytest.raises(ValueError, match="input_shape"):
        an.count_macs(model)
    assert an.count_macs(model, input_shape=(10, 10, 3)) == 8 * 8 * 9 * 3 * 4
    with pytest.raises(ValueError, match="고정 입력 크기"):
        an.count_macs(
            keras.Sequential([keras.Input((9, 9, 3)), layers.Conv2D(4, 3)]), input_shape=(10, 10, 3)
        )
    with pytest.raises(TypeError, match="Keras 층"):
        layer_macs("conv")


def test_macs_nested_model_with_unknown_inner_size():
    inner = keras.Sequential([keras.Input((None, None, 3)), layers.Conv2D(4, 3)], name="inner")
    outer = keras.Sequential([keras.Input((10, 10, 3)), inner, layers.Flatten(), layers.Dense(2)])
    assert an.count_macs(outer) == 8 * 8 * 9 * 3 * 4 + 8 * 8 * 4 * 2


@pytest.mark.parametrize(
    "layer, which",
    [
        (lambda: layers.Conv2DTranspose(2, 3, name="l"), "입력"),  # 전치 합성곱은 입력 칸마다 셈
        (lambda: layers.SeparableConv2D(2, 3, name="l"), "출력"),
        (lambda: layers.DepthwiseConv2D(3, name="l"), "출력"),
        (lambda: layers.Conv2D(2, 3, name="l"), "출력"),
        (lambda: layers.Dense(2, name="l"), "입력"),  # 특징 맵에 쓴 Dense: 입력 위치마다 셈
    ],
)
def test_unknown_size_message_names_the_layer_and_which_size(layer, which):
    """크기를 몰라 셀 수 없으면 어느 층의 입력·출력 크기에 None이 있는지 말합니다 (그 크기로 MAC을 세므로)."""
    model = keras.Sequential([keras.Input((None, None, 3)), layer()])
    with pytest.raises(ValueError, match=rf"^'l' 층의 {which} 크기 \(None, None\) 에 None 이 있어"):
        an.count_macs(model)


def test_too_small_input_shape_is_refused_before_keras():
    """input_shape의 높이가 커널보다 작으면 (너비는 충분해도) Keras를 부르기 전에 한국어로 거절합니다."""
    model = keras.Sequential([keras.Input((None, None, 3)), layers.Conv2D(4, 3, name="c")])
    assert an.count_macs(model, input_shape=(3, 10, 3)) == 1 * 8 * 27 * 4
    with pytest.raises(ValueError, match=r"^input_shape=\(2, 10, 3\): 입력이 너무 작아 층 'c'"):
        an.count_macs(model, input_shape=(2, 10, 3))


def test_nested_subclassed_model_is_named_in_the_refusal():
    class Twice(keras.Model):
        def call(self, x):
            return x * 2

    inp = keras.Input((4, 4, 1))
    outer = keras.Model(inp, layers.Conv2D(1, 3)(Twice(name="twice")(inp)))
    with pytest.raises(TypeError, match=r"^중첩 모델 'twice': 서브클래싱으로 만든 모델"):
        an.count_macs(outer)
