"""7강 구조 그림: 단순 인셉션 모듈과 차원 축소 인셉션 모듈을 나란히 (Szegedy et al. 2014, 그림 2).

그림의 채널 수와 매개변수 수는 손으로 적지 않습니다. `models.naive_inception_block`과
`models.inception_block`으로 실제 블록을 만들고 `layer_specs`로 읽습니다.
"""

from __future__ import annotations

from .. import _lazy
from . import _draw
from ._model import layer_specs, shape_text

__all__ = ["draw_inception_modules", "draw_googlenet"]

# 계층 이름의 접미사 → 가지 번호 (0: 1×1, 1: 3×3, 2: 5×5, 3: 풀링). 가지 안에서는 이 순서로 쌓입니다.
_BRANCHES = {"1x1": 0, "3x3_reduce": 1, "3x3": 1, "5x5_reduce": 2, "5x5": 2, "pool": 3, "pool_proj": 3}
# 채널을 줄이거나(reduce) 맞추는(proj) 1×1 합성곱: 그림에서 따로 칠합니다.
_REDUCTIONS = ("3x3_reduce", "5x5_reduce", "pool_proj")
_REDUCTION_COLOR = "#fff3b0"


def _module(model, prefix: str) -> dict:
    """실제 블록 모델 → {'input', 'branches'(가지 4개의 계층 목록), 'output', 'params', 'macs'}."""
    from ..analysis import count_macs

    specs = layer_specs(model)
    module = {"input": specs[0], "branches": [[], [], [], []], "output": None,
              "params": int(model.count_params()), "macs": int(count_macs(model))}
    for spec in specs[1:]:
        suffix = spec["name"][len(prefix) + 1:]
        layer = model.get_layer(spec["name"])
        if suffix == "output":
            module["output"] = spec
            continue
        size = layer.kernel_size if spec["kind"] == "conv" else layer.pool_size
        label = f"{size[0]}×{size[1]} 합성곱 {layer.filters}" if spec["kind"] == "conv" else f"{size[0]}×{size[1]} 최대 풀링"
        module["branches"][_BRANCHES[suffix]].append({**spec, "label": label, "reduction": suffix in _REDUCTIONS})
    return module


def inception_module_specs(input_shape=(28, 28, 192), naive_filters=(64, 128, 32),
                           filters=(64, 96, 128, 16, 32, 32)) -> dict:
    """단순 블록과 차원 축소 블록을 실제로 만들어 그림에 쓸 것을 돌려줍니다: {'naive': …, 'reduced': …}.

    naive_filters: 단순 블록의 (1×1, 3×3, 5×5) 필터 수. filters: 차원 축소 블록의 (#1×1, #3×3 reduce, #3×3,
    #5×5 reduce, #5×5, pool proj) — 논문 표 1의 열 순서 (기본값은 3a). 가지마다 계층 목록
    ({'name', 'kind', 'shape', 'params', 'label', 'reduction'})이 입력 쪽부터 들어 있습니다.

    >>> specs = inception_module_specs()
    >>> specs["naive"]["output"]["shape"], specs["reduced"]["output"]["shape"]
    ((28, 28, 416), (28, 28, 256))
    >>> [layer["label"] for layer in specs["reduced"]["branches"][3]]
    ['3×3 최대 풀링', '1×1 합성곱 32']
    """
    from ..models import inception_block, naive_inception_block

    keras = _lazy.keras()
    result = {}
    for key, build, args in (("naive", naive_inception_block, naive_filters), ("reduced", inception_block, filters)):
        inputs = keras.Input(tuple(input_shape))
        model = keras.Model(inputs, build(inputs, *args, name=key))
        result[key] = _module(model, key)
    return result


