"""8강 연습 문제: ResNet. 문제마다 작은 함수 하나가 `Exercise`를 만들고, `exercises()`가 차례로 늘어놓습니다."""

from __future__ import annotations

import functools

from .. import _lazy
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


# ---------------------------------------------------------------------------------------------------------------
# 문제 1 (먼저 예측하고, 실행해서 확인): 짧은 학습에서 ResNet-18의 학습 손실 순위.
# 정답은 강의의 실험(plain-18, plain-34, ResNet-34, ResNet-18을 같은 조건으로 141단계 학습)에서 나온 순위입니다.
# benchmarks/robustness.py가 여러 시드·설정에서 이 순위가 유지되는지 재고, 강의 끝의 검사 셀이 매번 확인합니다.
RESNET18_RANK = 1


def q1_resnet18_rank() -> Exercise:
    return Exercise(
        1, "ResNet-18의 학습 손실 순위 예측", "resnet18_rank",
        expected=lambda: RESNET18_RANK,
        hint_text=(
            "두 가지를 따로 생각해 보세요. 계층이 같은 평범한 신경망과 비교해 지름길이 무엇을 바꾸었는지(5절의 plain-34와 "
            "ResNet-34), 그리고 몇백 단계뿐인 짧은 학습에서 계층이 절반인 신경망이 더 빨리 배울지 더 늦게 배울지."
        ),
        solution_text=(
            "resnet18_rank = 1  # 지름길 덕분에 plain-18보다 훨씬 낫고, 짧은 학습에서는 더 얕은 ResNet-18이 ResNet-34보다도 빨리 배웁니다.\n"
            "# 논문 그림 4(오른쪽)의 'ResNet-34가 ResNet-18보다 낫다'는 끝까지(수십만 단계) 학습한 결과입니다."
        ),
        mistakes=[
            (lambda a: a not in (1, 2, 3, 4), "네 모델 가운데의 순위이므로 1, 2, 3, 4 중 하나를 쓰세요.", 5),
            (lambda a: a in (3, 4),
             "plain-18보다도 뒤라고 예측했군요. ResNet-18은 plain-18과 계층이 같고 지름길만 더한 신경망입니다. "
             "5절에서 지름길이 plain-34에 한 일을 떠올려 보세요.", 3),
            (lambda a: a == 2,
             "ResNet-34보다 뒤라고 예측했군요. '지름길이 있으면 깊을수록 낫다'(논문 그림 4 오른쪽)는 오래 학습한 뒤의 "
             "이야기입니다. 141단계뿐인 학습에서는 어느 쪽이 유리할지 다시 생각해 보세요.", 2),
        ],
    )


# ---------------------------------------------------------------------------------------------------------------
def q2_resnet50_convs() -> Exercise:
    return Exercise(
        2, "ResNet-50의 합성곱 계층 수", "resnet50_convs",
        expected=lambda: resnet_conv_count(50),
        hint_text=(
            "줄기의 합성곱, 병목 블록마다의 합성곱(블록 수는 단계별로 3, 4, 6, 3), 그리고 지름길의 1×1 투영이 있습니다. "
            "투영은 블록의 입력과 출력 모양이 다른 곳에만 있습니다. conv2_x의 첫 블록은 입력과 출력의 채널 수가 같을까요?"
        ),
        solution_text=(
            "blocks = 3 + 4 + 6 + 3\n"
            "# 줄기 1개 + 블록마다 3개 + 단계마다 첫 블록의 투영 1개 (conv2_x도 64 → 256으로 채널이 바뀜)\n"
            "resnet50_convs = 1 + 3 * blocks + 4"
        ),
        mistakes=[
            (lambda a: a == 50, "이름의 50은 지름길 투영을 빼고 끝의 완전 연결 계층을 더한 수입니다. Conv2D만, 투영까지 세어 "
             "보세요.", 50),
            (lambda a: a == 49, "지름길의 1×1 투영도 Conv2D 계층입니다. 모양이 바뀌는 곳마다 하나씩 있습니다.", 49),
            (lambda a: a == 52, "줄기(stem)의 7×7 합성곱과, 채널이 64에서 256으로 바뀌는 conv2_x 첫 블록의 투영을 모두 "
             "세었나요?", 52),
            (lambda a: a in (48, 51), "줄기(stem)의 7×7 합성곱도 Conv2D 계층입니다.", 48),
        ],
    )


# ---------------------------------------------------------------------------------------------------------------
_Q3 = 28 * 28 * (256 * 128 + 9 * 128 * 128 + 128 * 512)  # 투영을 빼먹은 답
_Q3_PER_POSITION = 256 * 128 + 9 * 128 * 128 + 128 * 512 + 256 * 512


