"""6강 연습 문제: include_top=False의 출력 모양(값 문제)과 VGG 블록 만들기(build 문제)의 흔한 실수."""

import keras
import pytest

from cnn_helpers.exercises import CORRECT, UNATTEMPTED, WRONG, lesson
from cnn_helpers.exercises.lesson06 import vgg16_base_shape

layers = keras.layers


@pytest.fixture(scope="module")
def q():
    return lesson("06")


def test_base_shape_is_kerass_and_pooling_gives_a_vector():
    assert vgg16_base_shape((96, 96, 3)) == (3, 3, 512)
    assert vgg16_base_shape((224, 224, 3)) == (7, 7, 512)
    assert vgg16_base_shape((96, 96, 3), "avg") == vgg16_base_shape((96, 96, 3), "max") == (512,)


@pytest.mark.parametrize("answer, words", [
    ((7, 7, 512), "224×224"),
    ((512,), "pooling"),
    ((None, 3, 3, 512), "배치 축"),
    ((6, 6, 512), "다섯"),
    ((3, 3, 256), "필터 수"),
])
def test_q2_mistakes_teach_without_revealing(q, answer, words):
    status, message = q[1].verdict(answer)
    assert status == WRONG and words in message and "(3, 3, 512)" not in message


def test_q2_accepts_a_list_or_numpy_shape(q):
    import numpy as np

    assert q[1].verdict([3, 3, 512])[0] == CORRECT
    assert q[1].verdict(np.array([3, 3, 512]))[0] == CORRECT


def _block(x, filters, convs, *, activation="relu", padding="same", pool=True, first_only=False):
    for i in range(convs):
        x = layers.Conv2D(filters, 3, padding=padding, activation=activation if (i == 0 or not first_only) else None)(x)
    return layers.MaxPooling2D(2)(x) if pool else x


def test_build_accepts_a_separate_relu_layer(q):
    def with_relu_layers(x, filters, convs):
        for _ in range(convs):
            x = layers.ReLU()(layers.Conv2D(filters, 3, padding="same")(x))
        return layers.MaxPooling2D(2)(x)

    assert q[3].verdict(_block)[0] == CORRECT
    assert q[3].verdict(with_relu_layers)[0] == CORRECT


@pytest.mark.parametrize("kwargs, words", [
    ({"padding": "valid"}, "출력 모양"),  # 합성곱이 크기를 줄임
    ({"pool": False}, "출력 모양"),  # 최대 풀링을 잊음
    ({"activation": None}, "ReLU 수"),  # 모양과 매개변수는 같지만 비선형성이 없음
    ({"first_only": True}, "ReLU 수"),
])
def test_build_names_what_differs(q, kwargs, words):
    status, message = q[3].verdict(lambda x, f, c: _block(x, f, c, **kwargs))
    assert status == WRONG and words in message


def test_build_wrong_kernel_and_untouched(q):
    status, message = q[3].verdict(lambda x, f, c: _block(layers.Conv2D(f, 5, padding="same")(x), f, c - 1)
                                   if c > 1 else layers.MaxPooling2D(2)(layers.Conv2D(f, 5, padding="same")(x)))
    assert status == WRONG and "매개변수 수" in message
    assert q[3].verdict(lambda x, f, c: None)[0] == UNATTEMPTED
