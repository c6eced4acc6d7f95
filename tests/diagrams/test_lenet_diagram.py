"""5강 LeNet-5 그림: 그림에 적힌 모양과 매개변수 수가 실제 모델의 것과 같습니다."""

import matplotlib.pyplot as plt
import pytest

from cnn_helpers.diagrams import _draw, draw_lenet5, lenet
from cnn_helpers.models.lenet import lenet5, make_lenet5_class


def drawn_numbers(model=None):
    fig = draw_lenet5(model)
    texts = _draw.texts(fig)
    plt.close(fig)
    return texts


@pytest.mark.parametrize("input_shape", [(28, 28, 1), (32, 32, 1), (36, 36, 3)])
def test_texts_drawn_are_the_models_shapes_and_params(input_shape):
    model = lenet5(input_shape=input_shape)
    texts = drawn_numbers(None if input_shape == (28, 28, 1) else model)
    shapes = [layer.output.shape[1:] for layer in model.layers]
    # 입력과 계층마다의 출력 모양이 그 차례대로 적혀 있습니다.
    drawn_shapes = [t for t in texts if t and t[0].isdigit() and "." not in t]
    assert drawn_shapes == ["×".join(map(str, input_shape))] + ["×".join(map(str, s)) for s in shapes]
    # 계층마다 매개변수 수가 적혀 있고, 제목의 합계는 모델의 매개변수 수입니다.
    drawn_params = [t.split("\n")[1] for t in texts if t.startswith("매개변수\n")]
    assert drawn_params == [f"{layer.count_params():,}" for layer in model.layers]
    assert any(f"모두 {model.count_params():,}개" in t for t in texts)
    # 계층 이름과 그 계층이 하는 일 (필터 크기·개수, 패딩)
    for layer in model.layers:
        assert layer.name in texts
    assert "합성곱 5×5, ReLU\n필터 6개, same" in texts and "합성곱 5×5, ReLU\n필터 16개, valid" in texts


def test_default_model_numbers():
    texts = drawn_numbers()
    assert "모두 61,706개" in " ".join(texts)
    assert {"28×28×6", "14×14×6", "10×10×16", "5×5×16", "400", "120", "84", "10"} <= set(texts)
    assert {"매개변수\n156", "매개변수\n2,416", "매개변수\n48,120", "매개변수\n10,164", "매개변수\n850"} <= set(texts)


def test_parts_are_plain_data_in_order():
    parts = lenet.lenet5_parts(lenet5())
    assert [p["kind"] for p in parts] == ["input", "conv", "pool", "conv", "pool", "flatten", "dense", "dense", "dense"]
    assert sum(p["params"] for p in parts) == 61_706
    assert lenet.shape_text((5, 5, 16)) == "5×5×16" and lenet.shape_text((400,)) == "400"  # _model.shape_text


def test_arrow_glyph_is_not_used():
    """나눔고딕의 화살표 글자(→)는 작고 어긋나게 그려지므로 글에 쓰지 않고 화살표는 선으로 긋습니다."""
    assert not any("→" in t for t in drawn_numbers())


def test_subclassed_or_wrong_models_get_a_korean_error():
    import numpy as np

    model = make_lenet5_class()()
    model(np.zeros((1, 28, 28, 1), "float32"))
    with pytest.raises((ValueError, TypeError), match="모델"):
        draw_lenet5(model)
    with pytest.raises(TypeError, match="Keras 모델"):
        draw_lenet5("lenet")
