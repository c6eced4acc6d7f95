"""3강 연습 문제: 풀링과 완전 연결 계층."""

from __future__ import annotations

import numpy as np

from .. import arithmetic
from ._core import Exercise, answers_equal
from ._oracles import dense_after_flatten_params, has, pool

# 문제 3의 4×4 특징 맵: 오른쪽으로 1칸 옮기기 전과 뒤에 2×2 최대 풀링을 비교합니다
# (노트북 3강의 문제 3 셀은 같은 값을 `X`로 직접 적어 둡니다: 둘을 함께 고치세요).
POOL_MATRIX = np.array([[6, 5, 3, 1],
                        [2, 1, 0, 2],
                        [1, 8, 2, 0],
                        [0, 2, 9, 3]])
# 문제 2의 7×7 입력 (1..49)
SAME_MATRIX = np.arange(1, 50).reshape(7, 7)

# 문제 4의 설계 조건: (28, 28, 64) 특징 맵 → 2×2 최대 풀링 k번 → 평면화 → Dense(128), Dense의 매개변수 ≤ 100,000
BUDGET_SHAPE, BUDGET_UNITS, BUDGET = (28, 28, 64), 128, 100_000


def shifted_right(x) -> np.ndarray:
    """2-D 배열을 오른쪽으로 1칸 옮깁니다 (밀려 나간 열은 버리고, 빈자리는 0)."""
    x = np.asarray(x)
    moved = np.zeros_like(x)
    moved[:, 1:] = x[:, :-1]
    return moved


def unchanged_after_shift(x) -> np.ndarray:
    """2×2 최대 풀링(스트라이드 2)의 출력 칸마다, 입력을 오른쪽으로 1칸 옮긴 뒤에도 값이 그대로인지 (bool 배열)."""
    return np.equal(pool(x, 2), pool(shifted_right(x), 2))


def pools_for_budget(shape=BUDGET_SHAPE, units=BUDGET_UNITS, budget=BUDGET) -> int:
    """Dense의 매개변수가 budget 이하가 되는 가장 적은 2×2 최대 풀링(스트라이드 2) 횟수 (Keras 계층으로 셉니다)."""
    h, w, c = shape
    pools = 0
    while dense_after_flatten_params((h, w, c), units) > budget:
        h, w = arithmetic.conv_output_size(h, 2, 0, 2, strict=False), arithmetic.conv_output_size(w, 2, 0, 2, strict=False)
        pools += 1
    return pools


