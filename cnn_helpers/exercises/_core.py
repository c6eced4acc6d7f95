"""연습 문제 엔진: `Exercise`(check, hint, solution)와 판정 (강의마다의 문제는 lessonNN.py에)."""

from __future__ import annotations

import copy
import math
import numbers
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np

__all__ = ["Exercise", "CORRECT", "WRONG", "UNATTEMPTED", "answers_equal"]

CORRECT, WRONG, UNATTEMPTED = "정답", "오답", "아직 풀지 않음"


def student_namespace() -> dict:
    """노트북(IPython) 사용자 변수 공간, 없으면 __main__ 모듈의 변수들."""
    try:
        from IPython import get_ipython

        shell = get_ipython()
        if shell is not None:
            return shell.user_ns
    except ImportError:
        pass
    return vars(sys.modules["__main__"])


def _numbers(value) -> np.ndarray | None:
    """답을 실수·정수 배열로 바꿉니다. 숫자가 아니거나(문자열, 복소수 등) 들쭉날쭉하면 None.

    파이썬의 아주 큰 정수(예: 10**400)는 넘쳐서 오류를 내는 대신 ±inf로 바꿉니다 (그래도 오답입니다).
    """
    try:
        arr = np.asarray(value)
    except (TypeError, ValueError, OverflowError):  # 들쭉날쭉한 리스트 등
        return None
    if arr.dtype == object:
        flat = []
        for v in arr.ravel():
            if isinstance(v, bool) or not isinstance(v, numbers.Real):
                return None
            try:
                flat.append(float(v))
            except OverflowError:
                flat.append(math.inf if v > 0 else -math.inf)
        return np.array(flat, dtype=float).reshape(arr.shape)
    if arr.dtype.kind not in "biuf":
        return None
    return arr


def answers_equal(answer, expected, rtol: float = 1e-4) -> bool:
    """정수 정답(개수·크기)은 정확히, 실수 정답은 작은 상대 오차(rtol)를 허용해 비교합니다.

    숫자가 아닌 답, 들쭉날쭉한 리스트, 아주 큰 수(10**400), numpy 스칼라도 오류 없이 판정합니다.

    >>> answers_equal(28, 28), answers_equal(np.int64(28), 28), answers_equal(10**400, 28.0)
    (True, True, False)
    """
    a, e = _numbers(answer), _numbers(expected)
    if a is None or e is None or a.shape != e.shape:
        return False
    if np.array_equal(a, e):
        return True
    if e.dtype.kind in "iub":
        return False
    with np.errstate(all="ignore"):
        return bool(np.allclose(a.astype(float), e.astype(float), rtol=rtol, atol=1e-6))


def _describe(args) -> str:
    """build 문제의 입력을 짧게 적습니다: 튜플(모양)과 숫자를 그대로."""
    return ", ".join(map(str, args))


def _describe_inputs(args) -> str:
    """채점 입력을 메시지에 쓸 말로: 모두 수이면 값 그대로 (예: 입력 (30, 3, 2, 2, 3)), 배열이 있으면 모양."""
    if all(np.ndim(a) == 0 for a in args):
        return f"입력 {tuple(args)}"
    return "입력 모양 " + ", ".join(str(np.shape(a)) for a in args)


