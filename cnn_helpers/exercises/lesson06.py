"""6강 연습 문제: VGG (블록마다의 합성곱 수와 VGG 규칙(채널 두 배, 512에서 멈춤)으로 VGG 짓기, 예산 안의 블록 설계,
VGG-19와 VGG-16의 곱셈-누산 차이 예측, 무작위로 고르는 분류기의 top-5 정확도 예측(채점은 lesson06_topk.py),
드롭아웃, 작은 VGG의 마지막 블록만 풀어 미세 조정 준비하기)."""

from __future__ import annotations

import functools
import re

import numpy as np

from .. import _lazy
from ._core import Exercise
from ._oracles import has, pair_close
from .lesson06_topk import q4_random_top_k

# 문제 2: 28×28×96 특징 맵 위에, 필터 192개짜리 3×3 합성곱을 예산 안에서 최대한 쌓기
BUDGET_INPUT, BUDGET_FILTERS, BUDGET = (28, 28, 96), 192, 1_000_000
# VGG-16 합성곱 13개의 매개변수 (입력 크기와 상관없음; tests가 keras.applications.VGG16과 견줌)
VGG16_CONV_PARAMS = 14_714_688
# 문제 5: 학습할 때 Dropout(0.2)을 지난 1의 값
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


# 문제 1: 블록마다의 합성곱 수 convs(예: VGG-16은 (2, 2, 3, 3, 3))와 첫 블록의 필터 수 first_filters로 VGG 규칙(vgg_filters)대로 VGG를 짓는 함수.
# head="flatten"은 VGG-16의 머리(평면화 → 4096 → 4096 → classes), head="gap"은 전역 평균 풀링 → classes.
# 채점하는 입력마다 (합성곱 수, 입력 모양, 부류 수, 머리, 첫 필터 수): 구성 E(VGG-19), 첫 필터 128인 구성 A(512에서 멈추는
# 블록이 셋), 작은 VGG의 블록 두 개.
VGG19_BLOCKS = [(64, 2), (128, 2), (256, 4), (512, 4), (512, 4)]  # 논문 표 1의 구성 E
VGG19_CONVS = tuple(convs for _, convs in VGG19_BLOCKS)
VGG19_PARAMS = 143_667_240  # 224×224×3, 부류 1,000개 (논문 표 2: 144M)
HEADS = ("flatten", "gap")
MAX_FILTERS = 512
BUILD_CASES = [
    (VGG19_CONVS, (32, 32, 3), 10, "flatten", 64),
    ((1, 1, 2, 2, 2), (64, 64, 3), 100, "gap", 128),
    ((2, 2), (28, 28, 1), 5, "gap", 16),
]


def vgg_filters(convs, first_filters=64, *, cap=MAX_FILTERS, double=True) -> list:
    """VGG 규칙의 블록별 필터 수: 블록마다 두 배, cap에서 멈춤 (예: 64 → 128 → 256 → 512 → 512)."""
    return [min(first_filters * (2 ** i if double else 1), cap or float("inf")) for i in range(len(convs))]


def _reference_vgg(convs, input_shape, classes, head="flatten", first_filters=64, *, flatten=True, fcs=None,
                   softmax=True, fixed_convs=None, cap=MAX_FILTERS, double=True):
    keras = _lazy.keras()
    layers = keras.layers
    from ..models import vgg_block

    if head not in HEADS:
        raise ValueError(f"head는 {HEADS} 중 하나여야 합니다: {head!r}")
    convs = fixed_convs or convs
    inputs = keras.Input(tuple(input_shape))
    x = inputs
    for i, (filters, n) in enumerate(zip(vgg_filters(convs, first_filters, cap=cap, double=double), convs), start=1):
        x = vgg_block(x, int(filters), n, name=f"block{i}")
    if head == "gap":
        x = layers.GlobalAveragePooling2D()(x)
    elif flatten:
        x = layers.Flatten()(x)
    for _ in range((2 if head == "flatten" else 0) if fcs is None else fcs):
        x = layers.Dense(4096, activation="relu")(x)
    return keras.Model(inputs, layers.Dense(classes, activation="softmax" if softmax else None)(x))


