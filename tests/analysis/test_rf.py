"""cnn_helpers.analysis.rf 시험: receptive_field (층별 수용 영역·유효 스트라이드·유효 패딩)와
receptive_field_box (출력 한 칸이 보는 입력 상자).

공개된 기준값과 출처 (각 시험의 주석에도 적어 둠)
-------------------------------------------------
[RF] google-research/receptive_field 의 RECEPTIVE_FIELD_TABLE.md
     (https://github.com/google-research/receptive_field/blob/master/receptive_field/RECEPTIVE_FIELD_TABLE.md,
     Araujo, Norris & Sim, "Computing Receptive Fields of Convolutional Neural Networks",
     Distill 2019 의 동반 표). TF-Slim 모델의 끝점(end-point)별 RF, effective stride, effective padding:
       vgg_16/pool5 212 32 90 (224 입력), inception_v3 Mixed_7c 1311 32 618, Mixed_7b 1183 32 554,
       resnet_v1_50/block4 483 32 239 (224 입력), mobilenet_v1 Conv2d_13_pointwise 315 32 126,
       inception_resnet_v2 Conv2d_7b_1x1 3039 32 1482 (이것은 모델 만들기가 5초 걸려 벤치마크에서만 확인).
     같은 저장소의 RF_Keras_Applications.ipynb 는 tf.keras InceptionV3 의 conv2d_85(= mixed9 를 읽는
     첫 1×1 합성곱, 수용 영역은 mixed9 와 같음)에 대해 1183 / 32 / 554 를 출력합니다.
[MAC] He, Zhang, Ren & Sun, "Deep Residual Learning for Image Recognition" (2015), 표 1 의 FLOPs 행
     (3.3절: 여기서 FLOPs 는 multiply-add 수): ResNet-50 3.8e9, ResNet-101 7.6e9, ResNet-152 11.3e9,
     그리고 4.4절 본문 "VGG-16/19 nets (15.3/19.6 billion FLOPs)".
     [RF] 표의 FLOPs 열은 tensorflow.profiler 관례(곱셈-덧셈 1번 = 2 FLOPs): vgg_16/pool5 30.713 GFLOPs,
     resnet_v2_50/block4 6.969 GFLOPs (224 입력).

Keras 와 TF-Slim 모델의 차이 (직접 계산해 확인한 내용)
- VGG16, InceptionV3(299 입력), MobileNet(v1, 224 입력): 모든 끝점에서 RF·stride·padding 이 표와 똑같습니다.
- ResNet50: 마지막 끝점 rf 483, stride 32 는 같지만 유효 패딩은 241 (Slim 은 239).
  Keras 는 ZeroPadding2D(1) + 3×3/2 'valid' 최대 풀링(앞쪽 패딩 1)을, Slim 은 112×112 에서 'SAME'
  최대 풀링(pad_total=1 → 앞쪽 0)을 쓰므로 앞쪽 패딩이 1×2 = 2 픽셀 다릅니다 (Slim 표의 321 입력 값은
  241 로 Keras 와 같음). 또 Slim ResNet-v1 은 각 블록의 *마지막* 유닛에서 보폭을 주므로 중간 끝점
  block1..3 의 stride 가 Keras(conv2..4 단계 끝)의 두 배입니다. RF 자체(35, 99, 291)는 같습니다.
"""

from __future__ import annotations

import math
import warnings

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from cnn_helpers import analysis as an

from .analysis_helpers import functional, rf_triple, row

keras = pytest.importorskip("keras")
tf = pytest.importorskip("tensorflow")
layers = keras.layers


@pytest.fixture(scope="module")
def inception_v3():
    return keras.applications.InceptionV3(weights=None, input_shape=(299, 299, 3))


# ---------------------------------------------------------------------------
# 공개된 수용 영역 값 (keras.applications, weights=None)
# ---------------------------------------------------------------------------


# [RF] 표 vgg_16, 224 입력: Slim 끝점 → (RF, effective stride, effective padding).
VGG16_TABLE = {
    "block1_conv1": (3, 1, 1),  # vgg_16/conv1/conv1_1
    "block1_pool": (6, 2, 2),  # vgg_16/pool1
    "block2_conv1": (10, 2, 4),  # conv2/conv2_1
    "block2_pool": (16, 4, 6),  # pool2
    "block3_conv1": (24, 4, 10),
    "block3_conv2": (32, 4, 14),
    "block3_pool": (44, 8, 18),
    "block4_conv1": (60, 8, 26),
    "block4_conv2": (76, 8, 34),
    "block4_pool": (100, 16, 42),
    "block5_conv1": (132, 16, 58),
    "block5_conv2": (164, 16, 74),
    "block5_pool": (212, 32, 90),  # vgg_16/pool5: README 요약표의 212 / 32 / 90
}


def test_vgg16_matches_published_table(vgg16):
    df = an.receptive_field(vgg16)
    assert isinstance(df, pd.DataFrame)
    assert list(df.columns) == ["layer", "type", "out_size", "rf", "jump", "padding", "aligned", "note"]
    for name, expected in VGG16_TABLE.items():
        assert rf_triple(df, name) == expected, name
    assert df["layer"].iloc[-1] == "block5_pool"
    assert df["aligned"].all()


# [RF] 표 inception_v3 (Slim 끝점 Mixed_5b..Mixed_7c) ↔ Keras mixed0..mixed10, 299 입력.
INCEPTION_V3_TABLE = {
    "mixed0": (63, 8, 18),  # Mixed_5b
    "mixed1": (95, 8, 34),  # Mixed_5c
    "mixed2": (127, 8, 50),  # Mixed_5d
    "mixed3": (159, 16, 58),  # Mixed_6a
    "mixed4": (351, 16, 154),  # Mixed_6b
    "mixed5": (543, 16, 250),  # Mixed_6c
    "mixed6": (735, 16, 346),  # Mixed_6d
    "mixed7": (927, 16, 442),  # Mixed_6e
    "mixed8": (1055, 32, 490),  # Mixed_7a
    "mixed9": (1183, 32, 554),  # Mixed_7b (RF_Keras_Applications.ipynb 의 conv2d_85 와도 같음)
    "mixed10": (1311, 32, 618),  # Mixed_7c: README 요약표의 1311 / 32 / 618
}


@pytest.mark.slow
def test_inception_v3_matches_published_table(inception_v3):
    df = an.receptive_field(inception_v3)
    for name, expected in INCEPTION_V3_TABLE.items():
        assert rf_triple(df, name) == expected, name
    # 줄기(stem): Conv2d_1a_3x3 3/2/0, Conv2d_2b_3x3 11/2/2, MaxPool_5a_3x3 31/8/2
    assert tuple(df.iloc[1][["rf", "jump", "padding"]]) == (3, 2, 0)
    assert tuple(df.iloc[7][["rf", "jump", "padding"]]) == (11, 2, 2)
    assert tuple(df.iloc[17][["rf", "jump", "padding"]]) == (31, 8, 2)
    assert df.iloc[17]["type"] == "MaxPooling2D"
    # 모든 Concatenate 의 분기는 정렬되어 있음 (1×7/7×1 분기도 중심이 같음)
    assert df["aligned"].all()
    assert (df["type"] == "Concatenate").sum() == 15


def test_resnet50_final_endpoint(resnet50):
    df = an.receptive_field(resnet50)
    # [RF] resnet_v1_50/block4: 483 / 32 / 239. 유효 패딩 차이(241)는 모듈 설명 참고.
    assert rf_triple(df, "conv5_block3_out") == (483, 32, 241)
    # 단계 끝의 RF 는 Slim block1..3 과 같고 stride 는 절반 (Slim 은 마지막 유닛에서 보폭)
    assert rf_triple(df, "conv2_block3_out") == (35, 4, 17)
    assert rf_triple(df, "conv3_block4_out") == (99, 8, 49)
    assert rf_triple(df, "conv4_block6_out") == (291, 16, 145)
    assert df["aligned"].all()
    assert (df["type"] == "Add").sum() == 16
    assert df["layer"].iloc[-1] == "conv5_block3_out"  # GlobalAveragePooling2D 에서 끝


