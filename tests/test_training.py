"""cnn_helpers.training.train_and_record: 작은 모델에서 돌려주는 값의 모양 (몇 초)."""

import keras
import numpy as np
import pytest

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


def _fake_results():
    rng = np.random.default_rng(0)
    return {name: {"step_loss": np.exp(-np.linspace(0, 2, 30)) + 0.1 * rng.random(30), "train_error": error}
            for name, error in (("plain-18", 0.12), ("ResNet-34 γ=1", 0.075))}


def test_plot_training_runs_draws_both_panels_with_stable_colors():
    import matplotlib.pyplot as plt

    results = _fake_results()
    fig = ch.plot_training_runs(results, n_train=3000)
    ax_loss, ax_error = fig.axes
    assert len(ax_loss.lines) == 2 and len(ax_loss.lines[0].get_xdata()) == 30 - 10 + 1  # 10걸음 평균
    assert ax_loss.get_yscale() == "log" and "학습 손실" in ax_loss.get_ylabel()
    assert [round(p.get_height(), 1) for p in ax_error.patches] == [12.0, 7.5]
    assert "3,000장" in ax_error.get_title()
    # 일부만 그려도 색은 results 안의 순서로 정해집니다
    only = ch.plot_training_runs(results, ["ResNet-34 γ=1"], n_train=3000)
    assert only.axes[0].lines[0].get_color() == fig.axes[0].lines[1].get_color()
    plt.close("all")


def test_plot_training_runs_rejects_bad_input():
    with pytest.raises(ValueError, match="results에 있는 이름"):
        ch.plot_training_runs(_fake_results(), ["plain-50"], n_train=10)
    with pytest.raises(TypeError, match="비어 있지 않은 사전"):
        ch.plot_training_runs({}, n_train=10)
    with pytest.raises(ValueError, match="train_error"):
        ch.plot_training_runs({"a": {"step_loss": np.ones(20)}}, n_train=10)


def test_plot_layer_gradients_marks_stage_starts():
    import matplotlib.pyplot as plt

    inputs = keras.Input((8, 8, 1))
    x = keras.layers.Conv2D(2, 3, padding="same", name="conv1_conv")(inputs)
    x = keras.layers.Conv2D(2, 3, padding="same", name="conv2_block1_1_conv")(x)
    x = keras.layers.Conv2D(4, 3, strides=2, padding="same", name="conv3_block1_1_conv")(x)
    convs = [layer for layer in keras.Model(inputs, x).layers if isinstance(layer, keras.layers.Conv2D)]
    fig = ch.plot_layer_gradients({"a": [1.0, 2.0, 3.0], "b": [1.0, 1.0, 1.0]}, convs)
    ax = fig.axes[0]
    assert ax.get_yscale() == "log" and len(ax.lines) == 2 + 1  # 곡선 둘과 단계의 시작 세로선 하나
    assert [t.get_text() for t in ax.texts] == ["conv3_x 시작"]
    with pytest.raises(ValueError, match="계층 수 3"):
        ch.plot_layer_gradients({"a": [1.0, 2.0]}, convs)
    plt.close("all")


def test_runs_table_one_row_per_model_and_grid():
    results = {"a": {"loss": [1.0, 0.5], "train_error": 0.12, "test_accuracy": 0.9},
               "b": {"loss": [0.8, 0.25], "train_error": 0.075, "test_accuracy": 0.865}}
    flat = ch.runs_table(results)
    assert list(flat.index) == ["a", "b"] and flat.loc["b", "학습 손실"] == 0.25
    assert flat.loc["a", "학습 데이터 오류율 (%)"] == 12.0 and flat.loc["b", "시험 데이터 오류율 (%)"] == 13.5
    grid = ch.runs_table(results, {"행": {"왼쪽": "a", "오른쪽": "b"}})
    assert grid.loc["행", ("학습 손실", "오른쪽")] == 0.25 and grid.shape == (1, 6)
    with pytest.raises(ValueError, match="results에 없습니다"):
        ch.runs_table(results, {"행": {"왼쪽": "c"}})
    with pytest.raises(TypeError, match="grid는"):
        ch.runs_table(results, ["a"])


def test_gradient_scales_is_scale_invariant_in_front_of_batch_norm():
    keras.utils.set_random_seed(0)
    inputs = keras.Input((8, 8, 1))
    x = keras.layers.Conv2D(4, 3, padding="same", use_bias=False, name="c1_conv")(inputs)
    x = keras.layers.BatchNormalization()(x)
    x = keras.layers.Conv2D(4, 1, use_bias=False, name="c1_0_conv")(x)  # 투영처럼 이름이 …_0_conv: 빠짐
    outputs = keras.layers.Dense(3, activation="softmax")(keras.layers.GlobalAveragePooling2D()(x))
    model = keras.Model(inputs, outputs)
    x_in = np.random.default_rng(0).normal(size=(16, 8, 8, 1)).astype("float32")
    y_in = np.arange(16) % 3
    scales, convs = ch.gradient_scales(model, x_in, y_in)
    assert [layer.name for layer in convs] == ["c1_conv"] and scales.shape == (1,) and scales[0] > 0
    layer = model.get_layer("c1_conv")
    layer.kernel.assign(2 * layer.kernel)  # 배치 정규화 앞 필터를 두 배: 곱은 그대로
    # 배치 정규화의 epsilon 탓에 정확히 같지는 않습니다(분산이 4배가 되어 epsilon의 몫이 줄어듦)
    assert np.isclose(ch.gradient_scales(model, x_in, y_in)[0][0], scales[0], rtol=1e-2)
    with pytest.raises(ValueError, match="장 수"):
        ch.gradient_scales(model, x_in, y_in[:3])