def vgg_facts(builder, convs, input_shape, classes, head="flatten", first_filters=64) -> dict | None:
    """`builder(convs, input_shape, classes, head, first_filters)`로 지은 모델을 이미지 두 장에 적용해 출력 모양,
    매개변수 수, 합성곱마다의 필터 수, 최대 풀링·전역 평균 풀링·완전 연결 계층 수, 출력이 확률인지를 잽니다."""
    keras = _lazy.keras()
    model = builder(list(convs), tuple(input_shape), classes, head, first_filters)
    if model is None:
        return None
    if not isinstance(model, keras.Model):
        raise TypeError(f"keras.Model을 돌려주세요(keras.Model(inputs, outputs)). 돌려준 것: {type(model).__name__}")
    images = np.random.default_rng(0).random((2, *input_shape), dtype="float32")
    out = np.asarray(model(images, training=False))
    probs = bool(out.ndim == 2 and np.all(out >= 0) and np.allclose(out.sum(axis=1), 1, atol=1e-4))
    kinds = [type(layer).__name__ for layer in model.layers]
    return {"출력 모양": tuple(out.shape[1:]), "합성곱 계층 수": kinds.count("Conv2D"),
            "합성곱의 필터 수": tuple(int(layer.filters) for layer in model.layers if type(layer).__name__ == "Conv2D"),
            "최대 풀링 계층 수": kinds.count("MaxPooling2D"),
            "전역 평균 풀링 계층 수": kinds.count("GlobalAveragePooling2D"),
            "완전 연결 계층 수": kinds.count("Dense"), "매개변수 수": int(model.count_params()),
            "출력이 확률": probs}


def package_vgg_facts(convs, input_shape, classes, head="flatten", first_filters=64) -> dict:
    return vgg_facts(_reference_vgg, convs, input_shape, classes, head, first_filters)


# 문제 1의 흔한 실수를 한 함수들 (tests/test_exercise_rules.py가 이 예로 메시지를 확인합니다)
def _vgg_no_flatten(convs, input_shape, classes, head="flatten", first_filters=64):
    return _reference_vgg(convs, input_shape, classes, head, first_filters, flatten=False)


def _vgg_fixed_classes(convs, input_shape, classes, head="flatten", first_filters=64):
    return _reference_vgg(convs, input_shape, 1000, head, first_filters)


def _vgg_always_16(convs, input_shape, classes, head="flatten", first_filters=64):
    return _reference_vgg(convs, input_shape, classes, head, first_filters, fixed_convs=(2, 2, 3, 3, 3))


def _vgg_one_conv_per_block(convs, input_shape, classes, head="flatten", first_filters=64):
    return _reference_vgg(convs, input_shape, classes, head, first_filters, fixed_convs=tuple(1 for _ in convs))


def _vgg_no_cap(convs, input_shape, classes, head="flatten", first_filters=64):
    return _reference_vgg(convs, input_shape, classes, head, first_filters, cap=None)


def _vgg_no_doubling(convs, input_shape, classes, head="flatten", first_filters=64):
    return _reference_vgg(convs, input_shape, classes, head, first_filters, double=False)


def _vgg_fixed_first(convs, input_shape, classes, head="flatten", first_filters=64):
    return _reference_vgg(convs, input_shape, classes, head, 64)


def _vgg_ignores_head(convs, input_shape, classes, head="flatten", first_filters=64):
    return _reference_vgg(convs, input_shape, classes, "flatten", first_filters)


def _vgg_gap_with_fcs(convs, input_shape, classes, head="flatten", first_filters=64):
    return _reference_vgg(convs, input_shape, classes, head, first_filters, fcs=2)


def _vgg_always_gap(convs, input_shape, classes, head="flatten", first_filters=64):
    return _reference_vgg(convs, input_shape, classes, "gap", first_filters)


def _vgg_one_fc(convs, input_shape, classes, head="flatten", first_filters=64):
    return _reference_vgg(convs, input_shape, classes, head, first_filters, fcs=1 if head == "flatten" else 0)


def _vgg_no_softmax(convs, input_shape, classes, head="flatten", first_filters=64):
    return _reference_vgg(convs, input_shape, classes, head, first_filters, softmax=False)


def _gap_count(facts):
    return facts["전역 평균 풀링 계층 수"]


def _filters(facts):
    return facts["합성곱의 필터 수"]