def _panel(ax, module, x0, width, title):
    """모듈 하나를 x0부터 width 너비에 그립니다: 아래 입력 → 가지 네 개(한 층 또는 두 층) → 위 이어 붙이기."""
    gap = 0.14
    w = (width - 3 * gap) / 4
    h = 0.78
    y_in, y_low, y_high, y_out = 0.55, 1.75, 2.95, 4.15
    centre = x0 + width / 2
    ax.text(centre, 5.3, title, ha="center", va="center", fontsize=11.5)

    in_w = 2.6
    _draw.box(ax, centre - in_w / 2, y_in, in_w, 0.55, f"이전 계층\n{shape_text(module['input']['shape'])}",
              kind="input", fontsize=9.5)
    out = module["output"]
    channels = [branch[-1]["shape"][-1] for branch in module["branches"]]
    out_w = 3.4
    _draw.box(ax, centre - out_w / 2, y_out, out_w, 0.62,
              f"채널 축으로 이어 붙이기 {shape_text(out['shape'])}\n"
              f"{' + '.join(str(c) for c in channels)} = {out['shape'][-1]}채널", kind="concat", fontsize=9.5)

    for i, branch in enumerate(module["branches"]):
        x = x0 + i * (w + gap)
        deep = max(len(b) for b in module["branches"]) > 1
        # 한 계층뿐인 가지는 아래 칸에 둡니다: 화살표가 다른 가지의 상자를 가로지르지 않습니다.
        levels = [y_low, y_high] if len(branch) > 1 else [y_low if deep else (y_low + y_high) / 2]
        start = (centre + (x + w / 2 - centre) * 0.35, y_in + 0.55)
        for layer, y in zip(branch, levels):
            text = f"{layer['label']}\n{shape_text(layer['shape'])}\n매개변수 {layer['params']:,}"
            _draw.box(ax, x, y, w, h, text, kind=layer["kind"], fontsize=9,
                      color=_REDUCTION_COLOR if layer["reduction"] else None)
            _draw.arrow(ax, start, (x + w / 2, y))
            start = (x + w / 2, y + h)
        _draw.arrow(ax, start, (centre + (x + w / 2 - centre) * 0.45, y_out))

    footer = f"매개변수 {module['params']:,}개 · 곱셈-누산 {module['macs'] / 1e6:.1f}M"
    if any(layer["reduction"] for branch in module["branches"] for layer in branch):
        footer += "  (노란 상자: 채널을 줄이는 1×1 합성곱)"
    ax.text(centre, 0.2, footer, ha="center", va="center", fontsize=9.5)


def draw_inception_modules(input_shape=(28, 28, 192), naive_filters=(64, 128, 32),
                           filters=(64, 96, 128, 16, 32, 32)):
    """단순 인셉션 모듈(왼쪽)과 차원 축소 인셉션 모듈(오른쪽)을 그린 Figure를 돌려줍니다.

    인자는 `inception_module_specs`와 같습니다 (기본값: GoogLeNet 3a 자리, 28×28×192 입력).
    노란 상자는 채널을 줄이는 1×1 합성곱(3×3·5×5 앞의 reduce, 풀링 뒤의 pool proj)입니다.
    """
    specs = inception_module_specs(input_shape, naive_filters, filters)
    fig, ax = _draw.canvas(13, 5.7)
    _panel(ax, specs["naive"], 0.2, 6.0, "(가) 단순 인셉션 모듈")
    from ..models import GOOGLENET_TABLE1

    is_3a = tuple(filters) == GOOGLENET_TABLE1["3a"] and tuple(input_shape) == (28, 28, 192)
    _panel(ax, specs["reduced"], 6.8, 6.0, "(나) 차원 축소 인셉션 모듈" + (" (GoogLeNet 3a)" if is_3a else ""))
    ax.plot([6.5, 6.5], [0.3, 5.5], color="#cbd5e1", lw=1)
    return fig


# ---------------------------------------------------------------------------------------------------------------
# GoogLeNet 전체 그림: 줄기, 인셉션 모듈 9개, 해상도를 줄이는 곳, 보조 분류기 두 개 (실제 모델에서 읽음)

_STRIDED_EDGE = "#dc2626"
_AUX_FACE = "#e5e7eb"  # 보조 분류기: 주 경로의 어느 계층 색과도 겹치지 않는 회색


def _layer_label(layer) -> str:
    """계층 하나를 그림에 적는 이름: '7×7/2 합성곱 64', '3×3/2 최대 풀링', '전역 평균 풀링', '완전 연결 1,024' …"""
    kind = type(layer).__name__
    strides = getattr(layer, "strides", (1, 1))
    step = f"/{strides[0]}" if strides and strides[0] != 1 else ""
    if kind == "Conv2D":
        return f"{layer.kernel_size[0]}×{layer.kernel_size[1]}{step} 합성곱 {layer.filters}"
    if kind == "MaxPooling2D":
        return f"{layer.pool_size[0]}×{layer.pool_size[1]}{step} 최대 풀링"
    if kind == "AveragePooling2D":
        return f"{layer.pool_size[0]}×{layer.pool_size[1]}{step} 평균 풀링"
    if kind == "GlobalAveragePooling2D":
        return "전역 평균 풀링"
    if kind == "Dropout":
        return f"드롭아웃 {layer.rate:.0%}"
    if kind == "Flatten":
        return "평면화"
    if kind == "Dense":
        return f"완전 연결 {layer.units:,}"
    return kind


def _producer(model, tensor):
    """tensor를 출력으로 내는 계층 (없으면 None)."""
    for layer in model.layers:
        if layer.output is tensor:
            return layer
    return None


