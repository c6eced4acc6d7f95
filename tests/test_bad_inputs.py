"""호기심 많은(또는 서두른) 학생처럼 모든 공개 함수에 잘못된 입력을 넣어 봅니다 (issue 15, 21).

사례 하나가 시험 하나입니다. 잘못된 입력(`bad`)은 ValueError/TypeError를 내고 그 문장에 `msg`(어느 검사가
걸렸는지 알 수 있는 한국어 몇 낱말)가 들어 있어야 하고, 올바른 입력(`ok`)은 맞는 값을 돌려줘야 합니다.
멈춘 사례는 pytest-timeout이 실패로 끝냅니다. 한 함수만: `pytest tests/test_bad_inputs.py -k sliding_steps`.
"""

from __future__ import annotations

import functools
import importlib
import math
import os
import re
import tempfile
from dataclasses import dataclass

import matplotlib
import numpy as np
import pytest

# 그림은 화면 없이 그립니다. 환경 변수(MPLBACKEND)로 정하면 같은 프로세스에서 뜨는 노트북 커널까지 물려받아
# 그림 출력이 사라지므로(nbval이 실패), 이 프로세스의 matplotlib에만 정합니다.
matplotlib.use("Agg")

NAN, INF = float("nan"), float("inf")
HANGUL = re.compile("[가-힣]")
TF_TIMEOUT = 120  # TensorFlow를 처음 불러오는 사례는 몇십 초 걸릴 수 있습니다.


@dataclass
class Case:
    call: object
    msg: str | None = None  # 잘못된 입력: 오류 문장에 들어 있어야 하는 낱말. None이면 올바른 입력
    check: object = None  # 올바른 입력: 돌려준 값을 확인하는 함수
    errors: tuple = ()  # ValueError/TypeError 말고 받아 주는 예외 (예: FileNotFoundError)


CASES: list = []


def _fn(path):
    module, _, name = path.rpartition(".")
    return getattr(importlib.import_module(f"cnn_helpers.{module}" if module else "cnn_helpers"), name)


def _add(case, name, timeout):
    CASES.append(pytest.param(case, id=name, marks=pytest.mark.timeout(timeout)))


def bad(path, *args, msg, tag="", timeout=10, other=(), **kwargs):
    call = lambda: _fn(path)(*args, **kwargs)  # noqa: E731
    _add(Case(call, msg, errors=other), f"{path}({tag or _label(args, kwargs)})", timeout)


def ok(path, *args, check=None, tag="", timeout=10, **kwargs):
    call = lambda: _fn(path)(*args, **kwargs)  # noqa: E731
    _add(Case(call, check=check), f"{path}({tag or _label(args, kwargs)})", timeout)


def custom(name, call, *, msg=None, check=None, timeout=TF_TIMEOUT):
    _add(Case(call, msg, check), name, timeout)


def _label(args, kwargs):
    return ", ".join([_short(a) for a in args] + [f"{k}={_short(v)}" for k, v in kwargs.items()])


def _short(v):
    if isinstance(v, np.ndarray):
        return f"array{v.shape}{v.dtype}"
    text = "nan" if isinstance(v, float) and math.isnan(v) else repr(v)
    return text if len(text) <= 30 else text[:27] + "..."


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    from matplotlib import pyplot as plt

    plt.close("all")


@pytest.mark.parametrize("case", CASES)
def test_bad_input(case):
    if case.msg is None:
        result = case.call()
        assert case.check is None or case.check(result), f"틀린 값을 돌려줌: {str(result)[:200]!r}"
        return
    with pytest.raises((ValueError, TypeError, *case.errors)) as info:
        result = case.call()
        pytest.fail(f"거절해야 할 입력을 받음. 돌려준 값: {str(result)[:200]!r}")
    text = str(info.value)
    assert HANGUL.search(text), f"한국어가 아닌 오류: {type(info.value).__name__}: {text[:300]}"
    assert case.msg in text, f"다른 검사가 걸림: {case.msg!r}이(가) 없습니다: {text[:300]}"


i64, b_ = np.int64, np.bool_
BIG = 10**19  # C의 정수(int64)에 들어가지 않는 수
ALLOC = "GiB 필요해 만들지 않습니다"  # 메모리를 잡기 전에 어림해 거절 (_validate.check_bytes)

# --- arithmetic ---------------------------------------------------------
INT, ONE = "은(는) 정수여야", "은(는) 1 이상이어야"
for v, rule in [("3", INT), (2.5, INT), (28.9, INT), (NAN, INT), (INF, INT), (None, INT), (-1, ONE), ([3], INT),
                (1 + 2j, INT), (True, INT)]:
    bad("conv_output_size", v, 3, msg="n(입력 크기)" + rule)
    bad("conv_output_size", 5, v, msg="f(커널 크기)" + rule)
    bad("conv_output_size", 7, 3, 0, v, msg="s(스트라이드)" + rule)
    bad("same_padding", 5, v, msg="f(커널 크기)" + rule)
for p, rule in [("full", "는 0 이상의 정수, 'valid', 'same' 중 하나"), (-1, "은(는) 0 이상이어야"), (2.5, INT),
                (None, INT), (10**9, "은(는) 10000 이하여야"), (b_(True), INT)]:
    bad("conv_output_size", 5, 3, p, msg="p(패딩)" + rule)
bad("conv_output_size", 5, 3, strict="yes", msg="strict은(는) True 또는 False")
bad("conv_output_size", 5, 3, strict=1, msg="strict은(는) True 또는 False")
bad("conv_output_size", 3, 5, msg="커널이 패딩을 더한 입력보다 큽니다")
bad("conv_output_size", 10**9 + 7, 3, 0, 10**9, tag="huge s, not divisible (was a hang)", timeout=5,
    msg="나누어떨어지지 않아")
