"""1강 연습 문제: 합성곱."""

from __future__ import annotations

import numpy as np

from .. import arithmetic, ops
from ._core import Exercise, answers_equal
from ._oracles import conv2d_params, random_pairs

# 문제 1: 같은 Conv2D(필터 FILTERS개, FILTER_SIZE×FILTER_SIZE)를 두 크기의 입력에 씁니다 (노트북의 글과 같은지 시험이 확인합니다)
FILTERS, FILTER_SIZE = 8, 5
FIRST_INPUT, SECOND_INPUT = (32, 32, 3), (64, 48, 3)

# 문제 4: RGB 사진(채널 3)을 받는 첫 계층, 3×3 필터, 매개변수 예산
BUDGET, BUDGET_F, BUDGET_CHANNELS = 1000, 3, 3

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


def output_shape(input_shape, filters=FILTERS, f=FILTER_SIZE, extra=1):
    """패딩 없이 스트라이드 1인 Conv2D(filters, f)의 출력 (높이, 너비, 채널). extra=0이면 '+1'을 빠뜨린 실수."""
    h, w, _ = input_shape
    if extra == 1:
        return (arithmetic.conv_output_size(h, f), arithmetic.conv_output_size(w, f), filters)
    return (h - f + extra, w - f + extra, filters)


def max_filters(budget=BUDGET, f=BUDGET_F, channels=BUDGET_CHANNELS) -> int:
    """매개변수 budget개 안에 들어가는 가장 많은 필터 수 (Keras Conv2D를 실제로 만들어 셉니다)."""
    n = 0
    while conv2d_params(n + 1, f, channels) <= budget:
        n += 1
    return n


def _flipped_variant(kind: str):
    """뒤집기를 잘못한 '합성곱' 함수 (흔한 실수를 알아보고, 그 실수의 예로 씁니다)."""
    flips = {
        "none": lambda k: k,
        "up-down": lambda k: k[::-1, :],
        "left-right": lambda k: k[:, ::-1],
        "transpose": lambda k: k.T,
        "rot90": lambda k: np.rot90(k),
        "rot270": lambda k: np.rot90(k, -1),
    }[kind]
    return lambda x, k: ops.correlate2d(np.asarray(x), flips(np.asarray(k)))


def _same_as(kind: str):
    variant = _flipped_variant(kind)
    return lambda got, x, k: answers_equal(got, variant(x, k))


def q1_predicted_shape() -> Exercise:
    first, second = FIRST_INPUT, SECOND_INPUT
    right = output_shape(second)
    h, w, c = second
    return Exercise(
        1, "다른 크기의 입력 (먼저 예측하기)", "predicted_shape",
        expected=lambda: output_shape(SECOND_INPUT),
        hint_text=("높이와 너비를 따로 세어 보세요. 패딩이 없으면 필터를 놓을 수 있는 위치는 한 축마다 n − f + 1개입니다. "
                   "출력의 채널 수는 입력이 아니라 계층이 정합니다."),
        solution_text=(
            f"# 높이 {h} − {FILTER_SIZE} + 1, 너비 {w} − {FILTER_SIZE} + 1, 채널 = 필터 수 {FILTERS}\n"
            f"predicted_shape = {right}"
        ),
        mistakes=[
            (lambda a: answers_equal(a, (1, *right)), "배치 축은 빼고 (높이, 너비, 채널) 세 수만 적으세요.",
             (1, *right)),
            (lambda a: answers_equal(a, (right[1], right[0], right[2])),
             f"높이와 너비가 바뀌었습니다. 입력 {h}×{w}는 높이 {h}, 너비 {w}입니다.", (right[1], right[0], right[2])),
            (lambda a: answers_equal(a, right[:2]), "채널 축까지 (높이, 너비, 채널) 세 수를 적으세요.", right[:2]),
            (lambda a: answers_equal(a, (*right[:2], c)),
             "출력의 채널 수는 입력의 채널 수가 아니라 필터 수입니다 (필터 하나가 특징 맵 한 장).", (*right[:2], c)),
            (lambda a: answers_equal(a, (h, w, FILTERS)), "패딩이 없으면 출력은 입력보다 작아집니다.", (h, w, FILTERS)),
            (lambda a: answers_equal(a, output_shape(second, extra=0)),
             "첫 위치 0부터 마지막 위치 n − f까지 세면 몇 개인가요? 끝 위치도 세야 합니다.", output_shape(second, extra=0)),
            (lambda a: answers_equal(a, (h + FILTER_SIZE - 1, w + FILTER_SIZE - 1, FILTERS)),
             "필터 크기는 더하는 것이 아니라 빼야 합니다.", (h + FILTER_SIZE - 1, w + FILTER_SIZE - 1, FILTERS)),
            (lambda a: answers_equal(a, output_shape(first)),
             f"그것은 첫 입력({'×'.join(map(str, first))})의 출력입니다. 같은 계층을 {h}×{w}×{c} 입력에 쓸 때를 계산하세요.", output_shape(first)),
        ],
    )