def q1_build_vgg() -> Exercise:
    fc2 = 4096 * 4096 + 4096
    return Exercise(
        1, "블록마다의 합성곱 수와 VGG 규칙으로 VGG 짓기", "build_vgg",
        kind="build",
        expected=package_vgg_facts,
        measure=vgg_facts,
        cases=lambda: BUILD_CASES,
        hint_text=(
            "convs의 항목 하나가 vgg_block 한 번이고, 그 블록의 필터 수는 여러분이 정합니다. 첫 블록은 first_filters, "
            "그다음 블록부터는 앞 블록의 두 배이되 512를 넘지 않게 하세요(2절의 규칙). 블록 뒤는 head에 따라 둘로 "
            "갈립니다. 'flatten'이면 특징 맵을 벡터로 편 다음 유닛 4,096개의 완전 연결 계층(ReLU)을 두 번 잇고, 'gap'이면 "
            "채널마다 평균을 내는 계층(layers.GlobalAveragePooling2D, keras.applications의 pooling='avg') 하나로 벡터를 만듭니다. 마지막은 둘 다 부류 수만큼의 "
            "출력(소프트맥스)입니다. 인자를 숫자로 고정해 두지 마세요."
        ),
        solution_text=(
            "def build_vgg(convs, input_shape=(224, 224, 3), classes=1000, head=\"flatten\", first_filters=64):\n"
            "    inputs = keras.Input(shape=input_shape)\n"
            "    x = inputs\n"
            "    filters = first_filters\n"
            "    for i, n in enumerate(convs, start=1):\n"
            "        x = vgg_block(x, filters, n, name=f\"block{i}\")\n"
            "        filters = min(filters * 2, 512)  # 다음 블록은 두 배, 512에서 멈춤\n"
            "    if head == \"gap\":\n"
            "        x = layers.GlobalAveragePooling2D()(x)  # 채널마다 평균\n"
            "    else:\n"
            "        x = layers.Flatten()(x)\n"
            "        x = layers.Dense(4096, activation=\"relu\")(x)\n"
            "        x = layers.Dense(4096, activation=\"relu\")(x)\n"
            "    outputs = layers.Dense(classes, activation=\"softmax\")(x)\n"
            "    return keras.Model(inputs, outputs)\n"
            "# 구성 E(VGG-19): build_vgg((2, 2, 4, 4, 4)) — 필터는 64, 128, 256, 512, 512\n"
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
             "합성곱이 VGG-16처럼 13개입니다. 블록은 인자로 받은 convs대로 지으세요(build_vgg16의 목록을 그대로 쓰지 마세요).",
             _vgg_always_16),
            (lambda got, want: got["합성곱 계층 수"] != want["합성곱 계층 수"],
             "합성곱 계층의 수가 다릅니다. convs의 항목(그 블록의 합성곱 수)을 vgg_block의 convs로 넘기세요.",
             _vgg_one_conv_per_block),
            (lambda got, want: max(_filters(got), default=0) > MAX_FILTERS,
             "필터가 512개보다 많은 합성곱이 있습니다. VGG 규칙은 채널을 두 배로 늘리다가 512에서 멈춥니다.",
             _vgg_no_cap),
            (lambda got, want: len(set(_filters(got))) == 1 < len(set(_filters(want))),
             "모든 블록의 필터 수가 같습니다. 블록마다 필터 수를 앞 블록의 두 배로 늘리세요(512에서 멈춤).",
             _vgg_no_doubling),
            (lambda got, want: _filters(got)[:1] != _filters(want)[:1],
             "첫 블록의 필터 수가 다릅니다. 첫 블록은 인자로 받은 first_filters개의 필터로 시작합니다(64로 고정하지 마세요).",
             _vgg_fixed_first),
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
            (lambda a: has(a, (2,)) and a[1] == first - f + (later - f) * (a[0] - 1),
             "편향(필터마다 하나, 합성곱마다 필터 수만큼)을 빠뜨리지 않았나요?",
             (3, first - f + 2 * (later - f))),
            (lambda a: has(a, (2,)) and a[1] == later * a[0],
             "첫 합성곱은 앞 특징 맵의 채널 96개를 받습니다. 그 뒤의 합성곱만 192개를 받습니다.",
             (3, 3 * later)),
            (lambda a: has(a, (2,)) and a[1] > BUDGET,
             "매개변수가 예산(1,000,000개)을 넘습니다. 하나 덜 쌓으세요.",
             (4, first + 3 * later)),
            (lambda a: has(a, (2,)) and a[0] == 1 and a[1] == 49 * c_in * f + f,
             "그것은 7×7 합성곱 하나입니다. VGG 규칙대로 3×3만 쌓으면 같은 7×7 영역을 더 적은 매개변수로 봅니다.",
             (1, 49 * c_in * f + f)),
            (lambda a: has(a, (2,)) and a[1] + later <= BUDGET,
             "아직 예산이 남습니다. 3×3 합성곱을 하나 더 쌓아도 예산 안인지 보세요.",
             (2, first + later)),
            (lambda a: not has(a, (2,)),
             "답은 (합성곱 수, 매개변수 수) 두 값의 튜플로 쓰세요.",
             first + 2 * later),
        ],
    )


