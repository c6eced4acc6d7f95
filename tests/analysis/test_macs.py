"""cnn_helpers.analysis.macs 시험: count_macs, layer_macs (곱셈-누산 수).

기준값의 출처는 tests/analysis/test_rf.py 머리말의 [MAC]·[RF] 항목을 보세요.
"""

from __future__ import annotations

import pytest
from analysis_helpers import rf_triple

from cnn_helpers import analysis as an

keras = pytest.importorskip("keras")
layers = keras.layers


def rel_err(value, reference):
    return abs(value - reference) / reference


def test_macs_vgg16_and_resnet50_match_he_et_al(vgg16, resnet50):
    # He et al. 2015: VGG-16 15.3e9, ResNet-50 3.8e9 multiply-adds (224×224).
    vgg = an.count_macs(vgg16)  # 합성곱 13개만; 분류기를 더하면 15.470e9 (+1.1 %)
    assert vgg == 15_346_630_656
    assert rel_err(vgg, 15.3e9) < 0.01
    # [RF] 표 vgg_16/pool5, 224: 30.713 GFLOPs (multiply-add 1번 = 2 FLOPs, 편향 덧셈 등 약간 포함)
    assert rel_err(2 * vgg, 30.713e9) < 0.002
    res = an.count_macs(resnet50)  # 분류기 포함
    assert rel_err(res, 3.8e9) < 0.03  # 실제 3.858e9 (+1.5 %)


def test_macs_vgg19_with_classifier():
    # He et al. 2015: VGG-19 19.6e9 (분류기 포함 19.632e9, -0.2 %)
    model = keras.applications.VGG19(weights=None)
    macs = an.count_macs(model)
    assert rel_err(macs, 19.6e9) < 0.01
    # 완전연결층: 7·7·512·4096 + 4096·4096 + 4096·1000
    table = an.model_table(model)
    assert table.loc[table["type"] == "Dense", "macs"].sum() == 25088 * 4096 + 4096 * 4096 + 4096 * 1000
    assert table["macs"].sum() == macs


def test_macs_resnet101_matches_he_et_al():
    # He et al. 2015 표 1: ResNet-101 7.6e9 (ResNet-152 11.3e9 도 0.2 % 안으로 맞지만 만드는 데 4초 걸려 생략)
    model = keras.applications.ResNet101(weights=None, input_shape=(224, 224, 3))
    assert rel_err(an.count_macs(model), 7.6e9) < 0.01


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
        assert an.layer_macs(model.get_layer(name)) == macs, name
    assert an.count_macs(model) == sum(expected.values())


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
        an.layer_macs("conv")


def test_macs_nested_model_with_unknown_inner_size():
    inner = keras.Sequential([keras.Input((None, None, 3)), layers.Conv2D(4, 3)], name="inner")
    outer = keras.Sequential([keras.Input((10, 10, 3)), inner, layers.Flatten(), layers.Dense(2)])
    assert an.count_macs(outer) == 8 * 8 * 9 * 3 * 4 + 8 * 8 * 4 * 2
