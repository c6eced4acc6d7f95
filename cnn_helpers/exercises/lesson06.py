"""6강 연습 문제: VGG (블록 설정으로 합성곱 부분 짓기, 예산 안의 블록 설계, 특징 추출기 위의 머리, 드롭아웃)."""

from __future__ import annotations

import functools

import numpy as np

from .. import _lazy
from ._core import Exercise

# 문제 2: 28×28×96 특징 맵 위에, 필터 192개짜리 3×3 합성곱을 예산 안에서 최대한 쌓기
BUDGET_INPUT, BUDGET_FILTERS, BUDGET = (28, 28, 96), 192, 1_000_000
# 문제 3: 150×150 입력의 VGG-16 합성곱 부분(include_top=False) 위에 Flatten → Dense(10)
HEAD_INPUT, HEAD_CLASSES = (150, 150, 3), 10
# 문제 4: 학습할 때 Dropout(0.2)을 지난 1의 값
DROPOUT_RATE = 0.2


@functools.cache
def vgg16_base_shape(input_shape, pooling=None) -> tuple:
    """keras.applications.VGG16(weights=None, include_top=False, …)을 실제로 만들어 출력 모양(배치 축 뺌)을 봅니다.

    weights=None이므로 아무것도 내려받지 않습니다.
    """
    keras = _lazy.keras()
    base = keras.applications.VGG16(weights=None, include_top=False, pooling=pooling, input_shape=input_shape)
    shape = tuple(int(d) for d in base.output.shape[1:])
    del base
    return shape


@functools.cache
def head_params(input_shape, classes, pooling=None) -> int:
    """VGG-16 합성곱 부분의 출력(실제 모델에서 읽은 모양) 위에 Flatten → Dense(classes)를 만들어 매개변수를 셉니다."""
    keras = _lazy.keras()
    inputs = keras.Input(vgg16_base_shape(tuple(input_shape), pooling))
    x = keras.layers.Flatten()(inputs) if pooling is None else inputs
    return int(keras.Model(inputs, keras.layers.Dense(classes)(x)).count_params())


@functools.cache
def block_params(input_shape, filters, convs) -> int:
    """패키지의 vgg_block(3×3 same 합성곱 convs개 + 풀링)을 실제로 만들어 매개변수를 셉니다."""
    keras = _lazy.keras()
    from ..models import vgg_block

    inputs = keras.Input(tuple(input_shape))
    return int(keras.Model(inputs, vgg_block(inputs, filters, convs)).count_params())


def deepest_block_in_budget(input_shape=BUDGET_INPUT, filters=BUDGET_FILTERS, budget=BUDGET) -> tuple:
    """예산 안에서 쌓을 수 있는 3×3 합성곱의 최대 수와 그때의 매개변수 수."""
    convs = 0
    while block_params(input_shape, filters, convs + 1) <= budget:
        convs += 1
    return convs, block_params(input_shape, filters, convs)


def dropout_kept_value(rate=DROPOUT_RATE) -> float:
    """Keras Dropout(rate)을 학습 모드로 1들에 적용해, 0이 되지 않은 값을 읽습니다."""
    keras = _lazy.keras()
    out = np.asarray(keras.layers.Dropout(rate, seed=0)(np.ones((1, 1000), dtype="float32"), training=True))
    return float(out[out != 0][0])


# 문제 1: 블록 설정을 받아 합성곱 부분(특징 추출기)을 짓는 함수. 마지막 입력은 VGG-19의 설정입니다.
VGG19_CONVS, VGG19_FILTERS = (2, 2, 4, 4, 4), (64, 128, 256, 512, 512)


def vgg_facts(builder, input_shape, convs, filters) -> dict | None:
    """`builder(입력 텐서, convs, filters)`로 합성곱 부분을 만들어 출력 모양, 매개변수 수, ReLU 수를 잽니다.

    ReLU는 매개변수도 모양도 바꾸지 않으므로 따로 셉니다: ReLU 활성화를 쓰는 합성곱과 ReLU 계층.
    """
    keras = _lazy.keras()

    inputs = keras.Input(tuple(input_shape))
    outputs = builder(inputs, convs, filters)
    if outputs is None:
        return None
    model = keras.Model(inputs, outputs)
    relus = 0
    for layer in model.layers:
        activation = getattr(getattr(layer, "activation", None), "__name__", None)
        relus += activation == "relu" or isinstance(layer, keras.layers.ReLU)
    return {"출력 모양": tuple(outputs.shape[1:]), "매개변수 수": int(model.count_params()), "ReLU 수": int(relus)}


