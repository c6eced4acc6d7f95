"""7강 노트북에 적힌 블록(태그 `lesson-code`)이 패키지의 시험된 블록과 같은지: 계층별 출력 모양·매개변수 수,
가지별 매개변수 수와 전체."""

import keras
import numpy as np
import pytest

from cnn_helpers import models
from cnn_helpers.diagrams import layer_specs

from .lesson_code import PRELUDE, lesson_cells

CASES = [((28, 28, 192), models.GOOGLENET_TABLE1["3a"]), ((14, 14, 480), models.GOOGLENET_TABLE1["4a"]),
         ((7, 7, 832), models.GOOGLENET_TABLE1["5b"]), ((9, 9, 10), (3, 4, 5, 6, 7, 8))]
BRANCHES = {"1x1": ("1x1",), "3x3": ("3x3_reduce", "3x3"), "5x5": ("5x5_reduce", "5x5"), "pool": ("pool", "pool_proj")}


@pytest.fixture(scope="module")
def lesson():
    """태그 `lesson-code` 셀을 차례로 실행한 변수 공간. 7강의 정의 셀은 정의 뒤에 블록을 만들어 세어 보는 줄도
    있어서(ch.count_macs, models.GOOGLENET_TABLE1, pd) 노트북의 import 셀과 같은 이름을 먼저 불러옵니다."""
    namespace: dict = {}
    exec(PRELUDE + "import pandas as pd\nimport cnn_helpers as ch\nfrom cnn_helpers import models\n", namespace)
    for source in lesson_cells("07_inception.ipynb"):
        exec(compile(source, "07_inception.ipynb[lesson-code]", "exec"), namespace)
    return namespace


def block_model(block, input_shape, args, **kwargs):
    inputs = keras.Input(input_shape)
    return keras.Model(inputs, block(inputs, *args, name="m", **kwargs))


def branch_params(model, with_bn=False):
    """가지마다 매개변수 수 (배치 정규화 계층이 있으면 그것도 그 가지에 셉니다)."""
    counts = {}
    for branch, suffixes in BRANCHES.items():
        names = [f"m_{s}" for s in suffixes] + ([f"m_{s}_bn" for s in suffixes] if with_bn else [])
        counts[branch] = sum(model.get_layer(n).count_params() for n in names
                             if n in {layer.name for layer in model.layers})
    return counts


@pytest.mark.parametrize("input_shape, args", CASES)
def test_lesson_inception_block_is_the_package_one(lesson, input_shape, args):
    ours = block_model(lesson["inception_block"], input_shape, args)
    package = block_model(models.inception_block, input_shape, args)
    assert layer_specs(ours) == layer_specs(package)  # 같은 이름, 종류, 출력 모양, 매개변수 수
    assert branch_params(ours) == branch_params(package)
    assert ours.count_params() == package.count_params()
    assert ours.output.shape[-1] == args[0] + args[2] + args[4] + args[5]
    for layer in ours.layers:  # 1×1 축소 계층을 포함한 모든 합성곱 뒤에 ReLU
        if isinstance(layer, keras.layers.Conv2D):
            assert layer.activation is keras.activations.relu


@pytest.mark.parametrize("input_shape, args", CASES[:2])
def test_lesson_block_with_batch_norm_is_the_package_one(lesson, input_shape, args):
    ours = block_model(lesson["inception_block"], input_shape, args, conv=lesson["conv_bn_relu"])
    package = block_model(models.inception_block, input_shape, args, batch_norm=True)
    assert layer_specs(ours) == layer_specs(package)
    assert branch_params(ours, with_bn=True) == branch_params(package, with_bn=True)
    for a, b in zip(ours.layers, package.layers):  # 강의는 epsilon을 Keras 기본값으로 둡니다 (패키지는 1e-5)
        if isinstance(a, keras.layers.BatchNormalization):
            assert a.momentum == b.momentum == 0.9


def test_lesson_naive_block_is_the_package_one(lesson):
    inputs = keras.Input((28, 28, 192))
    ours = keras.Model(inputs, lesson["naive_inception_block"](inputs, 64, 128, 32))
    package = keras.Model(inputs, models.naive_inception_block(inputs, 64, 128, 32))
    assert [(s["kind"], s["shape"], s["params"]) for s in layer_specs(ours)] == \
        [(s["kind"], s["shape"], s["params"]) for s in layer_specs(package)]


def test_tiny_model_is_the_package_blocks_with_batch_norm(lesson):
    """8절의 작은 모델: 같은 시드로 만들면 패키지 블록(batch_norm=True)으로 만든 모델과 가중치까지 같습니다."""
    def package_tiny():
        layers = keras.layers
        inputs = keras.Input((28, 28, 1))
        x = layers.Conv2D(32, 3, padding="same", use_bias=False)(inputs)
        x = layers.BatchNormalization(momentum=0.9)(x)
        x = layers.Activation("relu")(x)
        x = layers.MaxPooling2D(2)(x)
        x = models.inception_block(x, 16, 16, 32, 8, 16, 16, batch_norm=True)
        x = layers.MaxPooling2D(2)(x)
        x = models.inception_block(x, 32, 24, 48, 8, 16, 16, batch_norm=True)
        x = layers.GlobalAveragePooling2D()(x)
        return keras.Model(inputs, layers.Dense(10, activation="softmax")(x))

    keras.utils.set_random_seed(42)
    ours = lesson["tiny_inception"]()
    keras.utils.set_random_seed(42)
    package = package_tiny()
    assert [(s["kind"], s["shape"], s["params"]) for s in layer_specs(ours)] == \
        [(s["kind"], s["shape"], s["params"]) for s in layer_specs(package)]
    assert ours.count_params() == 32_106
    assert all(np.array_equal(a, b) for a, b in zip(ours.get_weights(), package.get_weights()))