# 문제 6: 8절의 특징 추출 모델(고정한 블록 `blocks` + 학습한 머리 Dense(5))에서 마지막 블록만 풀고 작은 학습률로
# 다시 compile하는 함수 fine_tune(model). 채점하는 블록 구성마다 모델을 새로 지어 함수에 넘기고, 돌려받은 모델의
# 학습하는 매개변수 수, 다시 compile했는지, 학습률을 잽니다.
FEATURE_LR, FINE_TUNE_MAX_LR = 0.002, 0.0002  # 특징 추출 때의 학습률, 미세 조정에서 받아 주는 가장 큰 학습률
FINE_TUNE_CASES = [([(16, 2), (32, 2)],), ([(8, 1), (16, 2), (32, 1)],)]


def feature_extraction_model(blocks_config):
    """8절처럼: 블록들(이름 block1, block2, …)에 평면화를 붙인 모델 `blocks`를 고정하고 새 머리 Dense(5)를 얹어
    특징 추출용으로 compile한 모델 (28×28×1 입력)."""
    keras = _lazy.keras()
    layers = keras.layers
    from ..models import vgg_block

    inputs = keras.Input((28, 28, 1))
    x = inputs
    for i, (filters, convs) in enumerate(blocks_config, start=1):
        x = vgg_block(x, filters, convs, name=f"block{i}")
    blocks = keras.Model(inputs, layers.Flatten()(x), name="blocks")
    blocks.trainable = False
    inputs = keras.Input((28, 28, 1))
    model = keras.Model(inputs, layers.Dense(5, activation="softmax")(blocks(inputs)))
    model.compile(optimizer=keras.optimizers.Adam(FEATURE_LR), loss="sparse_categorical_crossentropy",
                  metrics=["accuracy"])
    return model


def trainable_count(model) -> int:
    """모델이 학습하는 매개변수(trainable_weights)의 수."""
    return int(sum(int(np.prod(w.shape)) for w in model.trainable_weights))


def _block_names(layers) -> tuple:
    """계층 이름(block1_conv1, …)에서 블록 이름(block1, block2, …)을 계층 차례대로, 겹치지 않게 모읍니다."""
    return tuple(dict.fromkeys(layer.name.split("_")[0] for layer in layers if re.match(r"block\d+_", layer.name)))


def unfrozen_blocks(model) -> tuple:
    """모델 안의 블록 모델(`blocks`)에서 학습하는 가중치가 있는 블록의 이름(block1, block2, …)을 차례로 돌려줍니다."""
    trainable = {id(w) for w in model.trainable_weights}
    blocks = next((layer for layer in model.layers if layer.name == "blocks"), None)  # 없으면 푼 블록도 없음
    return () if blocks is None else _block_names(layer for layer in blocks.layers if any(id(w) in trainable for w in layer.weights))


def fine_tune_facts(fn, blocks_config) -> dict | None:
    """특징 추출 모델을 새로 지어 fn에 넘기고, 돌려받은 모델의 학습하는 매개변수 수, 푼 블록, 다시 compile했는지,
    학습률이 작은지(FINE_TUNE_MAX_LR 이하)를 잽니다."""
    keras = _lazy.keras()
    model = feature_extraction_model(blocks_config)
    old_optimizer = model.optimizer
    tuned = fn(model)
    if tuned is None:
        return None
    if not isinstance(tuned, keras.Model):
        raise TypeError(f"모델(keras.Model)을 돌려주세요(return model). 돌려준 것: {type(tuned).__name__}")
    recompiled = getattr(tuned, "optimizer", None) is not None and tuned.optimizer is not old_optimizer
    small = False
    if recompiled:
        rate = tuned.optimizer.learning_rate
        small = bool(float(keras.ops.convert_to_numpy(rate() if callable(rate) else rate)) <= FINE_TUNE_MAX_LR * (1 + 1e-6))
    return {"학습하는 매개변수 수": trainable_count(tuned), "푼 블록": unfrozen_blocks(tuned),
            "다시 compile함": recompiled, "작은 학습률": small}


