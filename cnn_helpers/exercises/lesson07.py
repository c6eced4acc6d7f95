"""7강 연습 문제: 인셉션(GoogLeNet)."""

from __future__ import annotations

from .. import _lazy
from ._core import Exercise
from ._oracles import (
    block_layer_params,
    built_model_facts,
    head_params,
    macs_of,
    table1,
)

# 문제 1: 논문 표 1에 없는 설정이라 노트북 본문의 표에서 답을 읽을 수 없습니다.
Q1_INPUT, Q1_FILTERS = (28, 28, 320), (96, 64, 160, 16, 48, 48)


def block_channels(input_shape, filters) -> int:
    """models.inception_block(입력, *filters)를 실제로 만들어 출력 채널 수를 읽습니다."""
    keras = _lazy.keras()
    from ..models import inception_block

    return int(inception_block(keras.Input(shape=tuple(input_shape)), *filters).shape[-1])


def branch3_4a(keras):
    """인셉션 4a 자리(14×14×480)의 3×3 가지: 1×1 합성곱(#3×3 reduce) → 3×3 합성곱(#3×3), 둘 다 same."""
    _, f3r, f3, *_ = table1("4a")
    inputs = keras.Input(shape=(14, 14, 480))
    x = keras.layers.Conv2D(f3r, 1, padding="same")(inputs)
    return inputs, keras.layers.Conv2D(f3, 3, padding="same")(x)


def _relu_after(layer, model) -> bool:
    """합성곱 계층 뒤에 ReLU가 있는지: activation='relu'이거나, 출력을 받는 계층이 모두 ReLU 계층."""
    keras = _lazy.keras()
    if getattr(layer, "activation", None) is keras.activations.relu:
        return True
    consumers = []
    for other in model.layers:
        inputs = other.input if isinstance(other.input, (list, tuple)) else [other.input]
        if any(t is layer.output for t in inputs):
            consumers.append(other)
    return bool(consumers) and all(
        isinstance(c, keras.layers.ReLU)
        or (isinstance(c, keras.layers.Activation) and c.activation is keras.activations.relu)
        for c in consumers
    )


def inception_facts(builder, input_shape, *args) -> dict | None:
    """`builder(입력, *args)`로 만든 블록의 출력 모양, 매개변수 수, 합성곱 수, ReLU가 뒤따르지 않는 합성곱 수."""
    facts = built_model_facts(builder, input_shape, *args)
    if facts is None:
        return None
    keras = _lazy.keras()
    inputs = keras.Input(tuple(input_shape))
    model = keras.Model(inputs, builder(inputs, *args))
    convs = [layer for layer in model.layers if isinstance(layer, keras.layers.Conv2D)]
    facts["합성곱 계층 수"] = len(convs)
    facts["ReLU가 없는 합성곱 수"] = sum(not _relu_after(layer, model) for layer in convs)
    return facts


def _inception_cases():
    # GoogLeNet 3a와 4a 자리, 그리고 필터 수가 모두 다른 작은 블록 (인자 순서를 바꾸면 모양이나 매개변수가 달라집니다).
    return [((28, 28, 192), *table1("3a")), ((14, 14, 480), *table1("4a")), ((7, 7, 10), 3, 4, 5, 6, 7, 8)]


def _package_block(input_shape, *args):
    from ..models import inception_block

    return inception_facts(inception_block, input_shape, *args)


