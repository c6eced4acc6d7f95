"""슬라이딩 창(sliding window) 탐색기: 합성곱·풀링의 창이 한 칸씩 움직이는 모습을 보여 줍니다.

구성은 세 층입니다.

1. **순수한 계산 (프레임 모델)** — `sliding_layout`, `sliding_steps`, `step_formula`,
   `output_size_formula`, `assemble_output`. numpy만 씁니다. 단계(`Step`)마다 출력 위치, 창이 덮는
   칸(패딩한 입력 기준 좌표), 값, 곱, 결과가 들어 있고, 모든 단계를 모으면 `ops.conv2d` /
   `ops.pool2d`(= TensorFlow)와 정확히 같은 출력이 됩니다.
2. **그리기** — 격자를 matplotlib 없이 numpy 배열에 바로 그립니다. 배경(격자, 숫자)은 설정이 바뀔
   때 한 번만 만들고, 단계마다 칸 몇 개를 배경의 색칠된 복사본에서 잘라 붙인 뒤 PNG로 바꿉니다.
   글자는 번들 나눔고딕으로 한 번 그린 모양(마스크)을 캐시해서 씁니다.
3. **화면** — `conv_explorer`, `pool_explorer`(ipywidgets 7·8 모두에 있는 기본 위젯만 사용: Colab과
   JupyterLab 4에서 같이 동작), 커널 없이도 움직이는 `animation_html`(matplotlib `to_jshtml`),
   `save_gif`(움직이는 GIF).

패딩 규칙 (TensorFlow와 같게):

- 합성곱: 패딩 칸은 0입니다.
- 최대 풀링: 패딩 칸은 -inf로 채워 절대 뽑히지 않습니다 (TF의 SAME 최대 풀링과 같음).
- 평균 풀링: 패딩 칸은 합에도, 나누는 개수에도 넣지 않습니다 (TF의 SAME 평균 풀링과 같음).
- TF 풀링은 'valid'/'same'만 받지만 여기서는 정수 패딩도 받으며 위와 같은 규칙을 씁니다
  (PyTorch의 MaxPool2d, `count_include_pad=False`인 AvgPool2d와 같음). 창이 패딩만 덮게 되는
  패딩(예: p ≥ 창 크기)은 오류입니다.

스트라이드가 나누어떨어지지 않으면 TensorFlow처럼 내림합니다: 끝에 남는 행·열에는 창이 닿지
않습니다. 탐색기는 이런 설정도 거절하지 않고 결과를 보여 주며, 닿지 않는 칸을 분홍색으로 칠하고
한국어로 설명합니다 (TF·Keras가 실제로 그렇게 계산하므로 학습자가 그 모습을 보는 것이 낫다고
판단했습니다).

`import cnn_helpers.widgets`는 TensorFlow도 ipywidgets도 불러오지 않습니다 (ipywidgets는 탐색기를
만들 때, matplotlib·PIL은 그릴 때 불러옵니다).
"""

from __future__ import annotations

import functools
import hashlib
import html
import math
import numbers
import re
import struct
import zlib
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ._validate import check_array, check_int, check_pair
from .arithmetic import conv_output_size, same_padding
from .ops import pad_amounts

__all__ = [
    "Step",
    "SlidingLayout",
    "SlidingExplorer",
    "sliding_layout",
    "padded_input",
    "sliding_steps",
    "assemble_output",
    "step_formula",
    "output_size_formula",
    "kernel_preset",
    "KERNEL_PRESETS",
    "conv_explorer",
    "pool_explorer",
    "render_frames",
    "to_animation",
    "animation_html",
    "save_gif",
]

MODES = ("conv", "max", "avg")

# plotting.FONT_FILE과 같은 파일입니다. plotting을 불러오면 pyplot까지 불러오므로 경로만 따로 적습니다.
_FONT_FILE = Path(__file__).with_name("fonts") / "NanumGothic.ttf"

# 탐색기에 넣을 수 있는 입력의 최대 크기 (그보다 크면 칸 속 숫자를 읽을 수 없습니다).
_MAX_SIDE = 16

# 커널 프리셋: 이름 → 한국어 이름
KERNEL_PRESETS = {"edge": "경계", "blur": "흐림", "identity": "항등", "random": "무작위"}


# ---------------------------------------------------------------------------
# 1. 프레임 모델 (순수 계산)
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Step:
    """슬라이딩 창의 한 단계 (출력 한 칸을 계산하는 과정).

    index: 몇 번째 단계인지 (0부터, 행 우선 순서)
    out: 출력 위치 (행, 열)
    cells: 창이 덮는 칸의 좌표 (행, 열) — **패딩한 입력** 기준, 팽창(dilation)을 반영
    inputs: 그 칸들의 값 (패딩 칸은 합성곱·평균 0, 최대 -inf)
    is_pad: 칸마다 패딩 칸인지 (True/False)
    weights: 합성곱에서 각 칸에 곱하는 커널 값 (flip=True이면 뒤집은 커널), 풀링은 None
    products: 합성곱의 곱 inputs × weights, 풀링은 None
    chosen: 최대 풀링에서 뽑힌 칸 (패딩한 입력 기준 좌표), 그 밖에는 None
    value: 이 단계의 출력 값
    mode: 'conv', 'max', 'avg'
    """

    index: int
    out: tuple[int, int]
    cells: tuple[tuple[int, int], ...]
    inputs: tuple[float, ...]
    is_pad: tuple[bool, ...]
    weights: tuple[float, ...] | None
    products: tuple[float, ...] | None
    chosen: tuple[int, int] | None
    value: float
    mode: str

    @property
    def count(self) -> int:
        """창 안의 실제(패딩이 아닌) 칸 수 — 평균 풀링이 나누는 수입니다."""
        return sum(1 for p in self.is_pad if not p)

    def formula(self, **kwargs) -> str:
        """`step_formula(self)`와 같습니다."""
        return step_formula(self, **kwargs)


@dataclass(frozen=True, eq=False)
class SlidingLayout:
    """슬라이딩 창 계산의 준비물: 패딩한 입력과 출력 크기 등.

    input_shape: 원래 입력 (H, W)
    padded: 패딩한 입력 (float64, 읽기 전용). 패딩 칸은 합성곱·평균 0, 최대 -inf
    is_pad: padded와 같은 모양의 bool 배열 (True = 패딩 칸)
    pads: ((위, 아래), (왼쪽, 오른쪽)) 패딩 칸 수
    window: 커널(창) 크기 (KH, KW)
    weights: 합성곱에서 실제로 곱하는 커널 (flip=True이면 뒤집은 것), 풀링은 None
    stride, dilation: (세로, 가로)
    out_shape: 출력 (OH, OW)
    unused: 스트라이드가 나누어떨어지지 않아 창이 닿지 않는, 패딩한 입력 끝의 (행 수, 열 수)
    mode: 'conv', 'max', 'avg'
    flip: 커널을 뒤집었는지 (수학적 합성곱)
    """

    input_shape: tuple[int, int]
    padded: np.ndarray
    is_pad: np.ndarray
    pads: tuple[tuple[int, int], tuple[int, int]]
    window: tuple[int, int]
    weights: np.ndarray | None
    stride: tuple[int, int]
    dilation: tuple[int, int]
    out_shape: tuple[int, int]
    unused: tuple[int, int]
    mode: str
    flip: bool = False

    @property
    def unused_input(self) -> tuple[int, int]:
        """닿지 않는 행·열 가운데 패딩이 아닌 실제 입력의 (행 수, 열 수)."""
        (_, pb), (_, pr) = self.pads
        return max(0, self.unused[0] - pb), max(0, self.unused[1] - pr)


def _check_mode(mode) -> str:
    if mode not in MODES:
        raise ValueError(f"mode는 'conv'(합성곱), 'max'(최대 풀링), 'avg'(평균 풀링) 중 하나여야 합니다. 받은 값: {mode!r}")
    return mode


def _window_of(kernel, mode: str):
    """kernel을 (창 크기, 합성곱 커널 또는 None)으로 바꿉니다."""
    if mode == "conv":
        k = check_array("kernel", kernel, 2, what="(커널 높이, 커널 너비)")
        return k.shape, k.astype(np.float64)
    if isinstance(kernel, (bool, np.bool_)):
        raise TypeError(f"kernel(창 크기)은 정수, (세로, 가로) 또는 2차원 배열이어야 합니다. 받은 값: {kernel!r}")
    if isinstance(kernel, numbers.Integral) or (isinstance(kernel, (tuple, list)) and np.ndim(kernel) == 1):
        return check_pair("kernel(창 크기)", tuple(kernel) if isinstance(kernel, list) else kernel), None
    k = check_array("kernel", kernel, 2, what="(창 높이, 창 너비) — 풀링은 모양만 씁니다;")
    return k.shape, None


