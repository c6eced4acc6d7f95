"""5강 LeNet-5 그림: 텐서(직육면체·막대)와 그 텐서를 만든 계층, 출력 모양과 매개변수 수.

모양과 매개변수 수는 손으로 적지 않고 실제 Keras 모델에서 읽습니다 (`layer_specs`). 기본 모델은
`cnn_helpers.models.lenet5()`이고, 입력 크기를 바꾼 모델(예: `lenet5(input_shape=(32, 32, 1))`)을 주면
그 모델의 숫자로 그립니다.
"""

from __future__ import annotations

import math

from ._draw import EDGE, box, canvas, cuboid
from ._model import layer_specs, shape_text

__all__ = ["draw_lenet5"]


def _operation(layer) -> str:
    """계층이 하는 일을 짧은 한국어로 (필터 크기·개수·패딩, 풀링 크기, 완전 연결의 출력 수)."""
    kind = type(layer).__name__
    config = layer.get_config()
    names = {"softmax": "소프트맥스", "relu": "ReLU", "linear": "활성화 없음"}
    if kind == "Conv2D":
        kh, kw = config["kernel_size"]
        activation = names.get(config.get("activation"), config.get("activation"))
        return f"합성곱 {kh}×{kw}, {activation}\n필터 {config['filters']}개, {config['padding']}"
    if kind in ("MaxPooling2D", "AveragePooling2D"):
        ph, pw = config["pool_size"]
        name = "최대" if kind == "MaxPooling2D" else "평균"
        return f"{name} 풀링\n{ph}×{pw}"
    if kind == "Flatten":
        return "평면화"
    if kind == "Dense":
        activation = config.get("activation")
        return f"완전 연결\n{names.get(activation, activation)}"
    return kind


def lenet5_parts(model=None) -> list[dict]:
    """그릴 텐서마다 {'name', 'kind', 'shape', 'params', 'operation'}를 차례로 돌려줍니다 (그리지 않음).

    model: Sequential 또는 함수형 Keras 모델 (기본값: `cnn_helpers.models.lenet5()`).
    첫 항목은 입력 텐서이고, 나머지는 계층마다 그 계층이 만든 텐서입니다.
    """
    if model is None:
        from ..models import lenet5

        model = lenet5()
    if not hasattr(model, "layers") or not hasattr(model, "inputs"):
        raise TypeError(f"model은 Keras 모델이어야 합니다. 받은 값: {type(model).__name__}")
    try:
        specs = layer_specs(model)
    except (AttributeError, ValueError) as exc:
        raise ValueError(
            "계층의 출력 모양을 읽을 수 없습니다: Sequential이나 함수형 모델을 주세요 "
            "(서브클래싱 모델은 계층의 출력 모양을 미리 알 수 없습니다)."
        ) from exc
    parts = []
    for spec in specs:
        operation = "" if spec["kind"] == "input" else _operation(model.get_layer(spec["name"]))
        parts.append({**spec, "operation": operation})
    return parts


def _tensor_size(shape, biggest: int) -> tuple[float, float, float]:
    """텐서 그림의 (앞면 너비, 앞면 높이, 깊이) (인치). 3-D 텐서는 직육면체, 1-D는 세로 막대."""
    if len(shape) == 3:
        side = 0.35 + 1.25 * shape[0] / biggest
        return side * shape[1] / shape[0], side, 0.12 + 0.5 * math.log2(1 + shape[2]) / math.log2(17)
    return 0.2, 0.3 + 0.45 * math.log10(max(int(shape[0]), 1)), 0.0


def draw_lenet5(model=None, *, title: str | None = None):
    """LeNet-5를 텐서(직육면체·막대)와 계층으로 그리고 Figure를 돌려줍니다.

    텐서마다 위에 그 텐서를 만든 계층(이름과 하는 일), 아래에 출력 모양과 그 계층의 매개변수 수를 적습니다.
    숫자는 모두 model(기본값 `cnn_helpers.models.lenet5()`)에서 읽습니다.
    """
    parts = lenet5_parts(model)
    biggest = max(p["shape"][0] for p in parts if len(p["shape"]) == 3)
    sizes = [_tensor_size(p["shape"], biggest) for p in parts]
    gap = 0.3
    width = 0.4 + sum(max(w + d * 0.6, 1.0) + gap for w, _, d in sizes)
    height = 3.7
    total = sum(p["params"] for p in parts)
    if title is None:
        title = f"LeNet-5: 계층마다의 출력 모양과 매개변수 수 (모두 {total:,}개)"
    fig, ax = canvas(width, height, title=title)
    # 축이 그림의 아래쪽 width×height 인치를 꼭 채우게 합니다 (제목은 위 0.4인치에).
    fig.set_size_inches(width, height + 0.4)
    ax.set_position([0, 0, 1, height / (height + 0.4)])
    middle = 1.8  # 텐서의 가운데 높이: 위에는 계층 이름과 하는 일, 아래에는 모양과 매개변수 수
    x = 0.3
    previous_right = None
    for part, (w, h, depth) in zip(parts, sizes):
        slot = max(w + depth * 0.6, 1.0)
        left = x + (slot - w - depth * 0.6) / 2
        bottom = middle - h / 2
        if len(part["shape"]) == 3:
            cuboid(ax, left, bottom, w, h, depth, kind=part["kind"])
        else:
            box(ax, left, bottom, w, h, kind=part["kind"])
        centre = left + (w + depth * 0.6) / 2
        ax.text(centre, 3.3, part["name"], ha="center", va="bottom", fontsize=10)
        ax.text(centre, 3.25, part["operation"], ha="center", va="top", fontsize=8.5, color=EDGE, linespacing=1.2)
        ax.text(centre, 0.82, shape_text(part["shape"]), ha="center", va="top", fontsize=10)
        if part["kind"] != "input":
            ax.text(centre, 0.52, f"매개변수\n{part['params']:,}", ha="center", va="top", fontsize=8.5,
                    color=EDGE, linespacing=1.15)
        if previous_right is not None:
            ax.annotate("", xy=(left - 0.05, middle), xytext=(previous_right + 0.05, middle),
                        arrowprops=dict(arrowstyle="->", color=EDGE, lw=1.1))
        previous_right = left + w + depth * 0.6
        x += slot + gap
    return fig