def q2_my_convolve() -> Exercise:
    return Exercise(
        2, "뒤집는 합성곱 함수", "my_convolve",
        kind="function",
        expected=ops.convolve2d,
        cases=lambda: random_pairs([((4, 4), (3, 3)), ((5, 7), (2, 3)), ((6, 6), (1, 1)), ((8, 5), (4, 2))], 1),
        hint_text=("4절의 두 식을 나란히 놓고 k의 첨자만 비교해 보세요. 반복문을 새로 쓰지 않고, 필터를 먼저 바꾼 뒤 "
                   "교차 상관을 계산해도 됩니다. 필터의 모양(kh, kw)이 정사각형이 아니어도 맞아야 합니다."),
        solution_text=(
            "def my_convolve(x, k):\n"
            "    flipped = k[::-1, ::-1]  # 상하와 좌우를 모두 뒤집음 (180° 돌리기)\n"
            "    kh, kw = k.shape\n"
            "    oh, ow = x.shape[0] - kh + 1, x.shape[1] - kw + 1\n"
            "    out = np.zeros((oh, ow))\n"
            "    for i in range(oh):\n"
            "        for j in range(ow):\n"
            "            out[i, j] = (x[i:i + kh, j:j + kw] * flipped).sum()\n"
            "    return out"
        ),
        mistakes=[
            (_same_as("none"), "필터를 뒤집지 않았습니다. 그것은 교차 상관(딥러닝의 '합성곱')입니다. 수학의 합성곱은 "
             "필터를 뒤집은 뒤 곱해 더합니다.", _flipped_variant("none")),
            (_same_as("up-down"), "상하로만 뒤집었나요? 좌우도 뒤집어야 합니다.", _flipped_variant("up-down")),
            (_same_as("left-right"), "좌우로만 뒤집었나요? 상하도 뒤집어야 합니다.", _flipped_variant("left-right")),
            (_same_as("transpose"), "전치(행과 열 바꾸기)는 뒤집기가 아닙니다. 상하·좌우를 뒤집으세요.",
             _flipped_variant("transpose")),
            (lambda got, x, k: _same_as("rot90")(got, x, k) or _same_as("rot270")(got, x, k),
             "90°만 돌렸나요? 상하·좌우를 모두 뒤집는 것은 180° 돌리기입니다.", _flipped_variant("rot90")),
        ],
    )


