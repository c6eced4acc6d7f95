"""2강 연습 문제: 패딩, 스트라이드, SAME, 팽창, 그리고 원하는 출력 크기에 맞는 p·s 고르기."""

from __future__ import annotations

import numpy as np

from .. import arithmetic
from ._core import Exercise

# 문제 1 (먼저 예측하고 실행): 32×32 입력, 7×7 필터, 패딩 3, 스트라이드 3
Q1 = dict(n=32, f=7, p=3, s=3)
# 문제 2 (SAME과 스트라이드): 12칸 입력, 7칸 필터, 스트라이드 2
Q2 = dict(n=12, f=7, s=2)
# 문제 3 (팽창): 20×20 입력, 3×3 필터, 팽창 4, 패딩 없음, 스트라이드 1
Q3 = dict(n=20, f=3, d=4)
# 문제 4 (설계): 40×40 입력, 5×5 필터 → 10×10, 패딩은 p ≤ (f − 1)/2, 실제 화소를 하나도 버리지 않기
Q4 = dict(n=40, f=5, out=10)


def design_choices(n: int, f: int, out: int) -> list[tuple[int, int]]:
    """출력이 out이고 실제 화소를 하나도 버리지 않는 (p, s) 모두 (0 ≤ p ≤ (f−1)/2, 1 ≤ s ≤ f).

    '버리지 않음'은 strict=True인 `conv_output_size`가 오류를 내지 않는 것입니다 (남는 칸이 없거나 모두 패딩).
    """
    found = []
    for p in range((f - 1) // 2 + 1):
        for s in range(1, f + 1):
            try:
                if arithmetic.conv_output_size(n, f, p, s) == out:
                    found.append((p, s))
            except ValueError:  # 실제 화소가 남음
                continue
    return found


def _q4_answer() -> tuple[int, int]:
    (choice,) = design_choices(**Q4)  # 답이 하나뿐인지도 여기서 확인됩니다
    return choice


def _pair(a):
    """(p, s)처럼 정수 두 개면 튜플로, 아니면 None."""
    try:
        p, s = (int(v) for v in a)
    except (TypeError, ValueError):
        return None
    return p, s


def _q4_output(a):
    p, s = _pair(a)
    return arithmetic.conv_output_size(Q4["n"], Q4["f"], p, s, strict=False)


def q1_prediction() -> Exercise:
    n1, f1, p1, s1 = Q1["n"], Q1["f"], Q1["p"], Q1["s"]
    span1 = n1 + 2 * p1 - f1
    return Exercise(
        1, "먼저 예측하기: 패딩과 스트라이드가 있는 출력 크기", "prediction",
        expected=lambda: arithmetic.conv_output_size(n1, f1, p1, s1),
        hint_text="공식의 네 글자에 n, f, p, s를 넣습니다. 패딩은 양쪽에 들어가고, 나눗셈은 내림하고, 첫 위치도 셉니다.",
        solution_text=f"prediction = ({n1} + 2 * {p1} - {f1}) // {s1} + 1",
        mistakes=[
            (lambda a: not float(a).is_integer(), "출력 칸 수는 정수입니다: 나누어떨어지지 않으면 내림합니다.",
             span1 / s1 + 1),
            (lambda a: a == n1 + 2 * p1 - f1 + 1, "스트라이드를 잊었나요? s칸씩 건너뛰면 출력이 약 1/s로 줄어듭니다.",
             n1 + 2 * p1 - f1 + 1),
            (lambda a: a == (n1 - f1) // s1 + 1, "패딩을 빠뜨렸나요? 양쪽에 p칸씩, 모두 2p칸을 더합니다.",
             (n1 - f1) // s1 + 1),
            (lambda a: a == span1 // s1, "마지막에 +1을 잊지 않았나요? 첫 위치(0)도 한 칸입니다.", span1 // s1),
            (lambda a: a == -(-span1 // s1) + 1, "나누어떨어지지 않을 때는 올림이 아니라 내림입니다: 창이 끝을 넘을 수는 없습니다.",
             -(-span1 // s1) + 1),
        ],
    )


def q2_same_pads() -> Exercise:
    n2, f2, s2 = Q2["n"], Q2["f"], Q2["s"]
    too_long = -(-n2 // s2) * s2 + f2 - n2
    too_long_pads = (too_long // 2, too_long - too_long // 2)
    return Exercise(
        2, "스트라이드가 있는 SAME 패딩", "same_pads",
        expected=lambda: arithmetic.same_padding(n2, f2, s2),
        hint_text="먼저 SAME의 출력 크기를 구하고, 그만큼의 창이 놓이려면 패딩한 입력이 몇 칸이어야 하는지 세어 보세요. "
                  "모자라는 칸을 둘로 나눌 때 남는 한 칸이 어디로 가는지는 2절에서 보았습니다.",
        solution_text=(
            f"out = -(-{n2} // {s2})  # ⌈n/s⌉\n"
            f"total = max((out - 1) * {s2} + {f2} - {n2}, 0)\n"
            "same_pads = (total // 2, total - total // 2)"
        ),
        mistakes=[
            (lambda a: np.ndim(a) == 0, "앞과 뒤의 패딩 두 수를 (앞, 뒤) 튜플로 쓰세요.", 5),
            (lambda a: tuple(a) == ((f2 - 1) // 2,) * 2,
             "(f − 1)/2씩은 스트라이드가 1일 때의 SAME입니다. 스트라이드가 있으면 출력이 ⌈n/s⌉이니 필요한 패딩도 달라집니다.",
             ((f2 - 1) // 2,) * 2),
            (lambda a: tuple(a) == too_long_pads,
             "출력 o칸의 창은 첫 창에서 (o − 1)s칸만 움직입니다: 필요한 길이는 (o − 1)s + f입니다.", too_long_pads),
            (lambda a: len(a) == 2 and a[0] == a[1] + 1,
             "전체 패딩이 홀수일 때 TensorFlow는 남는 한 칸을 앞이 아니라 뒤(아래·오른쪽)에 넣습니다.", (3, 2)),
        ],
    )


def q3_dilated_size() -> Exercise:
    n3, f3, d3 = Q3["n"], Q3["f"], Q3["d"]
    return Exercise(
        3, "팽창한 필터의 출력 크기", "dilated_size",
        expected=lambda: arithmetic.conv_output_size(n3, f3, 0, 1, d3),
        hint_text="팽창한 필터는 원소 사이가 벌어져 더 긴 구간을 덮습니다. 그 길이를 먼저 구해 f 자리에 넣으세요.",
        solution_text=f"dilated_size = {n3} - ({d3} * ({f3} - 1) + 1) + 1",
        mistakes=[
            (lambda a: a == n3 - f3 + 1, "팽창을 빠뜨렸나요? 팽창하면 같은 3×3 필터가 더 넓은 구간을 덮습니다.", n3 - f3 + 1),
            (lambda a: a == n3 - d3 * f3 + 1,
             "원소 f개 사이의 틈은 f − 1개입니다: 덮는 길이는 d × f가 아니라 d(f − 1) + 1입니다.", n3 - d3 * f3 + 1),
            (lambda a: a == n3 - d3 * (f3 - 1) + 1,
             "덮는 길이 d(f − 1)에 첫 원소 한 칸(+1)을 더했나요?", n3 - d3 * (f3 - 1) + 1),
        ],
    )


def q4_choice() -> Exercise:
    return Exercise(
        4, "설계: 원하는 출력 크기에 맞는 p와 s", "choice",
        expected=_q4_answer,
        hint_text="출력이 입력의 약 1/s이니 s의 후보는 몇 개 안 됩니다. 후보 s마다 p = 0, 1, 2를 넣어 출력 크기를 구하고, "
                  "내림으로 버려지는 칸이 있으면 그것이 패딩인지 실제 화소인지 확인하세요.",
        solution_text=(
            "# s = 4: p = 0 → ⌊35/4⌋ + 1 = 9, p = 1 → ⌊37/4⌋ + 1 = 10 (남는 1칸은 뒤쪽 패딩), "
            "p = 2 → 10이지만 남는 3칸 중 1칸이 실제 화소\n"
            "choice = (1, 4)"
        ),
        mistakes=[
            (lambda a: _pair(a) == tuple(reversed(_q4_answer())), "순서를 확인하세요: (p, s), 패딩 먼저입니다.", (4, 1)),
            (lambda a: _pair(a)[0] > (Q4["f"] - 1) // 2, "패딩이 조건을 넘습니다: p ≤ (f − 1)/2 = 2.", (5, 5)),
            (lambda a: _q4_output(a) == Q4["out"],
             "출력은 10×10이지만, 내림으로 버려지는 끝의 칸 가운데 실제 화소가 있습니다. 다른 패딩을 골라 보세요.", (2, 4)),
            (lambda a: _pair(a)[1] == _q4_answer()[1],
             "스트라이드는 맞습니다. 출력 크기가 10이 되도록 패딩을 다시 골라 보세요.", (0, 4)),
            (lambda a: _pair(a) is not None,
             "이 스트라이드로는 출력이 10이 되지 않습니다: 출력은 입력의 약 1/s입니다.", (1, 2)),
        ],
    )


def q5_output_size() -> Exercise:
    return Exercise(
        5, "출력 크기 함수 (팽창과 SAME까지)", "output_size",
        kind="function",
        expected=lambda n, f, p, s, d: arithmetic.conv_output_size(n, f, p, s, d, strict=False),
        cases=lambda: [(5, 3, 0, 1, 1), (28, 5, 1, 2, 1), (9, 3, 0, 1, 2), (224, 7, 3, 2, 1), (32, 4, 0, 3, 1),
                       (30, 3, 2, 2, 3), (7, 3, "same", 2, 1), (12, 5, "same", 1, 2), (224, 1, "same", 2, 1)],
        hint_text="정수 p면 4절의 공식에서 f 자리에 팽창한 필터가 덮는 길이를 넣고, 나누어떨어지지 않으면 내림합니다. "
                  "p가 'same'이면 패딩을 구할 필요가 없습니다: 출력 크기가 이미 정해져 있습니다(5절).",
        solution_text=(
            "def output_size(n, f, p, s, d):\n"
            "    if p == 'same':\n"
            "        return -(-n // s)  # ⌈n/s⌉\n"
            "    span = n + 2 * p - (d * (f - 1) + 1)\n"
            "    return span // s + 1"
        ),
        mistakes=[
            (lambda got, n, f, p, s, d: p == "same" and got == n,
             "SAME은 스트라이드가 1일 때만 크기를 지킵니다: 스트라이드 s면 ⌈n/s⌉입니다.",
             lambda n, f, p, s, d: n if p == "same" else arithmetic.conv_output_size(n, f, p, s, d, strict=False)),
            (lambda got, n, f, p, s, d: p == "same" and got == n // s,
             "SAME의 출력은 올림 ⌈n/s⌉입니다: 모자라는 칸은 패딩으로 채웁니다.",
             lambda n, f, p, s, d: n // s if p == "same" else arithmetic.conv_output_size(n, f, p, s, d, strict=False)),
            (lambda got, n, f, p, s, d: d > 1 and got == arithmetic.conv_output_size(n, f, p, s, strict=False),
             "팽창 d를 빠뜨렸나요? 필터가 덮는 길이는 d(f − 1) + 1입니다.",
             lambda n, f, p, s, d: arithmetic.conv_output_size(n, f, p, s, 1 if p != "same" else d, strict=False)),
            (lambda got, n, f, p, s, d: got == (n + 2 * p - d * (f - 1) - 1) / s + 1,
             "나누어떨어지지 않을 때 내림(// 연산)을 했나요?",
             lambda n, f, p, s, d: -(-n // s) if p == "same" else (n + 2 * p - d * (f - 1) - 1) / s + 1),
            (lambda got, n, f, p, s, d: got == (n + p - d * (f - 1) - 1) // s + 1,
             "패딩은 양쪽에 들어가므로 2p입니다.",
             lambda n, f, p, s, d: -(-n // s) if p == "same" else (n + p - d * (f - 1) - 1) // s + 1),
        ],
    )


def exercises() -> list[Exercise]:
    return [q1_prediction(), q2_same_pads(), q3_dilated_size(), q4_choice(), q5_output_size()]
