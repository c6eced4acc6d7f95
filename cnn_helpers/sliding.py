"""슬라이딩 창의 프레임 모델: 합성곱·풀링의 창이 한 칸씩 움직이는 과정을 데이터로 계산합니다 (numpy만 사용).

`sliding_steps`는 단계(`Step`)마다 출력 위치, 창이 덮는 칸(패딩한 입력 기준 좌표), 값, 곱, 결과를
돌려줍니다. 모든 단계를 모으면(`assemble_output`) `ops.conv2d` / `ops.pool2d`(= TensorFlow)와 정확히
같습니다. 탐색기(`widgets`), 움직이는 그림(`animation`), 시험이 모두 이 데이터를 씁니다. 탐색기 아래에
나오는 안내 문장(`stride_note`, `too_big_hint`)도 여기서 데이터로 만듭니다.

패딩 규칙 (TensorFlow와 같게):

- 합성곱: 패딩 칸은 0입니다.
- 최대 풀링: 패딩 칸은 -inf로 채워 절대 뽑히지 않습니다 (TF의 SAME 최대 풀링과 같음).
- 평균 풀링: 패딩 칸은 합에도, 나누는 개수에도 넣지 않습니다 (TF의 SAME 평균 풀링과 같음).
- TF 풀링은 'valid'/'same'만 받지만 여기서는 정수 패딩도 받으며 위와 같은 규칙을 씁니다
  (PyTorch의 MaxPool2d, `count_include_pad=False`인 AvgPool2d와 같음). 창이 패딩만 덮게 되는
  패딩(예: p ≥ 창 크기)은 오류입니다.

스트라이드가 나누어떨어지지 않으면 TensorFlow처럼 내림합니다: 끝에 남는 행·열에는 창이 닿지
않습니다 (`SlidingLayout.unused`).
"""

from __future__ import annotations

import math
import numbers
from dataclasses import dataclass

import numpy as np

from ._validate import MAX_STEP, STEP_WHY, check_array, check_int, check_pair, short_repr
from .arithmetic import (
    conv_output_size,
    divisibility_fixes,
    effective_kernel_size,
    parse_padding,
    resolve_padding,
)
from .ops import pad_amounts

__all__ = ["sliding_steps", "assemble_output"]

# 단계 목록의 한도: 단계마다 파이썬 객체를 만들므로 2000×2000 입력(약 400만 단계)은 30초 넘게 걸립니다.
MAX_STEPS = 100_000

MODES = ("conv", "max", "avg")

# 커널 프리셋: 이름 → 한국어 이름
KERNEL_PRESETS = {"edge": "경계", "blur": "흐림", "identity": "항등", "random": "무작위"}



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


def check_mode(mode) -> str:
    if mode not in MODES:
        raise ValueError(f"mode는 'conv'(합성곱), 'max'(최대 풀링), 'avg'(평균 풀링) 중 하나여야 합니다. 받은 값: {mode!r}")
    return mode


def window_of(kernel, mode: str):
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


def try_layout(x, kernel, padding=0, stride=1, dilation=1, mode="conv", flip=False):
    """(SlidingLayout 또는 None, 오류 문장 또는 None)을 돌려줍니다.

    인자 자체가 잘못되면(자료형, 모양) 예외를 냅니다. 인자는 옳은데 조합이 불가능하면(커널이 입력보다
    큼, 패딩만 덮는 풀링 창) 그릴 수 있는 만큼의 layout(out_shape=(0, 0))과 오류 문장을 돌려줍니다.
    """
    mode = check_mode(mode)
    if not isinstance(flip, (bool, np.bool_)):
        raise TypeError(f"flip은 True 또는 False여야 합니다. 받은 값: {flip!r}")
    if flip and mode != "conv":
        raise ValueError("flip=True(커널 뒤집기)는 mode='conv'에서만 쓸 수 있습니다. 풀링에는 뒤집을 커널이 없습니다.")
    x = check_array("x", x, 2, what="(높이, 너비)").astype(np.float64)
    (kh, kw), weights = window_of(kernel, mode)
    if weights is not None and flip:
        weights = weights[::-1, ::-1]
    sh, sw = check_pair("stride", stride, maximum=MAX_STEP, why=STEP_WHY)
    dh, dw = check_pair("dilation", dilation, maximum=MAX_STEP, why=STEP_WHY)
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
        f_eff = effective_kernel_size(k, d)
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
            (padded.shape[a] - effective_kernel_size(k, d)) % s for a, k, s, d in ((0, kh, sh, dh), (1, kw, sw, dw))
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
    layout, message = try_layout(x, kernel, padding, stride, dilation, mode, flip)
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


def _window_sum(values) -> float:
    """창 하나의 합. 보통은 정확한 합(math.fsum)이고, 합이 float 범위를 넘으면 TensorFlow·numpy처럼 ±∞ 또는
    (∞ − ∞이면) nan이 됩니다 (fsum은 이때 OverflowError·ValueError를 냅니다)."""
    try:
        return math.fsum(values)
    except (OverflowError, ValueError):
        with np.errstate(over="ignore", invalid="ignore"):
            return float(np.sum(np.asarray(values, dtype=float)))


