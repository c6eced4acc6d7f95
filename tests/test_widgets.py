"""cnn_helpers.widgets 시험: 탐색기(conv_explorer, pool_explorer)가 어떤 설정에서도 예외를 내지 않고
설명하는지, 조절 막대·단추가 동작하는지, import가 가벼운지.

프레임 모델(sliding_steps …)은 tests/test_sliding.py, 애니메이션은 tests/test_animation.py에 있습니다.
여기서는 widgets가 다시 내보내는 이름(S.sliding_steps, S.kernel_preset …)을 그대로 씁니다."""

from __future__ import annotations

import itertools
import subprocess
import sys
import time

import numpy as np
import pytest

from cnn_helpers import render
from cnn_helpers import sliding as S
from cnn_helpers import widgets as W
from cnn_helpers.ops import conv2d


def _conv_ref(x, k, padding, stride, dilation):
    return conv2d(np.asarray(x, float)[None, :, :, None], np.asarray(k, float)[:, :, None, None],
                  stride=stride, padding=padding, dilation=dilation)[0, :, :, 0]


# ---------------------------------------------------------------------------
# 1. 탐색기
# ---------------------------------------------------------------------------


def test_conv_explorer_default_and_show_step():
    ex = W.conv_explorer()
    assert len(ex.steps) == 9 and ex.step_index == 0 and ex.error is None
    expected = S.sliding_steps(S.default_input(5, 0), S.kernel_preset("edge", 3))
    assert ex.steps == expected
    first = ex.image_bytes
    assert first.startswith(b"\x89PNG") and ex.image.value == first
    assert "(5 + 2×0 − 3) / 1 + 1 = 3" in ex.message
    assert "단계 1 / 9" in ex.message and ex.formula in ex.message
    ex.show_step(4)
    assert ex.step_index == 4 and ex.image_bytes != first and "단계 5 / 9" in ex.message
    assert ex._step.value == 5 and ex._play.value == 5
    ex.show_step(-1)
    assert ex.step_index == 8
    with pytest.raises(ValueError, match="0..8"):
        ex.show_step(9)
    with pytest.raises(TypeError, match="정수"):
        ex.show_step(1.0)


def test_explorer_controls_and_buttons():
    ex = W.conv_explorer()
    ex._next.click()
    ex._next.click()
    assert ex.step_index == 2
    ex._prev.click()
    assert ex.step_index == 1
    ex._step.value = 7  # 슬라이더(=재생 위젯과 jslink) 이동
    assert ex.step_index == 6
    ex._controls["s"].value = 2
    assert len(ex.steps) == 4 and ex.step_index == 0 and ex._step.max == 4
    ex._controls["kernel"].value = "blur"
    assert ex.steps[0].weights[0] == pytest.approx(1 / 9)
    ex._controls["p"].value = "same"
    assert ex.layout.out_shape == (3, 3)


