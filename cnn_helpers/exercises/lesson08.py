"""8강 연습 문제: ResNet."""

from __future__ import annotations

from ._core import Exercise
from ._oracles import bottleneck_mac_ratio, resnet_block, resnet_conv_count


def exercises() -> list[Exercise]:
    def near(a, value):
        return abs(float(a) - value) < 1e-3 * value

    return [
        Exercise(
            1, "병목 블록의 1×1 축소 합성곱", "reduce_params",
            expected=lambda: resnet_block("bottleneck_block", (56, 56, 256), 64).get_layer("block_1_conv").count_params(),
            hint_text="1×1 합성곱의 필터 하나는 1 × 1 × (입력 채널 수)개의 가중치를 가집니다. ResNet의 합성곱에 편향이 있는지도 떠올려 보세요.",
            solution_text="reduce_params = 1 * 1 * 256 * 64  # 편향 없음 (바로 뒤 배치 정규화가 이동을 맡음)",
            mistakes=[
                (lambda a: a == 256 * 64 + 64, "ResNet의 합성곱은 바로 뒤에 배치 정규화가 있어 편향을 쓰지 않습니다(use_bias=False)."),
                (lambda a: a in (3 * 3 * 256 * 64, 3 * 3 * 256 * 64 + 64), "채널을 줄이는 첫 계층은 3×3이 아니라 1×1 합성곱입니다."),
                (lambda a: a in (64 * 64, 64 * 64 + 64), "1×1 합성곱도 입력 채널 256개를 모두 덮습니다."),
                (lambda a: a in (256 * 256, 256 * 256 * 4), "축소 합성곱의 출력 채널은 filters(64)입니다. 4배로 늘리는 것은 마지막 1×1 합성곱입니다."),
                (lambda a: a > 1_000_000, "합성곱 계층의 매개변수 수는 입력의 높이·너비(56×56)와 상관없습니다."),
            ],
        ),
        Exercise(
            2, "stride 2 잔차 블록의 출력 모양", "block_output_shape",
            expected=lambda: tuple(resnet_block("residual_block", (28, 28, 64), 128, stride=2).output.shape[1:]),
            hint_text="크기는 첫 번째 3×3 합성곱(stride=2, padding='same')에서 한 번만 줄어듭니다. 출력 채널은 filters입니다.",
            solution_text="block_output_shape = (28 // 2, 28 // 2, 128)  # (높이, 너비, 채널)",
            mistakes=[
                (lambda a: len(a) != 3, "(높이, 너비, 채널) 세 값을 튜플로 쓰세요."),
                (lambda a: tuple(a)[:2] == (28, 28), "stride=2인 첫 번째 합성곱이 높이와 너비를 줄입니다."),
                (lambda a: tuple(a)[:2] == (7, 7),
                 "스트라이드는 첫 번째 합성곱에만 적용됩니다. 두 번 줄이면 지름길과 모양이 맞지 않습니다(원래 강의 코드의 버그)."),
                (lambda a: tuple(a)[2] == 64, "출력 채널 수는 filters입니다. 지름길은 1×1 투영으로 채널 수를 맞춥니다."),
                (lambda a: tuple(a)[2] == 4 * 128, "기본 잔차 블록은 채널을 4배로 늘리지 않습니다. 4배로 늘리는 것은 병목 블록입니다."),
            ],
        ),
        Exercise(
            3, "ResNet-50의 합성곱 계층 수", "resnet50_convs",
            expected=lambda: resnet_conv_count(50),
            hint_text=(
                "줄기의 합성곱 1개, 병목 블록마다 합성곱 3개(블록 수는 단계별로 3, 4, 6, 3), 그리고 지름길의 1×1 투영이 있습니다. "
                "투영은 블록의 입력과 출력 모양이 다른 곳(각 단계의 첫 블록)에만 있습니다."
            ),
            solution_text=(
                "blocks = 3 + 4 + 6 + 3\n"
                "# 줄기 1개 + 블록마다 3개 + 단계마다 첫 블록의 투영 1개 (conv2_x도 64 → 256으로 채널이 바뀜)\n"
                "resnet50_convs = 1 + 3 * blocks + 4"
            ),
            mistakes=[
                (lambda a: a == 50, "이름의 50은 지름길 투영을 빼고 끝의 완전 연결 계층을 더한 수입니다. Conv2D만, 투영까지 세어 보세요."),
                (lambda a: a == 49, "지름길의 1×1 투영도 Conv2D 계층입니다. 모양이 바뀌는 곳마다 하나씩 있습니다."),
                (lambda a: a == 52,
                 "줄기(stem)의 7×7 합성곱과, 채널이 64에서 256으로 바뀌는 conv2_x 첫 블록의 투영을 모두 세었나요?"),
                (lambda a: a in (48, 51), "줄기(stem)의 7×7 합성곱도 Conv2D 계층입니다."),
            ],
        ),
        Exercise(
            4, "conv4_x 병목 블록의 곱셈-누산 비율", "conv4_mac_ratio",
            expected=lambda: bottleneck_mac_ratio(14, 1024),
            hint_text=(
                "곱셈-누산은 (출력 높이 × 너비) × (커널 높이 × 너비 × 입력 채널) × 출력 채널입니다. 병목 블록의 세 합성곱과 "
                "3×3 합성곱 두 개를 각각 더해 나누세요. 14 × 14는 분자와 분모에 똑같이 곱해집니다."
            ),
            solution_text=(
                "bottleneck = 1024 * 256 + 9 * 256 * 256 + 256 * 1024  # 1×1 축소 + 3×3 + 1×1 확장 (위치 하나당)\n"
                "two_convs = 2 * 9 * 1024 * 1024                         # 3×3 합성곱 두 개 (위치 하나당)\n"
                "conv4_mac_ratio = bottleneck / two_convs  # 14 × 14 위치는 약분됩니다"
            ),
            mistakes=[
                (lambda a: a > 1, "병목 블록 ÷ 3×3 합성곱 두 개의 비율을 구하세요. 병목 블록이 훨씬 가벼우므로 1보다 작습니다."),
                (lambda a: near(a, 13 / 288), "1×1 합성곱은 둘입니다(채널 축소와 확장). 둘 다 세었나요?"),
                (lambda a: near(a, 9 / 288), "병목 블록에는 3×3 합성곱 말고도 1×1 합성곱 두 개가 있습니다."),
                (lambda a: near(a, 17 / 144), "비교 대상은 3×3 합성곱 두 개입니다. 분모에 두 개를 모두 넣었나요?"),
                (lambda a: abs(float(a) - 17 / 288) < 2e-3, "거의 맞았습니다. 반올림하지 말고 식 그대로 계산해 보세요."),
            ],
        ),
    ]
