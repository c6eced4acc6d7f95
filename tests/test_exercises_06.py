"""6강 연습 문제: 전이 학습 모델 짓기(build), 예산 안의 블록 설계, 특징 추출기 위 머리, 드롭아웃의 흔한 실수."""

import keras
import numpy as np
import pytest

from cnn_helpers.exercises import CORRECT, UNATTEMPTED, WRONG, lesson
from cnn_helpers.exercises.lesson06 import (
    block_params,
    deepest_block_in_budget,
    dropout_kept_value,
    head_params,
    two_dropouts,
    vgg16_base_shape,
)

layers = keras.layers


@pytest.fixture(scope="module")
def q():
    return lesson("06")


def test_oracles_read_the_real_models():
    assert vgg16_base_shape((150, 150, 3)) == (4, 4, 512)  # 150 → 75 → 37 → 18 → 9 → 4 (내림)
    assert vgg16_base_shape((224, 224, 3)) == (7, 7, 512)
    assert vgg16_base_shape((96, 96, 3), "avg") == (512,)
    assert head_params((150, 150, 3), 10) == 4 * 4 * 512 * 10 + 10
    assert head_params((150, 150, 3), 10, "avg") == 512 * 10 + 10
    assert block_params((28, 28, 96), 192, 1) == 9 * 96 * 192 + 192
    convs, params = deepest_block_in_budget()
    assert convs == 3 and params <= 1_000_000 < block_params((28, 28, 96), 192, 4)
    assert dropout_kept_value(0.5) == 2.0 and dropout_kept_value() == pytest.approx(1.25)
    assert two_dropouts() == pytest.approx((0.36, 1.5625)) and two_dropouts(0.5) == pytest.approx((0.75, 4.0))


def test_design_accepts_a_list_and_names_the_budget(q):
    assert q[1].verdict(list(deepest_block_in_budget()))[0] == CORRECT
    status, message = q[1].verdict((4, 1_161_984))
    assert status == WRONG and "예산" in message and "830" not in message


def test_head_mistakes_teach_without_revealing(q):
    for wrong, words in [(128_010, "내림"), (250_890, "224×224"), (5_130, "pooling"), (81_920, "편향")]:
        status, message = q[2].verdict(wrong)
        assert status == WRONG and words in message and "81,930" not in message and "81930" not in message


def test_two_dropouts_accepts_expressions_and_numpy(q):
    assert q[3].verdict((1 - 0.8 * 0.8, 1.25 * 1.25))[0] == CORRECT
    assert q[3].verdict([np.float32(0.36), np.float64(1.5625)])[0] == CORRECT
    assert q[3].verdict(("0.36", "1.5625"))[0] == WRONG
    assert q[3].verdict(1.5625)[0] == WRONG
    for wrong, words in [((0.04, 1.5625), "두 번 모두 0"), ((0.4, 1.5625), "더하지"), ((0.36, 1.25), "한 번"),
                         ((0.36, 1.5), "곱하기"), ((0.36, 0.64), "키워서")]:
        status, message = q[3].verdict(wrong)
        assert status == WRONG and words in message and "1.5625" not in message, (wrong, message)


def _transfer(base, classes, *, freeze=True, pool="avg", activation="softmax"):
    base.trainable = not freeze
    inputs = keras.Input(base.input.shape[1:])
    x = base(inputs, training=False)
    x = {"avg": layers.GlobalAveragePooling2D(), "max": layers.GlobalMaxPooling2D(), "flat": layers.Flatten()}[pool](x)
    return keras.Model(inputs, layers.Dense(classes, activation=activation)(x))


def test_transfer_accepts_sequential_and_the_bases_own_tensors(q):
    def sequential(base, classes):
        base.trainable = False
        return keras.Sequential([base, layers.GlobalAveragePooling2D(), layers.Dense(classes, activation="softmax")])

    def on_base_output(base, classes):
        for layer in base.layers:  # 계층마다 고정해도 같습니다
            layer.trainable = False
        x = layers.GlobalAveragePooling2D()(base.output)
        return keras.Model(base.input, layers.Dense(classes, activation="softmax")(x))

    def softmax_layer(base, classes):  # 소프트맥스를 따로 된 계층으로
        base.trainable = False
        inputs = keras.Input(base.input.shape[1:])
        x = layers.GlobalAveragePooling2D()(base(inputs))
        return keras.Model(inputs, layers.Softmax()(layers.Dense(classes)(x)))

    for answer in (_transfer, sequential, on_base_output, softmax_layer):
        status, message = q[0].verdict(answer)
        assert status == CORRECT, message


@pytest.mark.parametrize("kwargs, words", [
    ({"freeze": False}, "trainable = False"),  # 특징 추출기까지 학습
    ({"pool": "flat"}, "전역 평균 풀링"),  # 평면화: 머리가 큼
    ({"activation": None}, "softmax"),  # 출력이 확률이 아님
])
def test_transfer_names_what_differs(q, kwargs, words):
    status, message = q[0].verdict(lambda base, classes: _transfer(base, classes, **kwargs))
    assert status == WRONG and words in message


def test_transfer_untouched_and_returning_the_base(q):
    assert q[0].verdict(lambda base, classes: None)[0] == UNATTEMPTED
    status, message = q[0].verdict(lambda base, classes: base)
    assert status == WRONG and "특징 맵" in message