def _package_vgg(x, convs, filters):
    from ..models import vgg_block

    for c, f in zip(convs, filters):
        x = vgg_block(x, f, c)
    return x


def package_vgg_facts(input_shape, convs, filters) -> dict:
    return vgg_facts(_package_vgg, input_shape, convs, filters)


# 문제 1의 흔한 실수를 한 함수들 (tests/test_exercise_rules.py가 이 예로 메시지를 확인합니다)
def _convs(x, filters, n, kernel=3, padding="same", relu=lambda i: True):
    layers = _lazy.keras().layers
    for i in range(n):
        x = layers.Conv2D(filters, kernel, padding=padding, activation="relu" if relu(i) else None)(x)
    return x


def _pool(x):
    return _lazy.keras().layers.MaxPooling2D(2, strides=2)(x)


def _vgg_pool_once(x, convs, filters):
    for c, f in zip(convs, filters):
        x = _convs(x, f, c)
    return _pool(x)


def _vgg_valid_padding(x, convs, filters):
    for c, f in zip(convs, filters):
        x = _pool(_convs(x, f, c, padding="valid"))
    return x


def _vgg_first_filters(x, convs, filters):
    for c in convs:
        x = _pool(_convs(x, filters[0], c))
    return x


def _vgg_one_conv_per_block(x, convs, filters):
    for f in filters:
        x = _pool(_convs(x, f, 1))
    return x


def _vgg_without_relu(x, convs, filters):
    for c, f in zip(convs, filters):
        x = _pool(_convs(x, f, c, relu=lambda i: False))
    return x


def _vgg_relu_once(x, convs, filters):
    for c, f in zip(convs, filters):
        x = _pool(_convs(x, f, c, relu=lambda i, c=c: i == c - 1))
    return x


def _vgg_5x5(x, convs, filters):
    for c, f in zip(convs, filters):
        x = _pool(_convs(x, f, c, kernel=5))
    return x


def q1_my_vgg() -> Exercise:
    return Exercise(
        1, "블록 설정으로 VGG의 합성곱 부분 짓기", "my_vgg",
        kind="build",
        expected=package_vgg_facts,
        measure=vgg_facts,
        cases=lambda: [((32, 32, 3), (2, 2), (16, 32)), ((28, 28, 1), (1, 2, 3), (8, 16, 32)),
                       ((32, 32, 3), VGG19_CONVS, VGG19_FILTERS)],
        hint_text=(
            "블록 i는 3×3 합성곱(크기를 지킴, ReLU) convs[i]개와 그 뒤의 2×2 최대 풀링 하나입니다. "
            "convs와 filters를 zip으로 함께 돌며, 블록마다 나온 텐서를 다음 블록의 입력으로 넘기세요. "
            "블록 안의 합성곱 수도 반복문으로 셉니다. 채점은 여러 설정에서 출력 모양, 매개변수 수, ReLU 수를 "
            "패키지의 모델과 비교합니다."
        ),
        solution_text=(
            "def my_vgg(x, convs, filters):\n"
            "    for n, f in zip(convs, filters):      # 블록마다\n"
            "        for _ in range(n):                # 3×3 합성곱 n개(same, ReLU)\n"
            "            x = layers.Conv2D(f, 3, padding=\"same\", activation=\"relu\")(x)\n"
            "        x = layers.MaxPooling2D(2, strides=2)(x)  # 가로·세로 절반\n"
            "    return x\n"
            "# VGG-19의 합성곱 부분: 20,024,384개 (VGG-16의 14,714,688개 + 블록 3·4·5에 더한 합성곱 세 개의 5,309,696개)"
        ),
        mistakes=[
            (lambda got, want: got["출력 모양"][-1] == want["출력 모양"][-1]
             and got["출력 모양"][:2] > want["출력 모양"][:2] and got["매개변수 수"] == want["매개변수 수"],
             "출력의 가로·세로가 큽니다. 2×2 최대 풀링은 맨 끝에 한 번이 아니라 블록마다 하나씩 둡니다.",
             _vgg_pool_once),
            (lambda got, want: got["출력 모양"][-1] == want["출력 모양"][-1] and got["출력 모양"][:2] < want["출력 모양"][:2],
             "출력 모양이 작습니다. 합성곱마다 가로·세로가 줄었습니다: padding='same'을 주었나요?",
             _vgg_valid_padding),
            (lambda got, want: got["출력 모양"][-1] != want["출력 모양"][-1],
             "마지막 채널 수가 다릅니다. 블록 i의 합성곱은 filters[i]개의 필터를 씁니다.",
             _vgg_first_filters),
            (lambda got, want: got["출력 모양"] == want["출력 모양"] and got["매개변수 수"] < want["매개변수 수"]
             and got["ReLU 수"] < want["ReLU 수"],
             "출력 모양은 맞지만 매개변수와 ReLU가 모자랍니다. 블록 i에는 합성곱이 convs[i]개 있습니다.",
             _vgg_one_conv_per_block),
            (lambda got, want: got["ReLU 수"] == 0,
             "출력 모양과 매개변수 수는 맞지만 ReLU 수가 0입니다. 합성곱마다 activation='relu'를 주세요. "
             "ReLU가 없으면 3×3을 쌓아도 큰 필터 하나와 같은 선형 연산입니다.",
             _vgg_without_relu),
            (lambda got, want: 0 < got["ReLU 수"] < want["ReLU 수"],
             "ReLU 수가 모자랍니다. VGG는 합성곱 하나마다 ReLU를 둡니다(블록의 마지막 합성곱에만이 아니라).",
             _vgg_relu_once),
            (lambda got, want: got["출력 모양"] == want["출력 모양"] and got["매개변수 수"] > want["매개변수 수"],
             "출력 모양은 맞지만 매개변수 수가 많습니다. 필터의 크기가 3×3인가요?",
             _vgg_5x5),
        ],
    )


