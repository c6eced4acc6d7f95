"""cnn_helpers.models.lenet 시험 (5강): lenet5, 서브클래싱 예제 LeNet5."""

from __future__ import annotations

import keras
import numpy as np
import pytest

from cnn_helpers import models
from cnn_helpers.models import lenet5

from .models_helpers import batch, korean_error, one_step


def test_lenet5_params_and_shapes():
    model = lenet5()
    # 156 + 2,416 + 48,120 + 10,164 + 850 (강의 표)
    assert model.count_params() == 61_706
    shapes = {layer.name: tuple(layer.output.shape) for layer in model.layers}
    assert shapes["conv1"] == (None, 28, 28, 6)
    assert shapes["pool2"] == (None, 5, 5, 16)
    assert shapes["flatten"] == (None, 400)
    assert shapes["predictions"] == (None, 10)


def test_lenet5_subclass_matches_functional():
    from cnn_helpers.models import LeNet5

    assert LeNet5 is models.LeNet5  # 한 번 만든 클래스를 계속 씁니다.
    assert "LeNet5" in dir(models)
    assert issubclass(LeNet5, keras.Model) and LeNet5.__module__ == "cnn_helpers.models"
    model = LeNet5(num_classes=10)
    x, _ = batch((28, 28, 1))
    probs = model(x)  # 강의 원본은 여기서 NotImplementedError (call이 클래스 밖에 있었음)
    assert tuple(probs.shape) == (4, 10)
    np.testing.assert_allclose(np.asarray(probs).sum(axis=1), 1.0, rtol=1e-5)
    assert model.count_params() == lenet5().count_params() == 61_706
    clone = LeNet5.from_config(model.get_config())
    assert clone.num_classes == 10


# Keras 3.15 + TF 2.21 + numpy 2.4: 저장할 때 keras 내부(backend/tensorflow/core.py)의 np.array(tf 텐서)가
# DeprecationWarning을 냅니다. 우리 코드와 무관하므로 이 시험에서만 숨깁니다.
@pytest.mark.filterwarnings("ignore:__array__ implementation doesn't accept a copy keyword:DeprecationWarning")
def test_lenet5_subclass_save_and_load(tmp_path):
    model = models.LeNet5(num_classes=3)
    x, _ = batch((28, 28, 1))
    expected = np.asarray(model(x))
    path = tmp_path / "lenet5.keras"
    model.save(path)
    loaded = keras.models.load_model(path)  # LeNet5는 cnn_helpers>LeNet5로 등록되어 있습니다.
    assert type(loaded) is models.LeNet5 and loaded.num_classes == 3
    np.testing.assert_allclose(np.asarray(loaded(x)), expected, rtol=1e-5, atol=1e-6)


def test_lenet5_train_step_graph_mode_and_subclass():
    x, y = batch((28, 28, 1), n=8)
    loss, changed = one_step(lenet5(), x, y, eager=False)  # tf.function 경로도 한 번 확인
    assert np.isfinite(loss) and changed
    loss, changed = one_step(models.LeNet5(num_classes=10), x, y)
    assert np.isfinite(loss) and changed


# ---------------------------------------------------------------------------
# 잘못된 입력 → 한국어 오류
# ---------------------------------------------------------------------------


BAD_CALLS = [
    ("lenet-too-small", lambda: lenet5(input_shape=(8, 8, 1)), ValueError, ("최소 12",)),
    ("lenet-classes", lambda: lenet5(classes=1), ValueError, ("classes", "2 이상")),
    ("LeNet5-classes", lambda: models.LeNet5(num_classes=1), ValueError, ("num_classes", "1")),
]


@pytest.mark.parametrize(("call", "error", "needles"), [c[1:] for c in BAD_CALLS], ids=[c[0] for c in BAD_CALLS])
def test_bad_arguments_raise_korean_errors(call, error, needles):
    with pytest.raises(error) as excinfo:
        call()
    korean_error(excinfo, *needles)


def test_lenet5_subclass_rejects_small_images():
    with pytest.raises(ValueError) as excinfo:
        models.LeNet5()(np.zeros((1, 8, 8, 1), np.float32))
    korean_error(excinfo, "최소 12")
