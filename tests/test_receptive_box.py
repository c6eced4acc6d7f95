"""receptive_field_box 와 수용 영역 탐색기 시험.

기준: 출력 칸 (i, j) 하나의 입력 기울기가 0 이 아닌 화소 = 그 칸의 수용 영역(입력 안쪽 부분).
선형 합성곱과 평균 풀링만 쓰고 가중치가 무작위이면, 수용 영역 안의 모든 화소로 가는 경로의 기울기 합이
0 이 아니므로 기울기의 받침(support)이 상자와 정확히 같습니다.
"""

from __future__ import annotations

import os
import subprocess
import sys

import numpy as np
import pytest

from cnn_helpers import analysis as an

keras = pytest.importorskip("keras")
tf = pytest.importorskip("tensorflow")
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


def test_many_erf_calls_write_no_retracing_warning():
    """층마다 ERF 를 재도 TensorFlow 의 재추적 경고가 stderr 에 나오지 않아야 합니다(노트북 시험이 깨짐)."""
    code = (
        "from cnn_helpers.setup import import_tensorflow_quietly; import_tensorflow_quietly()\n"
        "import keras, cnn_helpers as ch\n"
        "x = inputs = keras.Input((24, 24, 1))\n"
        "for k in range(8):\n"
        "    x = keras.layers.Conv2D(1, 3, padding='same', name=f'c{k}')(x)\n"
        "m = keras.Model(inputs, x)\n"
        "for k in range(8):\n"
        "    ch.effective_receptive_field(m, output_layer=f'c{k}')\n"
        "print('ok')\n"
    )
    env = dict(os.environ, TF_CPP_MIN_LOG_LEVEL="3", TF_ENABLE_ONEDNN_OPTS="0")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=300)
    assert result.stdout.strip() == "ok", result.stderr
    assert "retracing" not in result.stderr