def q1_pool_shape() -> Exercise:
    return Exercise(
        1, "풀링 출력의 모양", "pool_shape",
        expected=lambda: (arithmetic.conv_output_size(15, 3, 0, 3), arithmetic.conv_output_size(15, 3, 0, 3), 32),
        hint_text=("풀링도 출력 크기 공식 ⌊(n + 2p − f) / s⌋ + 1을 따릅니다. 'valid'는 p = 0입니다. "
                   "이 계층에는 strides를 주지 않았습니다: 그러면 스트라이드는 무엇일까요? 채널은 어떻게 될까요?"),
        solution_text=("# strides를 주지 않으면 pool_size와 같은 3입니다.\n"
                       "pool_shape = ((15 - 3) // 3 + 1, (15 - 3) // 3 + 1, 32)  # (높이, 너비, 채널)"),
        mistakes=[
            (lambda a: len(a) != 3, "(높이, 너비, 채널) 세 값을 튜플로 쓰세요.", (5, 5)),
            (lambda a: a[2] != 32, "풀링은 채널마다 따로 적용되므로 채널 수는 바뀌지 않습니다.", (5, 5, 1)),
            (lambda a: a[0] in (15 - 3 + 1, (15 - 3) // 2 + 1),
             "스트라이드를 몇으로 잡았나요? MaxPool2D에 strides를 주지 않으면 스트라이드는 1이 아니라 pool_size와 같습니다.",
             (13, 13, 32)),
            (lambda a: a[0] == (15 - 3) // 3, "마지막에 +1을 잊지 않았나요? 첫 창의 위치도 셉니다.", (4, 4, 32)),
        ],
    )


def q2_corner_value() -> Exercise:
    s = SAME_MATRIX
    return Exercise(
        2, "SAME 평균 풀링의 가장자리 값", "corner_value",
        expected=lambda: pool(SAME_MATRIX, 2, padding="same", mode="avg")[3, 1],
        hint_text=(
            "ch.same_padding(7, 2, 2)로 패딩이 어느 쪽에 몇 칸 들어가는지 보세요. 출력 (3, 1)의 창에 실제 입력 칸이 몇 개 "
            "있는지 세고, TensorFlow가 평균의 분모로 무엇을 쓰는지 떠올리세요."
        ),
        solution_text=(
            "x = np.arange(1, 50).reshape(7, 7)\n"
            "# same_padding(7, 2, 2) = (0, 1): 아래·오른쪽에 한 칸. 출력 (3, 1)의 창은 6행, 2~3열과 패딩 한 줄\n"
            "corner_value = x[6, 2:4].mean()  # 패딩 칸은 세지 않으므로 실제 칸 2개의 평균"
        ),
        mistakes=[
            (lambda a: answers_equal(a, s[6, 2:4].sum() / 4),
             "패딩 칸까지 개수에 넣었나요? TensorFlow의 평균 풀링은 패딩 칸을 평균에서 뺍니다.", s[6, 2:4].sum() / 4),
            (lambda a: answers_equal(a, s[5:7, 2].mean()) or answers_equal(a, s[5:7, 2].sum() / 4),
             "패딩이 어느 쪽에 들어가는지 확인하세요. 전체 패딩이 홀수이면 남는 한 칸은 뒤(아래·오른쪽)로 갑니다.",
             s[5:7, 2].mean()),
            (lambda a: answers_equal(a, s[5:7, 2:4].mean()),
             "마지막 창을 입력 안쪽으로 당겨 오지 않습니다. 출력 4행의 창은 스트라이드 2에 따라 0, 2, 4, 6행에서 시작하므로, "
             "출력 3행의 창은 6행과 그 아래 패딩 한 줄입니다.", s[5:7, 2:4].mean()),
            (lambda a: answers_equal(a, s[6, 2]) or answers_equal(a, s[6, 2] / 4),
             "가로 방향도 따져 보세요. 출력 1열의 창이 덮는 입력 열 가운데 실제 입력은 몇 개인가요?", s[6, 2]),
        ],
    )


def q3_unchanged_cells() -> Exercise:
    answer3 = unchanged_after_shift(POOL_MATRIX)
    return Exercise(
        3, "1칸 이동 뒤 그대로인 풀링 출력", "unchanged_cells",
        expected=lambda: unchanged_after_shift(POOL_MATRIX),
        hint_text=("2×2 창 네 개를 따로 보세요. 창마다 두 가지를 묻습니다: 그 창의 최댓값이 1칸 옮긴 뒤에도 같은 창 안에 "
                   "남는가? 왼쪽 창(또는 빈자리의 0)에서 새로 들어오는 열에 더 큰 값이 있는가?"),
        solution_text=(
            "X = np.array([[6, 5, 3, 1],\n"
            "              [2, 1, 0, 2],\n"
            "              [1, 8, 2, 0],\n"
            "              [0, 2, 9, 3]])\n"
            "moved = np.zeros_like(X)\n"
            "moved[:, 1:] = X[:, :-1]  # 오른쪽으로 1칸, 빈자리는 0\n"
            "def max_pool(a):  # 2×2 창, 스트라이드 2\n"
            "    return a.reshape(2, 2, 2, 2).max(axis=(1, 3))\n"
            "unchanged_cells = max_pool(X) == max_pool(moved)  # 6은 창 안에 남고, 5가 옆 창으로, 8이 옆 창으로 넘어가고, 9는 남음"
        ),
        mistakes=[
            (lambda a: answers_equal(a, np.ones((2, 2), bool)),
             "1칸은 스트라이드 2보다 작지만, 창 경계에 붙은 열은 옆 창으로 넘어갑니다. 창마다 1칸 옮긴 뒤 창 안에 드는 값을 "
             "다시 적어 보세요.", np.ones((2, 2), bool)),
            (lambda a: answers_equal(a, np.zeros((2, 2), bool)),
             "최대 풀링은 창의 최댓값만 남깁니다: 그 최댓값이 같은 창 안에 남고 더 큰 값이 들어오지 않으면 출력은 그대로입니다.",
             np.zeros((2, 2), bool)),
            (lambda a: answers_equal(a, answer3 | np.array([[False, True], [False, False]])),
             "오른쪽 위 창: 그 창의 최댓값은 창 안에 남지만, 왼쪽 창에서 넘어오는 열의 값도 보세요.",
             answer3 | np.array([[False, True], [False, False]])),
            (lambda a: answers_equal(a, answer3 | np.array([[False, False], [True, False]])),
             "왼쪽 아래 창: 그 창의 최댓값이 1칸 옮긴 뒤에도 같은 창 안에 있나요?",
             answer3 | np.array([[False, False], [True, False]])),
            (lambda a: not has(a, (2, 2)), "출력은 2×2입니다. 출력 칸마다 True(그대로) 또는 False(바뀜)를 적은 2×2 배열로 쓰세요.",
             [True, False]),
        ],
    )


def q4_pools_needed() -> Exercise:
    return Exercise(
        4, "평면화 전 풀링 횟수 설계", "pools_needed",
        expected=lambda: pools_for_budget(),
        hint_text=("풀링을 한 번 할 때마다 높이·너비가 출력 크기 공식대로 줄어듭니다(나누어떨어지지 않으면 내림). "
                   "횟수마다 평면화한 길이와 Dense의 매개변수 (입력 수 × 출력 수) + 출력 수를 표로 적어 보세요."),
        solution_text=(
            "n, pools = 28, 0\n"
            "while (n * n * 64) * 128 + 128 > 100_000:  # 평면화 → Dense(128)의 매개변수\n"
            "    n = (n - 2) // 2 + 1  # 2×2 최대 풀링, 스트라이드 2: 28 → 14 → 7 → 3\n"
            "    pools += 1\n"
            "pools_needed = pools  # 3 × 3 × 64 × 128 + 128 = 73,856개"
        ),
        mistakes=[
            (lambda a: a == 1, "평면화하면 채널 64개도 모두 입력이 됩니다: 입력 수는 높이 × 너비 × 채널입니다.", 1),
            (lambda a: a == 0, "Dense의 가중치는 입력 수 × 출력 수(128)입니다. 편향도 출력마다 하나 있습니다.", 0),
            (lambda a: a == 4, "7×7을 2×2 창, 스트라이드 2로 풀링하면 3.5×3.5가 아니라 내림해서 3×3입니다.", 4),
            (lambda a: a == 2, "풀링을 두 번 하면 특징 맵은 7×7×64입니다. 그때 Dense의 매개변수를 (입력 수 × 출력 수) + 출력 수로 "
             "세어 예산과 비교해 보세요.", 2),
        ],
    )


def exercises() -> list[Exercise]:
    return [q1_pool_shape(), q2_corner_value(), q3_unchanged_cells(), q4_pools_needed()]
