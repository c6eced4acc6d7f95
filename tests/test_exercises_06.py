"""6강 연습 문제(절 순서): 합성곱 수와 VGG 규칙으로 VGG 짓기(build), 예산 안의 블록 설계, VGG-19의 곱셈-누산,
무작위로 고르는 분류기의 top-5, 드롭아웃의 흔한 실수, 마지막 블록만 푸는 미세 조정(build)."""

import keras
import numpy as np
import pytest

from cnn_helpers.exercises import CORRECT, UNATTEMPTED, WRONG, lesson
from cnn_helpers.exercises.lesson06 import (
    VGG16_CONV_PARAMS,
    VGG19_BLOCKS,
    VGG19_PARAMS,
    _reference_fine_tune,
    block_params,
    deepest_block_in_budget,
    dropout_kept_value,
    feature_extraction_model,
    head_params,
    trainable_count,
    two_dropouts,
    unfrozen_blocks,
    vgg16_base_shape,
    vgg_filters,
)
from cnn_helpers.exercises.lesson06_topk import random_top_k

layers = keras.layers


def label_ranks(probs, labels) -> np.ndarray:
    """행마다 정답보다 확률이 높은 부류의 수(0이면 1위). 강의 6절의 `rank`, 문제 4 셀과 같은 계산입니다."""
    probs, labels = np.asarray(probs, dtype=float), np.asarray(labels)
    if probs.ndim != 2 or labels.shape != (len(probs),):
        raise ValueError(f"probs는 (이미지, 부류) 2차원, labels는 이미지마다 하나여야 합니다. 받은 모양: {probs.shape}, {labels.shape}")
    return np.sum(probs > probs[np.arange(len(probs)), labels][:, None], axis=1)


def simulated_top_k(k=5, classes=(10, 1000), images=10_000, seed=0) -> tuple:
    """정답과 상관없는 균등 난수를 확률 대신 써서 top-k 정확도를 잽니다(노트북 문제 4 셀과 같은 계산)."""
    rng = np.random.default_rng(seed)
    return tuple(float(np.mean(label_ranks(rng.random((images, n)), rng.integers(n, size=images)) < k)) for n in classes)


@pytest.fixture(scope="module")
def q():
    return lesson("06")


def test_oracles_read_the_real_models():
    assert vgg16_base_shape((150, 150, 3)) == (4, 4, 512)  # 150 → 75 → 37 → 18 → 9 → 4 (내림)
    assert vgg16_base_shape((224, 224, 3)) == (7, 7, 512)
    assert vgg16_base_shape((96, 96, 3), "avg") == (512,)
    assert head_params((150, 150, 3), 10) == 4 * 4 * 512 * 10 + 10
    assert head_params((150, 150, 3), 10, "avg") == 512 * 10 + 10
    base = keras.applications.VGG16(weights=None, include_top=False, input_shape=(150, 150, 3))
    assert base.count_params() == VGG16_CONV_PARAMS  # 문제 3의 흔한 오답(모델 전체, 고정한 블록)
    assert block_params((28, 28, 96), 192, 1) == 9 * 96 * 192 + 192
    convs, params = deepest_block_in_budget()
    assert convs == 3 and params <= 1_000_000 < block_params((28, 28, 96), 192, 4)
    assert dropout_kept_value(0.5) == 2.0 and dropout_kept_value() == pytest.approx(1.25)
    assert two_dropouts() == pytest.approx((0.36, 1.5625)) and two_dropouts(0.5) == pytest.approx((0.75, 4.0))


def test_design_accepts_a_list_and_names_the_budget(q):
    assert q[1].verdict(list(deepest_block_in_budget()))[0] == CORRECT
    status, message = q[1].verdict((4, 1_161_984))
    assert status == WRONG and "예산" in message and "830" not in message


def test_unfrozen_blocks_names_the_blocks_that_train():
    model = feature_extraction_model([(8, 1), (16, 2), (32, 1)])
    assert unfrozen_blocks(model) == ()  # 특징 추출: 블록은 모두 고정
    assert unfrozen_blocks(_reference_fine_tune(model)) == ("block3",)
    assert unfrozen_blocks(keras.Sequential([keras.Input((2,)), keras.layers.Dense(1)])) == ()  # blocks가 없는 모델


