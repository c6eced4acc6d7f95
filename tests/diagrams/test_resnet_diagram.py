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


# plain-34와 ResNet-34 전체 그림 ----------------------------------------------------------------------------

from cnn_helpers.diagrams import draw_plain_vs_resnet  # noqa: E402
from cnn_helpers.diagrams.resnet import network_layout  # noqa: E402


@pytest.mark.parametrize("depth", [18, 34])
def test_network_layout_reads_the_model(depth):
    """그림에 쓰는 계층·블록·투영이 models.resnet으로 만든 모델의 계층과 같습니다."""
    model = models.resnet(depth, input_shape=(64, 64, 3), classes=10, width=4)
    plain = models.resnet(depth, input_shape=(64, 64, 3), classes=10, width=4, plain=True)
    layout, plain_layout = network_layout(model), network_layout(plain)
    convs = [layer for layer in model.layers
             if isinstance(layer, keras.layers.Conv2D) and not layer.name.endswith("_0_conv")]
    drawn_convs = [item for item in layout["items"] if item["kind"] == "conv"]
    assert [c["name"] for c in drawn_convs] == [layer.name for layer in convs]
    assert [(c["kernel"], c["stride"], c["filters"], c["shape"]) for c in drawn_convs] == [
        (layer.kernel_size[0], layer.strides[0], layer.filters, tuple(layer.output.shape[1:])) for layer in convs]
    assert layout["weighted"] == plain_layout["weighted"] == depth
    # 평범한 신경망과 계층은 같고, 지름길만 다릅니다.
    assert [i["name"] for i in layout["items"]] == [i["name"] for i in plain_layout["items"]]
    assert plain_layout["blocks"] == []
    adds = [layer.name[: -len("_add")] for layer in model.layers if isinstance(layer, keras.layers.Add)]
    assert [b["block"] for b in layout["blocks"]] == adds
    projected = {layer.name[: -len("_0_conv")]: layer for layer in model.layers if layer.name.endswith("_0_conv")}
    assert {b["block"] for b in layout["blocks"] if b["projection"]} == set(projected)
    for block in layout["blocks"]:
        if block["projection"]:
            layer = projected[block["block"]]
            assert block["projection"] == {"stride": layer.strides[0], "filters": layer.filters,
                                           "params": layer.count_params()}
    # 블록마다 두 합성곱을 덮습니다 (기본 블록).
    assert all(b["last"] - b["first"] == 1 for b in layout["blocks"])


def test_plain_vs_resnet_figure_draws_what_the_models_hold():
    fig = draw_plain_vs_resnet(34)
    drawn = _draw.texts(fig)
    plt.close(fig)
    model = models.resnet(34)
    projections = [layer for layer in model.layers if layer.name.endswith("_0_conv")]
    assert len(projections) == 3
    # 투영 지름길은 모양이 바뀌는 곳(conv3_1, conv4_1, conv5_1)에만, 실제 스트라이드로 적힙니다.
    assert sum(t.endswith("투영") for t in drawn) == len(projections)
    assert all(f"1×1/{layer.strides[0]} 투영" in drawn for layer in projections)
    # 합성곱 상자 (두 신경망에 한 번씩): 모델의 (커널, 스트라이드, 필터 수) 그대로
    convs = [layer for layer in model.layers
             if isinstance(layer, keras.layers.Conv2D) and not layer.name.endswith("_0_conv")]
    for layer in convs:
        k, s = layer.kernel_size[0], layer.strides[0]
        text = f"{k}×{k}{'' if s == 1 else f'/{s}'}\n{layer.filters}"
        expected = 2 * sum(1 for other in convs if (other.kernel_size[0], other.strides[0], other.filters)
                           == (k, s, layer.filters))
        assert drawn.count(text) == expected, text
    # 단계마다의 출력 크기는 모델에서 읽은 값
    for stage in ("conv2", "conv3", "conv4", "conv5"):
        shape = model.get_layer(f"{stage}_block1_out").output.shape
        assert drawn.count(f"{stage}_x  {shape[1]}×{shape[2]}") == 2
    # 줄기의 크기는 줄기의 출력(7×7/2 합성곱과 3×3/2 풀링 뒤), 합성곱 바로 뒤의 크기가 아닙니다
    stem = model.get_layer("pool1_pool").output.shape
    assert drawn.count(f"줄기  {stem[1]}×{stem[2]}") == 2 and stem[1] == 56
    titles = [t for t in drawn if t.startswith("ResNet-34")]
    assert titles == ["ResNet-34: 같은 계층 34개 + 지름길 16개 (그중 1×1 투영 3개)"]


def test_plain_vs_resnet_refuses_bottleneck_depths():
    with pytest.raises(ValueError, match="18 또는 34"):
        draw_plain_vs_resnet(50)


@pytest.mark.slow  # VGG-19(1억 4천만 매개변수)를 짓습니다
def test_vgg19_row_is_read_from_the_model_like_the_papers_figure_3():
    """vgg=True: 논문 그림 3처럼 VGG-19를 맨 위에 더합니다. 합성곱·풀링·완전 연결 상자와 곱셈-누산 수는 models.vgg19에서 읽습니다."""
    from cnn_helpers.analysis import count_macs

    fig = draw_plain_vs_resnet(34, vgg=True)
    drawn = _draw.texts(fig)
    plt.close(fig)
    vgg = models.vgg19()
    layout = network_layout(vgg)
    assert layout["weighted"] == 19 and layout["blocks"] == []
    convs = [layer for layer in vgg.layers if isinstance(layer, keras.layers.Conv2D)]
    assert [item["name"] for item in layout["items"] if item["kind"] == "conv"] == [layer.name for layer in convs]
    pools = [item for item in layout["items"] if item["kind"] == "pool"]
    assert [p["stage"] for p in pools] == [f"block{i}" for i in range(1, 6)]  # 풀링은 제 블록에 (줄기가 아니라)
    title = next(t for t in drawn if t.startswith("VGG-19"))
    assert title.endswith(f"곱셈-누산 {count_macs(vgg) / 1e9:.2f}G") and "가중치 계층 19개" in title
    assert sum(t == "완전 연결\n4,096" for t in drawn) == 2
    for i in range(1, 6):  # 블록마다 출력 크기 (풀링 뒤)
        shape = vgg.get_layer(f"block{i}_pool").output.shape
        assert f"block{i}  {shape[1]}×{shape[2]}" in drawn
    # 평범한 신경망과 ResNet 부분은 vgg=False일 때와 같습니다 (투영 세 개, 제목의 계층·지름길 수).
    assert sum(t.endswith("투영") for t in drawn) == 3
    assert any(t.startswith("ResNet-34: 같은 계층 34개 + 지름길 16개 (그중 1×1 투영 3개), 곱셈-누산") for t in drawn)