def test_frame_marks_window_padding_and_output():
    ex = W.conv_explorer(n=4, f=3, p=1)
    r = ex._renderer
    c = r.c
    ix, iy = r.origins[0]
    corner = ex.frame[iy + c // 2, ix + 2]  # 패딩 칸 (0, 0) — 창 안이라 주황으로 칠해짐
    ex.show_step(len(ex.steps) - 1)
    far = ex.frame[iy + c // 2, ix + 2]  # 이제 창 밖: 회색 패딩
    assert tuple(far) == render.PAD_FILL and tuple(corner) != tuple(far)
    ox, oy = r.origins[2]
    assert tuple(ex.frame[oy + 3, ox + 3]) == render.TINT_DONE  # 앞 단계의 출력 칸은 초록


def test_explorer_repr_is_deterministic():
    from IPython.core.formatters import DisplayFormatter

    a, b = W.conv_explorer(), W.conv_explorer()
    data, _ = DisplayFormatter().format(a)
    assert data["text/plain"] == "합성곱 탐색기(n=5, f=3, p=0, s=1, d=1, kernel='edge')"
    assert data["text/plain"] == DisplayFormatter().format(b)[0]["text/plain"]
    assert data["application/vnd.jupyter.widget-view+json"]["model_id"] == a.widget.model_id
    assert "0x" not in data["text/plain"]
    p = W.pool_explorer(mode="avg", p="same")
    assert repr(p) == "풀링 탐색기(n=6, size=2, p='same', s=2, mode='avg')"


def test_invalid_combinations_never_raise_and_explain():
    ex = W.conv_explorer(n=3, f=5)
    assert ex.steps == [] and ex.error and "커널이 패딩을 더한 입력보다 큽니다" in ex.message
    assert "3 + 2×0 − 5 = -2 &lt; 0" in ex.message
    assert "p를 1 이상으로" in ex.message and "f를 3 이하로" in ex.message  # 무엇을 바꾸면 되는지
    assert ex.image_bytes.startswith(b"\x89PNG") and ex._step.disabled
    with pytest.raises(ValueError, match="단계가 없습니다"):
        ex.show_step(0)
    ex._next.click()  # 단계가 없어도 예외 없음
    ex.set(p=1)  # 3 + 2 = 5 ≥ 5: 이제 가능
    assert len(ex.steps) == 1 and ex.error is None and not ex._step.disabled
    ex.set(n=6, p=0, f=3, s=2)  # (6 - 3) / 2: 나누어떨어지지 않음 → 내림 + 안내
    assert ex.layout.out_shape == (2, 2)
    assert "⌊(6 + 2×0 − 3) / 2⌋ + 1 = ⌊1.5⌋ + 1 = 2" in ex.message
    assert "내림" in ex.note and "마지막 1행·마지막 1열" in ex.note and "나누어떨어지게 하는 값" in ex.note
    assert "strict" not in ex.note
    pool = W.pool_explorer(n=4, size=2, p=2)
    assert pool.error and "패딩만 덮" in pool.message


def test_explorer_set_validates():
    ex = W.conv_explorer()
    with pytest.raises(TypeError, match="알 수 없는 설정"):
        ex.set(size=3)
    with pytest.raises(TypeError, match="정수"):
        ex.set(n=2.5)
    with pytest.raises(ValueError, match="프리셋"):
        ex.set(kernel="sharpen")
    ex.set(f=9)  # 슬라이더 최대(7)보다 크면 최대를 늘림 (조용히 잘리지 않음)
    assert ex.params()["f"] == 9 and ex.error
    with pytest.raises(ValueError, match="16"):
        W.conv_explorer(x=np.zeros((20, 20)))
    with pytest.raises(ValueError, match="mode"):
        W.pool_explorer(mode="min")
    with pytest.raises(TypeError, match="n"):
        W.conv_explorer(n="5")


def test_explorer_with_given_input_and_kernel():
    x = np.arange(12.0).reshape(3, 4)
    k = np.array([[1.0, -1.0]])
    ex = W.conv_explorer(x=x, kernel=k)
    assert ex.params()["kernel"] == "custom" and ex._controls["f"].disabled and ex._controls["n"].disabled
    assert ex.steps == S.sliding_steps(x, k)
    assert "세로:" in ex.message and "가로:" in ex.message
    with pytest.raises(ValueError, match="n을 바꿀 수 없습니다"):
        ex.set(n=5)
    ex.set(kernel="identity")
    assert not ex._controls["f"].disabled
    big = W.conv_explorer(x=np.ones((16, 16)))
    assert big.params()["n"] == 16 and "n=16" in repr(big)
    pool = W.pool_explorer(x=x, size=2, s=1, mode="avg")
    assert pool.steps == S.sliding_steps(x, 2, 0, 1, mode="avg")


@pytest.mark.slow
def test_conv_explorer_sweep_never_raises():
    """n∈3..8, f∈{1,2,3,5}, p∈0..2, s∈1..3, d∈{1,2}: 모든 조합(432개)에서 예외 0, 결과는 conv2d와 같음."""
    ex = W.conv_explorer()
    combos = list(itertools.product(range(3, 9), (1, 2, 3, 5), range(3), range(1, 4), (1, 2)))
    errors = valid = 0
    t0 = time.perf_counter()
    for n, f, p, s, d in combos:
        try:
            ex.set(n=n, f=f, p=p, s=s, d=d)
            if ex.steps:
                ex.show_step(len(ex.steps) - 1)
                x, k = S.default_input(n, 0), S.kernel_preset("edge", f)
                assert np.array_equal(S.assemble_output(ex.steps), _conv_ref(x, k, p, s, d))
                assert ex.frame.ndim == 3 and ex.image_bytes.startswith(b"\x89PNG")
                valid += 1
            else:
                assert ex.error and "계산할 수 없습니다" in ex.message
        except Exception as exc:  # noqa: BLE001 — 어떤 예외든 세어서 보고
            errors += 1
            print("예외:", (n, f, p, s, d), repr(exc))
    print(f"conv explorer sweep: {len(combos)} combinations, {valid} drawable, exceptions {errors}, "
          f"{time.perf_counter() - t0:.1f} s")
    assert len(combos) == 432 and errors == 0


@pytest.mark.slow
def test_pool_explorer_sweep_never_raises():
    ex = W.pool_explorer()
    errors = 0
    for n, size, s, p, mode in itertools.product((2, 3, 5, 6, 8), (1, 2, 3, 4), (1, 2, 3), (0, 1, 2, "same"),
                                                 ("max", "avg")):
        try:
            ex.set(n=n, size=size, s=s, p=p, mode=mode)
            if ex.steps:
                ex.show_step(len(ex.steps) // 2)
            else:
                assert ex.error
        except Exception as exc:  # noqa: BLE001
            errors += 1
            print("예외:", (n, size, s, p, mode), repr(exc))
    assert errors == 0


def test_show_step_is_fast():
    ex = W.conv_explorer(n=8, f=3, p=1)
    times = []
    for k in range(len(ex.steps)):
        t = time.perf_counter()
        ex.show_step(k)
        times.append(time.perf_counter() - t)
    assert np.median(times) < 0.05  # 보통 ~6 ms; 느린 CI를 위해 넉넉하게


# ---------------------------------------------------------------------------
# 2. 탐색기의 애니메이션, 가벼운 import
# ---------------------------------------------------------------------------


def test_import_is_light():
    code = ("import sys, cnn_helpers.widgets; "
            "print(sorted({m.split('.')[0] for m in sys.modules} & {'tensorflow', 'keras', 'ipywidgets', "
            "'matplotlib', 'PIL'}))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
