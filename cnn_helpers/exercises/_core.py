"""연습 문제 엔진: `Exercise`(check, hint, solution)와 판정 (강의마다의 문제는 lessonNN.py에)."""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np

__all__ = ["Exercise", "CORRECT", "WRONG", "UNATTEMPTED", "answers_equal"]

CORRECT, WRONG, UNATTEMPTED = "정답", "오답", "아직 풀지 않음"


def _student_namespace() -> dict:
    """노트북(IPython) 사용자 변수 공간, 없으면 __main__ 모듈의 변수들."""
    try:
        from IPython import get_ipython

        shell = get_ipython()
        if shell is not None:
            return shell.user_ns
    except ImportError:
        pass
    return vars(sys.modules["__main__"])


def answers_equal(answer, expected) -> bool:
    """정수 정답(개수·크기)은 정확히, 실수 정답은 작은 오차를 허용해 비교합니다."""
    try:
        answer, expected = np.asarray(answer), np.asarray(expected)
        if np.array_equal(answer, expected):
            return True
        if expected.dtype.kind in "iub" or answer.shape != expected.shape:
            return False
        return bool(np.allclose(answer.astype(float), expected.astype(float), rtol=1e-4, atol=1e-6))
    except (TypeError, ValueError):
        return False


@dataclass
class Exercise:
    """연습 문제 하나.

    variable: 학생이 답을 적는 변수 이름. expected: 정답을 계산하는 함수(인자 없음).
    kind: 'value'(값을 적음) 또는 'function'(함수를 작성; cases의 각 입력에서 expected 함수와 비교).
    mistakes: (흔한 오답을 알아보는 함수, 그때 보여 줄 가르치는 문장) 목록.
    """

    number: int
    title: str
    variable: str
    expected: Callable[..., Any]
    hint_text: str
    solution_text: str
    kind: str = "value"
    cases: Callable[[], list] = field(default=lambda: [])
    mistakes: list = field(default_factory=list)

    def verdict(self, answer: Any = ...) -> tuple[str, str]:
        """(판정, 한국어 메시지)를 돌려줍니다. 판정은 CORRECT, WRONG, UNATTEMPTED 중 하나입니다."""
        if answer is ... or answer is None:
            return UNATTEMPTED, f"아직 풀지 않음: 변수 `{self.variable}`에 답을 쓰고 q{self.number}.check()를 다시 실행하세요."
        if self.kind == "function":
            return self._verdict_function(answer)
        if answers_equal(answer, self.expected()):
            return CORRECT, "정답입니다!"
        for looks_like, lesson_text in self.mistakes:
            try:
                if looks_like(answer):
                    return WRONG, f"아직 아닙니다. {lesson_text}"
            except Exception:  # 진단은 참고용: 이상한 답이어도 채점은 계속합니다.
                continue
        return WRONG, f"아직 아닙니다. 다시 계산해 보세요. 막히면 q{self.number}.hint()를 실행하세요."

    def _verdict_function(self, fn) -> tuple[str, str]:
        if not callable(fn):
            return WRONG, f"`{self.variable}`은(는) 함수여야 합니다. `def {self.variable}(...):`로 정의하세요."
        for args in self.cases():
            try:
                got = fn(*args)
            except Exception as exc:
                shapes = ", ".join(str(np.shape(a)) for a in args)
                return WRONG, f"입력 모양 {shapes}에서 함수가 오류를 냈습니다: {type(exc).__name__}: {exc}"
            if got is None:
                return UNATTEMPTED, f"아직 풀지 않음: `{self.variable}` 함수가 아무것도 돌려주지 않습니다(return을 쓰세요)."
            expected = self.expected(*args)
            if np.shape(got) != np.shape(expected):
                return WRONG, f"출력 모양이 다릅니다: 입력 {[np.shape(a) for a in args]}에서 모양 {np.shape(got)}이(가) 나왔습니다. 출력 크기 공식을 확인하세요."
            if not answers_equal(got, expected):
                for looks_like, lesson_text in self.mistakes:
                    try:
                        if looks_like(got, *args):
                            return WRONG, f"아직 아닙니다. {lesson_text}"
                    except Exception:
                        continue
                return WRONG, f"모양은 맞지만 값이 다릅니다 (입력 모양 {[np.shape(a) for a in args]}). q{self.number}.hint()를 보세요."
        return CORRECT, f"정답입니다! 무작위 입력 {len(self.cases())}개에서 모두 맞았습니다."

    def check(self, *answer) -> None:
        """답을 채점해 한 줄로 알려 줍니다. 인자가 없으면 노트북의 변수 `variable`을 읽습니다."""
        value = answer[0] if answer else _student_namespace().get(self.variable, ...)
        status, message = self.verdict(value)
        mark = {CORRECT: "✅", WRONG: "❌", UNATTEMPTED: "📝"}[status]
        print(f"{mark} 문제 {self.number} ({self.title}) — {message}")

    def hint(self) -> None:
        """힌트를 보여 줍니다 (답은 알려 주지 않습니다)."""
        print(f"💡 힌트 {self.number}: {self.hint_text}")

    def solution(self) -> None:
        """풀이를 보여 줍니다."""
        print(f"📖 풀이 {self.number}:\n{self.solution_text}")

    def __repr__(self) -> str:
        return f"<연습 문제 {self.number}: {self.title} — 답은 변수 `{self.variable}`에>"