bad("conv_output_size", 10**12 + 7, 3, 0, 10**12, tag="huger s, not divisible", timeout=5, msg="나누어떨어지지 않아")
bad("conv_output_size", 6, 3, 0, 2, tag="6,3,s=2 strict", msg="나누어떨어지지 않아")
bad("conv_output_size", 5, 3, 0, 1, BIG, tag="d=1e19", msg="커널이 패딩을 더한 입력보다 큽니다")
ok("conv_output_size", i64(28), i64(5), i64(0), i64(1), check=lambda r: r == 24 and type(r) is int)
ok("conv_output_size", 6, 3, 0, 2, strict=b_(False), check=lambda r: r == 2)
ok("conv_output_size", 6, 1, "same", 4, check=lambda r: r == 2)
ok("conv_output_size", 5, 3, "SAME", check=lambda r: r == 5)
ok("conv_output_size", 10**9, 3, 1, 1, check=lambda r: r == 10**9)
ok("conv_output_size", 5, 3, 0, BIG, strict=False, tag="s=1e19, strict=False", check=lambda r: r == 1)
ok("same_padding", i64(5), 4, check=lambda r: r == (1, 2))
ok("arithmetic.divisibility_fixes", 7, 3, 0, 3, check=lambda r: r.padding == (1,) and r.stride == (1, 2))
# s = 10⁹ > 3칸 필터: 패딩으로는 창 사이의 빈칸을 메울 수 없어 패딩 후보가 없고, 스트라이드는 3 이하만
ok("arithmetic.divisibility_fixes", 10**9 + 7, 3, 0, 10**9, timeout=5,
   check=lambda r: r.padding == () and r.stride == (1, 2))
bad("arithmetic.divisibility_fixes", 7, 3, 0, 0, msg="s(스트라이드)은(는) 1 이상이어야")
bad("arithmetic.divisibility_fixes", 0, 3, msg="n(입력 크기)은(는) 1 이상이어야")
bad("arithmetic.resolve_padding", 5, 3, "half", msg="p(패딩)는 0 이상의 정수, 'valid', 'same' 중 하나")
ok("arithmetic.resolve_padding", 5, 3, i64(2), check=lambda r: r == (2, 2))
bad("arithmetic.effective_kernel_size", 3, 0, msg="d(팽창)은(는) 1 이상이어야")
bad("arithmetic.parse_padding", 1.0, msg="1처럼 정수로 쓰세요")
# 오류 문장은 잘못된 인자의 이름과 바른 범위를 말합니다 (다른 함수를 거치지 않고 바로 불러도).
bad("same_padding", 0, 3, msg="n(입력 크기)은(는) 1 이상이어야")
bad("same_padding", 5, 3, 0, msg="s(스트라이드)은(는) 1 이상이어야")
bad("arithmetic.parse_padding", -1, msg="p(패딩)은(는) 0 이상이어야")

# --- ops -------------------------------------------------------------
x4 = np.arange(32.0).reshape(1, 4, 4, 2)
w4 = np.ones((3, 3, 2, 1))
NUMERIC, NONFINITE = "은(는) 숫자 배열이어야", "에 NaN 또는 무한대(inf) 값이"
for tag, arr, msg in [("nan", np.full((1, 4, 4, 2), NAN), "x" + NONFINITE),
                      ("inf", np.full((1, 4, 4, 2), INF), "x" + NONFINITE),
                      ("complex", x4 + 1j, "x" + NUMERIC), ("str", np.full((1, 4, 4, 2), "a"), "x" + NUMERIC),
                      ("3d", x4[0], "x은(는) 4차원"), ("empty", np.zeros((1, 0, 4, 2)), "x에 원소가 없습니다"),
                      ("ragged", [[1, 2], [3]], "x을(를) 배열로 바꿀 수 없습니다"), ("None", None, "x" + NUMERIC)]:
    bad("conv2d", arr, w4, tag=f"x={tag}", msg=msg)
    bad("pool2d", arr, tag=f"x={tag}", msg=msg)
bad("conv2d", x4, np.full((3, 3, 2, 1), NAN), tag="w=nan", msg="w" + NONFINITE)
bad("conv2d", x4, w4, np.array([NAN]), tag="b=nan", msg="b" + NONFINITE)
bad("conv2d", x4, w4, np.ones(2), tag="b too long", msg="편향 b의 길이 2가 출력 채널 수 1와 다릅니다")
bad("conv2d", x4, np.ones((3, 3, 3, 1)), tag="channels", msg="채널 수가 맞지 않습니다")
bad("conv2d", x4, w4, stride=0, msg="stride은(는) 1 이상이어야")
bad("conv2d", x4, w4, stride=1.5, msg="stride은(는) 정수여야")
bad("conv2d", x4, w4, stride=BIG, tag="stride=1e19", msg="stride은(는) 10000 이하여야")
bad("conv2d", x4, w4, dilation=BIG, tag="dilation=1e19", msg="dilation은(는) 10000 이하여야")
bad("conv2d", x4, w4, padding="same", dilation=BIG, tag="same, dilation=1e19", msg="dilation은(는) 10000 이하여야")
bad("conv2d", x4, w4, padding="full", msg="padding는 0 이상의 정수, 'valid', 'same' 중 하나")
bad("conv2d", x4, w4, padding=10**9, tag="padding=1e9 (memory)", msg="padding은(는) 10000 이하여야")
bad("conv2d", x4, w4, dilation=(1, 2, 3), msg="dilation은(는) 정수 하나 또는 (세로, 가로) 두 개")
ok("conv2d", x4, w4, stride=i64(1), padding=i64(1), check=lambda r: r.shape == (1, 4, 4, 1))
ok("conv2d", x4, w4, stride=10_000, tag="stride=10000 (largest)", check=lambda r: r.shape == (1, 1, 1, 1))
for tag, a, rule in [("nan", [[NAN, 1], [2, 3]], NONFINITE), ("complex", [[1j, 1], [2, 3]], NUMERIC),
                     ("1d", [1, 2, 3], "은(는) 2차원"), ("ragged", [[1, 2], [3]], "을(를) 배열로 바꿀 수 없습니다"),
                     ("str", "abc", NUMERIC)]:
    bad("correlate2d", a, [[1]], tag=f"x={tag}", msg="x" + rule)
    bad("convolve2d", a, [[1]], tag=f"x={tag}", msg="x" + rule)
    bad("correlate2d", [[1, 2], [3, 4]], a, tag=f"k={tag}", msg="k" + rule)
