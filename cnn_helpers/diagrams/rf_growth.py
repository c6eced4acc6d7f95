"""2차원 수용 영역이 계층마다 자라는 모습: 입력 격자 위에 계층 1, 2, 3 …의 수용 영역을 겹친 상자로 그립니다.

상자의 크기와 위치는 손으로 적지 않습니다. 계층 목록으로 채널 1개짜리 Keras 모델을 실제로 만들고
`analysis.receptive_field` 표(rf, jump)와 `receptive_field_box`로 읽습니다. 그래서 그림은 재귀식
r_l = r_(l−1) + d(f_l − 1)·j_(l−1), j_l = j_(l−1)·s_l과 어긋날 수 없습니다.
"""

from __future__ import annotations

from .. import _lazy
from .._validate import check_int
from . import _draw

__all__ = ["rf_growth_boxes", "draw_rf_growth"]

_KINDS = {"conv": "합성곱", "pool": "최대 풀링"}
MAX_DRAWN_RF = 40


def _layer_spec(layer) -> tuple[str, int, int, int]:
    """(종류, 커널, 스트라이드[, 팽창])을 검사해 (종류, 커널, 스트라이드, 팽창)으로 돌려줍니다."""
    if not isinstance(layer, (tuple, list)) or len(layer) not in (3, 4):
        raise ValueError(
            f"계층 {layer!r}: (종류, 커널, 스트라이드) 또는 (종류, 커널, 스트라이드, 팽창)으로 적으세요. "
            "예: ('conv', 3, 1), ('pool', 2, 2)."
        )
    kind = layer[0]
    if kind not in _KINDS:
        raise ValueError(f"계층 {layer!r}: 종류는 'conv'(합성곱) 또는 'pool'(최대 풀링)이어야 합니다.")
    kernel = check_int("kernel", layer[1], minimum=1)
    stride = check_int("stride", layer[2], minimum=1)
    dilation = check_int("dilation", layer[3], minimum=1) if len(layer) == 4 else 1
    if dilation > 1 and (kind == "pool" or stride > 1):
        raise ValueError(f"계층 {layer!r}: 팽창은 스트라이드 1인 합성곱에만 씁니다 (Keras와 같은 제약).")
    return kind, kernel, stride, dilation


def _table(specs):
    """specs로 채널 1개, 'valid' 패딩인 모델을 만들어 receptive_field 표를 돌려줍니다."""
    keras = _lazy.keras()
    from ..analysis import receptive_field

    size = 8
    for _kind, kernel, stride, dilation in specs:  # 마지막 계층의 출력이 1칸 이상 남을 만큼 넉넉한 입력
        size = size * stride + dilation * (kernel - 1) + 8
    stack = [keras.Input((size, size, 1))]
    for i, (kind, kernel, stride, dilation) in enumerate(specs, start=1):
        if kind == "pool":
            stack.append(keras.layers.MaxPooling2D(kernel, strides=stride, name=f"layer{i}"))
        else:
            stack.append(keras.layers.Conv2D(1, kernel, strides=stride, dilation_rate=dilation, name=f"layer{i}"))
    return receptive_field(keras.Sequential(stack))


def rf_growth_boxes(layers, *, margin: int = 2) -> dict:
    """계층마다 수용 영역 상자를 계산합니다 (그림은 `draw_rf_growth`).

    layers: ``(종류, 커널, 스트라이드)`` 또는 ``(종류, 커널, 스트라이드, 팽창)``의 목록. 종류는 'conv' 또는 'pool'.
    마지막 계층의 칸 하나를 고르고, 앞 계층마다 그 칸의 수용 영역 가운데에 가장 가까운 칸의 수용 영역을 구합니다.

    Returns:
        ``{"size": 격자 한 변, "layers": [...]}``. 계층마다 dict(번호, 종류, 커널, 스트라이드, 팽창, rf, jump,
        box=(top, left, bottom, right)); box는 격자 좌표(bottom·right는 포함하지 않음)이고, 마지막 계층의 상자
        둘레에 margin칸을 남긴 격자입니다.

    >>> [(d["rf"], d["jump"]) for d in rf_growth_boxes([("conv", 3, 1), ("conv", 3, 1), ("pool", 2, 2)])["layers"]]
    [(3, 1), (5, 1), (6, 2)]
    """
    from ..analysis import receptive_field_box

    if isinstance(layers, (str, bytes)) or not hasattr(layers, "__len__") or len(layers) == 0:
        raise ValueError("layers: 계층을 하나 이상 담은 목록을 주세요. 예: [('conv', 3, 1), ('conv', 3, 1)].")
    margin = check_int("margin", margin, minimum=0)
    specs = [_layer_spec(layer) for layer in layers]
    table = _table(specs)
    last = table.iloc[-1]
    r_last = int(last["rf"])
    centre2 = r_last - 1  # 마지막 계층 0번 칸 수용 영역 중심의 두 배 ('valid' 패딩이라 0번 칸은 0에서 시작)
    out = []
    for number, ((kind, kernel, stride, dilation), (_, row)) in enumerate(zip(specs, table.iterrows()), start=1):
        rf, jump = int(row["rf"]), int(row["jump"])
        cell = max(0, round((centre2 - (rf - 1)) / (2 * jump) - 1e-9))  # 중심이 가장 가까운 칸 (같으면 앞 칸)
        top, left, bottom, right = receptive_field_box((rf, jump, 0), cell, cell, 10**6)
        out.append({"번호": number, "종류": kind, "커널": kernel, "스트라이드": stride, "팽창": dilation,
                    "rf": rf, "jump": jump,
                    "box": (top + margin, left + margin, bottom + margin, right + margin)})
    return {"size": r_last + 2 * margin, "layers": out}


