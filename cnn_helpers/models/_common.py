"""모델 파일들이 함께 쓰는 층 도우미: 이름 붙이기, 합성곱(+배치 정규화)(+활성화), 분류층 (내부용)."""

from __future__ import annotations

from .. import _lazy

# 배치 정규화 설정: PyTorch·Caffe와 같은 epsilon, 짧은 CPU 학습에서도 이동 평균이 빨리 따라오도록
# momentum 0.9 (Keras 기본값 0.99는 수백 단계가 지나야 평가 모드 통계가 맞춰집니다).
_BN = {"momentum": 0.9, "epsilon": 1e-5}


def layer_name(name, suffix):
    """블록 이름 `name`에 접미사를 붙인 층 이름. name이 None이면 Keras가 이름을 정합니다."""
    return None if name is None else f"{name}_{suffix}"


def conv(x, filters, kernel, *, strides=1, name=None, batch_norm=False, activation="relu", **kwargs):
    """합성곱 + (배치 정규화) + 활성화. batch_norm이면 합성곱 편향을 빼고 BN 뒤에 활성화를 둡니다."""
    layers = _lazy.keras().layers
    if not batch_norm:
        return layers.Conv2D(
            filters, kernel, strides=strides, padding="same", activation=activation, name=name, **kwargs
        )(x)
    x = layers.Conv2D(filters, kernel, strides=strides, padding="same", use_bias=False, name=name, **kwargs)(
        x
    )
    x = layers.BatchNormalization(name=layer_name(name, "bn"), **_BN)(x)
    if activation is not None:
        x = layers.Activation(activation, name=layer_name(name, "relu"))(x)
    return x


def classifier(x, classes, name="predictions"):
    return _lazy.keras().layers.Dense(classes, activation="softmax", name=name)(x)


def bn(x, name):
    return _lazy.keras().layers.BatchNormalization(name=name, **_BN)(x)


def resnet_conv(x, filters, kernel, stride, name):
    """ResNet 합성곱: 편향 없음(바로 뒤 BN의 β가 그 역할을 맡음), He 초기화."""
    return _lazy.keras().layers.Conv2D(
        filters,
        kernel,
        strides=stride,
        padding="same",
        use_bias=False,
        kernel_initializer="he_normal",
        name=name,
    )(x)


def conv_bn(x, filters, kernel, stride, name, index, *, relu):
    """블록 안의 index번째 합성곱 → 배치 정규화 (→ ReLU). 계층 이름은 keras.applications와 같은 꼴입니다."""
    y = resnet_conv(x, filters, kernel, stride, layer_name(name, f"{index}_conv"))
    y = bn(y, layer_name(name, f"{index}_bn"))
    return _lazy.keras().layers.Activation("relu", name=layer_name(name, f"{index}_relu"))(y) if relu else y
