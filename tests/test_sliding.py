"""sliding: 탐색기 아래 안내 문장은 데이터(divisibility_fixes)에서 만들어집니다 (오류 문장을 읽지 않음)."""

import numpy as np

from cnn_helpers.arithmetic import divisibility_fixes
from cnn_helpers.sliding import sliding_layout, stride_note, too_big_hint


def test_stride_note_uses_divisibility_fixes():
    layout = sliding_layout(np.zeros((7, 7)), np.ones((3, 3)), stride=3)
    note = stride_note(layout, 0)
    assert note.endswith(f"나누어떨어지게 하려면 {divisibility_fixes(7, 3, 0, 3).describe()} 을(를) 써 보세요.")
    assert "TensorFlow처럼 내림했습니다" in note


def test_stride_note_empty_or_without_fix():
    assert stride_note(sliding_layout(np.zeros((5, 5)), np.ones((3, 3))), 0) == ""
    same = sliding_layout(np.zeros((6, 6)), np.ones((3, 3)), padding="same", stride=4)
    assert "나누어떨어지게 하려면" not in stride_note(same, "same")


def test_too_big_hint():
    assert too_big_hint(5, 3, 0) == ""
    assert "f를" not in too_big_hint(3, 5, 0, can_change_f=False)
    assert too_big_hint(3, 5, "same") == ""