def _axis_padding_arg(padding, axis: int):
    """conv_output_size에 넘길 한 축의 패딩 인자."""
    if isinstance(padding, str):
        return padding
    if isinstance(padding, (tuple, list)):
        return padding[axis]
    return padding


def _build_layout(x, kernel, padding=0, stride=1, dilation=1, mode="conv", flip=False):
    """(SlidingLayout 또는 None, 오류 문장 또는 None)을 돌려줍니다.

    인자 자체가 잘못되면(자료형, 모양) 예외를 냅니다. 인자는 옳은데 조합이 불가능하면(커널이 입력보다
    큼, 패딩만 덮는 풀링 창) 그릴 수 있는 만큼의 layout(out_shape=(0, 0))과 오류 문장을 돌려줍니다.
    """
    mode = _check_mode(mode)
    if not isinstance(flip, (bool, np.bool_)):
        raise TypeError(f"flip은 True 또는 False여야 합니다. 받은 값: {flip!r}")
    if flip and mode != "conv":
        raise ValueError("flip=True(커널 뒤집기)는 mode='conv'에서만 쓸 수 있습니다. 풀링에는 뒤집을 커널이 없습니다.")
    x = check_array("x", x, 2, what="(높이, 너비)").astype(np.float64)
    (kh, kw), weights = _window_of(kernel, mode)
    if weights is not None and flip:
        weights = weights[::-1, ::-1]
    sh, sw = check_pair("stride", stride)
    dh, dw = check_pair("dilation", dilation)
    h, w = x.shape
    (pt, pb), (pl, pr) = pad_amounts(h, w, kh, kw, padding, (sh, sw), (dh, dw))

    fill = -np.inf if mode == "max" else 0.0
    padded = np.pad(x, ((pt, pb), (pl, pr)), constant_values=fill)
    is_pad = np.ones(padded.shape, dtype=bool)
    is_pad[pt : pt + h, pl : pl + w] = False
    padded.setflags(write=False)
    is_pad.setflags(write=False)

    errors = []
    sizes = []
    for axis, name, n, k, s, d, p0 in ((0, "세로", h, kh, sh, dh, pt), (1, "가로", w, kw, sw, dw, pl)):
        try:
            conv_output_size(n, k, _axis_padding_arg(padding, axis), s, d, strict=False)
        except ValueError as exc:
            errors.append((name, str(exc)))
            sizes.append(0)
            continue
        length = padded.shape[axis]
        f_eff = d * (k - 1) + 1
        o = (length - f_eff) // s + 1
        if mode != "conv":
            # 풀링: 실제 입력을 한 칸도 덮지 않는 창이 있으면 최댓값·평균이 없습니다.
            for i in range(o):
                hits = [i * s + j * d for j in range(k) if p0 <= i * s + j * d < p0 + n]
                if not hits:
                    errors.append(
                        (name, f"{i}번째 창이 패딩만 덮고 실제 입력은 한 칸도 덮지 않습니다 "
                               f"(패딩 {p0}칸 ≥ 창이 덮는 길이 {f_eff}). 풀링의 패딩은 창 크기보다 작아야 합니다: "
                               f"p를 {max(f_eff - 1, 0)} 이하로 줄이거나 'same'을 쓰세요.")
                    )
                    break
        sizes.append(o)

    if errors:
        same_axes = (h, kh, sh, dh, pt, pb) == (w, kw, sw, dw, pl, pr)
        if len(errors) == 2 and same_axes:
            message = errors[0][1]
        else:
            message = " / ".join(f"{name} 방향: {text}" for name, text in errors)
        out_shape = (0, 0)
        unused = (0, 0)
    else:
        message = None
        out_shape = (sizes[0], sizes[1])
        unused = tuple(
            (padded.shape[a] - (d * (k - 1) + 1)) % s for a, k, s, d in ((0, kh, sh, dh), (1, kw, sw, dw))
        )
    layout = SlidingLayout(
        input_shape=(h, w),
        padded=padded,
        is_pad=is_pad,
        pads=((pt, pb), (pl, pr)),
        window=(kh, kw),
        weights=None if weights is None else np.ascontiguousarray(weights),
        stride=(sh, sw),
        dilation=(dh, dw),
        out_shape=out_shape,
        unused=unused,
        mode=mode,
        flip=bool(flip),
    )
    if layout.weights is not None:
        layout.weights.setflags(write=False)
    return layout, message


def sliding_layout(x, kernel, padding=0, stride=1, dilation=1, mode="conv", flip=False) -> SlidingLayout:
    """슬라이딩 창 계산의 준비물(패딩한 입력, 출력 크기 등)을 `SlidingLayout`으로 돌려줍니다.

    인자는 `sliding_steps`와 같습니다. 조합이 불가능하면 한국어 ValueError를 냅니다.

    >>> lay = sliding_layout(np.ones((5, 5)), np.ones((3, 3)), padding=1, stride=2)
    >>> lay.padded.shape, lay.out_shape
    ((7, 7), (3, 3))
    """
    layout, message = _build_layout(x, kernel, padding, stride, dilation, mode, flip)
    if message is not None:
        raise ValueError(message)
    return layout


def padded_input(x, kernel, padding=0, stride=1, dilation=1, mode="conv"):
    """(패딩한 입력 배열, 출력 크기 (OH, OW))를 돌려줍니다.

    >>> xp, out = padded_input(np.arange(4.).reshape(2, 2), np.ones((2, 2)), padding="same")
    >>> xp.shape, out
    ((3, 3), (2, 2))
    """
    layout = sliding_layout(x, kernel, padding, stride, dilation, mode)
    return layout.padded, layout.out_shape


def _steps_from_layout(layout: SlidingLayout) -> list[Step]:
    """layout에서 단계 목록을 만듭니다 (행 우선 순서). 창의 값은 한 번의 색인으로 모두 꺼냅니다."""
    oh, ow = layout.out_shape
    kh, kw = layout.window
    sh, sw = layout.stride
    dh, dw = layout.dilation
    mode = layout.mode
    rows = np.arange(oh)[:, None] * sh + np.arange(kh)[None, :] * dh  # (OH, KH)
    cols = np.arange(ow)[:, None] * sw + np.arange(kw)[None, :] * dw  # (OW, KW)
    index = (rows[:, None, :, None], cols[None, :, None, :])
    values = layout.padded[index].reshape(oh, ow, kh * kw).tolist()
    pads = layout.is_pad[index].reshape(oh, ow, kh * kw).tolist()
    rows, cols = rows.tolist(), cols.tolist()
    weights = None if layout.weights is None else tuple(layout.weights.ravel().tolist())
    steps = []
    for i in range(oh):
        for j in range(ow):
            cells = tuple((r, c) for r in rows[i] for c in cols[j])
            inputs = tuple(values[i][j])
            is_pad = tuple(pads[i][j])
            products = chosen = None
            if mode == "conv":
                products = tuple(a * b for a, b in zip(inputs, weights))
                value = math.fsum(products)
            else:
                real = [t for t, p in enumerate(is_pad) if not p]
                if mode == "max":
                    best = max(real, key=lambda t: (inputs[t], -t))  # 같은 값이면 앞쪽 칸
                    chosen = cells[best]
                    value = inputs[best]
                else:
                    value = math.fsum(inputs[t] for t in real) / len(real)
            steps.append(Step(len(steps), (i, j), cells, inputs, is_pad, weights, products, chosen, float(value), mode))
    return steps


def sliding_steps(x, kernel, padding=0, stride=1, dilation=1, mode="conv", flip=False) -> list[Step]:
    """슬라이딩 창의 모든 단계를 출력 위치의 행 우선 순서로 돌려줍니다 (출력 한 칸 = 한 단계).

    x: 2-D 입력 (H, W).
    kernel: mode='conv'이면 2-D 커널. 풀링('max', 'avg')이면 창 크기 — 정수, (세로, 가로) 또는
        모양만 쓰는 2-D 배열.
    padding: 0 이상의 정수, (세로, 가로), 'valid' 또는 'same' (TF처럼 남는 한 칸은 아래·오른쪽).
    stride, dilation: 정수 또는 (세로, 가로).
    mode: 'conv'(교차 상관 = 딥러닝의 합성곱), 'max', 'avg'.
    flip: True이면 커널을 상하·좌우로 뒤집어 수학적 합성곱을 계산합니다 (mode='conv'만).

    단계의 값을 모으면(`assemble_output`) `ops.conv2d` / `ops.pool2d`와 같습니다.

    >>> steps = sliding_steps([[1, 2, 0], [0, 1, 3], [2, 2, 1]], [[1, 0], [0, 1]])
    >>> [s.value for s in steps]
    [2.0, 5.0, 2.0, 2.0]
    >>> steps[1].cells
    ((0, 1), (0, 2), (1, 1), (1, 2))
    """
    return _steps_from_layout(sliding_layout(x, kernel, padding, stride, dilation, mode, flip))


