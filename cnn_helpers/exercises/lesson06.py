"""6강 연습 문제: VGG (블록 구성 목록과 머리의 종류로 VGG 짓기, 예산 안의 블록 설계, 블록 5만 풀어 미세 조정할 때
학습하는 매개변수, 드롭아웃, VGG-19와 VGG-16의 매개변수 차이 예측)."""

from __future__ import annotations

import functools

import numpy as np

from .. import _lazy
from ._core import Exercise

# 문제 2: 28×28×96 특징 맵 위에, 필터 192개짜리 3×3 합성곱을 예산 안에서 최대한 쌓기
BUDGET_INPUT, BUDGET_FILTERS, BUDGET = (28, 28, 96), 192, 1_000_000
# 문제 3: 150×150 입력의 VGG-16 합성곱 부분(include_top=False, pooling='avg')에서 블록 5만 풀고 위에 Dense(10)
HEAD_INPUT, HEAD_CLASSES = (150, 150, 3), 10
# VGG-16 합성곱 13개의 매개변수 (입력 크기와 상관없음): 문제 3의 흔한 오답(모델 전체)에 쓰임
VGG16_CONV_PARAMS = 14_714_688
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


# 문제 1: 블록 구성 목록 [(필터 수, 합성곱 수), …]과 머리의 종류(head)를 받아 VGG를 짓는 함수.
# head="flatten"은 VGG-16의 머리(평면화 → 4096 → 4096 → classes), head="gap"은 전역 평균 풀링 → classes.
# 채점하는 입력마다 (블록 목록, 입력 모양, 부류 수, 머리): 구성 E(VGG-19), 구성 A(VGG-11), 작은 VGG의 블록 두 개.
VGG19_BLOCKS = [(64, 2), (128, 2), (256, 4), (512, 4), (512, 4)]  # 논문 표 1의 구성 E
VGG19_PARAMS = 143_667_240  # 224×224×3, 부류 1,000개 (논문 표 2: 144M)
HEADS = ("flatten", "gap")
BUILD_CASES = [
    (VGG19_BLOCKS, (32, 32, 3), 10, "flatten"),
    ([(64, 1), (128, 1), (256, 2), (512, 2), (512, 2)], (64, 64, 3), 100, "gap"),
    ([(16, 2), (32, 2)], (28, 28, 1), 5, "gap"),
]


def _reference_vgg(blocks, input_shape, classes, head="flatten", *, flatten=True, fcs=None, softmax=True,
                   fixed_blocks=None):
    keras = _lazy.keras()
    layers = keras.layers
    from ..models import vgg_block

    if head not in HEADS:
        raise ValueError(f"head는 {HEADS} 중 하나여야 합니다: {head!r}")
    inputs = keras.Input(tuple(input_shape))
    x = inputs
    for i, (filters, convs) in enumerate(fixed_blocks or blocks, start=1):
        x = vgg_block(x, filters, convs, name=f"block{i}")
    if head == "gap":
        x = layers.GlobalAveragePooling2D()(x)
    elif flatten:
        x = layers.Flatten()(x)
    for _ in range((2 if head == "flatten" else 0) if fcs is None else fcs):
        x = layers.Dense(4096, activation="relu")(x)
    return keras.Model(inputs, layers.Dense(classes, activation="softmax" if softmax else None)(x))


def vgg_facts(builder, blocks, input_shape, classes, head="flatten") -> dict | None:
    """`builder(blocks, input_shape, classes, head)`로 지은 모델을 이미지 두 장에 적용해 출력 모양, 매개변수 수,
    합성곱·최대 풀링·전역 평균 풀링·완전 연결 계층 수, 출력이 확률인지를 잽니다."""
    keras = _lazy.keras()
    model = builder(list(blocks), tuple(input_shape), classes, head)
    if model is None:
        return None
    if not isinstance(model, keras.Model):
        raise TypeError(f"keras.Model을 돌려주세요(keras.Model(inputs, outputs)). 돌려준 것: {type(model).__name__}")
    images = np.random.default_rng(0).random((2, *input_shape), dtype="float32")
    out = np.asarray(model(images, training=False))
    probs = bool(out.ndim == 2 and np.all(out >= 0) and np.allclose(out.sum(axis=1), 1, atol=1e-4))
    kinds = [type(layer).__name__ for layer in model.layers]
    return {"출력 모양": tuple(out.shape[1:]), "합성곱 계층 수": kinds.count("Conv2D"),
            "최대 풀링 계층 수": kinds.count("MaxPooling2D"),
            "전역 평균 풀링 계층 수": kinds.count("GlobalAveragePooling2D"),
            "완전 연결 계층 수": kinds.count("Dense"), "매개변수 수": int(model.count_params()),
            "출력이 확률": probs}


