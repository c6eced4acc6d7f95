"""5강 연습 문제: LeNet-5."""

from __future__ import annotations

from ._core import Exercise
from ._oracles import built_model_facts, lenet_layer, lenet_layer_macs


def lenet_features_facts(input_shape) -> dict:
    """models.lenet5의 특징 추출부(conv1 → pool1 → conv2 → pool2)의 출력 모양과 매개변수 수.

    패키지의 모델을 실제로 만들어 pool2의 출력 모양과 두 합성곱 계층의 매개변수 합을 읽습니다.
    """
    shape = tuple(input_shape)
    params = lenet_layer(shape, "conv1", "params") + lenet_layer(shape, "conv2", "params")
    return {"출력 모양": lenet_layer(shape, "pool2", "shape"), "매개변수 수": params}


def exercises() -> list[Exercise]:
    return [
        Exercise(
            1, "conv2의 곱셈-누산 수", "conv2_macs",
            expected=lambda: lenet_layer_macs("conv2"),
            hint_text=(
                "출력 칸 하나를 계산하는 곱셈-누산은 (5 × 5 × 입력 채널)번입니다. conv2는 padding='valid'이므로 "
                "출력의 세로·가로를 먼저 구하고, 출력 칸 수(세로 × 가로 × 필터 수)를 곱하세요."
            ),
            solution_text=(
                "side = 14 - 5 + 1  # conv2 (valid, 5×5)의 출력: 10×10\n"
                "conv2_macs = side * side * 16 * (5 * 5 * 6)  # 출력 칸 수 × 칸마다의 곱셈-누산 = 240,000"
            ),
            mistakes=[
                (lambda a: a in (5 * 5 * 6 * 16 + 16, 5 * 5 * 6 * 16),
                 "그것은 매개변수 수입니다. 같은 필터를 출력 칸마다 다시 쓰므로, 곱셈-누산은 출력 칸 수만큼 곱해집니다."),
                (lambda a: a == 14 * 14 * 16 * 5 * 5 * 6,
                 "conv2는 padding='valid'입니다: 출력은 입력 14×14보다 작습니다."),
                (lambda a: a == 2 * 10 * 10 * 16 * 5 * 5 * 6,
                 "곱셈-누산은 곱셈 하나와 덧셈 하나를 한 번으로 셉니다(FLOPs가 아닙니다)."),
                (lambda a: a == 10 * 10 * 16 * 5 * 5, "필터는 입력 채널 6개를 모두 덮습니다."),
                (lambda a: a == 10 * 10 * 5 * 5 * 6, "출력 채널(필터) 16개마다 따로 계산합니다."),
            ],
        ),
        Exercise(
            2, "36×36 입력에서 pool2의 출력 모양", "pool2_shape",
            expected=lambda: lenet_layer((36, 36, 1), "pool2", "shape"),
            hint_text="36 → (same 합성곱) → ? → (2×2 풀링) → ? → (5×5 valid 합성곱) → ? → (2×2 풀링) → ?. 채널은 conv2의 필터 수입니다.",
            solution_text="side = (36 // 2 - 5 + 1) // 2\npool2_shape = (side, side, 16)  # (7, 7, 16)",
            mistakes=[
                (lambda a: tuple(a)[:2] == (14, 14), "14×14는 conv2의 출력입니다. 풀링을 한 번 더 거칩니다."),
                (lambda a: tuple(a)[:2] == (6, 6), "conv1은 padding='same'이라 크기가 36 그대로입니다."),
                (lambda a: tuple(a)[2] != 16, "채널 수는 conv2의 필터 수와 같습니다."),
            ],
        ),
        Exercise(
            3, "입력 32×32일 때의 매개변수 수", "params_32",
            expected=lambda: lenet_layer((32, 32, 1), None, None),
            hint_text="합성곱 계층의 매개변수는 그대로입니다. 바뀌는 것은 평면화한 길이와 fc1의 가중치입니다.",
            solution_text=(
                "side = (32 // 2 - 5 + 1) // 2  # pool2 뒤 크기: 6\n"
                "params_32 = (5*5*1*6 + 6) + (5*5*6*16 + 16) + (side*side*16*120 + 120) + (120*84 + 84) + (84*10 + 10)"
            ),
            mistakes=[
                (lambda a: a == 61_706, "입력 크기가 바뀌면 평면화한 길이가 바뀌고, fc1의 가중치 수도 바뀝니다."),
            ],
        ),
        Exercise(
            4, "LeNet-5의 특징 추출부 만들기", "my_features",
            kind="build",
            measure=built_model_facts,
            expected=lenet_features_facts,
            cases=lambda: [((28, 28, 1),), ((32, 32, 3),)],
            hint_text=(
                "입력 텐서 x에 계층을 차례로 적용해 새 텐서를 얻습니다: x = layers.Conv2D(...)(x). 크기를 그대로 두는 "
                "합성곱은 padding='same', 줄이는 합성곱은 기본값('valid')입니다. 입력 채널 수는 Conv2D가 x에서 읽으므로 "
                "적지 않습니다. 마지막 텐서를 return 하세요."
            ),
            solution_text=(
                "def my_features(x):\n"
                "    x = layers.Conv2D(6, 5, padding=\"same\", activation=\"relu\")(x)  # conv1: 28×28×6\n"
                "    x = layers.MaxPooling2D(2)(x)                                    # pool1: 14×14×6\n"
                "    x = layers.Conv2D(16, 5, activation=\"relu\")(x)                  # conv2: 10×10×16\n"
                "    return layers.MaxPooling2D(2)(x)                                 # pool2: 5×5×16"
            ),
        ),
    ]

