"""cnn_helpers.rf_explorer 시험: 수용 영역 탐색기의 상자가 조절 막대를 따라가는지."""

from __future__ import annotations

import numpy as np
import pytest

from cnn_helpers import analysis as an

keras = pytest.importorskip("keras")
layers = keras.layers


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
}


def test_explorer_box_follows_controls():
    pytest.importorskip("ipywidgets")
    from cnn_helpers.rf_explorer import rf_explorer

    model = _model((16, 18, 1), STACKS["valid"])
    image = np.arange(16 * 18, dtype=np.uint8).reshape(16, 18)
    explorer = rf_explorer(model, image)
    table = an.receptive_field(model).set_index("layer")
    last = table.index[-1]
    assert explorer.layer == last and (explorer.row, explorer.col) == (1, 2)  # 출력 4×5 의 가운데
    assert explorer.box == an.receptive_field_box(table.loc[last], 1, 2, (16, 18))
    assert explorer.picture.value[:8] == b"\x89PNG\r\n\x1a\n"
    first = table.index[1]
    explorer.layer_box.value = first
    assert explorer.row_slider.max == table.loc[first, "out_size"][0] - 1
    explorer.col_slider.value = 0
    assert explorer.box == an.receptive_field_box(table.loc[first], explorer.row, 0, (16, 18))
    assert "수용 영역 탐색기" in repr(explorer)
    with pytest.raises(ValueError, match="row"):
        rf_explorer(model, image, row=99)
