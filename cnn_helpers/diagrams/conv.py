"""여러 채널의 합성곱 그림: 입력 H×W×C, 필터 하나 f×f×C → 특징 맵 한 장, 필터 N개 → 특징 맵 N장을 쌓은 출력.

모양 계산(`multichannel_conv_shapes`)과 그리기(`draw_multichannel_conv`)를 나눕니다. 모양은 손으로 적지 않고
`arithmetic.conv_output_size`(TensorFlow와 비교해 검증한 함수)로 계산합니다.
"""

from __future__ import annotations

from matplotlib import patches

from .. import arithmetic
from .._validate import check_int
from . import _draw

__all__ = ["draw_multichannel_conv"]

# 필터마다의 색 (그 필터가 만든 특징 맵도 같은 색)
FILTER_COLORS = ("#f4a261", "#2a9d8f", "#e76f51", "#8ab17d", "#9b5de5", "#e9c46a")
INPUT_COLOR = "#dbe4ee"
MAX_DRAWN = 4  # 필터가 이보다 많으면 처음 3개와 마지막 1개만 그리고 사이는 ⋮로


def multichannel_conv_shapes(height: int, width: int, channels: int, f: int, filters: int, p=0, s: int = 1) -> dict:
    """합성곱 계층 하나의 모양과 매개변수 수를 계산합니다 (Keras `Conv2D(filters, f, strides=s)`와 같음).

    p: 한쪽 패딩(정수) 또는 'valid'/'same'. 나누어떨어지지 않으면 TensorFlow처럼 내림합니다.

    >>> d = multichannel_conv_shapes(6, 6, 3, 3, 2)
    >>> d["필터"], d["특징 맵"], d["출력"], d["매개변수 수"]
    ((3, 3, 3), (4, 4), (4, 4, 2), 56)
    """
    height = check_int("height", height, minimum=1)
    width = check_int("width", width, minimum=1)
    channels = check_int("channels", channels, minimum=1)
    f = check_int("f", f, minimum=1)
    filters = check_int("filters", filters, minimum=1)
    out_h = arithmetic.conv_output_size(height, f, p, s, strict=False)
    out_w = arithmetic.conv_output_size(width, f, p, s, strict=False)
    return {
        "입력": (height, width, channels),
        "필터": (f, f, channels),
        "필터 수": filters,
        "특징 맵": (out_h, out_w),
        "출력": (out_h, out_w, filters),
        "매개변수 수": f * f * channels * filters + filters,
    }


def _sheets(ax, x, y, size, count, colors, *, step=0.16):
    """앞면이 size×size인 얇은 판 count장을 비스듬히 겹쳐 그립니다 (뒤쪽부터). 맨 앞 판의 (x, y)가 왼쪽 아래."""
    for k in reversed(range(count)):
        ax.add_patch(patches.Rectangle((x + k * step * 0.6, y + k * step * 0.4), size, size,
                                       facecolor=colors[k % len(colors)], edgecolor=_draw.EDGE, linewidth=0.8))


def _fmt(shape) -> str:
    return "×".join(map(str, shape))


