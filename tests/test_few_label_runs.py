"""few_label_runs: 부류마다 n장을 뽑아 시드마다 모델을 새로 지어 학습하고 정확도를 모음, 같은 시드면 같은 결과, 잘못된 입력은 한국어 오류."""

import numpy as np
import pytest


def _tiny():
    import keras
    from keras import layers

    inputs = keras.Input(shape=(4,))
    return keras.Model(inputs, layers.Dense(2, activation="softmax")(inputs))


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