@dataclass
class Exercise:
    """연습 문제 하나.

    variable: 학생이 답을 적는 변수 이름. expected: 정답을 계산하는 함수(인자 없음).
    kind: 'value'(값을 적음), 'function'(함수를 작성; cases의 각 입력에서 expected 함수와 비교) 또는
    'build'(블록·모델을 만드는 함수를 작성; cases의 각 입력에서 measure(학생 함수, *입력)로 만든 모델의
    특징(출력 모양, 매개변수 수 등의 dict)을 expected(*입력)과 비교; 다르면 mistakes의 함수에 (학생 특징, 정답 특징)을 줌).
    mistakes: (흔한 오답을 알아보는 함수, 그때 보여 줄 가르치는 문장, 그 실수를 한 답의 예) 목록. 답의 예는
    value 문제면 값, function·build 문제면 함수입니다; 시험(tests/test_exercise_rules.py)이 그 예로 채점해
    이 문장이 정말 나오는지(앞선 실수가 가로채지 않는지) 봅니다. 먼저 맞는 실수의 문장이 나오므로 구체적인 것부터 적습니다.
    """

    number: int
    title: str
    variable: str
    expected: Callable[..., Any]
    hint_text: str  # 힌트 전체. 단계로 나눈 힌트는 hint_steps에 두고, 이것은 단계를 이은 글입니다.
    solution_text: str
    kind: str = "value"
    cases: Callable[[], list] = field(default=lambda: [])
    mistakes: list = field(default_factory=list)
    measure: Callable[..., Any] | None = None
    rtol: float = 1e-4  # value 문제에서 실수 정답과의 상대 오차 한도 (반올림해 적어도 되는 문제는 더 크게)
    reference: Callable[..., Any] | None = None  # build·function 문제의 풀이 함수 (yours_if_correct가 대신 씀)
    hint_steps: tuple = ()  # 단계로 나눈 힌트: hint()를 부를 때마다 한 단계씩 더 보여 줍니다 (비면 hint_text 한 번에)
    _hints_shown: int = field(default=0, repr=False, compare=False)

    def __post_init__(self):
        if self.hint_steps:
            if not all(isinstance(step, str) and step for step in self.hint_steps):
                raise TypeError("hint_steps는 비어 있지 않은 글(str)의 튜플이어야 합니다")
            self.hint_text = " ".join(self.hint_steps)

    def _matching_mistake(self, *facts) -> str | None:
        """facts(답, 또는 학생 결과와 입력)에 맞는 첫 흔한 실수의 가르치는 문장 (없으면 None)."""
        for looks_like, lesson_text, *_example in self.mistakes:
            try:
                if looks_like(*facts):
                    return lesson_text
            except Exception:  # 진단은 참고용: 이상한 답이어도 채점은 계속합니다.
                continue
        return None

    def verdict(self, answer: Any = ...) -> tuple[str, str]:
        """(판정, 한국어 메시지)를 돌려줍니다. 판정은 CORRECT, WRONG, UNATTEMPTED 중 하나입니다."""
        if answer is ... or answer is None:
            return UNATTEMPTED, f"아직 풀지 않음: 변수 `{self.variable}`에 답을 쓰고 q{self.number}.check()를 다시 실행하세요."
        if self.kind == "function":
            return self._verdict_function(answer)
        if self.kind == "build":
            return self._verdict_build(answer)
        if answers_equal(answer, self.expected(), self.rtol):
            return CORRECT, "정답입니다!"
        mistake = self._matching_mistake(answer)
        if mistake:
            return WRONG, f"아직 아닙니다. {mistake}"
        return WRONG, f"아직 아닙니다. 다시 계산해 보세요. 막히면 q{self.number}.hint()를 실행하세요."

    def _verdict_function(self, fn) -> tuple[str, str]:
        if not callable(fn):
            return WRONG, f"`{self.variable}`은(는) 함수여야 합니다. `def {self.variable}(...):`로 정의하세요."
        cases = list(self.cases())
        for args in cases:
            # 정답을 먼저, 입력의 사본으로 계산합니다: 학생 함수가 입력을 바꿔도 정답은 그대로입니다.
            expected = self.expected(*copy.deepcopy(args))
            where = _describe_inputs(args)
            try:
                got = fn(*copy.deepcopy(args))  # 학생 함수에는 또 다른 사본을 줍니다.
            except Exception as exc:
                return WRONG, f"{where}에서 함수가 오류를 냈습니다: {type(exc).__name__}: {exc}"
            if got is None:
                return UNATTEMPTED, f"아직 풀지 않음: `{self.variable}` 함수가 아무것도 돌려주지 않습니다(return을 쓰세요)."
            got_numbers = _numbers(got)
            if got_numbers is None:
                return WRONG, (
                    f"{where}에서 돌려준 값이 숫자 배열이 아닙니다 (자료형 {type(got).__name__}). "
                    "행마다 길이가 같은 숫자 배열(np.ndarray)이나 숫자를 돌려주세요."
                )
            if got_numbers.shape != np.shape(expected):
                return WRONG, f"출력 모양이 다릅니다: {where}에서 모양 {got_numbers.shape}이(가) 나왔습니다. 출력 크기 공식을 확인하세요."
            if not answers_equal(got, expected):
                mistake = self._matching_mistake(got, *copy.deepcopy(args))
                if mistake:
                    return WRONG, f"아직 아닙니다. {mistake}"
                return WRONG, f"모양은 맞지만 값이 다릅니다 ({where}). q{self.number}.hint()를 보세요."
        return CORRECT, f"정답입니다! 채점 입력 {len(cases)}개에서 모두 맞았습니다."

    def _verdict_build(self, fn) -> tuple[str, str]:
        # _verdict_function과 같은 틀(함수인지 → 입력마다 정답과 비교)이지만, 돌려준 값 대신 만든 모델의 특징을 비교합니다.
        if not callable(fn):
            return WRONG, f"`{self.variable}`은(는) 함수여야 합니다. `def {self.variable}(...):`로 정의하세요."
        cases = list(self.cases())
        for args in cases:
            expected = self.expected(*args)
            try:
                got = self.measure(fn, *args)
            except Exception as exc:
                return WRONG, f"입력 {_describe(args)}에서 만들다가 오류가 났습니다: {type(exc).__name__}: {exc}"
            if got is None:
                return UNATTEMPTED, f"아직 풀지 않음: `{self.variable}` 함수가 아무것도 돌려주지 않습니다(return을 쓰세요)."
            for name, want in expected.items():
                if got.get(name) != want:
                    mistake = self._matching_mistake(got, expected)  # build 문제의 mistakes: (학생 특징, 정답 특징)을 받음
                    if mistake:
                        return WRONG, f"아직 아닙니다. 입력 {_describe(args)}에서: {mistake}"
                    return WRONG, (
                        f"아직 아닙니다. 입력 {_describe(args)}에서 {name}이(가) {want}이어야 하는데 {got.get(name)}입니다. "
                        f"막히면 q{self.number}.hint()를 보세요."
                    )
        return CORRECT, f"정답입니다! 입력 {len(cases)}가지에서 만든 모델이 모두 같습니다."

    def check(self, *answer) -> None:
        """답을 채점해 한 줄로 알려 줍니다. 인자가 없으면 노트북의 변수 `variable`을 읽습니다."""
        value = answer[0] if answer else student_namespace().get(self.variable, ...)
        status, message = self.verdict(value)
        mark = {CORRECT: "✅", WRONG: "❌", UNATTEMPTED: "📝"}[status]
        print(f"{mark} 문제 {self.number} ({self.title}) — {message}")

    def yours_if_correct(self, fn):
        """fn이 맞으면 그대로, 아니면 (한 줄로 알리고) 풀이 함수를 돌려줍니다: 문제를 건너뛰어도 강의가 계속 돌아가게."""
        if self.reference is None:
            raise ValueError(f"문제 {self.number}에는 대신 쓸 풀이 함수가 없습니다 (함수를 만드는 문제에서만 씁니다).")
        status, _ = self.verdict(fn)
        if status == CORRECT:
            return fn
        print(f"문제 {self.number}의 `{self.variable}` 함수가 아직 맞지 않아, 아래에서는 풀이의 `{self.variable}` 함수를 씁니다. "
              "고친 뒤 그 셀과 이 셀을 다시 실행하면 여러분의 함수를 씁니다.")
        return self.reference

    def solved(self) -> bool:
        """노트북의 변수 `variable`이 정답이면 True (맞힌 뒤에만 보여 줄 그림·표가 있을 때 씁니다)."""
        return self.verdict(student_namespace().get(self.variable, ...))[0] == CORRECT

    def hint(self) -> None:
        """힌트를 보여 줍니다 (답은 알려 주지 않습니다). 단계로 나눈 힌트는 부를 때마다 다음 단계까지 보여 줍니다."""
        if not self.hint_steps:
            print(f"💡 힌트 {self.number}: {self.hint_text}")
            return
        total = len(self.hint_steps)
        self._hints_shown = min(self._hints_shown + 1, total)
        for i, step in enumerate(self.hint_steps[:self._hints_shown], start=1):
            print(f"💡 힌트 {self.number} ({i}/{total}단계): {step}")
        if self._hints_shown < total:
            print(f"   더 필요하면 q{self.number}.hint()를 한 번 더 실행하세요.")

    def solution(self) -> None:
        """풀이를 보여 줍니다."""
        print(f"📖 풀이 {self.number}:\n{self.solution_text}")

    def __repr__(self) -> str:
        return f"<연습 문제 {self.number}: {self.title} — 답은 변수 `{self.variable}`에>"
