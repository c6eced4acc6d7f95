"""8강 그림: 기본 잔차 블록(항등 지름길, 투영 지름길)과 병목 블록, plain-34와 ResNet-34 전체.

계층의 출력 모양과 매개변수 수는 손으로 적지 않고, `models.residual_block`·`models.bottleneck_block`으로 블록을
실제로 만들어 `layer_specs`로 읽습니다. 그래서 그림의 숫자와 모델이 어긋날 수 없습니다.
"""

from __future__ import annotations

from .. import _lazy
from . import _draw
from ._model import layer_specs, shape_text

__all__ = ["draw_residual_blocks", "draw_plain_vs_resnet"]

# (블록 종류, 입력 모양, filters, stride): 왼쪽부터 항등 지름길, 투영 지름길(stride 2, 채널 두 배), 병목 블록
DEFAULT_CASES = (
    ("basic", (56, 56, 64), 64, 1),
    ("basic", (56, 56, 64), 128, 2),
    ("bottleneck", (56, 56, 256), 64, 1),
)

_BLOCKS = {"basic": "residual_block", "bottleneck": "bottleneck_block"}


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
    sx = x0 + 3.63  # 지름길이 지나는 x
    ax.text(x0 + 2.1, top, _title(layout), ha="center", va="top", fontsize=10.5)
    y = top - 0.75
    _draw.box(ax, cx - 0.9, y - 0.42, 1.8, 0.42, f"입력 {shape_text(layout['input'])}", kind="input")
    branch_y = y - 0.21
    y -= 0.42
    for c in layout["main"]:
        _draw.arrow(ax, (cx, y), (cx, y - 0.3))
        y -= 0.3
        _draw.box(ax, cx - bw / 2, y - 0.62, bw, 0.62, _conv_text(c), kind="conv", fontsize=10)
        y -= 0.62
        _draw.box(ax, cx - bw / 2, y - 0.34, bw, 0.34, _bn_text(c), kind="norm", fontsize=9.5)
        y -= 0.34
        ax.text(cx - 0.08, y - 0.15, shape_text(c["shape"]), ha="right", va="center", fontsize=9.5, color="#444444")
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
        ax.text(sx + 0.1, mid, "항등 지름길\n(매개변수 0)", ha="left", va="center", fontsize=10, color="#4b5563")
    else:
        sw = 1.75
        text = _conv_text(short).replace(", 스트라이드", "\n스트라이드")
        _draw.box(ax, sx - sw / 2, mid, sw, 0.86, text, kind="conv", fontsize=9.5)
        _draw.box(ax, sx - sw / 2, mid - 0.5, sw, 0.5, _bn_text(short).replace(" (", "\n("), kind="norm", fontsize=9.5)
        ax.text(sx, mid + 0.94, "투영 지름길", ha="center", va="bottom", fontsize=10.5, color="#b91c1c",
                bbox={"facecolor": "white", "edgecolor": "none", "pad": 1})
        ax.text(sx + 0.08, mid - 0.66, shape_text(short["shape"]), ha="left", va="center", fontsize=9.5, color="#444444")
    # 더한 뒤 ReLU, 출력
    _draw.arrow(ax, (cx, add_y - 0.18), (cx, add_y - 0.45))
    y = add_y - 0.45
    _draw.box(ax, cx - 0.6, y - 0.32, 1.2, 0.32, "ReLU", kind="act", fontsize=10)
    y -= 0.32
    _draw.arrow(ax, (cx, y), (cx, y - 0.3))
    y -= 0.3
    _draw.box(ax, cx - 0.9, y - 0.42, 1.8, 0.42, f"출력 {shape_text(layout['output'])}", kind="input")
    ax.text(x0 + 2.1, y - 0.65, f"블록 전체 매개변수 {layout['total']:,}\n(배치 정규화의 평균·분산 포함)", ha="center", va="top", fontsize=9)


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


# ---------------------------------------------------------------------------------------------------------------
# 평범한 신경망(plain-34)과 ResNet-34를 나란히: 계층 하나하나와 지름길, 모양이 바뀌는 곳의 1×1 투영

_STAGE_NAMES = {"conv1": "줄기", "conv2": "conv2_x", "conv3": "conv3_x", "conv4": "conv4_x", "conv5": "conv5_x"}
_STAGE_NAMES.update({f"block{i}": f"block{i}" for i in range(1, 6)})  # VGG-19의 블록 (6강)