bad("correlate2d", [[1, 2], [3, 4]], np.ones((3, 3)), tag="kernel bigger", msg="패딩을 더한 입력 2보다 큽니다")


def scipy_check(fn_name):
    from scipy import signal

    rng = np.random.default_rng(0)
    x, k = rng.normal(size=(6, 5)), rng.normal(size=(3, 2))
    return np.allclose(_fn(fn_name)(x, k), getattr(signal, fn_name)(x, k, mode="valid"))


custom("correlate2d(vs scipy)", lambda: scipy_check("correlate2d"), check=bool, timeout=10)
custom("convolve2d(vs scipy)", lambda: scipy_check("convolve2d"), check=bool, timeout=10)
for pad in (2, 3, (0, 2)):
    for mode, was in (("max", "-inf"), ("avg", "NaN")):
        bad("pool2d", x4, 2, padding=pad, mode=mode, tag=f"padding={pad}>=window {mode} (was {was})",
            msg="풀링의 패딩은 창 크기보다 작아야 합니다")
ok("pool2d", x4, 2, padding=1, mode="avg", check=lambda r: np.isfinite(r).all() and r.shape == (1, 3, 3, 2))
ok("pool2d", x4, i64(2), check=lambda r: np.array_equal(r[0, :, :, 0], [[10, 14], [26, 30]]))
bad("pool2d", x4, 2, mode="min", msg="mode는 'max' 또는 'avg'여야")
bad("pool2d", x4, 0, msg="size은(는) 1 이상이어야")
bad("pool2d", x4, 2.5, msg="size은(는) 정수여야")
bad("pool2d", x4, 5, msg="커널이 덮는 길이 5이(가) 패딩을 더한 입력 4보다 큽니다")
bad("pool2d", x4, 2, stride=BIG, tag="stride=1e19", msg="stride은(는) 10000 이하여야")

# --- sliding (frame model) ------------------------------------------------
sx = np.arange(25.0).reshape(5, 5)
bad("sliding.sliding_steps", np.where(sx == 12, NAN, sx), (2, 2), mode="max", tag="max with a NaN", msg="x" + NONFINITE)
bad("sliding.sliding_steps", sx, np.full((3, 3), INF), tag="kernel=inf", msg="kernel" + NONFINITE)
bad("sliding.sliding_steps", sx, np.ones((3, 3)), padding=10**9, tag="padding=1e9", msg="padding은(는) 10000 이하여야")
bad("sliding.sliding_steps", sx, np.ones((2, 2)), mode="median", msg="mode는 'conv'(합성곱), 'max'(최대 풀링)")
bad("sliding.sliding_steps", sx, np.ones((2, 2)), mode="max", padding=2, tag="pool padding>=window",
    msg="풀링의 패딩은 창 크기보다 작아야 합니다")
bad("sliding.sliding_steps", sx, np.ones((3, 3)), stride=0, msg="stride은(는) 1 이상이어야")
bad("sliding.sliding_steps", sx, np.ones((2, 2)), stride=BIG, tag="stride=1e19", msg="stride은(는) 10000 이하여야")
bad("sliding.sliding_steps", sx, np.ones((2, 2)), dilation=BIG, tag="dilation=1e19", msg="dilation은(는) 10000 이하여야")
bad("sliding.sliding_steps", [[1, 2], [3]], np.ones((1, 1)), tag="ragged x", msg="x을(를) 배열로 바꿀 수 없습니다")
bad("sliding.sliding_steps", np.ones((2000, 2000)), np.ones((3, 3)), tag="2000x2000 (was 30 s)", timeout=5,
    msg="단계(출력 칸)가 3,992,004개")
ok("sliding.sliding_steps", sx, np.ones((3, 3)), stride=i64(2), check=lambda r: len(r) == 4)
ok("sliding.output_size_formula", 3, 3, check=lambda r: "1" in r)
ok("sliding.output_size_formula", 3, 4, check=lambda r: "출력이 없습니다" in r)  # 가르치는 문장 (오류 아님)
bad("sliding.output_size_formula", 5, -1, msg="f(커널 크기)은(는) 1 이상이어야")
bad("sliding.output_size_formula", 5, 3, 0, 1, -1, msg="d(팽창)은(는) 1 이상이어야")
bad("sliding.default_input", 0, msg="n(입력 크기)은(는) 1 이상이어야")
bad("sliding.default_input", 10**9, tag="n=1e9", msg="n(입력 크기)은(는) 64 이하여야")
bad("sliding.kernel_preset", "nope", 3, msg="커널 프리셋 이름은")
bad("sliding.kernel_preset", "edge", 0, msg="f(커널 크기)은(는) 1 이상이어야")
bad("sliding.kernel_preset", "edge", 10**6, tag="f=1e6 (was MemoryError)", msg="f(커널 크기)은(는) 4096 이하여야")
bad("sliding.format_value", "x", msg="format_value에는 숫자를 주세요")
bad("sliding.assemble_output", None, tag="steps=None", msg="steps는 sliding_steps()가 돌려준 단계")
bad("sliding.assemble_output", 3, tag="steps=3", msg="steps는 sliding_steps()가 돌려준 단계")
bad("sliding.assemble_output", [], tag="steps=[]", msg="steps는 sliding_steps()가 돌려준 단계")