def test_fine_tune_counts_the_last_block_and_the_head(q):
    model = feature_extraction_model([(16, 2), (32, 2)])
    assert trainable_count(model) == 7 * 7 * 32 * 5 + 5 == 7_845  # 6절의 특징 추출: 머리만
    tuned = _reference_fine_tune(model)
    assert trainable_count(tuned) == (9 * 16 * 32 + 32) + (9 * 32 * 32 + 32) + 7_845 == 21_733  # block2 + 머리
    assert q[5].verdict(_reference_fine_tune)[0] == CORRECT

    def by_layers(model):  # 블록 모델의 trainable은 그대로 두고 계층만 풀어도 Keras 3에서는 학습합니다
        blocks = model.get_layer("blocks")
        last = [layer.name for layer in blocks.layers if layer.name.startswith("block")][-1].split("_")[0]  # 입력 이름이 block…가 아님
        for layer in blocks.layers:
            layer.trainable = layer.name.startswith(last)
        model.compile(optimizer=keras.optimizers.SGD(1e-4), loss="sparse_categorical_crossentropy")
        return model

    assert q[5].verdict(by_layers)[0] == CORRECT

    namespace = {"keras": keras}
    exec(q[5].solution_text, namespace)  # 풀이: blocks.trainable = True를 먼저 두고 앞 블록을 다시 고정
    assert q[5].verdict(namespace["fine_tune"])[0] == CORRECT
    solved = namespace["fine_tune"](feature_extraction_model([(16, 2), (32, 2)]))
    assert solved.get_layer("blocks").trainable and trainable_count(solved) == 21_733
    assert q[5].verdict(lambda model: None)[0] == UNATTEMPTED
    status, message = q[5].verdict(lambda model: 21_733)
    assert status == WRONG and "keras.Model" in message
    for example, words in zip([m[2] for m in q[5].mistakes], ("마지막이 아닌 블록", "고정되어", "앞쪽 블록", "compile", "학습률")):
        status, message = q[5].verdict(example)
        assert status == WRONG and words in message and "21,733" not in message, message
    assert "21,733" not in q[5].hint_text and "21733" not in q[5].hint_text


def test_two_dropouts_accepts_expressions_and_numpy(q):
    assert q[4].verdict((1 - 0.8 * 0.8, 1.25 * 1.25))[0] == CORRECT
    assert q[4].verdict([np.float32(0.36), np.float64(1.5625)])[0] == CORRECT
    assert q[4].verdict(("0.36", "1.5625"))[0] == WRONG
    assert q[4].verdict(1.5625)[0] == WRONG
    for wrong, words in [((0.04, 1.5625), "두 번 모두 0"), ((0.4, 1.5625), "더하지"), ((0.36, 1.25), "한 번"),
                         ((0.36, 1.5), "곱하기"), ((0.36, 0.64), "키워서")]:
        status, message = q[4].verdict(wrong)
        assert status == WRONG and words in message and "1.5625" not in message, (wrong, message)


def _vgg(convs, input_shape=(224, 224, 3), classes=1000, head="flatten", first_filters=64, *, pool=None, fcs=None,
         activation="softmax"):
    from cnn_helpers.models import vgg_block

    inputs = keras.Input(shape=input_shape)
    x = inputs
    for filters, n in zip(vgg_filters(convs, first_filters), convs):
        x = vgg_block(x, filters, n)
    pool = pool or head
    x = {"flatten": layers.Flatten(), "gap": layers.GlobalAveragePooling2D()}[pool](x)
    for _ in range((2 if head == "flatten" else 0) if fcs is None else fcs):
        x = layers.Dense(4096, activation="relu")(x)
    return keras.Model(inputs, layers.Dense(classes, activation=activation)(x))


def test_vgg_rule_doubles_and_stops_at_512():
    assert vgg_filters((2, 2, 3, 3, 3)) == [64, 128, 256, 512, 512]
    assert vgg_filters((1, 1, 2, 2, 2), 128) == [128, 256, 512, 512, 512]


