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


def _vgg(x, convs, filters, *, activation="relu", padding="same", pool=True, first_only=False, kernel=3):
    for n, f in zip(convs, filters):
        for i in range(n):
            x = layers.Conv2D(f, kernel, padding=padding, activation=activation if (i == 0 or not first_only) else None)(x)
        x = layers.MaxPooling2D(2)(x) if pool else x
    return x


def test_build_accepts_a_separate_relu_layer_and_the_lessons_block(q):
    def with_relu_layers(x, convs, filters):
        for n, f in zip(convs, filters):
            for _ in range(n):
                x = layers.ReLU()(layers.Conv2D(f, 3, padding="same")(x))
            x = layers.MaxPooling2D(2, strides=2)(x)
        return x

    def with_package_block(x, convs, filters):
        from cnn_helpers.models import vgg_block

        for n, f in zip(convs, filters):
            x = vgg_block(x, f, n)
        return x

    for answer in (_vgg, with_relu_layers, with_package_block):
        status, message = q[0].verdict(answer)
        assert status == CORRECT, message


@pytest.mark.parametrize("kwargs, words", [
    ({"padding": "valid"}, "padding='same'"),  # 합성곱이 크기를 줄임
    ({"pool": False}, "블록마다"),  # 풀링이 없음: 가로·세로가 큼
    ({"activation": None}, "ReLU 수가 0"),  # 모양과 매개변수는 같지만 비선형성이 없음
    ({"first_only": True}, "ReLU 수가 모자랍니다"),
    ({"kernel": 5}, "3×3"),
])
def test_build_names_what_differs(q, kwargs, words):
    status, message = q[0].verdict(lambda x, c, f: _vgg(x, c, f, **kwargs))
    assert status == WRONG and words in message


def test_build_untouched(q):
    assert q[0].verdict(lambda x, c, f: None)[0] == UNATTEMPTED
