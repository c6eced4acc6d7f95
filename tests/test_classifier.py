"""cnn_helpers.classifier: 5강 셀의 부기 코드(헷갈린 쌍, 틀린 이미지 고르기, 짝 고르기, 가장 크게 켜진 칸, 두 그림)."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from cnn_helpers import _lazy  # noqa: E402
from cnn_helpers.classifier import (  # noqa: E402
    confused_pairs,
    draw_descent_paths,
    draw_scalar_graph,
    draw_tiny_backprop,
    draw_training_loop,
    paired_examples,
    show_confusion,
    strongest_unit,
    wrong_examples,
)

Y_TRUE = np.array([0, 1, 1, 2, 2, 2, 1, 0, 2, 1])
Y_PRED = np.array([0, 2, 2, 2, 1, 2, 1, 0, 0, 2])  # 1 → 2 세 장(1, 2, 9), 2 → 1 한 장(4), 2 → 0 한 장(8)


def _confusion(y_true, y_pred, n=3):
    c = np.zeros((n, n), int)
    np.add.at(c, (y_true, y_pred), 1)
    return c


def test_confused_pairs_counts_off_diagonal_cells_most_first():
    c = _confusion(Y_TRUE, Y_PRED)
    assert confused_pairs(c) == [(3, 1, 2)]
    assert confused_pairs(c, min_count=1) == [(3, 1, 2), (1, 2, 0), (1, 2, 1)]
    assert confused_pairs(np.eye(3, dtype=int) * 5) == []


def test_wrong_examples_put_the_most_confused_pair_first():
    assert wrong_examples(Y_TRUE, Y_PRED).tolist() == [1, 2, 9, 4, 8]
    assert wrong_examples(Y_TRUE, Y_PRED, limit=2).tolist() == [1, 2]
    assert wrong_examples(Y_TRUE, Y_TRUE).tolist() == []


def test_paired_examples_match_labels_and_never_reuse_a_correct_image():
    picks = paired_examples(Y_TRUE, Y_PRED, [1, 4])
    assert picks.tolist() == [6, 1, 3, 4]
    assert all(Y_TRUE[picks[k]] == Y_TRUE[picks[k + 1]] for k in (0, 2))


def test_paired_examples_fail_in_korean_when_no_correct_image_is_left():
    with pytest.raises(ValueError, match="정답이 1이고"):
        paired_examples(Y_TRUE, Y_PRED, [1, 2])


def test_strongest_unit_is_the_largest_activation():
    keras = _lazy.keras()
    model = keras.Sequential([keras.Input((4, 4, 1)), keras.layers.Conv2D(2, 1, use_bias=False, name="c")])
    model.get_layer("c").set_weights([np.array([1.0, -1.0]).reshape(1, 1, 1, 2)])
    image = np.zeros((4, 4, 1))
    image[2, 3] = 0.5
    image[1, 1] = -2.0  # 채널 1(가중치 −1)에서 2.0으로 가장 큼
    assert strongest_unit(model, image, "c") == (1, (1, 1))


def test_the_two_figures_have_korean_labels():
    fig = draw_training_loop()
    texts = " ".join(t.get_text() for t in fig.axes[0].texts) + fig.axes[0].get_title()
    for word in ("배치", "손실", "기울기", "역전파", "고치기", "Adam", "에포크", "조기 종료"):
        assert word in texts, word
    plt.close(fig)
    fig = show_confusion(_confusion(Y_TRUE, Y_PRED))
    assert fig.axes[0].get_xlabel() == "예측" and fig.axes[0].get_ylabel() == "정답"
    assert sorted(t.get_text() for t in fig.axes[0].texts) == sorted(["2", "1", "3", "1", "2", "1"])
    plt.close(fig)


def _tiny_network():
    """작은 신경망(입력 2 → 은닉 2 → 부류 3)의 순전파 값과 역전파 기울기: draw_tiny_backprop의 인자 차례대로."""
    x, W1, W2 = np.array([1.0, 2.0]), np.array([[0.5, -1.0], [0.25, 0.25]]), np.array([[1.0, -1.0, 0.0], [0.5, 0.5, -0.5]])
    a = x @ W1
    h = np.maximum(a, 0)
    z = h @ W2
    p = np.exp(z) / np.exp(z).sum()
    dz = p - np.array([1.0, 0.0, 0.0])
    dh = W2 @ dz
    da = np.where(a > 0, dh, 0.0)
    return x, W1, W2, a, h, z, p, dz, dh, da


def test_tiny_backprop_figure_writes_the_given_values():
    x, W1, W2, a, h, z, p, dz, dh, da = _tiny_network()
    fig = draw_tiny_backprop(x, W1, W2, a, h, z, p, dz, dh, da)
    texts = " ".join(t.get_text() for t in fig.axes[0].texts)
    for value in ("x=2", "a=-0.5, h=0", f"p={p[0]:.3f}", f"={dz[0]:.3f}", f"={dh[1]:.3f}"):
        assert value in texts, value
    assert "출력 쪽에서 온 기울기 × 국소 기울기" in texts and f"= {dz[0] * h[0]:.3f}" in texts  # 곱셈 하나를 선에 적음
    plt.close(fig)


def test_each_weight_label_sits_on_its_own_edge_away_from_the_others():
    # 가중치 글자(상자)는 제 선 위에 있고, 다른 선과는 0.3 이상 떨어져 있어 어느 선의 것인지 분명합니다
    fig = draw_tiny_backprop(*_tiny_network())
    ax = fig.axes[0]
    lines = [np.asarray(line.get_xydata()) for line in ax.lines if len(line.get_xydata()) == 2]
    labels = [np.asarray(t.get_position()) for t in ax.texts if t.get_bbox_patch() is not None and t.get_rotation() is not None
              and t.get_text().replace("−", "-").replace(".", "").lstrip("-").isdigit()]
    assert len(lines) == 10 and len(labels) == 10

    def distance(point, segment):
        start, stop = segment
        t = np.clip(np.dot(point - start, stop - start) / np.dot(stop - start, stop - start), 0, 1)
        return float(np.linalg.norm(point - (start + t * (stop - start))))

    for point in labels:
        gaps = sorted(distance(point, segment) for segment in lines)
        assert gaps[0] < 1e-6 and gaps[1] > 0.3, gaps[:2]
    plt.close(fig)


def test_descent_paths_draws_one_panel_per_rate_and_rejects_bad_paths():
    fig = draw_descent_paths({0.3: [-1.0, -0.1, 0.53], 2.1: [-1.0, 5.3]})
    assert len(fig.axes) == 2 and [ax.get_title() for ax in fig.axes] == ["학습률 0.3", "학습률 2.1"]
    plt.close(fig)
    with pytest.raises(ValueError, match="사전이어야"):
        draw_descent_paths([[-1.0, 0.0]])
    with pytest.raises(ValueError, match="두 개 이상"):
        draw_descent_paths({0.3: [1.0]})


def test_scalar_graph_writes_forward_values_and_gradients():
    fig = draw_scalar_graph(3.0, 2.0)  # u = 6, L = 18, ∂L/∂u = 6, ∂L/∂w = 6 × 3 = 18, ∂L/∂c = 6 × 2 = 12
    texts = " ".join(t.get_text() for t in fig.axes[0].texts)
    for value in ("w = 2", "c = 3", "u = 6", "L = 18", "\\partial w$ = 18", "\\partial c$ = 12", "\\partial u$ = 6",
                  "\\partial L$ = 1", "곱셈 노드"):
        assert value in texts, value
    plt.close(fig)
    fig = draw_scalar_graph(-1.5, 2)
    assert "u = −3" in " ".join(t.get_text() for t in fig.axes[0].texts)
    plt.close(fig)
    with pytest.raises(ValueError, match="유한한 실수"):
        draw_scalar_graph("3", 2.0)
    with pytest.raises(ValueError, match="유한한 실수"):
        draw_scalar_graph(3.0, float("nan"))
