"""7강 구조 그림: 단순 인셉션 모듈과 차원 축소 인셉션 모듈을 나란히 (Szegedy et al. 2014, 그림 2).

그림의 채널 수와 매개변수 수는 손으로 적지 않습니다. `models.naive_inception_block`과
`models.inception_block`으로 실제 블록을 만들고 `layer_specs`로 읽습니다.
"""

from __future__ import annotations

from .. import _lazy
from . import _draw
from ._model import layer_specs

__all__ = ["inception_module_specs", "draw_inception_modules"]

# 계층 이름의 접미사 → 가지 번호 (0: 1×1, 1: 3×3, 2: 5×5, 3: 풀링). 가지 안에서는 이 순서로 쌓입니다.
_BRANCHES = {"1x1": 0, "3x3_reduce": 1, "3x3": 1, "5x5_reduce": 2, "5x5": 2, "pool": 3, "pool_proj": 3}
# 채널을 줄이거나(reduce) 맞추는(proj) 1×1 합성곱: 그림에서 따로 칠합니다.
_REDUCTIONS = ("3x3_reduce", "5x5_reduce", "pool_proj")
_REDUCTION_COLOR = "#fff3b0"


def _shape_text(shape) -> str:
    return "×".join(str(int(d)) for d in shape)


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
    _draw.box(ax, centre - in_w / 2, y_in, in_w, 0.55, f"이전 계층\n{_shape_text(module['input']['shape'])}",
              kind="input", fontsize=8.5)
    out = module["output"]
    channels = [branch[-1]["shape"][-1] for branch in module["branches"]]
    out_w = 3.4
    _draw.box(ax, centre - out_w / 2, y_out, out_w, 0.62,
              f"채널 축으로 이어 붙이기 {_shape_text(out['shape'])}\n"
              f"{' + '.join(str(c) for c in channels)} = {out['shape'][-1]}채널", kind="concat", fontsize=8.5)

    for i, branch in enumerate(module["branches"]):
        x = x0 + i * (w + gap)
        deep = max(len(b) for b in module["branches"]) > 1
        levels = [y_low, y_high] if len(branch) > 1 else [y_high if deep else (y_low + y_high) / 2]
        start = (centre + (x + w / 2 - centre) * 0.35, y_in + 0.55)
        for layer, y in zip(branch, levels):
            text = f"{layer['label']}\n{_shape_text(layer['shape'])}\n매개변수 {layer['params']:,}"
            _draw.box(ax, x, y, w, h, text, kind=layer["kind"], fontsize=8,
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
