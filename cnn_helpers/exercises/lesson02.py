"""2강 연습 문제: 패딩과 스트라이드."""

from __future__ import annotations

from .. import arithmetic
from ._core import Exercise


def exercises() -> list[Exercise]:
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
