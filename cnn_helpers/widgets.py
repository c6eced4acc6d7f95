"""합성곱·풀링 슬라이딩 창 탐색기 (ipywidgets): `conv_explorer`, `pool_explorer`.

탐색기는 얇은 화면일 뿐입니다. 계산은 `sliding`(프레임 모델과 안내 문장), 그림은 `render`(numpy
래스터라이저)가 합니다. ipywidgets 7·8 모두에 있는 기본 위젯만
써서 Colab과 JupyterLab 4에서 같이 동작합니다.

스트라이드가 나누어떨어지지 않으면 TensorFlow처럼 내림합니다. 탐색기는 이런 설정도 거절하지 않고 결과를
보여 주며, 닿지 않는 칸을 분홍색으로 칠하고 한국어로 설명합니다 (TF·Keras가 실제로 그렇게 계산하므로
학습자가 그 모습을 보는 것이 낫다고 판단했습니다).

`import cnn_helpers.widgets`는 TensorFlow도 ipywidgets도 불러오지 않습니다 (ipywidgets는 탐색기를
만들 때, matplotlib·PIL은 그릴 때 불러옵니다).
"""

from __future__ import annotations

import html

import numpy as np

from ._validate import check_array, check_int
from .arithmetic import parse_padding
from .frontend import widget_bundle
from .raster import encode_png
from .render import FrameRenderer
from .sliding import (
    KERNEL_PRESETS,
    SlidingLayout,
    Step,
    default_input,
    kernel_preset,
    output_size_formula,
    step_formula,
    steps_from_layout,
    stride_note,
    too_big_hint,
    try_layout,
)

__all__ = ["conv_explorer", "pool_explorer"]

# 탐색기에 넣을 수 있는 입력의 최대 크기 (그보다 크면 칸 속 숫자를 읽을 수 없습니다).
_MAX_SIDE = 16


def _normalize_padding(p, name="p"):
    """탐색기의 p: 0 이상 _MAX_SIDE 이하의 정수, 'valid'(=0) 또는 'same'."""
    mode = parse_padding(p, f"{name}(패딩)")
    if mode == "valid":
        return 0
    if mode != "same" and mode > _MAX_SIDE:
        raise ValueError(f"{name}(패딩)은(는) {_MAX_SIDE} 이하여야 합니다 (칸 속 숫자를 읽을 수 있게). 받은 값: {mode}")
    return mode


def _padding_options(extra):
    opts = [("0 (valid)", 0), ("1", 1), ("2", 2), ("3", 3), ("same", "same")]
    if extra not in [v for _, v in opts]:
        opts.insert(-1, (str(extra), extra))
        opts[:-1] = sorted(opts[:-1], key=lambda o: o[1])
    return opts


def _make_controls(kind: str, params: dict, *, custom_kernel: bool, fixed_n: int | None) -> dict:
    """탐색기의 설정 조절기들 {이름: 위젯}: n, f 또는 창 크기, p, s, (합성곱) d와 커널 프리셋, (풀링) 방식."""
    import ipywidgets as W

    style = {"description_width": "initial"}

    def slider(key, low, high, description):
        return W.IntSlider(value=params[key], min=low, max=max(high, params[key]), description=description,
                           style=style, layout=W.Layout(width="230px"), continuous_update=False)

    c: dict = {"n": slider("n", 2, 10, "n (입력 크기)")}
    if kind == "conv":
        c["f"] = slider("f", 1, 7, "f (커널)")
    else:
        c["size"] = slider("size", 1, 5, "창 크기")
    c["p"] = W.Dropdown(options=_padding_options(params["p"]), value=params["p"], description="p (패딩)",
                        style=style, layout=W.Layout(width="170px"))
    c["s"] = slider("s", 1, 4, "s (스트라이드)")
    if kind == "conv":
        c["d"] = slider("d", 1, 3, "d (팽창)")
        presets = [(f"{ko} ({en})", en) for en, ko in KERNEL_PRESETS.items()]
        if custom_kernel:
            presets.append(("직접 준 커널", "custom"))
        c["kernel"] = W.Dropdown(options=presets, value=params["kernel"], description="커널",
                                 style=style, layout=W.Layout(width="230px"))
    else:
        c["mode"] = W.ToggleButtons(options=[("최대 (max)", "max"), ("평균 (avg)", "avg")], value=params["mode"],
                                    description="풀링", style=style)
    if fixed_n is not None:
        c["n"].min, c["n"].max = min(2, fixed_n), max(10, fixed_n)  # 값이 슬라이더 범위에 잘리지 않게
        c["n"].value = fixed_n
        c["n"].disabled = True
        c["n"].description = "n (입력 고정)"
    return c