def assemble_output(steps) -> np.ndarray:
    """단계들의 값을 출력 위치에 모아 2-D 배열로 돌려줍니다.

    >>> assemble_output(sliding_steps(np.arange(16.).reshape(4, 4), 2, stride=2, mode="max"))
    array([[ 5.,  7.],
           [13., 15.]])
    """
    steps = list(steps)
    if not steps or not all(isinstance(s, Step) for s in steps):
        raise ValueError("steps는 sliding_steps()가 돌려준 단계(Step)들의 비어 있지 않은 목록이어야 합니다.")
    oh = max(s.out[0] for s in steps) + 1
    ow = max(s.out[1] for s in steps) + 1
    out = np.full((oh, ow), np.nan)
    for s in steps:
        out[s.out] = s.value
    return out


def _num(v: float, digits: int = 3) -> tuple[str, bool]:
    """숫자를 짧게 씁니다: (글자, 반올림 없이 정확한지). 정수는 소수점 없이."""
    if math.isinf(v):
        return ("-∞" if v < 0 else "∞"), True
    if math.isnan(v):
        return "nan", True
    r = round(v, digits)
    if r == int(r):
        text = str(int(r))
    else:
        text = f"{r:.{digits}f}".rstrip("0").rstrip(".")
    return text, r == v


def _fmt(v: float, digits: int = 3) -> str:
    return _num(v, digits)[0]


def _factor(v: float) -> tuple[str, bool]:
    text, exact = _num(v)
    return (f"({text})" if text.startswith("-") else text), exact


def step_formula(step: Step, *, max_terms: int | None = None) -> str:
    """한 단계의 계산을 한 줄 식으로 씁니다.

    합성곱: ``"1×0 + 2×1 + … = 7"`` (입력×커널), 최대: ``"max(1, 5, 3, 2) = 5"``,
    평균: ``"(1 + 5 + 3 + 2) / 4 = 2.75"``. 풀링 식에는 패딩 칸을 넣지 않습니다.
    숫자는 소수 셋째 자리까지 쓰고, 반올림한 숫자가 있으면 ``=`` 대신 ``≈``를 씁니다.
    max_terms: 항이 이보다 많으면 앞부분과 마지막 항만 쓰고 가운데를 ``…``로 줄입니다.

    >>> step_formula(sliding_steps([[1, 5], [3, 2]], 2, mode="max")[0])
    'max(1, 5, 3, 2) = 5'
    >>> step_formula(sliding_steps([[1, 5], [3, 2]], 2, mode="avg")[0])
    '(1 + 5 + 3 + 2) / 4 = 2.75'
    """
    if not isinstance(step, Step):
        raise TypeError(f"step은 sliding_steps()가 돌려준 Step이어야 합니다. 받은 값: {type(step).__name__}")
    if max_terms is not None:
        max_terms = check_int("max_terms", max_terms, minimum=2)
    exact = True
    if step.mode == "conv":
        terms = []
        for a, w in zip(step.inputs, step.weights):
            (ta, ea), (tw, ew) = _factor(a), _factor(w)
            exact &= ea and ew
            terms.append(f"{ta}×{tw}")
        joiner = " + "
    else:
        terms = []
        for v, p in zip(step.inputs, step.is_pad):
            if not p:
                t, e = _num(v)
                exact &= e
                terms.append(t)
        joiner = ", " if step.mode == "max" else " + "
    if max_terms is not None and len(terms) > max_terms:
        terms = terms[: max_terms - 1] + ["…", terms[-1]]
    body = joiner.join(terms)
    value, e = _num(step.value)
    exact &= e
    eq = "=" if exact else "≈"
    if step.mode == "conv":
        text = f"{body} {eq} {value}"
    elif step.mode == "max":
        text = f"max({body}) {eq} {value}"
    else:
        text = f"({body}) / {step.count} {eq} {value}"
    if step.mode != "conv" and any(step.is_pad):
        text += f"  (패딩 {sum(step.is_pad)}칸 제외)"
    return text


def output_size_formula(n, f, p=0, s=1, d=1) -> str:
    """출력 크기 공식에 지금 숫자를 넣은 식을 돌려줍니다 (한 축).

    p: 0 이상의 정수, 'valid' 또는 'same'. 나누어떨어지지 않으면 TF처럼 내림(⌊ ⌋)한 식을 씁니다.

    >>> output_size_formula(5, 3, 1, 2)
    '(5 + 2×1 − 3) / 2 + 1 = 3'
    >>> output_size_formula(6, 3, 0, 2)
    '⌊(6 + 2×0 − 3) / 2⌋ + 1 = ⌊1.5⌋ + 1 = 2'
    """
    n = check_int("n(입력 크기)", n, minimum=1)
    f = check_int("f(커널 크기)", f, minimum=1)
    s = check_int("s(스트라이드)", s, minimum=1)
    d = check_int("d(팽창)", d, minimum=1)
    f_eff = d * (f - 1) + 1
    same = False
    if isinstance(p, str):
        mode = p.lower()
        if mode == "valid":
            before = after = 0
        elif mode == "same":
            before, after = same_padding(n, f, s, d)
            same = True
        else:
            raise ValueError(f"p(패딩)는 0 이상의 정수, 'valid', 'same' 중 하나여야 합니다. 받은 값: {p!r}")
    else:
        before = after = check_int("p(패딩)", p, minimum=0)
    pad = f"2×{before}" if before == after else f"{before} + {after}"
    inner = f"{n} + {pad} − {f_eff}"
    span = n + before + after - f_eff
    if span < 0:
        text = f"{inner} = {span} < 0 → 커널이 패딩을 더한 입력보다 커서 출력이 없습니다"
    elif span % s == 0:
        text = f"({inner}) / {s} + 1 = {span // s + 1}"
    else:
        text = f"⌊({inner}) / {s}⌋ + 1 = ⌊{_fmt(span / s)}⌋ + 1 = {span // s + 1}"
    if same:
        text = f"SAME 패딩 앞 {before}·뒤 {after}: " + text
    if d > 1:
        text += f"   (팽창한 커널이 덮는 길이 {d}×({f}−1)+1 = {f_eff})"
    return text


def kernel_preset(name: str, f: int) -> np.ndarray:
    """f×f 커널 프리셋을 만듭니다.

    'edge'(경계: 가운데 f²−1, 나머지 −1), 'blur'(흐림: 모두 1/f²), 'identity'(항등: 가운데만 1),
    'random'(무작위: −2..2 정수, f마다 고정된 난수). 짝수 f의 '가운데'는 ((f−1)//2, (f−1)//2)입니다.

    >>> kernel_preset("edge", 3)
    array([[-1., -1., -1.],
           [-1.,  8., -1.],
           [-1., -1., -1.]])
    """
    f = check_int("f(커널 크기)", f, minimum=1)
    c = (f - 1) // 2
    if name == "edge":
        k = -np.ones((f, f))
        k[c, c] = f * f - 1
    elif name == "blur":
        k = np.full((f, f), 1.0 / (f * f))
    elif name == "identity":
        k = np.zeros((f, f))
        k[c, c] = 1.0
    elif name == "random":
        k = np.random.default_rng(f).integers(-2, 3, size=(f, f)).astype(float)
    else:
        choices = ", ".join(f"'{k}'({v})" for k, v in KERNEL_PRESETS.items())
        raise ValueError(f"커널 프리셋 이름은 {choices} 중 하나여야 합니다. 받은 값: {name!r}")
    return k


def _default_input(n: int, seed: int) -> np.ndarray:
    """탐색기의 기본 입력: 0..9 정수 n×n (seed 고정)."""
    return np.random.default_rng(seed).integers(0, 10, size=(n, n)).astype(float)


# ---------------------------------------------------------------------------
# 2. 그리기: numpy 배열에 직접 (설정마다 배경 한 번, 단계마다 칸 복사)
# ---------------------------------------------------------------------------

