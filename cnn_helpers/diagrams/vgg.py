"""VGG-16 구조 그림: 블록 다섯 개(합성곱 2·2·3·3·3개, 블록마다 최대 풀링)와 완전 연결 계층.

`draw_vgg_blocks`는 블록 안의 3×3 합성곱을 하나하나 판으로 그립니다(쌓은 합성곱이 보이게).
`draw_vgg16`은 블록마다 풀링한 출력 하나만 정육면체로 그립니다.

블록마다 얇은 주황 판(최대 풀링)을 먼저 그리고 그 뒤에 풀링한 출력을 정육면체로 그립니다(아래 글은 그 모양).
도형 크기: 가로·세로는 제곱근 눈금, 판의 두께는 채널 수에 따라 거의 선형, 벡터 막대의 길이는 유닛 수의 로그 눈금입니다(그림에도 적음).

블록마다 출력 모양과 매개변수 수는 실제 모델에서 읽습니다 (`vgg_stages`), 그래서 그림과 모델이 어긋날 수
없습니다. 모델을 주지 않으면 `cnn_helpers.models.vgg16()`(keras.applications.VGG16(weights=None)과 같은
구성, 내려받기 없음)을 만들어 씁니다.
"""

from __future__ import annotations

import math

from . import _draw
from ._model import layer_specs, shape_text

__all__ = ["draw_vgg_blocks"]


def vgg_stages(model) -> list[dict]:
    """VGG 모델을 그림의 묶음으로 묶습니다: 입력, 블록(block1…), 평면화, 완전 연결 계층(fc1, fc2, predictions).

    계층 이름의 앞부분('block3_conv1' → 'block3', 'fc1_dropout' → 'fc1')으로 묶고, 묶음마다
    {'name', 'kind'('input'/'block'/'flatten'/'dense'), 'convs'(합성곱 수), 'filters', 'shape'(마지막 출력 모양),
    'params'(매개변수 합), 'activation'(완전 연결 계층의 활성화 함수 이름)}를 돌려줍니다.
    """
    specs = layer_specs(model)
    layers = {layer.name: layer for layer in model.layers}
    stages: list[dict] = []
    for spec in specs:
        if spec["kind"] == "input":
            stages.append({"name": "입력", "kind": "input", "convs": 0, "filters": None, "shape": spec["shape"],
                           "params": 0, "activation": None})
            continue
        group = spec["name"].split("_")[0]
        if not stages or stages[-1]["name"] != group:
            kind = "block" if group.startswith("block") else ("flatten" if spec["kind"] == "flatten" else "dense")
            stages.append({"name": group, "kind": kind, "convs": 0, "filters": None, "shape": spec["shape"],
                           "params": 0, "activation": None})
        stage = stages[-1]
        stage["params"] += spec["params"]
        stage["shape"] = spec["shape"]
        if spec["kind"] == "conv":
            stage["convs"] += 1
            stage["filters"] = spec["shape"][-1]
        if spec["kind"] == "dense":
            activation = getattr(layers[spec["name"]], "activation", None)
            stage["activation"] = getattr(activation, "__name__", None)
    return stages


_ACTIVATIONS = {"relu": "ReLU", "softmax": "소프트맥스", "linear": "활성화 없음"}


def _slab(ax, x, y, thick, side, kind):
    """특징 맵 하나를 옆에서 본 판으로: 앞면 폭은 채널(두께), 높이와 비스듬한 깊이는 가로·세로."""
    _draw.cuboid(ax, x, y, thick, side, side * 0.5, kind=kind)
    return x + thick + side * 0.5 * 0.6  # 판의 오른쪽 끝 (비스듬한 면까지)


NUMBER_COLOR = "#7c3aed"  # 매개변수 수의 글색(보라): 하늘색 합성곱 판과 다른 색


