"""7강 연습 문제: 인셉션(GoogLeNet).

1. 먼저 예측하고, 실행해서 확인: 표 1에 없는 모듈의 출력 채널 수
2. 계산: 4a의 3×3 가지(1×1 병목 → 3×3)의 곱셈-누산
3. 설계: 곱셈-누산 예산 안에서 5×5 가지의 1×1 축소 채널 수를 가장 크게
4. 먼저 예측하고, 실행해서 확인: 256×256 입력의 GoogLeNet에서 5b 출력의 가로·세로
5. 만들기: 5×5 가지를 3×3 두 개로 바꾼 인셉션 모듈 (함수형 API)
"""

from __future__ import annotations

import functools

from .. import _lazy
from ._core import Exercise
from ._oracles import built_model_facts, macs_of, table1

# 문제 1: 논문 표 1에 없는 설정이라 노트북 본문의 표나 그림에서 답을 읽을 수 없습니다.
Q1_INPUT, Q1_FILTERS = (28, 28, 320), (96, 64, 160, 16, 48, 48)
# 문제 3: 28×28×256 입력(3b 자리), 5×5 합성곱 96개 앞의 1×1 축소 채널 수, 가지의 곱셈-누산 예산
Q3_INPUT, Q3_F5, Q3_BUDGET = (28, 28, 256), 96, 60_000_000
# 문제 4: GoogLeNet에 넣는 입력
Q4_INPUT = (256, 256, 3)


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


def branch5_macs(reduce: int, input_shape=Q3_INPUT, filters=Q3_F5) -> int:
    """1×1 합성곱 reduce개 → 5×5 합성곱 filters개 (same) 가지를 실제로 만들어 곱셈-누산을 셉니다."""
    def build(keras):
        inputs = keras.Input(shape=tuple(input_shape))
        x = keras.layers.Conv2D(reduce, 1, padding="same")(inputs)
        return inputs, keras.layers.Conv2D(filters, 5, padding="same")(x)

    return macs_of(build)


