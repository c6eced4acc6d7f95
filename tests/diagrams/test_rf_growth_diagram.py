"""2차원 수용 영역 성장 그림: 상자의 크기는 receptive_field 표와 같고, 앞 계층의 상자는 뒤 계층의 상자 안에 있습니다."""

import keras
import matplotlib.pyplot as plt
import pytest

import cnn_helpers as ch
from cnn_helpers.diagrams import _draw
from cnn_helpers.diagrams.rf_growth import draw_rf_growth, rf_growth_boxes

STACKS = [
    [("conv", 3, 1)] * 3,
    [("conv", 3, 1), ("conv", 3, 1), ("pool", 2, 2), ("conv", 3, 1)],
    [("conv", 5, 2), ("pool", 3, 2), ("conv", 3, 1)],
    [("conv", 3, 1), ("conv", 3, 1, 2), ("conv", 1, 1)],
]


def by_hand(layers):
    r, j, out = 1, 1, []
    for _kind, f, s, *d in layers:
        r += (d[0] if d else 1) * (f - 1) * j
        j *= s
        out.append((r, j))
    return out


@pytest.mark.parametrize("layers", STACKS, ids=str)
def test_boxes_follow_the_recursion_and_nest(layers):
    data = rf_growth_boxes(layers, margin=2)
    got = [(d["rf"], d["jump"]) for d in data["layers"]]
    assert got == by_hand(layers)
    boxes = [d["box"] for d in data["layers"]]
    for (top, left, bottom, right), (rf, _) in zip(boxes, got):
        assert bottom - top == right - left == rf
    for inner, outer in zip(boxes, boxes[1:]):  # 앞 계층의 상자는 다음 계층의 상자 안에
        assert outer[0] <= inner[0] and outer[1] <= inner[1] and inner[2] <= outer[2] and inner[3] <= outer[3]
    assert boxes[-1] == (2, 2, 2 + got[-1][0], 2 + got[-1][0]) and data["size"] == got[-1][0] + 4


def test_boxes_equal_the_gradient_of_a_keras_model():
    """그림의 마지막 상자 크기 = 같은 계층을 쌓은 Keras 모델에서 기울기가 0이 아닌 폭."""
    layers = STACKS[1]
    model = keras.Sequential([keras.Input((32, 32, 1)), keras.layers.Conv2D(2, 3), keras.layers.Conv2D(2, 3),
                              keras.layers.MaxPooling2D(2), keras.layers.Conv2D(2, 3)])
    erf = ch.effective_receptive_field(model, samples=8)
    width = int((erf.sum(axis=0) > 0).sum())
    assert width == rf_growth_boxes(layers)["layers"][-1]["rf"] == 10


def test_figure_labels_every_layer_in_korean():
    fig = draw_rf_growth({"왼쪽": STACKS[0], "오른쪽": STACKS[1]})
    drawn = _draw.texts(fig)
    assert "1계층 (3×3 합성곱): r = 3, j = 1" in drawn
    assert "3계층 (2×2 최대 풀링, 스트라이드 2): r = 6, j = 2" in drawn
    assert "4계층 (3×3 합성곱): r = 10, j = 2" in drawn
    assert {"왼쪽", "오른쪽"} <= set(drawn)
    assert len(fig.axes) == 2
    plt.close(fig)


def test_public_names_and_bad_arguments():
    assert ch.diagrams.draw_rf_growth is draw_rf_growth
    assert ch.diagrams.rf_growth_boxes is rf_growth_boxes
    with pytest.raises(ValueError, match="종류"):
        rf_growth_boxes([("dense", 3, 1)])
    with pytest.raises(ValueError, match="하나 이상"):
        rf_growth_boxes([])
    with pytest.raises(ValueError, match="팽창"):
        rf_growth_boxes([("conv", 3, 2, 2)])
    with pytest.raises(ValueError, match="너무 큽니다"):
        draw_rf_growth([("conv", 3, 2)] * 6)
    with pytest.raises((TypeError, ValueError)):
        rf_growth_boxes([("conv", 2.5, 1)])


def test_docstring_examples():
    import doctest

    from cnn_helpers.diagrams import rf_growth

    result = doctest.testmod(rf_growth)
    assert result.attempted >= 1 and result.failed == 0
