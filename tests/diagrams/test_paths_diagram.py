"""ERF의 1차원 경로 세기: 경로 수를 하나하나 세어 본 값, 그리고 선형 1차원 합성곱의 입력 기울기와 같은지."""

import itertools
from collections import Counter

import keras
import matplotlib.pyplot as plt
import numpy as np
import pytest

import cnn_helpers as ch
from cnn_helpers.diagrams import _draw
from cnn_helpers.diagrams.paths import draw_erf_paths, layer_path_counts, path_counts


def brute_force(layers, kernel):
    """층마다 창 안의 위치(0…kernel−1)를 하나씩 고르는 모든 경로를 나열해, 닿는 입력 칸마다 셉니다."""
    ends = Counter(sum(steps) for steps in itertools.product(range(kernel), repeat=layers))
    return [ends[i] for i in range(layers * (kernel - 1) + 1)]


@pytest.mark.parametrize("layers,kernel", [(1, 1), (1, 3), (2, 3), (3, 3), (4, 2), (3, 5), (6, 3), (5, 4)])
def test_counts_equal_enumerated_paths(layers, kernel):
    counts = path_counts(layers, kernel)
    assert counts.tolist() == brute_force(layers, kernel)
    assert counts.sum() == kernel**layers
    assert len(counts) == layers * (kernel - 1) + 1  # 수용 영역


def test_known_rows():
    assert path_counts(2, 3).tolist() == [1, 2, 3, 2, 1]
    assert path_counts(3, 3).tolist() == [1, 3, 6, 7, 6, 3, 1]
    assert path_counts(5, 2).tolist() == [1, 5, 10, 10, 5, 1]  # 이항 계수
    assert [c.tolist() for c in layer_path_counts(2, 3)] == [[1], [1, 1, 1], [1, 2, 3, 2, 1]]


@pytest.mark.parametrize("layers,kernel", [(3, 3), (4, 2), (2, 5)])
def test_counts_are_the_erf_of_a_linear_stack_of_ones(layers, kernel):
    """모든 가중치가 1인 선형 1차원 합성곱 층을 쌓으면, 출력 한 칸의 입력 기울기가 곧 경로 수입니다."""
    length = layers * (kernel - 1) + 1
    inputs = x = keras.Input((length, 1))
    for _ in range(layers):
        x = keras.layers.Conv1D(1, kernel, use_bias=False, kernel_initializer="ones")(x)
    model = keras.Model(inputs, x)
    assert x.shape[1] == 1
    erf = ch.effective_receptive_field(model)
    np.testing.assert_allclose(erf, path_counts(layers, kernel), rtol=1e-6)


def test_figure_shows_the_counts_of_every_layer():
    fig = draw_erf_paths(3, 3)
    drawn = _draw.texts(fig)
    numbers = [int(t) for t in drawn if t.isdigit()]
    expected = [int(c) for level in layer_path_counts(3, 3) for c in level]
    assert numbers == expected
    assert any("27" in t for t in drawn)  # 제목에 전체 경로 수 3³
    assert {"출력 1칸", "입력"} <= set(drawn)
    plt.close(fig)


def test_public_name_and_bad_arguments():
    assert ch.diagrams.draw_erf_paths is draw_erf_paths
    with pytest.raises(ValueError, match="5계층"):
        draw_erf_paths(6, 3)
    with pytest.raises(ValueError, match="int64"):
        path_counts(40, 3)
    with pytest.raises((TypeError, ValueError)):
        path_counts(2.5, 3)
    with pytest.raises((TypeError, ValueError)):
        path_counts(0, 3)


def test_docstring_examples():
    import doctest

    from cnn_helpers.diagrams import paths

    result = doctest.testmod(paths)
    assert result.attempted >= 3 and result.failed == 0
