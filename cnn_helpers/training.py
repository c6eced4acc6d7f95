"""짧은 학습 도우미 (8강): 모델을 학습하면서 걸음(step)마다의 학습 손실을 기록하고, 그 결과와 기울기 측정을 그립니다.

- `train_and_record(model, x, y, epochs, batch_size)`: Adam과 코사인 학습률로 학습하고 걸음별 손실을 돌려줍니다.
- `plot_training_runs(results, names, n_train=...)`: 모델마다 걸음별 학습 손실(10걸음 평균)과 학습 데이터 오류율을 나란히 그립니다.
- `runs_table(results, grid)`: 학습한 모델들의 학습 손실·학습 데이터 오류율·시험 데이터 오류율 표(grid를 주면 행 × 열 배치).
- `gradient_scales(model, x, y)`: 학습 전 합성곱 계층마다 ‖기울기‖ × ‖필터‖를 잽니다.
- `plot_layer_gradients(scales, convs)`: 합성곱 계층마다 잰 기울기 크기를 로그 눈금으로, 단계의 시작에 세로선을 그어 그립니다.
- `few_label_runs(build_models, x, y, x_eval, y_eval, classes=...)`: 정답이 적은 새 과제에서 모델 여러 개를 시드마다 견줍니다(6강).
"""

from __future__ import annotations

import time

import numpy as np

from . import _lazy
from ._validate import check_int, short_repr

__all__ = ["train_and_record", "plot_training_runs", "runs_table", "gradient_scales", "plot_layer_gradients",
           "few_label_runs"]


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


def _plain_number_ticks(axis, subs):
    """로그 눈금 축에 subs 자리의 작은 눈금을 두고, 모든 눈금을 0.5, 1, 2처럼 보통 숫자로 적습니다."""
    import matplotlib.pyplot as plt

    axis.set_minor_locator(plt.LogLocator(subs=subs))
    for axis_format in (axis.set_major_formatter, axis.set_minor_formatter):
        axis_format(plt.FuncFormatter(lambda v, _: f"{v:g}"))


def plot_training_runs(results, names=None, *, n_train, smooth=10):
    """학습한 모델들의 걸음별 학습 손실(smooth걸음 평균, 로그 눈금)과 학습 데이터 오류율(막대)을 나란히 그립니다.

    results: 모델 이름 → `train_and_record`가 돌려준 dict에 "train_error"(0~1)를 더한 것.
    names: 그릴 모델 이름들(기본: results의 모두). 색은 results 안의 순서로 정하므로 그림이 달라도 같은 모델은 같은 색입니다.
    n_train: 오류율을 잰 학습 데이터의 장 수(막대 그림의 제목에 씀). 그린 Figure를 돌려줍니다.
    """
    import matplotlib.pyplot as plt

    from .plotting import use_korean_font

    if not isinstance(results, dict) or not results:
        raise TypeError(f"results는 모델 이름 → 학습 기록(dict)의 비어 있지 않은 사전이어야 합니다. 받은 값: {short_repr(results)}")
    names = list(results) if names is None else list(names)
    unknown = [n for n in names if n not in results]
    if unknown or not names:
        raise ValueError(f"names의 {unknown or '(빈 목록)'}: results에 있는 이름으로 고르세요 (있는 이름: {list(results)})")
    smooth = check_int("smooth", smooth, minimum=1)
    n_train = check_int("n_train", n_train, minimum=1)
    for name in names:
        if not {"step_loss", "train_error"} <= set(results[name]):
            raise ValueError(f"results[{name!r}]에 'step_loss'와 'train_error'가 있어야 합니다. 있는 것: {sorted(results[name])}")
        if len(results[name]["step_loss"]) < smooth:
            raise ValueError(f"results[{name!r}]의 걸음 수 {len(results[name]['step_loss'])}가 smooth={smooth}보다 적어 평균을 낼 수 없습니다.")
    use_korean_font()
    colors = {name: f"C{i}" for i, name in enumerate(results)}
    fig, (ax_loss, ax_error) = plt.subplots(1, 2, figsize=(10, 3.6), layout="constrained")
    for name in names:
        steps = np.asarray(results[name]["step_loss"], dtype=float)
        mean = np.convolve(steps, np.ones(smooth) / smooth, mode="valid")
        ax_loss.plot(np.arange(smooth, len(steps) + 1), mean, color=colors[name], label=name.replace("γ", r"$\gamma$"))
    ax_loss.set(xlabel="걸음", ylabel=f"학습 손실 ({smooth}걸음 평균, 로그 눈금)", title="걸음마다의 학습 손실", yscale="log")
    _plain_number_ticks(ax_loss.yaxis, (2, 5))  # 눈금: 0.1, 0.2, 0.5, 1, 2 …
    fig.legend(loc="outside lower center", ncols=len(names))
    bars = ax_error.bar(names, [100 * float(results[n]["train_error"]) for n in names], color=[colors[n] for n in names])
    ax_error.bar_label(bars, fmt="%.1f")
    ax_error.margins(y=0.15)  # 가장 긴 막대의 값이 제목에 닿지 않게
    ax_error.set_xticks(range(len(names)), [n.replace(" ", "\n").replace("γ", r"$\gamma$") for n in names])
    ax_error.set(ylabel="오류율 (%)", title=f"학습이 끝난 뒤 학습 데이터 {n_train:,}장의 오류율")
    return fig


