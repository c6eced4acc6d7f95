"""1강 연습 문제: 합성곱."""

from __future__ import annotations

import numpy as np

from .. import arithmetic, ops
from ._core import Exercise, answers_equal
from ._oracles import random_pairs

# 문제 3의 2채널 입력(3×3×2), 필터 하나(2×2×2)와 편향 (노트북의 X, K, b와 같은지 시험이 확인합니다)
MC_INPUT = np.stack([np.array([[1, 2, 0],
                               [0, 1, 3],
                               [2, 1, 1]]),    # 채널 0
                     np.array([[2, 0, 1],
                               [1, 3, 0],
                               [0, 2, 1]])],   # 채널 1
                    axis=-1)
MC_FILTER = np.stack([np.array([[1, 2],
                                [2, 0]]),      # 채널 0
                      np.array([[-1, 2],
                                [1, 2]])],     # 채널 1
                     axis=-1)
MC_BIAS = 2
MC_CELL = (0, 1)


def multichannel_cell(x, k, bias, cell):
    """(H, W, C) 입력과 (f, f, C) 필터 하나의 합성곱(ops.conv2d)에서 출력 한 칸의 값."""
    out = ops.conv2d(np.asarray(x, float)[None], np.asarray(k, float)[..., None], np.array([bias], float))
    return float(out[0, cell[0], cell[1], 0])


def _matches(answer, values) -> bool:
    return any(answers_equal(answer, v) for v in values)


def _variant(kind: str):
    """흔한 실수로 계산한 (0, 1) 칸 값 (실수를 알아보는 데만 씁니다)."""
    x, k, b, (r, c) = MC_INPUT, MC_FILTER, MC_BIAS, MC_CELL
    per_channel = [ops.correlate2d(x[:, :, i], k[:, :, i])[r, c] for i in range(x.shape[-1])]
    if kind == "one channel":
        return per_channel
    if kind == "one channel + bias":
        return [v + b for v in per_channel]
    if kind == "no bias":
        return sum(per_channel)
    if kind == "bias per channel":
        return sum(per_channel) + b * len(per_channel)
    if kind == "mean":
        return sum(per_channel) / len(per_channel) + b
    if kind == "flipped":
        return sum(ops.convolve2d(x[:, :, i], k[:, :, i])[r, c] for i in range(x.shape[-1])) + b
    out = ops.conv2d(x[None].astype(float), k[..., None].astype(float), np.array([b], float))[0, :, :, 0]
    return [v for (i, j), v in np.ndenumerate(out) if (i, j) != (r, c)]


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
            3, "2채널 합성곱의 한 칸", "out_value",
            expected=lambda: multichannel_cell(MC_INPUT, MC_FILTER, MC_BIAS, MC_CELL),
            hint_text=("필터는 입력 채널 2장을 모두 덮습니다. 채널 0에서 2×2 창과 필터 채널 0의 원소별 곱의 합, 채널 1에서도 "
                       "같은 계산을 하고, 두 값을 더한 뒤 편향을 한 번 더합니다. (0, 1) 칸의 창은 0~1행, 1~2열입니다."),
            solution_text=(
                "# 채널 0: 2×1 + 0×2 + 1×2 + 3×0 = 4\n"
                "# 채널 1: 0×(−1) + 1×2 + 3×1 + 0×2 = 5\n"
                "out_value = 4 + 5 + 2  # 두 채널의 합 + 편향 = 11"
            ),
            mistakes=[
                (lambda a: _matches(a, _variant("one channel") + _variant("one channel + bias")),
                 "채널 하나만 계산했나요? 필터는 입력 채널을 모두 덮고, 채널마다 계산한 값을 모두 더합니다."),
                (lambda a: answers_equal(a, _variant("no bias")), "편향(필터 하나에 하나)을 더했나요?"),
                (lambda a: answers_equal(a, _variant("bias per channel")),
                 "편향은 채널마다 더하지 않습니다. 채널들의 합에 필터의 편향을 한 번만 더합니다."),
                (lambda a: answers_equal(a, _variant("mean")), "채널의 결과는 평균이 아니라 합합니다."),
                (lambda a: answers_equal(a, _variant("flipped")),
                 "필터를 뒤집었나요? 딥러닝의 '합성곱'(교차 상관)은 필터를 뒤집지 않습니다."),
                (lambda a: _matches(a, _variant("other cell")),
                 "다른 칸을 계산했나요? (행, 열) = (0, 1)은 첫째 줄 둘째 칸이고, 창은 입력의 0~1행, 1~2열입니다."),
            ],
        ),
    ]