def _reference_fine_tune(model, *, unfreeze=True, refreeze_first=True, compile_again=True, rate=FINE_TUNE_MAX_LR):
    keras = _lazy.keras()
    blocks = model.get_layer("blocks")
    last = _block_names(blocks.layers)[-1]
    if unfreeze:
        blocks.trainable = True
    for layer in blocks.layers:
        if refreeze_first and not layer.name.startswith(last):
            layer.trainable = False
    if compile_again:
        model.compile(optimizer=keras.optimizers.Adam(rate), loss="sparse_categorical_crossentropy",
                      metrics=["accuracy"])
    return model


def package_fine_tune_facts(blocks_config) -> dict:
    return fine_tune_facts(_reference_fine_tune, blocks_config)


# 문제 6의 흔한 실수를 한 함수들 (tests/test_exercise_rules.py가 이 예로 메시지를 확인합니다)
def _tune_named_block2(model):  # 블록 이름을 적어 둔 답: 블록 둘인 8절의 모델에서만 맞음
    for layer in model.get_layer("blocks").layers:
        layer.trainable = layer.name.startswith("block2")
    return _reference_fine_tune(model, unfreeze=False, refreeze_first=False)  # 작은 학습률로 compile만


def _tune_nothing(model):
    return _reference_fine_tune(model, unfreeze=False, refreeze_first=False)


def _tune_everything(model):
    return _reference_fine_tune(model, refreeze_first=False)


def _tune_without_compile(model):
    return _reference_fine_tune(model, compile_again=False)


def _tune_with_big_rate(model):
    return _reference_fine_tune(model, rate=FEATURE_LR)


def q6_fine_tune() -> Exercise:
    return Exercise(
        6, "마지막 블록만 풀어 미세 조정 준비하기", "fine_tune",
        kind="build",
        expected=package_fine_tune_facts,
        measure=fine_tune_facts,
        cases=lambda: FINE_TUNE_CASES,
        hint_text="",
        hint_steps=(
            "모델 안의 블록 모델은 이름이 \"blocks\"인 계층 하나입니다(8절의 vgg_blocks가 붙인 이름). model.get_layer(\"blocks\")로 꺼내고, "
            "꺼낸 모델의 layers에서 계층 이름을 출력해 보세요.",
            "계층 이름은 block1_conv1처럼 블록 이름으로 시작합니다. 블록 수는 모델마다 다르니 이름들에서 마지막 블록을 "
            "찾으세요. blocks.trainable = True로 먼저 모두 푼 뒤, 그 블록이 아닌 계층만 다시 False로 두세요.",
            "trainable을 바꾼 뒤에는 다시 compile해야 학습에 반영됩니다. 손실은 특징 추출 때와 같게, 학습률은 문제에 "
            "적힌 한도 안에서 고르세요. 마지막으로 모델을 돌려주세요.",
        ),
        solution_text=(
            "def fine_tune(model):\n"
            "    blocks = model.get_layer(\"blocks\")\n"
            "    convs = [layer.name for layer in blocks.layers if isinstance(layer, keras.layers.Conv2D)]\n"
            "    last = convs[-1].split(\"_\")[0]  # 마지막 합성곱의 이름 block2_conv2 → 블록 이름 block2\n"
            "    blocks.trainable = True  # 먼저 블록 모델 전체를 풀고\n    for layer in blocks.layers:\n"
            "        if not layer.name.startswith(last):\n            layer.trainable = False  # 마지막 블록이 아닌 계층은 다시 고정\n"
            "    model.compile(optimizer=keras.optimizers.Adam(0.0002), loss=\"sparse_categorical_crossentropy\",\n"
            "                  metrics=[\"accuracy\"])  # trainable을 바꾼 뒤에는 다시 compile, 작은 학습률로\n"
            "    return model\n"
            "# 작은 학습률은 이미 쓸모 있는 필터를 조금만 고치게 합니다. 학습하는 것은 마지막 블록의 합성곱과 머리입니다."
        ),
        mistakes=[
            (lambda got, want: bool(got["푼 블록"]) and want["푼 블록"][-1] not in got["푼 블록"],
             "마지막이 아닌 블록을 풀었습니다. 블록 수가 다른 모델로도 채점하므로 \"block2\"처럼 이름을 적어 두지 말고, "
             "blocks.layers의 계층 이름에서 마지막 블록을 찾으세요.",
             _tune_named_block2),
            (lambda got, want: got["학습하는 매개변수 수"] < want["학습하는 매개변수 수"],
             "블록이 아직 고정되어 있어 머리만 학습합니다(특징 추출 그대로). 블록 모델 안에서 마지막 블록의 계층을 "
             "trainable = True로 푸세요.",
             _tune_nothing),
            (lambda got, want: got["학습하는 매개변수 수"] > want["학습하는 매개변수 수"],
             "앞쪽 블록까지 풀렸습니다. blocks.trainable = True는 안의 계층을 모두 풉니다. 마지막 블록이 아닌 계층은 "
             "그 뒤에 다시 trainable = False로 두세요.",
             _tune_everything),
            (lambda got, want: not got["다시 compile함"],
             "trainable을 바꾼 뒤 다시 compile하지 않았습니다. compile해야 바뀐 trainable이 학습에 반영됩니다.",
             _tune_without_compile),
            (lambda got, want: not got["작은 학습률"],
             "학습률이 큽니다. 미세 조정은 이미 학습한 필터를 조금만 고치도록, 특징 추출 때(0.002)의 10분의 1 이하의 "
             "학습률로 compile합니다.",
             _tune_with_big_rate),
        ],
    )