_RUN_METRICS = {
    "학습 손실": lambda r: round(float(r["loss"][-1]), 3),
    "학습 데이터 오류율 (%)": lambda r: round(100 * float(r["train_error"]), 1),
    # 정확도를 소수 첫째 자리로 반올림한 뒤 100에서 빼서, 함께 찍힌 정확도(예: 39.6%)와 더해 꼭 100이 되게 합니다
    "시험 데이터 오류율 (%)": lambda r: round(100 - round(100 * float(r["test_accuracy"]), 1), 1),
}


def runs_table(results, grid=None):
    """학습한 모델들의 마지막 에포크 학습 손실, 학습 데이터 오류율(%), 시험 데이터 오류율(%) 표.

    results: 모델 이름 → "loss"(에포크별 목록), "train_error", "test_accuracy"(0~1)가 든 dict.
    grid: None이면 모델마다 한 줄. 행 이름 → {열 이름: 모델 이름}을 주면 지표마다 행 × 열로 늘어놓습니다
    (예: {"평범한 신경망": {"18계층": "plain-18", "34계층": "plain-34"}, ...}).
    """
    import pandas as pd

    if not isinstance(results, dict) or not results:
        raise TypeError(f"results는 모델 이름 → 학습 기록(dict)의 비어 있지 않은 사전이어야 합니다. 받은 값: {short_repr(results)}")
    if grid is None:
        grid = {name: {"": name} for name in results}
    if not isinstance(grid, dict) or not all(isinstance(row, dict) and row for row in grid.values()):
        raise TypeError(f"grid는 행 이름 → {{열 이름: 모델 이름}}의 사전이어야 합니다. 받은 값: {short_repr(grid)}")
    for row in grid.values():
        for name in row.values():
            if name not in results:
                raise ValueError(f"grid의 모델 이름 {name!r}이 results에 없습니다 (있는 이름: {list(results)})")
            if not {"loss", "train_error", "test_accuracy"} <= set(results[name]):
                raise ValueError(f"results[{name!r}]에 'loss', 'train_error', 'test_accuracy'가 있어야 합니다.")
    columns = list(dict.fromkeys(column for row in grid.values() for column in row))
    table = pd.DataFrame({(metric, column) if column else metric:
                          {row_name: read(results[row[column]]) if column in row else None for row_name, row in grid.items()}
                          for metric, read in _RUN_METRICS.items() for column in columns})
    return table