def test_mobilenet_v1_matches_published_table_exactly():
    # [RF] 표 mobilenet_v1, 224 입력: Conv2d_k_pointwise. Keras 는 (0,1) ZeroPadding + 'valid' 로
    # TF 'SAME'(짝수 입력에서 앞쪽 패딩 0)을 흉내 내므로 padding 까지 같습니다.
    expected = [
        (7, 2, 2), (11, 4, 2), (19, 4, 6), (27, 8, 6), (43, 8, 14), (59, 16, 14), (91, 16, 30),
        (123, 16, 46), (155, 16, 62), (187, 16, 78), (219, 16, 94), (251, 32, 94), (315, 32, 126),
    ]  # fmt: skip
    model = keras.applications.MobileNet(weights=None, input_shape=(224, 224, 3))
    df = an.receptive_field(model)
    for k, triple in enumerate(expected, start=1):
        assert rf_triple(df, f"conv_pw_{k}_relu") == triple, k


def test_xception_misalignment_is_reported():
    """Keras Xception: 잔차 분기는 1×1/2 'same', 본 분기는 3×3/2 'same' 최대 풀링.

    block2 입력은 147×147(홀수) → 풀링 pad_total=2, 앞쪽 1 → 두 분기 중심이 같음(정렬).
    block3 입력은 74×74(짝수) → 풀링 pad_total=1, 앞쪽 0 → 풀링 창 중심이 입력 1칸(4픽셀) 오른쪽 →
    정렬 안 됨. TF 'SAME' 패딩의 비대칭 때문에 생기는 실제 어긋남입니다.
    """
    model = keras.applications.Xception(weights=None, input_shape=(299, 299, 3))
    with pytest.warns(UserWarning, match="정렬"):
        df = an.receptive_field(model)
    adds = df[df["type"] == "Add"]
    assert adds["aligned"].iloc[0] == True  # noqa: E712
    assert adds["aligned"].iloc[1] == False  # noqa: E712
    assert "정렬 안 됨" in adds["note"].iloc[1]
    # 어긋남은 뒤쪽 층으로 전파됨
    assert not df["aligned"].iloc[-1]


# ---------------------------------------------------------------------------
# 손으로 확인할 수 있는 작은 모델
# ---------------------------------------------------------------------------


def test_two_3x3_convs_stride_1():
    for padding, expected_pad in (("valid", 0), ("same", 2)):
        model = keras.Sequential(
            [
                keras.Input((16, 16, 1)),
                layers.Conv2D(2, 3, padding=padding),
                layers.Conv2D(2, 3, padding=padding),
            ]
        )
        df = an.receptive_field(model)
        last = df.iloc[-1]
        assert (last["rf"], last["jump"], last["padding"]) == (5, 1, expected_pad)
        assert last["out_size"] == (12 if padding == "valid" else 16)


def test_two_3x3_convs_stride_2():
    model = keras.Sequential(
        [keras.Input((15, 15, 1)), layers.Conv2D(2, 3, strides=2), layers.Conv2D(2, 3, strides=2)]
    )
    df = an.receptive_field(model)
    assert list(df["rf"]) == [3, 7]
    assert list(df["jump"]) == [2, 4]
    assert list(df["padding"]) == [0, 0]
    assert list(df["out_size"]) == [7, 3]
    assert list(df["type"]) == ["Conv2D", "Conv2D"]  # Sequential.layers 에는 InputLayer 가 없음


def test_same_padding_follows_tensorflow_for_actual_input_size():
    # 3×3/2 'same': n=8 → out 4, pad_total = 3*2+3-8 = 1 → 앞쪽 0; n=9 → out 5, pad_total 2 → 앞쪽 1.
    for n, pad, out in ((8, 0, 4), (9, 1, 5)):
        model = keras.Sequential([keras.Input((n, n, 1)), layers.Conv2D(1, 3, strides=2, padding="same")])
        r = an.receptive_field(model).iloc[-1]
        assert (r["rf"], r["jump"], r["padding"], r["out_size"]) == (3, 2, pad, out)


def test_same_padding_with_even_kernel_puts_the_extra_pixel_after():
    # 짝수 필터 'same'(스트라이드 1): TensorFlow는 모자란 한 칸을 뒤쪽에 둡니다. k=2 → 앞 0·뒤 1, k=4 → 앞 1·뒤 2.
    for k, pad in ((2, 0), (4, 1)):
        for n in (8, None):
            model = keras.Sequential([keras.Input((n, n, 1)), layers.Conv2D(1, k, padding="same")])
            r = an.receptive_field(model).iloc[-1]
            assert (r["rf"], r["jump"], r["padding"]) == (k, 1, pad)


def test_dilation_pooling_and_causal():
    model = functional(
        (20, 20, 1),
        lambda x: layers.AveragePooling2D(2)(layers.Conv2D(1, 3, dilation_rate=2, padding="same")(x)),
    )
    df = an.receptive_field(model)
    assert rf_triple(df, model.layers[1].name) == (5, 1, 2)
    assert rf_triple(df, model.layers[2].name) == (6, 2, 2)
    model1d = keras.Sequential([keras.Input((30, 2)), layers.Conv1D(1, 3, padding="causal", dilation_rate=2)])
    r = an.receptive_field(model1d).iloc[-1]
    assert (r["rf"], r["jump"], r["padding"], r["out_size"]) == (5, 1, 4, 30)


def test_non_square_kernels_give_tuples():
    model = keras.Sequential([keras.Input((17, 35, 1)), layers.Conv2D(1, (3, 5), strides=(1, 2))])
    r = an.receptive_field(model).iloc[-1]
    assert r["rf"] == (3, 5)
    assert r["jump"] == (1, 2)
    assert r["padding"] == 0  # 두 축이 같으면 정수 하나
    assert r["out_size"] == (15, 16)


def test_zero_padding_and_cropping():
    model = keras.Sequential(
        [
            keras.Input((10, 10, 1)),
            layers.ZeroPadding2D(((1, 0), (2, 3))),
            layers.Conv2D(1, 3),
            layers.Cropping2D(((1, 1), (0, 0))),
            layers.Conv2D(1, 3),
        ]
    )
    df = an.receptive_field(model)
    assert df.iloc[0]["padding"] == (1, 2)
    assert df.iloc[0]["out_size"] == (11, 15)
    assert df.iloc[1]["rf"] == 3 and df.iloc[1]["padding"] == (1, 2)
    assert df.iloc[2]["padding"] == (0, 2)  # 자르기는 시작점을 안쪽으로 옮김
    assert df.iloc[2]["out_size"] == (7, 13)
    assert df.iloc[3]["rf"] == 5


def test_flatten_and_dense_end_the_table():
    model = keras.Sequential(
        [
            keras.Input((12, 12, 3)),
            layers.Conv2D(4, 3),
            layers.BatchNormalization(),
            layers.ReLU(),
            layers.MaxPooling2D(),
            layers.Dropout(0.1),
            layers.Flatten(),
            layers.Dense(10),
            layers.Dropout(0.1),
            layers.Dense(2),
        ]
    )
    df = an.receptive_field(model)
    assert list(df["type"]) == ["Conv2D", "BatchNormalization", "ReLU", "MaxPooling2D", "Dropout"]
    assert list(df["rf"]) == [3, 3, 3, 4, 4]
    model2 = functional(
        (8, 8, 3), lambda x: layers.Dense(5)(layers.GlobalAveragePooling2D()(layers.Conv2D(4, 3)(x)))
    )
    assert list(an.receptive_field(model2)["type"]) == ["InputLayer", "Conv2D"]


def test_dense_on_feature_map_is_pointwise():
    model = functional((8, 8, 3), lambda x: layers.Dense(6)(layers.Conv2D(4, 3)(x)))
    df = an.receptive_field(model)
    assert df.iloc[-1]["type"] == "Dense" and df.iloc[-1]["rf"] == 3


def test_concatenate_of_aligned_branches():
    def build(x):
        a = layers.Conv2D(2, 3, padding="same")(x)
        b = layers.Conv2D(2, 5, padding="same")(x)
        c = layers.MaxPooling2D(3, strides=1, padding="same")(x)
        return layers.Concatenate(name="cat")([a, b, c])

    df = an.receptive_field(functional((16, 16, 3), build))
    assert rf_triple(df, "cat") == (5, 1, 2)
    assert row(df, "cat")["aligned"]
    assert row(df, "cat")["note"] == ""


def test_factorised_1xn_nx1_branches_are_aligned_per_axis():
    def build(x):
        a = layers.Conv2D(2, (1, 7), padding="same", name="one_by_seven")(x)
        b = layers.Conv2D(2, (7, 1), padding="same")(x)
        return layers.Concatenate(name="cat")([a, b])

    df = an.receptive_field(functional((16, 16, 3), build))
    assert row(df, "one_by_seven")["rf"] == (1, 7)
    assert row(df, "one_by_seven")["padding"] == (0, 3)
    assert rf_triple(df, "cat") == (7, 1, 3)
    assert row(df, "cat")["aligned"]


