"""3강 연습 문제: 풀링과 완전 연결 계층."""

from __future__ import annotations

import numpy as np

from .. import arithmetic
from ._core import Exercise, answers_equal
from ._oracles import dense_after_flatten_params, has, pool

# 문제 1의 4×4 행렬 (노트북 3강 본문도 이 행렬을 씁니다: `from cnn_helpers.exercises import POOL_MATRIX`).
POOL_MATRIX = np.array([[2, 0, 1, 3],
                        [5, 1, 4, 2],
                        [0, 6, 2, 2],
                        [3, 1, 7, 1]])
# 문제 4의 7×7 입력 (1..49)
SAME_MATRIX = np.arange(1, 50).reshape(7, 7)

def exercises() -> list[Exercise]:
    m, s = POOL_MATRIX, SAME_MATRIX
    return [
        Exercise(
            1, "최대 풀링 결과", "pooled",
            expected=lambda: pool(POOL_MATRIX, 2),
            hint_text="4×4를 겹치지 않는 2×2 창 네 개로 나누고, 창마다 가장 큰 값 하나를 고르세요. 결과는 2×2 배열입니다.",
            solution_text=(
                "M = np.array([[2, 0, 1, 3],\n"
                "              [5, 1, 4, 2],\n"
                "              [0, 6, 2, 2],\n"
                "              [3, 1, 7, 1]])\n"
                "pooled = np.array([[M[0:2, 0:2].max(), M[0:2, 2:4].max()],\n"
                "                   [M[2:4, 0:2].max(), M[2:4, 2:4].max()]])"
            ),
            mistakes=[
                (lambda a: answers_equal(a, pool(m, 2, mode="avg")), "창의 평균을 구했나요? 최대 풀링은 창에서 가장 큰 값 하나만 남깁니다."),
                (lambda a: has(a, (3, 3)), "창을 한 칸씩 옮겼나요? 스트라이드가 창 크기와 같은 2이므로 창이 겹치지 않습니다."),
                (lambda a: has(a, (4, 4)), "풀링은 특징 맵을 줄입니다: 2×2 창을 2칸씩 옮기면 가로·세로가 절반이 됩니다."),
                (lambda a: answers_equal(np.transpose(a), pool(m, 2)), "행과 열이 바뀌었습니다. 결과의 (i, j)는 위에서 i번째, 왼쪽에서 j번째 창입니다."),
            ],
        ),
        Exercise(
            2, "풀링 출력의 모양", "pool_shape",
            expected=lambda: (arithmetic.conv_output_size(15, 3, 0, 2), arithmetic.conv_output_size(15, 3, 0, 2), 32),
            hint_text="풀링도 출력 크기 공식 ⌊(n + 2p − f) / s⌋ + 1을 따릅니다. 'valid'는 p = 0입니다. 채널은 어떻게 될까요?",
            solution_text="pool_shape = ((15 - 3) // 2 + 1, (15 - 3) // 2 + 1, 32)  # (높이, 너비, 채널)",
            mistakes=[
                (lambda a: len(a) != 3, "(높이, 너비, 채널) 세 값을 튜플로 쓰세요."),
                (lambda a: a[2] != 32, "풀링은 채널마다 따로 적용되므로 채널 수는 바뀌지 않습니다."),
                (lambda a: a[0] == -(-15 // 2), "그것은 'same' 패딩의 출력 크기입니다. 'valid'는 패딩이 없습니다."),
                (lambda a: a[0] == 15 - 3 + 1, "스트라이드 2를 빠뜨렸나요? 창을 2칸씩 옮깁니다."),
                (lambda a: a[0] == (15 - 3) // 2, "마지막에 +1을 잊지 않았나요? 첫 창의 위치도 셉니다."),
            ],
        ),
        Exercise(
            3, "평면화 뒤 완전 연결 계층의 매개변수 수", "dense_params",
            expected=lambda: dense_after_flatten_params((3, 3, 64), 10),
            hint_text="평면화하면 입력이 높이 × 너비 × 채널 개가 됩니다. Dense는 입력마다 출력마다 가중치 하나, 출력마다 편향 하나입니다.",
            solution_text="dense_params = (3 * 3 * 64) * 10 + 10  # 평면화하면 576개 → 출력 10개",
            mistakes=[
                (lambda a: a == 3 * 3 * 64 * 10, "편향(출력 유닛마다 하나)을 빠뜨리지 않았나요?"),
                (lambda a: a in (3 * 3 * 10 + 10, 3 * 3 * 10), "평면화하면 채널 64개도 모두 입력이 됩니다."),
                (lambda a: a in (64 * 10 + 10, 64 * 10), "평면화하면 높이·너비의 모든 위치가 입력이 됩니다. 합성곱과 달리 가중치를 공유하지 않습니다."),
            ],
        ),
        Exercise(
            4, "SAME 평균 풀링의 가장자리 값", "corner_value",
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
                (lambda a: answers_equal(a, s[6, 2:4].sum() / 4), "패딩 칸까지 개수에 넣었나요? TensorFlow의 평균 풀링은 패딩 칸을 평균에서 뺍니다."),
                (lambda a: answers_equal(a, s[5:7, 2].mean()) or answers_equal(a, s[5:7, 2].sum() / 4),
                 "패딩이 어느 쪽에 들어가는지 확인하세요. 전체 패딩이 홀수이면 남는 한 칸은 뒤(아래·오른쪽)로 갑니다."),
                (lambda a: answers_equal(a, s[5:7, 2:4].mean()),
                 "마지막 창을 입력 안쪽으로 당겨 오지 않습니다. 출력 4행의 창은 스트라이드 2에 따라 0, 2, 4, 6행에서 시작하므로, 출력 3행의 창은 6행과 그 아래 패딩 한 줄입니다."),
                (lambda a: answers_equal(a, s[6, 2]) or answers_equal(a, s[6, 2] / 4),
                 "가로 방향도 따져 보세요. 출력 1열의 창이 덮는 입력 열 가운데 실제 입력은 몇 개인가요?"),
            ],
        ),
    ]