def gradient_scales(model, x, y):
    """학습 모드로 (x, y)의 평균 교차 엔트로피 손실을 한 번 계산하고, 합성곱 계층마다 ‖필터의 기울기‖ × ‖필터‖를 잽니다.

    지름길의 1×1 투영(이름이 …_0_conv)은 평범한 신경망에 없으므로 뺍니다. 배치 정규화 앞의 필터는 몇 배 해도
    손실이 그대로이고 기울기만 반비례하므로, 기울기의 노름 대신 이 곱으로 계층끼리 견줍니다.
    돌려주는 값: (계층마다의 값, 입력 쪽부터의 numpy 배열; 그 합성곱 계층들의 목록).
    """
    keras, tf = _lazy.keras(), _lazy.tensorflow()
    convs = [layer for layer in model.layers if isinstance(layer, keras.layers.Conv2D) and not layer.name.endswith("_0_conv")]
    if not convs:
        raise ValueError(f"모델 {model.name!r}에 잴 합성곱 계층(Conv2D)이 없습니다.")
    if len(x) != len(y):
        raise ValueError(f"x와 y의 장 수가 다릅니다: {len(x)}장과 {len(y)}개")
    with tf.GradientTape() as tape:
        loss = tf.reduce_mean(keras.losses.sparse_categorical_crossentropy(y, model(x, training=True)))
    grads = tape.gradient(loss, [layer.kernel for layer in convs])
    return np.array([float(tf.norm(g) * tf.norm(layer.kernel)) for g, layer in zip(grads, convs)]), convs


def plot_layer_gradients(scales, convs, *, title="학습 전 계층별 ‖기울기‖ × ‖필터‖"):
    """합성곱 계층마다 잰 ‖기울기‖ × ‖필터‖를 입력 쪽부터 로그 눈금으로 그립니다.

    scales: 곡선 이름 → 계층마다의 값(1차원, 길이 len(convs)). convs: 그 합성곱 계층들(입력 쪽부터). 스트라이드 2인
    계층(첫 계층 제외)은 단계의 시작이라 세로 점선과 "convN_x 시작"을 적습니다. 그린 Figure를 돌려줍니다.
    """
    import matplotlib.pyplot as plt

    from .plotting import use_korean_font

    if not isinstance(scales, dict) or not scales:
        raise TypeError(f"scales는 곡선 이름 → 계층마다의 값의 비어 있지 않은 사전이어야 합니다. 받은 값: {short_repr(scales)}")
    convs = list(convs)
    for label, values in scales.items():
        values = np.asarray(values, dtype=float)
        if values.shape != (len(convs),):
            raise ValueError(f"scales[{label!r}]의 모양 {values.shape}이 계층 수 {len(convs)}와 맞지 않습니다 (계층마다 값 하나).")
        if not np.all(values > 0):
            raise ValueError(f"scales[{label!r}]에 0 이하의 값이 있어 로그 눈금에 그릴 수 없습니다.")
    use_korean_font()
    fig, ax = plt.subplots(figsize=(8, 3.5))
    for label, values in scales.items():
        ax.semilogy(np.arange(1, len(convs) + 1), values, "o-", ms=3, label=label)
    for i, layer in enumerate(convs[1:], start=2):  # 크기가 절반이 되는 합성곱(단계의 시작)에 세로선
        if layer.strides[0] == 2:
            ax.axvline(i, color="gray", lw=0.8, ls=":")
            ax.text(i + 0.2, 0.97, layer.name.split("_")[0] + "_x 시작", fontsize=9, va="top", color="dimgray",
                    transform=ax.get_xaxis_transform())
    ax.set_xlabel("합성곱 계층 (1 = 입력 쪽)")
    ax.set_ylabel("‖기울기‖ × ‖필터‖ (로그 눈금)")
    _plain_number_ticks(ax.yaxis, (2, 3, 5))  # 눈금: 1, 2, 3, 5, 10, 20, …
    ax.set_title(title)
    ax.legend(loc="center right")
    return fig


def _fit_and_score(model, train, evaluate, epochs, batch_size, learning_rate):
    """Adam(learning_rate)과 희소 범주형 교차 엔트로피로 compile해 train (x, y)로 학습하고, evaluate (x, y)의 정확도를 돌려줍니다."""
    keras = _lazy.keras()
    # steps_per_execution: 배치 25개를 한 번의 그래프 호출로 학습합니다. 걸음마다의 계산은 같고(결과도 같음), 작은 모델에서
    # 걸음마다 드는 호출 비용만 줄어 6강 8절의 반복 학습이 빨라집니다.
    model.compile(optimizer=keras.optimizers.Adam(learning_rate), loss="sparse_categorical_crossentropy",
                  metrics=["accuracy"], steps_per_execution=25)
    model.fit(*train, epochs=epochs, batch_size=batch_size, verbose=0)
    return model.evaluate(*evaluate, verbose=0, return_dict=True)["accuracy"]