# --- widgets / animation -------------------------------------------------
for key, v, msg in [("n", 0, "n(입력 크기)은(는) 1 이상이어야"), ("n", 17, "n은(는) 16 이하여야"),
                    ("f", 99, "f은(는) 16 이하여야"), ("s", 2.5, "s(스트라이드)은(는) 정수여야"),
                    ("d", -1, "d(팽창)은(는) 1 이상이어야"), ("p", 100, "p(패딩)은(는) 16 이하여야"),
                    ("p", 10**9, "p(패딩)은(는) 10000 이하여야"), ("p", -1, "p(패딩)은(는) 0 이상이어야"),
                    ("p", "full", "'valid', 'same' 중 하나"), ("p", NAN, "p(패딩)은(는) 정수여야"),
                    ("s", BIG, "s은(는) 16 이하여야"), ("d", BIG, "d은(는) 16 이하여야")]:
    bad("widgets.conv_explorer", **{key: v}, msg=msg)
for key, v, msg in [("n", 99, "n은(는) 16 이하여야"), ("size", 0, "size(창 크기)은(는) 1 이상이어야"),
                    ("s", 17, "s은(는) 16 이하여야"), ("p", 17, "p(패딩)은(는) 16 이하여야"),
                    ("mode", "min", "mode는 'max'(최대 풀링) 또는 'avg'(평균 풀링)")]:
    bad("widgets.pool_explorer", **{key: v}, msg=msg)
bad("widgets.conv_explorer", x=np.full((4, 4), NAN), tag="x=nan", msg="x" + NONFINITE)
bad("widgets.conv_explorer", x=np.ones((40, 40)), tag="x=40x40", msg="탐색기의 x는 16×16까지")
bad("widgets.conv_explorer", kernel=np.full((3, 3), INF), tag="kernel=inf", msg="kernel" + NONFINITE)
ok("widgets.conv_explorer", i64(6), i64(3), i64(1), i64(2), check=lambda e: e.params()["n"] == 6 and e.error is None)
ok("widgets.conv_explorer", p=16, check=lambda e: e.params()["p"] == 16)


def half_update(**kw):
    """set()이 거절하면 설정·단계·그림이 하나도 바뀌지 않아야 합니다 (반쯤 바뀌면 AssertionError)."""
    from cnn_helpers import widgets

    e = widgets.conv_explorer()
    before = (e.params(), [s.out for s in e.steps], e.image_bytes)
    try:
        e.set(**kw)
    finally:
        after = (e.params(), [s.out for s in e.steps], e.image_bytes)
        assert after == before, f"설정이 반쯤 바뀜: {before[0]} → {after[0]}"


for kw, msg in [({"n": 7, "f": 99}, "f은(는) 16 이하여야"), ({"n": 7, "p": 100}, "p(패딩)은(는) 16 이하여야"),
                ({"n": 7, "p": 10**9}, "p(패딩)은(는) 10000 이하여야"), ({"s": 2, "d": 1.5}, "d은(는) 정수여야"),
                ({"f": 2, "kernel": "nope"}, "kernel 프리셋은"), ({"n": 7, "zzz": 1}, "알 수 없는 설정 ['zzz']"),
                ({"n": 7, "p": -1}, "p(패딩)은(는) 0 이상이어야")]:
    custom(f"SlidingExplorer.set({kw})", lambda kw=kw: half_update(**kw), msg=msg, timeout=10)
custom("SlidingExplorer.set(n=np.int64(7), p=np.int64(2))",
       lambda: _fn("widgets.conv_explorer")().set(n=i64(7), p=i64(2)), timeout=10,
       check=lambda e: e.params()["n"] == 7 and e.params()["p"] == 2 and e.error is None)
bad("animation.render_frames", np.ones((4, 4)), np.ones((2, 2)), cell=3, msg="cell(칸 크기, 픽셀)은(는) 12 이상이어야")
bad("animation.render_frames", np.ones((4, 4)), np.ones((2, 2)), cell=10**5, tag="cell=1e5 (was MemoryError)",
    msg="cell(칸 크기, 픽셀)은(는) 200 이하여야")
bad("animation.render_frames", np.ones((4, 4)), np.ones((2, 2)), max_frames=0, msg="max_frames은(는) 1 이상이어야")
bad("animation.render_frames", np.full((4, 4), NAN), np.ones((2, 2)), msg="x" + NONFINITE)
bad("animation.render_frames", np.ones((300, 300)), np.ones((3, 3)), tag="x=300x300", timeout=15,
    msg="max_frames=64보다 많습니다")
bad("animation.render_frames", np.ones((64, 64)), np.ones((3, 3)), cell=200, max_frames=10**4, timeout=15,
    tag="3844 frames of 200-pixel cells", msg=ALLOC)