@functools.cache
def largest_reduce(budget=Q3_BUDGET) -> int:
    """곱셈-누산이 budget 이하인 가장 큰 축소 채널 수. 편향을 세지 않으면 가지의 곱셈-누산은 축소 채널 수에
    정비례하므로 한 채널일 때의 값으로 나눕니다 (시험이 그 수와 하나 더 큰 수를 실제로 만들어 확인합니다)."""
    return int(budget // branch5_macs(1))


@functools.cache
def googlenet_5b_side(input_shape=Q4_INPUT) -> int:
    """models.googlenet(input_shape)을 실제로 만들어 인셉션 5b 출력의 가로(=세로)를 읽습니다."""
    from ..models import googlenet

    _lazy.keras()
    return int(googlenet(input_shape=tuple(input_shape)).get_layer("inception_5b_output").output.shape[1])


def _conv(t, filters, size, relu=True):
    """same 패딩 합성곱 한 층(기본은 ReLU 포함). 정답 블록과 틀린 예들이 함께 씁니다."""
    activation = "relu" if relu else None
    return _lazy.keras().layers.Conv2D(filters, size, padding="same", activation=activation)(t)


def factorized_block(x, f1, f3r, f3, f5r, f5, pool_proj):
    """정답 블록: 차원 축소 인셉션 모듈에서 5×5 합성곱을 3×3 합성곱 두 개(둘 다 f5개)로 바꾼 것. 모두 same, ReLU."""
    layers = _lazy.keras().layers

    b1 = _conv(x, f1, 1)
    b3 = _conv(_conv(x, f3r, 1), f3, 3)
    b5 = _conv(_conv(_conv(x, f5r, 1), f5, 3), f5, 3)
    bp = _conv(layers.MaxPooling2D(3, strides=1, padding="same")(x), pool_proj, 1)
    return layers.Concatenate(axis=-1)([b1, b3, b5, bp])


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
    """`builder(입력, *args)`로 만든 블록의 출력 모양, 매개변수 수, 합성곱 수, 5×5 합성곱 수, ReLU가 뒤따르지 않는 합성곱 수."""
    facts = built_model_facts(builder, input_shape, *args)
    if facts is None:
        return None
    keras = _lazy.keras()
    inputs = keras.Input(tuple(input_shape))
    model = keras.Model(inputs, builder(inputs, *args))
    convs = [layer for layer in model.layers if isinstance(layer, keras.layers.Conv2D)]
    facts["합성곱 계층 수"] = len(convs)
    facts["5×5 합성곱 수"] = sum(tuple(layer.kernel_size) == (5, 5) for layer in convs)
    facts["ReLU가 없는 합성곱 수"] = sum(not _relu_after(layer, model) for layer in convs)
    return facts


def _inception_cases():
    # GoogLeNet 3a와 4a 자리, 그리고 필터 수가 모두 다른 작은 블록 (인자 순서를 바꾸면 모양이나 매개변수가 달라집니다).
    return [((28, 28, 192), *table1("3a")), ((14, 14, 480), *table1("4a")), ((7, 7, 10), 3, 4, 5, 6, 7, 8)]


def _expected_block(input_shape, *args):
    return inception_facts(factorized_block, input_shape, *args)


# ---- 문제 5의 흔한 실수 (그 실수를 한 학생 함수의 예): 일부러 한두 줄만 다르게 쓴 사본들입니다.
# tests/test_exercise_rules.py가 이 예로 채점해 실수마다의 메시지가 나오는지 봅니다. ----

def _wrong_kept_5x5(x, f1, f3r, f3, f5r, f5, pool_proj):
    from ..models import inception_block

    return inception_block(x, f1, f3r, f3, f5r, f5, pool_proj)


def _wrong_no_relu(x, f1, f3r, f3, f5r, f5, pool_proj):
    layers = _lazy.keras().layers

    b1 = _conv(x, f1, 1)
    b3 = _conv(_conv(x, f3r, 1, relu=False), f3, 3)
    b5 = _conv(_conv(_conv(x, f5r, 1, relu=False), f5, 3), f5, 3)
    bp = _conv(layers.MaxPooling2D(3, strides=1, padding="same")(x), pool_proj, 1)
    return layers.Concatenate(axis=-1)([b1, b3, b5, bp])


def _wrong_middle_width(x, f1, f3r, f3, f5r, f5, pool_proj):
    layers = _lazy.keras().layers

    b1 = _conv(x, f1, 1)
    b3 = _conv(_conv(x, f3r, 1), f3, 3)
    b5 = _conv(_conv(_conv(x, f5r, 1), f5r, 3), f5, 3)  # 첫 3×3의 필터 수를 f5r로
    bp = _conv(layers.MaxPooling2D(3, strides=1, padding="same")(x), pool_proj, 1)
    return layers.Concatenate(axis=-1)([b1, b3, b5, bp])


def _wrong_no_pool_proj(x, f1, f3r, f3, f5r, f5, pool_proj):
    layers = _lazy.keras().layers

    b1 = _conv(x, f1, 1)
    b3 = _conv(_conv(x, f3r, 1), f3, 3)
    b5 = _conv(_conv(_conv(x, f5r, 1), f5, 3), f5, 3)
    bp = layers.MaxPooling2D(3, strides=1, padding="same")(x)
    return layers.Concatenate(axis=-1)([b1, b3, b5, bp])


def _same_except(got, expected, *names):
    """names 밖의 특징은 모두 같은지."""
    return all(got.get(k) == v for k, v in expected.items() if k not in names)


def q1_block_channels() -> Exercise:
    q1_all = sum(Q1_FILTERS)
    q1_no_pool = Q1_FILTERS[0] + Q1_FILTERS[2] + Q1_FILTERS[4]
    q1_pool_passes = q1_no_pool + Q1_INPUT[-1]
    return Exercise(
        1, "인셉션 모듈의 출력 채널 수", "block_channels",
        expected=lambda: block_channels(Q1_INPUT, Q1_FILTERS),
        hint_text="이어 붙이는 것은 네 가지 각각의 마지막 계층 출력입니다. reduce 열은 가지 안의 중간 단계입니다.",
        solution_text="block_channels = 96 + 160 + 48 + 48  # #1×1 + #3×3 + #5×5 + pool proj",
        mistakes=[
            (lambda a: a == q1_all,
             "3×3 reduce·5×5 reduce의 출력은 다음 합성곱으로 들어갈 뿐 이어 붙이지 않습니다.", q1_all),
            (lambda a: a == q1_pool_passes,
             "풀링 가지는 최대 풀링 뒤 1×1 합성곱(pool proj)을 거치므로 입력 채널이 그대로 나오지 않습니다.",
             q1_pool_passes),
            (lambda a: a == q1_no_pool, "풀링 가지도 출력에 이어 붙습니다.", q1_no_pool),
        ],
    )


def q2_branch3_macs() -> Exercise:
    return Exercise(
        2, "3×3 가지의 곱셈-누산 수", "branch3_macs",
        expected=lambda: macs_of(branch3_4a),
        hint_text=(
            "합성곱 계층 하나의 곱셈-누산 = (출력 가로 × 세로) × (f × f × 입력 채널) × 출력 채널. "
            "가지의 두 계층을 따로 세어 더하고, 3×3 계층의 입력 채널이 몇인지 잘 보세요."
        ),
        solution_text=(
            "hw = 14 * 14\n"
            "branch3_macs = hw * (1 * 1 * 480 * 96) + hw * (3 * 3 * 96 * 208)"
        ),
        mistakes=[
            (lambda a: a == 480 * 96 + 9 * 96 * 208, "그것은 출력 위치 하나의 값입니다. 14×14 위치 모두에서 계산합니다.",
             480 * 96 + 9 * 96 * 208),
            (lambda a: a == 14 * 14 * 9 * 480 * 208,
             "병목 계층이 있으면 3×3 합성곱은 480채널이 아니라 줄어든 채널을 받습니다.", 14 * 14 * 9 * 480 * 208),
            (lambda a: a == 2 * 14 * 14 * (480 * 96 + 9 * 96 * 208),
             "곱셈-누산은 곱셈 하나와 덧셈 하나를 한 번으로 셉니다(FLOPs가 아닙니다).",
             2 * 14 * 14 * (480 * 96 + 9 * 96 * 208)),
            (lambda a: a == 14 * 14 * 9 * 96 * 208, "1×1 병목 계층의 곱셈-누산도 더하세요.", 14 * 14 * 9 * 96 * 208),
            (lambda a: a == 28 * 28 * (480 * 96 + 9 * 96 * 208), "4a는 풀링 뒤라 가로·세로가 14×14입니다.",
             28 * 28 * (480 * 96 + 9 * 96 * 208)),
        ],
    )


def q3_reduce_5x5() -> Exercise:
    hw = Q3_INPUT[0] * Q3_INPUT[1]
    per_reduce_5x5_only = hw * 25 * Q3_F5
    per_reduce_no_positions = Q3_INPUT[-1] + 25 * Q3_F5
    return Exercise(
        3, "예산에 맞는 1×1 축소 채널 수", "reduce_5x5",
        expected=largest_reduce,
        hint_text=(
            "축소 채널을 r개라 하면 가지의 곱셈-누산은 (1×1 계층) + (5×5 계층)이고, 둘 다 r에 비례합니다. "
            "답은 예산을 넘지 않는 가장 큰 정수입니다."
        ),
        solution_text=(
            "hw = 28 * 28\n"
            "per_channel = hw * 256 + hw * 25 * 96   # r = 1일 때: 1×1(256 → 1) + 5×5(1 → 96)\n"
            "reduce_5x5 = 60_000_000 // per_channel"
        ),
        mistakes=[
            (lambda a: a == Q3_BUDGET // per_reduce_5x5_only,
             "1×1 축소 계층의 곱셈-누산(28×28 × 256 × r)도 예산에 들어갑니다.", Q3_BUDGET // per_reduce_5x5_only),
            (lambda a: a == largest_reduce() + 1,
             "그 값이면 예산을 조금 넘습니다. 나눈 값을 올리지 말고 내리세요.", largest_reduce() + 1),
            (lambda a: a >= Q3_BUDGET // per_reduce_no_positions,
             "곱셈-누산은 출력 위치 28×28곳마다 되풀이됩니다.", Q3_BUDGET // per_reduce_no_positions),
        ],
    )


def q4_side_5b() -> Exercise:
    return Exercise(
        4, "256×256 입력에서 5b 출력의 크기", "side_5b",
        expected=googlenet_5b_side,
        hint_text="GoogLeNet 그림에서 가로·세로를 반으로 줄이는 계층(빨간 테두리)이 몇 개인지 세세요.",
        solution_text=("side_5b = 256 // 2**5  # 7×7/2 합성곱 하나와 3×3/2 최대 풀링 넷\n"
                       "# 매개변수 수는 224×224 입력과 같습니다: 합성곱의 가중치 수는 입력 크기와 상관없고, 전역 평균 풀링 뒤의\n"
                       "# 분류 계층은 채널 수(1024)만 봅니다. 논문처럼 7×7/1 평균 풀링을 두면 8×8 입력에서 2×2×1024가 남아\n"
                       "# 분류 계층의 입력 크기가 224 입력(1×1×1024)과 달라집니다."),
        mistakes=[
            (lambda a: a == 7, "224×224 입력일 때의 값입니다. 입력이 256×256이면 달라집니다.", 7),
            (lambda a: a == Q4_INPUT[0] // 16,
             "반으로 줄이는 계층을 하나 빠뜨렸습니다. 줄기의 7×7/2 합성곱도 스트라이드 2입니다.", Q4_INPUT[0] // 16),
            (lambda a: a == Q4_INPUT[0] // 64, "반으로 줄이는 계층은 그림의 빨간 테두리 상자뿐입니다. 인셉션 모듈은 크기를 바꾸지 않습니다.",
             Q4_INPUT[0] // 64),
        ],
    )


def q5_my_inception() -> Exercise:
    return Exercise(
        5, "5×5 가지를 3×3 두 개로 바꾼 인셉션 모듈", "my_inception",
        kind="build",
        measure=inception_facts,
        expected=_expected_block,
        cases=_inception_cases,
        hint_text=(
            "바뀌는 것은 ③ 가지뿐입니다. 3×3 합성곱 두 개를 쌓으면 5×5 하나와 같은 수용 영역을 봅니다(4강 3절). "
            "블록 전체의 합성곱은 일곱 개이고, 모두 같은 패딩과 ReLU를 씁니다."
        ),
        solution_text=(
            "def my_inception(x, f1, f3r, f3, f5r, f5, pool_proj):\n"
            "    def conv(t, filters, size):\n"
            "        return layers.Conv2D(filters, size, padding=\"same\", activation=\"relu\")(t)\n"
            "    b1 = conv(x, f1, 1)\n"
            "    b3 = conv(conv(x, f3r, 1), f3, 3)\n"
            "    b5 = conv(conv(conv(x, f5r, 1), f5, 3), f5, 3)   # 5×5 대신 3×3 두 개\n"
            "    bp = conv(layers.MaxPooling2D(3, strides=1, padding=\"same\")(x), pool_proj, 1)\n"
            "    return layers.Concatenate(axis=-1)([b1, b3, b5, bp])\n"
            "\n"
            "# 생각해 보기의 답: 3a 자리(f5r = 16, f5 = 32)에서 5×5 가지의 가중치는 25·16·32 = 12,800이지만\n"
            "# 3×3 두 개는 9·16·32 + 9·32·32 = 13,824입니다. 5×5는 줄어든 16채널을 받는데, 둘째 3×3은 넓어진\n"
            "# 32채널을 받기 때문입니다. 입력·출력 채널이 같은 자리(C → C)라면 9C² + 9C² = 18C² < 25C²로 약 28% 쌉니다.\n"
            "# 그런 자리에서 바꾸면 계산도 줄고, 두 3×3 사이에 ReLU가 하나 더 생깁니다(InceptionV3가 한 일)."
        ),
        mistakes=[
            (lambda got, want: got["5×5 합성곱 수"] > 0,
             "5×5 합성곱이 남아 있습니다. 5×5 하나 대신 3×3 합성곱 두 개를 쌓으세요.", _wrong_kept_5x5),
            (lambda got, want: got["ReLU가 없는 합성곱 수"] > 0,
             "ReLU가 없는 합성곱이 있습니다. GoogLeNet은 1×1 축소 계층을 포함한 모든 합성곱 뒤에 ReLU를 둡니다.",
             _wrong_no_relu),
            (lambda got, want: _same_except(got, want, "매개변수 수"),
             "모양과 계층 수는 맞지만 매개변수가 다릅니다. 3×3 두 개의 필터 수는 둘 다 #5×5(f5)입니다.",
             _wrong_middle_width),
            (lambda got, want: got["출력 모양"][-1] != want["출력 모양"][-1],
             "출력 채널이 다릅니다. 네 가지의 마지막 계층이 각각 f1, f3, f5, pool_proj 채널을 내야 합니다"
             "(풀링 가지에도 1×1 합성곱이 있습니다).", _wrong_no_pool_proj),
        ],
    )


def exercises() -> list[Exercise]:
    return [q1_block_channels(), q2_branch3_macs(), q3_reduce_5x5(), q4_side_5b(), q5_my_inception()]