def _check_input(x) -> np.ndarray:
    x = check_array("x", x, 2, what="(높이, 너비)").astype(float)
    if max(x.shape) > _MAX_SIDE:
        raise ValueError(
            f"탐색기의 x는 {_MAX_SIDE}×{_MAX_SIDE}까지 보여 줄 수 있습니다. 받은 모양: {x.shape}. "
            f"x[:{_MAX_SIDE}, :{_MAX_SIDE}]처럼 잘라서 넣으세요."
        )
    return x


def _check_kernel(kernel) -> np.ndarray:
    kernel = check_array("kernel", kernel, 2, what="(커널 높이, 커널 너비)").astype(float)
    if max(kernel.shape) > 9:
        raise ValueError(f"탐색기의 kernel은 9×9까지 보여 줄 수 있습니다. 받은 모양: {kernel.shape}")
    return kernel


def _make_stepper():
    """(재생, 단계 슬라이더, 둘의 jslink, ◀ 이전, 다음 ▶): 단계를 움직이는 줄."""
    import ipywidgets as W

    play = W.Play(value=1, min=1, max=1, step=1, interval=900, description="재생")
    step = W.IntSlider(value=1, min=1, max=1, description="단계", style={"description_width": "initial"},
                       layout=W.Layout(width="340px"))
    step.add_class("cnn-step-slider")
    prev = W.Button(description="◀ 이전", layout=W.Layout(width="80px"), tooltip="이전 단계")
    nxt = W.Button(description="다음 ▶", layout=W.Layout(width="80px"), tooltip="다음 단계")
    prev.add_class("cnn-prev")
    nxt.add_class("cnn-next")
    return play, step, W.jslink((play, "value"), (step, "value")), prev, nxt


def _checked_setting(w, key, value, *, fixed_n: bool):
    """설정 하나를 검사해 조절기 w에 넣을 값으로 돌려줍니다 (조절기는 건드리지 않음)."""
    if key == "p":
        return _normalize_padding(value)
    if key == "kernel":
        names = [v for _, v in w.options]
        if not isinstance(value, str) or value not in names:
            raise ValueError(f"kernel 프리셋은 {names} 중 하나여야 합니다. 받은 값: {value!r}")
        return value
    if key == "mode":
        if not isinstance(value, str) or value not in ("max", "avg"):
            raise ValueError(f"mode는 'max' 또는 'avg'여야 합니다. 받은 값: {value!r}")
        return value
    if key == "n" and fixed_n:
        raise ValueError("x를 직접 준 탐색기에서는 n을 바꿀 수 없습니다 (입력 크기는 x의 모양입니다).")
    return check_int(key, value, minimum=1, maximum=_MAX_SIDE, why="칸 속 숫자를 읽을 수 있게")


def _assign_setting(w, key, value) -> None:
    """검사한 값을 조절기에 넣습니다 (슬라이더 범위·패딩 선택지를 필요하면 넓힘)."""
    if key == "p":
        if value not in [v for _, v in w.options]:
            w.options = _padding_options(value)
    elif key not in ("kernel", "mode"):
        w.max = max(w.max, value)
        w.min = min(w.min, value)
    w.value = value


def _size_text(x_shape, kernel_shape, pad, s, d) -> str:
    """출력 크기 식 (세로와 가로가 다르면 두 줄)."""
    try:
        rows = output_size_formula(x_shape[0], kernel_shape[0], pad, s, d)
        cols = output_size_formula(x_shape[1], kernel_shape[1], pad, s, d)
    except (ValueError, TypeError) as exc:
        return str(exc)
    return rows if rows == cols else f"세로: {rows}<br>가로: {cols}"


