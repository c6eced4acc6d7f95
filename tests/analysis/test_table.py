"""cnn_helpers.analysis.table 시험: model_table, layer_table."""

from __future__ import annotations

import math

import pytest

from cnn_helpers import analysis as an
from cnn_helpers import models

from .analysis_helpers import rel_err, row

keras = pytest.importorskip("keras")
layers = keras.layers


def test_model_table_small():
    model = keras.Sequential(
        [
            keras.Input((12, 12, 3)),
            layers.Conv2D(4, 3, name="c"),
            layers.BatchNormalization(name="bn"),
            layers.MaxPooling2D(name="p"),
            layers.Flatten(name="f"),
            layers.Dense(5, name="d"),
        ]
    )
    table = an.model_table(model)
    assert list(table.columns) == ["layer", "type", "output_shape", "params", "macs", "rf"]
    assert list(table["layer"]) == ["c", "bn", "p", "f", "d"]
    assert list(table["output_shape"]) == [(10, 10, 4), (10, 10, 4), (5, 5, 4), (100,), (5,)]
    assert list(table["params"]) == [112, 16, 0, 0, 505]
    assert table["params"].sum() == model.count_params()
    assert list(table["macs"]) == [10 * 10 * 27 * 4, 0, 0, 0, 500]
    assert table["macs"].sum() == an.count_macs(model)
    assert list(table["rf"]) == [3, 3, 4, None, None]


def test_model_table_resnet50(resnet50):
    table = an.model_table(resnet50)
    assert len(table) == len(resnet50.layers)
    assert table["params"].sum() == resnet50.count_params() == 25_636_712
    # 층마다 MAC을 count_macs의 그래프 순회와 따로, Keras가 기록한 출력 모양·커널 모양에서 직접 셉니다.
    for layer in resnet50.layers:
        if isinstance(layer, layers.Conv2D):
            _, oh, ow, _ = layer.output.shape
            assert row(table, layer.name)["macs"] == oh * ow * math.prod(layer.kernel.shape), layer.name
        elif isinstance(layer, layers.Dense):
            assert row(table, layer.name)["macs"] == math.prod(layer.kernel.shape) == 2048 * 1000
        else:
            assert row(table, layer.name)["macs"] == 0, layer.name
    assert rel_err(table["macs"].sum(), 3.8e9) < 0.03  # He et al. 2015 표 1
    assert row(table, "conv5_block3_out")["rf"] == 483
    assert row(table, "avg_pool")["rf"] is None


def test_model_table_nested_model():
    inner = keras.Sequential(
        [keras.Input((None, None, 3)), layers.Conv2D(4, 3), layers.Conv2D(4, 3)], name="inner"
    )
    outer = keras.Sequential(
        [keras.Input((10, 10, 3)), inner, layers.GlobalAveragePooling2D(), layers.Dense(2)]
    )
    table = an.model_table(outer)
    assert list(table["type"]) == ["Sequential", "GlobalAveragePooling2D", "Dense"]
    assert table.iloc[0]["layer"] == "inner"
    assert table["params"].sum() == outer.count_params()
    assert table.iloc[0]["output_shape"] == (6, 6, 4)
    assert table.iloc[0]["rf"] == 5
    assert table.iloc[0]["macs"] == 8 * 8 * 27 * 4 + 6 * 6 * 36 * 4


def test_layer_table_is_notebook03s_table():
    import pandas as pd

    from cnn_helpers.analysis import layer_table

    model = models.lenet5()
    expected = pd.DataFrame([{"계층": layer.name, "종류": type(layer).__name__,
                              "출력 모양": str(tuple(layer.output.shape[1:])), "매개변수": layer.count_params()}
                             for layer in model.layers])
    expected["비율(%)"] = (100 * expected["매개변수"] / model.count_params()).round(1)
    pd.testing.assert_frame_equal(layer_table(model), expected)


def test_model_table_sums_the_macs_of_a_shared_layer():
    """두 번 호출한 층의 행은 두 호출의 MAC 합 (8·8 위치 × 3·3 × 입력 2 × 출력 2, 두 번)."""
    conv = layers.Conv2D(2, 3, padding="same", name="shared")
    inp = keras.Input((8, 8, 2))
    model = keras.Model(inp, conv(conv(inp)))
    assert row(an.model_table(model), "shared")["macs"] == an.count_macs(model) == 2 * 8 * 8 * 3 * 3 * 2 * 2


def test_block_table_sums_model_table_by_name_prefix():
    from cnn_helpers import models

    model = models.vgg16()
    table, blocks = an.model_table(model), an.block_table(model)
    assert list(blocks.index) == ["block1", "block2", "block3", "block4", "block5", "flatten", "fc1", "fc2",
                                  "predictions"]
    assert list(blocks["convs"]) == [2, 2, 3, 3, 3, 0, 0, 0, 0]
    assert blocks["params"].sum() == model.count_params() == table["params"].sum()
    assert blocks["macs"].sum() == table["macs"].sum()
    assert blocks.loc["block3", "macs"] == blocks.loc["block4", "macs"]
    assert blocks.loc["fc1", "params"] == 7 * 7 * 512 * 4096 + 4096