bad("animation.render_frames", stride=BIG, tag="stride=1e19", msg="stride은(는) 10000 이하여야")
ok("animation.render_frames", np.ones((4, 4)), np.ones((2, 2)), max_frames=i64(9), check=lambda r: len(r) == 9)
bad("animation.save_gif", 123, np.ones((4, 4)), np.ones((2, 2)), msg="path은(는) 파일 경로(문자열)여야")
bad("animation.save_gif", tempfile.gettempdir(), tag="path=a folder (was IsADirectoryError)", msg="폴더입니다")

# --- plotting -------------------------------------------------------------
imgs = np.random.default_rng(0).random((3, 8, 8))
bad("show_images", np.zeros((7000, 28, 28), np.uint8), tag="7000 images (was 7,000 subplots)",
    msg="한 번에 100장까지 그립니다")
bad("show_images", [], msg="images에 그림이 한 장도 없습니다")
bad("show_images", imgs, ncols=0, msg="ncols은(는) 1 이상이어야")
bad("show_images", imgs, ncols=2.5, msg="ncols은(는) 정수여야")
bad("show_images", imgs, ncols="3", msg="ncols은(는) 정수여야")
bad("show_images", imgs, size=-1, msg="size은(는) 0보다 큰 유한한 실수")
bad("show_images", imgs, size=NAN, msg="size은(는) 0보다 큰 유한한 실수")
bad("show_images", imgs, size="big", msg="size은(는) 0보다 큰 실수여야")
bad("show_images", imgs, cmap="nope", msg="matplotlib 색 지도 이름이 아닙니다")
bad("show_images", imgs, titles=["a"], msg="titles는 그림 수(3)만큼의 제목 목록")
bad("show_images", imgs, titles="abc", msg="titles는 그림 수(3)만큼의 제목 목록")
bad("show_images", [np.ones((4, 4)), np.ones((4, 4, 2))], tag="2 channels", msg="1번째 그림의 모양 (4, 4, 2)")
bad("show_images", [np.ones((4, 4)), "x"], tag="str image", msg="1번째 그림은 숫자 배열이어야")
bad("show_images", np.full((2, 4, 4), 1j), tag="complex", msg="0번째 그림은 숫자 배열이어야")
ok("show_images", imgs, ncols=i64(2), size=np.float32(1.5), check=lambda f: len(f.axes) == 4)
ok("show_images", np.full((2, 5, 5), NAN), check=lambda f: len(f.axes) == 2)  # 빈 칸으로 그립니다 (matplotlib처럼)
bad("show_kernel", np.zeros((512, 512)), tag="512x512 (was 262k labels)", msg="32×32까지 그립니다")
bad("show_kernel", np.ones((3, 3)), fmt="{:q}", msg="fmt='{:q}'로 숫자를 쓸 수 없습니다")
bad("show_kernel", np.ones((3, 3)), fmt=3, msg="fmt는 '{:g}'나 '{:.2f}' 같은 형식 문자열")
bad("show_kernel", np.ones((3, 3)), fmt="{}{}", msg="fmt='{}{}'로 숫자를 쓸 수 없습니다")
bad("show_kernel", np.ones((3, 3)), cmap="nope", msg="matplotlib 색 지도 이름이 아닙니다")
bad("show_kernel", np.ones((3, 3)), ax="ax", msg="ax에는 matplotlib Axes")
bad("show_kernel", np.full((3, 3), NAN), msg="kernel" + NONFINITE)
bad("show_kernel", [[1, 2], [3]], msg="kernel을(를) 배열로 바꿀 수 없습니다")
ok("show_kernel", [[1, -1], [0, 2]], check=lambda f: len(f.axes[0].texts) == 4)
bad("show_feature_maps", np.ones((4, 4, 3)), ncols=0, msg="ncols은(는) 1 이상이어야")
bad("show_feature_maps", np.ones((4, 4, 3)), size=0, msg="size은(는) 0보다 큰 유한한 실수")
bad("show_feature_maps", np.ones((4, 4, 3)), cmap="nope", msg="matplotlib 색 지도 이름이 아닙니다")
bad("show_feature_maps", np.ones((4, 4, 3)), titles=["a"], msg="titles는 그림 수(3)만큼의 제목 목록")
bad("show_feature_maps", np.ones((4, 4, 5000)), tag="5000 channels", msg="한 번에 100개까지 그립니다")
bad("show_feature_maps", np.ones((2, 4, 4, 3)), tag="batch of 2", msg="maps은(는) 3차원 (높이, 너비, 채널)")
bad("show_feature_maps", "maps", msg="maps은(는) 숫자 배열이어야")
bad("show_feature_maps", [[1, 2], [3]], tag="ragged list", msg="maps을(를) 배열로 바꿀 수 없습니다")
ok("show_feature_maps", np.ones((1, 4, 4, 3)), check=lambda f: len(f.axes) == 3)
hist = {"loss": [1.0, 0.5], "accuracy": [0.5, 0.8], "val_loss": [1.1, 0.6]}
ok("plot_history", hist, metrics="loss", tag="metrics='loss' (was iterated by character)",
   check=lambda f: len(f.axes) == 1)
bad("plot_history", {"loss": [1.0, 0.5], "val_loss": [1.0]}, tag="mismatched lengths", msg="의 길이 1가")
bad("plot_history", {"loss": []}, tag="empty", msg="비어 있지 않은 목록이어야")
bad("plot_history", {"loss": ["a", "b"]}, tag="str values", msg="에포크마다의 숫자 목록이어야")
bad("plot_history", {"loss": 3.0}, tag="scalar", msg="비어 있지 않은 목록이어야")
bad("plot_history", hist, metrics=["nope"], msg="그릴 지표가 없습니다")
bad("plot_history", hist, metrics=[3], msg="metrics는 지표 이름(문자열)의 목록")
bad("plot_history", [1, 2], msg="history는 model.fit()이 돌려준 History")
bad("plot_history", hist, title=3, msg="title은 문자열이거나 None")
ok("plot_history", hist, metrics=["loss"], check=lambda f: len(f.axes) == 1)
ok("plot_history", hist, metrics="loss", mark_epoch=2, mark_label="남긴 에포크", ylim=(0, 1.2), tag="mark_epoch and ylim",
   check=lambda f: "남긴 에포크 (2)" in [t.get_text() for t in f.axes[0].get_legend().get_texts()]
   and f.axes[0].get_ylim() == (0, 1.2) and "잘림" in f.axes[0].get_ylabel())