def package_vgg_facts(blocks, input_shape, classes, head="flatten") -> dict:
    return vgg_facts(_reference_vgg, blocks, input_shape, classes, head)


# 문제 1의 흔한 실수를 한 함수들 (tests/test_exercise_rules.py가 이 예로 메시지를 확인합니다)
def _vgg_no_flatten(blocks, input_shape, classes, head="flatten"):
    return _reference_vgg(blocks, input_shape, classes, head, flatten=False)


def _vgg_fixed_classes(blocks, input_shape, classes, head="flatten"):
    return _reference_vgg(blocks, input_shape, 1000, head)


def _vgg_always_16(blocks, input_shape, classes, head="flatten"):
    return _reference_vgg(blocks, input_shape, classes, head,
                          fixed_blocks=[(64, 2), (128, 2), (256, 3), (512, 3), (512, 3)])


def _vgg_one_conv_per_block(blocks, input_shape, classes, head="flatten"):
    return _reference_vgg(blocks, input_shape, classes, head, fixed_blocks=[(f, 1) for f, _ in blocks])


def _vgg_ignores_head(blocks, input_shape, classes, head="flatten"):
    return _reference_vgg(blocks, input_shape, classes, "flatten")


def _vgg_gap_with_fcs(blocks, input_shape, classes, head="flatten"):
    return _reference_vgg(blocks, input_shape, classes, head, fcs=2)


def _vgg_always_gap(blocks, input_shape, classes, head="flatten"):
    return _reference_vgg(blocks, input_shape, classes, "gap")


def _vgg_one_fc(blocks, input_shape, classes, head="flatten"):
    return _reference_vgg(blocks, input_shape, classes, head, fcs=1 if head == "flatten" else 0)


def _vgg_no_softmax(blocks, input_shape, classes, head="flatten"):
    return _reference_vgg(blocks, input_shape, classes, head, softmax=False)


def _gap_count(facts):
    return facts["전역 평균 풀링 계층 수"]