def q3_conv3_block1_macs() -> Exercise:
    return Exercise(
        3, "conv3_x 첫 병목 블록의 곱셈-누산", "conv3_block1_macs",
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
            (lambda a: a == _Q3,
             "입력(256채널, 56×56)과 출력(512채널, 28×28)의 모양이 다르므로 지름길에도 1×1 합성곱(투영)이 있습니다.", _Q3),
            (lambda a: a in (56 * 56 * 256 * 128 + 28 * 28 * (9 * 128 * 128 + 128 * 512 + 256 * 512),
                             56 * 56 * 256 * 128 + 28 * 28 * (9 * 128 * 128 + 128 * 512)),
             "이 강의의 병목 블록(과 원 논문)은 스트라이드 2를 첫 1×1 합성곱에 둡니다. 그래서 1×1 축소 합성곱의 출력부터 "
             "28×28입니다.", 56 * 56 * 256 * 128 + 28 * 28 * (9 * 128 * 128 + 128 * 512 + 256 * 512)),
            (lambda a: a in (56 * 56 * _Q3_PER_POSITION, 56 * 56 * (256 * 128 + 9 * 128 * 128 + 128 * 512)),
             "stride=2이므로 블록 안 합성곱의 출력은 56×56이 아니라 28×28입니다.", 56 * 56 * _Q3_PER_POSITION),
            (lambda a: a in (_Q3_PER_POSITION, 256 * 128 + 9 * 128 * 128 + 128 * 512),
             "그것은 출력 위치 하나당 곱셈-누산입니다. 출력의 높이 × 너비(28 × 28)를 곱하세요.", _Q3_PER_POSITION),
            (lambda a: a < 10_000_000, "합성곱 계층의 매개변수 수가 아니라 곱셈-누산 수입니다. 출력 위치마다 한 번씩 "
             "계산합니다.", 1_000_000),
        ],
    )


# ---------------------------------------------------------------------------------------------------------------
# 문제 4 (설계): 곱셈-누산 예산 안에서 병목 블록의 가운데 폭을 가장 넓게.
Q4_INPUT, Q4_BUDGET = (56, 56, 256), 300_000_000


@functools.cache
def middle_block_macs(m: int) -> int:
    """56×56×256 입력에 1×1(m) → 3×3(m, same) → 1×1(256) 합성곱을 실제 Keras 계층으로 쌓아 곱셈-누산을 셉니다."""
    keras = _lazy.keras()
    from ..analysis import count_macs

    inputs = keras.Input(shape=Q4_INPUT)
    x = keras.layers.Conv2D(m, 1, use_bias=False)(inputs)
    x = keras.layers.Conv2D(m, 3, padding="same", use_bias=False)(x)
    outputs = keras.layers.Conv2D(Q4_INPUT[-1], 1, use_bias=False)(x)
    return count_macs(keras.Model(inputs, outputs))


@functools.cache
def widest_middle() -> int:
    """예산 안에 드는 가장 큰 m (곱셈-누산은 m에 대해 늘기만 하므로 이분 탐색)."""
    low, high = 1, Q4_INPUT[-1]
    while low < high:
        mid = (low + high + 1) // 2
        if middle_block_macs(mid) <= Q4_BUDGET:
            low = mid
        else:
            high = mid - 1
    return low


def _largest(per_position) -> int:
    """per_position(m)을 쓴 틀린 셈으로 예산에 드는 가장 큰 m (흔한 실수의 답)."""
    m = 1
    while per_position(m + 1) <= Q4_BUDGET:
        m += 1
    return m


_POSITIONS = Q4_INPUT[0] * Q4_INPUT[1]
_ONE_REDUCTION = _largest(lambda m: _POSITIONS * (256 * m + 9 * m * m))  # 1×1 하나를 빠뜨림
_ONLY_3X3 = _largest(lambda m: _POSITIONS * 9 * m * m)  # 1×1 둘 다 빠뜨림


def q4_widest_middle() -> Exercise:
    return Exercise(
        4, "예산 안에서 병목 블록 설계하기", "widest_middle",
        expected=widest_middle,
        hint_text=(
            "블록 전체의 곱셈-누산을 m의 식으로 쓰세요: 출력 위치 수(세 합성곱 모두 56×56) × (세 합성곱의 위치당 곱셈-누산의 "
            "합). m에 대한 이차식이 예산 이하가 되는 가장 큰 정수를 찾으면 됩니다. 작은 반복문으로 찾아도 됩니다."
        ),
        solution_text=(
            "def macs(m):\n"
            "    return 56 * 56 * (256 * m + 3 * 3 * m * m + m * 256)  # 1×1 축소 + 3×3 + 1×1 확장\n"
            "\n"
            "widest_middle = max(m for m in range(1, 257) if macs(m) <= 300_000_000)"
        ),
        mistakes=[
            (lambda a: a == _ONE_REDUCTION, "1×1 합성곱은 두 개(256 → m 축소와 m → 256 확장)입니다. 둘 다 세었나요?",
             _ONE_REDUCTION),
            (lambda a: a == _ONLY_3X3, "1×1 합성곱도 곱셈-누산을 씁니다. 위치마다 입력 채널 × 출력 채널만큼입니다.",
             _ONLY_3X3),
            (lambda a: a > Q4_INPUT[-1], "곱셈-누산은 출력 위치(56×56)마다 한 번씩 계산합니다. 위치 수를 곱했나요?", 5000),
            (lambda a: a > widest_middle(), "그 m으로는 곱셈-누산이 3억 개를 넘습니다. 예산 이하인 가장 큰 값을 찾으세요.",
             widest_middle() + 1),
            (lambda a: 0 < a < widest_middle(), "예산 안에 들지만 m을 더 키울 수 있습니다. 가장 큰 값을 찾으세요.", 64),
        ],
    )


