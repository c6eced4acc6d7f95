"""유효 수용 영역(ERF)의 바탕인 1차원 경로 세기: 출력 한 칸에서 입력 칸마다 몇 갈래의 경로가 닿는지 그립니다.

1차원 합성곱을 layers계층 쌓으면(커널 kernel, 스트라이드 1) 출력 한 칸은 바로 아래 계층의 kernel칸을 보고, 그 칸들이
또 각자 kernel칸을 봅니다. 입력 칸 하나에 닿는 경로의 수는 가운데일수록 많습니다 (3계층, 커널 3이면
1, 3, 6, 7, 6, 3, 1). 가중치가 모두 같으면 입력 칸의 기울기는 이 경로 수에 비례하므로 ERF가 가운데에 몰립니다.
"""

from __future__ import annotations

import math

import numpy as np

from .._validate import check_int
from . import _draw

__all__ = ["path_counts", "draw_erf_paths"]

MAX_DRAWN_LAYERS = 5
MAX_DRAWN_KERNEL = 5


def _check(layers, kernel):
    layers = check_int("layers", layers, minimum=1)
    kernel = check_int("kernel", kernel, minimum=1)
    if layers * math.log2(max(kernel, 1)) >= 62:
        raise ValueError(
            f"layers={layers}, kernel={kernel}: 경로 수가 kernel**layers = {kernel}**{layers}개를 넘어 "
            "정수(int64)에 담기지 않습니다. 계층 수나 커널을 줄이세요 (예: 커널 3이면 39계층까지)."
        )
    return layers, kernel


def layer_path_counts(layers: int, kernel: int = 3) -> list[np.ndarray]:
    """출력 한 칸에서 아래로 내려가며, 계층마다 칸별 경로 수를 돌려줍니다.

    결과의 0번은 출력 계층([1]), 마지막(layers번)은 입력 계층입니다. 한 계층 내려갈 때마다 칸마다 그 칸을 보는 위 계층
    칸들의 경로 수를 더하므로, 이는 길이 kernel인 1들의 배열과 합성곱하는 것과 같습니다.

    >>> [c.tolist() for c in layer_path_counts(2, 3)]
    [[1], [1, 1, 1], [1, 2, 3, 2, 1]]
    """
    layers, kernel = _check(layers, kernel)
    counts = [np.array([1], dtype=np.int64)]
    ones = np.ones(kernel, dtype=np.int64)
    for _ in range(layers):
        counts.append(np.convolve(counts[-1], ones))
    return counts


def path_counts(layers: int, kernel: int = 3) -> np.ndarray:
    """1차원 합성곱 layers계층(커널 kernel, 스트라이드 1)에서 출력 한 칸으로 가는 경로 수를 입력 칸마다 돌려줍니다.

    길이는 수용 영역 layers·(kernel − 1) + 1이고, 합은 kernel**layers입니다.

    >>> path_counts(3, 3).tolist()
    [1, 3, 6, 7, 6, 3, 1]
    >>> path_counts(4, 2).tolist()
    [1, 4, 6, 4, 1]
    """
    return layer_path_counts(layers, kernel)[-1]


def _node_x(count: int, width: int) -> np.ndarray:
    """한 계층의 칸 count개를 가운데 정렬했을 때의 x 좌표 (가장 넓은 계층의 칸 간격이 1)."""
    return np.arange(count) - (count - 1) / 2 + (width - 1) / 2


def draw_erf_paths(layers: int = 3, kernel: int = 3):
    """출력 한 칸에서 입력까지의 경로를 계층마다 그리고, 칸마다 닿는 경로 수를 적은 그림(Figure)을 돌려줍니다.

    맨 위가 출력 한 칸, 맨 아래가 입력입니다. 선 하나는 한 계층의 칸이 아래 계층의 칸 하나를 보는 연결이고, 칸 안의
    수는 출력에서 그 칸까지 내려오는 경로의 수입니다. 입력 칸의 수 아래에는 막대로 같은 수를 그립니다.
    """
    layers, kernel = _check(layers, kernel)
    if layers > MAX_DRAWN_LAYERS or kernel > MAX_DRAWN_KERNEL:
        raise ValueError(
            f"layers={layers}, kernel={kernel}: 그림이 읽히도록 {MAX_DRAWN_LAYERS}계층, 커널 {MAX_DRAWN_KERNEL}까지만 "
            "그립니다. 더 큰 경우의 수는 path_counts(layers, kernel)로 구하세요."
        )
    from matplotlib import patches
    from matplotlib import pyplot as plt

    counts = layer_path_counts(layers, kernel)
    width = len(counts[-1])
    step_y = 1.15
    bar_height = 1.3
    left_margin = 1.7
    fig_w = left_margin + width * 0.62 + 0.4
    fig_h = (layers + 1) * step_y * 0.62 + bar_height * 0.62 + 0.9
    _draw.use_korean_font()
    fig, ax = plt.subplots(figsize=(fig_w, fig_h))
    ax.axis("off")
    ax.set_xticks([])
    ax.set_yticks([])
    ax.set_aspect("equal")

    def y_of(level):  # level 0 = 출력(맨 위), layers = 입력
        return bar_height + 0.6 + (layers - level) * step_y

    total = int(counts[-1].sum())
    peak = int(counts[-1].max())
    for level in range(layers):  # level 계층의 칸마다 아래 계층의 kernel칸으로 선을 긋습니다
        upper, lower = _node_x(len(counts[level]), width), _node_x(len(counts[level + 1]), width)
        for i, x_up in enumerate(upper):
            for d in range(kernel):
                x_low = lower[i + d]
                ax.plot([x_up, x_low], [y_of(level), y_of(level + 1)], color="#94a3b8", lw=0.9, zorder=1)
    radius = 0.3
    for level, level_counts in enumerate(counts):
        xs = _node_x(len(level_counts), width)
        for x, c in zip(xs, level_counts):
            shade = 0.15 + 0.85 * int(c) / int(level_counts.max())
            face = plt.cm.Blues(0.15 + 0.55 * shade)
            ax.add_patch(patches.Circle((x, y_of(level)), radius, facecolor=face, edgecolor=_draw.EDGE, lw=0.9, zorder=2))
            ax.text(x, y_of(level), str(int(c)), ha="center", va="center", fontsize=9, zorder=3,
                    color="white" if shade > 0.75 else "black")
        if level == 0:
            name = "출력 1칸"
        elif level == layers:
            name = "입력"
        else:
            name = f"{layers - level}계층 출력"
        ax.text(-left_margin + 0.2, y_of(level), name, ha="left", va="center", fontsize=9)
    # 입력 칸의 경로 수를 막대로
    xs = _node_x(width, width)
    for x, c in zip(xs, counts[-1]):
        h = bar_height * int(c) / peak
        ax.add_patch(patches.Rectangle((x - 0.3, 0.1), 0.6, h, facecolor="#60a5fa", edgecolor=_draw.EDGE, lw=0.6))
    ax.text(-left_margin + 0.2, 0.1 + bar_height / 2, "경로 수\n(막대)", ha="left", va="center", fontsize=9)
    ax.set_xlim(-left_margin, width - 0.4)
    ax.set_ylim(-0.1, y_of(0) + 0.6)
    ax.set_title(f"1차원 합성곱 {layers}계층 (필터 크기 {kernel}): 출력 한 칸에서 입력으로 가는 경로 {total}개", fontsize=10)
    fig.tight_layout()
    return fig
