"""짧은 학습 도우미: 모델을 학습하면서 걸음(step)마다의 학습 손실을 기록합니다 (8강)."""

from __future__ import annotations

import time

import numpy as np

from . import _lazy

__all__ = ["train_and_record"]


def train_and_record(model, x, y, epochs, batch_size, learning_rate=3e-3, shuffle_seed=1):
    """model을 Adam과 코사인 학습률 일정으로 학습하고, 에포크별·걸음별 학습 손실을 돌려줍니다.

    - 최적화: Adam, 학습률은 learning_rate에서 코사인 모양으로 마지막 걸음에 0까지 줄어듭니다.
    - 데이터: (x, y)를 에포크마다 새로 섞습니다(`Dataset.shuffle`의 reshuffle_each_iteration 기본값). 섞는 순서는
      shuffle_seed(와 TensorFlow의 전역 시드)로 정해지므로, 같은 시드로 학습하는 모든 모델이 에포크마다 같은 순서를 봅니다
      (크기 batch_size의 미니배치, 마지막 미니배치는 작을 수 있음).
    - 손실: 희소 범주형 교차 엔트로피(y는 부류 번호).

    Keras는 걸음마다 "에포크 안에서 지금까지의 평균 손실"만 알려 주므로, 평균 × 지금까지 본 이미지 수로
    합을 만든 뒤 이웃한 걸음의 차이를 구해 그 걸음의 미니배치 손실을 되살립니다.

    돌려주는 값 (dict):
        "loss": 길이 epochs의 list, 에포크마다의 평균 학습 손실 (Keras의 history["loss"]).
        "step_loss": 모양 (epochs × 에포크당 걸음 수,)의 numpy 배열, 걸음마다 그 미니배치의 학습 손실.
        "seconds": 학습에 걸린 시간(초).
    """
    keras, tf = _lazy.keras(), _lazy.tensorflow()
    n = len(x)
    dataset = tf.data.Dataset.from_tensor_slices((x, y)).shuffle(n, seed=shuffle_seed).batch(batch_size)
    steps = len(dataset)
    optimizer = keras.optimizers.Adam(keras.optimizers.schedules.CosineDecay(learning_rate, epochs * steps))
    model.compile(optimizer=optimizer, loss="sparse_categorical_crossentropy")
    optimizer.build(model.trainable_variables)  # Adam의 변수를 미리 만들어 fit이 학습 함수를 한 번만 준비합니다
    running = []  # 걸음마다: 에포크 안에서 지금까지의 평균 손실
    record = keras.callbacks.LambdaCallback(on_train_batch_end=lambda step, logs: running.append(logs["loss"]))
    start = time.perf_counter()
    loss = model.fit(dataset, epochs=epochs, verbose=0, shuffle=False, callbacks=[record]).history["loss"]
    seconds = time.perf_counter() - start
    seen = np.minimum(batch_size * np.arange(1, steps + 1), n)  # 에포크 안에서 지금까지 본 이미지 수
    totals = np.reshape(running, (epochs, -1)) * seen  # 평균 × 수 = 지금까지의 손실 합
    step_loss = (np.diff(totals, axis=1, prepend=0) / np.diff(seen, prepend=0)).ravel()
    return {"loss": loss, "step_loss": step_loss, "seconds": seconds}