def q5_two_dropouts() -> Exercise:
    rate = DROPOUT_RATE
    keep = 1 - rate
    return Exercise(
        5, "학습할 때 Dropout(0.2) 두 번을 지난 값", "two_dropouts_answer",
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
            (lambda a: pair_close(a, 0, rate * rate),
             "0.2 × 0.2는 두 번 모두 0이 될 확률입니다. 한 번이라도 0이 되면 그 값은 0으로 남습니다.",
             (rate * rate, 1 / keep ** 2)),
            (lambda a: pair_close(a, 0, 2 * rate),
             "0이 된 비율을 더하지 마세요. 두 번째 드롭아웃은 이미 0인 값도 다시 고르므로, 살아남을 확률(0.8)을 곱해 "
             "생각하세요.",
             (2 * rate, 1 / keep ** 2)),
            (lambda a: pair_close(a, 0, rate),
             "그것은 드롭아웃 한 번의 비율입니다. 두 번째 드롭아웃이 남은 값 가운데 일부를 또 0으로 만듭니다.",
             (rate, 1 / keep)),
            (lambda a: pair_close(a, 1, 1 / keep),
             "1.25는 드롭아웃 한 번을 지난 값입니다. 두 번째 드롭아웃도 남은 값을 다시 키웁니다.",
             (1 - keep ** 2, 1 / keep)),
            (lambda a: pair_close(a, 1, 1 + 2 * (1 / keep - 1)),
             "키운 몫(0.25)을 두 번 더했나요? 두 번째 드롭아웃은 이미 키운 값을 다시 1.25배 합니다(곱하기).",
             (1 - keep ** 2, 1 + 2 * (1 / keep - 1))),
            (lambda a: any(pair_close(a, 1, v) for v in (keep, keep ** 2)),
             "Keras는 남은 값을 줄이지 않고 키워서, 평균이 1로 남게 합니다.",
             (1 - keep ** 2, keep ** 2)),
            (lambda a: pair_close(a, 1, 1.0),
             "추론할 때(training=False)는 1 그대로지만, 학습할 때는 남은 값을 키웁니다.",
             (1 - keep ** 2, 1.0)),
            (lambda a: not has(a, (2,)),
             "답은 (0이 된 비율, 남은 값) 두 값의 튜플로 쓰세요. 비율은 0~1 사이의 수입니다.",
             1 / keep ** 2),
        ],
    )


VGG16_BLOCKS = [(64, 2), (128, 2), (256, 3), (512, 3), (512, 3)]  # 논문 표 1의 구성 D


