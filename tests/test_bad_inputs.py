"""호기심 많은(또는 서두른) 학생처럼 모든 공개 함수에 잘못된 입력을 넣어 봅니다 (issue 15).

잘못된 입력은 한국어 ValueError/TypeError로, 올바른 입력은 맞는 결과로 끝나야 합니다. 사례마다 작업
프로세스에서 시간 제한을 두고 실행합니다 (tests/fuzz_harness.py). 100 % good일 때만 통과합니다.
"""

from __future__ import annotations

import importlib
import math
import os
import tempfile
from dataclasses import dataclass, field

import numpy as np

NAN, INF = float("nan"), float("inf")


@dataclass
class Case:
    id: str
    call: object
    expect: str  # 'error' 또는 'ok'
    check: object = None
    timeout: float = 10.0
    other_errors: tuple = field(default=())  # 한국어이면 받아 주는 다른 예외 (예: FileNotFoundError)


def _fn(path):
    module, _, name = path.rpartition(".")
    return getattr(importlib.import_module(f"cnn_helpers.{module}" if module else "cnn_helpers"), name)


def _call(path, args, kwargs):
    return lambda: _fn(path)(*args, **kwargs)


def cases() -> list[Case]:  # noqa: PLR0915 - 사례 목록일 뿐입니다.
    out: list[Case] = []

    def bad(path, *args, tag="", timeout=10.0, other=(), **kwargs):
        out.append(Case(f"{path}[{tag or _label(args, kwargs)}]", _call(path, args, kwargs), "error",
                        timeout=timeout, other_errors=other))

    def ok(path, *args, check=None, tag="", timeout=10.0, **kwargs):
        out.append(Case(f"{path}[{tag or _label(args, kwargs)}]", _call(path, args, kwargs), "ok", check, timeout))

    def custom(name, fn, expect, check=None, timeout=10.0):
        out.append(Case(name, fn, expect, check, timeout))

    i64, b_ = np.int64, np.bool_
    junk = ["3", 2.5, 28.9, NAN, INF, None, -1, [3], 1 + 2j, True]

    # --- arithmetic ---------------------------------------------------------
    for v in junk:
        bad("conv_output_size", v, 3)
        bad("conv_output_size", 5, v)
        bad("conv_output_size", 7, 3, 0, v)
        bad("same_padding", 5, v)
    for p in ("full", -1, 2.5, None, 10**9, b_(True)):
        bad("conv_output_size", 5, 3, p)
    bad("conv_output_size", 5, 3, strict="yes")
    bad("conv_output_size", 5, 3, strict=1)
    bad("conv_output_size", 3, 5)
    bad("conv_output_size", 10**9 + 7, 3, 0, 10**9, tag="huge s, not divisible (was a hang)", timeout=5)
    bad("conv_output_size", 10**12 + 7, 3, 0, 10**12, tag="huger s, not divisible", timeout=5)
    bad("conv_output_size", 6, 3, 0, 2, tag="6,3,s=2 strict")
    ok("conv_output_size", i64(28), i64(5), i64(0), i64(1), check=lambda r: r == 24 and type(r) is int)
    ok("conv_output_size", 6, 3, 0, 2, strict=b_(False), check=lambda r: r == 2)
    ok("conv_output_size", 6, 1, "same", 4, check=lambda r: r == 2)
    ok("conv_output_size", 5, 3, "SAME", check=lambda r: r == 5)
    ok("conv_output_size", 10**9, 3, 1, 1, check=lambda r: r == 10**9)
    ok("same_padding", i64(5), 4, check=lambda r: r == (1, 2))
    ok("arithmetic.divisibility_fixes", 7, 3, 0, 3, check=lambda r: r.padding == (1,) and r.stride == (1, 2))
    # s = 10⁹ > 3칸 필터: 패딩으로는 창 사이의 빈칸을 메울 수 없어 패딩 후보가 없고, 스트라이드는 3 이하만
    ok("arithmetic.divisibility_fixes", 10**9 + 7, 3, 0, 10**9, timeout=5,
       check=lambda r: r.padding == () and r.stride == (1, 2))
    bad("arithmetic.divisibility_fixes", 7, 3, 0, 0)
    bad("arithmetic.resolve_padding", 5, 3, "half")
    ok("arithmetic.resolve_padding", 5, 3, i64(2), check=lambda r: r == (2, 2))
    bad("arithmetic.effective_kernel_size", 3, 0)
    bad("arithmetic.parse_padding", 1.0)

    # --- ops -------------------------------------------------------------
    x4 = np.arange(32.0).reshape(1, 4, 4, 2)
    w4 = np.ones((3, 3, 2, 1))
    for tag, arr in [("nan", np.full((1, 4, 4, 2), NAN)), ("inf", np.full((1, 4, 4, 2), INF)),
                     ("complex", x4 + 1j), ("str", np.full((1, 4, 4, 2), "a")), ("3d", x4[0]),
                     ("empty", np.zeros((1, 0, 4, 2))), ("ragged", [[1, 2], [3]]), ("None", None)]:
        bad("conv2d", arr, w4, tag=f"x={tag}")
        bad("pool2d", arr, tag=f"x={tag}")
    bad("conv2d", x4, np.full((3, 3, 2, 1), NAN), tag="w=nan")
    bad("conv2d", x4, w4, np.array([NAN]), tag="b=nan")
    bad("conv2d", x4, np.ones((3, 3, 3, 1)), tag="channels")
    bad("conv2d", x4, w4, stride=0)
    bad("conv2d", x4, w4, stride=1.5)
    bad("conv2d", x4, w4, padding="full")
    bad("conv2d", x4, w4, padding=10**9, tag="padding=1e9 (memory)")
    bad("conv2d", x4, w4, dilation=(1, 2, 3))
    ok("conv2d", x4, w4, stride=i64(1), padding=i64(1), check=lambda r: r.shape == (1, 4, 4, 1))
    for tag, a in [("nan", [[NAN, 1], [2, 3]]), ("complex", [[1j, 1], [2, 3]]), ("1d", [1, 2, 3]),
                   ("ragged", [[1, 2], [3]]), ("str", "abc")]:
        bad("correlate2d", a, [[1]], tag=f"x={tag}")
        bad("convolve2d", a, [[1]], tag=f"x={tag}")
        bad("correlate2d", [[1, 2], [3, 4]], a, tag=f"k={tag}")
    bad("correlate2d", [[1, 2], [3, 4]], np.ones((3, 3)), tag="kernel bigger")

    def scipy_check(fn_name):
        from scipy import signal

        rng = np.random.default_rng(0)
        x, k = rng.normal(size=(6, 5)), rng.normal(size=(3, 2))
        ours = _fn(fn_name)(x, k)
        theirs = getattr(signal, fn_name)(x, k, mode="valid")
        return np.allclose(ours, theirs)

    custom("correlate2d[vs scipy]", lambda: scipy_check("correlate2d"), "ok", check=bool)
    custom("convolve2d[vs scipy]", lambda: scipy_check("convolve2d"), "ok", check=bool)
    for pad in (2, 3, (0, 2)):
        bad("pool2d", x4, 2, padding=pad, mode="max", tag=f"padding={pad}>=window max (was -inf)")
        bad("pool2d", x4, 2, padding=pad, mode="avg", tag=f"padding={pad}>=window avg (was NaN)")
    ok("pool2d", x4, 2, padding=1, mode="avg", check=lambda r: np.isfinite(r).all() and r.shape == (1, 3, 3, 2))
    ok("pool2d", x4, i64(2), check=lambda r: np.array_equal(r[0, :, :, 0], [[10, 14], [26, 30]]))
    bad("pool2d", x4, 2, mode="min")
    bad("pool2d", x4, 0)
    bad("pool2d", x4, 2.5)
    bad("pool2d", x4, 5)

    # --- sliding (frame model) ------------------------------------------------
    sx = np.arange(25.0).reshape(5, 5)
    bad("sliding.sliding_steps", np.where(sx == 12, NAN, sx), (2, 2), mode="max", tag="max with a NaN")
    bad("sliding.sliding_steps", sx, np.full((3, 3), INF), tag="kernel=inf")
    bad("sliding.sliding_steps", sx, np.ones((3, 3)), padding=10**9, tag="padding=1e9")
    bad("sliding.sliding_steps", sx, np.ones((2, 2)), mode="median")
    bad("sliding.sliding_steps", sx, np.ones((2, 2)), mode="max", padding=2, tag="pool padding>=window")
    bad("sliding.sliding_steps", sx, np.ones((3, 3)), stride=0)
    bad("sliding.sliding_steps", [[1, 2], [3]], np.ones((1, 1)), tag="ragged x")
    ok("sliding.sliding_steps", sx, np.ones((3, 3)), stride=i64(2), check=lambda r: len(r) == 4)
    ok("sliding.output_size_formula", 3, 3, check=lambda r: "1" in r)
    ok("sliding.output_size_formula", 3, 4, check=lambda r: "출력이 없습니다" in r)  # 가르치는 문장 (오류 아님)
    bad("sliding.default_input", 0)
    bad("sliding.default_input", 10**9, tag="n=1e9")
    bad("sliding.kernel_preset", "nope", 3)
    bad("sliding.kernel_preset", "edge", 0)
    bad("sliding.format_value", "x")

    # --- widgets / animation -------------------------------------------------
    for key, v in [("n", 0), ("n", 17), ("f", 99), ("s", 2.5), ("d", -1), ("p", 100), ("p", 10**9), ("p", -1),
                   ("p", "full"), ("p", NAN)]:
        bad("widgets.conv_explorer", **{key: v})
    for key, v in [("n", 99), ("size", 0), ("s", 17), ("p", 17), ("mode", "min")]:
        bad("widgets.pool_explorer", **{key: v})
    bad("widgets.conv_explorer", x=np.full((4, 4), NAN), tag="x=nan")
    bad("widgets.conv_explorer", x=np.ones((40, 40)), tag="x=40x40")
    bad("widgets.conv_explorer", kernel=np.full((3, 3), INF), tag="kernel=inf")
    ok("widgets.conv_explorer", i64(6), i64(3), i64(1), i64(2), check=lambda e: e.params()["n"] == 6 and e.error is None)
    ok("widgets.conv_explorer", p=16, check=lambda e: e.params()["p"] == 16)

    def half_update(**kw):
        from cnn_helpers import widgets

        e = widgets.conv_explorer()
        before = (e.params(), [s.out for s in e.steps], e.image_bytes)
        try:
            e.set(**kw)
        except (ValueError, TypeError) as exc:
            after = (e.params(), [s.out for s in e.steps], e.image_bytes)
            if after != before:
                return f"설정이 반쯤 바뀜: {before[0]} → {after[0]}"
            raise exc
        return "받아들임"

    for kw in ({"n": 7, "f": 99}, {"n": 7, "p": 100}, {"n": 7, "p": 10**9}, {"s": 2, "d": 1.5}, {"f": 2, "kernel": "nope"},
               {"n": 7, "zzz": 1}, {"n": 7, "p": -1}):
        custom(f"SlidingExplorer.set[{kw}]", lambda kw=kw: half_update(**kw), "error")
    custom("SlidingExplorer.set[n=np.int64(7), p=np.int64(2)]",
           lambda: _fn("widgets.conv_explorer")().set(n=i64(7), p=i64(2)), "ok",
           check=lambda e: e.params()["n"] == 7 and e.params()["p"] == 2 and e.error is None)
    bad("animation.render_frames", np.ones((4, 4)), np.ones((2, 2)), cell=3)
    bad("animation.render_frames", np.ones((4, 4)), np.ones((2, 2)), max_frames=0)
    bad("animation.render_frames", np.full((4, 4), NAN), np.ones((2, 2)))
    bad("animation.render_frames", np.ones((300, 300)), np.ones((3, 3)), tag="x=300x300", timeout=15)
    ok("animation.render_frames", np.ones((4, 4)), np.ones((2, 2)), max_frames=i64(9), check=lambda r: len(r) == 9)
    bad("animation.save_gif", 123, np.ones((4, 4)), np.ones((2, 2)))

    # --- plotting -------------------------------------------------------------
    imgs = np.random.default_rng(0).random((3, 8, 8))
    bad("show_images", np.zeros((7000, 28, 28), np.uint8), tag="7000 images (was 7,000 subplots)", timeout=10)
    bad("show_images", [])
    bad("show_images", imgs, ncols=0)
    bad("show_images", imgs, ncols=2.5)
    bad("show_images", imgs, ncols="3")
    bad("show_images", imgs, size=-1)
    bad("show_images", imgs, size=NAN)
    bad("show_images", imgs, size="big")
    bad("show_images", imgs, cmap="nope")
    bad("show_images", imgs, titles=["a"])
    bad("show_images", imgs, titles="abc")
    bad("show_images", [np.ones((4, 4)), np.ones((4, 4, 2))], tag="2 channels")
    bad("show_images", [np.ones((4, 4)), "x"], tag="str image")
    bad("show_images", np.full((2, 4, 4), 1j), tag="complex")
    ok("show_images", imgs, ncols=i64(2), size=np.float32(1.5), check=lambda f: len(f.axes) == 4)
    ok("show_images", np.full((2, 5, 5), NAN), check=lambda f: len(f.axes) == 2)  # 빈 칸으로 그립니다 (matplotlib처럼)
    bad("show_kernel", np.zeros((512, 512)), tag="512x512 (was 262k labels)", timeout=10)
    bad("show_kernel", np.ones((3, 3)), fmt="{:q}")
    bad("show_kernel", np.ones((3, 3)), fmt=3)
    bad("show_kernel", np.ones((3, 3)), fmt="{}{}")
    bad("show_kernel", np.ones((3, 3)), cmap="nope")
    bad("show_kernel", np.ones((3, 3)), ax="ax")
    bad("show_kernel", np.full((3, 3), NAN))
    bad("show_kernel", [[1, 2], [3]])
    ok("show_kernel", [[1, -1], [0, 2]], check=lambda f: len(f.axes[0].texts) == 4)
    bad("show_feature_maps", np.ones((4, 4, 3)), ncols=0)
    bad("show_feature_maps", np.ones((4, 4, 3)), size=0)
    bad("show_feature_maps", np.ones((4, 4, 3)), cmap="nope")
    bad("show_feature_maps", np.ones((4, 4, 3)), titles=["a"])
    bad("show_feature_maps", np.ones((4, 4, 5000)), tag="5000 channels")
    bad("show_feature_maps", np.ones((2, 4, 4, 3)), tag="batch of 2")
    bad("show_feature_maps", "maps")
    ok("show_feature_maps", np.ones((1, 4, 4, 3)), check=lambda f: len(f.axes) == 3)
    hist = {"loss": [1.0, 0.5], "accuracy": [0.5, 0.8], "val_loss": [1.1, 0.6]}
    ok("plot_history", hist, metrics="loss", tag="metrics='loss' (was iterated by character)", check=lambda f: len(f.axes) == 1)
    bad("plot_history", {"loss": [1.0, 0.5], "val_loss": [1.0]}, tag="mismatched lengths")
    bad("plot_history", {"loss": []}, tag="empty")
    bad("plot_history", {"loss": ["a", "b"]}, tag="str values")
    bad("plot_history", {"loss": 3.0}, tag="scalar")
    bad("plot_history", hist, metrics=["nope"])
    bad("plot_history", hist, metrics=[3])
    bad("plot_history", [1, 2])
    bad("plot_history", hist, title=3)
    ok("plot_history", hist, metrics=["loss"], check=lambda f: len(f.axes) == 1)
    ok("plot_history", {"loss": [1.0, NAN, 0.5]}, check=lambda f: len(f.axes) == 1)  # NaN 손실도 그래프로 보여 줍니다

    # --- data -------------------------------------------------------------
    tmp = tempfile.mkdtemp(prefix="cnn-fuzz-")
    npy = os.path.join(tmp, "a.npy")
    np.save(npy, np.zeros(3))
    bad("load_mnist", npy, tag=".npy file")
    broken = os.path.join(tmp, "broken.npz")
    with open(broken, "wb") as f:
        f.write(b"PK\x03\x04" + b"\x00" * 40)
    bad("load_mnist", broken, tag="damaged zip")
    bad("load_mnist", tmp, tag="directory")
    bad("load_mnist", os.path.join(tmp, "none.npz"), tag="missing", other=(FileNotFoundError,))
    bad("load_mnist", 3)
    bad("load_mnist", full="yes")
    bad("load_mnist", verbose="no")
    bad("sample_image", "nope")
    bad("sample_image", 3)
    bad("sample_image", gray="yes")
    ok("sample_image", "coins", gray=b_(True), check=lambda r: r.ndim == 2)
    ok("load_mnist", verbose=b_(False), check=lambda r: r[0][0].shape[1:] == (28, 28))

    # --- lesson / exercises -----------------------------------------------------
    bad("lesson.lesson_setup", 2**32, tensorflow=False, tag="seed=2**32")
    bad("lesson.lesson_setup", -1, tensorflow=False)
    bad("lesson.lesson_setup", 4.5, tensorflow=False)
    bad("lesson.lesson_setup", "42", tensorflow=False)
    bad("lesson.lesson_setup", 1, tensorflow="no")
    ok("lesson.lesson_setup", i64(7), tensorflow=b_(False), check=lambda r: r is None)
    bad("exercises.lesson", [1])
    bad("exercises.lesson", "99")
    bad("exercises.lesson", 1.0)
    bad("exercises.lesson", None)
    ok("exercises.lesson", i64(1), check=lambda r: len(r) == 4)  # 1강의 연습 문제 4개
    ok("exercises.lesson", 2, check=lambda r: len(r) >= 1)
    ok("exercises.answers_equal", [[1, 2], [3]], [[1, 2], [3, 4]], check=lambda r: r is False)
    ok("exercises.answers_equal", 10**400, 1.0, check=lambda r: r is False)

    # --- analysis / models / rf_explorer (TensorFlow) ----------------------------
    def lenet():
        return _fn("models.lenet5")()

    def conv1d_model():
        keras = importlib.import_module("cnn_helpers._lazy").keras()
        return keras.Sequential([keras.Input((32, 1)), keras.layers.Conv1D(2, 5), keras.layers.Conv1D(2, 3)])

    def lstm_model():
        keras = importlib.import_module("cnn_helpers._lazy").keras()
        return keras.Sequential([keras.Input((10, 3)), keras.layers.LSTM(4), keras.layers.Dense(2)])

    T = 60.0
    custom("receptive_field[lenet5, input_shape=(4, 4)] (was sizes -2/0)",
           lambda: _fn("receptive_field")(lenet(), input_shape=(4, 4)), "error", timeout=T)
    custom("receptive_field[lenet5, input_shape=(28.9, 28)]",
           lambda: _fn("receptive_field")(lenet(), input_shape=(28.9, 28)), "error", timeout=T)
    custom("receptive_field[lenet5, input_shape=np.int64]",
           lambda: _fn("receptive_field")(lenet(), input_shape=(i64(28), i64(28))), "ok",
           check=lambda t: int(t["rf"].iloc[-1]) > 1, timeout=T)
    custom("receptive_field[lenet5, on_unknown='ignore']",
           lambda: _fn("receptive_field")(lenet(), on_unknown="ignore"), "error", timeout=T)
    bad("receptive_field", "model")
    bad("count_macs", None)
    bad("model_table", 3)
    bad("analysis.layer_table", "x")
    bad("analysis.macs.layer_macs", "layer")
    custom("count_macs[lenet5] vs hand count", lambda: _fn("count_macs")(lenet()), "ok", timeout=T,
           check=lambda r: (r if isinstance(r, int) else int(getattr(r, "sum", lambda: r)())) > 0)
    custom("effective_receptive_field[LSTM model] (was one-hot)",
           lambda: _fn("effective_receptive_field")(lstm_model()), "error", timeout=T)
    custom("receptive_field[Conv1D model]",
           lambda: _fn("receptive_field")(conv1d_model()), "ok", timeout=T,
           check=lambda t: int(t["rf"].iloc[-1]) == 7)
    for kw in ({"seed": -1}, {"samples": 1e9}, {"samples": 0}, {"images": [[1, 2], [3]]}, {"images": "abc"},
               {"images": np.full((1, 28, 28, 1), NAN)}, {"output_layer": 99}, {"output_layer": "nope"},
               {"channel": -1}, {"reinitialize": "yes"}):
        custom(f"effective_receptive_field[lenet5, {kw}]",
               lambda kw=kw: _fn("effective_receptive_field")(lenet(), **kw), "error", timeout=T)
    custom("effective_receptive_field[lenet5, output_layer=np.int64(1)]",
           lambda: _fn("effective_receptive_field")(lenet(), output_layer=i64(1)), "ok", timeout=T,
           check=lambda m: np.isfinite(np.asarray(m)).all())
    bad("erf_spread", np.full((5, 5), NAN))
    bad("erf_spread", np.ones((5, 5)), kind="nope")
    bad("erf_spread", "map")
    for kw in ({"classes": 10**9}, {"classes": 1}, {"classes": 10.5}, {"input_shape": (28, 28)},
               {"input_shape": (28.9, 28, 1)}, {"input_shape": (2, 2, 1)}):
        bad("models.lenet5", timeout=T, **kw)
    ok("models.lenet5", classes=i64(10), timeout=T, check=lambda m: m.output_shape[-1] == 10)
    bad("models.resnet", 18, input_shape=(32, 32, 3), classes=10, width=10**6, timeout=T, tag="width=1e6")
    bad("models.resnet", 19, input_shape=(32, 32, 3), classes=10, timeout=T)
    bad("models.vgg16", input_shape=(32, 32, 3), classes=10, include_top="yes", timeout=T)
    ok("models.vgg16", input_shape=(32, 32, 3), classes=10, include_top=b_(False), filters=(4, 4, 4, 4, 4), timeout=T,
       check=lambda m: m is not None)
    bad("models.vgg16", input_shape=(32, 32, 3), classes=10, dense_units=10**9, timeout=T, tag="dense_units=1e9")
    bad("models.googlenet", input_shape=(32, 32, 3), classes=10, width_multiplier=NAN, timeout=T)
    bad("models.conv_stack", [3, 0])
    bad("models.conv_stack", [3], channels=10**9, timeout=T, tag="channels=1e9")
    bad("models.conv_stack", "33", timeout=T)
    bad("receptive_field_box", "spec", 0, 0, (28, 28))

    def rfx(image, **kw):
        return _fn("rf_explorer.rf_explorer")(lenet(), image, **kw)

    custom("rf_explorer[tiny image 2x2] (was '0 이상 -1 미만')", lambda: rfx(np.ones((2, 2))), "error", timeout=T)
    custom("rf_explorer[image with one NaN] (was all black)",
           lambda: rfx(np.where(np.eye(28, dtype=bool), NAN, 0.5)), "error", timeout=T)
    custom("rf_explorer[row=99]", lambda: rfx(np.ones((28, 28)), row=99), "error", timeout=T)
    custom("rf_explorer[row=np.int64(2)]", lambda: rfx(np.ones((28, 28)), row=i64(2)), "ok", timeout=T,
           check=lambda e: e is not None)
    bad("rf_explorer.draw_box", np.ones((4, 4)), (0, 0, 9, 9), scale=0)
    return [c for c in out if c is not None]


def _label(args, kwargs):
    parts = [_short(a) for a in args] + [f"{k}={_short(v)}" for k, v in kwargs.items()]
    return ", ".join(parts)


def _short(v):
    if isinstance(v, np.ndarray):
        return f"array{v.shape}{v.dtype}"
    text = repr(v) if not (isinstance(v, float) and math.isnan(v)) else "nan"
    return text if len(text) <= 30 else text[:27] + "..."


def test_every_bad_input_gets_a_korean_answer():
    from tests import fuzz_harness

    results = fuzz_harness.run_all("test_bad_inputs")
    bad = [r for r in results if r[1] != "good"]
    assert not bad, fuzz_harness.summary(results)