bad("plot_history", hist, mark_epoch=99, msg="mark_epoch")
bad("plot_history", hist, ylim=(1, 0), msg="ylim은 (아래, 위)")
ok("plot_history", {"loss": [1.0, NAN, 0.5]}, check=lambda f: len(f.axes) == 1)  # NaN 손실도 그래프로 보여 줍니다


# --- data -------------------------------------------------------------
@functools.cache
def tmp_file(kind):
    """load_mnist에 줄 잘못된 파일 (처음 쓸 때 한 번 만듭니다)."""
    folder = tempfile.mkdtemp(prefix="cnn-bad-inputs-")
    path = os.path.join(folder, f"{kind}.npz" if kind != "npy" else "a.npy")
    if kind == "npy":
        np.save(path, np.zeros(3))
    elif kind == "broken":
        with open(path, "wb") as f:
            f.write(b"PK\x03\x04" + b"\x00" * 40)
    elif kind == "empty":
        no_images = np.zeros((0, 28, 28), np.uint8)
        np.savez(path, x_train=no_images, y_train=np.zeros(0, np.uint8), x_test=no_images, y_test=np.zeros(0, np.uint8))
    return folder if kind == "folder" else path


def load_mnist_of(kind):
    return lambda: _fn("load_mnist")(tmp_file(kind), verbose=False)


custom("load_mnist(.npy file)", load_mnist_of("npy"), msg="배열 하나(.npy)입니다", timeout=10)
custom("load_mnist(damaged zip)", load_mnist_of("broken"), msg="손상되었거나 npz가 아닙니다", timeout=10)
custom("load_mnist(directory)", load_mnist_of("folder"), msg="폴더입니다. mnist.npz 파일의 경로를 주세요", timeout=10)
custom("load_mnist(0 images)", load_mnist_of("empty"), msg="그림이 한 장도 없습니다", timeout=10)
bad("load_mnist", os.path.join(tempfile.gettempdir(), "no-such-dir", "none.npz"), tag="missing",
    other=(FileNotFoundError,), msg="이(가) 없습니다. 경로를 확인하거나")
bad("load_mnist", 3, msg="path는 파일 경로(문자열)여야")
bad("load_mnist", full="yes", msg="full은 True 또는 False")
bad("load_mnist", verbose="no", msg="verbose은(는) True 또는 False")
bad("sample_image", "nope", msg="예제 사진 이름 'nope'을(를) 모릅니다")
bad("sample_image", 3, msg="예제 사진 이름 3을(를) 모릅니다")
bad("sample_image", gray="yes", msg="gray은(는) True 또는 False")
ok("sample_image", "coins", gray=b_(True), check=lambda r: r.ndim == 2)
ok("load_mnist", verbose=b_(False), check=lambda r: r[0][0].shape[1:] == (28, 28))

# --- lesson / exercises -----------------------------------------------------
bad("lesson.lesson_setup", 2**32, tensorflow=False, tag="seed=2**32", msg="seed은(는) 4294967295 이하여야")
bad("lesson.lesson_setup", -1, tensorflow=False, msg="seed은(는) 0 이상이어야")
bad("lesson.lesson_setup", 4.5, tensorflow=False, msg="seed은(는) 정수여야")
bad("lesson.lesson_setup", "42", tensorflow=False, msg="seed은(는) 정수여야")
bad("lesson.lesson_setup", 1, tensorflow="no", msg="tensorflow은(는) True 또는 False")
bad("lesson.report_checks", {}, msg="비어 있지 않은 사전")
bad("lesson.report_checks", [("a", True)], msg="비어 있지 않은 사전")
ok("lesson.lesson_setup", i64(7), tensorflow=b_(False), check=lambda r: r is None)
bad("exercises.lesson", [1], msg="의 연습 문제는 없습니다. 있는 강의: 01")
bad("exercises.lesson", "99", msg="의 연습 문제는 없습니다. 있는 강의: 01")
bad("exercises.lesson", 1.0, msg="의 연습 문제는 없습니다. 있는 강의: 01")
bad("exercises.lesson", None, msg="의 연습 문제는 없습니다. 있는 강의: 01")
ok("exercises.lesson", i64(1), check=lambda r: len(r) == 4)  # 1강의 연습 문제 4개
ok("exercises.lesson", 2, check=lambda r: len(r) >= 1)
ok("exercises.answers_equal", [[1, 2], [3]], [[1, 2], [3, 4]], check=lambda r: r is False)
ok("exercises.answers_equal", 10**400, 1.0, check=lambda r: r is False)


# --- analysis / models / rf_explorer (TensorFlow) ----------------------------
def lenet():
    return _fn("models.lenet5")()


def keras_model(*layers, shape):
    keras = importlib.import_module("cnn_helpers._lazy").keras()
    return keras.Sequential([keras.Input(shape), *(getattr(keras.layers, name)(*args) for name, *args in layers)])


def conv1d_model():
    return keras_model(("Conv1D", 2, 5), ("Conv1D", 2, 3), shape=(32, 1))


