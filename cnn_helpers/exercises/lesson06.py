"""6강 연습 문제: VGG (전이 학습 모델 짓기, 예산 안의 블록 설계, 특징 추출기 위의 머리, 드롭아웃)."""

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


def dropout_kept_value(rate=DROPOUT_RATE, times=1) -> float:
    """Keras Dropout(rate)을 학습 모드로 1들에 `times`번 잇달아 적용해, 0이 되지 않은 값을 읽습니다."""
    keras = _lazy.keras()
    out = np.ones((1, 1000), dtype="float32")
    for seed in range(times):
        out = np.asarray(keras.layers.Dropout(rate, seed=seed)(out, training=True))
    return float(out[out != 0][0])


def two_dropouts(rate=DROPOUT_RATE) -> tuple:
    """Dropout(rate) 두 번을 학습 모드로 지난 1들: (0이 된 비율, 0이 되지 않은 값).

    값이 남으려면 두 번 모두 살아남아야 하므로 0이 된 비율은 1 − (1 − rate)²이고, 남은 값은 Keras에서 읽습니다.
    """
    return 1 - (1 - rate) ** 2, dropout_kept_value(rate, times=2)


# 문제 1: 특징 추출기를 고정하고 그 위에 전역 평균 풀링과 소프트맥스 머리를 붙이는 전이 학습 모델.
# 특징 추출기마다 (만드는 함수의 인자): 이름은 채점 메시지에 그대로 나옵니다.
TRANSFER_BASES = {
    "작은 VGG의 블록 (28×28×1, 필터 16 → 32)": ((28, 28, 1), (2, 2), (16, 32)),
    "블록 세 개 (32×32×3, 합성곱 1·2·3개)": ((32, 32, 3), (1, 2, 3), (8, 16, 32)),
    "VGG-16의 합성곱 부분 (include_top=False, 32×32×3)": None,
}


def transfer_base(name):
    """문제 1의 특징 추출기를 새로 만듭니다(가중치는 무작위, 학습 가능한 상태로)."""
    keras = _lazy.keras()
    spec = TRANSFER_BASES[name]
    if spec is None:
        return keras.applications.VGG16(weights=None, include_top=False, input_shape=(32, 32, 3))
    from ..models import vgg_block

    input_shape, convs, filters = spec
    inputs = keras.Input(input_shape)
    x = inputs
    for c, f in zip(convs, filters):
        x = vgg_block(x, f, c)
    return keras.Model(inputs, x, name="base")


def _weights(weights) -> int:
    return sum(int(np.prod(w.shape)) for w in weights)


def transfer_facts(builder, base_name, classes) -> dict | None:
    """`builder(특징 추출기, classes)`로 지은 모델을 이미지 두 장에 적용해 출력 모양, 학습하는·고정된 매개변수 수,
    출력이 확률인지를 잽니다. 특징 추출기는 부를 때마다 새로 만듭니다."""
    keras = _lazy.keras()
    base = transfer_base(base_name)
    model = builder(base, classes)
    if model is None:
        return None
    if not isinstance(model, keras.Model):
        raise TypeError(f"keras.Model을 돌려주세요(keras.Model(inputs, outputs)). 돌려준 것: {type(model).__name__}")
    images = np.random.default_rng(0).random((2, *base.input.shape[1:]), dtype="float32")
    out = np.asarray(model(images, training=False))
    probs = bool(out.ndim == 2 and np.all(out >= 0) and np.allclose(out.sum(axis=1), 1, atol=1e-4))
    return {"출력 모양": tuple(out.shape[1:]), "학습하는 매개변수 수": _weights(model.trainable_weights),
            "고정된 매개변수 수": _weights(model.non_trainable_weights), "출력이 확률": probs,
            "특징 맵 모양": tuple(int(d) for d in base.output.shape[1:])}


def _transfer(base, classes, *, freeze=True, flatten=False, softmax=True, units=None):
    keras = _lazy.keras()
    layers = keras.layers
    base.trainable = not freeze
    inputs = keras.Input(base.input.shape[1:])
    x = base(inputs, training=False)
    x = layers.Flatten()(x) if flatten else layers.GlobalAveragePooling2D()(x)
    outputs = layers.Dense(units or classes, activation="softmax" if softmax else None)(x)
    return keras.Model(inputs, outputs)