def draw_vgg_blocks(model=None, *, title: str | None = "VGG-16: 블록마다 3×3 합성곱을 2~3개 쌓고, 최대 풀링으로 크기를 절반으로"):
    """VGG의 블록 안을 그립니다: 합성곱 계층마다 파란 판 하나, 블록 끝의 최대 풀링은 주황 판 하나.

    판의 높이는 특징 맵의 가로·세로(제곱근 눈금), 두께는 채널 수(거의 선형)입니다. 마지막 계층(predictions)은 '출력'이라 적습니다. 블록마다 위에 합성곱 수와
    채널 수, 아래에 풀링 뒤 출력 모양과 매개변수 합을 적습니다. 모두 실제 모델의 계층에서 읽습니다.
    model: VGG 모양의 Keras 모델 (None이면 `models.vgg16()`). Figure를 돌려줍니다.
    """
    if model is None:
        from ..models import vgg16

        model = vgg16()
    specs = layer_specs(model)
    stages = vgg_stages(model)
    maps = [s for s in specs if len(s["shape"]) == 3]
    biggest = max(s["shape"][0] for s in maps)
    widest = max(s["shape"][-1] for s in maps)

    def side(shape):
        return 0.35 + 1.45 * math.sqrt(shape[0] / biggest)

    def thick(shape):  # 채널 수에 따라 거의 선형으로 (64채널 판은 512채널 판의 5분의 1 남짓)
        return 0.04 + 0.32 * shape[-1] / widest

    gap, base, height = 0.08, 1.45, 5.0
    # 묶음마다 판들의 가로 위치를 먼저 정합니다 (그림 폭을 알아야 도화지를 만들 수 있음)
    plans, x = [], 0.25
    for stage in stages:
        members = [s for s in specs if s["name"] == stage["name"] or s["name"].startswith(stage["name"] + "_")]
        if stage["kind"] == "input":
            members = [specs[0]]
        start, slabs = x, []
        if stage["kind"] in ("input", "block"):
            for spec in members:
                if spec["kind"] not in ("input", "conv", "pool"):
                    continue
                slabs.append((x, spec))
                x = x + thick(spec["shape"]) + gap
            right = max(sx + thick(sp["shape"]) + side(sp["shape"]) * 0.3 for sx, sp in slabs)
            x = max(x, right)
            width = max(x - start, 1.05)
        else:
            width = 0.75
        plans.append((stage, start, width, slabs))
        x = start + width + 0.3
    fig, ax = _draw.canvas(x + 0.1, height, title=title)

    for i, (stage, start, width, slabs) in enumerate(plans):
        center = start + width / 2
        if slabs:
            for sx, spec in slabs:
                _slab(ax, sx, base, thick(spec["shape"]), side(spec["shape"]), spec["kind"])
        else:  # 벡터(평면화, 완전 연결): 세로 막대, 길이는 유닛 수(로그 눈금)
            units = stage["shape"][0]
            bar = 0.3 + 1.2 * math.log2(1 + units) / math.log2(1 + 25088)
            _draw.box(ax, center - 0.1, base, 0.2, min(bar, 1.6), kind="flatten" if stage["kind"] == "flatten" else "dense")
        if i:
            _draw.arrow(ax, (start - 0.27, base - 0.12), (start - 0.03, base - 0.12))
        if stage["kind"] == "input":
            heading, body = "입력", {3: "RGB 이미지", 1: "흑백 이미지"}.get(stage["shape"][-1], "이미지")
        elif stage["kind"] == "block":
            heading = f"블록 {stage['name'][len('block'):]}"
            conv = next(sp["shape"] for _, sp in slabs if sp["kind"] == "conv")  # 합성곱 판의 모양 (풀링 앞)
            body = f"3×3 합성곱 ×{stage['convs']}\n{conv[0]}×{conv[1]}, {stage['filters']}채널\n+ 최대 풀링"
        elif stage["kind"] == "flatten":
            heading, body = "평면화", ""
        else:
            heading = "출력" if stage["name"] == "predictions" else stage["name"]
            body = f"완전 연결\n{_ACTIVATIONS.get(stage['activation'], stage['activation'])}"
        ax.text(center, height - 0.3, heading, ha="center", va="top", fontsize=10)
        if body:
            ax.text(center, height - 0.6, body, ha="center", va="top", fontsize=8, linespacing=1.3)
        ax.text(center, base - 0.3, shape_text(stage["shape"]), ha="center", va="top", fontsize=8)
        ax.text(center, base - 0.58, f"{stage['params']:,}", ha="center", va="top", fontsize=8, color=NUMBER_COLOR)
    total = sum(s["params"] for s in stages)
    from matplotlib.patches import Patch

    # 범례: 색 판은 색 견본과 함께, 아래 글의 두 색(검정, 보라)은 그 색의 글로 적습니다.
    # 숫자는 합성곱 판(하늘색)과 헷갈리지 않게 보라색입니다.
    handles = [Patch(facecolor=_draw.COLORS["conv"], edgecolor=_draw.EDGE, label="3×3 합성곱 한 계층의 출력"),
               Patch(facecolor=_draw.COLORS["pool"], edgecolor=_draw.EDGE, label="2×2 최대 풀링의 출력"),
               Patch(visible=False, label="검은 글: 그 묶음(블록·계층)의 마지막 출력 모양(블록은 풀링 뒤)"),
               Patch(visible=False, label=f"보라 숫자: 매개변수 수 — 합계 {total:,}개")]
    legend = ax.legend(handles=handles, loc="lower center", bbox_to_anchor=((x + 0.1) / 2, 0.3),
                       bbox_transform=ax.transData, ncol=4, frameon=False, fontsize=9, handlelength=1.6,
                       columnspacing=1.6, handletextpad=0.5)
    legend.get_texts()[3].set_color(NUMBER_COLOR)
    # 작은 글씨에서 겹받침(ㄶ)이 점처럼 뭉개져 보이므로 "않고", "많을수록"을 쓰지 않습니다.
    ax.text((x + 0.1) / 2, 0.04, "판의 높이는 가로·세로를 제곱근 눈금으로 나타내 실제 비율과 다르고, 두께는 채널 수가 클수록 두꺼움",
            ha="center", va="bottom", fontsize=9, color=_draw.EDGE)
    return fig
