"""train_over_seeds: 시드마다 모델을 새로 지어 학습하고 정확도를 모음, 같은 시드면 같은 결과, 잘못된 입력은 한국어 오류."""

import numpy as np
import pytest

from cnn_helpers.training import train_over_seeds


def _tiny():
    import keras
    from keras import layers

    inputs = keras.Input(shape=(4,))
    return keras.Model(inputs, layers.Dense(2, activation="softmax")(inputs))


def _data():
    rng = np.random.default_rng(0)
    x = rng.normal(size=(40, 4)).astype("float32")
    return x, (x[:, 0] > 0).astype("int64")


def test_collects_one_accuracy_per_seed_and_keeps_first_models():
    data = _data()
    accuracy, models = train_over_seeds({"가": _tiny, "나": _tiny}, data, data, seeds=(0, 1), epochs=1, batch_size=8)
    assert set(accuracy) == set(models) == {"가", "나"}
    assert all(len(v) == 2 and all(0 <= a <= 1 for a in v) for v in accuracy.values())
    assert accuracy["가"] == accuracy["나"]  # 같은 함수, 같은 시드 → 같은 결과
    assert models["가"] is not models["나"]


@pytest.mark.parametrize(("kwargs", "error", "message"), [
    ({"builders": {}}, TypeError, "builders는"),
    ({"builders": {"가": 3}}, TypeError, "builders는"),
    ({"train": (np.zeros((3, 4)), np.zeros(2))}, ValueError, "train은"),
    ({"seeds": ()}, ValueError, "seeds는"),
    ({"epochs": 0}, ValueError, "epochs"),
])
def test_bad_inputs_are_explained(kwargs, error, message):
    args = {"builders": {"가": _tiny}, "train": _data(), "evaluate": _data(), **kwargs}
    with pytest.raises(error, match=message):
        train_over_seeds(args.pop("builders"), args.pop("train"), args.pop("evaluate"), **args)


def _few_data():
    rng = np.random.default_rng(1)
    y = np.repeat(np.arange(4), 6)
    x = (rng.normal(size=(24, 4)) + y[:, None]).astype("float32")
    return x, y


def test_few_label_runs_samples_per_class_and_is_reproducible():
    from cnn_helpers.training import few_label_runs

    x, y = _few_data()
    new = y >= 2
    kwargs = dict(classes=range(2, 4), per_class=(1, 3), seeds=(0, 1), total=12, epochs=1, batch_size=4)
    runs, few_sets = few_label_runs(lambda: {"가": _tiny()}, x, y, x[new], y[new], **kwargs)
    assert set(runs) == {("가", 1), ("가", 3)} and all(len(v) == 2 for v in runs.values())
    assert all(np.all(np.bincount(y[few_sets[n]], minlength=4)[2:] == n) for n in (1, 3))
    again, _ = few_label_runs(lambda: {"가": _tiny()}, x, y, x[new], y[new], **kwargs)
    assert again == runs


@pytest.mark.parametrize(("kwargs", "error", "message"), [
    ({"build_models": 3}, TypeError, "build_models는"),
    ({"classes": [3, 2]}, ValueError, "오름차순"),
    ({"per_class": (7,)}, ValueError, "뽑을 수 없습니다"),
    ({"y_eval_all": True}, ValueError, "classes 밖"),
])
def test_few_label_runs_bad_inputs_are_explained(kwargs, error, message):
    from cnn_helpers.training import few_label_runs

    x, y = _few_data()
    new = np.ones(len(y), bool) if kwargs.pop("y_eval_all", False) else y >= 2
    args = {"build_models": lambda: {"가": _tiny()}, "classes": range(2, 4), **kwargs}
    with pytest.raises(error, match=message):
        few_label_runs(args.pop("build_models"), x, y, x[new], y[new], **args)