def test_residual_add():
    def build(x):
        y = layers.Conv2D(3, 3, padding="same")(x)
        y = layers.Conv2D(3, 3, padding="same")(y)
        z = layers.Add(name="add_res")([x, y])
        return layers.Activation("relu")(z)

    df = an.receptive_field(functional((16, 16, 3), build))
    assert rf_triple(df, "add_res") == (5, 1, 2)
    assert row(df, "add_res")["aligned"]


def test_misaligned_centres_are_reported_not_averaged():
    # 짝수 입력(32)에서 3×3/2 'same' 은 앞쪽 패딩 0 → 출력 0번 칸이 입력 [0, 2] 를 봄(중심 1).
    # 1×1/2 'valid' 지름길은 입력 [0, 0] 을 봄(중심 0). 중심이 어긋남 → 합집합 [0, 2].
    def build(x):
        a = layers.Conv2D(4, 3, strides=2, padding="same")(x)
        b = layers.Conv2D(4, 1, strides=2)(x)
        y = layers.Add(name="bad_add")([a, b])
        return layers.Conv2D(4, 3, padding="same", name="after")(y)

    with pytest.warns(UserWarning, match="bad_add"):
        df = an.receptive_field(functional((32, 32, 3), build))
    bad = row(df, "bad_add")
    assert bad["aligned"] == False  # noqa: E712
    assert "정렬 안 됨(높이/너비 축)" in bad["note"]  # 두 축 모두 어긋남; 2-D는 '길이'가 아니라 높이·너비
    assert (bad["rf"], bad["jump"], bad["padding"]) == (3, 2, 0)
    assert row(df, "after")["aligned"] == False  # noqa: E712

    # 홀수 입력(33)에서는 앞쪽 패딩 1 → 두 분기 중심이 같아 정렬됨
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        df = an.receptive_field(functional((33, 33, 3), build))
    assert row(df, "bad_add")["aligned"]


def test_misaligned_jumps_are_reported():
    def build(x):
        a = layers.Conv2D(4, 1, strides=2)(x)  # 16 → 8, jump 2
        b = layers.Cropping2D(4)(x)  # 16 → 8, jump 1
        return layers.Add(name="jump_add")([a, b])

    with pytest.warns(UserWarning):
        df = an.receptive_field(functional((16, 16, 4), build))
    assert row(df, "jump_add")["aligned"] == False  # noqa: E712


def test_global_branch_in_squeeze_excitation_is_noted():
    def build(x):
        y = layers.Conv2D(8, 3, padding="same")(x)
        s = layers.GlobalAveragePooling2D(keepdims=True)(y)
        s = layers.Conv2D(8, 1, activation="sigmoid")(s)
        return layers.Multiply(name="excite")([y, s])

    df = an.receptive_field(functional((16, 16, 3), build))
    assert rf_triple(df, "excite") == (3, 1, 1)
    assert "전역" in row(df, "excite")["note"]
    assert not any(df["layer"].str.contains("global"))


def test_keras_ops_in_graph_are_followed():
    # MobileNetV3 의 hard-swish 처럼 keras.ops 연산(층이 아님)이 끼어 있어도 계속 따라감
    def build(x):
        y = layers.Conv2D(4, 3, padding="same")(x)
        y = y * keras.ops.relu6(y + 3.0) / 6.0
        return layers.Conv2D(4, 3, padding="same", name="last")(y)

    df = an.receptive_field(functional((16, 16, 3), build))
    assert rf_triple(df, "last") == (5, 1, 2)


def test_nested_model_rows_are_prefixed():
    inner = keras.Sequential(
        [keras.Input((None, None, 3)), layers.Conv2D(4, 3, name="c1"), layers.Conv2D(4, 3, name="c2")],
        name="inner",
    )
    outer = keras.Sequential(
        [
            keras.Input((20, 20, 3)),
            layers.Conv2D(3, 3, strides=2, name="stem"),
            inner,
            layers.GlobalAveragePooling2D(),
            layers.Dense(2),
        ]
    )
    df = an.receptive_field(outer)
    assert list(df["layer"]) == ["stem", "inner/c1", "inner/c2"]
    assert list(df["rf"]) == [3, 7, 11]
    assert list(df["out_size"]) == [9, 7, 5]  # 바깥 입력 크기로 안쪽 크기까지 계산


def test_unknown_input_size():
    model = keras.Sequential(
        [
            keras.Input((None, None, 1)),
            layers.Conv2D(1, 3, padding="same"),
            layers.Conv2D(1, 3, strides=2, padding="same"),
        ]
    )
    df = an.receptive_field(model)
    assert df.iloc[0]["padding"] == 1  # 보폭 1 이면 입력 크기와 무관
    assert math.isnan(df.iloc[1]["padding"])  # 보폭 2 'same' 은 입력 크기에 따라 다름
    assert df.iloc[1]["rf"] == 5 and df.iloc[1]["jump"] == 2
    df = an.receptive_field(model, input_shape=(9, 9))
    assert df.iloc[1]["padding"] == 2 and df.iloc[1]["out_size"] == 5
    df = an.receptive_field(model, input_shape=(8, 8, 1))
    assert df.iloc[1]["padding"] == 1


def test_causal_conv1d_with_stride_and_1d_padding_by_hand():
    """Conv1D causal: 앞에만 d(f−1) 칸 패딩 → 유효 패딩 = 그 칸 수, 출력 ⌈n/s⌉ (Keras가 만든 출력 길이와 같음)."""
    model = keras.Sequential([
        keras.Input((11, 2)),
        layers.Conv1D(1, 3, strides=2, padding="causal", name="causal2"),  # 11 → ⌈11/2⌉ = 6, rf 3, 패딩 2
        layers.ZeroPadding1D((1, 3), name="pad13"),  # 6 → 10, 앞 1칸 × jump 2 → 패딩 2 + 2
        layers.Cropping1D((2, 1), name="crop21"),  # 10 → 7, 앞 2칸 × jump 2 안쪽으로 → 패딩 0
        layers.MaxPooling1D(2, name="pool"),  # 7 → 3, rf 3 + 1·2 = 5, jump 4
    ])
    df = an.receptive_field(model)
    assert [row(df, n)["out_size"] for n in ("causal2", "pad13", "crop21", "pool")] == [
        model.get_layer(n).output.shape[1] for n in ("causal2", "pad13", "crop21", "pool")] == [6, 10, 7, 3]
    assert rf_triple(df, "causal2") == (3, 2, 2)
    assert rf_triple(df, "pad13") == (3, 2, 4)
    assert rf_triple(df, "crop21") == (3, 2, 0)
    assert rf_triple(df, "pool") == (5, 4, 0)
    unknown = keras.Sequential([keras.Input((None, 2)), layers.Conv1D(1, 3, strides=2, padding="causal")])
    r = an.receptive_field(unknown).iloc[-1]
    assert (r["rf"], r["jump"], r["padding"]) == (3, 2, 2) and r["out_size"] is None


def test_channels_first_reads_spatial_axes_2_and_3():
    """channels_first: 입력 (채널 3, 높이 16, 너비 12). 채널 축을 공간으로 읽으면 크기·rf가 틀립니다."""
    model = keras.Sequential([
        keras.Input((3, 16, 12)),
        layers.Conv2D(4, (3, 5), strides=(1, 2), data_format="channels_first", name="cf"),
        layers.MaxPooling2D(2, data_format="channels_first", name="cfp"),
    ])
    df = an.receptive_field(model)
    assert row(df, "cf")["out_size"] == tuple(model.get_layer("cf").output.shape[2:]) == (14, 4)
    assert (row(df, "cf")["rf"], row(df, "cf")["jump"]) == ((3, 5), (1, 2))
    assert row(df, "cfp")["out_size"] == tuple(model.get_layer("cfp").output.shape[2:]) == (7, 2)
    assert (row(df, "cfp")["rf"], row(df, "cfp")["jump"]) == ((4, 7), (2, 4))
    # 배치를 뺀 입력 모양 전체로 크기를 바꿀 때도 공간 축은 2·3번 (채널, 높이, 너비)
    assert row(an.receptive_field(model, input_shape=(3, 20, 24)), "cf")["out_size"] == (18, 10)
    # 채널 축으로 이어 붙이기(axis=1)는 channels_first에서 합치기입니다
    inp = keras.Input((3, 8, 8))
    a = layers.Conv2D(2, 3, padding="same", data_format="channels_first")(inp)
    b = layers.Conv2D(2, 5, padding="same", data_format="channels_first")(inp)
    cat = layers.Concatenate(axis=1, name="cat1")([a, b])
    assert rf_triple(an.receptive_field(keras.Model(inp, cat)), "cat1") == (5, 1, 2)