def q3_out_value() -> Exercise:
    return Exercise(
        3, "2채널 합성곱의 한 칸", "out_value",
        expected=lambda: multichannel_cell(MC_INPUT, MC_FILTER, MC_BIAS, MC_CELL),
        hint_text=("필터는 입력 채널 2장을 모두 덮습니다. 채널마다 2×2 창과 필터의 그 채널을 원소끼리 곱해 더하고, "
                   "채널들의 값을 합한 뒤 편향을 더합니다. (0, 1) 칸의 창은 입력의 0~1행, 1~2열입니다."),
        solution_text=(
            "# 채널 0: 2×1 + 0×2 + 1×2 + 3×0 = 4\n"
            "# 채널 1: 0×(−1) + 1×2 + 3×1 + 0×2 = 5\n"
            "out_value = 4 + 5 + 2  # 두 채널의 합 + 편향 = 11"
        ),
        mistakes=[
            (lambda a: _matches(a, _variant("one channel") + _variant("one channel + bias")),
             "채널 하나만 계산했나요? 필터는 입력 채널을 모두 덮고, 채널마다 계산한 값을 모두 더합니다.",
             _variant("one channel")[0]),
            (lambda a: answers_equal(a, _variant("no bias")), "편향(필터 하나에 하나)을 더했나요?", _variant("no bias")),
            (lambda a: answers_equal(a, _variant("bias per channel")),
             "편향은 채널마다 더하지 않습니다. 채널들의 합에 필터의 편향을 한 번만 더합니다.", _variant("bias per channel")),
            (lambda a: answers_equal(a, _variant("mean")), "채널의 결과는 평균이 아니라 합합니다.", _variant("mean")),
            (lambda a: answers_equal(a, _variant("flipped")),
             "필터를 뒤집었나요? 딥러닝의 '합성곱'(교차 상관)은 필터를 뒤집지 않습니다.", _variant("flipped")),
            (lambda a: _matches(a, _variant("other cell")),
             "다른 칸을 계산했나요? (행, 열) = (0, 1)은 첫째 줄 둘째 칸이고, 창은 입력의 0~1행, 1~2열입니다.",
             _variant("other cell")[0]),
        ],
    )


def q4_max_filters() -> Exercise:
    return Exercise(
        4, "매개변수 예산에 맞춘 필터 수 (설계)", "max_filters",
        expected=max_filters,
        hint_text=("필터 하나에 든 매개변수부터 세어 보세요. 필터는 입력의 모든 채널을 덮고, 필터마다 편향이 하나 있습니다. "
                   "그다음 예산을 넘지 않는 가장 큰 필터 수를 찾습니다."),
        solution_text=(
            f"per_filter = {BUDGET_F} * {BUDGET_F} * {BUDGET_CHANNELS} + 1  # 가중치 f·f·C_in + 편향 1 = "
            f"{BUDGET_F * BUDGET_F * BUDGET_CHANNELS + 1}\n"
            f"max_filters = {BUDGET} // per_filter  # 내림: 하나 더 쓰면 예산을 넘습니다"
        ),
        mistakes=_budget_mistakes(),
    )


def exercises() -> list[Exercise]:
    return [q1_predicted_shape(), q2_my_convolve(), q3_out_value(), q4_max_filters()]


def _budget_mistakes() -> list:
    f, c, budget = BUDGET_F, BUDGET_CHANNELS, BUDGET
    per_filter = f * f * c + 1  # 공식으로 센 실수들 (정답 자체는 max_filters가 Keras로 셉니다)
    right = budget // per_filter
    wrong = {
        "ceil": -(-budget // per_filter),
        "no bias": budget // (f * f * c),
        "no channels": budget // (f * f + 1),
        "no channels, no bias": budget // (f * f),
    }
    assert len(set(wrong.values()) | {right}) == len(wrong) + 1, "예산 문제의 실수들이 서로(또는 정답과) 겹칩니다"
    return [
        (lambda a: answers_equal(a, wrong["ceil"]),
         "그 수라면 매개변수가 예산을 조금 넘습니다. 나눗셈을 반올림하지 말고 내림하세요.", wrong["ceil"]),
        (lambda a: answers_equal(a, wrong["no bias"]), "편향을 빠뜨렸나요? 필터마다 편향이 하나씩 있습니다.",
         wrong["no bias"]),
        (lambda a: answers_equal(a, wrong["no channels"]),
         "필터 하나는 입력 채널을 모두 덮습니다. 필터 하나의 가중치는 f·f가 아니라 f·f·C_in개입니다.", wrong["no channels"]),
        (lambda a: answers_equal(a, wrong["no channels, no bias"]),
         "필터 하나의 매개변수는 f·f가 아닙니다. 입력 채널 수와 편향을 모두 세세요.", wrong["no channels, no bias"]),
    ]
