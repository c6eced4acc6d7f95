"""연습 문제의 규칙: 틀린 답마다 알맞은 메시지가 나오고, 정답이 문제보다 앞에 드러나 있지 않습니다.

1. `mistakes`의 항목마다 (알아보는 함수, 문장, 그 실수를 한 답의 예)가 있고, 그 예로 채점하면 그 문장이
   나옵니다 — 앞선 항목이 가로채서 한 번도 나올 수 없는 메시지가 없습니다.
2. 값 문제의 정답이 그 문제의 답 셀보다 앞의 마크다운, 저장된 글 출력, 그리고 문제 자신의 힌트에 나오지 않습니다.
   3×3·2 같은 작은 정수는 어디에나 나오므로 두 자리 이하의 정수는 보지 않습니다(세 자리 이상의 정수와 정수가 아닌 수만).
"""

from __future__ import annotations

import json
import math
import re

import numpy as np
import pytest

from cnn_helpers.exercises import LESSONS, WRONG
from tools import ROOT

NOTEBOOKS = {p.name[:2]: p for p in (ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb")}

MISTAKES = [
    pytest.param(number, exercise.number, index, id=f"{number}-q{exercise.number}-m{index + 1}")
    for number, make in LESSONS.items()
    for exercise in make()
    for index in range(len(exercise.mistakes))
]
VALUES = [
    pytest.param(number, exercise.number, id=f"{number}-q{exercise.number}")
    for number, make in LESSONS.items()
    for exercise in make()
    if exercise.kind == "value"
]


def _exercise(number: str, q: int):
    return next(e for e in LESSONS[number]() if e.number == q)


@pytest.mark.parametrize(("number", "q", "index"), MISTAKES)
def test_every_mistake_message_is_reachable(number, q, index):
    exercise = _exercise(number, q)
    entry = exercise.mistakes[index]
    assert len(entry) == 3, f"{number} q{q}의 {index + 1}번째 실수에 그 실수를 한 답의 예(세 번째 원소)가 없습니다"
    _looks_like, text, example = entry
    status, message = exercise.verdict(example)
    assert status == WRONG and text in message, f"예 {example!r}의 판정: {status}, {message}"


def _shown_numbers(value) -> list[str]:
    """정답이 글에 나올 수 있는 모양들 (세 자리 이상의 정수, 또는 정수가 아닌 수일 때만)."""
    if isinstance(value, (bool, np.bool_)) or np.ndim(value) != 0:
        return []
    value = float(value)
    if not math.isfinite(value):
        return []
    if value == int(value):
        n = int(value)
        return [str(n), f"{n:,}"] if abs(n) >= 100 else []
    return sorted({f"{value:g}", f"{value:.2f}", f"{value:.3f}", f"{value:.4f}", f"{value:.1f}"})


def _text_before(nb: dict, variable: str, q: int) -> str:
    """`variable = ...`과 `qN.check()`가 있는 답 셀보다 앞의 마크다운과 글 출력."""
    pieces = []
    for cell in nb["cells"]:
        source = "".join(cell["source"])
        if cell["cell_type"] == "code" and f"q{q}.check()" in source and re.search(rf"\b{variable}\s*=", source):
            return "\n".join(pieces)
        if cell["cell_type"] == "markdown":
            pieces.append(source)
            continue
        for output in cell.get("outputs", []):
            if output.get("output_type") == "stream":
                pieces.append("".join(output["text"]))
            for mime in ("text/plain", "text/html", "text/markdown"):
                if mime in output.get("data", {}):
                    pieces.append("".join(output["data"][mime]))
    raise AssertionError(f"노트북에 `{variable} = …`과 q{q}.check()가 있는 답 셀이 없습니다")


@pytest.mark.parametrize(("number", "q"), VALUES)
def test_value_answer_is_not_shown_before_its_question(number, q):
    exercise = _exercise(number, q)
    nb = json.loads(NOTEBOOKS[number].read_text(encoding="utf-8"))
    text = _text_before(nb, exercise.variable, q) + "\n" + exercise.hint_text
    for shown in _shown_numbers(exercise.expected()):
        found = re.search(rf"(?<![\d.,]){re.escape(shown)}(?![\d,]|\.\d)", text)
        assert not found, f"{number} q{q}의 정답 {shown}이(가) 문제보다 앞에(또는 힌트에) 나옵니다: …{text[max(0, found.start() - 60):found.end() + 20]}…"