def few_label_runs(build_models, x, y, x_eval, y_eval, *, classes, per_class=(2, 50), seeds=(0, 1, 2), total=500,
                   epochs=5, batch_size=10, learning_rate=0.002):
    """정답이 붙은 이미지가 적은 새 과제에서 모델 여러 개를 시드마다 같은 학습량으로 학습하고 정확도를 모읍니다 (6강 8절).

    시드마다 `np.random.default_rng(seed)`와 `keras.utils.set_random_seed(seed)`로 시작하고, per_class의 장 수 n마다:

    1. classes의 부류마다 (x, y)에서 n장을 뽑습니다(중복 없이).
    2. 학습량을 같게 하려고 뽑은 이미지를 되풀이해 total장 가까이로 만듭니다(total // 뽑은 수 번).
    3. `build_models()`를 불러 새 모델들을 받고, 모델마다 Adam(learning_rate)으로 compile해 epochs 에포크 학습한 뒤
       (x_eval, y_eval)의 정확도를 잽니다. 정답은 classes 안의 순서(0, 1, …)로 바꿔 씁니다.

    Args:
        build_models: 인자 없이 {이름: 새 모델}을 돌려주는 함수. 고정할 블록은 이 함수 안에서 `trainable = False`로 둡니다.
        classes: 새 과제의 부류(예: ``range(5, 10)``). y와 y_eval의 값은 모두 이 안에 있어야 합니다(y는 밖의 값이 섞여도 됨).

    돌려주는 값: (runs, few_sets). runs는 (이름, n) → 시드마다의 정확도 목록, few_sets는 n → 첫 시드가 뽑은 이미지의 번호입니다.
    """
    if not callable(build_models):
        raise TypeError(f"build_models는 인자 없이 {{이름: 모델}}을 돌려주는 함수여야 합니다. 받은 값: {short_repr(build_models)}")
    classes = np.asarray(list(classes))
    if classes.size == 0 or np.any(np.diff(classes) <= 0):
        raise ValueError(f"classes는 비어 있지 않고 오름차순이어야 합니다. 받은 값: {classes.tolist()}")
    y, y_eval = np.asarray(y), np.asarray(y_eval)
    if len(x) != len(y) or len(x_eval) != len(y_eval):
        raise ValueError("x와 y, x_eval과 y_eval은 길이가 같아야 합니다.")
    if not np.all(np.isin(y_eval, classes)):
        raise ValueError("y_eval에 classes 밖의 부류가 있습니다. 새 과제의 이미지만 넘기세요.")
    per_class = [check_int("per_class의 값", n, minimum=1) for n in per_class]
    seeds = [check_int("seeds의 값", s) for s in seeds]
    if not seeds or not per_class:
        raise ValueError("seeds와 per_class는 비어 있지 않아야 합니다.")
    for c in classes:
        if np.sum(y == c) < max(per_class):
            raise ValueError(f"부류 {c}의 이미지가 {int(np.sum(y == c))}장뿐이라 {max(per_class)}장을 뽑을 수 없습니다.")
    keras = _lazy.keras()
    evaluate = (x_eval, np.searchsorted(classes, y_eval))  # 정답은 classes 안의 순서(0, 1, …)로
    runs, few_sets = {}, {}
    for seed in seeds:
        rng = np.random.default_rng(seed)
        keras.utils.set_random_seed(seed)
        for n in per_class:
            few = np.concatenate([rng.choice(np.flatnonzero(y == c), n, replace=False) for c in classes])
            few_sets.setdefault(n, few)
            repeat = max(1, total // len(few))
            x_few = np.repeat(x[few], repeat, axis=0)
            y_few = np.repeat(np.searchsorted(classes, y[few]), repeat)
            for name, model in build_models().items():
                score = _fit_and_score(model, (x_few, y_few), evaluate, epochs, batch_size, learning_rate)
                runs.setdefault((name, n), []).append(score)
    return runs, few_sets
