"""cnn_helpers.training.train_and_record: 작은 모델에서 돌려주는 값의 모양 (몇 초)."""

import keras
import numpy as np

import cnn_helpers as ch


def test_train_and_record_shapes():
    keras.utils.set_random_seed(0)
    x = np.random.default_rng(0).normal(size=(70, 4, 4, 1)).astype("float32")
    y = np.arange(70) % 3
    model = keras.Sequential([keras.Input((4, 4, 1)), keras.layers.Flatten(), keras.layers.Dense(3, activation="softmax")])
    record = ch.train_and_record(model, x, y, epochs=2, batch_size=32)
    assert len(record["loss"]) == 2
    assert record["step_loss"].shape == (2 * 3,)  # 70장 ÷ 32 → 에포크당 3걸음 (마지막은 6장)
    assert np.all(np.isfinite(record["step_loss"])) and record["seconds"] >= 0
    # 에포크의 평균 손실은 걸음별 손실을 미니배치 크기로 가중 평균한 값입니다
    sizes = np.array([32, 32, 6])
    for epoch in range(2):
        mean = np.sum(record["step_loss"][3 * epoch:3 * epoch + 3] * sizes) / 70
        assert np.isclose(mean, record["loss"][epoch], rtol=1e-4)
