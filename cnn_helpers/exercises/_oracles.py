"""정답을 계산하는 함수들 (oracles): 손으로 적은 숫자가 아니라 시험으로 검증된 패키지 함수나 실제 Keras
계층으로 계산합니다. Keras 모델을 만드는 것은 한 번만 계산하고 기억해 둡니다 (functools.lru_cache)."""

from __future__ import annotations

import functools

import numpy as np

from .. import _lazy, ops
from ..analysis._graph import input_tensors, producer


def random_pairs(shapes, seed):
    rng = np.random.default_rng(seed)
    return [(rng.integers(-4, 5, size=xs), rng.integers(-2, 3, size=ks)) for xs, ks in shapes]


@functools.cache
def conv2d_params(filters, kernel, channels) -> int:
    """Keras Conv2D 계층을 실제로 만들어 매개변수 수를 셉니다."""
    keras = _lazy.keras()

    layer = keras.layers.Conv2D(filters, kernel)
    layer.build((None, 32, 32, channels))
    return layer.count_params()

def pool(x, size, stride=None, padding="valid", mode="max") -> np.ndarray:
    """2-D 배열 하나를 ops.pool2d로 풀링합니다 (채널·배치 축을 붙였다 뗍니다)."""
    return ops.pool2d(np.asarray(x, float)[None, :, :, None], size, stride=stride, padding=padding, mode=mode)[0, :, :, 0]


@functools.cache
def dense_after_flatten_params(shape, units) -> int:
    """Flatten → Dense(units) 모델을 Keras로 실제로 만들어 매개변수 수를 셉니다 (Flatten은 0개)."""
    keras = _lazy.keras()

    model = keras.Sequential([keras.Input(shape), keras.layers.Flatten(), keras.layers.Dense(units)])
    return model.count_params()


def has(a, shape) -> bool:
    return np.shape(a) == shape


def pair_close(a, i, value) -> bool:
    """답이 값 두 개짜리이고 그 i번째가 value와 (부동소수 오차 안에서) 같은지. 숫자가 아니면 False."""
    try:
        return has(a, (2,)) and bool(np.isclose(float(a[i]), value))
    except (TypeError, ValueError):
        return False


@functools.cache
def lenet_layer(input_shape, name, attribute):
    """models.lenet5를 실제로 만들어 계층의 값(매개변수 수나 출력 모양)을 꺼냅니다."""
    from ..models import lenet5
    model = lenet5(input_shape=input_shape)
    if name is None:
        return model.count_params()
    layer = model.get_layer(name)
    return layer.count_params() if attribute == "params" else tuple(layer.output.shape[1:])


_BUILT: dict = {}


def cached(key, build):
    """큰 모델을 만드는 계산은 한 번만 하고 결과(숫자)를 기억해 둡니다."""
    if key not in _BUILT:
        _BUILT[key] = build()
    return _BUILT[key]


@functools.cache
def vgg16_fc1_params(input_shape) -> int:
    from .. import models

    _lazy.keras()
    return models.vgg16(input_shape=input_shape).get_layer("fc1").count_params()


def macs_of(build) -> int:
    """build(keras, inputs)로 만든 출력까지의 모델을 세우고 analysis.count_macs로 곱셈-누산을 셉니다."""
    keras = _lazy.keras()
    from ..analysis import count_macs

    inputs, outputs = build(keras)
    return count_macs(keras.Model(inputs, outputs))


@functools.cache
def head_params(kind) -> int:
    """7×7×1024 특징 맵 뒤의 분류 머리(평면화 또는 전역 평균 풀링 + Dense(10))를 Keras로 만들어 매개변수를 셉니다."""
    keras = _lazy.keras()
    squash = keras.layers.Flatten() if kind == "flatten" else keras.layers.GlobalAveragePooling2D()
    return keras.Sequential([keras.Input(shape=(7, 7, 1024)), squash, keras.layers.Dense(10)]).count_params()


def table1(key):
    from ..models import GOOGLENET_TABLE1

    return GOOGLENET_TABLE1[key]


def resnet_block(block, input_shape, filters, **kwargs):
    """models의 잔차 블록(block: 'residual_block' 또는 'bottleneck_block') 하나를 실제 Keras 모델로 만듭니다."""
    from .. import models
    keras = _lazy.keras()

    inputs = keras.Input(shape=input_shape)
    return keras.Model(inputs, getattr(models, block)(inputs, filters, name="block", **kwargs))


@functools.cache
def lenet_layer_macs(name, input_shape=(28, 28, 1)) -> int:
    """models.lenet5의 계층 name 한 번 호출의 곱셈-누산 수 (analysis.layer_macs)."""
    from ..analysis.macs import layer_macs
    from ..models import lenet5

    _lazy.keras()
    return layer_macs(lenet5(input_shape=input_shape).get_layer(name))


def built_model_facts(builder, input_shape, *args) -> dict | None:
    """`builder(입력 텐서, *args)`로 블록을 실제로 만들어 출력 모양과 매개변수 수를 돌려줍니다.

    build 연습 문제에서 학생의 함수와 패키지의 함수를 같은 방법으로 잽니다. builder가 None을 돌려주면 None.
    """
    built = build_model(builder, input_shape, *args)
    return None if built is None else _shape_and_params(*built)


def build_model(builder, input_shape, *args):
    """builder로 블록을 만들어 (모델, 출력 텐서)를, builder가 None을 돌려주면 None을 돌려줍니다."""
    keras = _lazy.keras()

    inputs = keras.Input(tuple(input_shape))
    outputs = builder(inputs, *args)
    return None if outputs is None else (keras.Model(inputs, outputs), outputs)


def _shape_and_params(model, outputs) -> dict:
    return {"출력 모양": tuple(outputs.shape[1:]), "매개변수 수": int(model.count_params())}


def is_relu(operation) -> bool:
    """ReLU를 적용하는 연산인지: layers.ReLU, layers.Activation("relu"), activation="relu"인 계층, keras.ops.relu."""
    if type(operation).__name__ in ("ReLU", "Relu"):
        return True
    return getattr(getattr(operation, "activation", None), "__name__", "") == "relu"


def built_block_structure(builder, input_shape, *args) -> dict | None:
    """built_model_facts에 블록의 짜임을 더합니다: 합성곱마다 (커널, 스트라이드, 필터 수)를 정렬한 목록,
    더하기(Add)에 들어가는 값 가운데 ReLU를 바로 거친 것이 있는지, 출력이 ReLU를 거쳤는지.

    출력 모양과 매개변수 수가 같아도 스트라이드를 다른 합성곱에 두었거나 ReLU 자리가 다르면 여기서 드러납니다.
    """
    keras = _lazy.keras()

    built = build_model(builder, input_shape, *args)
    if built is None:
        return None
    model, outputs = built
    operations = model.operations
    convs = sorted((op.kernel_size[0], op.strides[0], op.filters)
                   for op in operations if isinstance(op, keras.layers.Conv2D))
    add_inputs = [tensor for op in operations if type(op).__name__ == "Add" for tensor in input_tensors(op)]
    relu_before_add = any(is_relu(producer(tensor)) for tensor in add_inputs)
    return {
        **_shape_and_params(model, outputs),
        "합성곱 (커널, 스트라이드, 필터 수)": convs,
        "더하기 바로 앞의 ReLU": "있음" if relu_before_add else "없음",
        "더한 뒤의 ReLU": "있음" if is_relu(producer(outputs)) else "없음",
    }
