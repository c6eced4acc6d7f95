"""04강이 직접 쓰는 ERF 코드(`centre_gradient_map`, GradientTape)가 패키지의 `effective_receptive_field`와 같은지,
그리고 강의에서 옮겨 온 두 확인(유효 패딩의 손 계산, 수용 영역 탐색기의 상자)."""

import keras
import numpy as np
import pytest
from lesson_code import lesson_namespace

import cnn_helpers as ch
from cnn_helpers.rf_explorer import rf_explorer


@pytest.fixture(scope="module")
def centre_gradient_map():
    return lesson_namespace("04_receptive_field.ipynb")["centre_gradient_map"]


def lesson_small_model():
    """강의 1절의 작은 모델 (3×3 합성곱 두 층 → 2×2 최대 풀링 → 3×3 합성곱)."""
    return keras.Sequential([
        keras.Input(shape=(32, 32, 1)),
        keras.layers.Conv2D(4, 3, name="conv1"),
        keras.layers.Conv2D(4, 3, name="conv2"),
        keras.layers.MaxPooling2D(2, name="pool"),
        keras.layers.Conv2D(4, 3, name="conv3"),
    ])


@pytest.mark.parametrize("samples,seed", [(1, 0), (16, 0), (5, 7)])
def test_lesson_erf_equals_package_erf(centre_gradient_map, samples, seed):
    model = lesson_small_model()
    mine = centre_gradient_map(model, samples=samples, seed=seed)
    theirs = ch.effective_receptive_field(model, samples=samples, seed=seed)
    assert mine.shape == theirs.shape == (32, 32)
    np.testing.assert_allclose(mine, theirs, rtol=1e-5, atol=1e-7)


def test_lesson_erf_on_a_same_padded_multichannel_model(centre_gradient_map):
    """짝수 출력 크기·'same' 패딩·스트라이드·입력 채널 3개에서도 같은 가운데 칸을 고릅니다."""
    model = keras.Sequential([keras.Input((20, 18, 3)), keras.layers.Conv2D(5, 3, padding="same", activation="relu"),
                              keras.layers.Conv2D(6, 3, strides=2, padding="same")])
    np.testing.assert_allclose(centre_gradient_map(model, samples=4, seed=3),
                               ch.effective_receptive_field(model, samples=4, seed=3), rtol=1e-5, atol=1e-7)


def test_effective_padding_by_hand_equals_the_table():
    """강의 5절: 유효 패딩 P_l = P_(l−1) + p_l·j_(l−1)을 손으로 따라간 값이 receptive_field 표와 같습니다."""
    model = keras.Sequential([
        keras.Input(shape=(32, 32, 1)),
        keras.layers.Conv2D(4, 3, padding="same", name="conv1"),
        keras.layers.Conv2D(4, 3, strides=2, padding="same", name="conv2"),
        keras.layers.Conv2D(4, 3, padding="same", name="conv3"),
    ])
    p1, p2, p3 = ch.same_padding(32, 3)[0], ch.same_padding(32, 3, 2)[0], ch.same_padding(16, 3)[0]
    assert [p1, p2, p3] == [1, 0, 1]
    assert [p1, p1 + p2 * 1, p1 + p2 * 1 + p3 * 2] == ch.receptive_field(model)["padding"].tolist() == [1, 1, 3]


def test_explorer_box_on_vgg16_matches_the_formula():
    """강의 5절의 탐색기: block3_conv3의 (12, 24) 칸 상자 = 식 top = a·j − P, 크기 rf."""
    vgg16 = keras.applications.VGG16(weights=None)
    photo = np.zeros((224, 224, 3), dtype=np.uint8)
    explorer = rf_explorer(vgg16, photo, layer="block3_conv3", row=12, col=24)
    info = explorer.table.loc["block3_conv3"]
    top, left = 12 * info["jump"] - info["padding"], 24 * info["jump"] - info["padding"]
    assert (info["rf"], info["jump"], info["padding"]) == (40, 4, 18)
    assert explorer.box == ch.receptive_field_box(info, 12, 24, (224, 224)) == (top, left, top + info["rf"], left + info["rf"])