def _label(d) -> str:
    k = d["커널"]
    what = f"{k}×{k} {_KINDS[d['종류']]}"
    extra = f", 스트라이드 {d['스트라이드']}" if d["스트라이드"] > 1 else ""
    extra += f", 팽창 {d['팽창']}" if d["팽창"] > 1 else ""
    return f"{d['번호']}계층 ({what}{extra}): r = {d['rf']}, j = {d['jump']}"


def draw_rf_growth(stacks, *, margin: int = 2):
    """입력 격자 위에 계층마다의 수용 영역을 겹친 상자로 그린 그림(Figure)을 돌려줍니다.

    stacks: 계층 목록 하나(`rf_growth_boxes`와 같은 형식) 또는 {패널 제목: 계층 목록} dict(패널을 나란히).
    작은 칸 하나가 입력 화소 하나입니다. 진한 상자일수록 앞 계층이고, 바깥 상자일수록 뒤 계층입니다.
    """
    from matplotlib import patches
    from matplotlib import pyplot as plt

    if not isinstance(stacks, dict):
        stacks = {"": stacks}
    if not stacks:
        raise ValueError("stacks: 그릴 계층 목록을 하나 이상 주세요.")
    data = {title: rf_growth_boxes(layers, margin=margin) for title, layers in stacks.items()}
    for title, d in data.items():
        if d["size"] - 2 * margin > MAX_DRAWN_RF:
            raise ValueError(
                f"{title or 'layers'}: 마지막 수용 영역 {d['size'] - 2 * margin}화소는 격자로 읽기에 너무 큽니다 "
                f"({MAX_DRAWN_RF}화소까지 그립니다). 수치는 rf_growth_boxes로 보세요."
            )
    _draw.use_korean_font()
    panels = len(data)
    rows = max(len(d["layers"]) for d in data.values())  # 범례 줄 수
    fig, axes = plt.subplots(1, panels, figsize=(4.2 * panels, 5.0 + 0.32 * rows), squeeze=False,
                             layout="constrained")
    cmap = plt.cm.Blues
    for ax, (title, d) in zip(axes[0], data.items()):
        n, layers = d["size"], d["layers"]
        for k in range(n + 1):  # 화소 격자 (상자 위에 그려서 칸을 셀 수 있게)
            ax.plot([0, n], [k, k], color="#64748b", lw=0.4, alpha=0.5, zorder=20)
            ax.plot([k, k], [0, n], color="#64748b", lw=0.4, alpha=0.5, zorder=20)
        count = len(layers)
        for i, layer in reversed(list(enumerate(layers))):  # 바깥(뒤 계층)부터 칠해야 안쪽이 보입니다
            top, left, bottom, right = layer["box"]
            shade = cmap(0.25 + 0.6 * (count - i) / count)
            ax.add_patch(patches.Rectangle((left, top), right - left, bottom - top, facecolor=shade,
                                           edgecolor=_draw.EDGE, lw=1.4, zorder=2 + count - i,
                                           label=_label(layer)))
        ax.set_xlim(0, n)
        ax.set_ylim(n, 0)  # 행 0이 위
        ax.set_aspect("equal")
        ax.set_xticks([])
        ax.set_yticks([])
        ax.set_xlabel(f"입력 {n}×{n} 화소 (작은 칸 하나 = 화소 하나)", fontsize=9)
        if title:
            ax.set_title(title, fontsize=11)
        handles, labels = ax.get_legend_handles_labels()
        ax.legend(handles[::-1], labels[::-1], loc="upper center", bbox_to_anchor=(0.5, -0.07), fontsize=8.5,
                  frameon=False)
    fig.suptitle("계층을 쌓을 때 출력 한 칸의 수용 영역", fontsize=12)
    return fig
