"""학습 곡선의 가로축(에포크)에는 정수 눈금만 있습니다 (4 에포크에 1.5, 2.5 같은 눈금이 없음)."""

import matplotlib.pyplot as plt
import pytest

from cnn_helpers.plotting import plot_history


@pytest.mark.parametrize("epochs", [2, 4, 7, 30])
def test_epoch_ticks_are_integers(epochs):
    logs = {"loss": [1.0 / (e + 1) for e in range(epochs)], "val_loss": [1.2 / (e + 1) for e in range(epochs)]}
    fig = plot_history(logs, metrics=["loss"])
    fig.canvas.draw()
    ticks = [t for t in fig.axes[0].get_xticks() if 1 <= t <= epochs]
    plt.close(fig)
    assert ticks and all(float(t).is_integer() for t in ticks)