def _weight_depth(model) -> int:
    """입력에서 주 출력까지 가장 긴 길에 놓인 가중치 계층(합성곱·완전 연결) 수 (논문이 말하는 '22계층')."""
    keras = _lazy.keras()
    depth = {}
    for layer in model.layers:
        inputs = layer.input if isinstance(layer.input, (list, tuple)) else [layer.input]
        before = max((depth.get(id(t), 0) for t in inputs), default=0)
        own = isinstance(layer, (keras.layers.Conv2D, keras.layers.Dense))
        depth[id(layer.output)] = before + own
    return depth[id(model.outputs[0])]


def googlenet_specs(model=None) -> dict:
    """GoogLeNet 모델에서 그림에 쓸 것을 읽습니다 (모델을 주지 않으면 `models.googlenet(aux_heads=True)`).

    돌려주는 dict: 'input'(입력 모양), 'units'(주 경로의 단위 목록: 줄기의 계층 하나 또는 인셉션 모듈 하나씩,
    각각 {'name', 'label', 'shape', 'params', 'strided', 'kind'}), 'aux'(보조 분류기마다 {'name', 'after'(붙은 모듈),
    'layers'(계층 이름 목록), 'shape', 'params'}), 'depth'(가중치 계층 수), 'params'(주 경로의 매개변수),
    'aux_params'(보조 분류기의 매개변수 합). 드롭아웃은 바로 뒤 분류 계층의 단위에 합칩니다.

    >>> specs = googlenet_specs()
    >>> [u["name"] for u in specs["units"] if u["kind"] == "module"]
    ['3a', '3b', '4a', '4b', '4c', '4d', '4e', '5a', '5b']
    >>> [a["after"] for a in specs["aux"]], specs["depth"]
    (['4a', '4d'], 22)
    """
    keras = _lazy.keras()
    if model is None:
        from ..models import googlenet

        model = googlenet(aux_heads=True)
    units: list[dict] = []
    aux: dict[str, dict] = {}
    dropout = None
    for layer in model.layers:
        kind = type(layer).__name__
        if kind == "InputLayer":
            continue
        name = layer.name
        shape = tuple(int(d) for d in layer.output.shape[1:])
        params = int(layer.count_params())
        head = name.split("_")[0]
        if head.startswith("aux"):
            entry = aux.setdefault(head, {"name": head, "after": None, "layers": [], "labels": [], "shape": shape,
                                          "params": 0})
            if entry["after"] is None:
                source = _producer(model, layer.input)
                entry["after"] = source.name.split("_")[1] if source is not None else None
            entry["layers"].append(name)
            if kind not in ("Flatten",):
                entry["labels"].append(_layer_label(layer) if name != f"{head}_predictions"
                                       else f"분류 {layer.units:,}")
            entry["params"] += params
            entry["shape"] = shape
            continue
        if name.startswith("inception_"):
            key = name.split("_")[1]
            if not units or units[-1]["name"] != key:
                units.append({"name": key, "label": f"인셉션 {key}", "kind": "module", "shape": shape, "params": 0,
                              "strided": False})
            units[-1]["params"] += params
            units[-1]["shape"] = shape
            continue
        if kind == "Dropout":
            dropout = layer
            continue
        label = _layer_label(layer)
        if kind == "Dense" and name == "predictions":
            label = "분류"  # 클래스 수는 아래 줄의 출력 모양에 나옵니다
            if dropout is not None:
                label = f"{_layer_label(dropout)},\n{label}"
        strides = getattr(layer, "strides", (1, 1))
        units.append({"name": name, "label": label, "kind": _model_kind(layer), "shape": shape, "params": params,
                      "strided": bool(strides) and tuple(strides) != (1, 1)})
    main_params = sum(u["params"] for u in units)
    return {"input": tuple(int(d) for d in model.inputs[0].shape[1:]), "units": units, "aux": list(aux.values()),
            "depth": _weight_depth(keras.Model(model.inputs, model.outputs[0])), "params": main_params,
            "aux_params": sum(a["params"] for a in aux.values())}


def _model_kind(layer) -> str:
    from ._model import layer_kind

    return layer_kind(layer)


def _unit_text(unit) -> str:
    label = unit["label"]
    if unit["kind"] in ("conv", "pool") and " " in label and "\n" not in label:
        label = label.replace(" ", "\n", 1)  # '3×3/2 최대 풀링' → '3×3/2' / '최대 풀링'
    lines = [label, shape_text(unit["shape"])]
    if unit["kind"] == "module":
        lines.append(f"매개변수 {unit['params'] / 1e3:,.0f}K")
    return "\n".join(lines)