def test_build_vgg19_has_the_papers_parameter_count():
    assert _vgg(tuple(n for _, n in VGG19_BLOCKS)).count_params() == VGG19_PARAMS == 143_667_240


@pytest.mark.slow  # VGG-16 크기의 모델을 여러 개 짓습니다
def test_build_vgg_accepts_sequential_and_a_separate_softmax(q):
    def sequential(convs, input_shape, classes, head="flatten", first_filters=64):
        model = keras.Sequential([keras.Input(shape=input_shape)])
        filters = first_filters
        for n in convs:
            for _ in range(n):
                model.add(layers.Conv2D(filters, 3, padding="same", activation="relu"))
            model.add(layers.MaxPooling2D(2))
            filters = min(2 * filters, 512)
        if head == "gap":
            model.add(layers.GlobalAveragePooling2D())
        else:
            model.add(layers.Flatten())
            model.add(layers.Dense(4096, activation="relu"))
            model.add(layers.Dense(4096, activation="relu"))
        model.add(layers.Dense(classes, activation="softmax"))
        return model

    def softmax_layer(convs, input_shape, classes, head="flatten", first_filters=64):
        return keras.Model(*_split_softmax(convs, input_shape, classes, head, first_filters))

    for answer in (_vgg, sequential, softmax_layer):
        status, message = q[0].verdict(answer)
        assert status == CORRECT, message


def _split_softmax(convs, input_shape, classes, head="flatten", first_filters=64):
    model = _vgg(convs, input_shape, classes, head, first_filters, activation=None)
    return model.input, layers.Softmax()(model.output)


@pytest.mark.parametrize("kwargs, words", [
    ({"pool": "gap"}, "head='flatten'"),  # 머리를 늘 전역 평균 풀링으로 (4,096 계층은 그대로)
    ({"pool": "flatten"}, "GlobalAveragePooling2D"),  # head를 무시하고 늘 평면화
    ({"fcs": 2}, "Dense(소프트맥스) 하나만"),  # 'gap' 머리에도 4,096 계층 두 개
    ({"activation": None}, "softmax"),  # 출력이 확률이 아님
])
def test_build_vgg_names_what_differs(q, kwargs, words):
    def answer(convs, input_shape, classes, head="flatten", first_filters=64):
        if "fcs" in kwargs and head == "flatten":
            return _vgg(convs, input_shape, classes, head, first_filters)
        return _vgg(convs, input_shape, classes, head, first_filters, **kwargs)

    status, message = q[0].verdict(answer)
    assert status == WRONG and words in message and "143,667,240" not in message


def test_build_vgg_untouched_copied_from_vgg16_or_without_the_rule(q):
    assert q[0].verdict(lambda convs, input_shape, classes, head="flatten", first_filters=64: None)[0] == UNATTEMPTED
    status, message = q[0].verdict(lambda convs, input_shape, classes, head="flatten", first_filters=64:
                                   _vgg((2, 2, 3, 3, 3), input_shape, classes, head))
    assert status == WRONG and "13개" in message

    def uncapped(convs, input_shape, classes, head="flatten", first_filters=64):  # 두 배로만 늘림
        from cnn_helpers.models import vgg_block

        inputs = keras.Input(shape=input_shape)
        x = inputs
        for i, n in enumerate(convs):
            x = vgg_block(x, first_filters * 2 ** i, n)
        x = layers.GlobalAveragePooling2D()(x) if head == "gap" else layers.Dense(4096)(layers.Dense(4096)(layers.Flatten()(x)))
        return keras.Model(inputs, layers.Dense(classes, activation="softmax")(x))

    status, message = q[0].verdict(uncapped)
    assert status == WRONG and "512" in message


