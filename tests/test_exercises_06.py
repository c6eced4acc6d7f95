"""6강 연습 문제: VGG 블록 만들기(build), 예산 안의 블록 설계, 특징 추출기 위 머리, 드롭아웃의 흔한 실수."""

import keras
import numpy as np
import pytest

from cnn_helpers.exercises import CORRECT, UNATTEMPTED, WRONG, lesson
from cnn_helpers.exercises.lesson06 import (
    block_params,
    deepest_block_in_budget,
    dropout_kept_value,
    head_params,
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


def test_design_accepts_a_list_and_names_the_budget(q):
    assert q[1].verdict(list(deepest_block_in_budget()))[0] == CORRECT
    status, message = q[1].verdict((4, 1_161_984))
    assert status == WRONG and "예산" in message and "830" not in message


def test_head_mistakes_teach_without_revealing(q):
    for wrong, words in [(128_010, "내림"), (250_890, "224×224"), (5_130, "pooling"), (81_920, "편향")]:
        status, message = q[2].verdict(wrong)
        assert status == WRONG and words in message and "81,930" not in message and "81930" not in message


def test_dropout_accepts_the_fraction_and_numpy(q):
    assert q[3].verdict(1 / (1 - 0.2))[0] == CORRECT
    assert q[3].verdict(np.float32(1.25))[0] == CORRECT
    assert q[3].verdict("1.25")[0] == WRONG


def _block(x, filters, convs, *, activation="relu", padding="same", pool=True, first_only=False):
    for i in range(convs):
        x = layers.Conv2D(filters, 3, padding=padding, activation=activation if (i == 0 or not first_only) else None)(x)
    return layers.MaxPooling2D(2)(x) if pool else x


def test_build_accepts_a_separate_relu_layer(q):
    def with_relu_layers(x, filters, convs):
        for _ in range(convs):
            x = layers.ReLU()(layers.Conv2D(filters, 3, padding="same")(x))
        return layers.MaxPooling2D(2)(x)

    assert q[0].verdict(_block)[0] == CORRECT
    assert q[0].verdict(with_relu_layers)[0] == CORRECT


@pytest.mark.parametrize("kwargs, words", [
    ({"padding": "valid"}, "padding='same'"),  # 합성곱이 크기를 줄임
    ({"pool": False}, "최대 풀링"),  # 최대 풀링을 잊음
    ({"activation": None}, "ReLU 수가 0"),  # 모양과 매개변수는 같지만 비선형성이 없음
    ({"first_only": True}, "ReLU 수가 모자랍니다"),
])
def test_build_names_what_differs(q, kwargs, words):
    status, message = q[0].verdict(lambda x, f, c: _block(x, f, c, **kwargs))
    assert status == WRONG and words in message


def test_build_wrong_kernel_and_untouched(q):
    first_5x5 = layers.Conv2D  # 첫 합성곱만 5×5: 모양과 ReLU 수는 맞고 매개변수만 많음

    def block(x, f, c):
        x = first_5x5(f, 5, padding="same", activation="relu")(x)
        return _block(x, f, c - 1) if c > 1 else layers.MaxPooling2D(2)(x)

    status, message = q[0].verdict(block)
    assert status == WRONG and "3×3" in message
    assert q[0].verdict(lambda x, f, c: None)[0] == UNATTEMPTED
