"""잔차 블록 그림: 그림에 적힌 모양과 매개변수 수가 models로 실제로 만든 블록과 같습니다."""

import keras
import matplotlib.pyplot as plt
import pytest

from cnn_helpers import models
from cnn_helpers.diagrams import _draw, draw_residual_blocks
from cnn_helpers.diagrams.resnet import DEFAULT_CASES, block_layout


def built(kind, input_shape, filters, stride):
    """그림과 따로, 패키지의 블록을 직접 만들어 계층 이름 → 계층을 돌려줍니다."""
    block = models.residual_block if kind == "basic" else models.bottleneck_block
    inputs = keras.Input(shape=input_shape)
    model = keras.Model(inputs, block(inputs, filters, stride, name="x"))
    return model, {layer.name: layer for layer in model.layers}


def shape(tensor_shape):
    return "×".join(map(str, tensor_shape[1:]))


CASES = [*DEFAULT_CASES, ("bottleneck", (28, 28, 256), 128, 2), ("basic", (16, 16, 32), 32, 1),
         ("bottleneck", (56, 56, 64), 64, 1)]


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c[0]}-{c[2]}-s{c[3]}")
def test_layout_equals_the_built_block(case):
    kind, input_shape, filters, stride = case
    model, layers = built(*case)
    layout = block_layout(*case)
    convs = [n for n in ("x_1_conv", "x_2_conv", "x_3_conv") if n in layers]
    assert [c["params"] for c in layout["main"]] == [layers[n].count_params() for n in convs]
    assert [c["shape"] for c in layout["main"]] == [tuple(layers[n].output.shape[1:]) for n in convs]
    assert [c["bn_params"] for c in layout["main"]] == [layers[n.replace("conv", "bn")].count_params() for n in convs]
    assert [c["relu"] for c in layout["main"]] == [n.replace("conv", "relu") in layers for n in convs]
    assert layout["main"][-1]["relu"] is False  # 더하기 직전의 합성곱 뒤에는 ReLU가 없습니다
    assert layout["total"] == model.count_params()
    assert layout["output"] == tuple(model.output.shape[1:])
    projected = "x_0_conv" in layers
    assert projected == (stride != 1 or input_shape[-1] != layout["output"][-1])
    if projected:
        assert layout["shortcut"]["params"] == layers["x_0_conv"].count_params()
        assert layout["shortcut"]["stride"] == stride
    else:
        assert layout["shortcut"] is None


def test_drawn_numbers_are_the_built_numbers():
    fig = draw_residual_blocks()
    drawn = "\n".join(_draw.texts(fig))
    plt.close(fig)
    for case in DEFAULT_CASES:
        model, layers = built(*case)
        assert f"블록 전체 매개변수 {model.count_params():,}" in drawn
        assert f"입력 {'×'.join(map(str, case[1]))}" in drawn
        assert f"출력 {shape(model.output.shape)}" in drawn
        for name, layer in layers.items():
            if isinstance(layer, keras.layers.Conv2D):
                assert f"매개변수 {layer.count_params():,}" in drawn, name
                assert shape(layer.output.shape) in drawn, name
            if isinstance(layer, keras.layers.BatchNormalization):
                assert f"배치 정규화 (매개변수 {layer.count_params():,})" in drawn, name
    # 세 블록 중 모양이 바뀌는 것(가운데)에만 투영 지름길이, 나머지 둘에는 항등 지름길이 그려집니다.
    assert drawn.count("투영 지름길") == 1
    assert drawn.count("항등 지름길") == 2


def test_bad_kind_is_explained_in_korean():
    with pytest.raises(ValueError, match="basic"):
        block_layout("inception", (8, 8, 4), 4)
    with pytest.raises(ValueError, match="비어"):
        draw_residual_blocks([])