def lstm_model():
    return keras_model(("LSTM", 4), ("Dense", 2), shape=(10, 3))


def dense_model():
    return keras_model(("Dense", 4), ("Dense", 2), shape=(10,))


def any_size_model():
    """입력 크기가 None인 합성곱 모델 (5×5 valid, 풀링, 5×5 valid: 최소 14×14)."""
    return keras_model(("Conv2D", 4, 5), ("MaxPooling2D", 2), ("Conv2D", 4, 5), shape=(None, None, 1))


def call(fn, model, *args, **kwargs):
    return lambda: _fn(fn)(model(), *args, **kwargs)


custom("receptive_field(lenet5, input_shape=(4, 4)) (was sizes -2/0)", call("receptive_field", lenet, input_shape=(4, 4)),
       msg="입력이 너무 작아")
custom("receptive_field(lenet5, input_shape=(28.9, 28))", call("receptive_field", lenet, input_shape=(28.9, 28)),
       msg="input_shape=(28.9, 28) 를 해석할 수 없습니다")
custom("receptive_field(lenet5, input_shape=np.int64)",
       call("receptive_field", lenet, input_shape=(i64(28), i64(28))), check=lambda t: int(t["rf"].iloc[-1]) > 1)
custom("receptive_field(lenet5, on_unknown='ignore')", call("receptive_field", lenet, on_unknown="ignore"),
       msg="on_unknown='ignore' 는 지원하지 않는 값")
for name, model in (("LSTM", lstm_model), ("Dense-only", dense_model)):
    custom(f"receptive_field({name} model) (was a table)", call("receptive_field", model),
           msg="이 모델에는 공간 축이 없습니다")
    custom(f"effective_receptive_field({name} model) (was one-hot)", call("effective_receptive_field", model),
           msg="이 모델에는 공간 축이 없습니다")
    custom(f"rf_explorer({name} model)", call("rf_explorer.rf_explorer", model, np.ones((32, 32))),
           msg="이 모델에는 공간 축이 없습니다")
custom("receptive_field(Conv1D model)", call("receptive_field", conv1d_model), check=lambda t: int(t["rf"].iloc[-1]) == 7)
custom("rf_explorer(Conv1D model) (was a 2-D box)", call("rf_explorer.rf_explorer", conv1d_model, np.ones((32, 32))),
       msg="2차원")
bad("receptive_field", "model", msg="model 에는 Keras 모델")
bad("count_macs", None, msg="model 에는 Keras 모델")
bad("model_table", 3, msg="model 에는 Keras 모델")
bad("analysis.layer_table", "x", msg="model 에는 Keras 모델")
bad("analysis.macs.layer_macs", "layer", msg="layer 에는 Keras 층")
custom("count_macs(lenet5) vs hand count", call("count_macs", lenet), check=lambda r: r == 416_520)
for fn in ("count_macs", "model_table", "effective_receptive_field"):
    custom(f"{fn}(any-size model, input_shape=(4, 4, 1)) (was Keras' English)",
           call(fn, any_size_model, input_shape=(4, 4, 1)), msg="입력이 너무 작아")
    custom(f"{fn}(any-size model, input_shape=(32.7, 32, 1))", call(fn, any_size_model, input_shape=(32.7, 32, 1)),
           msg="input_shape=(32.7, 32, 1)")
custom("count_macs(any-size model, input_shape=(14, 14, 1)) (smallest)",
       call("count_macs", any_size_model, input_shape=(14, 14, 1)), check=lambda r: r == 10 * 10 * 25 * 4 + 25 * 4 * 4)
custom("count_macs(any-size model, input_shape=(13, 13, 1))", call("count_macs", any_size_model, input_shape=(13, 13, 1)),
       msg="입력이 너무 작아")
custom("effective_receptive_field(lenet5, input_shape=(28, 28.7, 1))",
       call("effective_receptive_field", lenet, input_shape=(28, 28.7, 1)), msg="(28, 28.7, 1)")
custom("effective_receptive_field(any-size model, input 1e5x1e5) (was MemoryError)",
       call("effective_receptive_field", any_size_model, input_shape=(10**5, 10**5, 1)), msg=ALLOC)
for kw, msg in [({"seed": -1}, "seed=-1"), ({"samples": 1e9}, "samples=1000000000.0"), ({"samples": 0}, "samples=0"),
                ({"images": [[1, 2], [3]]}, "images을(를) 배열로 바꿀 수 없습니다"),
                ({"images": "abc"}, "images은(는) 숫자 배열이어야"),
                ({"images": np.full((1, 28, 28, 1), NAN)}, "images" + NONFINITE),
                ({"output_layer": 99}, "층 번호가 범위를 벗어났습니다"), ({"output_layer": "nope"}, "그런 이름의 층이 없습니다"),
                ({"channel": -1}, "channel=-1"), ({"reinitialize": "yes"}, "reinitialize='yes'")]:
    custom(f"effective_receptive_field(lenet5, {kw})", call("effective_receptive_field", lenet, **kw), msg=msg)
custom("effective_receptive_field(lenet5, output_layer=np.int64(1))",
       call("effective_receptive_field", lenet, output_layer=i64(1)), check=lambda m: np.isfinite(np.asarray(m)).all())
