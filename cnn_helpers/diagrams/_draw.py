"""구조 그림의 도형: 빈 도화지, 상자, 화살표, 텐서를 나타내는 직육면체 (모든 그림이 같은 색과 글꼴을 씁니다)."""

from __future__ import annotations

from matplotlib import patches
from matplotlib import pyplot as plt

from ..plotting import use_korean_font

__all__ = ["COLORS", "canvas", "box", "arrow", "cuboid", "texts"]

# 계층 종류 → 색 (모든 구조 그림에서 같은 종류는 같은 색)
COLORS = {
    "input": "#eeeeee",
    "conv": "#cfe3f7",
    "pool": "#fde2c4",
    "dense": "#d9f0d3",
    "flatten": "#f2f2f2",
    "norm": "#ead9f5",
    "act": "#fff3b0",
    "add": "#f7c6c7",
    "concat": "#f7c6c7",
    "other": "#ffffff",
}
EDGE = "#334155"


def canvas(width: float, height: float, *, title: str | None = None):
    """가로 width, 세로 height(인치 단위이자 좌표 단위)인 빈 그림을 만들고 (fig, ax)를 돌려줍니다."""
    use_korean_font()
    fig, ax = plt.subplots(figsize=(width, height))
    ax.set_xlim(0, width)
    ax.set_ylim(0, height)
    ax.set_aspect("equal")
    ax.axis("off")
    if title:
        ax.set_title(title, fontsize=12)
    return fig, ax


def box(ax, x: float, y: float, w: float, h: float, text: str = "", *, kind: str = "other",
        fontsize: float = 9, color: str | None = None, linespacing: float | None = None):
    """왼쪽 아래가 (x, y)인 둥근 상자에 글을 적습니다. kind는 COLORS의 열쇠(계층 종류)입니다.

    linespacing: 여러 줄 글의 줄 간격(글자 높이의 배수, 주지 않으면 matplotlib 기본값)."""
    patch = patches.FancyBboxPatch((x, y), w, h, boxstyle="round,pad=0.02,rounding_size=0.06",
                                   facecolor=color or COLORS.get(kind, COLORS["other"]), edgecolor=EDGE, linewidth=1)
    ax.add_patch(patch)
    if text:
        ax.text(x + w / 2, y + h / 2, text, ha="center", va="center", fontsize=fontsize, color="black",
                linespacing=linespacing)
    return patch


def arrow(ax, start, end, *, text: str | None = None, fontsize: float = 8, color: str = EDGE):
    """start에서 end로 화살표를 긋고, text가 있으면 가운데 옆에 적습니다."""
    ax.annotate("", xy=end, xytext=start, arrowprops=dict(arrowstyle="->", color=color, lw=1.2))
    if text:
        mx, my = (start[0] + end[0]) / 2, (start[1] + end[1]) / 2
        ax.text(mx, my + 0.08, text, ha="center", va="bottom", fontsize=fontsize, color=color)


def cuboid(ax, x: float, y: float, w: float, h: float, depth: float, *, kind: str = "conv",
           label: str | None = None, fontsize: float = 8):
    """텐서(세로×가로×채널)를 나타내는 직육면체: 앞면 w×h, 비스듬한 깊이 depth. 아래에 label을 적습니다."""
    face = COLORS.get(kind, COLORS["other"])
    dx, dy = depth * 0.6, depth * 0.4
    ax.add_patch(patches.Polygon([(x, y + h), (x + dx, y + h + dy), (x + w + dx, y + h + dy), (x + w, y + h)],
                                 closed=True, facecolor=face, edgecolor=EDGE, linewidth=0.8))
    ax.add_patch(patches.Polygon([(x + w, y), (x + w + dx, y + dy), (x + w + dx, y + h + dy), (x + w, y + h)],
                                 closed=True, facecolor=face, edgecolor=EDGE, linewidth=0.8, alpha=0.8))
    ax.add_patch(patches.Rectangle((x, y), w, h, facecolor=face, edgecolor=EDGE, linewidth=0.8))
    if label:
        ax.text(x + (w + dx) / 2, y - 0.08, label, ha="center", va="top", fontsize=fontsize)


def texts(fig) -> list[str]:
    """그림에 적힌 모든 글 (시험에서 그림의 숫자가 모델과 같은지 볼 때 씁니다)."""
    from matplotlib.text import Text

    return [t.get_text() for t in fig.findobj(Text) if t.get_text()]
