"""VGG-16 구조 그림: 그림에 적힌 출력 모양과 매개변수 수가 실제 모델의 값과 같습니다."""

import keras
import matplotlib.pyplot as plt
import pytest

from cnn_helpers import models
from cnn_helpers.diagrams import _draw
from cnn_helpers.diagrams._model import shape_text
from cnn_helpers.diagrams.vgg import vgg_stages


@pytest.fixture(scope="module")
def vgg16():
    return models.vgg16()


def _block_facts(model):
    """모델에서 직접: 블록(block1…)마다 (합성곱 수, 마지막 출력 모양, 매개변수 합)."""
    facts = {}
    for layer in model.layers[1:]:
        group = layer.name.split("_")[0]
        convs, _, params = facts.get(group, (0, None, 0))
        facts[group] = (convs + isinstance(layer, keras.layers.Conv2D), tuple(layer.output.shape[1:]),
                        params + layer.count_params())
    return facts


def test_stages_are_the_models_blocks(vgg16):
    stages = vgg_stages(vgg16)
    assert [s["name"] for s in stages] == ["입력", "block1", "block2", "block3", "block4", "block5",
                                           "flatten", "fc1", "fc2", "predictions"]
    assert [s["convs"] for s in stages[1:6]] == [2, 2, 3, 3, 3]
    facts = _block_facts(vgg16)
    for stage in stages[1:]:
        assert (stage["convs"], stage["shape"], stage["params"]) == facts[stage["name"]]
    assert sum(s["params"] for s in stages) == vgg16.count_params() == 138_357_544
    assert [s["activation"] for s in stages[-3:]] == ["relu", "relu", "softmax"]


def _conv_and_pool_fronts(fig):
    from matplotlib.colors import to_hex
    from matplotlib.patches import Rectangle

    fronts = [p for p in fig.axes[0].patches if isinstance(p, Rectangle)]
    color = {to_hex(_draw.COLORS["conv"]): "conv", to_hex(_draw.COLORS["pool"]): "pool"}
    return [(color[to_hex(p.get_facecolor())], p.get_x(), p.get_height(), p.get_width())
            for p in sorted(fronts, key=lambda p: p.get_x()) if to_hex(p.get_facecolor()) in color]


def test_blocks_drawing_shows_every_stacked_conv_then_its_pool(vgg16):
    """블록 안의 그림: 합성곱 계층마다 파란 판 하나, 블록 끝마다 주황 판 하나 — 계층 순서 그대로."""
    from cnn_helpers.diagrams import draw_vgg_blocks

    fig = draw_vgg_blocks(vgg16)
    slabs = _conv_and_pool_fronts(fig)
    drawn = _draw.texts(fig)
    plt.close(fig)
    kinds = [kind for kind, *_ in slabs]
    expected = [("pool" if isinstance(layer, keras.layers.MaxPooling2D) else "conv")
                for layer in vgg16.layers if isinstance(layer, (keras.layers.Conv2D, keras.layers.MaxPooling2D))]
    assert kinds == expected and kinds.count("conv") == 13 and kinds.count("pool") == 5
    # 판의 높이는 가로·세로를 따라 블록마다 줄어듭니다 (풀링 판은 그 블록의 합성곱 판보다 낮음)
    heights = [h for _, _, h, _ in slabs]
    sides = [tuple(layer.output.shape[1:3]) for layer in vgg16.layers
             if isinstance(layer, (keras.layers.Conv2D, keras.layers.MaxPooling2D))]
    assert all((h1 > h2) == (s1 > s2) for (h1, s1), (h2, s2) in zip(zip(heights, sides), zip(heights[1:], sides[1:])))
    # 글은 모델에서: 블록마다 합성곱 수·채널 수, 풀링 뒤 모양, 매개변수 합
    for name, (convs, shape, params) in _block_facts(vgg16).items():
        assert shape_text(shape) in drawn and f"{params:,}" in drawn, name
        if name.startswith("block"):  # 블록 설명의 크기는 풀링 앞(합성곱 판)의 가로·세로: 224×224 → … → 14×14
            side = shape[0] * 2
            assert f"3×3 합성곱 ×{convs}\n{side}×{side}, {shape[-1]}채널\n+ 최대 풀링" in drawn, name
    assert any("138,357,544" in text for text in drawn) and "RGB 이미지" in drawn
    # 두께는 채널 수에 비례해 눈으로 구별됩니다 (64채널 판 < 512채널 판의 절반), 마지막 계층은 한국어로 '출력'
    widths = [w for _, _, _, w in slabs]
    assert widths[0] < widths[-1] / 2
    assert "출력" in drawn and "predictions" not in drawn


def test_blocks_drawing_follows_a_small_model():
    """작은 VGG(블록 두 개, 흑백 입력)를 주면 판 수, 모양, 매개변수도 그 모델의 것이 됩니다."""
    from cnn_helpers.diagrams import draw_vgg_blocks

    small = models.vgg(convs=(2, 3), filters=(8, 16), dense_units=32, input_shape=(28, 28, 1), classes=10,
                       dropout=0.5, name="small")
    fig = draw_vgg_blocks(small, title="작은 VGG")
    kinds = [kind for kind, *_ in _conv_and_pool_fronts(fig)]
    drawn = _draw.texts(fig)
    plt.close(fig)
    assert kinds == ["conv", "conv", "pool", "conv", "conv", "conv", "pool"]
    assert {"28×28×1", "14×14×8", "7×7×16", "흑백 이미지", "블록 2"} <= set(drawn) and "블록 3" not in drawn
    assert "3×3 합성곱 ×3\n14×14, 16채널\n+ 최대 풀링" in drawn
    assert any(f"{small.count_params():,}" in text for text in drawn)