_WHITE = (255, 255, 255)
_TEXT = (25, 25, 25)
_GRID = (150, 150, 150)
_OUT_LINE = (200, 200, 200)
_PAD_FILL = (226, 226, 226)
_PAD_LINE = (110, 110, 110)
_PAD_TEXT = (135, 135, 135)
_UNUSED_FILL = (255, 222, 226)
_KERNEL_FILL = (220, 234, 252)
_TINT_WINDOW = (255, 204, 128)
_TINT_CHOSEN = (255, 140, 140)
_TINT_DONE = (204, 238, 204)
_TINT_CURRENT = (255, 204, 128)
_BOX = (222, 105, 0)
_CHOSEN_LINE = (200, 0, 0)
_ERROR = (190, 0, 0)


@functools.lru_cache(maxsize=32)
def _font(px: int):
    from PIL import ImageFont

    return ImageFont.truetype(str(_FONT_FILE), px)


@functools.lru_cache(maxsize=8192)
def _text_mask(text: str, px: int) -> np.ndarray:
    """글자 모양(0..255 알파 마스크)을 한 번만 그려 캐시합니다."""
    from PIL import Image, ImageDraw

    font = _font(px)
    left, top, right, bottom = font.getbbox(text)
    w, h = max(right - left, 1), max(bottom - top, 1)
    im = Image.new("L", (w, h), 0)
    ImageDraw.Draw(im).text((-left, -top), text, fill=255, font=font)
    mask = np.asarray(im).copy()
    mask.setflags(write=False)
    return mask


@functools.lru_cache(maxsize=8192)
def _fit_mask(text: str, max_w: int, px: int) -> np.ndarray:
    """max_w 픽셀 너비에 들어가도록 글자 크기를 줄여 가며 마스크를 만듭니다."""
    mask = _text_mask(text, px)
    while mask.shape[1] > max_w and px > 7:
        px -= 1
        mask = _text_mask(text, px)
    return mask


def _paste_mask(img: np.ndarray, mask: np.ndarray, x: int, y: int, color) -> None:
    """마스크 모양대로 color를 (x, y) 왼쪽 위에 섞어 칠합니다 (화면 밖은 잘라 냄)."""
    h, w = mask.shape
    H, W = img.shape[:2]
    x0, y0, x1, y1 = max(x, 0), max(y, 0), min(x + w, W), min(y + h, H)
    if x1 <= x0 or y1 <= y0:
        return
    a = mask[y0 - y : y1 - y, x0 - x : x1 - x, None].astype(np.float32) / 255.0
    region = img[y0:y1, x0:x1].astype(np.float32)
    img[y0:y1, x0:x1] = (region * (1.0 - a) + np.asarray(color, np.float32) * a + 0.5).astype(np.uint8)


def _text_width(text: str, px: int) -> int:
    return _text_mask(text, px).shape[1] if text else 0


def _put_text(img, text, x, y, color=_TEXT, px=14, anchor="lt") -> int:
    """글자를 씁니다. anchor: 'lt'(왼쪽 위) 또는 'mm'(가운데). 쓴 너비를 돌려줍니다."""
    if not text:
        return 0
    mask = _text_mask(text, px)
    if anchor == "mm":
        x, y = x - mask.shape[1] // 2, y - mask.shape[0] // 2
    _paste_mask(img, mask, x, y, color)
    return mask.shape[1]


