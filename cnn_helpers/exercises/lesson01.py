"""1강 연습 문제: 합성곱."""

from __future__ import annotations

from .. import arithmetic, ops
from ._core import Exercise, answers_equal
from ._oracles import conv2d_params, random_pairs


def exercises() -> list[Exercise]:
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
            cases=lambda: random_pairs([((4, 4), (3, 3)), ((5, 7), (2, 3)), ((6, 6), (1, 1)), ((8, 5), (4, 2))], 1),
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
                (lambda got, x, k: answers_equal(got, ops.convolve2d(x, k)),
                 "커널을 뒤집었나요? 딥러닝의 '합성곱'(교차 상관)은 커널을 뒤집지 않습니다."),
            ],
        ),
        Exercise(
            3, "Conv2D의 매개변수 수", "conv_params",
            expected=lambda: conv2d_params(64, 5, 3),
            hint_text="필터 하나의 가중치는 (높이 × 너비 × 입력 채널)개이고, 필터마다 편향이 하나씩 있습니다.",
            solution_text="conv_params = 5 * 5 * 3 * 64 + 64  # 4,864",
            mistakes=[
                (lambda a: a == 5 * 5 * 3 * 64, "편향(필터마다 하나)을 빠뜨리지 않았나요?"),
                (lambda a: a in (5 * 5 * 64 + 64, 5 * 5 * 64), "필터는 입력 채널(RGB 3개)을 모두 덮습니다."),
                (lambda a: a == 32 * 32 * 3 * 64 + 64, "합성곱 계층의 매개변수 수는 입력 이미지 크기와 상관이 없습니다."),
            ],
        ),
    ]