# ---------------------------------------------------------------------------------------------------------------
def bottleneck_variant(*, stride_on="reduce", relu_before_add=False, relu_after_add=True):
    """흔한 실수를 하나 넣은 병목 블록 `f(x, filters, stride)` (mistakes의 답의 예로 씁니다).

    stride_on: 스트라이드를 줄 합성곱 ('reduce' 첫 1×1, 'middle' 3×3, 'expand' 마지막 1×1).
    """

    def block(x, filters, stride):
        layers = _lazy.keras().layers
        strides = {name: (stride if name == stride_on else 1) for name in ("reduce", "middle", "expand")}
        y = layers.Conv2D(filters, 1, strides=strides["reduce"], use_bias=False)(x)
        y = layers.Activation("relu")(layers.BatchNormalization()(y))
        y = layers.Conv2D(filters, 3, strides=strides["middle"], padding="same", use_bias=False)(y)
        y = layers.Activation("relu")(layers.BatchNormalization()(y))
        y = layers.BatchNormalization()(layers.Conv2D(4 * filters, 1, strides=strides["expand"], use_bias=False)(y))
        if relu_before_add:
            y = layers.Activation("relu")(y)
        shortcut = x
        if stride != 1 or x.shape[-1] != 4 * filters:
            shortcut = layers.BatchNormalization()(layers.Conv2D(4 * filters, 1, strides=stride, use_bias=False)(x))
        added = layers.Add()([shortcut, y])
        return layers.Activation("relu")(added) if relu_after_add else added

    return block


_CONVS = "합성곱 (커널, 스트라이드, 필터 수)"


def q5_my_bottleneck() -> Exercise:
    return Exercise(
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
            (lambda got, want: any(k == 3 and s != 1 for k, s, f in got[_CONVS]),
             "스트라이드는 첫 1×1 합성곱에만 줍니다(원 논문과 keras.applications의 ResNet). 3×3 합성곱은 스트라이드 1, "
             "padding='same'이라 크기를 바꾸지 않습니다.", bottleneck_variant(stride_on="middle")),
            (lambda got, want: got["더하기 바로 앞의 ReLU"] == "있음",
             "더하기 바로 앞, 마지막 1×1 합성곱의 배치 정규화 뒤에는 ReLU를 두지 않습니다. 잔차 F(x)가 음수도 낼 수 있어야 "
             "입력을 줄이는 쪽으로도 고칠 수 있습니다. ReLU는 지름길을 더한 뒤에 한 번 적용합니다.",
             bottleneck_variant(relu_before_add=True)),
            (lambda got, want: got["더한 뒤의 ReLU"] == "없음",
             "지름길을 더한 뒤에 ReLU를 적용해야 합니다: layers.Activation(\"relu\")(layers.Add()([지름길, y])).",
             bottleneck_variant(relu_after_add=False)),
            (lambda got, want: got[_CONVS] != want[_CONVS] and got["매개변수 수"] == want["매개변수 수"],
             "매개변수 수는 맞지만 합성곱의 커널 크기·스트라이드·필터 수 구성이 다릅니다. 1×1(스트라이드 stride) → 3×3 → "
             "1×1(4 * filters), 모양이 바뀌면 지름길의 1×1(스트라이드 stride)인지 확인하세요.",
             bottleneck_variant(stride_on="expand")),
        ],
        hint_text=(
            "합성곱은 모두 use_bias=False이고 바로 뒤에 layers.BatchNormalization()을 둡니다. 스트라이드를 어느 합성곱에 "
            "줄지, 출력 채널이 몇 개인지, 지름길을 투영해야 하는 조건이 무엇인지(모양이 바뀌는 두 경우), ReLU가 어디에 있고 "
            "어디에 없는지 강의의 규칙 네 가지와 병목 블록 그림에서 찾아보세요."
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
    )


def exercises() -> list[Exercise]:
    return [q1_resnet18_rank(), q2_resnet50_convs(), q3_conv3_block1_macs(), q4_widest_middle(), q5_my_bottleneck()]
