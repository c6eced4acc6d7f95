"""4강 연습 문제: 수용 영역."""

from __future__ import annotations

from ._core import Exercise
from ._oracles import conv2d_params, rf_variants, saving_params, stack_jump, stack_rf

# 문제 1, 2의 층 쌓기: (종류, 커널, 스트라이드). 'pool'은 최대 풀링입니다.
_RF_STACK = (("conv", 5, 1), ("pool", 2, 2), ("conv", 3, 1), ("conv", 3, 2), ("conv", 3, 1))
_STEM_STACK = (("conv", 7, 2), ("pool", 3, 2), ("conv", 3, 1), ("conv", 3, 2))


_RF_FUNCTION_CASES = [
    [(3, 1), (3, 1)],
    [(3, 1), (3, 1), (2, 2), (3, 1)],
    [(7, 2), (3, 2), (3, 1), (3, 1)],
    [(5, 1)],
    [(3, 2), (3, 2), (3, 2), (3, 2)],
    [(1, 1), (3, 1), (1, 1), (5, 3), (3, 1)],
]


def exercises() -> list[Exercise]:
    pairs = [(k, s) for _, k, s in _RF_STACK]
    stem = [(k, s) for _, k, s in _STEM_STACK]
    wrong = rf_variants(pairs)
    return [
        Exercise(
            1, "쌓은 층의 수용 영역", "stack_rf",
            expected=lambda: stack_rf(_RF_STACK),
            hint_text=(
                "표를 만들어 층마다 r과 j를 갱신하세요: r ← r + (f − 1)·j, 그다음 j ← j·s. "
                "처음에는 r = 1, j = 1이고, 풀링도 창 크기 f = 2, 스트라이드 2인 층으로 셉니다."
            ),
            solution_text=(
                "rf, jump = 1, 1\n"
                "for kernel, stride in [(5, 1), (2, 2), (3, 1), (3, 2), (3, 1)]:\n"
                "    rf += (kernel - 1) * jump  # 앞 층까지의 jump를 씁니다\n"
                "    jump *= stride\n"
                "stack_rf = rf"
            ),
            mistakes=[
                (lambda a: a == wrong["ignore"], "스트라이드를 빠뜨렸나요? 스트라이드 2 뒤의 층은 입력에서 두 칸씩 떨어진 칸들을 봅니다: (f − 1)에 jump를 곱하세요."),
                (lambda a: a == wrong["own"], "r을 갱신할 때는 그 층 앞까지의 jump를 씁니다. 그 층 자신의 스트라이드는 다음 층부터 영향을 줍니다."),
                (lambda a: a == wrong["sum"], "커널 크기를 그냥 더하면 이웃한 창이 겹치는 부분을 두 번 셉니다. 층마다 늘어나는 양은 (f − 1)·jump입니다."),
            ],
        ),
        Exercise(
            2, "줄기(stem)의 유효 스트라이드", "stem_jump",
            expected=lambda: stack_jump(_STEM_STACK),
            hint_text="유효 스트라이드(jump)는 출력에서 이웃한 두 칸이 입력에서 몇 화소 떨어져 있는지입니다. 층마다 j ← j·s입니다.",
            solution_text=(
                "stem_jump = 1\n"
                "for stride in [2, 2, 1, 2]:  # 7×7/2 합성곱, 3×3/2 풀링, 3×3/1, 3×3/2 합성곱\n"
                "    stem_jump *= stride"
            ),
            mistakes=[
                (lambda a: a == sum(s for _, s in stem), "스트라이드는 더하지 않고 곱합니다: 두 칸씩 건너뛴 결과에서 다시 두 칸씩 건너뛰면 네 칸씩입니다."),
                (lambda a: a == stack_rf(_STEM_STACK), "그것은 수용 영역(rf)입니다. jump는 이웃한 출력 칸 사이의 입력 거리입니다."),
                (lambda a: a in (stem[0][1] * stem[1][1], stem[0][1] * stem[1][1] * stem[2][1]),
                 "마지막 합성곱의 스트라이드까지 모두 곱했나요?"),
            ],
        ),
        Exercise(
            3, "7×7 한 층 대신 3×3 세 층", "params_saved",
            expected=saving_params,
            hint_text=(
                "채널 64 → 64인 Conv2D의 매개변수는 f·f·64·64 + 64(편향)입니다. 7×7 한 층의 수에서 3×3 세 층의 수를 빼세요."
            ),
            solution_text=(
                "C = 64\n"
                "one_7x7 = 7 * 7 * C * C + C\n"
                "three_3x3 = 3 * (3 * 3 * C * C + C)\n"
                "params_saved = one_7x7 - three_3x3"
            ),
            mistakes=[
                (lambda a: a == (49 - 27) * 64 * 64, "편향을 빠뜨리지 않았나요? 층마다 출력 채널 수만큼 편향이 있고, 7×7은 한 층, 3×3은 세 층입니다."),
                (lambda a: a == conv2d_params(64, 5, 64) - 2 * conv2d_params(64, 3, 64),
                 "그것은 5×5 한 층과 3×3 두 층의 차이입니다. 7×7과 수용 영역이 같으려면 3×3이 몇 층 필요한가요?"),
                (lambda a: 0 < a < 3, "비율이 아니라 매개변수 개수의 차이를 물었습니다."),
                (lambda a: a < 0, "부호를 확인하세요. 7×7 한 층이 3×3 세 층보다 매개변수가 많습니다."),
            ],
        ),
        Exercise(
            4, "수용 영역을 계산하는 함수", "receptive_field_of",
            kind="function",
            expected=lambda pairs: stack_rf(tuple(("conv", k, s) for k, s in pairs)),
            cases=lambda: [(case,) for case in _RF_FUNCTION_CASES],
            hint_text="r = 1, j = 1에서 시작해 (kernel, stride) 쌍마다 r ← r + (kernel − 1)·j, j ← j·stride를 하고 r을 돌려주세요.",
            solution_text=(
                "def receptive_field_of(layers):\n"
                "    rf, jump = 1, 1\n"
                "    for kernel, stride in layers:\n"
                "        rf += (kernel - 1) * jump\n"
                "        jump *= stride\n"
                "    return rf"
            ),
            mistakes=[
                (lambda got, pairs: got == rf_variants(pairs)["ignore"], "스트라이드가 있는 층 뒤에서도 (kernel − 1)만 더했나요? 앞 층까지의 jump를 곱해야 합니다."),
                (lambda got, pairs: got == rf_variants(pairs)["own"], "r을 갱신할 때 그 층 자신의 스트라이드까지 곱했나요? r을 먼저 갱신하고 jump는 그다음에 갱신합니다."),
            ],
        ),
    ]
