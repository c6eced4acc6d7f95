"""tests/models 의 시험 파일들이 함께 쓰는 도우미: 학습 한 단계, 작은 배치, 손으로 센 MAC, 한국어 오류 확인.

학습 한 단계 시험은 run_eagerly=True로 돌립니다: 한 단계만 돌릴 때는 tf.function 추적(GoogLeNet은
2코어 CPU에서 10초 넘게 걸림)보다 즉시 실행이 훨씬 빠릅니다. 그래프 모드는 LeNet으로 한 번 확인합니다.
"""

from __future__ import annotations

import math
import re

import keras
import numpy as np

HANGUL = re.compile("[가-힣]")


def macs_by_hand(model) -> int:
    """합성곱·완전 연결 층의 곱셈-덧셈 수 (He et al. 표 1의 FLOPs와 같은 세는 법).

    cnn_helpers.analysis.count_macs를 교차 확인하려고 시험 안에 따로 둔 간단한 계산기입니다.

    합성곱: 출력 세로·가로 × 커널 세로·가로 × 입력 채널 × 출력 채널, 완전 연결: 입력 × 출력.
    BN·ReLU·풀링·덧셈은 세지 않습니다.
    """
    total = 0
    for layer in model.layers:
        if isinstance(layer, keras.layers.Conv2D):
            _, oh, ow, _ = layer.output.shape
            kh, kw, cin, cout = layer.kernel.shape
            total += oh * ow * kh * kw * cin * cout
        elif isinstance(layer, keras.layers.Dense):
            cin, cout = layer.kernel.shape
            total += cin * cout
    return total


def n_trainable(model) -> int:
    return sum(math.prod(w.shape) for w in model.trainable_weights)


def korean_error(excinfo, *needles):
    """오류 메시지가 한국어이고 주어진 조각을 모두 담고 있는지 확인합니다."""
    msg = str(excinfo.value)
    assert HANGUL.search(msg), msg
    for needle in needles:
        assert needle in msg, (needle, msg)


def one_step(model, x, y, *, eager=True):
    """작은 배치로 학습 한 단계를 돌리고 (손실, 가중치가 바뀌었는지)를 돌려줍니다."""
    if not model.built:
        model(x[:1])  # 서브클래싱 모델은 처음 부를 때 가중치가 생깁니다.
    n_out = len(getattr(model, "outputs", None) or [None])  # 서브클래싱 모델은 outputs가 없음
    model.compile(
        optimizer=keras.optimizers.Adam(1e-3),
        loss=["sparse_categorical_crossentropy"] * n_out,
        loss_weights=[1.0] + [0.3] * (n_out - 1),  # GoogLeNet 보조 분류기 손실 가중치 0.3 (논문)
        run_eagerly=eager,
    )
    before = [w.numpy().copy() for w in model.trainable_weights]
    hist = model.fit(x, [y] * n_out if n_out > 1 else y, batch_size=len(x), epochs=1, verbose=0)
    changed = any(not np.array_equal(b, w.numpy()) for b, w in zip(before, model.trainable_weights, strict=True))
    return hist.history["loss"][0], changed


def batch(shape, n=4, classes=10, seed=0):
    rng = np.random.default_rng(seed)
    return rng.random((n, *shape), dtype=np.float32), rng.integers(0, classes, n)