@functools.cache
def conv_macs(blocks, size=224) -> int:
    """패키지의 vgg_block으로 size×size×3 입력에 블록 목록의 합성곱 부분만 지어 곱셈-누산을 셉니다(count_macs)."""
    if size < 32 or size % 32:
        raise ValueError(f"size는 32의 배수(32 이상)여야 풀링 다섯 번 뒤에도 크기가 정수입니다. 받은 값: {size!r}")
    keras = _lazy.keras()
    from ..analysis.macs import count_macs
    from ..models import vgg_block

    inputs = keras.Input((size, size, 3))
    x = inputs
    for filters, convs in blocks:
        x = vgg_block(x, filters, convs)
    return int(count_macs(keras.Model(inputs, x)))


def vgg19_extra_macs() -> int:
    """VGG-19 − VGG-16의 곱셈-누산(224×224 이미지 한 장). 완전 연결 계층은 같아 합성곱 부분만 다릅니다."""
    return conv_macs(tuple(VGG19_BLOCKS)) - conv_macs(tuple(VGG16_BLOCKS))


def q3_vgg19_extra() -> Exercise:
    m3, m4, m5 = 56 * 56 * 9 * 256 * 256, 28 * 28 * 9 * 512 * 512, 14 * 14 * 9 * 512 * 512  # 블록 3·4·5의 넷째 합성곱
    return Exercise(
        3, "VGG-19는 VGG-16보다 곱셈-누산이 몇 번 많은가", "vgg19_extra_macs",
        expected=vgg19_extra_macs,
        hint_text=(
            "늘어난 것은 블록 3, 4, 5에 하나씩 더한 3×3 합성곱입니다. 합성곱마다 (출력 위치 수 H×W) × 9 × (입력 채널) × "
            "(필터 수)를 구해 더하세요. 블록 안의 합성곱은 가로·세로를 바꾸지 않으므로, H×W는 그 블록에 들어오는 특징 맵의 "
            "크기입니다. 5절의 block3 = block4도 떠올려 보세요."
        ),
        solution_text=(
            "vgg19_extra_macs = 56 * 56 * 9 * 256 * 256 + 28 * 28 * 9 * 512 * 512 + 14 * 14 * 9 * 512 * 512\n"
            "# = 1,849,688,064 + 1,849,688,064 + 462,422,016 = 4,161,798,144 (약 4.2G, VGG-16의 15.47G에 27% 더함)\n"
            "# 블록 3과 4의 넷째 합성곱은 위치가 4분의 1, 채널이 둘 다 두 배라 계산이 같습니다. 매개변수는 5,309,696개만 늘지만\n"
            "# 블록 3의 합성곱은 56×56 위치마다 계산하므로 곱셈-누산은 블록 5보다 4배 많습니다."
        ),
        mistakes=[
            (lambda a: a == (9 * 256 * 256 + 256) + 2 * (9 * 512 * 512 + 512) or a == 9 * 256 * 256 + 2 * 9 * 512 * 512,
             "그것은 늘어난 매개변수 수입니다. 곱셈-누산은 필터 하나의 가중치 수에 출력 위치 수(H×W)와 필터 수를 곱합니다.",
             9 * 256 * 256 + 2 * 9 * 512 * 512),
            (lambda a: a == 224 * 224 * 9 * (256 * 256 + 2 * 512 * 512),
             "블록 3·4·5의 합성곱은 224×224가 아니라 풀링을 거친 작은 특징 맵(블록 3은 56×56)에서 계산합니다.",
             224 * 224 * 9 * (256 * 256 + 2 * 512 * 512)),
            (lambda a: a == (m3 + m4 + m5) // 4,
             "블록 안의 합성곱은 풀링 앞에 있습니다. 블록 3의 합성곱은 28×28이 아니라 56×56 위치에서 계산합니다.",
             (m3 + m4 + m5) // 4),
            (lambda a: a in (m3, m5, m3 + m4, m3 + m5, 2 * m5),
             "합성곱은 블록 3, 4, 5에 하나씩, 모두 세 개가 늘었습니다.",
             m3 + m5),
        ],
    )


def exercises() -> list[Exercise]:
    return [q1_build_vgg(), q2_budget_block(), q3_vgg19_extra(), q4_random_top_k(), q5_two_dropouts(), q6_fine_tune()]