def _a_pair(a):
    return np.ndim(a) == 1 and len(a) == 2


def q2_budget_block() -> Exercise:
    c_in, f = BUDGET_INPUT[-1], BUDGET_FILTERS
    first, later = 9 * c_in * f + f, 9 * f * f + f
    return Exercise(
        2, "예산 안에서 가장 깊은 블록 설계", "budget_block",
        expected=deepest_block_in_budget,
        hint_text=(
            "합성곱을 하나씩 더하며 매개변수를 누적하고, 예산을 넘기 직전에서 멈추세요. 합성곱 하나의 매개변수는 "
            "3 × 3 × (입력 채널) × (필터 수) + (필터 수)입니다. 첫 합성곱과 그 뒤의 합성곱은 입력 채널이 다릅니다. "
            "풀링에는 매개변수가 없습니다. 답은 (합성곱 수, 매개변수 수) 튜플입니다."
        ),
        solution_text=(
            "first = 3 * 3 * 96 * 192 + 192      # 96 → 192\n"
            "later = 3 * 3 * 192 * 192 + 192     # 192 → 192\n"
            "convs = 1\n"
            "while first + later * convs <= 1_000_000:  # 하나 더 쌓아도 예산 안이면\n"
            "    convs += 1\n"
            "budget_block = (convs, first + later * (convs - 1))  # 3개, 830,016개 (수용 영역 7×7)"
        ),
        mistakes=[
            (lambda a: _a_pair(a) and a[1] == first - f + (later - f) * (a[0] - 1),
             "편향(필터마다 하나, 합성곱마다 필터 수만큼)을 빠뜨리지 않았나요?",
             (3, first - f + 2 * (later - f))),
            (lambda a: _a_pair(a) and a[1] == later * a[0],
             "첫 합성곱은 앞 특징 맵의 채널 96개를 받습니다. 그 뒤의 합성곱만 192개를 받습니다.",
             (3, 3 * later)),
            (lambda a: _a_pair(a) and a[1] > BUDGET,
             "매개변수가 예산(1,000,000개)을 넘습니다. 하나 덜 쌓으세요.",
             (4, first + 3 * later)),
            (lambda a: _a_pair(a) and a[0] == 1 and a[1] == 49 * c_in * f + f,
             "그것은 7×7 합성곱 하나입니다. VGG 규칙대로 3×3만 쌓으면 같은 7×7 영역을 더 적은 매개변수로 봅니다.",
             (1, 49 * c_in * f + f)),
            (lambda a: _a_pair(a) and a[1] + later <= BUDGET,
             "아직 예산이 남습니다. 3×3 합성곱을 하나 더 쌓아도 예산 안인지 보세요.",
             (2, first + later)),
            (lambda a: not _a_pair(a),
             "답은 (합성곱 수, 매개변수 수) 두 값의 튜플로 쓰세요.",
             first + 2 * later),
        ],
    )