def test_merge_takes_the_larger_aligned_field_and_unknown_sizes():
    def build(x):
        a = layers.Conv2D(2, 5, padding="same")(x)
        b = layers.Conv2D(2, 3, padding="same")(x)
        return layers.Add(name="sum")([b, a])

    df = an.receptive_field(functional((12, 12, 1), build))
    assert rf_triple(df, "sum") == (5, 1, 2) and row(df, "sum")["aligned"] == True  # noqa: E712

    # 입력 크기를 모르면(None) 보폭 2 'same'의 중심을 알 수 없음: rf는 큰 값, aligned는 None
    def strided(x):
        a = layers.Conv2D(2, 3, strides=2, padding="same")(x)
        b = layers.Conv2D(2, 1, strides=2, padding="same")(x)
        return layers.Add(name="sum2")([a, b])

    df = an.receptive_field(functional((None, None, 1), strided))
    r = row(df, "sum2")
    assert (r["rf"], r["jump"]) == (3, 2) and r["aligned"] is None and math.isnan(r["padding"])


def test_concatenate_along_space_and_too_small_input_are_refused():
    inp = keras.Input((8, 8, 1))
    a, b = layers.Conv2D(2, 3)(inp), layers.Conv2D(2, 3)(inp)
    side = keras.Model(inp, layers.Concatenate(axis=2, name="side")([a, b]))
    with pytest.raises(ValueError, match="공간 축"):
        an.receptive_field(side)
    assert math.isnan(row(an.receptive_field(side, on_unknown="mark"), "side")["rf"])
    from cnn_helpers.models import lenet5

    with pytest.raises(ValueError, match="너무 작아"):
        an.receptive_field(lenet5(), input_shape=(4, 4))
    df = an.receptive_field(lenet5(), input_shape=(12, 12))  # 가장 작은 입력: 마지막 풀링 출력 1×1
    assert df.iloc[-1]["out_size"] == 1
    a_in, b_in = keras.Input((8, 8, 1)), keras.Input((8, 8, 1))
    two = keras.Model([a_in, b_in], layers.Add()([a_in, b_in]))
    with pytest.raises(ValueError, match="입력이 2개"):
        an.receptive_field(two, input_shape=(8, 8))
    for bad in ((8,), (0, 8), (8.5, 8), ("a", 8)):
        with pytest.raises(ValueError, match="input_shape"):
            an.receptive_field(lenet5(), input_shape=bad)


def test_shared_layer_rows_are_numbered():
    conv = layers.Conv2D(1, 3, padding="same", name="shared")
    inp = keras.Input((8, 8, 1))
    model = keras.Model(inp, conv(conv(conv(inp))))
    df = an.receptive_field(model)
    assert list(df["layer"])[1:] == ["shared", "shared [2]", "shared [3]"]
    assert list(df["rf"])[1:] == [3, 5, 7]


def test_nested_model_called_twice_rows_follow_call_order():
    inner = keras.Sequential([keras.Input((None, None, 1)), layers.Conv2D(1, 3, padding="same", name="c1"),
                              layers.Conv2D(1, 3, padding="same", name="c2")], name="inner")
    inp = keras.Input((12, 12, 1))
    model = keras.Model(inp, inner(inner(inp)))
    df = an.receptive_field(model)
    assert list(df["layer"]) == [model.layers[0].name, "inner/c1", "inner/c2", "inner/c1", "inner/c2"]
    assert list(df["rf"]) == [1, 3, 5, 7, 9]  # 첫 번째 호출의 행들이 먼저, 호출 안에서는 층 순서대로


def test_merge_alignment_edge_cases():
    # jump는 다르고 중심은 같음: 1×1/2 (16→8, 시작 0) 과 뒤쪽 8칸을 자른 것 (8, 시작 0) → 정렬 안 됨 (jump)
    def build(x):
        a = layers.Conv2D(1, 1, strides=2)(x)
        b = layers.Cropping2D(((0, 8), (0, 8)))(x)
        return layers.Add(name="jumps_only")([a, b])

    with pytest.warns(UserWarning, match="jumps_only"):
        df = an.receptive_field(functional((16, 16, 1), build))
    assert row(df, "jumps_only")["aligned"] == False  # noqa: E712
    assert (row(df, "jumps_only")["rf"], row(df, "jumps_only")["jump"]) == (1, 2)  # 합쳐진 jump는 큰 쪽

    # 크기를 모르는데 jump가 다름: rf와 jump는 큰 쪽, 정렬 안 됨
    def unknown_jumps(x):
        return layers.Add(name="uj")([layers.Conv2D(1, 1, strides=2, padding="same")(x),
                                      layers.Conv2D(1, 3, padding="same")(x)])

    with pytest.warns(UserWarning, match="uj"):
        r = row(an.receptive_field(functional((None, None, 1), unknown_jumps)), "uj")
    assert (r["rf"], r["jump"], r["aligned"]) == (3, 2, False)
    # 공간 분기가 하나뿐이면(나머지는 전역) 크기를 몰라도 정렬 문제는 없음: aligned=True
    def squeeze_excite(x):
        y = layers.Conv2D(4, 3, strides=2, padding="same")(x)
        s = layers.Conv2D(4, 1)(layers.GlobalAveragePooling2D(keepdims=True)(y))
        return layers.Multiply(name="se")([y, s])

    r = row(an.receptive_field(functional((None, None, 1), squeeze_excite)), "se")
    assert r["aligned"] == True and math.isnan(r["padding"]) and r["rf"] == 3  # noqa: E712
    # 1-D에서 정렬 안 됨: 축 이름은 '길이'
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        df = an.receptive_field(functional((32, 1), _unaligned_1d))
    assert len(caught) == 1
    assert "길이 축" in str(caught[0].message) and "길이 축" in row(df, "add1d")["note"]


def _unaligned_1d(x):
    a = layers.Conv1D(1, 3, strides=2, padding="same")(x)
    b = layers.Conv1D(1, 1, strides=2)(x)
    return layers.Add(name="add1d")([a, b])