def steps_from_layout(layout: SlidingLayout) -> list[Step]:
    """layout에서 단계 목록을 만듭니다 (행 우선 순서). 창의 값은 한 번의 색인으로 모두 꺼냅니다."""
    oh, ow = layout.out_shape
    if oh * ow > MAX_STEPS:
        raise ValueError(
            f"단계(출력 칸)가 {oh * ow:,}개({oh}×{ow})로 너무 많습니다: 단계 목록은 {MAX_STEPS:,}개까지 만듭니다. "
            "x[:32, :32]처럼 입력을 잘라 주거나, 출력만 필요하면 ops.conv2d·ops.pool2d를 쓰세요."
        )
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
                value = _window_sum(products)
            else:
                real = [t for t, p in enumerate(is_pad) if not p]
                if mode == "max":
                    best = max(real, key=lambda t: (inputs[t], -t))  # 같은 값이면 앞쪽 칸
                    chosen = cells[best]
                    value = inputs[best]
                else:
                    value = _window_sum([inputs[t] for t in real]) / len(real)
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
    return steps_from_layout(sliding_layout(x, kernel, padding, stride, dilation, mode, flip))


def assemble_output(steps) -> np.ndarray:
    """단계들의 값을 출력 위치에 모아 2-D 배열로 돌려줍니다.

    >>> assemble_output(sliding_steps(np.arange(16.).reshape(4, 4), 2, stride=2, mode="max"))
    array([[ 5.,  7.],
           [13., 15.]])
    """
    message = "steps는 sliding_steps()가 돌려준 단계(Step)들의 비어 있지 않은 목록이어야 합니다."
    if isinstance(steps, (str, bytes)) or not hasattr(steps, "__iter__"):
        raise ValueError(f"{message} 받은 값: {short_repr(steps)}")
    steps = list(steps)
    if not steps or not all(isinstance(s, Step) for s in steps):
        raise ValueError(message)
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


def format_value(v: float, digits: int = 3) -> str:
    """숫자를 짧게 씁니다 (정수는 소수점 없이, 소수는 digits자리까지; -inf는 -∞).

    >>> format_value(2.5), format_value(3.0), format_value(1 / 3)
    ('2.5', '3', '0.333')
    """
    if isinstance(v, (bool, np.bool_)) or not isinstance(v, (int, float, np.integer, np.floating)):
        raise TypeError(f"format_value에는 숫자를 주세요. 받은 값: {v!r} ({type(v).__name__})")
    digits = check_int("digits", digits, minimum=0, maximum=15)
    return _num(v, digits)[0]


def _factor(v: float) -> tuple[str, bool]:
    text, exact = _num(v)
    return (f"({text})" if text.startswith("-") else text), exact