def network_layout(model) -> dict:
    """`models.resnet`으로 만든 모델에서 그림에 쓸 것을 계층 순서대로 읽습니다.

    돌려주는 dict: 'name'(모델 이름), 'items'(계층마다 {'kind': 'conv'|'pool'|'gap'|'dense', 'name', 'stage',
    'block', 'kernel', 'stride', 'filters', 'shape'}; 지름길의 1×1 투영(`…_0_conv`)은 빼고), 'blocks'(잔차 블록마다
    {'stage', 'block', 'first', 'last'(items 안의 번호), 'projection'(투영이면 {'stride', 'filters', 'params'}, 항등이면
    None)}; 지름길이 없는 평범한 신경망이면 빈 목록), 'weighted'(이름의 깊이로 세는 계층 수: 투영을 뺀 합성곱 + 완전 연결).

    >>> from cnn_helpers import models
    >>> lay = network_layout(models.resnet(18, input_shape=(32, 32, 1), classes=10, width=4))
    >>> lay["weighted"], len(lay["blocks"]), [b["block"] for b in lay["blocks"] if b["projection"]]
    (18, 8, ['conv3_block1', 'conv4_block1', 'conv5_block1'])
    """
    keras = _lazy.keras()
    items, projections, adds = [], {}, set()
    for layer in model.layers:
        name = layer.name
        stage = name.split("_")[0]
        block = "_".join(name.split("_")[:2]) if "_block" in name else None
        if isinstance(layer, keras.layers.Conv2D):
            if name.endswith("_0_conv"):
                projections[block] = {"stride": int(layer.strides[0]), "filters": int(layer.filters),
                                      "params": int(layer.count_params())}
                continue
            items.append({"kind": "conv", "name": name, "stage": stage, "block": block,
                          "kernel": int(layer.kernel_size[0]), "stride": int(layer.strides[0]),
                          "filters": int(layer.filters), "shape": tuple(layer.output.shape[1:])})
        elif isinstance(layer, keras.layers.MaxPooling2D):  # ResNet 줄기의 풀링은 줄기에, VGG의 풀링은 그 블록에
            items.append({"kind": "pool", "name": name, "stage": "conv1" if name.startswith("pool1") else stage,
                          "block": None,
                          "kernel": int(layer.pool_size[0]), "stride": int(layer.strides[0]), "filters": None,
                          "shape": tuple(layer.output.shape[1:])})
        elif isinstance(layer, keras.layers.GlobalAveragePooling2D):
            items.append({"kind": "gap", "name": name, "stage": "head", "block": None, "kernel": None, "stride": None,
                          "filters": None, "shape": tuple(layer.output.shape[1:])})
        elif isinstance(layer, keras.layers.Dense):
            items.append({"kind": "dense", "name": name, "stage": "head", "block": None, "kernel": None,
                          "stride": None, "filters": int(layer.units), "shape": tuple(layer.output.shape[1:])})
        elif isinstance(layer, keras.layers.Add):
            adds.add(block)
    blocks = []
    for block in dict.fromkeys(item["block"] for item in items if item["block"]):
        if block not in adds:  # 지름길이 없는 평범한 블록
            continue
        index = [i for i, item in enumerate(items) if item["block"] == block]
        blocks.append({"stage": items[index[0]]["stage"], "block": block, "first": index[0], "last": index[-1],
                       "projection": projections.get(block)})
    weighted = sum(item["kind"] in ("conv", "dense") for item in items)
    return {"name": model.name, "items": items, "blocks": blocks, "weighted": weighted}


def _item_text(item) -> str:
    if item["kind"] == "conv":
        stride = f"/{item['stride']}" if item["stride"] != 1 else ""
        return f"{item['kernel']}×{item['kernel']}{stride}\n{item['filters']}"
    if item["kind"] == "pool":
        return f"풀링\n{item['kernel']}×{item['kernel']}/{item['stride']}"
    if item["kind"] == "gap":
        return "전역 평균\n풀링"
    return f"완전 연결\n{item['filters']:,}"


_ITEM_KIND = {"conv": "conv", "pool": "pool", "gap": "pool", "dense": "dense"}
_PROJECTION_COLOR = "#b91c1c"
_BOX_W, _BOX_H, _GAP, _STAGE_GAP = 0.5, 0.74, 0.13, 0.26
_WIDE_BOX_W = 0.95  # 머리(전역 평균 풀링, 완전 연결)의 상자: 글이 가로로 두 줄에 들어가게 넓게