def test_unaligned_warning_points_at_caller():
    """경고는 receptive_field를 부른 줄(이 파일)을 가리킴 (stacklevel).

    mutmut는 함수마다 한 겹(trampoline)을 더하므로 돌연변이 시험에서는 뺍니다 (pyproject의 [tool.mutmut])."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        an.receptive_field(functional((32, 1), _unaligned_1d))
    assert len(caught) == 1 and caught[0].filename == __file__


def test_input_shape_of_one_is_accepted():
    model = keras.Sequential([keras.Input((None, None, 1)), layers.Conv2D(1, 1)])
    r = an.receptive_field(model, input_shape=(1, 1)).iloc[-1]
    assert (r["rf"], r["out_size"]) == (1, 1)
    with pytest.raises(ValueError, match="input_shape"):
        an.receptive_field(model, input_shape=(0, 1))
    # None은 '모름'으로 받습니다 (입력 크기가 None인 모델에서 한 축만 정하기)
    free = keras.Sequential([keras.Input((None, None, 1)), layers.Conv2D(1, 3, name="c")])
    r = row(an.receptive_field(free, input_shape=(None, 10)), "c")
    assert r["rf"] == 3 and r["out_size"] is None


def test_unsupported_layers():
    model = keras.Sequential(
        [keras.Input((8, 8, 1)), layers.Conv2D(1, 3), layers.UpSampling2D(name="up"), layers.Conv2D(1, 3)]
    )
    with pytest.raises(ValueError, match="업샘플링") as error:
        an.receptive_field(model)
    # 어느 층(이름과 종류)인지, 무엇을 지원하는지, 멈추지 않고 계속하는 방법을 말함
    assert "'up' 층(UpSampling2D)은 수용 영역 계산을 지원하지 않습니다" in str(error.value)
    assert "지원하는 층: 합성곱(Conv" in str(error.value) and "on_unknown='mark'" in str(error.value)
    df = an.receptive_field(model, on_unknown="mark")
    assert list(df["type"]) == ["Conv2D", "UpSampling2D"]
    assert math.isnan(df.iloc[1]["rf"]) and "지원하지 않는" in df.iloc[1]["note"]


def test_bad_arguments_give_korean_errors():
    with pytest.raises(TypeError, match="Keras 모델"):
        an.receptive_field("vgg16")
    with pytest.raises(TypeError, match="Keras 모델"):
        an.count_macs(None)
    with pytest.raises(TypeError, match="Keras 모델"):
        an.model_table([1, 2])

    class Sub(keras.Model):
        def call(self, x):
            return x

    with pytest.raises(TypeError, match="서브클래싱"):
        an.receptive_field(Sub())
    with pytest.raises(ValueError, match="빌드"):
        an.receptive_field(keras.Sequential([layers.Conv2D(1, 3)]))
    small = keras.Sequential([keras.Input((8, 8, 1)), layers.Conv2D(1, 3)])
    with pytest.raises(ValueError, match="on_unknown"):
        an.receptive_field(small, on_unknown="ignore")
    with pytest.raises(ValueError, match="input_shape"):
        an.receptive_field(small, input_shape=(8, 8, 8, 8))


# ---------------------------------------------------------------------------
# 무작위 모델: 표의 RF 를 TensorFlow 기울기의 지지 집합(support)과 비교
# ---------------------------------------------------------------------------


@st.composite
def stack_spec(draw):
    specs = []
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["conv", "conv", "pool", "pad"]))
        if kind == "pad":
            specs.append(("pad", draw(st.tuples(st.tuples(st.integers(0, 2), st.integers(0, 2)),
                                                st.tuples(st.integers(0, 2), st.integers(0, 2))))))  # fmt: skip
            continue
        k = (draw(st.integers(1, 4)), draw(st.integers(1, 4)))
        s = (draw(st.integers(1, 3)), draw(st.integers(1, 3)))
        d = (1, 1)
        if kind == "conv" and s == (1, 1):
            d = (draw(st.integers(1, 2)), draw(st.integers(1, 2)))
        specs.append((kind, k, s, d, draw(st.sampled_from(["valid", "same"]))))
    size = (draw(st.integers(24, 48)), draw(st.integers(24, 48)))
    return specs, size


def build_stack(specs, size):
    x = inp = keras.Input(size + (1,))
    for spec in specs:
        if spec[0] == "pad":
            x = layers.ZeroPadding2D(spec[1])(x)
        elif spec[0] == "conv":
            _, k, s, d, p = spec
            x = layers.Conv2D(
                1, k, strides=s, dilation_rate=d, padding=p, use_bias=False, kernel_initializer="ones"
            )(x)
        else:
            _, k, s, _, p = spec
            x = layers.AveragePooling2D(k, strides=s, padding=p)(x)
    return keras.Model(inp, x)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much]
)
@given(stack_spec())
def test_rf_matches_gradient_support(case):
    """양수 가중치의 선형 모델에서 출력 한 칸의 기울기가 0 이 아닌 입력 구간 = 그 칸의 수용 영역."""
    specs, size = case
    try:
        model = build_stack(specs, size)
    except ValueError:
        assume(False)
    out_shape = model.outputs[0].shape[1:3]
    assume(all(n is not None and n >= 2 for n in out_shape))
    r = an.receptive_field(model).iloc[-1]
    rf = np.broadcast_to(r["rf"], 2)
    jump = np.broadcast_to(r["jump"], 2)
    start = -np.broadcast_to(r["padding"], 2)
    assert tuple(np.broadcast_to(r["out_size"], 2)) == tuple(out_shape)
    # 구간이 입력 안에 완전히 들어가는 출력 칸 두 개(k, k+1)를 축마다 고름
    units = []
    for ax in range(2):
        ks = [k for k in range(out_shape[ax] - 1) if start[ax] + k * jump[ax] >= 0
              and start[ax] + (k + 1) * jump[ax] + rf[ax] - 1 <= size[ax] - 1]  # fmt: skip
        assume(ks)
        units.append(ks[0])
    x = tf.ones((1,) + size + (1,))
    for dk in ((0, 0), (1, 1)):
        i, j = units[0] + dk[0], units[1] + dk[1]
        with tf.GradientTape() as tape:
            tape.watch(x)
            y = model(x)[0, i, j, 0]
        g = tape.gradient(y, x).numpy()[0, :, :, 0]
        rows, cols = np.nonzero(g.sum(axis=1))[0], np.nonzero(g.sum(axis=0))[0]
        assert (rows.min(), rows.max()) == (start[0] + i * jump[0], start[0] + i * jump[0] + rf[0] - 1)
        assert (cols.min(), cols.max()) == (start[1] + j * jump[1], start[1] + j * jump[1] + rf[1] - 1)


# ---------------------------------------------------------------------------
# receptive_field_box: 출력 칸 (i, j) 하나의 입력 기울기가 0 이 아닌 화소 = 그 칸의 수용 영역(입력 안쪽 부분).
# 선형 합성곱과 평균 풀링만 쓰고 가중치가 무작위이면, 수용 영역 안의 모든 화소로 가는 경로의 기울기 합이
# 0 이 아니므로 기울기의 받침(support)이 상자와 정확히 같습니다.
# ---------------------------------------------------------------------------


def _model(shape, stack):
    keras.utils.set_random_seed(0)
    inputs = keras.Input(shape)
    x = inputs
    for make in stack:
        x = make()(x)
    return keras.Model(inputs, x)


STACKS = {
    "valid": [lambda: layers.Conv2D(2, 3), lambda: layers.Conv2D(2, 3), lambda: layers.AveragePooling2D(2),
              lambda: layers.Conv2D(2, 3)],
    "same-stride": [lambda: layers.Conv2D(2, 5, padding="same"), lambda: layers.Conv2D(2, 3, strides=2, padding="same"),
                    lambda: layers.AveragePooling2D(2, padding="same"), lambda: layers.Conv2D(2, 3, padding="same")],
    "rect-dilated": [lambda: layers.Conv2D(2, (3, 5), padding="same"), lambda: layers.ZeroPadding2D((1, 2)),
                     lambda: layers.Conv2D(2, 3, strides=(2, 3), dilation_rate=1),
                     lambda: layers.Conv2D(2, 3, dilation_rate=2, padding="same")],
}


def _support_boxes(model):
    """출력 칸마다 입력 기울기가 0 이 아닌 화소의 경계 상자 (top, left, bottom, right)."""
    x = tf.random.stateless_normal((1,) + tuple(model.input.shape[1:]), seed=(1, 2))
    with tf.GradientTape() as tape:
        tape.watch(x)
        y = tf.reduce_sum(model(x), axis=-1)[0]  # (oh, ow)
    jac = np.abs(tape.jacobian(y, x).numpy()).sum(axis=(2, 5))  # (oh, ow, H, W)
    boxes = {}
    for (i, j), _ in np.ndenumerate(jac[:, :, 0, 0]):
        rows = np.flatnonzero(jac[i, j].sum(axis=1))
        cols = np.flatnonzero(jac[i, j].sum(axis=0))
        boxes[i, j] = (rows[0], cols[0], rows[-1] + 1, cols[-1] + 1)
    return boxes



@pytest.mark.parametrize("name, shape", [("valid", (16, 18, 1)), ("same-stride", (21, 17, 2)),
                                         ("rect-dilated", (19, 24, 1))])
def test_box_equals_gradient_support_for_every_unit(name, shape):
    model = _model(shape, STACKS[name])
    row = an.receptive_field(model).iloc[-1]
    support = _support_boxes(model)
    assert len(support) > 4
    for (i, j), expected in support.items():
        assert an.receptive_field_box(row, i, j, shape[:2]) == expected, (name, i, j)


def test_tuple_spec_and_formula():
    # top = i·jump − padding, bottom = top + rf, 이미지 안으로 자름
    assert an.receptive_field_box((10, 2, 0), 5, 5, (32, 32)) == (10, 10, 20, 20)
    assert an.receptive_field_box((5, 1, 2), 0, 0, 8) == (0, 0, 3, 3)
    assert an.receptive_field_box(((3, 5), (1, 2), (1, 2)), 4, 3, (10, 10)) == (3, 4, 6, 9)
    assert an.receptive_field_box({"rf": 212, "jump": 32, "padding": 90}, 6, 6, 224) == (102, 102, 224, 224)


def test_bad_arguments_raise_korean_errors():
    with pytest.raises(ValueError, match="NaN"):
        an.receptive_field_box({"rf": 5, "jump": 1, "padding": float("nan")}, 0, 0, 10)
    with pytest.raises(ValueError, match="세 값"):
        an.receptive_field_box((5, 1), 0, 0, 10)
    with pytest.raises(ValueError, match="미만"):
        an.receptive_field_box({"rf": 5, "jump": 1, "padding": 0, "out_size": 6}, 6, 0, 10)
    with pytest.raises(ValueError, match="0 이상"):
        an.receptive_field_box((5, 1, 0), -1, 0, 10)
    with pytest.raises(ValueError, match="밖에"):
        an.receptive_field_box((3, 2, 0), 9, 0, 10)
    with pytest.raises(TypeError, match="정수"):
        an.receptive_field_box((3, 1, 0), 1.5, 0, 10)
    with pytest.raises(TypeError, match="한 행"):
        an.receptive_field_box(42, 0, 0, 10)




def test_box_edges_by_hand():
    # 1×1 입력도 됩니다: rf 3, 패딩 1 → 상자 [−1, 2)를 [0, 1)로 자름
    assert an.receptive_field_box((3, 1, 1), 0, 0, 1) == (0, 0, 1, 1)
    # 빈 상자는 거절: rf 3, jump 2, 패딩 0, 10칸 입력에서 5번 칸은 [10, 13) → 입력 [0, 10)과 겹치지 않음
    assert an.receptive_field_box((3, 2, 0), 4, 4, 10) == (8, 8, 10, 10)
    with pytest.raises(ValueError, match="밖에"):
        an.receptive_field_box((3, 2, 0), 5, 0, 10)
    with pytest.raises(ValueError, match="밖에"):
        an.receptive_field_box((3, 2, 0), 0, 5, 10)
    # 앞쪽으로 벗어난 상자도: 패딩 5, rf 3 → 0번 칸은 [−5, −2)
    with pytest.raises(ValueError, match="밖에"):
        an.receptive_field_box((3, 1, 5), 0, 0, 10)
    for bad_hw in ((0, 5), (5, 0), 0):
        with pytest.raises(ValueError, match="input_hw"):
            an.receptive_field_box((3, 1, 0), 0, 0, bad_hw)
    for spec in ((0, 1, 0), (3, 0, 0), ((3, 0), 1, 0), (3, (1, 0), 0)):
        with pytest.raises(ValueError, match="1 이상"):
            an.receptive_field_box(spec, 0, 0, 10)
    # 표의 행(out_size 포함): 마지막 칸 out_size−1 까지 됩니다
    assert an.receptive_field_box({"rf": 3, "jump": 1, "padding": 0, "out_size": (8, 6)}, 7, 5, (10, 8)) == (7, 5, 10, 8)
    with pytest.raises(ValueError, match="6 미만"):
        an.receptive_field_box({"rf": 3, "jump": 1, "padding": 0, "out_size": (8, 6)}, 0, 6, (10, 8))


def test_box_takes_numpy_integers_as_cell_numbers():
    # 표나 np.argmax에서 나온 칸 번호(np.int64)도 정수입니다
    assert an.receptive_field_box((10, 2, 0), np.int64(5), np.int32(5), (32, 32)) == (10, 10, 20, 20)


@pytest.mark.parametrize(
    "spec, i, j, input_hw, start",
    [
        (("a", 1, 0), 0, 0, 10, "rf 에는 정수"),
        ((3, "a", 0), 0, 0, 10, "jump 에는 정수"),
        ((3, 1, "a"), 0, 0, 10, "padding 에는 정수"),
        ((3, 1, 0), 0, 0, "a", "input_hw 에는 정수"),
        ({"rf": 3, "jump": 1, "padding": 0, "out_size": "a"}, 0, 0, 10, "out_size 에는 정수"),
        ((3, 1, 0), 1.5, 0, 10, "i=1.5: 출력 칸 번호는 정수"),
        ((3, 1, 0), 0, "1", 10, "j='1': 출력 칸 번호는 정수"),
        ((3, 1, 0), -1, 0, 10, "i=-1: 출력 칸 번호는 0 이상이어야 합니다"),
        ((3, 1, 0), 0, -2, 10, "j=-2: 출력 칸 번호는 0 이상이어야 합니다"),
    ],
)
def test_box_errors_name_the_argument(spec, i, j, input_hw, start):
    """잘못된 값이 어느 인자(rf, jump, padding, input_hw, out_size, i, j)인지 문장 맨 앞에서 말합니다."""
    with pytest.raises((TypeError, ValueError)) as error:
        an.receptive_field_box(spec, i, j, input_hw)
    assert str(error.value).startswith(start), str(error.value)


def test_padding_and_cropping_with_unknown_input_size():
    # 크기를 모르는 입력에서 보폭 2 'same' 뒤에는 시작 위치(유효 패딩)도 모름: ZeroPadding·Cropping도 NaN을 이어 감
    model = keras.Sequential([keras.Input((None, None, 1)), layers.Conv2D(1, 3, strides=2, padding="same"),
                              layers.ZeroPadding2D(1, name="zp"), layers.Cropping2D(1, name="cr")])
    df = an.receptive_field(model)
    for name in ("zp", "cr"):
        r = row(df, name)
        assert (r["rf"], r["jump"], r["out_size"]) == (3, 2, None) and math.isnan(r["padding"])
    # 보폭 1이면 시작 위치는 알지만 출력 크기는 여전히 모름
    model = keras.Sequential([keras.Input((None, None, 1)), layers.ZeroPadding2D(2, name="zp")])
    r = row(an.receptive_field(model), "zp")
    assert (r["rf"], r["jump"], r["padding"], r["out_size"]) == (1, 1, 2, None)


def _misaligned_pair(x):
    """짝수 입력에서 중심이 어긋나는 두 분기 (test_misaligned_centres_are_reported_not_averaged와 같은 구조)."""
    return layers.Conv2D(1, 3, strides=2, padding="same")(x), layers.Conv2D(1, 1, strides=2)(x)


def test_merge_of_branches_after_a_misaligned_merge_stays_misaligned():
    def build(x):
        bad = layers.Add(name="bad")(list(_misaligned_pair(x)))
        # 이 합치기 자체의 두 분기는 서로 정렬되어 있지만, 둘 다 이미 어긋난 합치기를 거쳤음
        return layers.Add(name="again")([layers.Conv2D(1, 1)(bad), layers.Conv2D(1, 1)(bad)])

    with pytest.warns(UserWarning, match="'bad'"):
        df = an.receptive_field(functional((16, 16, 1), build))
    assert row(df, "again")["aligned"] == False and row(df, "again")["note"] == ""  # noqa: E712


def test_merge_of_branches_with_unknown_alignment_stays_unknown():
    def build(x):
        a = layers.Conv2D(1, 3, strides=2, padding="same")(x)
        b = layers.Conv2D(1, 1, strides=2, padding="same")(x)
        unsure = layers.Add(name="unsure")([a, b])  # 크기를 몰라 중심을 비교할 수 없음: aligned None
        return layers.Add(name="again")([layers.Conv2D(1, 1)(unsure), layers.Conv2D(1, 1)(unsure)])

    df = an.receptive_field(functional((None, None, 1), build))
    assert row(df, "unsure")["aligned"] is None and row(df, "again")["aligned"] is None


def test_misaligned_merge_note_and_warning_text():
    """어긋난 합치기의 note와 경고는 무엇이 어긋났고 표의 값이 무엇인지 말합니다; 전역 분기 안내와는 '; '로 이어짐."""

    def build(x):
        a, b = _misaligned_pair(x)
        s = layers.Conv2D(1, 1)(layers.GlobalAveragePooling2D(keepdims=True)(x))
        return layers.Add(name="mix")([a, b, s])

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        df = an.receptive_field(functional((16, 16, 1), build))
    assert row(df, "mix")["note"] == (
        "전역(공간 정보 없는) 분기가 합쳐짐: 엄밀히는 입력 전체를 보지만 공간 분기만으로 계산; "
        "정렬 안 됨(높이/너비 축): 합쳐지는 분기들의 jump 또는 수용 영역 중심이 서로 다름 → 출력 0번 칸 기준 합집합으로 계산"
    )
    assert [str(w.message) for w in caught] == [
        "'mix' 층에서 합쳐지는 분기들의 수용 영역이 정렬되어 있지 않습니다(높이/너비 축: jump 또는 중심 위치가 다름). "
        "표의 rf 는 출력 0번 칸 기준 합집합이며 aligned 열이 False 로 표시됩니다."
    ]


def test_misaligned_third_axis_of_3d_model_is_named_depth():
    def build(x):
        a = layers.Conv3D(1, (1, 1, 3), strides=(1, 1, 2), padding="same")(x)
        b = layers.Conv3D(1, 1, strides=(1, 1, 2))(x)
        return layers.Add(name="add3d")([a, b])

    with pytest.warns(UserWarning, match="깊이 축"):
        df = an.receptive_field(functional((4, 4, 8, 1), build))
    assert row(df, "add3d")["note"].startswith("정렬 안 됨(깊이 축)")


def test_two_inputs_merge_takes_the_size_of_the_first_branch():
    # 크기를 아는 입력과 모르는 입력을 합침: 중심은 비교할 수 없지만 출력 크기는 첫 분기(8×8 → 4×4)의 것
    known, free = keras.Input((8, 8, 1)), keras.Input((None, None, 1))
    a = layers.Conv2D(1, 1, strides=2)(known)
    b = layers.Conv2D(1, 3, strides=2, padding="same")(free)
    df = an.receptive_field(keras.Model([known, free], layers.Add(name="both")([a, b])))
    r = row(df, "both")
    assert (r["rf"], r["jump"], r["out_size"]) == (3, 2, 4) and math.isnan(r["padding"])


def test_unsupported_layer_message_lists_what_is_supported():
    model = keras.Sequential([keras.Input((8, 8, 1)), layers.UpSampling2D(name="up")])
    with pytest.raises(ValueError) as error:
        an.receptive_field(model)
    assert str(error.value).endswith(
        "지원하는 층: 합성곱(Conv, DepthwiseConv, SeparableConv), 풀링, ZeroPadding, Cropping, "
        "합치기(Add, Concatenate ...), 점별 층(BatchNormalization, Activation, Dropout ...). "
        "표시만 하고 계속하려면 on_unknown='mark' 를 쓰세요."
    )


def test_bad_on_unknown_is_named_in_the_message():
    small = keras.Sequential([keras.Input((8, 8, 1)), layers.Conv2D(1, 3)])
    with pytest.raises(ValueError, match=r"^on_unknown='ignore' 는 지원하지 않는 값"):
        an.receptive_field(small, on_unknown="ignore")


def _pool_after_conv():
    return keras.Sequential([keras.Input((None, None, 1)), layers.Conv2D(1, 3, name="c"), layers.MaxPooling2D(2)])


def test_too_small_input_message_repeats_the_given_input_shape():
    with pytest.raises(ValueError, match=r"^input_shape=\(2, 2\): 입력이 너무 작아 층 'c'의 출력 크기가 0입니다"):
        an.receptive_field(_pool_after_conv(), input_shape=(2, 2))


def test_check_input_fits_uses_the_given_input_shape():
    from cnn_helpers.analysis.rf import check_input_fits

    check_input_fits(_pool_after_conv(), (4, 4, 1))  # 3×3 → 2×2 → 1×1: 통과
    with pytest.raises(ValueError, match=r"^input_shape=\(3, 3, 1\): 입력이 너무 작아"):
        check_input_fits(_pool_after_conv(), (3, 3, 1))  # 1×1 → 풀링 0×0


def test_layer_rf_states_use_the_given_input_shape():
    from cnn_helpers.analysis.rf import layer_rf_states

    model = keras.Sequential([keras.Input((None, None, 1)), layers.Conv2D(1, 3, strides=2, padding="same")])
    axis = layer_rf_states(model, (9, 9))[id(model.layers[0])].axes[0]
    assert (axis.rf, axis.jump, axis.start, axis.size) == (3, 2, -1, 5)


def test_model_without_spatial_layers_is_refused():
    # 입력은 이미지지만 합성곱·풀링 없이 바로 펼침: 표에 InputLayer 행만 남으므로 거절
    def build(x):
        return layers.Dense(2)(layers.Flatten()(x))

    with pytest.raises(ValueError, match="이 모델에는 공간 축이 없습니다"):
        an.receptive_field(functional((8, 8, 1), build))


# ---------------------------------------------------------------------------
# 행 순서·층 상태 키·중첩/공유 층의 가장자리 (mutmut 생존 돌연변이를 잡는 시험)
# ---------------------------------------------------------------------------


def _stem_inner_after():
    """입력 → stem → 중첩 모델 inner(c1) → after: 중첩 모델 뒤에도 표에 실리는 층이 있음."""
    inner = keras.Sequential([keras.Input((None, None, 1)), layers.Conv2D(1, 3, name="c1")], name="inner")
    inp = keras.Input((10, 10, 1))
    out = layers.Conv2D(1, 3, name="after")(inner(layers.Conv2D(1, 3, name="stem")(inp)))
    return keras.Model(inp, out)


def test_rows_after_a_shared_layer_follow_layer_order():
    # 공유 층의 두 번째 호출 행은 그 층 자리에 남고, 뒤 층(after)은 그 다음에 옴 (정렬 키 = 층 순서, 호출 번호)
    conv = layers.Conv2D(1, 3, padding="same", name="shared")
    inp = keras.Input((8, 8, 1))
    model = keras.Model(inp, layers.Conv2D(1, 3, padding="same", name="after")(conv(conv(inp))))
    df = an.receptive_field(model)
    assert list(df["layer"])[1:] == ["shared", "shared [2]", "after"]
    assert list(df["rf"])[1:] == [3, 5, 7]


def test_rows_of_a_nested_model_sit_at_its_place_in_the_outer_model():
    df = an.receptive_field(_stem_inner_after())
    assert list(df["layer"])[1:] == ["stem", "inner/c1", "after"]
    assert list(df["rf"])[1:] == [3, 5, 7]


def test_nested_model_called_three_times_rows_follow_call_order():
    inner = keras.Sequential([keras.Input((None, None, 1)), layers.Conv2D(1, 3, padding="same", name="c1"),
                              layers.Conv2D(1, 3, padding="same", name="c2")], name="inner")
    inp = keras.Input((12, 12, 1))
    model = keras.Model(inp, inner(inner(inner(inp))))
    df = an.receptive_field(model)
    assert list(df["layer"])[1:] == ["inner/c1", "inner/c2"] * 3
    assert list(df["rf"]) == [1, 3, 5, 7, 9, 11, 13]  # 호출마다 번호가 하나씩 늘어 세 번째 호출도 두 번째 뒤에 옴


def test_layer_rf_states_keys_are_the_top_level_layers():
    from cnn_helpers.analysis.rf import layer_rf_states

    model = _stem_inner_after()
    states = layer_rf_states(model)
    # 함수형 모델은 InputLayer 도 들어가고, 중첩 모델 안쪽 층(c1)은 들어가지 않음 (중첩 모델 자체가 한 키)
    assert set(states) == {id(layer) for layer in model.layers}
    assert states[id(model.layers[0])].axes[0].rf == 1
    assert states[id(model.get_layer("inner"))].axes[0].rf == 5


class _Wrapped(keras.Model):
    """서브클래싱 모델: 함수형 그래프가 없어 안을 따라갈 수 없음."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.conv = layers.Conv2D(1, 3)

    def call(self, x):
        return self.conv(x)