def _message_html(size_text: str, error: str | None, st: Step | None, total: int, formula: str, note: str) -> str:
    """그림 아래의 한국어 설명: 출력 크기, 지금 단계의 식(또는 계산할 수 없는 까닭), 내림 안내."""
    esc = html.escape
    lines = [f"<b>출력 크기</b>: {size_text if '<br>' in size_text else esc(size_text)}"]
    if error:
        lines.append(f"<span style='color:#b00000'><b>이 설정은 계산할 수 없습니다.</b> {esc(error)}</span>")
    elif st is not None:
        what = {"conv": "합성곱", "max": "최대 풀링", "avg": "평균 풀링"}[st.mode]
        lines.append(f"<b>단계 {st.index + 1} / {total}</b> · 출력 [{st.out[0]}, {st.out[1]}] ({what}): "
                     f"<code>{esc(formula)}</code>")
    if note:
        lines.append(f"<span style='color:#8a4b00'>{esc(note)}</span>")
    return "<div style='line-height:1.6'>" + "<br>".join(lines) + "</div>"


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
        self._x = None if x is None else _check_input(x)
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

        if kind == "conv" and kernel is not None:
            self._kernel = _check_kernel(kernel)
        c = self._controls = _make_controls(kind, params, custom_kernel=self._kernel is not None,
                                             fixed_n=None if self._x is None else self._x.shape[0])
        for w in c.values():
            w.observe(self._on_param, names="value")

        self._play, self._step, self._link, self._prev, self._next = _make_stepper()
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
        # 먼저 새 설정 전체를 검사합니다: 하나라도 틀리면 아무 조절기도 바꾸지 않습니다.
        checked = {key: _checked_setting(self._controls[key], key, value, fixed_n=self._x is not None)
                   for key, value in params.items()}
        self._holding = True
        try:
            for key, value in checked.items():
                _assign_setting(self._controls[key], key, value)
        finally:
            self._holding = False
        self._update()
        return self

    def _on_param(self, _change) -> None:
        if not self._holding:
            self._update()

    def _current_arrays(self):
        p = self.params()
        if self.kind == "conv":
            n = p["n"]
            x = self._x if self._x is not None else default_input(n, seed=0)
            custom = p["kernel"] == "custom"
            kernel = self._kernel if custom else kernel_preset(p["kernel"], p["f"])
            self._controls["f"].disabled = custom
            if custom:
                self._holding = True
                self._controls["f"].value = self._kernel.shape[0]
                self._holding = False
            return x, kernel, p["p"], p["s"], p["d"], "conv"
        x = self._x if self._x is not None else default_input(p["n"], seed=1)
        return x, p["size"], p["p"], p["s"], 1, p["mode"]

    def _update(self) -> None:
        x, kernel, pad, s, d, mode = self._current_arrays()
        try:
            layout, error = try_layout(x, kernel, pad, s, d, mode)
        except (ValueError, TypeError) as exc:  # 위젯 값으로는 생기지 않지만, 그래도 예외는 내지 않습니다.
            layout, error = None, str(exc)
        self.error = error
        self.layout = layout if error is None else None
        self.steps = steps_from_layout(layout) if error is None else []
        self._renderer = FrameRenderer(layout, self.steps, message=error)
        # 그림을 원래 픽셀 크기로 보여 줍니다 (늘리면 글자가 흐려짐). 좁은 화면에서는 max_width로 줄어듭니다.
        self.image.layout.width = f"{self._renderer.width}px"
        self.size_text = _size_text(x.shape, kernel.shape if self.kind == "conv" else (kernel, kernel), pad, s, d)
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

    def _too_big_hint(self, x, kernel, pad, d) -> str:
        """커널이 입력보다 클 때 무엇을 바꾸면 되는지 (`sliding.too_big_hint`)."""
        if self.kind != "conv":
            return ""
        return too_big_hint(min(x.shape), max(kernel.shape), pad, d,
                            can_change_f=self._controls["kernel"].value != "custom")

    def _note(self) -> str:
        """내림 안내 (`sliding.stride_note`)."""
        return stride_note(self.layout, self.params()["p"])

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
        self.image_bytes = encode_png(self.frame)
        self.image.value = self.image_bytes
        self.formula = step_formula(self.steps[k]) if k is not None else ""
        st = self.steps[k] if k is not None else None
        self.html.value = _message_html(self.size_text, self.error, st, len(self.steps), self.formula, self.note)

    @property
    def message(self) -> str:
        """그림 아래 한국어 설명 (HTML)."""
        return self.html.value

    # -- 표시 -------------------------------------------------------------
    def __repr__(self) -> str:
        p = self.params()
        name = "합성곱 탐색기" if self.kind == "conv" else "풀링 탐색기"
        return f"{name}(" + ", ".join(f"{k}={v!r}" for k, v in p.items()) + ")"

    def _repr_mimebundle_(self, include=None, exclude=None):
        return widget_bundle(repr(self), self.widget, self.image_bytes)


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