def step_formula(step: Step, *, max_terms: int | None = None) -> str:
    """한 단계의 계산을 한 줄 식으로 씁니다.

    합성곱: ``"1×0 + 2×1 + … = 7"`` (입력×커널), 최대: ``"max(1, 5, 3, 2) = 5"``,
    평균: ``"(1 + 5 + 3 + 2) / 4 = 2.75"``. 풀링 식에는 패딩 칸을 넣지 않습니다.
    숫자는 소수 셋째 자리까지 쓰고, 반올림한 숫자가 있으면 ``=`` 대신 ``≈``를 씁니다.
    max_terms: 항이 이보다 많으면 앞부분과 마지막 항만 쓰고 가운데를 ``…``로 줄입니다. 합성곱이면 줄이기 전에
    0인 패딩 항부터 뺍니다 (식 끝에 "0인 패딩 n칸 생략").

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
    pad_dropped = 0
    if step.mode == "conv" and max_terms is not None and len(terms) > max_terms and any(step.is_pad):
        # 줄여 써야 하면 0인 패딩 항(0×w)부터 뺍니다: "0×(-1) + 0×(-1) + … = 58"처럼 식이 값을 숨기지 않게.
        kept = [t for t, pad in zip(terms, step.is_pad) if not pad]
        if kept:
            pad_dropped = len(terms) - len(kept)
            terms = kept
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
    elif pad_dropped:
        text += f"  (0인 패딩 {pad_dropped}칸 생략)"
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
    f_eff = effective_kernel_size(f, d)
    same = parse_padding(p) == "same"
    before, after = resolve_padding(n, f, p, s, d)
    pad = f"2×{before}" if before == after else f"{before} + {after}"
    inner = f"{n} + {pad} − {f_eff}"
    span = n + before + after - f_eff
    if span < 0:
        text = f"{inner} = {span} < 0 → 커널이 패딩을 더한 입력보다 커서 출력이 없습니다"
    elif span % s == 0:
        text = f"({inner}) / {s} + 1 = {span // s + 1}"
    else:
        text = f"⌊({inner}) / {s}⌋ + 1 = ⌊{format_value(span / s)}⌋ + 1 = {span // s + 1}"
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
    f = check_int("f(커널 크기)", f, minimum=1, maximum=4096, why="f×f 커널이 메모리에 들어가게")
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


def default_input(n: int, seed: int = 0) -> np.ndarray:
    """탐색기의 기본 입력: 0..9 정수 n×n (seed 고정; 합성곱 탐색기는 seed=0, 풀링 탐색기는 seed=1).

    >>> default_input(3)
    array([[8., 6., 5.],
           [2., 3., 0.],
           [0., 0., 1.]])
    """
    n = check_int("n(입력 크기)", n, minimum=1, maximum=64, why="칸 속 숫자를 읽을 수 있는 크기")
    seed = check_int("seed", seed, minimum=0)
    return np.random.default_rng(seed).integers(0, 10, size=(n, n)).astype(float)


# ---------------------------------------------------------------------------
# 탐색기 아래에 보여 주는 안내 (데이터에서 만든 문장; 오류 문장을 읽지 않습니다)
# ---------------------------------------------------------------------------


def stride_note(layout: SlidingLayout | None, padding=0) -> str:
    """스트라이드가 나누어떨어지지 않아 창이 닿지 않는 칸이 있을 때의 설명 (없으면 빈 문자열).

    padding: layout을 만들 때 준 패딩 인자. 정수 패딩이고 실제 화소가 버려지면 나누어떨어지게 하는 p·s 후보를
    `arithmetic.divisibility_fixes`로 구해 덧붙입니다 (버려지는 칸이 모두 패딩이면 고칠 것이 없으므로 붙이지 않음).

    >>> stride_note(sliding_layout(np.zeros((6, 6)), np.ones((3, 3)), stride=2), 0)[:30]
    '스트라이드 2로 나누어떨어지지 않아 TensorFlow'
    """
    if layout is None or layout.unused == (0, 0):
        return ""
    ur, uc = layout.unused
    lost_r, lost_c = layout.unused_input
    parts = []
    if ur:
        parts.append(f"마지막 {ur}행")
    if uc:
        parts.append(f"마지막 {uc}열")
    where = "·".join(parts)
    # 창이 닿지 않는 축의 스트라이드를 말합니다 (s=(2, 3)에서 가로만 남으면 3). 두 축이 다르면 '행·열' 순서로 둘 다.
    strides = [layout.stride[axis] for axis, left in enumerate((ur, uc)) if left]
    if len(set(strides)) == 1:
        strides = strides[:1]
    stride = strides[-1]
    particle = "으로" if stride % 10 in (0, 3, 6) else "로"  # 삼·육·십으로, 이·사·칠로
    text = (f"스트라이드 {'·'.join(map(str, strides))}{particle} 나누어떨어지지 않아 TensorFlow처럼 내림했습니다: "
            f"패딩한 입력의 {where}에는 창이 닿지 않습니다 (분홍 칸). ")
    if lost_r or lost_c:
        text += "그 칸의 실제 입력값은 출력에 전혀 쓰이지 않습니다. "
    else:
        # 잃는 화소가 없으면 고칠 것도 없습니다 (02강: 물을 것은 '실제 화소가 버려지는가?').
        return text + "닿지 않는 칸은 모두 패딩이라 실제 입력은 빠짐없이 쓰입니다."
    if isinstance(padding, str) and parse_padding(padding) == "same":
        return text  # SAME은 언제나 ceil(n/s): 고칠 것이 없습니다.
    for axis in (0, 1):
        fixes = divisibility_fixes(layout.input_shape[axis], layout.window[axis], _axis_padding_arg(padding, axis),
                                   layout.stride[axis], layout.dilation[axis])
        if fixes.padding or fixes.stride:
            return text + f"나누어떨어지게 하는 값: {fixes.describe()}."
    return text


def too_big_hint(n: int, f: int, p, d: int = 1, *, can_change_f: bool = True) -> str:
    """커널이 패딩을 더한 입력보다 클 때 무엇을 바꾸면 되는지 구체적인 숫자로 알려 줍니다 (아니면 빈 문자열).

    n: 입력의 짧은 변, f: 커널의 긴 변, p: 정수 패딩('same'이면 빈 문자열), d: 팽창.

    >>> too_big_hint(3, 5, 0)
    "이렇게 바꾸면 됩니다: p를 1 이상으로, p를 'same'으로, f를 3 이하로."
    """
    if not isinstance(p, int):
        return ""
    f_eff = effective_kernel_size(f, d)
    if f_eff <= n + 2 * p:
        return ""
    need_p = -(-(f_eff - n) // 2)
    max_f = (n + 2 * p - 1) // d + 1
    ways = [f"p를 {need_p} 이상으로", "p를 'same'으로"]
    if can_change_f:
        ways.append(f"f를 {max_f} 이하로")
    if d > 1:
        ways.append(f"d를 {max(1, (n + 2 * p - 1) // max(f - 1, 1))} 이하로")
    return "이렇게 바꾸면 됩니다: " + ", ".join(ways) + "."