def q3_head_params_150() -> Exercise:
    return Exercise(
        3, "150×150 입력의 특징 추출기 위 머리의 매개변수 수", "head_params_150",
        expected=lambda: head_params(HEAD_INPUT, HEAD_CLASSES),
        hint_text=(
            "먼저 include_top=False의 출력 모양을 구하세요: 블록마다 2×2 최대 풀링(스트라이드 2)이 한 번씩, "
            "홀수 크기에서는 나머지를 버립니다. 평면화한 길이마다 유닛 10개에 가중치가 하나씩, 유닛마다 편향이 하나 "
            "있습니다."
        ),
        solution_text=(
            "side = 150\n"
            "for _ in range(5):  # 블록 다섯 개, 블록마다 2×2 최대 풀링: 150 → 75 → 37 → 18 → 9 → 4\n"
            "    side = side // 2\n"
            "head_params_150 = side * side * 512 * 10 + 10  # 81,930"
        ),
        mistakes=[
            (lambda a: a == 5 * 5 * 512 * 10 + 10,
             "75를 2로 나누면 37.5입니다. 2×2 최대 풀링(valid)은 남는 한 줄을 버려 37이 됩니다(올림이 아니라 내림).",
             5 * 5 * 512 * 10 + 10),
            (lambda a: a == 7 * 7 * 512 * 10 + 10,
             "그것은 224×224 입력일 때입니다. 입력이 작아지면 마지막 특징 맵도 작아집니다.",
             7 * 7 * 512 * 10 + 10),
            (lambda a: a == 512 * 10 + 10,
             "그것은 pooling='avg'나 'max'로 512개 벡터를 받을 때입니다. 여기서는 pooling 없이 평면화합니다.",
             512 * 10 + 10),
            (lambda a: a == 4 * 4 * 512 * 10,
             "편향(유닛마다 하나)을 빠뜨리지 않았나요?",
             4 * 4 * 512 * 10),
        ],
    )


def q4_kept_value() -> Exercise:
    return Exercise(
        4, "학습할 때 Dropout(0.2)을 지난 값", "kept_value",
        expected=dropout_kept_value,
        hint_text=(
            "학습할 때 드롭아웃은 유닛의 일부를 0으로 만들고, 남은 값을 키워 평균이 그대로 되게 합니다. "
            "값의 80%만 남는다면 몇 배로 키워야 평균이 1로 남을까요?"
        ),
        solution_text="kept_value = 1 / (1 - 0.2)  # 1.25: 남은 80%를 1.25배로 키우면 평균이 1",
        mistakes=[
            (lambda a: np.isclose(a, 0.8),
             "0.8은 남는 비율입니다. Keras는 남은 값을 줄이지 않고 키워서, 평균이 1로 남게 합니다.",
             0.8),
            (lambda a: np.isclose(a, 2.0),
             "2는 비율 0.5일 때의 값입니다. 비율이 0.2이면 몇 %가 남나요?",
             2.0),
            (lambda a: np.isclose(a, 1.0),
             "추론할 때(training=False)는 1 그대로지만, 학습할 때는 남은 값을 키웁니다.",
             1.0),
            (lambda a: np.isclose(a, 5.0),
             "1 / 0.2가 아니라 1 / (1 − 0.2)입니다: 남는 비율로 나눕니다.",
             5.0),
            (lambda a: np.isclose(a, 0.0),
             "0이 된 값이 아니라, 0이 되지 않고 남은 값을 물었습니다.",
             0.0),
        ],
    )


def exercises() -> list[Exercise]:
    return [q1_my_vgg(), q2_budget_block(), q3_head_params_150(), q4_kept_value()]
