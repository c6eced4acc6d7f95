"""스스로 채점하는 연습 문제: `q1.check()`, `q1.hint()`, `q1.solution()`.

노트북에서는 이렇게 씁니다.

    q1, q2, q3 = lesson("01")
    out_size = ...        # ← 답을 쓰세요 (비워 두면 '아직 풀지 않음')
    q1.check()

정답은 손으로 적어 둔 숫자가 아니라, 시험으로 검증된 이 패키지의 함수(conv_output_size, conv2d, pool2d,
Keras 계층의 count_params 등)로 그때그때 계산합니다. 틀렸을 때의 메시지는 답을 알려 주지 않고 흔한 실수를
짚어 줍니다.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from . import arithmetic, ops

__all__ = ["Exercise", "lesson", "CORRECT", "WRONG", "UNATTEMPTED"]

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


def _equal(answer, expected) -> bool:
    try:
        return bool(np.array_equal(np.asarray(answer), np.asarray(expected))) or bool(
            np.allclose(np.asarray(answer, float), np.asarray(expected, float), rtol=1e-4, atol=1e-6)
        )
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
        if _equal(answer, self.expected()):
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
            if not _equal(got, expected):
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


def _random_pairs(shapes, seed):
    rng = np.random.default_rng(seed)
    return [(rng.integers(-4, 5, size=xs), rng.integers(-2, 3, size=ks)) for xs, ks in shapes]


def _conv2d_params(filters, kernel, channels) -> int:
    """Keras Conv2D 계층을 실제로 만들어 매개변수 수를 셉니다."""
    from .setup import import_tensorflow_quietly

    import_tensorflow_quietly()
    import keras

    layer = keras.layers.Conv2D(filters, kernel)
    layer.build((None, 32, 32, channels))
    return layer.count_params()


def _lesson01() -> list[Exercise]:
    return [
        Exercise(
            1, "출력 크기", "out_size",
            expected=lambda: arithmetic.conv_output_size(32, 5),
            hint_text="필터를 놓을 수 있는 위치의 수를 세어 보세요. 첫 위치는 0, 마지막 위치는 n − f입니다.",
            solution_text="out_size = 32 - 5 + 1  # n - f + 1 = 28",
            mistakes=[
                (lambda a: a == 32 - 5, "위치 0부터 n − f까지 세면 몇 개인가요? 끝 위치도 포함해야 합니다."),
                (lambda a: a == 32, "패딩이 없으면 출력은 입력보다 작아집니다."),
                (lambda a: a in (32 + 5 - 1, 32 + 5 + 1), "필터 크기는 더하는 것이 아니라 빼야 합니다."),
            ],
        ),
        Exercise(
            2, "교차 상관 함수", "my_correlate",
            kind="function",
            expected=ops.correlate2d,
            cases=lambda: _random_pairs([((4, 4), (3, 3)), ((5, 7), (2, 3)), ((6, 6), (1, 1)), ((8, 5), (4, 2))], 1),
            hint_text="출력 (i, j)는 x[i:i+kh, j:j+kw] * k 의 합입니다. 출력 크기는 (H − kh + 1, W − kw + 1)입니다.",
            solution_text=(
                "def my_correlate(x, k):\n"
                "    kh, kw = k.shape\n"
                "    oh, ow = x.shape[0] - kh + 1, x.shape[1] - kw + 1\n"
                "    out = np.zeros((oh, ow))\n"
                "    for i in range(oh):\n"
                "        for j in range(ow):\n"
                "            out[i, j] = (x[i:i + kh, j:j + kw] * k).sum()\n"
                "    return out"
            ),
            mistakes=[
                (lambda got, x, k: _equal(got, ops.convolve2d(x, k)),
                 "커널을 뒤집었나요? 딥러닝의 '합성곱'(교차 상관)은 커널을 뒤집지 않습니다."),
            ],
        ),
        Exercise(
            3, "Conv2D의 매개변수 수", "conv_params",
            expected=lambda: _conv2d_params(64, 5, 3),
            hint_text="필터 하나의 가중치는 (높이 × 너비 × 입력 채널)개이고, 필터마다 편향이 하나씩 있습니다.",
            solution_text="conv_params = 5 * 5 * 3 * 64 + 64  # 4,864",
            mistakes=[
                (lambda a: a == 5 * 5 * 3 * 64, "편향(필터마다 하나)을 빠뜨리지 않았나요?"),
                (lambda a: a in (5 * 5 * 64 + 64, 5 * 5 * 64), "필터는 입력 채널(RGB 3개)을 모두 덮습니다."),
                (lambda a: a == 32 * 32 * 3 * 64 + 64, "합성곱 계층의 매개변수 수는 입력 이미지 크기와 상관이 없습니다."),
            ],
        ),
    ]


def _lesson02() -> list[Exercise]:
    return [
        Exercise(
            1, "패딩과 스트라이드가 있는 출력 크기", "out_size",
            expected=lambda: arithmetic.conv_output_size(27, 3, 1, 2),
            hint_text="(n + 2p − f) / s + 1 에 n=27, f=3, p=1, s=2를 넣어 보세요.",
            solution_text="out_size = (27 + 2 * 1 - 3) // 2 + 1  # 14",
            mistakes=[
                (lambda a: a == 27 + 2 - 3 + 1, "스트라이드 2로 건너뛰면 출력이 약 절반이 됩니다."),
                (lambda a: a == (27 - 3) // 2 + 1, "패딩은 양쪽에 들어가므로 2p를 더합니다."),
                (lambda a: a == (27 + 2 - 3) // 2, "마지막에 +1을 잊지 않았나요? 첫 위치도 셉니다."),
            ],
        ),
        Exercise(
            2, "크기를 지키는 패딩", "padding",
            expected=lambda: arithmetic.same_padding(20, 7)[0],
            hint_text="출력 n + 2p − f + 1이 n과 같아지려면 2p가 무엇과 같아야 할까요?",
            solution_text="padding = (7 - 1) // 2  # 3",
            mistakes=[
                (lambda a: a == 7 - 1, "패딩은 양쪽에 들어갑니다: 한쪽 패딩을 물었습니다."),
                (lambda a: a == 7 // 2 + 1, "식 2p = f − 1을 다시 풀어 보세요."),
            ],
        ),
        Exercise(
            3, "출력 크기 함수", "output_size",
            kind="function",
            expected=lambda n, f, p, s: arithmetic.conv_output_size(n, f, p, s, strict=False),
            cases=lambda: [(5, 3, 0, 1), (5, 3, 1, 1), (28, 5, 1, 2), (7, 3, 0, 2), (224, 7, 3, 2), (32, 4, 0, 3)],
            hint_text="(n + 2p − f) 을 s로 나눈 몫(//)에 1을 더합니다. 나누어떨어지지 않으면 내림입니다.",
            solution_text="def output_size(n, f, p, s):\n    return (n + 2 * p - f) // s + 1",
            mistakes=[
                (lambda got, n, f, p, s: got == (n + 2 * p - f) / s + 1, "나누어떨어지지 않을 때 내림(// 연산)을 했나요?"),
                (lambda got, n, f, p, s: got == (n + p - f) // s + 1, "패딩은 양쪽에 들어가므로 2p입니다."),
            ],
        ),
    ]


_LESSONS: dict[str, Callable[[], list[Exercise]]] = {"01": _lesson01, "02": _lesson02}


def lesson(number: str) -> list[Exercise]:
    """강의 번호('01', '02', …)의 연습 문제 목록을 돌려줍니다: `q1, q2, q3 = lesson("01")`."""
    key = f"{number:02d}" if isinstance(number, int) and not isinstance(number, bool) else number
    if key not in _LESSONS:
        raise ValueError(f"강의 {number!r}의 연습 문제는 없습니다. 있는 강의: {', '.join(sorted(_LESSONS))}")
    return _LESSONS[key]()