def test_subclassed_model_inside_a_graph_is_an_unsupported_layer():
    # 중첩된 서브클래싱 모델은 '모르는 층'으로 다룸 (안으로 들어가려다 TypeError 를 내지 않음)
    inp = keras.Input((8, 8, 1))
    model = keras.Model(inp, _Wrapped(name="sub")(layers.Conv2D(1, 1, name="c")(inp)))
    with pytest.raises(ValueError, match=r"'sub' 층\(_Wrapped\)은 수용 영역 계산을 지원하지 않습니다"):
        an.receptive_field(model)
    df = an.receptive_field(model, on_unknown="mark")
    assert list(df["layer"])[1:] == ["c", "sub"] and math.isnan(row(df, "sub")["rf"])


def test_shared_unsupported_layer_rows_are_numbered():
    # 지원하지 않는 공유 층을 두 번 부르면 두 행 모두 표시: 이름에 호출 번호, 정렬 여부는 None(모름)
    up = layers.UpSampling2D(name="up")
    inp = keras.Input((8, 8, 1))
    df = an.receptive_field(keras.Model(inp, [up(inp), up(inp)]), on_unknown="mark")
    assert list(df["layer"])[1:] == ["up", "up [2]"]
    assert all(df.iloc[k]["aligned"] is None for k in (1, 2))
    assert all(math.isnan(df.iloc[k][col]) for k in (1, 2) for col in ("rf", "jump", "padding"))