def test_vgg19_extra_macs_is_read_from_real_blocks_and_mistakes_do_not_reveal_it(q):
    """문제 3(곱셈-누산): 답은 실제 Keras 계층으로 센 값이고, 오답 메시지는 답을 드러내지 않습니다."""
    from cnn_helpers.exercises.lesson06 import conv_macs, vgg19_extra_macs

    m3, m4, m5 = 56 * 56 * 9 * 256 * 256, 28 * 28 * 9 * 512 * 512, 14 * 14 * 9 * 512 * 512
    assert vgg19_extra_macs() == m3 + m4 + m5 == 4_161_798_144 and m3 == m4
    assert q[2].variable == "vgg19_extra_macs" and q[2].verdict(4_161_798_144)[0] == CORRECT
    for wrong, words in [(5_309_696, "매개변수"), (224 * 224 * 9 * (256 * 256 + 2 * 512 * 512), "224×224"),
                         ((m3 + m4 + m5) // 4, "풀링 앞"), (m3, "세 개"), (m5, "세 개")]:
        status, message = q[2].verdict(wrong)
        assert status == WRONG and words in message and "4,161,798,144" not in message and "4161798144" not in message
    with pytest.raises(ValueError, match="32의 배수"):
        conv_macs(((64, 2),), size=100)


def test_fine_tune_hint_comes_in_steps(q, capsys):
    """문제 6의 힌트는 단계로 나뉩니다: 첫 hint()는 첫 단계만, 부를 때마다 한 단계씩 더 (마지막 단계에서 멈춤)."""
    import copy

    exercise = copy.copy(q[5])
    steps = exercise.hint_steps
    assert len(steps) == 3 and exercise.hint_text == " ".join(steps)
    exercise.hint()
    first = capsys.readouterr().out
    assert steps[0] in first and steps[1] not in first and "한 번 더" in first
    for _ in range(3):
        exercise.hint()
    last = capsys.readouterr().out.split("💡 힌트 6 (1/3단계)")[-1]
    assert all(step in last for step in steps) and "한 번 더" not in last


def test_hint_steps_must_be_text():
    from cnn_helpers.exercises._core import Exercise

    with pytest.raises(TypeError, match="hint_steps"):
        Exercise(1, "t", "v", expected=lambda: 1, hint_text="", solution_text="", hint_steps=("", 3))


def test_random_top_k_is_k_over_classes_and_names_each_mistake(q):
    """문제 4: 무작위 확률의 top-5 정확도는 5 / 부류 수이고(1만 장으로 잰 값과 맞음), 흔한 실수마다 다른 말을 합니다."""
    assert random_top_k() == pytest.approx((0.5, 0.005)) and random_top_k(k=1) == pytest.approx((0.1, 0.001))
    assert simulated_top_k() == pytest.approx(random_top_k(), abs=0.015)
    assert list(label_ranks([[0.1, 0.6, 0.2, 0.1], [0.5, 0.1, 0.3, 0.1]], [1, 2])) == [0, 1]
    with pytest.raises(ValueError, match="2차원"):
        label_ranks([0.1, 0.9], [1])
    q4 = q[3]
    assert q4.number == 4 and q4.variable == "random_top5"
    for right in ((0.5, 0.005), [5 / 10, 5 / 1000], np.array([0.5, 0.005])):
        assert q4.verdict(right)[0] == CORRECT
    assert q4.verdict(...)[0] == UNATTEMPTED
    for wrong, word in [((0.005, 0.5), "순서"), ((0.1, 0.001), "top-1"), ((0.5, 0.995), "오류율"), ((50, 0.5), "퍼센트"),
                        ((0.5, 0.05), "1,000가지"), ((0.5, 0.5), "1,000가지"), (0.5, "튜플")]:
        status, message = q4.verdict(wrong)
        assert status == WRONG and word in message and "0.005" not in message, (wrong, message)


def test_notebook_random_top_k_cell_measures_with_the_lessons_rank():
    """노트북 문제 4 셀은 6절과 같은 순위 계산(정답보다 확률이 높은 부류의 수)으로 무작위 확률의 top-5를 잽니다."""
    import json

    from tools import NOTEBOOKS

    nb = json.loads((NOTEBOOKS / "06_vgg.ipynb").read_text(encoding="utf-8"))
    source = next("".join(c["source"]) for c in nb["cells"] if "q4.check()" in "".join(c["source"]))
    assert "random_top5 = ..." in source and "probs > " in source and "< 5" in source
