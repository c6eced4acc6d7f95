"""6강 연습 문제 6 (먼저 예측하고, 실행해서 확인): 입력과 출력 채널이 32개일 때 수용 영역 7을 얻는 두 방법,
3×3 합성곱 세 개와 7×7 합성곱 하나의 매개변수(편향 포함)를 (3×3 세 개, 7×7 하나) 튜플로."""

from __future__ import annotations

import functools

from ._core import Exercise
from ._oracles import conv2d_params, has


def _a_pair(a):
    return has(a, (2,))


# 문제 6: 입력과 출력 채널이 모두 STACK_CHANNELS개일 때 수용 영역 7을 얻는 두 방법(3×3 세 개, 7×7 하나)의 매개변수
STACK_CHANNELS, STACK_RF = 32, 7


@functools.cache
def stack_vs_big_params(channels=STACK_CHANNELS, rf=STACK_RF) -> tuple:
    """3×3 합성곱(편향 있음)을 수용 영역 rf가 될 때까지 쌓은 것과 rf×rf 합성곱 하나의 매개변수를 Keras로 셉니다(`conv2d_params`).

    3×3 하나를 더할 때마다 수용 영역이 2씩 커지므로 (rf − 1) / 2개를 쌓습니다. rf는 3 이상의 홀수여야 합니다.
    """
    if not isinstance(rf, int) or rf < 3 or rf % 2 == 0:
        raise ValueError(f"rf는 3 이상의 홀수여야 3×3을 쌓아 같은 수용 영역을 만들 수 있습니다. 받은 값: {rf!r}")
    if not isinstance(channels, int) or channels < 1:
        raise ValueError(f"channels는 1 이상의 정수여야 합니다. 받은 값: {channels!r}")
    stack = (rf - 1) // 2 * conv2d_params(channels, 3, channels)  # 3×3 하나마다 수용 영역 +2
    big = conv2d_params(channels, rf, channels)
    return stack, big


def q6_stack_vs_big() -> Exercise:
    c = STACK_CHANNELS
    conv3, conv7 = 9 * c * c + c, 49 * c * c + c  # 편향까지 센 3×3 하나, 7×7 하나
    return Exercise(
        6, "수용 영역 7: 3×3 쌓기 대 7×7 하나의 매개변수", "stack_vs_big",
        expected=stack_vs_big_params,
        hint_text=(
            "먼저 3×3을 몇 개 쌓아야 수용 영역이 7이 되는지 정하세요. 3×3 하나를 더할 때마다 수용 영역이 2씩 커집니다. "
            "합성곱 하나의 매개변수는 (필터 높이 × 필터 너비 × 입력 채널 + 1) × 필터 수입니다(+1은 필터마다의 편향)."
        ),
        solution_text=(
            "stack_vs_big = (3 * (3 * 3 * 32 * 32 + 32), 7 * 7 * 32 * 32 + 32)  # (27,744, 50,208)\n"
            "# 수용 영역이 3 → 5 → 7이 되려면 3×3이 세 개 필요합니다. 가중치는 27C² 대 49C²라, 편향까지 세어도\n"
            "# 3×3 세 개가 7×7 하나의 55%쯤이고, 그 사이에 ReLU를 두 번 더 넣을 수 있습니다."
        ),
        mistakes=[
            (lambda a: _a_pair(a) and tuple(a) == (conv7, 3 * conv3),
             "순서가 바뀌었습니다. (3×3 쌓기의 매개변수, 7×7 하나의 매개변수) 순서로 쓰세요.",
             (conv7, 3 * conv3)),
            (lambda a: _a_pair(a) and (a[0] == 3 * 9 * c * c or a[1] == 49 * c * c),
             "편향을 빠뜨렸습니다. 필터마다 편향이 하나씩 있어, 합성곱 하나에 편향이 필터 수만큼 더해집니다.",
             (3 * 9 * c * c, 49 * c * c)),
            (lambda a: _a_pair(a) and a[0] in (2 * conv3, 2 * 9 * c * c),
             "3×3 두 개의 수용 영역은 5입니다. 7×7과 수용 영역이 같으려면 3×3이 몇 개 있어야 할까요?",
             (2 * conv3, conv7)),
            (lambda a: _a_pair(a) and a[0] == 3 * 9 * c * c + c,
             "편향은 쌓은 합성곱마다 따로 있습니다. 세 합성곱이 저마다 필터 32개의 편향을 가집니다.",
             (3 * 9 * c * c + c, conv7)),
            (lambda a: _a_pair(a) and a[0] in (3 * (9 * c + c), 3 * 9 * c) or _a_pair(a) and a[1] in (49 * c + c, 49 * c),
             "필터 하나는 입력 채널 32개를 모두 봅니다. 필터 하나의 가중치는 3 × 3 × 32개이고, 그런 필터가 32개입니다.",
             (3 * (9 * c + c), 49 * c + c)),
            (lambda a: not _a_pair(a),
             "답은 (3×3 쌓기의 매개변수, 7×7 하나의 매개변수) 두 정수의 튜플로 쓰세요.",
             3 * conv3),
        ],
    )