def test_nested_model_called_with_a_mask_keyword():
    # mask= 처럼 키워드로 넘긴 텐서는 노드의 입력 텐서 목록 뒤에 붙지만 중첩 모델의 입력이 아님
    inner = keras.Sequential([keras.Input((None, None, 1)), layers.Conv2D(1, 3, name="c1")], name="inner")
    inp, mask = keras.Input((8, 8, 1)), keras.Input((8, 8), dtype="bool")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # Keras: 이 층은 마스크를 쓰지 않는다는 경고
        model = keras.Model([inp, mask], inner(inp, mask=mask))
    r = row(an.receptive_field(model), "inner/c1")
    assert (r["rf"], r["jump"], r["padding"], r["out_size"]) == (3, 1, 0, 6)


class Square(keras.layers.Layer):
    """keras.ops 의 원소별 연산(Square)과 이름이 같은 사용자 층: 이름만으로 원소별이라 믿으면 안 됨."""

    def call(self, x):
        return x * x


def test_user_layer_named_like_an_elementwise_op_is_unsupported():
    # 원소별 연산 목록(_ELEMENTWISE_OPS)은 층이 아닌 keras.ops 연산에만 적용: 같은 이름의 층은 '모르는 층'
    model = functional((8, 8, 1), lambda x: layers.Conv2D(1, 3, name="after")(Square(name="sq")(x)))
    with pytest.raises(ValueError, match=r"'sq' 층\(Square\)은 수용 영역 계산을 지원하지 않습니다") as error:
        an.receptive_field(model)
    assert "않습니다: 공간 구조에 미치는 영향을 모르는 층. 지원하는 층" in str(error.value)
    df = an.receptive_field(model, on_unknown="mark")
    assert list(df["layer"])[1:] == ["sq"] and math.isnan(row(df, "sq")["rf"])