def package_transfer_facts(base_name, classes) -> dict:
    return transfer_facts(_transfer, base_name, classes)


# 문제 1의 흔한 실수를 한 함수들 (tests/test_exercise_rules.py가 이 예로 메시지를 확인합니다)
def _transfer_unfrozen(base, classes):
    return _transfer(base, classes, freeze=False)


def _transfer_flatten(base, classes):
    return _transfer(base, classes, flatten=True)


def _transfer_no_softmax(base, classes):
    return _transfer(base, classes, softmax=False)


def _transfer_no_head(base, classes):
    base.trainable = False
    return base


def _transfer_ten_classes(base, classes):
    return _transfer(base, classes, units=10 if classes != 10 else 5)


def _flat_head(facts) -> int:
    return int(np.prod(facts["특징 맵 모양"])) * facts["출력 모양"][-1] + facts["출력 모양"][-1]


def q1_transfer() -> Exercise:
    return Exercise(
        1, "특징 추출기를 고정하고 새 머리를 붙이는 전이 학습 모델 짓기", "transfer",
        kind="build",
        expected=package_transfer_facts,
        measure=transfer_facts,
        cases=lambda: [(name, classes) for name, classes in zip(TRANSFER_BASES, (5, 10, 3))],
        hint_text=(
            "세 가지를 하면 됩니다. (1) 특징 추출기의 가중치를 학습하지 않게 하는 속성이 있습니다(8절의 전이 학습 셀). "
            "(2) 함수형 API의 세 단계(입력 자리 → 적용 → 모델로 묶기)에서, 모델도 계층처럼 텐서에 적용할 수 있습니다. "
            "입력 자리의 모양은 특징 추출기의 입력 모양에서 배치 축을 뺀 것입니다. "
            "(3) 특징 맵을 채널마다 값 하나로 줄인 다음 부류 수만큼의 유닛에 잇고, 출력이 확률이 되게 합니다."
        ),
        solution_text=(
            "def transfer(base, classes):\n"
            "    base.trainable = False                                  # 특징 추출기의 가중치를 고정\n"
            "    inputs = keras.Input(shape=base.input.shape[1:])        # 1. 입력 자리\n"
            "    x = base(inputs, training=False)                        # 2. 모델을 계층처럼 적용(추론 모드)\n"
            "    x = layers.GlobalAveragePooling2D()(x)                  #    특징 맵 → 채널마다 평균 하나\n"
            "    outputs = layers.Dense(classes, activation=\"softmax\")(x)  # 부류마다의 확률\n"
            "    return keras.Model(inputs, outputs)                     # 3. 입력과 출력을 모델로 묶기\n"
            "# 학습하는 매개변수는 머리의 (채널 수) × classes + classes개뿐입니다."
        ),
        mistakes=[
            (lambda got, want: len(got["출력 모양"]) != 1,
             "출력이 부류마다 값 하나씩인 벡터가 아니라 특징 맵입니다. 특징 추출기 위에 머리(전역 평균 풀링과 Dense)를 "
             "붙인 새 모델을 돌려주세요.",
             _transfer_no_head),
            (lambda got, want: got["출력 모양"] != want["출력 모양"],
             "출력의 모양이 다릅니다. 마지막 Dense의 유닛 수는 인자로 받은 classes여야 합니다(숫자를 고정해 두지 마세요).",
             _transfer_ten_classes),
            (lambda got, want: got["고정된 매개변수 수"] < want["고정된 매개변수 수"],
             "특징 추출기의 가중치가 학습됩니다. 전이 학습(특징 추출)에서는 base.trainable = False로 고정하고 머리만 학습합니다.",
             _transfer_unfrozen),
            (lambda got, want: got["학습하는 매개변수 수"] == _flat_head(want) != want["학습하는 매개변수 수"],
             "머리의 매개변수가 너무 많습니다. 특징 맵을 평면화(Flatten)하지 말고 전역 평균 풀링으로 채널마다 값 하나로 "
             "줄이세요. 그러면 머리의 크기가 입력 크기와 상관없어집니다.",
             _transfer_flatten),
            (lambda got, want: not got["출력이 확률"] and got["학습하는 매개변수 수"] == want["학습하는 매개변수 수"],
             "매개변수 수는 맞지만 출력이 확률(0 이상, 합이 1)이 아닙니다. 마지막 Dense에 activation='softmax'를 주세요.",
             _transfer_no_softmax),
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
            "budget_block = (convs, first + later * (convs - 1))  # 3개, 830,016개 (수용 영역 7×7)\n"
            "# 견주기: 같은 영역의 7×7 하나(96 → 192)는 49 * 96 * 192 + 192 = 903,360개에 ReLU 하나입니다.\n"
            "# 채널이 모두 같을 때의 27C² 대 49C²보다 덜 줄어드는 것은 3×3 셋 중 뒤의 둘이 192채널을 받기 때문입니다."
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


def _pair_close(a, i, value):
    try:
        return _a_pair(a) and bool(np.isclose(float(a[i]), value))
    except (TypeError, ValueError):
        return False


def q4_two_dropouts() -> Exercise:
    rate = DROPOUT_RATE
    keep = 1 - rate
    return Exercise(
        4, "학습할 때 Dropout(0.2) 두 번을 지난 값", "two_dropouts_answer",
        expected=two_dropouts,
        hint_text=(
            "값 하나를 따라가 보세요. 드롭아웃 하나를 지날 때 살아남을 확률은 얼마이고, 살아남으면 몇 배가 되나요? "
            "0이 되지 않으려면 두 드롭아웃을 모두 살아남아야 합니다. 답은 식으로 써도 됩니다(예: 1 - 0.5 * 0.5)."
        ),
        solution_text=(
            "two_dropouts_answer = (1 - 0.8 * 0.8, 1.25 * 1.25)  # (0.36, 1.5625)\n"
            "# 두 번 모두 살아남을 확률은 0.8 × 0.8 = 0.64라 36%가 0이 되고, 살아남은 값은 두 번 1.25배가 됩니다.\n"
            "# 평균은 0.64 × 1.5625 = 1로 그대로입니다."
        ),
        mistakes=[
            (lambda a: _pair_close(a, 0, rate * rate),
             "0.2 × 0.2는 두 번 모두 0이 될 확률입니다. 한 번이라도 0이 되면 그 값은 0으로 남습니다.",
             (rate * rate, 1 / keep ** 2)),
            (lambda a: _pair_close(a, 0, 2 * rate),
             "0이 된 비율을 더하지 마세요. 두 번째 드롭아웃은 이미 0인 값도 다시 고르므로, 살아남을 확률(0.8)을 곱해 "
             "생각하세요.",
             (2 * rate, 1 / keep ** 2)),
            (lambda a: _pair_close(a, 0, rate),
             "그것은 드롭아웃 한 번의 비율입니다. 두 번째 드롭아웃이 남은 값 가운데 일부를 또 0으로 만듭니다.",
             (rate, 1 / keep)),
            (lambda a: _pair_close(a, 1, 1 / keep),
             "1.25는 드롭아웃 한 번을 지난 값입니다. 두 번째 드롭아웃도 남은 값을 다시 키웁니다.",
             (1 - keep ** 2, 1 / keep)),
            (lambda a: _pair_close(a, 1, 1 + 2 * (1 / keep - 1)),
             "키운 몫(0.25)을 두 번 더했나요? 두 번째 드롭아웃은 이미 키운 값을 다시 1.25배 합니다(곱하기).",
             (1 - keep ** 2, 1 + 2 * (1 / keep - 1))),
            (lambda a: any(_pair_close(a, 1, v) for v in (keep, keep ** 2)),
             "Keras는 남은 값을 줄이지 않고 키워서, 평균이 1로 남게 합니다.",
             (1 - keep ** 2, keep ** 2)),
            (lambda a: _pair_close(a, 1, 1.0),
             "추론할 때(training=False)는 1 그대로지만, 학습할 때는 남은 값을 키웁니다.",
             (1 - keep ** 2, 1.0)),
            (lambda a: not _a_pair(a),
             "답은 (0이 된 비율, 남은 값) 두 값의 튜플로 쓰세요. 비율은 0~1 사이의 수입니다.",
             1 / keep ** 2),
        ],
    )


def exercises() -> list[Exercise]:
    return [q1_transfer(), q2_budget_block(), q3_head_params_150(), q4_two_dropouts()]