def draw_googlenet(model=None, *, split_before: str = "4a"):
    """GoogLeNet 전체를 두 줄로 그린 Figure를 돌려줍니다 (모델을 주지 않으면 `models.googlenet(aux_heads=True)`).

    위 줄: 입력, 줄기, 인셉션 3a·3b, 풀링. 아래 줄: 4a~4e, 풀링, 5a·5b, 전역 평균 풀링, 분류.
    빨간 테두리는 스트라이드 2로 가로·세로를 반으로 줄이는 계층, 맨 아래 회색 점선 상자는 보조 분류기입니다
    (주 경로의 분류 계층과 색이 달라, 추론할 때 버리는 것이 보조 분류기뿐임을 보입니다).
    글(이름, 출력 모양, 매개변수)은 모두 `googlenet_specs(model)`이 실제 모델에서 읽은 값입니다.
    split_before: 아래 줄을 시작할 인셉션 모듈 이름.
    """
    specs = googlenet_specs(model)
    units = [{"name": "입력", "label": "입력", "kind": "input", "shape": specs["input"], "params": 0,
              "strided": False}] + specs["units"]
    split = next((i for i, u in enumerate(units) if u["name"] == split_before), len(units) // 2)
    rows = [units[:split], units[split:]]
    per_row = max(len(r) for r in rows)
    width = 13.0
    gap = 0.2
    w = (width - 0.4 - (per_row - 1) * gap) / per_row
    h = 1.1
    has_aux = bool(specs["aux"])
    height = 6.7 if has_aux else 4.6
    fig, ax = _draw.canvas(width, height)
    tops = [height - 0.85, height - 2.75]
    centres = {}
    for r, row in enumerate(rows):
        y = tops[r] - h
        for i, unit in enumerate(row):
            x = 0.2 + i * (w + gap)
            patch = _draw.box(ax, x, y, w, h, _unit_text(unit), kind=unit["kind"] if unit["kind"] != "module"
                              else "concat", fontsize=8.4)
            if unit["strided"]:
                patch.set_edgecolor(_STRIDED_EDGE)
                patch.set_linewidth(2.2)
                ax.text(x + w / 2, y + h + 0.08, "가로·세로 ½", ha="center", va="bottom", fontsize=8,
                        color=_STRIDED_EDGE)
            if i:
                _draw.arrow(ax, (x - gap, y + h / 2), (x, y + h / 2))
            centres[unit["name"]] = (x + w / 2, y)
    # 위 줄 끝에서 아래 줄 처음으로 꺾이는 화살표
    last_x = 0.2 + (len(rows[0]) - 1) * (w + gap) + w / 2
    first_x = 0.2 + w / 2
    turn_y = (tops[0] - h + tops[1]) / 2 + 0.05
    ax.plot([last_x, last_x, first_x], [tops[0] - h, turn_y, turn_y], color=_draw.EDGE, lw=1.2)
    _draw.arrow(ax, (first_x, turn_y), (first_x, tops[1]))

    for aux in specs["aux"]:
        cx, y_top = centres.get(aux["after"], (width / 2, tops[1] - h))
        aw, ah = 2.3, 1.85
        ax_ = min(max(cx - aw / 2, 0.2), width - 0.2 - aw)
        ay = y_top - 0.3 - ah
        number = aux["name"].removeprefix("aux")
        labels = aux["labels"][:3] + [", ".join(aux["labels"][3:])]
        text = f"보조 분류기 {number} ({aux['after']} 뒤)\n" + "\n".join(labels) + f"\n매개변수 {aux['params']:,}"
        patch = _draw.box(ax, ax_, ay, aw, ah, text, color=_AUX_FACE, fontsize=8.2, linespacing=1.45)
        patch.set_linestyle((0, (4, 2)))  # 점선: 학습할 때만 있는 부분
        _draw.arrow(ax, (cx, y_top), (cx, ay + ah), color="#64748b")

    ax.text(width / 2, height - 0.2,
            f"GoogLeNet 전체: 줄기, 인셉션 모듈 {sum(u['kind'] == 'module' for u in units)}개, 전역 평균 풀링, 분류  "
            f"(가중치 계층 {specs['depth']}개, 매개변수 {specs['params']:,}개)", ha="center", va="center", fontsize=11)
    legend = "빨간 테두리: 스트라이드 2로 가로·세로를 반으로 줄이는 계층 · 분홍 상자: 인셉션 모듈(가지 네 개를 이어 붙임)"
    if has_aux:
        legend += f"\n회색 점선 상자: 보조 분류기. 학습할 때만 쓰고 추론할 때는 버립니다 (두 개 합쳐 매개변수 {specs['aux_params']:,}개)"
    ax.text(width / 2, 0.3, legend, ha="center", va="center", fontsize=9, linespacing=1.5)
    return fig
