"""8강 연습 문제: ResNet."""

from __future__ import annotations

from ._core import Exercise
from ._oracles import built_block_structure, resnet_block, resnet_conv_count


def package_block(name):
    """패키지의 블록 함수(models.residual_block 또는 models.bottleneck_block)를 `f(x, filters, stride)` 꼴로 돌려줍니다."""

    def build(x, filters, stride):
        from .. import models

        return getattr(models, name)(x, filters, stride)

    return build


def block_macs(block, input_shape, filters, stride) -> int:
    """패키지의 블록 하나를 실제로 만들어 곱셈-누산을 셉니다 (지름길 투영 포함)."""
    from ..analysis import count_macs

    return count_macs(resnet_block(block, input_shape, filters, stride=stride))


def exercises() -> list[Exercise]:
    return [
        Exercise(
            1, "병목 블록의 1×1 축소 합성곱", "reduce_params",
            expected=lambda: resnet_block("bottleneck_block", (14, 14, 1024), 256).get_layer("block_1_conv").count_params(),
            hint_text="1×1 합성곱의 필터 하나는 1 × 1 × (입력 채널 수)개의 가중치를 가집니다. ResNet의 합성곱에 편향이 있는지도 떠올려 보세요.",
            solution_text="reduce_params = 1 * 1 * 1024 * 256  # 편향 없음 (바로 뒤 배치 정규화의 β가 편향 역할을 맡음)",
            mistakes=[
                (lambda a: a == 1024 * 256 + 256, "ResNet의 합성곱은 바로 뒤에 배치 정규화가 있어 편향을 쓰지 않습니다(use_bias=False)."),
                (lambda a: a in (3 * 3 * 1024 * 256, 3 * 3 * 1024 * 256 + 256), "채널을 줄이는 첫 계층은 3×3이 아니라 1×1 합성곱입니다."),
                (lambda a: a in (256 * 256, 256 * 256 + 256), "1×1 합성곱도 입력 채널 1024개를 모두 덮습니다."),
                (lambda a: a in (1024 * 1024, 1024 * 1024 + 1024, 1024 * 1024 * 4),
                 "축소 합성곱의 출력 채널은 filters(256)입니다. 4배로 늘리는 것은 마지막 1×1 합성곱입니다."),
                (lambda a: a > 10_000_000, "합성곱 계층의 매개변수 수는 입력의 높이·너비(14×14)와 상관없습니다."),
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
            4, "conv3_x 첫 병목 블록의 곱셈-누산", "conv3_block1_macs",
            expected=lambda: block_macs("bottleneck_block", (56, 56, 256), 128, 2),
            hint_text=(
                "합성곱 하나의 곱셈-누산은 (출력 높이 × 너비) × (커널 높이 × 너비 × 입력 채널) × 출력 채널입니다. "
                "스트라이드 2가 어느 합성곱에 있는지(그래서 어느 합성곱의 출력이 28×28인지), 그리고 모양이 바뀌는 블록의 지름길에 "
                "무엇이 있는지 떠올려 보세요."
            ),
            solution_text=(
                "reduce = 28 * 28 * (1 * 1 * 256) * 128   # 1×1 축소, 스트라이드 2라 출력이 28×28\n"
                "middle = 28 * 28 * (3 * 3 * 128) * 128   # 3×3\n"
                "expand = 28 * 28 * (1 * 1 * 128) * 512   # 1×1 확장 (4 · 128 = 512채널)\n"
                "projection = 28 * 28 * (1 * 1 * 256) * 512  # 지름길의 1×1 투영 (56×56×256 → 28×28×512)\n"
                "conv3_block1_macs = reduce + middle + expand + projection"
            ),
            mistakes=[
                (lambda a: a == 28 * 28 * (256 * 128 + 9 * 128 * 128 + 128 * 512),
                 "입력(256채널, 56×56)과 출력(512채널, 28×28)의 모양이 다르므로 지름길에도 1×1 합성곱(투영)이 있습니다."),
                (lambda a: a in (56 * 56 * 256 * 128 + 28 * 28 * (9 * 128 * 128 + 128 * 512 + 256 * 512),
                                 56 * 56 * 256 * 128 + 28 * 28 * (9 * 128 * 128 + 128 * 512)),
                 "이 강의의 병목 블록(과 원 논문)은 스트라이드 2를 첫 1×1 합성곱에 둡니다. 그래서 1×1 축소 합성곱의 출력부터 28×28입니다."),
                (lambda a: a in (56 * 56 * (256 * 128 + 9 * 128 * 128 + 128 * 512 + 256 * 512),
                                 56 * 56 * (256 * 128 + 9 * 128 * 128 + 128 * 512)),
                 "stride=2이므로 블록 안 합성곱의 출력은 56×56이 아니라 28×28입니다."),
                (lambda a: a in (256 * 128 + 9 * 128 * 128 + 128 * 512 + 256 * 512, 256 * 128 + 9 * 128 * 128 + 128 * 512),
                 "그것은 출력 위치 하나당 곱셈-누산입니다. 출력의 높이 × 너비(28 × 28)를 곱하세요."),
                (lambda a: a < 10_000_000, "합성곱 계층의 매개변수 수가 아니라 곱셈-누산 수입니다. 출력 위치마다 한 번씩 계산합니다."),
            ],
        ),
        Exercise(
            5, "병목 블록 직접 만들기", "my_bottleneck", kind="build",
            measure=built_block_structure,
            expected=lambda input_shape, *args: built_block_structure(package_block("bottleneck_block"), input_shape, *args),
            cases=lambda: [
                ((8, 8, 64), 16, 1),  # 모양이 그대로: 항등 지름길
                ((8, 8, 16), 16, 1),  # 채널만 바뀜(16 → 64): 투영 지름길
                ((8, 8, 64), 32, 2),  # 크기 절반, 채널 두 배: 스트라이드 2 투영 지름길
                ((7, 7, 32), 8, 2),  # 홀수 크기에서 스트라이드 2
            ],
            mistakes=[
                (lambda got, want: any(k == 3 and s != 1 for k, s, f in got["합성곱 (커널, 스트라이드, 필터 수)"]),
                 "스트라이드는 첫 1×1 합성곱에만 줍니다(원 논문과 keras.applications의 ResNet). 3×3 합성곱은 스트라이드 1, "
                 "padding='same'이라 크기를 바꾸지 않습니다."),
                (lambda got, want: got["더하기 바로 앞의 ReLU"] == "있음",
                 "더하기 바로 앞, 마지막 1×1 합성곱의 배치 정규화 뒤에는 ReLU를 두지 않습니다. 잔차 F(x)가 음수도 낼 수 있어야 "
                 "입력을 줄이는 쪽으로도 고칠 수 있습니다. ReLU는 지름길을 더한 뒤에 한 번 적용합니다."),
                (lambda got, want: got["더한 뒤의 ReLU"] == "없음",
                 "지름길을 더한 뒤에 ReLU를 적용해야 합니다: layers.Activation(\"relu\")(layers.Add()([지름길, y]))."),
                (lambda got, want: got["합성곱 (커널, 스트라이드, 필터 수)"] != want["합성곱 (커널, 스트라이드, 필터 수)"]
                 and got["매개변수 수"] == want["매개변수 수"],
                 "매개변수 수는 맞지만 합성곱의 커널 크기·스트라이드·필터 수 구성이 다릅니다. 1×1(스트라이드 stride) → 3×3 → 1×1(4 * filters), "
                 "모양이 바뀌면 지름길의 1×1(스트라이드 stride)인지 확인하세요."),
            ],
            hint_text=(
                "합성곱은 모두 use_bias=False, padding='same'이고 바로 뒤에 layers.BatchNormalization()을 둡니다. 스트라이드는 "
                "첫 1×1 합성곱에만 주고, 출력 채널은 4 * filters입니다. 지름길은 stride != 1이거나 x.shape[-1] != 4 * filters일 때 "
                "layers.Conv2D(4 * filters, 1, strides=stride, use_bias=False) + BatchNormalization이고, 그 밖에는 x 그대로입니다. "
                "layers.Add()([지름길, y]) 뒤에 ReLU를 잊지 마세요."
            ),
            solution_text=(
                "def my_bottleneck(x, filters, stride):\n"
                "    y = layers.Conv2D(filters, 1, strides=stride, use_bias=False)(x)  # 1×1 축소 (스트라이드는 여기에만)\n"
                "    y = layers.Activation(\"relu\")(layers.BatchNormalization()(y))\n"
                "    y = layers.Conv2D(filters, 3, padding=\"same\", use_bias=False)(y)  # 3×3\n"
                "    y = layers.Activation(\"relu\")(layers.BatchNormalization()(y))\n"
                "    y = layers.Conv2D(4 * filters, 1, use_bias=False)(y)  # 1×1 확장\n"
                "    y = layers.BatchNormalization()(y)  # 더하기 전에는 ReLU 없음\n"
                "    shortcut = x\n"
                "    if stride != 1 or x.shape[-1] != 4 * filters:  # 모양이 바뀌면 1×1 투영 지름길\n"
                "        shortcut = layers.Conv2D(4 * filters, 1, strides=stride, use_bias=False)(x)\n"
                "        shortcut = layers.BatchNormalization()(shortcut)\n"
                "    return layers.Activation(\"relu\")(layers.Add()([shortcut, y]))"
            ),
        ),
    ]
