"""7강 연습 문제: 인셉션(GoogLeNet)."""

from __future__ import annotations

from ._core import Exercise
from ._oracles import block_layer_params, head_params, inception_channels, macs_of, reduced_3x3_branch, table1


def exercises() -> list[Exercise]:
    return [
        Exercise(
            1, "인셉션 3b의 출력 채널 수", "channels_3b",
            expected=lambda: inception_channels("3b", (28, 28, 256)),
            hint_text="네 가지의 출력(1×1, 3×3, 5×5, 풀링 뒤 1×1)을 채널 축으로 이어 붙입니다. reduce 열은 가지 안의 중간 단계입니다.",
            solution_text="channels_3b = 128 + 192 + 96 + 64  # #1×1 + #3×3 + #5×5 + pool proj = 480",
            mistakes=[
                (lambda a: a == 128 + 128 + 192 + 32 + 96 + 64,
                 "3×3 reduce·5×5 reduce의 출력은 다음 합성곱으로 들어갈 뿐 이어 붙이지 않습니다."),
                (lambda a: a == 128 + 192 + 96 + 256,
                 "풀링 가지는 최대 풀링 뒤 1×1 합성곱(pool proj)을 거치므로 입력 채널이 그대로 나오지 않습니다."),
                (lambda a: a == 128 + 192 + 96, "풀링 가지도 출력에 이어 붙습니다."),
            ],
        ),
        Exercise(
            2, "병목 계층이 있는 5×5 가지의 매개변수 수", "branch5_params",
            expected=lambda: block_layer_params(
                "inception_block", (14, 14, 480), table1("4a"), ["5x5_reduce", "5x5"]
            ),
            hint_text=(
                "가지는 1×1 합성곱(480 → 16)과 5×5 합성곱(16 → 48) 두 계층입니다. "
                "각각 (k × k × 입력 채널 + 1) × 필터 수로 세어 더하세요."
            ),
            solution_text="branch5_params = (1 * 1 * 480 * 16 + 16) + (5 * 5 * 16 * 48 + 48)  # 26,944",
            mistakes=[
                (lambda a: a in (5 * 5 * 480 * 48 + 48, 5 * 5 * 480 * 48),
                 "5×5 합성곱은 480채널을 바로 받지 않습니다. 1×1 병목 계층이 먼저 채널을 줄입니다."),
                (lambda a: a == 480 * 16 + 5 * 5 * 16 * 48, "편향(필터마다 하나)을 두 계층 모두 세세요."),
                (lambda a: a in (5 * 5 * 16 * 48 + 48, 480 * 16 + 16), "가지에는 계층이 두 개 있습니다: 둘 다 더하세요."),
            ],
        ),
        Exercise(
            3, "3×3 가지의 곱셈-누산 수", "branch3_macs",
            expected=lambda: macs_of(reduced_3x3_branch),
            hint_text=(
                "출력 한 칸의 곱셈-누산은 k × k × 입력 채널이고, 출력 칸은 가로 × 세로 × 필터 수개입니다. "
                "1×1(192 → 96)과 3×3(96 → 128)을 각각 세어 더하세요. 편향은 세지 않습니다."
            ),
            solution_text=(
                "hw = 28 * 28\n"
                "branch3_macs = hw * (1 * 1 * 192 * 96) + hw * (3 * 3 * 96 * 128)  # 101,154,816"
            ),
            mistakes=[
                (lambda a: a == 192 * 96 + 9 * 96 * 128, "그것은 출력 위치 하나의 값입니다. 28×28 위치 모두에서 계산합니다."),
                (lambda a: a == 28 * 28 * 9 * 192 * 128, "병목 계층이 있으면 3×3 합성곱은 192채널이 아니라 줄어든 채널을 받습니다."),
                (lambda a: a == 2 * 28 * 28 * (192 * 96 + 9 * 96 * 128),
                 "곱셈-누산은 곱셈 하나와 덧셈 하나를 한 번으로 셉니다(FLOPs가 아닙니다)."),
                (lambda a: a == 28 * 28 * 9 * 96 * 128, "1×1 병목 계층의 곱셈-누산도 더하세요."),
            ],
        ),
        Exercise(
            4, "전역 평균 풀링으로 아끼는 매개변수", "gap_saving",
            expected=lambda: head_params("flatten") - head_params("gap"),
            hint_text=(
                "평면화하면 7 × 7 × 1024개가 Dense(10)의 입력이 되고, 전역 평균 풀링을 하면 채널마다 하나, 1024개가 됩니다. "
                "두 Dense의 매개변수(편향 포함)를 빼세요."
            ),
            solution_text="gap_saving = (7 * 7 * 1024 * 10 + 10) - (1024 * 10 + 10)  # 491,520",
            mistakes=[
                (lambda a: a == 7 * 7 * 1024 * 10 + 10, "전역 평균 풀링 뒤의 Dense(10)에도 매개변수가 있습니다. 빼 주세요."),
                (lambda a: a < 0, "아낀 개수이므로 (평면화 쪽) − (전역 평균 풀링 쪽)으로, 양수입니다."),
                (lambda a: a == 7 * 7 * 1024 - 1024, "특징 값의 개수가 아니라 Dense(10)의 매개변수 수의 차이를 물었습니다."),
            ],
        ),
    ]