def draw_multichannel_conv(height: int = 6, width: int = 6, channels: int = 3, f: int = 3, filters: int = 2,
                           p=0, s: int = 1):
    """입력(채널 C장) ⋆ 필터 N개(각각 f×f×C) → 특징 맵 N장 → 쌓은 출력을 그리고 Figure를 돌려줍니다.

    입력 안에는 필터 1이 덮는 창(f×f×C, 모든 채널을 관통하는 상자)을 필터 1의 색으로 표시합니다.

    글자(모양, 매개변수 수)는 모두 `multichannel_conv_shapes`에서 옵니다.
    """
    shapes = multichannel_conv_shapes(height, width, channels, f, filters, p, s)
    H, W, C = shapes["입력"]
    oh, ow = shapes["특징 맵"]
    N = filters
    drawn = list(range(N)) if N <= MAX_DRAWN else [0, 1, 2, N - 1]
    rows = len(drawn) + (N > MAX_DRAWN)

    fig_h = max(4.6, 1.25 * rows + 1.9)
    fig, ax = _draw.canvas(11.5, fig_h)
    mid = fig_h / 2 + 0.45
    in_size = 1.8
    channel_grays = ["#c9d6e3", "#dbe4ee", "#edf2f7"]

    # 입력: 채널 C장 (많으면 최대 6장만 그림)
    _sheets(ax, 0.4, mid - in_size / 2, in_size, min(C, 6), channel_grays, step=0.22)
    ax.text(0.4 + in_size / 2 + 0.3, mid - in_size / 2 - 0.25, f"입력 {_fmt(shapes['입력'])}",
            ha="center", va="top", fontsize=10)
    ax.text(0.4 + in_size / 2 + 0.3, mid - in_size / 2 - 0.6, f"(높이×너비×채널, 채널 {C}장)",
            ha="center", va="top", fontsize=8, color="#555555")
    # 입력 안의 창 하나(f×f×C): 필터 1이 지금 덮는 곳. 맨 앞 판의 왼쪽 위에서 맨 뒤 판까지 이어진 상자입니다.
    sheets = min(C, 6)
    side = in_size * min(f, H) / max(H, 1)
    x0, y0 = 0.4, mid + in_size / 2 - side
    dx, dy = (sheets - 1) * 0.22 * 0.6, (sheets - 1) * 0.22 * 0.4
    window_color = FILTER_COLORS[0]
    top_face = [(x0, y0 + side), (x0 + dx, y0 + side + dy), (x0 + side + dx, y0 + side + dy), (x0 + side, y0 + side)]
    side_face = [(x0 + side, y0 + side), (x0 + side + dx, y0 + side + dy), (x0 + side + dx, y0 + dy), (x0 + side, y0)]
    for face in (top_face, side_face):
        ax.add_patch(patches.Polygon(face, closed=True, facecolor=window_color, alpha=0.45, edgecolor=_draw.EDGE,
                                     linewidth=0.8))
    ax.add_patch(patches.Rectangle((x0, y0), side, side, facecolor=window_color, alpha=0.8,
                                   edgecolor=_draw.EDGE, linewidth=1.0))
    ax.text(x0 + side + dx + 0.08, y0 + side + dy + 0.05, f"창 {_fmt(shapes['필터'])}", ha="left", va="bottom",
            fontsize=8, color="#8a4b12")
    ax.text(3.2, mid, r"$\star$", ha="center", va="center", fontsize=22)  # 글의 ⋆와 같은 크기의 연산 기호

    # 필터와 특징 맵: 한 줄에 하나씩
    f_size = 0.55 + 0.05 * min(f, 7)
    map_size = min(0.9, max(0.35, in_size * oh / max(H, 1) * 0.5))
    top = mid + (rows - 1) * 1.25 / 2
    row_y = []
    r = 0
    for index in drawn:
        if N > MAX_DRAWN and index == N - 1:
            ax.text(4.3, top - r * 1.25, "⋮", ha="center", va="center", fontsize=16)
            ax.text(7.3, top - r * 1.25, "⋮", ha="center", va="center", fontsize=16)
            r += 1
        y = top - r * 1.25
        row_y.append(y)
        color = FILTER_COLORS[index % len(FILTER_COLORS)]
        shades = [color] * min(C, 6)
        _sheets(ax, 3.7, y - f_size / 2, f_size, min(C, 6), shades, step=0.12)
        ax.text(3.7 + f_size + 0.45, y + 0.05, f"필터 {index + 1}: {_fmt(shapes['필터'])}", ha="left", va="center",
                fontsize=9)
        _draw.arrow(ax, (6.05, y), (6.75, y))
        ax.add_patch(patches.Rectangle((6.9, y - map_size / 2), map_size, map_size, facecolor=color,
                                       edgecolor=_draw.EDGE, linewidth=0.8))
        ax.text(6.9 + map_size + 0.15, y, f"특징 맵 {index + 1}: {_fmt(shapes['특징 맵'])}", ha="left", va="center",
                fontsize=9)
        r += 1

    # 특징 맵 N장을 채널 축으로 쌓은 출력
    out_x = 9.75
    ax.text(9.35, mid, "쌓기", ha="center", va="bottom", fontsize=8, color="#555555")
    _draw.arrow(ax, (9.05, mid - 0.05), (9.65, mid - 0.05))
    colors = [FILTER_COLORS[k % len(FILTER_COLORS)] for k in range(min(N, 8))]
    _sheets(ax, out_x, mid - map_size / 2, map_size, min(N, 8), colors, step=0.18)
    ax.text(out_x + map_size / 2 + 0.25, mid - map_size / 2 - 0.25, f"출력 {_fmt(shapes['출력'])}",
            ha="center", va="top", fontsize=10)
    ax.text(out_x + map_size / 2 + 0.25, mid - map_size / 2 - 0.6, f"(특징 맵 {N}장)", ha="center", va="top",
            fontsize=8, color="#555555")

    ax.text(0.4, 0.55, f"필터 하나는 입력 채널 {C}장을 모두 덮습니다({_fmt(shapes['필터'])}). 채널마다 곱해 더한 값을 "
                       f"모두 합하고 편향을 더해 특징 맵 한 장을 만듭니다.", fontsize=9, va="center")
    ax.text(0.4, 0.2, f"매개변수 수 = {f}·{f}·{C}·{N} + {N} = {shapes['매개변수 수']:,}  (필터의 가중치 + 필터마다 편향 하나)",
            fontsize=9, va="center")
    ax.set_title(f"여러 채널의 합성곱: 필터 {N}개가 특징 맵 {N}장을 만듭니다", fontsize=12)
    return fig