bad("erf_spread", np.full((5, 5), NAN), msg="erf_map 에 음수나 NaN/inf 가 있습니다")
bad("erf_spread", np.ones((5, 5)) + 1j, tag="complex (was the modulus)", msg="erf_map 에는 숫자 배열이 필요합니다 (실수")
bad("erf_spread", np.ones((5, 5)), kind="nope", msg="kind='nope' 는 지원하지 않는 값")
bad("erf_spread", "map", msg="erf_map 에는 숫자 배열이 필요합니다")
T = TF_TIMEOUT
for kw, msg in [({"classes": 10**9}, "100,000 이하여야"), ({"classes": 1}, "2 이상이어야"), ({"classes": 10.5}, "정수여야"),
                ({"input_shape": (28, 28)}, "세 값이어야"), ({"input_shape": (28.9, 28, 1)}, "양의 정수여야"),
                ({"input_shape": (2, 2, 1)}, "입력이 너무 작습니다"),
                ({"input_shape": (28, 28, 10**9)}, ALLOC), ({"input_shape": (10**5, 10**5, 1)}, ALLOC)]:
    bad("models.lenet5", timeout=T, msg=msg, **kw)
ok("models.lenet5", classes=i64(10), timeout=T, check=lambda m: m.output_shape[-1] == 10)
bad("models.resnet", 18, input_shape=(32, 32, 3), classes=10, width=10**6, timeout=T, tag="width=1e6",
    msg="width은(는) 65536 이하여야")
bad("models.resnet", 18, input_shape=(32, 32, 3), classes=10, width=65536, timeout=T, tag="width=65536", msg=ALLOC)
bad("models.resnet", 18, input_shape=(32, 32, 10**9), classes=10, timeout=T, tag="1e9 channels", msg=ALLOC)
bad("models.resnet", 19, input_shape=(32, 32, 3), classes=10, timeout=T, msg="depth는 18, 34, 50, 101, 152 중 하나")
bad("models.vgg16", input_shape=(32, 32, 3), classes=10, include_top="yes", timeout=T, msg="include_top은(는) True 또는 False")
ok("models.vgg16", input_shape=(32, 32, 3), classes=10, include_top=b_(False), filters=(4, 4, 4, 4, 4), timeout=T,
   check=lambda m: m is not None)
bad("models.vgg16", input_shape=(32, 32, 3), classes=10, dense_units=10**9, timeout=T, tag="dense_units=1e9",
    msg="dense_units은(는) 65536 이하여야")
bad("models.vgg16", input_shape=(32, 32, 10**9), classes=10, timeout=T, tag="1e9 channels", msg=ALLOC)
bad("models.googlenet", input_shape=(32, 32, 3), classes=10, width_multiplier=NAN, timeout=T,
    msg="width_multiplier는 0보다 큰 실수여야")
bad("models.googlenet", input_shape=(32, 32, 3), classes=10, small_input=True, width_multiplier=1e6, timeout=T,
    tag="width_multiplier=1e6", msg=ALLOC)
bad("models.googlenet", input_shape=(32, 32, 10**9), classes=10, timeout=T, tag="1e9 channels", msg=ALLOC)
custom("models.vgg_block(65536 channels in, 65536 filters)",
       lambda: _fn("models.vgg_block")(_fn("_lazy.keras")().Input((8, 8, 65536)), 65536, 2), msg=ALLOC)
bad("models.conv_stack", [3, 0], msg="kernels[1]은(는) 1 이상이어야")
bad("models.conv_stack", [3], channels=10**9, timeout=T, tag="channels=1e9", msg="channels은(는) 65536 이하여야")
bad("models.conv_stack", [3], channels=65536, timeout=T, tag="channels=65536", msg=ALLOC)
bad("models.conv_stack", "33", timeout=T, msg="kernels는 층마다의 커널 크기 목록")
bad("receptive_field_box", "spec", 0, 0, (28, 28), msg="spec 에는 receptive_field 표의 한 행")
custom("receptive_field_box(input_hw=np.array([32, 32])) (was refused)",
       lambda: _fn("receptive_field_box")((5, 1, 2), 0, 0, np.array([32, 32])), check=lambda box: box == (0, 0, 3, 3),
       timeout=10)


def rfx(image, **kw):
    return lambda: _fn("rf_explorer.rf_explorer")(lenet(), image, **kw)


custom("rf_explorer(tiny image 2x2) (was '0 <= x < -1')", rfx(np.ones((2, 2))), msg="입력이 너무 작아")
custom("rf_explorer(image with one NaN) (was all black)", rfx(np.where(np.eye(28, dtype=bool), NAN, 0.5)),
       msg="image에 NaN 또는 무한대(inf) 값이 있습니다")
custom("rf_explorer(empty image)", rfx(np.zeros((0, 0))), msg="image에 원소가 없습니다")
custom("rf_explorer(ragged image)", rfx([[1, 2], [3]]), msg="image을(를) 배열로 바꿀 수 없습니다")
custom("rf_explorer(row=99)", rfx(np.ones((28, 28)), row=99), msg="row=99")
custom("rf_explorer(row=np.int64(2))", rfx(np.ones((28, 28)), row=i64(2)), check=lambda e: e is not None)
img8 = np.ones((8, 8))
bad("rf_explorer.draw_box", img8, (0, 0, 8, 8), scale=0, msg="scale은(는) 1 이상이어야")
for box, msg in [(None, "box는 (top, left, bottom, right)"), ((1, 2, 3), "box는 (top, left, bottom, right)"),
                 ((1.5, 1, 4, 4), "box의 값은 정수여야"), ((4, 4, 1, 1), "top < bottom"), ((-1, 0, 3, 3), "0 이상"),
                 ((0, 0, 20, 20), "그림(8×8) 안에")]:
    bad("rf_explorer.draw_box", img8, box, msg=msg)
ok("rf_explorer.draw_box", img8, (i64(1), 1, 8, 8), check=lambda out: out.shape == (8, 8, 3))