def test_keras_op_that_is_not_elementwise_is_unsupported():
    # 원소별이 아닌 keras.ops 연산(transpose: 높이·너비를 맞바꿈)은 합치기처럼 통과시키지 않고 거절
    def build(x):
        y = keras.ops.transpose(layers.Conv2D(2, 3, name="c")(x), (0, 2, 1, 3))
        return layers.Conv2D(2, 3, name="after")(y)

    model = functional((8, 8, 1), build)
    with pytest.raises(ValueError, match=r"'transpose' 층\(Transpose\)은 수용 영역 계산을 지원하지 않습니다"):
        an.receptive_field(model)
    # keras.ops 연산은 표에 싣지 않으므로 표는 그 앞 층에서 끝남
    assert list(an.receptive_field(model, on_unknown="mark")["layer"])[1:] == ["c"]


def test_spatial_concatenate_inside_a_nested_model_names_the_full_layer_name():
    # 중첩 모델 안의 층을 거절할 때도 '바깥/안쪽' 이름을 씀
    inp = keras.Input((8, 8, 1))
    a, b = layers.Conv2D(2, 3)(inp), layers.Conv2D(2, 3)(inp)
    inner = keras.Model(inp, layers.Concatenate(axis=1, name="side")([a, b]), name="inner")
    outer = functional((8, 8, 1), inner)
    with pytest.raises(ValueError, match=r"'inner/side' 층\(Concatenate\)은 .*공간 축\(axis=1\)으로 이어 붙임"):
        an.receptive_field(outer)


def test_dot_of_feature_maps_is_unsupported():
    # 1차원 특징 맵 둘의 Dot(axes=2) 출력 (배치, 6, 6)은 3차원이지만 공간 구조가 아님: 합치기로 계산하지 않음
    def build(x):
        a, b = layers.Conv1D(4, 3, name="a")(x), layers.Conv1D(4, 3, name="b")(x)
        return layers.Conv1D(2, 1, name="after")(layers.Dot(axes=2, name="dot")([a, b]))

    model = functional((8, 3), build)
    with pytest.raises(ValueError, match=r"'dot' 층\(Dot\)은 수용 영역 계산을 지원하지 않습니다: 내적\(Dot\)은 공간"):
        an.receptive_field(model)
    df = an.receptive_field(model, on_unknown="mark")
    assert list(df["layer"])[1:] == ["a", "b", "dot"]
    assert math.isnan(row(df, "dot")["rf"]) and "내적(Dot)" in row(df, "dot")["note"]


def test_misalignment_survives_padding_cropping_and_pointwise_dense():
    # 2×2 'same'(앞 0·뒤 1)과 1×1 의 합: 중심이 반 칸 어긋나 aligned=False. 그 뒤의 ZeroPadding·Cropping·
    # 4차원 Dense 는 정렬을 고치지 못하므로 False 를 그대로 물려받아야 함(None·True 로 바뀌면 안 됨)
    def build(x):
        a, b = layers.Conv2D(1, 2, padding="same", name="a")(x), layers.Conv2D(1, 1, name="b")(x)
        y = layers.ZeroPadding2D(1, name="zp")(layers.Add(name="add")([a, b]))
        return layers.Dense(2, name="fc")(layers.Cropping2D(1, name="crop")(y))

    with pytest.warns(UserWarning, match="정렬되어 있지 않습니다"):
        df = an.receptive_field(functional((8, 8, 1), build))
    assert [row(df, name)["aligned"] for name in ("add", "zp", "crop", "fc")] == [False] * 4
    assert rf_triple(df, "zp") == (2, 1, 1) and rf_triple(df, "fc") == (2, 1, 0)


class Film(keras.layers.Layer):
    """특징 맵에 입력마다 다른 채널 배율(전역 벡터)을 곱하는 사용자 층: 입력이 둘(공간 하나, 전역 하나)."""

    def call(self, inputs):
        x, v = inputs
        return x * v[:, None, :]


def _film_model():
    # 전역 입력(벡터)이 첫째, 공간 입력(1차원 신호)이 둘째: 입력 순서와 상관없이 둘 다 상태를 받아야 함
    vec, seq = keras.Input((2,)), keras.Input((8, 3))
    y = Film(name="film")([layers.Conv1D(2, 3, name="c")(seq), vec])
    return keras.Model([vec, seq], layers.Conv1D(2, 1, name="after")(y))


def test_layer_with_a_spatial_and_a_global_input_is_refused_as_multi_input():
    model = _film_model()
    with pytest.raises(ValueError, match=r"^'film' 층\(Film\)은 수용 영역 계산을 지원하지 않습니다") as error:
        an.receptive_field(model)
    assert "않습니다: 입력이 여러 개인 층. 지원하는 층" in str(error.value)
    df = an.receptive_field(model, on_unknown="mark")
    assert list(df["layer"])[1:] == ["c", "film"] and rf_triple(df, "c") == (3, 1, 0)
    assert "입력이 여러 개인 층" in row(df, "film")["note"] and math.isnan(row(df, "film")["rf"])


def test_flat_input_reshaped_into_an_image_has_no_receptive_field():
    # 공간 축이 없는 입력(벡터)을 Reshape 로 그림 모양으로 바꿔도 입력 화소와의 공간 관계는 없음: 한국어로 거절
    model = functional((16,), lambda x: layers.Conv2D(1, 3, name="c")(layers.Reshape((4, 4, 1))(x)))
    with pytest.raises(ValueError, match="공간 축이 없습니다"):
        an.receptive_field(model)


def test_transposed_conv_is_refused_as_upsampling():
    model = keras.Sequential(
        [keras.Input((8, 8, 1)), layers.Conv2DTranspose(1, 3, strides=2, name="up"), layers.Conv2D(1, 3)]
    )
    with pytest.raises(ValueError, match=r"^'up' 층\(Conv2DTranspose\)은 수용 영역 계산을") as error:
        an.receptive_field(model)
    assert "않습니다: 출력이 입력보다 촘촘해지는(업샘플링) 층. 지원하는" in str(error.value)


def test_conv_with_a_padding_keras_does_not_know_is_refused():
    # 사용자가 padding 을 바꿔 둔 층('full' 은 Keras 합성곱에 없음): 'valid' 처럼 계산하지 않고 거절
    model = keras.Sequential([keras.Input((8, 8, 1)), layers.Conv2D(1, 3, name="c"), layers.Conv2D(1, 3, name="d")])
    model.get_layer("c").padding = "full"
    with pytest.raises(ValueError, match=r"^'c' 층\(Conv2D\)은 수용 영역 계산을") as error:
        an.receptive_field(model)
    assert "않습니다: padding='full'. 지원하는" in str(error.value)
    df = an.receptive_field(model, on_unknown="mark")
    assert list(df["layer"]) == ["c"] and "padding='full'" in df.iloc[0]["note"]