def _item_width(item) -> float:
    return _WIDE_BOX_W if item["kind"] in ("gap", "dense") else _BOX_W


def _draw_line(ax, layout, indices, y, x_start):
    """items[indices]를 밑변 y에 한 줄로 그리고, 그 줄 안의 블록마다 지름길을 위에 곡선으로 그립니다."""
    from matplotlib import patches

    items = layout["items"]
    xs, x, previous_stage = {}, x_start, None
    for i in indices:
        item = items[i]
        if previous_stage is not None and item["stage"] != previous_stage:
            x += _STAGE_GAP  # 단계 사이는 조금 띄웁니다
        if item["stage"] != previous_stage and item["stage"] != "head":
            shape = [it["shape"] for it in items if it["stage"] == item["stage"]][-1]  # 단계의 출력 (줄기: 풀링 뒤)
            label = _STAGE_NAMES.get(item["stage"], item["stage"])
            ax.text(x, y - 0.08, f"{label}  {shape[0]}×{shape[1]}", ha="left", va="top", fontsize=10.5, color="#374151")
        if xs:  # 앞 계층과 잇는 선
            ax.plot([x - _GAP - (_STAGE_GAP if item["stage"] != previous_stage else 0), x], [y + _BOX_H / 2] * 2,
                    color=_draw.EDGE, lw=0.8, zorder=0.5)
        previous_stage = item["stage"]
        _draw.box(ax, x, y, _item_width(item), _BOX_H, _item_text(item), kind=_ITEM_KIND[item["kind"]], fontsize=10)
        xs[i] = x
        x += _item_width(item) + _GAP
    wrapped = indices[0] != 0  # 윗줄에서 이어지는 줄: 왼쪽 끝의 점이 윗줄 마지막 계층의 출력(이 줄 첫 블록의 입력)
    if wrapped:
        source = (x_start * 0.3, y + _BOX_H / 2)
        ax.plot([source[0], x_start], [source[1]] * 2, color=_draw.EDGE, lw=0.8, zorder=0.5)
        ax.plot(*source, "o", ms=4, color=_draw.EDGE, zorder=0.6)
    for block in layout["blocks"]:
        if block["first"] not in xs or block["last"] not in xs:
            continue
        start, end = xs[block["first"]] - _GAP / 2, xs[block["last"]] + _item_width(items[block["last"]]) + _GAP / 2
        begin = (start, y + _BOX_H)
        if wrapped and block["first"] == indices[0]:
            begin = source  # 지름길은 윗줄에서 들어오는 입력(왼쪽 끝의 점)에서 갈라집니다
        projection = block["projection"]
        color = _PROJECTION_COLOR if projection else "#4b5563"
        ax.add_patch(patches.FancyArrowPatch(
            begin, (end, y + _BOX_H), connectionstyle="arc3,rad=-0.45", arrowstyle="-|>",
            mutation_scale=8, color=color, lw=1.6 if projection else 1.0, linestyle="--" if projection else "-"))
        if projection:
            ax.text((start + end) / 2, y + _BOX_H + 0.32, f"1×1/{projection['stride']} 투영", ha="center",
                    va="bottom", fontsize=10, color=_PROJECTION_COLOR,
                    bbox={"facecolor": "white", "edgecolor": "none", "pad": 0.5})
    return x


def _line_width(items, indices) -> float:
    """items[indices]를 한 줄로 그릴 때의 너비 (상자, 간격, 단계 사이 간격)."""
    stages = [items[i]["stage"] for i in indices]
    changes = sum(a != b for a, b in zip(stages, stages[1:]))
    return sum(_item_width(items[i]) + _GAP for i in indices) + changes * _STAGE_GAP


