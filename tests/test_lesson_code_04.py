"""04강이 직접 쓰는 ERF 코드(`centre_gradient_map`, GradientTape)가 패키지의 `effective_receptive_field`와 같은지,
강의에서 옮겨 온 두 확인(유효 패딩의 손 계산, 수용 영역 탐색기의 상자), 그리고 연습 문제의 정답이 실제 모델과 맞는지."""

import keras
import numpy as np
import pytest
import tensorflow as tf

import cnn_helpers as ch
from cnn_helpers.rf_explorer import rf_explorer

from .lesson_code import lesson_namespace


@pytest.fixture(scope="module")
def centre_gradient_map():
    return lesson_namespace("04_receptive_field.ipynb")["centre_gradient_map"]


def lesson_small_model():
    """강의 2절의 작은 모델 (3×3 합성곱 두 계층 → 2×2 최대 풀링 → 3×3 합성곱)."""
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
    """강의의 더 알아보기('same' 패딩과 유효 패딩): 유효 패딩 P_l = P_(l−1) + p_l·j_(l−1)을 손으로 따라간 값이 receptive_field 표와 같습니다."""
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
    """강의 4절의 탐색기: block3_conv3의 (12, 24) 칸 상자 = 식 top = a·j − P, 크기 rf."""
    vgg16 = keras.applications.VGG16(weights=None)
    photo = np.zeros((224, 224, 3), dtype=np.uint8)
    explorer = rf_explorer(vgg16, photo, layer="block3_conv3", row=12, col=24)
    info = explorer.table.loc["block3_conv3"]
    top, left = 12 * info["jump"] - info["padding"], 24 * info["jump"] - info["padding"]
    assert (info["rf"], info["jump"], info["padding"]) == (40, 4, 18)
    assert explorer.box == ch.receptive_field_box(info, 12, 24, (224, 224)) == (top, left, top + info["rf"], left + info["rf"])


def _uniform_stack(depth, size):
    inputs = x = keras.Input((size, size, 1))
    for _ in range(depth):
        x = keras.layers.Conv2D(1, 3, padding="same", use_bias=False,
                                kernel_initializer=keras.initializers.Constant(1 / 9))(x)
    return keras.Model(inputs, x)


def test_q3_answer_is_the_depth_whose_measured_erf_has_sigma_6():
    """문제 3의 정답(σ² = 2n/3에서 구한 계층 수)만큼 쌓은 균일한 가중치 모델의 ERF를 실제로 재면 σ = 6입니다."""
    from cnn_helpers.exercises import lesson

    n = lesson("04")[2].expected()
    erf = ch.effective_receptive_field(_uniform_stack(n, 2 * n + 21))
    assert np.isclose(ch.erf_spread(erf), 6.0, rtol=1e-4)
    assert ch.erf_spread(ch.effective_receptive_field(_uniform_stack(n - 1, 2 * n + 21))) < 6.0


def test_q1_and_q2_answers_equal_keras_models():
    """문제 1: 같은 계층을 'same' 패딩으로 쌓은 Keras 모델의 표. 문제 2: rf 9, jump 2, P 3인 실제 모델의 칸 (0, 4) 기울기 범위."""
    from cnn_helpers.exercises import lesson

    q1, q2 = lesson("04")[:2]
    model = keras.Sequential([keras.Input((64, 64, 1)), keras.layers.Conv2D(1, 3, padding="same"),
                              keras.layers.Conv2D(1, 3, strides=2, padding="same"),
                              keras.layers.Conv2D(1, 3, dilation_rate=2, padding="same"),
                              keras.layers.MaxPooling2D(2), keras.layers.Conv2D(1, 3, padding="same")])
    last = ch.receptive_field(model).iloc[-1]
    assert (last["rf"], last["jump"]) == q1.expected()
    same_model = keras.Sequential([keras.Input((32, 32, 1)), keras.layers.Conv2D(2, 3, padding="same"),
                                   keras.layers.Conv2D(2, 3, strides=2, padding="same"),
                                   keras.layers.Conv2D(2, 3, padding="same")])
    table = ch.receptive_field(same_model)
    assert tuple(table.iloc[-1][["rf", "jump", "padding"]]) == (9, 2, 3)
    x = tf.random.stateless_normal((1, 32, 32, 1), seed=(0, 1))
    with tf.GradientTape() as tape:
        tape.watch(x)
        y = tf.reduce_sum(same_model(x)[0, 0, 4])
    g = np.abs(tape.gradient(y, x).numpy()[0, :, :, 0])
    rows, cols = np.flatnonzero(g.sum(axis=1)), np.flatnonzero(g.sum(axis=0))
    assert (rows[0], cols[0], rows[-1] + 1, cols[-1] + 1) == q2.expected()


@pytest.mark.parametrize("design", ["pool_first", "dilated", "solution"])
def test_q4_accepts_every_design_that_meets_the_budget(design):
    from cnn_helpers.exercises import CORRECT, lesson

    q4 = lesson("04")[3]
    layers = keras.layers

    def pool_first(x):
        x = layers.MaxPooling2D(2)(x)
        for _ in range(4):
            x = layers.Conv2D(64, 3, padding="same", activation="relu")(x)
        return x

    def dilated(x):
        x = layers.Conv2D(64, 3, strides=2, padding="same")(x)
        x = layers.Conv2D(64, 3, dilation_rate=2, padding="same")(x)
        return layers.Conv2D(64, 3, padding="same")(x)

    if design == "solution":
        namespace = {"keras": keras}
        exec(q4.solution_text, namespace)
        builder = namespace["my_design"]
    else:
        builder = {"pool_first": pool_first, "dilated": dilated}[design]
    assert q4.verdict(builder)[0] == CORRECT