def exercises() -> list[Exercise]:
    return [
        Exercise(
            1, "인셉션 모듈의 출력 채널 수", "block_channels",
            expected=lambda: block_channels(Q1_INPUT, Q1_FILTERS),
            hint_text="네 가지의 출력(1×1, 3×3, 5×5, 풀링 뒤 1×1)을 채널 축으로 이어 붙입니다. reduce 열은 가지 안의 중간 단계입니다.",
            solution_text="block_channels = 96 + 160 + 48 + 48  # #1×1 + #3×3 + #5×5 + pool proj = 352",
            mistakes=[
                (lambda a: a == 96 + 64 + 160 + 16 + 48 + 48,
                 "3×3 reduce·5×5 reduce의 출력은 다음 합성곱으로 들어갈 뿐 이어 붙이지 않습니다."),
                (lambda a: a == 96 + 160 + 48 + 320,
                 "풀링 가지는 최대 풀링 뒤 1×1 합성곱(pool proj)을 거치므로 입력 채널이 그대로 나오지 않습니다."),
                (lambda a: a == 96 + 160 + 48, "풀링 가지도 출력에 이어 붙습니다."),
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
            expected=lambda: macs_of(branch3_4a),
            hint_text=(
                "출력 한 칸의 곱셈-누산은 k × k × 입력 채널이고, 출력 칸은 가로 × 세로 × 필터 수개입니다. "
                "1×1(480 → 96)과 3×3(96 → 208)을 각각 세어 더하세요. 편향은 세지 않습니다."
            ),
            solution_text=(
                "hw = 14 * 14\n"
                "branch3_macs = hw * (1 * 1 * 480 * 96) + hw * (3 * 3 * 96 * 208)  # 44,255,232"
            ),
            mistakes=[
                (lambda a: a == 480 * 96 + 9 * 96 * 208, "그것은 출력 위치 하나의 값입니다. 14×14 위치 모두에서 계산합니다."),
                (lambda a: a == 14 * 14 * 9 * 480 * 208, "병목 계층이 있으면 3×3 합성곱은 480채널이 아니라 줄어든 채널을 받습니다."),
                (lambda a: a == 2 * 14 * 14 * (480 * 96 + 9 * 96 * 208),
                 "곱셈-누산은 곱셈 하나와 덧셈 하나를 한 번으로 셉니다(FLOPs가 아닙니다)."),
                (lambda a: a == 14 * 14 * 9 * 96 * 208, "1×1 병목 계층의 곱셈-누산도 더하세요."),
                (lambda a: a == 28 * 28 * (480 * 96 + 9 * 96 * 208), "4a는 풀링 뒤라 가로·세로가 14×14입니다."),
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
        Exercise(
            5, "차원 축소 인셉션 블록 만들기", "my_inception",
            kind="build",
            measure=inception_facts,
            expected=_package_block,
            cases=_inception_cases,
            hint_text=(
                "가지 네 개가 모두 같은 입력 x를 받습니다: ① 1×1 합성곱 f1, ② 1×1 합성곱 f3r → 3×3 합성곱 f3, "
                "③ 1×1 합성곱 f5r → 5×5 합성곱 f5, ④ 3×3 최대 풀링(strides=1) → 1×1 합성곱 pool_proj. "
                "모든 합성곱은 padding=\"same\", activation=\"relu\"이고(1×1도), 풀링도 padding=\"same\"이어야 "
                "가로·세로가 같아 layers.Concatenate(axis=-1)로 이어 붙일 수 있습니다."
            ),
            solution_text=(
                "def my_inception(x, f1, f3r, f3, f5r, f5, pool_proj):\n"
                "    b1 = layers.Conv2D(f1, 1, padding=\"same\", activation=\"relu\")(x)\n"
                "    b3 = layers.Conv2D(f3r, 1, padding=\"same\", activation=\"relu\")(x)\n"
                "    b3 = layers.Conv2D(f3, 3, padding=\"same\", activation=\"relu\")(b3)\n"
                "    b5 = layers.Conv2D(f5r, 1, padding=\"same\", activation=\"relu\")(x)\n"
                "    b5 = layers.Conv2D(f5, 5, padding=\"same\", activation=\"relu\")(b5)\n"
                "    bp = layers.MaxPooling2D(3, strides=1, padding=\"same\")(x)\n"
                "    bp = layers.Conv2D(pool_proj, 1, padding=\"same\", activation=\"relu\")(bp)\n"
                "    return layers.Concatenate(axis=-1)([b1, b3, b5, bp])"
            ),
        ),
    ]