def _cell_text(img, text, x, y, c, color=_TEXT) -> None:
    """c×c 칸 (x, y)의 가운데에 글자를 씁니다 (넘치면 작게)."""
    if not text:
        return
    mask = _fit_mask(text, c - 5, max(8, int(c * 0.46)))
    _paste_mask(img, mask, x + (c - mask.shape[1]) // 2, y + (c - mask.shape[0]) // 2, color)


@functools.lru_cache(maxsize=4096)
def _cell_tile(label: str, c: int, fill, color, border, dotted: bool) -> np.ndarray:
    """숫자가 적힌 칸 하나(c×c×3)를 한 번만 그려 캐시합니다 (같은 숫자·색의 칸은 복사만 함)."""
    tile = np.empty((c, c, 3), np.uint8)
    tile[:] = fill
    (_dotted_rect if dotted else _rect)(tile, 0, 0, c, c, border)
    _cell_text(tile, label, 0, 0, c, color)
    tile.setflags(write=False)
    return tile


def _rect(img, x, y, w, h, color, t=1) -> None:
    """두께 t인 사각형 테두리."""
    img[y : y + t, x : x + w] = color
    img[y + h - t : y + h, x : x + w] = color
    img[y : y + h, x : x + t] = color
    img[y : y + h, x + w - t : x + w] = color


def _dotted_rect(img, x, y, w, h, color) -> None:
    """점선 테두리 (2픽셀 칠하고 2픽셀 비움)."""
    on_x = (np.arange(w) // 2) % 2 == 0
    on_y = (np.arange(h) // 2) % 2 == 0
    img[y, x : x + w][on_x] = color
    img[y + h - 1, x : x + w][on_x] = color
    img[y : y + h, x][on_y] = color
    img[y : y + h, x + w - 1][on_y] = color


def _tinted(base: np.ndarray, tint) -> np.ndarray:
    """흰색을 tint로 바꾸는 곱하기 혼합 (검은 글자는 그대로)."""
    return (base.astype(np.uint16) * np.asarray(tint, np.uint16) // 255).astype(np.uint8)


def _cell_label(v: float, mode: str, pad: bool) -> str:
    if pad and mode != "conv":
        return ""  # 풀링의 패딩 칸은 값이 없습니다 (계산에서 빠짐).
    return _fmt(v, 2)


class _FrameRenderer:
    """한 설정(layout)의 단계 그림을 빠르게 그립니다: 배경과 색칠된 복사본을 한 번 만든 뒤 칸 복사."""

    M = 12  # 바깥 여백
    G = 40  # 격자 사이 간격 (연산 기호 자리)
    TITLE = 26

    def __init__(self, layout: SlidingLayout | None, steps, *, cell: int | None = None, caption: bool = False,
                 message: str | None = None):
        self.layout = layout
        self.steps = list(steps)
        self.caption = caption
        if layout is None:
            self._init_blank(message or "설정을 확인하세요.")
            return
        hp, wp = layout.padded.shape
        kh, kw = layout.window
        oh, ow = layout.out_shape
        big = max(hp, wp, kh, kw, oh, ow, 1)
        c = int(cell) if cell else int(np.clip(400 // big, 20, 46))
        self.c = c
        mode = layout.mode
        h, w = layout.input_shape
        (pt, pb), (pl, pr) = layout.pads
        padded_txt = f" (패딩 포함 {hp}×{wp})" if (pt or pb or pl or pr) else ""
        titles = [
            f"입력 {h}×{w}{padded_txt}",
            (f"커널 {kh}×{kw}" + (" (뒤집음)" if layout.flip else "")) if mode == "conv"
            else f"창 {kh}×{kw} ({'최대' if mode == 'max' else '평균'})",
            f"출력 {oh}×{ow}" if oh else "출력 없음",
        ]
        sh, sw = layout.stride
        dh, dw = layout.dilation
        extra = []
        if (sh, sw) != (1, 1) or mode != "conv":
            extra.append(f"s={sh}" if sh == sw else f"s=({sh}, {sw})")
        if (dh, dw) != (1, 1):
            extra.append(f"d={dh}" if dh == dw else f"d=({dh}, {dw})")
        sub = ", ".join(extra)
        grids = [(hp, wp), (kh, kw), (oh, ow)]
        col_w = [max(g[1] * c, _text_width(t, 14)) for g, t in zip(grids, titles)]
        col_w[1] = max(col_w[1], _text_width(sub, 12))
        grid_h = max(hp, kh, oh, 1) * c
        sub_h = 18 if sub else 0

        legend = [("패딩", _PAD_FILL, True), ("창", _TINT_WINDOW, False)]
        if mode == "max":
            legend.append(("뽑힌 최댓값", _TINT_CHOSEN, False))
        legend += [("계산된 출력", _TINT_DONE, False), ("지금 출력", _TINT_CURRENT, False)]
        if layout.unused != (0, 0):
            legend.append(("창이 닿지 않는 칸", _UNUSED_FILL, False))
        legend_w = sum(22 + _text_width(t, 12) + 16 for t, _, _ in legend)

        width = self.M * 2 + sum(col_w) + 2 * self.G
        width = max(width, legend_w + 2 * self.M)
        top = self.M + self.TITLE
        legend_y = top + grid_h + sub_h + 10
        height = legend_y + 18 + self.M
        self.caption_y = height - 4
        if caption:
            height += 28
        self.width, self.height = width, height
        img = np.full((height, width, 3), 255, np.uint8)

        # 열 위치와 격자 원점
        xs = [self.M, self.M + col_w[0] + self.G, self.M + col_w[0] + col_w[1] + 2 * self.G]
        origins = []
        for (gr, gc), x0, cw, t in zip(grids, xs, col_w, titles):
            gx = x0 + (cw - gc * c) // 2
            gy = top + (grid_h - gr * c) // 2
            origins.append((gx, gy))
            _put_text(img, t, x0 + cw // 2, self.M + 9, _TEXT, 14, anchor="mm")
        self.origins = origins
        if sub:
            kx, ky = origins[1]
            _put_text(img, sub, xs[1] + col_w[1] // 2, ky + kh * c + 11, (90, 90, 90), 12, anchor="mm")
        # 연산 기호: 입력 ⊛ 커널 = 출력 (풀링은 →)
        mid_y = top + grid_h // 2
        symbols = ("*", "=") if mode == "conv" else ("→", "=")
        for sym, x0 in zip(symbols, (xs[0] + col_w[0], xs[1] + col_w[1])):
            _put_text(img, sym, x0 + self.G // 2, mid_y, (90, 90, 90), 22, anchor="mm")

        # 입력 격자
        ix, iy = origins[0]
        ur, uc = layout.unused
        for r in range(hp):
            for q in range(wp):
                x0, y0 = ix + q * c, iy + r * c
                pad = bool(layout.is_pad[r, q])
                unused = r >= hp - ur or q >= wp - uc
                fill = _PAD_FILL if pad else (_UNUSED_FILL if unused else _WHITE)
                label = _cell_label(float(layout.padded[r, q]), mode, pad)
                img[y0 : y0 + c, x0 : x0 + c] = _cell_tile(label, c, fill, _PAD_TEXT if pad else _TEXT,
                                                           _PAD_LINE if pad else _GRID, pad)
        # 커널 격자
        kx, ky = origins[1]
        for r in range(kh):
            for q in range(kw):
                x0, y0 = kx + q * c, ky + r * c
                label = "" if layout.weights is None else _fmt(float(layout.weights[r, q]), 2)
                img[y0 : y0 + c, x0 : x0 + c] = _cell_tile(label, c, _KERNEL_FILL, _TEXT, _GRID, False)
        # 출력 격자 (빈 칸) — 값이 적힌 판은 따로 만들어 색칠된 복사본으로 씁니다.
        ox, oy = origins[2]
        empty = _cell_tile("", c, _WHITE, _TEXT, _OUT_LINE, False)
        for r in range(oh):
            for q in range(ow):
                img[oy + r * c : oy + (r + 1) * c, ox + q * c : ox + (q + 1) * c] = empty
        values = img.copy()
        for st in self.steps:
            r, q = st.out
            values[oy + r * c : oy + (r + 1) * c, ox + q * c : ox + (q + 1) * c] = _cell_tile(
                _fmt(st.value, 2), c, _WHITE, _TEXT, _OUT_LINE, False)
        # 범례
        lx = self.M
        for text, color, dotted in legend:
            img[legend_y : legend_y + 14, lx : lx + 14] = color
            (_dotted_rect if dotted else _rect)(img, lx, legend_y, 14, 14, _PAD_LINE if dotted else _GRID)
            lx += 20
            lx += _put_text(img, text, lx, legend_y + 1, (60, 60, 60), 12) + 16
            values[legend_y : legend_y + 18] = img[legend_y : legend_y + 18]

        self.base = img
        self.base.setflags(write=False)
        # 출력 판(값이 적힌 것)만 잘라 둡니다. 색칠은 단계마다 필요한 칸에만 합니다 (칸 하나는 아주 작음).
        self.values = values[oy : oy + oh * c, ox : ox + ow * c].copy()
        self.done_v = _tinted(self.values, _TINT_DONE)

    def _init_blank(self, message: str) -> None:
        self.c = 30
        self.width, self.height = 420, 60
        img = np.full((self.height, self.width, 3), 255, np.uint8)
        _put_text(img, "그릴 수 없는 설정입니다", self.M, self.M, _ERROR, 14)
        self.base = img
        self.caption_y = self.height

    def render(self, k: int | None) -> np.ndarray:
        """단계 k의 그림 (H, W, 3) uint8. k=None이면 창 없이 배경만 그립니다."""
        frame = self.base.copy()
        if k is None or self.layout is None or not self.steps:
            return frame
        st = self.steps[k]
        c = self.c
        base = self.base
        ix, iy = self.origins[0]
        for r, q in st.cells:
            y0, x0 = iy + r * c, ix + q * c
            frame[y0 : y0 + c, x0 : x0 + c] = _tinted(base[y0 : y0 + c, x0 : x0 + c], _TINT_WINDOW)
        rows = [r for r, _ in st.cells]
        cols = [q for _, q in st.cells]
        y0, x0 = iy + min(rows) * c, ix + min(cols) * c
        _rect(frame, x0 - 1, y0 - 1, (max(cols) - min(cols) + 1) * c + 2, (max(rows) - min(rows) + 1) * c + 2, _BOX, 3)
        if st.chosen is not None:
            r, q = st.chosen
            y0, x0 = iy + r * c, ix + q * c
            frame[y0 : y0 + c, x0 : x0 + c] = _tinted(base[y0 : y0 + c, x0 : x0 + c], _TINT_CHOSEN)
            _rect(frame, x0 + 1, y0 + 1, c - 2, c - 2, _CHOSEN_LINE, 2)
        # 출력: 앞 단계들은 초록, 지금 칸은 주황 (출력 판 좌표 → 그림 좌표)
        ox, oy = self.origins[2]
        ow = self.layout.out_shape[1]
        r, q = st.out
        if r:
            frame[oy : oy + r * c, ox : ox + ow * c] = self.done_v[: r * c]
        if q:
            frame[oy + r * c : oy + (r + 1) * c, ox : ox + q * c] = self.done_v[r * c : (r + 1) * c, : q * c]
        y0, x0 = oy + r * c, ox + q * c
        frame[y0 : y0 + c, x0 : x0 + c] = _tinted(self.values[r * c : (r + 1) * c, q * c : (q + 1) * c], _TINT_CURRENT)
        _rect(frame, x0, y0, c, c, _BOX, 3)
        if self.caption:
            self._draw_caption(frame, st)
        return frame

    def _draw_caption(self, frame, st: Step) -> None:
        head = f"단계 {st.index + 1}/{len(self.steps)} · 출력 [{st.out[0]}, {st.out[1]}]: "
        room = self.width - 2 * self.M - _text_width(head, 14)
        for terms in (None, 12, 9, 6, 4, 3):
            text = step_formula(st, max_terms=terms)
            if _text_width(text, 14) <= room:
                break
        mask = _fit_mask(head + text, self.width - 2 * self.M, 14)
        _paste_mask(frame, mask, self.M, self.caption_y + 4, _TEXT)


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def _encode_png(frame: np.ndarray) -> bytes:
    """RGB uint8 배열을 PNG 바이트로 바꿉니다.

    PIL의 PNG 저장보다 3배쯤 빠르도록 직접 씁니다: 줄마다 필터 0(없음) + zlib 수준 1.
    격자 그림은 같은 색이 길게 이어져 이것만으로도 잘 줄어듭니다 (PIL로 읽으면 같은 배열).
    """
    h, w, _ = frame.shape
    rows = np.zeros((h, w * 3 + 1), np.uint8)  # 각 줄 앞의 0 = 필터 없음
    rows[:, 1:] = frame.reshape(h, w * 3)
    return b"".join((
        b"\x89PNG\r\n\x1a\n",
        _png_chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)),
        _png_chunk(b"IDAT", zlib.compress(rows.tobytes(), 1)),
        _png_chunk(b"IEND", b""),
    ))


# ---------------------------------------------------------------------------
# 3. 탐색기 위젯
# ---------------------------------------------------------------------------


def _normalize_padding(p, name="p"):
    """탐색기의 p: 0 이상의 정수, 'valid'(=0) 또는 'same'."""
    if isinstance(p, str):
        mode = p.lower()
        if mode == "valid":
            return 0
        if mode == "same":
            return "same"
        raise ValueError(f"{name}(패딩)는 0 이상의 정수, 'valid', 'same' 중 하나여야 합니다. 받은 값: {p!r}")
    return check_int(f"{name}(패딩)", p, minimum=0)


def _padding_options(extra):
    opts = [("0 (valid)", 0), ("1", 1), ("2", 2), ("3", 3), ("same", "same")]
    if extra not in [v for _, v in opts]:
        opts.insert(-1, (str(extra), extra))
        opts[:-1] = sorted(opts[:-1], key=lambda o: o[1])
    return opts


def widget_bundle(text: str, widget) -> dict:
    """위젯을 화면에 보이면서 text/plain은 우리가 정한 짧은 설명으로 두는 표시 묶음을 만듭니다.

    nbval은 text/plain을 저장된 출력과 비교하므로 주소·난수 없이 설정만 씁니다
    (ipywidgets의 기본 repr에는 PNG 바이트가 들어갑니다).
    """
    return {
        "text/plain": text,
        "application/vnd.jupyter.widget-view+json": {"version_major": 2, "version_minor": 0, "model_id": widget.model_id},
    }


class SlidingExplorer:
    """합성곱·풀링 슬라이딩 창 탐색기 (`conv_explorer`, `pool_explorer`가 만듭니다).

    노트북 셀의 마지막 줄에 두면 위젯이 보입니다. 시험·노트북에서 쓸 수 있는 속성:

    - `.widget`: 화면 전체 (ipywidgets VBox)
    - `.steps`: 지금 설정의 단계 목록 (`sliding_steps`와 같음; 불가능한 설정이면 빈 목록)
    - `.layout`: 지금 설정의 `SlidingLayout` (불가능하면 None), `.error`: 한국어 오류 문장 또는 None
    - `.step_index`, `.frame` (그림 배열), `.image_bytes` (PNG), `.message` (아래 한국어 설명 HTML),
      `.formula` (지금 단계의 식), `.size_text` (출력 크기 식), `.note` (내림 안내 등)
    - `.show_step(k)`: k번째 단계(0부터)를 그립니다. `.set(n=6, s=2, ...)`: 설정을 바꿉니다.
    """

    def __init__(self, kind: str, params: dict, x=None, kernel=None):
        import ipywidgets as W

        self.kind = kind
        self._x = None if x is None else self._check_input(x)
        self._kernel = None
        self._holding = False
        self._updating = False
        self.steps: list[Step] = []
        self.layout: SlidingLayout | None = None
        self.error: str | None = None
        self.note = ""
        self.size_text = ""
        self.formula = ""
        self.step_index: int | None = None
        self.frame: np.ndarray | None = None
        self.image_bytes = b""

        style = {"description_width": "initial"}
        narrow = W.Layout(width="230px")
        c: dict = {}
        c["n"] = W.IntSlider(value=params["n"], min=2, max=max(10, params["n"]), description="n (입력 크기)",
                             style=style, layout=narrow, continuous_update=False)
        if kind == "conv":
            c["f"] = W.IntSlider(value=params["f"], min=1, max=max(7, params["f"]), description="f (커널)",
                                 style=style, layout=narrow, continuous_update=False)
        else:
            c["size"] = W.IntSlider(value=params["size"], min=1, max=max(5, params["size"]), description="창 크기",
                                    style=style, layout=narrow, continuous_update=False)
        c["p"] = W.Dropdown(options=_padding_options(params["p"]), value=params["p"], description="p (패딩)",
                            style=style, layout=W.Layout(width="170px"))
        c["s"] = W.IntSlider(value=params["s"], min=1, max=max(4, params["s"]), description="s (스트라이드)",
                             style=style, layout=narrow, continuous_update=False)
        if kind == "conv":
            c["d"] = W.IntSlider(value=params["d"], min=1, max=max(3, params["d"]), description="d (팽창)",
                                 style=style, layout=narrow, continuous_update=False)
            presets = [(f"{ko} ({en})", en) for en, ko in KERNEL_PRESETS.items()]
            if kernel is not None:
                self._kernel = check_array("kernel", kernel, 2, what="(커널 높이, 커널 너비)").astype(float)
                if max(self._kernel.shape) > 9:
                    raise ValueError(f"탐색기의 kernel은 9×9까지 보여 줄 수 있습니다. 받은 모양: {self._kernel.shape}")
                presets.append(("직접 준 커널", "custom"))
            c["kernel"] = W.Dropdown(options=presets, value=params["kernel"], description="커널",
                                     style=style, layout=W.Layout(width="230px"))
        else:
            c["mode"] = W.ToggleButtons(options=[("최대 (max)", "max"), ("평균 (avg)", "avg")], value=params["mode"],
                                        description="풀링", style=style)
        self._controls = c
        if self._x is not None:
            h = self._x.shape[0]
            c["n"].min, c["n"].max = min(2, h), max(10, h)  # 값이 슬라이더 범위에 잘리지 않게
            c["n"].value = h
            c["n"].disabled = True
            c["n"].description = "n (입력 고정)"
        for w in c.values():
            w.observe(self._on_param, names="value")

        self._play = W.Play(value=1, min=1, max=1, step=1, interval=900, description="재생")
        self._step = W.IntSlider(value=1, min=1, max=1, description="단계", style=style,
                                 layout=W.Layout(width="340px"))
        self._step.add_class("cnn-step-slider")
        self._link = W.jslink((self._play, "value"), (self._step, "value"))
        self._prev = W.Button(description="◀ 이전", layout=W.Layout(width="80px"), tooltip="이전 단계")
        self._next = W.Button(description="다음 ▶", layout=W.Layout(width="80px"), tooltip="다음 단계")
        self._prev.add_class("cnn-prev")
        self._next.add_class("cnn-next")
        self._prev.on_click(lambda _b: self._move(-1))
        self._next.on_click(lambda _b: self._move(+1))
        self._step.observe(self._on_step, names="value")

        self.image = W.Image(format="png", layout=W.Layout(max_width="100%"))
        self.image.add_class("cnn-frame")
        self.html = W.HTML()
        if kind == "conv":
            rows = [W.HBox([c["n"], c["f"], c["p"]]), W.HBox([c["s"], c["d"], c["kernel"]])]
        else:
            rows = [W.HBox([c["n"], c["size"], c["p"], c["s"]]), W.HBox([c["mode"]])]
        rows.append(W.HBox([self._play, self._prev, self._step, self._next]))
        self.widget = W.VBox(rows + [self.image, self.html])
        self.widget.add_class("cnn-explorer")
        self._update()

    # -- 설정 -------------------------------------------------------------
    @staticmethod
    def _check_input(x) -> np.ndarray:
        x = check_array("x", x, 2, what="(높이, 너비)").astype(float)
        if max(x.shape) > _MAX_SIDE:
            raise ValueError(
                f"탐색기의 x는 {_MAX_SIDE}×{_MAX_SIDE}까지 보여 줄 수 있습니다. 받은 모양: {x.shape}. "
                f"x[:{_MAX_SIDE}, :{_MAX_SIDE}]처럼 잘라서 넣으세요."
            )
        return x

    def params(self) -> dict:
        """지금 설정 값들 (사전)."""
        return {k: w.value for k, w in self._controls.items()}

    def set(self, **params) -> SlidingExplorer:
        """설정을 한꺼번에 바꾸고 한 번만 다시 그립니다. 예: ``ex.set(n=6, f=2, s=2)``.

        불가능한 조합이어도 예외를 내지 않고 화면에 한국어로 설명합니다.
        """
        unknown = sorted(set(params) - set(self._controls))
        if unknown:
            raise TypeError(f"알 수 없는 설정 {unknown}. 쓸 수 있는 설정: {sorted(self._controls)}")
        self._holding = True
        try:
            for key, value in params.items():
                self._assign(key, value)
        finally:
            self._holding = False
        self._update()
        return self

    def _assign(self, key, value) -> None:
        w = self._controls[key]
        if key == "p":
            value = _normalize_padding(value)
            if value not in [v for _, v in w.options]:
                w.options = _padding_options(value)
        elif key == "kernel":
            names = [v for _, v in w.options]
            if value not in names:
                raise ValueError(f"kernel 프리셋은 {names} 중 하나여야 합니다. 받은 값: {value!r}")
        elif key == "mode":
            if value not in ("max", "avg"):
                raise ValueError(f"mode는 'max' 또는 'avg'여야 합니다. 받은 값: {value!r}")
        else:
            if key == "n" and self._x is not None:
                raise ValueError("x를 직접 준 탐색기에서는 n을 바꿀 수 없습니다 (입력 크기는 x의 모양입니다).")
            value = check_int(key, value, minimum=1)
            if value > _MAX_SIDE:
                raise ValueError(f"{key}은(는) {_MAX_SIDE} 이하여야 합니다 (칸 속 숫자를 읽을 수 있게). 받은 값: {value}")
            if value > w.max:
                w.max = value
            if value < w.min:
                w.min = value
        w.value = value

    def _on_param(self, _change) -> None:
        if not self._holding:
            self._update()

    def _current_arrays(self):
        p = self.params()
        if self.kind == "conv":
            n = p["n"]
            x = self._x if self._x is not None else _default_input(n, seed=0)
            custom = p["kernel"] == "custom"
            kernel = self._kernel if custom else kernel_preset(p["kernel"], p["f"])
            self._controls["f"].disabled = custom
            if custom:
                self._holding = True
                self._controls["f"].value = self._kernel.shape[0]
                self._holding = False
            return x, kernel, p["p"], p["s"], p["d"], "conv"
        x = self._x if self._x is not None else _default_input(p["n"], seed=1)
        return x, p["size"], p["p"], p["s"], 1, p["mode"]

    def _update(self) -> None:
        x, kernel, pad, s, d, mode = self._current_arrays()
        try:
            layout, error = _build_layout(x, kernel, pad, s, d, mode)
        except (ValueError, TypeError) as exc:  # 위젯 값으로는 생기지 않지만, 그래도 예외는 내지 않습니다.
            layout, error = None, str(exc)
        self.error = error
        self.layout = layout if error is None else None
        self.steps = _steps_from_layout(layout) if error is None else []
        self._renderer = _FrameRenderer(layout, self.steps, message=error)
        # 그림을 원래 픽셀 크기로 보여 줍니다 (늘리면 글자가 흐려짐). 좁은 화면에서는 max_width로 줄어듭니다.
        self.image.layout.width = f"{self._renderer.width}px"
        self.size_text = self._size_text(x, kernel, pad, s, d)
        self.note = self._too_big_hint(x, kernel, pad, d) if error else self._note()
        total = len(self.steps)
        self._updating = True
        try:
            self._step.value = 1
            self._play.value = 1
            self._step.max = max(total, 1)
            self._play.max = max(total, 1)
            for w in (self._step, self._play, self._prev, self._next):
                w.disabled = total == 0
        finally:
            self._updating = False
        self._draw(0 if total else None)

    def _size_text(self, x, kernel, pad, s, d) -> str:
        h, w = x.shape
        kh, kw = (kernel.shape if self.kind == "conv" else (kernel, kernel))
        try:
            rows = output_size_formula(h, kh, pad, s, d)
            cols = output_size_formula(w, kw, pad, s, d)
        except (ValueError, TypeError) as exc:
            return str(exc)
        return rows if rows == cols else f"세로: {rows}<br>가로: {cols}"

    def _too_big_hint(self, x, kernel, pad, d) -> str:
        """커널이 입력보다 클 때 무엇을 바꾸면 되는지 구체적인 숫자로 알려 줍니다."""
        if self.kind != "conv" or not isinstance(pad, int):
            return ""
        n = min(x.shape)
        f = max(kernel.shape)
        f_eff = d * (f - 1) + 1
        if f_eff <= n + 2 * pad:
            return ""
        need_p = -(-(f_eff - n) // 2)
        max_f = (n + 2 * pad - 1) // d + 1
        ways = [f"p를 {need_p} 이상으로", "p를 'same'으로"]
        if self._controls["kernel"].value != "custom":
            ways.append(f"f를 {max_f} 이하로")
        if d > 1:
            ways.append(f"d를 {max(1, (n + 2 * pad - 1) // max(f - 1, 1))} 이하로")
        return "이렇게 바꾸면 됩니다: " + ", ".join(ways) + "."

    def _note(self) -> str:
        lay = self.layout
        if lay is None or lay.unused == (0, 0):
            return ""
        ur, uc = lay.unused
        lost_r, lost_c = lay.unused_input
        sh = lay.stride[0]
        parts = []
        if ur:
            parts.append(f"마지막 {ur}행")
        if uc:
            parts.append(f"마지막 {uc}열")
        where = "·".join(parts)
        text = (f"스트라이드 {sh}로 나누어떨어지지 않아 TensorFlow처럼 내림했습니다: 패딩한 입력의 {where}에는 "
                "창이 닿지 않습니다 (분홍 칸). ")
        if lost_r or lost_c:
            text += "그 칸의 실제 입력값은 출력에 전혀 쓰이지 않습니다. "
        else:
            text += "닿지 않는 칸은 모두 패딩이라 실제 입력은 빠짐없이 쓰입니다. "
        h, w = lay.input_shape
        kh, kw = lay.window
        pad = self.params()["p"]
        try:
            conv_output_size(h, kh, pad, lay.stride[0], lay.dilation[0], strict=True)
            conv_output_size(w, kw, pad, lay.stride[1], lay.dilation[1], strict=True)
        except ValueError as exc:
            hint = str(exc)
            if "나누어떨어지게 하려면" in hint:
                hint = hint[hint.index("나누어떨어지게 하려면"):]
                hint = hint.split(" (TensorFlow처럼")[0]
                text += hint
        return text

    # -- 단계 이동 ----------------------------------------------------------
    def _on_step(self, change) -> None:
        if self._updating or not self.steps:
            return
        self._draw(int(change["new"]) - 1)

    def _move(self, delta: int) -> None:
        if not self.steps:
            return
        k = (self.step_index or 0) + delta
        self.show_step(min(max(k, 0), len(self.steps) - 1))

    def show_step(self, k: int) -> SlidingExplorer:
        """k번째 단계(0부터; 음수는 뒤에서부터)를 그립니다."""
        if not self.steps:
            raise ValueError(f"지금 설정으로는 그릴 단계가 없습니다: {self.error}")
        total = len(self.steps)
        k = check_int("k(단계 번호)", k, minimum=-total)
        if k >= total:
            raise ValueError(f"k(단계 번호)는 0..{total - 1} 사이여야 합니다 (단계 {total}개). 받은 값: {k}")
        k %= total
        self._updating = True
        try:
            self._step.value = k + 1
            self._play.value = k + 1
        finally:
            self._updating = False
        self._draw(k)
        return self

    def _draw(self, k: int | None) -> None:
        self.step_index = k
        self.frame = self._renderer.render(k)
        self.image_bytes = _encode_png(self.frame)
        self.image.value = self.image_bytes
        self.formula = step_formula(self.steps[k]) if k is not None else ""
        self.html.value = self._message_html(k)

    @property
    def message(self) -> str:
        """그림 아래 한국어 설명 (HTML)."""
        return self.html.value

    def _message_html(self, k: int | None) -> str:
        esc = html.escape
        lines = [f"<b>출력 크기</b>: {self.size_text if '<br>' in self.size_text else esc(self.size_text)}"]
        if self.error:
            lines.append(f"<span style='color:#b00000'><b>이 설정은 계산할 수 없습니다.</b> {esc(self.error)}</span>")
        elif k is not None:
            st = self.steps[k]
            what = {"conv": "합성곱", "max": "최대 풀링", "avg": "평균 풀링"}[st.mode]
            lines.append(
                f"<b>단계 {k + 1} / {len(self.steps)}</b> · 출력 [{st.out[0]}, {st.out[1]}] ({what}): "
                f"<code>{esc(self.formula)}</code>"
            )
        if self.note:
            lines.append(f"<span style='color:#8a4b00'>{esc(self.note)}</span>")
        return "<div style='line-height:1.6'>" + "<br>".join(lines) + "</div>"

    # -- 표시 -------------------------------------------------------------
    def __repr__(self) -> str:
        p = self.params()
        name = "합성곱 탐색기" if self.kind == "conv" else "풀링 탐색기"
        return f"{name}(" + ", ".join(f"{k}={v!r}" for k, v in p.items()) + ")"

    def _repr_mimebundle_(self, include=None, exclude=None):
        return widget_bundle(repr(self), self.widget)

    def animation_html(self, **kwargs):
        """지금 설정을 커널 없이도 움직이는 애니메이션(HTML)으로 돌려줍니다 (`animation_html` 참고)."""
        x, kernel, pad, s, d, mode = self._current_arrays()
        return animation_html(x, kernel, pad, s, d, mode, **kwargs)


def conv_explorer(n=5, f=3, p=0, s=1, d=1, x=None, kernel=None) -> SlidingExplorer:
    """합성곱 슬라이딩 창 탐색기를 만듭니다 (노트북 셀의 마지막 줄에 두세요).

    n: 입력 크기 (x를 주면 무시), f: 커널 크기, p: 패딩(정수, 'valid', 'same'), s: 스트라이드, d: 팽창.
    x: 직접 줄 2-D 입력 (최대 16×16), kernel: 직접 줄 2-D 커널 (주면 '직접 준 커널' 프리셋이 선택됨).
    조절기로 n, f, p, s, d, 커널 프리셋을 바꾸고, 재생·단계 슬라이더·◀/▶로 창을 움직입니다.
    불가능한 조합(커널이 입력보다 큼 등)은 예외 대신 한국어 설명을 보여 줍니다.
    """
    n = check_int("n(입력 크기)", n, minimum=1)
    f = check_int("f(커널 크기)", f, minimum=1)
    s = check_int("s(스트라이드)", s, minimum=1)
    d = check_int("d(팽창)", d, minimum=1)
    for name, v in (("n", n), ("f", f), ("s", s), ("d", d)):
        if v > _MAX_SIDE:
            raise ValueError(f"{name}은(는) {_MAX_SIDE} 이하여야 합니다. 받은 값: {v}")
    params = {"n": n, "f": f, "p": _normalize_padding(p), "s": s, "d": d,
              "kernel": "edge" if kernel is None else "custom"}
    if kernel is not None:
        params["f"] = np.shape(kernel)[0] if np.ndim(kernel) == 2 else f
    return SlidingExplorer("conv", params, x=x, kernel=kernel)


def pool_explorer(n=6, size=2, s=2, p=0, mode="max", x=None) -> SlidingExplorer:
    """풀링 슬라이딩 창 탐색기를 만듭니다.

    n: 입력 크기 (x를 주면 무시), size: 창 크기, s: 스트라이드, p: 패딩(정수, 'valid', 'same'),
    mode: 'max' 또는 'avg'. SAME은 TF처럼 남는 패딩 한 칸을 아래·오른쪽에 둡니다. 패딩 칸은 최대에서
    뽑히지 않고 평균의 개수에서 빠집니다.
    """
    n = check_int("n(입력 크기)", n, minimum=1)
    size = check_int("size(창 크기)", size, minimum=1)
    s = check_int("s(스트라이드)", s, minimum=1)
    for name, v in (("n", n), ("size", size), ("s", s)):
        if v > _MAX_SIDE:
            raise ValueError(f"{name}은(는) {_MAX_SIDE} 이하여야 합니다. 받은 값: {v}")
    if mode not in ("max", "avg"):
        raise ValueError(f"mode는 'max'(최대 풀링) 또는 'avg'(평균 풀링)여야 합니다. 받은 값: {mode!r}")
    params = {"n": n, "size": size, "p": _normalize_padding(p), "s": s, "mode": mode}
    return SlidingExplorer("pool", params, x=x)


# ---------------------------------------------------------------------------
# 4. 커널 없이 움직이는 그림: to_jshtml 애니메이션, GIF
# ---------------------------------------------------------------------------


def _animation_args(x, kernel, stride, mode):
    _check_mode(mode)
    if x is None:
        x = _default_input(5, seed=0) if mode == "conv" else _default_input(6, seed=1)
    if kernel is None:
        kernel = kernel_preset("edge", 3) if mode == "conv" else 2
    if stride is None:
        stride = 1 if mode == "conv" else _window_of(kernel, mode)[0]
    return x, kernel, stride


def render_frames(x=None, kernel=None, padding=0, stride=None, dilation=1, mode="conv", flip=False, *,
                  cell: int = 26, caption: bool = True, max_frames: int = 64) -> list[np.ndarray]:
    """모든 단계의 그림을 (H, W, 3) uint8 배열 목록으로 돌려줍니다 (탐색기와 같은 그림 + 아래에 식).

    x, kernel을 생략하면 탐색기의 기본값(5×5 입력과 3×3 경계 커널, 풀링은 6×6과 2×2)을 씁니다.
    stride를 생략하면 합성곱 1, 풀링은 창 크기입니다.
    """
    x, kernel, stride = _animation_args(x, kernel, stride, mode)
    cell = check_int("cell(칸 크기, 픽셀)", cell, minimum=12)
    max_frames = check_int("max_frames", max_frames, minimum=1)
    layout = sliding_layout(x, kernel, padding, stride, dilation, mode, flip)
    steps = _steps_from_layout(layout)
    if len(steps) > max_frames:
        raise ValueError(
            f"단계가 {len(steps)}개로 max_frames={max_frames}보다 많습니다. 입력을 줄이거나 스트라이드를 늘리세요 "
            "(또는 max_frames를 늘리세요)."
        )
    renderer = _FrameRenderer(layout, steps, cell=cell, caption=caption)
    return [renderer.render(k) for k in range(len(steps))]


def to_animation(x=None, kernel=None, padding=0, stride=None, dilation=1, mode="conv", flip=False, *,
                 interval: int = 800, cell: int = 26, max_frames: int = 64):
    """슬라이딩 창 애니메이션(matplotlib FuncAnimation)을 만듭니다. pyplot을 쓰지 않아 그림이 따로 뜨지 않습니다."""
    from matplotlib.animation import FuncAnimation
    from matplotlib.figure import Figure

    interval = check_int("interval(밀리초)", interval, minimum=50)
    frames = render_frames(x, kernel, padding, stride, dilation, mode, flip, cell=cell, max_frames=max_frames)
    h, w = frames[0].shape[:2]
    dpi = 100
    fig = Figure(figsize=(w / dpi, h / dpi), dpi=dpi)
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_axis_off()
    image = ax.imshow(frames[0], interpolation="nearest")

    def update(i):
        image.set_data(frames[i])
        return [image]

    return FuncAnimation(fig, update, frames=len(frames), interval=interval, blit=False)


_ANIMATION_COUNT = 0


def animation_html(x=None, kernel=None, padding=0, stride=None, dilation=1, mode="conv", flip=False, *,
                   interval: int = 800, cell: int = 26, max_frames: int = 64):
    """커널(파이썬 실행) 없이도 재생되는 애니메이션을 `IPython.display.HTML`로 돌려줍니다.

    matplotlib `to_jshtml()`을 씁니다 (nbviewer, HTML로 내보낸 노트북에서도 움직임). 인자는
    `render_frames`와 같습니다. 요소 id는 실행마다 같게 만들지만(프로세스 안에서 몇 번째인지로),
    프레임 PNG(base64)는 matplotlib·zlib 판에 따라 달라질 수 있어 nbval에는
    ``data:image/png;base64,…``를 지우는 정리(sanitize) 규칙이 필요합니다.
    """
    from IPython.display import HTML

    anim = to_animation(x, kernel, padding, stride, dilation, mode, flip, interval=interval, cell=cell,
                        max_frames=max_frames)
    text = anim.to_jshtml(default_mode="loop")
    # to_jshtml은 요소 id로 uuid4(매번 다름)를 씁니다. 저장된 출력과 다시 실행한 출력이 같도록, 이 프로세스에서
    # 몇 번째 애니메이션인지와 크기로 만든 id로 바꿉니다 (한 페이지 안의 애니메이션끼리는 여전히 다름).
    found = re.search(r"_anim_img([0-9a-f]{32})", text)
    if found:
        global _ANIMATION_COUNT
        _ANIMATION_COUNT += 1
        seed = f"cnn-helpers-{_ANIMATION_COUNT}-{anim._fig.bbox.width:.0f}x{anim._fig.bbox.height:.0f}"
        text = text.replace(found.group(1), hashlib.md5(seed.encode()).hexdigest())
    return HTML(text)


def save_gif(path, x=None, kernel=None, padding=0, stride=None, dilation=1, mode="conv", flip=False, *,
             interval: int = 800, cell: int = 26, max_frames: int = 64) -> Path:
    """슬라이딩 창 애니메이션을 움직이는 GIF 파일로 저장하고 경로를 돌려줍니다 (GitHub에서도 재생됨)."""
    from PIL import Image

    interval = check_int("interval(밀리초)", interval, minimum=20)
    frames = render_frames(x, kernel, padding, stride, dilation, mode, flip, cell=cell, max_frames=max_frames)
    images = [Image.fromarray(f).quantize(colors=64, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
              for f in frames]
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    images[0].save(path, format="GIF", save_all=True, append_images=images[1:], duration=interval, loop=0,
                   optimize=False)
    return path
