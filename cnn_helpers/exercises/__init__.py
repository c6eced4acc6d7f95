"""스스로 채점하는 연습 문제: `q1.check()`, `q1.hint()`, `q1.solution()`.

노트북에서는 이렇게 씁니다.

    q1, q2, q3, q4 = lesson("01")
    out_size = ...        # ← 답을 쓰세요 (비워 두면 '아직 풀지 않음')
    q1.check()

정답은 손으로 적어 둔 숫자가 아니라, 시험으로 검증된 이 패키지의 함수(conv_output_size, conv2d, pool2d,
Keras 계층의 count_params 등)로 그때그때 계산합니다 (`_oracles`). 틀렸을 때의 메시지는 답을 알려 주지 않고
흔한 실수를 짚어 줍니다. 엔진은 `_core`, 강의마다의 문제는 `lesson01` … `lesson08`에 있습니다.
"""

from __future__ import annotations

from collections.abc import Callable

from . import lesson01, lesson02, lesson03, lesson04, lesson05, lesson06, lesson07, lesson08
from ._core import CORRECT, UNATTEMPTED, WRONG, Exercise, answers_equal  # noqa: F401 - 판정 상수: 시험이 여기서 가져다 씁니다

__all__ = ["lesson", "Exercise", "LESSONS"]

# 강의 번호 → 그 강의의 연습 문제 목록을 만드는 함수
LESSONS: dict[str, Callable[[], list[Exercise]]] = {
    "01": lesson01.exercises,
    "02": lesson02.exercises,
    "03": lesson03.exercises,
    "04": lesson04.exercises,
    "05": lesson05.exercises,
    "06": lesson06.exercises,
    "07": lesson07.exercises,
    "08": lesson08.exercises,
}


def lesson(number: str) -> list[Exercise]:
    """강의 번호('01', '02', …)의 연습 문제 목록을 돌려줍니다: `q1, q2, q3, q4 = lesson("01")`."""
    from .._validate import is_int

    key = f"{int(number):02d}" if is_int(number) else number
    if not isinstance(key, str) or key not in LESSONS:
        raise ValueError(f"강의 {number!r}의 연습 문제는 없습니다. 있는 강의: {', '.join(sorted(LESSONS))}")
    return LESSONS[key]()