def q1_build_vgg() -> Exercise:
    fc2 = 4096 * 4096 + 4096
    return Exercise(
        1, "블록 구성 목록과 머리의 종류로 VGG 짓기", "build_vgg",
        kind="build",
        expected=package_vgg_facts,
        measure=vgg_facts,
        cases=lambda: BUILD_CASES,
        hint_text=(
            "블록 목록의 항목 하나가 vgg_block 한 번입니다. 블록 뒤는 head에 따라 둘로 갈립니다. 'flatten'이면 "
            "VGG-16처럼 특징 맵을 벡터로 편 다음 유닛 4,096개의 완전 연결 계층(ReLU)을 두 번 잇고, 'gap'이면 채널마다 "
            "평균을 내는 계층(5절의 pooling='avg'와 같은 것) 하나로 벡터를 만듭니다. 마지막은 둘 다 부류 수만큼의 "
            "출력(소프트맥스)입니다. 인자(블록 목록, 입력 모양, 부류 수, 머리)를 숫자로 고정해 두지 마세요."
        ),
        solution_text=(
            "def build_vgg(blocks, input_shape=(224, 224, 3), classes=1000, head=\"flatten\"):\n"
            "    inputs = keras.Input(shape=input_shape)\n"
            "    x = inputs\n"
            "    for i, (filters, convs) in enumerate(blocks, start=1):\n"
            "        x = vgg_block(x, filters, convs, name=f\"block{i}\")\n"
            "    if head == \"gap\":\n"
            "        x = layers.GlobalAveragePooling2D()(x)  # 채널마다 평균: 512개 값\n"
            "    else:\n"
            "        x = layers.Flatten()(x)\n"
            "        x = layers.Dense(4096, activation=\"relu\")(x)\n"
            "        x = layers.Dense(4096, activation=\"relu\")(x)\n"
            "    outputs = layers.Dense(classes, activation=\"softmax\")(x)\n"
            "    return keras.Model(inputs, outputs)\n"
            "# 구성 E(VGG-19): [(64, 2), (128, 2), (256, 4), (512, 4), (512, 4)]\n"
            "# head=\"gap\"이면 fc1·fc2(1억 2천만 개 가까이)가 없어 매개변수가 거의 합성곱에만 남습니다(7강의 GoogLeNet)."
        ),
        mistakes=[
            (lambda got, want: len(got["출력 모양"]) != 1,
             "출력이 부류마다 값 하나씩인 벡터가 아니라 특징 맵 모양입니다. 블록 뒤, 완전 연결 계층 앞에서 특징 맵을 "
             "벡터로 펴야 합니다(평면화).",
             _vgg_no_flatten),
            (lambda got, want: got["출력 모양"] != want["출력 모양"],
             "출력의 모양이 다릅니다. 마지막 Dense의 유닛 수는 인자로 받은 classes여야 합니다(1000으로 고정하지 마세요).",
             _vgg_fixed_classes),
            (lambda got, want: got["합성곱 계층 수"] == 13 != want["합성곱 계층 수"],
             "합성곱이 VGG-16처럼 13개입니다. 블록은 인자로 받은 목록대로 지으세요(build_vgg16의 목록을 그대로 쓰지 마세요).",
             _vgg_always_16),
            (lambda got, want: got["합성곱 계층 수"] != want["합성곱 계층 수"],
             "합성곱 계층의 수가 다릅니다. 블록 목록의 (필터 수, 합성곱 수)에서 합성곱 수를 vgg_block의 convs로 넘기세요.",
             _vgg_one_conv_per_block),
            (lambda got, want: _gap_count(want) == 1 and _gap_count(got) == 0,
             "head='gap'인데 전역 평균 풀링 계층이 없습니다. 이때는 평면화 대신 layers.GlobalAveragePooling2D()로 "
             "채널마다 평균을 냅니다.",
             _vgg_ignores_head),
            (lambda got, want: _gap_count(want) == 1 and got["완전 연결 계층 수"] > want["완전 연결 계층 수"],
             "head='gap'이면 전역 평균 풀링 뒤에 부류 수만큼의 Dense(소프트맥스) 하나만 둡니다. 4,096 유닛 계층은 "
             "'flatten' 머리에만 있습니다.",
             _vgg_gap_with_fcs),
            (lambda got, want: _gap_count(want) == 0 and _gap_count(got) > 0,
             "head='flatten'인데 전역 평균 풀링이 있습니다. 'flatten'은 VGG-16의 머리(평면화 → 4096 → 4096 → 부류 수)입니다.",
             _vgg_always_gap),
            (lambda got, want: got["매개변수 수"] == want["매개변수 수"] - fc2,
             "완전 연결 계층이 하나 모자랍니다. VGG의 머리는 4,096 → 4,096 → 부류 수, 완전 연결 계층 세 개입니다.",
             _vgg_one_fc),
            (lambda got, want: not got["출력이 확률"] and got["매개변수 수"] == want["매개변수 수"],
             "매개변수 수는 맞지만 출력이 확률(0 이상, 합이 1)이 아닙니다. 마지막 Dense에 activation='softmax'를 주세요.",
             _vgg_no_softmax),
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
            "풀링에는 매개변수가 없고, 가로·세로(28×28)도 합성곱의 매개변수 수와는 관계가 없습니다. 답은 (합성곱 수, 매개변수 수) "
            "튜플입니다."
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


@functools.cache
def unfrozen_trainable(input_shape=HEAD_INPUT, classes=HEAD_CLASSES, prefix="block5", pooling="avg") -> int:
    """VGG-16 합성곱 부분(include_top=False, pooling)에서 이름이 prefix로 시작하는 계층만 풀고 그 위에
    Dense(classes)를 얹은 모델을 실제로 만들어, 학습하는 매개변수 수를 셉니다 (weights=None: 내려받지 않음)."""
    keras = _lazy.keras()
    base = keras.applications.VGG16(weights=None, include_top=False, pooling=pooling, input_shape=tuple(input_shape))
    for layer in base.layers:
        layer.trainable = layer.name.startswith(prefix)
    inputs = keras.Input(tuple(input_shape))
    x = base(inputs)
    if pooling is None:
        x = keras.layers.Flatten()(x)
    model = keras.Model(inputs, keras.layers.Dense(classes, activation="softmax")(x))
    return int(sum(int(np.prod(w.shape)) for w in model.trainable_weights))


def q3_unfrozen_trainable() -> Exercise:
    c5 = 9 * 512 * 512 + 512  # block5의 합성곱 하나 (512 → 512)
    head = 512 * HEAD_CLASSES + HEAD_CLASSES  # pooling="avg"의 512개 값 → Dense(10)
    return Exercise(
        3, "블록 5만 풀어 미세 조정할 때 학습하는 매개변수 수", "trainable_block5",
        expected=unfrozen_trainable,
        hint_text=(
            "학습하는 것은 trainable이 True인 계층의 가중치뿐입니다. 이름이 block5로 시작하는 계층은 무엇이고, 그중 "
            "매개변수가 있는 것은 몇 개인가요? 블록 5가 받는 채널과 내는 채널을 2절의 규칙(512에서 멈춤)으로 적으세요. "
            "새로 얹은 머리도 학습합니다. pooling='avg'가 내는 값의 개수와 입력 크기는 관계가 있을까요?"
        ),
        solution_text=(
            "block5 = 3 * (3 * 3 * 512 * 512 + 512)  # block5_conv1~3: 모두 512 → 512 (4절 표의 block5와 같음)\n"
            "head = 512 * 10 + 10                     # pooling='avg'는 입력 크기와 상관없이 512개 값\n"
            "trainable_block5 = block5 + head         # 7,084,554\n"
            "# block5_pool에는 매개변수가 없고, block1~4의 가중치는 고정되어 학습하는 수에 들지 않습니다."
        ),
        mistakes=[
            (lambda a: a == 3 * c5,
             "새로 얹은 머리 Dense(10)도 학습합니다. 그 매개변수도 더하세요.",
             3 * c5),
            (lambda a: a == head,
             "그것은 머리만 학습할 때(특징 추출)입니다. 이 문제는 블록 5의 합성곱도 풀었습니다.",
             head),
            (lambda a: a == VGG16_CONV_PARAMS + head,
             "그것은 모델 전체입니다. 이름이 block5로 시작하지 않는 계층은 trainable = False라 학습하지 않습니다.",
             VGG16_CONV_PARAMS + head),
            (lambda a: a == 3 * c5 + 4 * 4 * 512 * 10 + 10,
             "pooling='avg'이므로 머리는 4×4×512를 평면화한 값이 아니라 채널마다 평균 낸 512개 값을 받습니다.",
             3 * c5 + 4 * 4 * 512 * 10 + 10),
            (lambda a: a == 3 * (c5 - 512) + head,
             "편향(필터마다 하나)을 빠뜨리지 않았나요?",
             3 * (c5 - 512) + head),
            (lambda a: a == (9 * 256 * 512 + 512) + 2 * c5 + head,
             "블록 5는 채널을 늘리지 않습니다(512에서 멈춤). block5_conv1도 512채널을 받습니다.",
             (9 * 256 * 512 + 512) + 2 * c5 + head),
            (lambda a: a == 5_899_776 + 3 * c5 + head,
             "블록 4까지 풀지 않았습니다. 이름이 block5로 시작하는 계층만 trainable = True입니다.",
             5_899_776 + 3 * c5 + head),
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
            "0이 되지 않으려면 두 드롭아웃을 모두 살아남아야 합니다. 답은 식으로 써도 됩니다(예: (1 / 3, 2 ** 0.5))."
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


VGG16_BLOCKS = [(64, 2), (128, 2), (256, 3), (512, 3), (512, 3)]  # 논문 표 1의 구성 D


@functools.cache
def conv_params(blocks) -> int:
    """패키지의 vgg_block으로 블록 목록의 합성곱 부분만 지어 매개변수를 셉니다 (입력 크기와 상관없음)."""
    keras = _lazy.keras()
    from ..models import vgg_block

    inputs = keras.Input((32, 32, 3))
    x = inputs
    for filters, convs in blocks:
        x = vgg_block(x, filters, convs)
    return int(keras.Model(inputs, x).count_params())


def vgg19_minus_vgg16() -> int:
    """VGG-19 − VGG-16의 매개변수 수. 마지막 특징 맵이 둘 다 7×7×512라 완전 연결 계층은 같고, 합성곱 부분만 다릅니다."""
    return conv_params(tuple(VGG19_BLOCKS)) - conv_params(tuple(VGG16_BLOCKS))


def q5_vgg19_extra() -> Exercise:
    c3, c5 = 9 * 256 * 256 + 256, 9 * 512 * 512 + 512  # 블록 3의 넷째(256 → 256), 블록 4·5의 넷째(512 → 512)
    return Exercise(
        5, "VGG-19는 VGG-16보다 매개변수가 몇 개 많은가", "vgg19_extra",
        expected=vgg19_minus_vgg16,
        hint_text=(
            "늘어난 것은 블록 3, 4, 5에 하나씩 더한 3×3 합성곱입니다. 각 합성곱이 받는 채널과 내는 채널을 블록마다 적고, "
            "3 × 3 × (입력 채널) × (필터 수) + (필터 수)를 더하세요. 완전 연결 계층은 어떤가요? 두 모델의 마지막 특징 맵 "
            "모양을 견주어 보세요."
        ),
        solution_text=(
            "vgg19_extra = (3 * 3 * 256 * 256 + 256) + 2 * (3 * 3 * 512 * 512 + 512)  # 590,080 + 2 × 2,359,808 = 5,309,696\n"
            "# 더한 합성곱은 블록의 넷째라 입력 채널이 그 블록의 필터 수와 같습니다(256 → 256, 512 → 512, 512 → 512).\n"
            "# 마지막 특징 맵은 둘 다 7×7×512라 fc1·fc2·predictions의 매개변수는 그대로입니다. VGG-19는 143,667,240개."
        ),
        mistakes=[
            (lambda a: a == c3 + 2 * c5 - 256 - 2 * 512,
             "편향(필터마다 하나)을 빠뜨리지 않았나요?",
             c3 + 2 * c5 - 256 - 2 * 512),
            (lambda a: a == 3 * c5,
             "블록 3의 합성곱은 512채널이 아니라 256채널입니다(블록 3: 56×56×256).",
             3 * c5),
            (lambda a: a == (9 * 128 * 256 + 256) + 2 * c5 or a == (9 * 128 * 256 + 256) + (9 * 256 * 512 + 512) + c5,
             "블록 어디에 끼우든 늘어나는 것은 입력과 출력 채널이 둘 다 그 블록의 필터 수인 합성곱입니다. 채널을 두 배로 "
             "늘리는 첫 합성곱은 블록마다 여전히 하나뿐입니다.",
             (9 * 128 * 256 + 256) + 2 * c5),
            (lambda a: a in (c3, c5, c3 + c5, 2 * c5),
             "합성곱은 블록 3, 4, 5에 하나씩, 모두 세 개가 늘었습니다.",
             c5),
            (lambda a: a == VGG19_PARAMS,
             "그것은 VGG-19 전체의 매개변수입니다. VGG-16보다 몇 개 많은지(차이)를 쓰세요.",
             VGG19_PARAMS),
            (lambda a: a == 3 * 9 * 512 * 512 + 3 * 512 + 7 * 7 * 512 * 4096,
             "완전 연결 계층은 같습니다. 풀링 다섯 번 뒤의 특징 맵이 두 모델 모두 7×7×512이기 때문입니다.",
             3 * 9 * 512 * 512 + 3 * 512 + 7 * 7 * 512 * 4096),
        ],
    )


def exercises() -> list[Exercise]:
    return [q1_build_vgg(), q2_budget_block(), q3_unfrozen_trainable(), q4_two_dropouts(), q5_vgg19_extra()]
