"""cnn_helpers.analysis.erf 시험: effective_receptive_field, erf_spread (유효 수용 영역, Luo et al. 2016)."""

from __future__ import annotations

import math
import subprocess
import sys

import numpy as np
import pytest

from cnn_helpers import analysis as an
from cnn_helpers._lazy import quiet_tf_env

keras = pytest.importorskip("keras")
tf = pytest.importorskip("tensorflow")
layers = keras.layers


def uniform_stack(n, size):
    """편향·비선형 없는 3×3 균일(1/9) 합성곱 n층, 보폭 1, 'same'."""
    x = inp = keras.Input((size, size, 1))
    for _ in range(n):
        x = layers.Conv2D(
            1, 3, padding="same", use_bias=False, kernel_initializer=keras.initializers.Constant(1 / 9)
        )(x)
    return keras.Model(inp, x)


def trinomial_row(n):
    """(1 + z + z²)^n 의 계수 T(n, k), k = 0..2n.

    z² 를 고르는 인수 i 개, z 를 고르는 인수 k-2i 개: T(n, k) = Σ_i C(n, i) · C(n-i, k-2i).
    3×3 균일 합성곱 n층의 ERF 는 1차원 [1,1,1] 의 n겹 합성곱(= 이 계수)의 바깥곱입니다.
    """
    return np.array(
        [
            sum(math.comb(n, i) * math.comb(n - i, k - 2 * i) for i in range(k // 2 + 1))
            for k in range(2 * n + 1)
        ],
        float,
    )


@pytest.mark.parametrize("n", [1, 4, 10])
def test_erf_of_uniform_stack_is_trinomial(n):
    size = 33
    erf = an.effective_receptive_field(uniform_stack(n, size))
    assert erf.shape == (size, size)
    t = trinomial_row(n)
    expected = np.zeros((size, size))
    c = size // 2
    expected[c - n : c + n + 1, c - n : c + n + 1] = np.outer(t, t) / t.sum() ** 2
    np.testing.assert_allclose(erf / erf.sum(), expected, rtol=1e-5, atol=1e-12)
    # 축마다 분산 = n · Var(U{-1,0,1}) = 2n/3, 따라서 크기는 √n 에 비례
    sy, sx = an.erf_spread(erf, kind="axes")
    assert sy == pytest.approx(math.sqrt(2 * n / 3), rel=1e-5)
    assert sx == pytest.approx(math.sqrt(2 * n / 3), rel=1e-5)
    assert an.erf_spread(erf) == pytest.approx(math.sqrt(2 * n / 3), rel=1e-5)
    assert an.erf_spread(erf, kind="radial") == pytest.approx(math.sqrt(4 * n / 3), rel=1e-5)


def test_erf_is_zero_outside_theoretical_rf():
    keras.utils.set_random_seed(1)
    x = inp = keras.Input((40, 40, 2))
    x = layers.Conv2D(4, 3, strides=2, padding="same", activation="relu")(x)
    x = layers.Conv2D(4, 5, activation="relu")(x)
    x = layers.MaxPooling2D()(x)
    x = layers.Conv2D(4, 3, dilation_rate=2, padding="same", name="last")(x)
    model = keras.Model(inp, x)
    r = an.receptive_field(model).iloc[-1]
    c = (r["out_size"] - 1) // 2
    lo = -r["padding"] + c * r["jump"]
    hi = lo + r["rf"] - 1
    erf = an.effective_receptive_field(model, samples=3)
    inside = np.zeros_like(erf, bool)
    inside[max(lo, 0) : hi + 1, max(lo, 0) : hi + 1] = True
    assert erf[~inside].max() == 0
    assert erf[inside].sum() > 0


def test_erf_options_and_purity():
    keras.utils.set_random_seed(2)
    x = inp = keras.Input((17, 17, 3))
    x = layers.Conv2D(4, 3, padding="same", activation="relu", name="first")(x)
    x = layers.BatchNormalization()(x)
    x = layers.Conv2D(2, 3, padding="same", name="second")(x)
    x = layers.GlobalAveragePooling2D()(x)
    model = keras.Model(inp, layers.Dense(3)(x))
    before = [w.copy() for w in model.get_weights()]

    default = an.effective_receptive_field(model)  # Dense 앞의 마지막 공간 층 = second
    assert np.array_equal(default, an.effective_receptive_field(model, output_layer="second"))
    first = an.effective_receptive_field(model, output_layer="first")
    assert np.count_nonzero(first) <= 9 < np.count_nonzero(default) <= 25

    # 같은 시드 → 같은 결과, 다시 초기화해도 원래 가중치는 그대로
    a = an.effective_receptive_field(model, samples=3, reinitialize=True, seed=5)
    b = an.effective_receptive_field(model, samples=3, reinitialize=True, seed=5)
    c = an.effective_receptive_field(model, samples=3, reinitialize=True, seed=6)
    np.testing.assert_allclose(a, b)
    assert not np.allclose(a, c)
    for w0, w1 in zip(before, model.get_weights(), strict=True):
        np.testing.assert_array_equal(w0, w1)

    # images 인자: 직접 계산한 기울기와 같음 (채널 1 만)
    img = np.random.default_rng(0).normal(size=(2, 17, 17, 3)).astype("float32")
    got = an.effective_receptive_field(model, images=img, output_layer="second", channel=1)
    xt = tf.constant(img)
    sub = keras.Model(model.inputs, model.get_layer("second").output)
    with tf.GradientTape() as tape:
        tape.watch(xt)
        y = tf.reduce_sum(sub(xt, training=False)[:, 8, 8, 1])
    manual = np.abs(tape.gradient(y, xt).numpy()).sum(axis=-1).mean(axis=0)
    np.testing.assert_allclose(got, manual, rtol=1e-5, atol=1e-7)


def test_erf_argument_errors():
    model = uniform_stack(2, 9)
    with pytest.raises(ValueError, match="samples"):
        an.effective_receptive_field(model, samples=0)
    with pytest.raises(ValueError, match="output_layer"):
        an.effective_receptive_field(model, output_layer="nope")
    with pytest.raises(ValueError, match="channel"):
        an.effective_receptive_field(model, channel=3)
    with pytest.raises(ValueError, match="고정 입력 크기"):
        an.effective_receptive_field(model, input_shape=(10, 10, 1))
    with pytest.raises(TypeError, match="Keras 모델"):
        an.effective_receptive_field(np.zeros((3, 3)))
    flexible = keras.Sequential([keras.Input((None, None, 1)), layers.Conv2D(1, 3, padding="same")])
    with pytest.raises(ValueError, match="input_shape"):
        an.effective_receptive_field(flexible)
    assert an.effective_receptive_field(flexible, input_shape=(11, 11, 1)).shape == (11, 11)
    dense_only = keras.Sequential([keras.Input((4,)), layers.Dense(2)])
    with pytest.raises(ValueError, match="공간"):
        an.effective_receptive_field(dense_only)


def test_erf_spread_validation():
    with pytest.raises(ValueError, match="kind"):
        an.erf_spread(np.ones((3, 3)), kind="max")
    with pytest.raises(ValueError, match="음수"):
        an.erf_spread(-np.ones((3, 3)))
    with pytest.raises(ValueError, match="합이 0"):
        an.erf_spread(np.zeros((3, 3)))
    with pytest.raises(ValueError, match="2차원"):
        an.erf_spread(np.ones((2, 2, 2)))
    delta = np.zeros((5, 5))
    delta[2, 2] = 1
    assert an.erf_spread(delta) == 0
    assert an.erf_spread(np.ones((1, 3)), kind="axes") == (
        0.0,
        pytest.approx(math.sqrt(2 / 3)),
    )


@pytest.mark.slow
def test_many_erf_calls_write_no_retracing_warning():
    """층마다 ERF 를 재도 TensorFlow 의 재추적 경고가 stderr 에 나오지 않아야 합니다(노트북 시험이 깨짐)."""
    code = (
        "from cnn_helpers import _lazy; _lazy.tensorflow()\n"
        "import keras, cnn_helpers as ch\n"
        "x = inputs = keras.Input((24, 24, 1))\n"
        "for k in range(8):\n"
        "    x = keras.layers.Conv2D(1, 3, padding='same', name=f'c{k}')(x)\n"
        "m = keras.Model(inputs, x)\n"
        "for k in range(8):\n"
        "    ch.effective_receptive_field(m, output_layer=f'c{k}')\n"
        "print('ok')\n"
    )
    env = quiet_tf_env()
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=300)
    assert result.stdout.strip() == "ok", result.stderr
    assert "retracing" not in result.stderr
