"""8강 그림: 기본 잔차 블록(항등 지름길, 투영 지름길)과 병목 블록.

계층의 출력 모양과 매개변수 수는 손으로 적지 않고, `models.residual_block`·`models.bottleneck_block`으로 블록을
실제로 만들어 `layer_specs`로 읽습니다. 그래서 그림의 숫자와 모델이 어긋날 수 없습니다.
"""

from __future__ import annotations

from .. import _lazy
from . import _draw
from ._model import layer_specs

__all__ = ["DEFAULT_CASES", "block_layout", "draw_residual_blocks"]

# (블록 종류, 입력 모양, filters, stride): 왼쪽부터 항등 지름길, 투영 지름길(stride 2, 채널 두 배), 병목 블록
DEFAULT_CASES = (
    ("basic", (56, 56, 64), 64, 1),
    ("basic", (56, 56, 64), 128, 2),
    ("bottleneck", (56, 56, 256), 64, 1),
)

_BLOCKS = {"basic": "residual_block", "bottleneck": "bottleneck_block"}


def _shape(shape) -> str:
    return "×".join(str(int(v)) for v in shape)


def block_layout(kind: str, input_shape, filters: int, stride: int = 1) -> dict:
    """블록 하나를 models로 실제로 만들어 그림에 쓸 값을 돌려줍니다.

    돌려주는 dict: 'kind', 'input'(입력 모양), 'main'(잔차 쪽 합성곱마다 {'kernel', 'filters', 'stride', 'shape',
    'params', 'bn_params', 'relu'}), 'shortcut'(투영이면 같은 꼴의 dict, 항등이면 None), 'output'(출력 모양),
    'total'(블록 전체 매개변수 수).

    >>> layout = block_layout("basic", (8, 8, 16), 32, 2)
    >>> [(c["kernel"], c["shape"], c["params"]) for c in layout["main"]]
    [(3, (4, 4, 32), 4608), (3, (4, 4, 32), 9216)]
    >>> layout["shortcut"]["params"], layout["output"]
    (512, (4, 4, 32))
    """
    if kind not in _BLOCKS:
        raise ValueError(f"kind는 'basic'(기본 잔차 블록) 또는 'bottleneck'(병목 블록)이어야 합니다. 받은 값: {kind!r}")
    keras = _lazy.keras()
    from .. import models

    inputs = keras.Input(shape=tuple(input_shape))
    model = keras.Model(inputs, getattr(models, _BLOCKS[kind])(inputs, filters, stride, name="b"))
    specs = {s["name"]: s for s in layer_specs(model)}

    def conv(index):
        name = f"b_{index}_conv"
        if name not in specs:
            return None
        layer = model.get_layer(name)
        return {"kernel": int(layer.kernel_size[0]), "filters": int(layer.filters), "stride": int(layer.strides[0]),
                "shape": specs[name]["shape"], "params": specs[name]["params"],
                "bn_params": specs[f"b_{index}_bn"]["params"], "relu": f"b_{index}_relu" in specs}

    main = [c for c in (conv(i) for i in (1, 2, 3)) if c is not None]
    return {"kind": kind, "input": tuple(input_shape), "main": main, "shortcut": conv(0),
            "output": specs["b_out"]["shape"], "total": int(model.count_params())}


def _title(layout) -> str:
    if layout["kind"] == "bottleneck":
        return "병목 블록 (ResNet-50/101/152)"
    if layout["shortcut"] is None:
        return "기본 잔차 블록 (ResNet-18/34)"
    return "기본 잔차 블록, 모양이 바뀔 때"


def _conv_text(c) -> str:
    stride = f", 스트라이드 {c['stride']}" if c["stride"] != 1 else ""
    return f"{c['kernel']}×{c['kernel']} 합성곱, {c['filters']}개{stride}\n매개변수 {c['params']:,}"


def _bn_text(c) -> str:
    return f"배치 정규화 (매개변수 {c['bn_params']:,})" + (", ReLU" if c["relu"] else "")