def draw_plain_vs_resnet(depth: int = 34, *, input_shape=(224, 224, 3), vgg: bool = False):
    """지름길 없는 평범한 신경망(plain-depth)과 ResNet-depth를 계층 하나하나 나란히 그립니다.

    두 모델을 `models.resnet(depth, plain=True)`와 `models.resnet(depth)`로 실제로 만들어 계층의 커널·스트라이드·필터
    수, 단계마다의 출력 크기, 지름길과 그 1×1 투영(빨간 점선)을 읽습니다. depth는 18 또는 34(기본 블록)입니다.
    vgg=True면 논문 그림 3처럼 맨 위에 VGG-19(`models.vgg19`, 6강)를 같은 출력 크기끼리 줄을 맞추어 더하고,
    세 모델의 곱셈-누산 수(`analysis.count_macs`)를 제목에 적습니다. 그림(matplotlib Figure)을 돌려줍니다.
    """
    from .. import models
    from ..analysis import count_macs

    if depth not in (18, 34):
        raise ValueError(f"depth는 기본 블록을 쓰는 18 또는 34여야 합니다(병목 블록은 한 계층씩 그리기에 너무 깁니다). 받은 값: {depth!r}")
    built = [models.resnet(depth, input_shape=input_shape, plain=True), models.resnet(depth, input_shape=input_shape)]
    layouts = [network_layout(model) for model in built]
    items = layouts[0]["items"]
    # 한 줄이 너무 길지 않게(글씨를 키울 수 있게) conv4_x와 conv5_x 앞에서 줄을 바꿉니다.
    conv4, conv5 = (next(i for i, item in enumerate(items) if item["stage"] == stage) for stage in ("conv4", "conv5"))
    line_sets = [[range(0, conv4), range(conv4, conv5), range(conv5, len(items))]] * 2
    pitch = [1.2, 1.65]  # 줄 간격: 평범한 신경망, ResNet (지름길 곡선 자리)
    projections = sum(b["projection"] is not None for b in layouts[1]["blocks"])
    macs = [f", 곱셈-누산 {count_macs(model) / 1e9:.2f}G" if vgg else "" for model in built]
    titles = [f"평범한 신경망 plain-{depth}: 가중치 계층 {layouts[0]['weighted']}개, 지름길 없음{macs[0]}",
              f"ResNet-{depth}: 같은 계층 {layouts[1]['weighted']}개 + 지름길 {len(layouts[1]['blocks'])}개 "
              f"(그중 1×1 투영 {projections}개){macs[1]}"]
    if vgg:
        model = models.vgg19(input_shape=input_shape)
        layout = network_layout(model)
        stages = [item["stage"] for item in layout["items"]]
        # 출력 크기가 같은 줄끼리: block1~4 (ResNet의 줄기~conv3_x), block5 (conv4_x), 완전 연결 (conv5_x와 머리)
        block5, head = stages.index("block5"), stages.index("head")
        layouts.insert(0, layout)
        line_sets.insert(0, [range(0, block5), range(block5, head), range(head, len(stages))])
        pitch.insert(0, 1.2)
        titles.insert(0, f"VGG-19 (6강): 가중치 계층 {layout['weighted']}개, 지름길 없음, "
                         f"곱셈-누산 {count_macs(model) / 1e9:.2f}G")
    longest = max(_line_width(layout["items"], list(line)) for layout, lines in zip(layouts, line_sets) for line in lines)
    width = 0.2 + longest + 0.1
    height = 0.45 + sum(0.55 + len(lines) * p for lines, p in zip(line_sets, pitch)) + 0.55 + (0.3 if vgg else 0)
    fig, ax = _draw.canvas(width, height)
    fig.subplots_adjust(left=0, right=1, bottom=0, top=1)
    top = height - 0.1
    for layout, lines, title, p in zip(layouts, line_sets, titles, pitch):
        ax.text(0.2, top, title, ha="left", va="top", fontsize=13)
        y = top - 0.4
        for line in lines:
            y -= p
            _draw_line(ax, layout, list(line), y + 0.3, 0.2)
        top = y - 0.15
    legend = ("상자: 계층 (합성곱은 '커널×커널/스트라이드'와 필터 수, 주황은 풀링)\n"
              "회색 곡선: 항등 지름길 (블록의 입력을 두 합성곱의 출력에 더함)\n"
              "빨간 점선: 크기가 절반이 되고 채널이 두 배가 되는 블록의 1×1 투영 지름길 (옵션 B)\n"
              "줄 왼쪽 끝의 점: 윗줄 마지막 계층의 출력 (그 줄 첫 블록의 입력, 지름길이 여기서 갈라짐)\n"
              f"단계 이름 옆의 수: 그 단계의 출력 크기 ({input_shape[0]}×{input_shape[1]} 입력일 때)")
    if vgg:
        legend += "\n세 모델의 줄은 합성곱이 같은 크기에서 계산하는 부분끼리 맞추었습니다 (논문 그림 3처럼: 첫 줄 28×28 이상, 둘째 줄 14×14, 셋째 줄 7×7)"
    ax.text(0.2, 0.02, legend, ha="left", va="bottom", fontsize=10.5, color="#374151", linespacing=1.45)
    return fig
