"""6강 노트북에 적힌 `vgg_block`과 `build_vgg16`이 패키지의 시험된 `models.vgg_block`, `models.vgg16`과 같습니다
(계층마다 이름, 종류, 출력 모양, 매개변수 수)."""

import keras
import pytest

from cnn_helpers import models
from cnn_helpers.diagrams import layer_specs

from .lesson_code import PRELUDE, lesson_cells


@pytest.fixture(scope="module")
def lesson():
    """태그 `lesson-code` 셀을 차례로 실행한 변수 공간. 6강의 정의 셀은 정의 뒤에 블록을 지어 손 계산과 견주고
    VGG-16을 그리는 줄도 있어서(ch.model_table, ch.diagrams, plt) 노트북의 import 셀과 같은 이름을 먼저 불러옵니다."""
    import matplotlib.pyplot as plt

    namespace: dict = {}
    exec(PRELUDE + "import matplotlib.pyplot as plt\nimport cnn_helpers as ch\n", namespace)
    for source in lesson_cells("06_vgg.ipynb"):
        exec(compile(source, "06_vgg.ipynb[lesson-code]", "exec"), namespace)
    plt.close("all")
    return namespace


def _specs(model):
    return [(s["name"], s["kind"], s["shape"], s["params"]) for s in layer_specs(model)]


def _block_model(block, shape, filters, convs, name):
    inputs = keras.Input(shape)
    return keras.Model(inputs, block(inputs, filters, convs, name=name))


@pytest.mark.parametrize("shape, filters, convs", [((32, 32, 3), 64, 2), ((14, 14, 32), 16, 3), ((9, 9, 8), 4, 1)])
def test_lessons_block_is_the_packages(lesson, shape, filters, convs):
    ours = _block_model(lesson["vgg_block"], shape, filters, convs, "block1")
    package = _block_model(models.vgg_block, shape, filters, convs, "block1")
    assert _specs(ours) == _specs(package)
    assert [getattr(layer, "activation", None).__name__ for layer in ours.layers[1:-1]] == ["relu"] * convs


def test_lessons_block_without_name_builds(lesson):
    inputs = keras.Input((8, 8, 2))
    assert tuple(lesson["vgg_block"](inputs, 5, 2).shape[1:]) == (4, 4, 5)


@pytest.mark.parametrize("input_shape, classes", [((224, 224, 3), 1000), ((32, 32, 3), 10)])
def test_lessons_vgg16_is_the_packages(lesson, input_shape, classes):
    ours = lesson["build_vgg16"](input_shape=input_shape, classes=classes)
    package = models.vgg16(input_shape=input_shape, classes=classes)
    assert _specs(ours) == _specs(package)
    assert ours.layers[-1].activation.__name__ == package.layers[-1].activation.__name__ == "softmax"
    if input_shape == (224, 224, 3):
        assert ours.count_params() == 138_357_544


def test_imagenet_feature_extraction_recipe_runs():
    """더 알아보기 "ImageNet으로 학습된 VGG-16"의 특징 추출 코드 조각이 그대로 돕니다(오프라인이라 weights=None, 사진 대신 작은 배열)."""
    import json
    import re

    import numpy as np
    from keras import layers

    from .lesson_code import NOTEBOOKS

    cells = json.loads((NOTEBOOKS / "06_vgg.ipynb").read_text(encoding="utf-8"))["cells"]
    text = next("".join(c["source"]) for c in cells
                if "".join(c["source"]).startswith("## 더 알아보기: ImageNet으로 학습된 VGG-16"))
    (recipe,) = re.findall(r"```python\n(.*?)```", text, re.S)
    assert recipe.count('weights="imagenet"') == 1 and "epochs=5" in recipe
    recipe = recipe.replace('weights="imagenet"', "weights=None").replace("epochs=5", "epochs=1")
    images = np.random.default_rng(0).integers(0, 256, (4, 224, 224, 3)).astype("uint8")
    namespace = {"keras": keras, "layers": layers, "images": images, "labels": np.array([0, 1, 2, 0]), "num_classes": 3}
    exec(compile(recipe, "06_vgg.ipynb[recipe]", "exec"), namespace)
    model, base = namespace["model"], namespace["base"]
    assert model.output.shape[-1] == 3 and not base.trainable
    assert sum(int(np.prod(w.shape)) for w in model.trainable_weights) == 512 * 3 + 3  # 머리만 학습
    assert np.allclose(namespace["images"], images)  # 전처리가 원래 배열을 바꾸지 않음