def _draw_block(ax, layout, x0: float, top: float) -> None:
    """왼쪽 위가 (x0, top)인 칸에 블록 하나를 위에서 아래로 그립니다."""
    cx, bw = x0 + 1.35, 2.5  # 잔차 쪽 상자의 가운데와 너비
    sx = x0 + 3.55  # 지름길이 지나는 x
    ax.text(x0 + 2.1, top, _title(layout), ha="center", va="top", fontsize=10.5)
    y = top - 0.75
    _draw.box(ax, cx - 0.9, y - 0.42, 1.8, 0.42, f"입력 {_shape(layout['input'])}", kind="input")
    branch_y = y - 0.21
    y -= 0.42
    for c in layout["main"]:
        _draw.arrow(ax, (cx, y), (cx, y - 0.3))
        y -= 0.3
        _draw.box(ax, cx - bw / 2, y - 0.62, bw, 0.62, _conv_text(c), kind="conv", fontsize=8.5)
        y -= 0.62
        _draw.box(ax, cx - bw / 2, y - 0.34, bw, 0.34, _bn_text(c), kind="norm", fontsize=8)
        y -= 0.34
        ax.text(cx - 0.08, y - 0.15, _shape(c["shape"]), ha="right", va="center", fontsize=7.5, color="#555555")
    # 더하기: 잔차 쪽과 지름길이 만나는 곳
    _draw.arrow(ax, (cx, y), (cx, y - 0.38))
    add_y = y - 0.56
    ax.add_patch(_lazy_circle((cx, add_y), 0.18))
    ax.text(cx, add_y, "+", ha="center", va="center", fontsize=12)
    # 지름길: 입력 오른쪽에서 오른쪽으로 나와 아래로 내려가 더하기로 들어갑니다
    ax.plot([cx + 0.9, sx, sx], [branch_y, branch_y, add_y + 0.02], color=_draw.EDGE, lw=1.2, zorder=0.5)
    _draw.arrow(ax, (sx, add_y), (cx + 0.19, add_y))
    short = layout["shortcut"]
    mid = (branch_y + add_y) / 2
    if short is None:
        ax.text(sx + 0.1, mid, "항등 지름길 (매개변수 0)", ha="left", va="center", rotation=90, fontsize=8,
                color="#b91c1c")
    else:
        sw = 1.5
        text = _conv_text(short).replace(", 스트라이드", "\n스트라이드")
        _draw.box(ax, sx - sw / 2, mid, sw, 0.78, text, kind="conv", fontsize=7.5)
        _draw.box(ax, sx - sw / 2, mid - 0.34, sw, 0.34, _bn_text(short), kind="norm", fontsize=7.5)
        ax.text(sx, mid + 0.86, "투영 지름길", ha="center", va="bottom", fontsize=8.5, color="#b91c1c",
                bbox={"facecolor": "white", "edgecolor": "none", "pad": 1})
        ax.text(sx + 0.08, mid - 0.5, _shape(short["shape"]), ha="left", va="center", fontsize=7.5, color="#555555")
    # 더한 뒤 ReLU, 출력
    _draw.arrow(ax, (cx, add_y - 0.18), (cx, add_y - 0.45))
    y = add_y - 0.45
    _draw.box(ax, cx - 0.6, y - 0.32, 1.2, 0.32, "ReLU", kind="act", fontsize=8.5)
    y -= 0.32
    _draw.arrow(ax, (cx, y), (cx, y - 0.3))
    y -= 0.3
    _draw.box(ax, cx - 0.9, y - 0.42, 1.8, 0.42, f"출력 {_shape(layout['output'])}", kind="input")
    ax.text(x0 + 2.1, y - 0.65, f"블록 전체 매개변수 {layout['total']:,}", ha="center", va="top", fontsize=9)


def _lazy_circle(center, radius):
    from matplotlib import patches

    return patches.Circle(center, radius, facecolor=_draw.COLORS["add"], edgecolor=_draw.EDGE, linewidth=1)


def draw_residual_blocks(cases=DEFAULT_CASES):
    """기본 잔차 블록(항등 지름길), 모양이 바뀌는 기본 블록(1×1 투영 지름길), 병목 블록을 나란히 그립니다.

    cases: (블록 종류 'basic'|'bottleneck', 입력 모양, filters, stride)의 목록. 숫자는 모두 실제 블록에서 읽습니다.
    그림(matplotlib Figure)을 돌려줍니다.
    """
    layouts = [block_layout(*case) for case in cases]
    if not layouts:
        raise ValueError("cases가 비어 있습니다: 그릴 블록을 하나 이상 주세요.")
    height = 2.9 + max(1.26 * len(lay["main"]) for lay in layouts) + 0.6 + 0.2
    fig, ax = _draw.canvas(4.6 * len(layouts), height)
    for i, layout in enumerate(layouts):
        _draw_block(ax, layout, 4.6 * i + 0.1, height - 0.1)
    fig.tight_layout()
    return fig