def test_compare_models_depth_is_the_longest_weighted_path():
    import keras

    from cnn_helpers.analysis import compare_models
    from cnn_helpers.analysis.table import weight_depth

    inputs = keras.Input((8, 8, 3))
    a = keras.layers.Conv2D(4, 3, padding="same")(inputs)
    a = keras.layers.Conv2D(4, 3, padding="same")(a)  # 긴 가지: 합성곱 둘
    b = keras.layers.MaxPooling2D(3, 1, padding="same")(inputs)  # 짧은 가지: 가중치 없음
    b = keras.layers.Conv2D(4, 1)(b)
    x = keras.layers.Concatenate()([a, b])
    outputs = keras.layers.Dense(2)(keras.layers.GlobalAveragePooling2D()(x))
    model = keras.Model(inputs, outputs)
    assert weight_depth(model) == 3  # 합성곱 둘 + 완전 연결 (1×1 가지는 더 짧음)
    table = compare_models({"작은 모델": model})
    assert table.loc["작은 모델", "깊이 (가중치 계층)"] == 3
    assert table.loc["작은 모델", "매개변수"] == f"{model.count_params():,}" and table.loc["작은 모델", "입력"] == "8×8×3"
    with pytest.raises(TypeError, match="models는"):
        compare_models([model])


def test_layer_table_can_show_macs_instead_of_share():
    import keras

    from cnn_helpers.analysis import layer_table

    model = keras.Sequential([keras.Input((6, 6, 1)), keras.layers.Conv2D(2, 3, use_bias=False)])
    table = layer_table(model, macs=True)
    assert "곱셈-누산" in table and "비율(%)" not in table
    assert table["곱셈-누산"].iloc[-1] == 4 * 4 * 9 * 2
    with pytest.raises(TypeError, match="macs는"):
        layer_table(model, macs="yes")


def test_korean_tables_rename_columns_and_format_thousands():
    """korean=True는 보여 주기용 표: 한국어 열 이름, 매개변수·곱셈-누산은 천 단위 쉼표를 넣은 글자 (값은 그대로)."""
    model = models.vgg16()
    shown = an.model_table(model, korean=True)
    assert list(shown.columns) == ["계층", "종류", "출력 모양", "매개변수", "곱셈-누산", "수용 영역"]
    assert shown["매개변수"].tolist() == [f"{n:,}" for n in an.model_table(model)["params"]]
    plain = an.model_table(model)
    no_rf = plain["rf"].isna()  # 공간 축이 없는 계층(flatten, fc)은 보여 주기용 표에서 —, 나머지는 그대로
    assert no_rf.any() and (shown["수용 영역"][no_rf] == "—").all()
    assert shown["수용 영역"][~no_rf].tolist() == plain["rf"][~no_rf].tolist()
    blocks = an.block_table(model, korean=True)
    assert blocks.index.name == "블록 / 계층" and list(blocks.columns) == ["합성곱 수", "매개변수", "곱셈-누산"]
    assert blocks.loc["fc1", "매개변수"] == "102,764,544" and blocks.loc["block3", "합성곱 수"] == 3


@pytest.mark.parametrize("korean", ["yes", 1, None])
def test_korean_must_be_a_bool(korean):
    model = models.vgg16(input_shape=(32, 32, 3), classes=10)
    with pytest.raises(TypeError, match="korean은 True 또는 False"):
        an.model_table(model, korean=korean)
    with pytest.raises(TypeError, match="korean은 True 또는 False"):
        an.block_table(model, korean=korean)


def test_block_table_group_regex_sums_inception_branches():
    import keras

    inputs = keras.Input((28, 28, 192))
    model = keras.Model(inputs, models.inception_block(inputs, 64, 96, 128, 16, 32, 32, name="inception_3a"))
    branches = an.block_table(model, group=r"_(1x1|3x3|5x5|pool)")
    assert sorted(branches.index) == ["1x1", "3x3", "5x5", "pool"]  # …_3x3_reduce도 3x3 가지, …_output은 빠짐
    assert branches["macs"].sum() == an.count_macs(model)
    assert branches.loc["3x3", "convs"] == 2 and branches.loc["pool", "convs"] == 1
    modules = an.block_table(model, group=r"^inception_(\w\w)_")
    assert list(modules.index) == ["3a"] and modules.loc["3a", "params"] == model.count_params()
    with pytest.raises(ValueError, match="괄호 묶음이 꼭 하나"):
        an.block_table(model, group=r"_1x1")
    with pytest.raises(TypeError, match="group은"):
        an.block_table(model, group=3)
