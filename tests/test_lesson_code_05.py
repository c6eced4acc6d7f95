"""5강 노트북에 적힌 LeNet-5(서브클래싱 `LeNet5`, Sequential `lenet5_sequential`)가 패키지의 모델과 같습니다.

같다는 것: 계층마다 이름, 출력 모양, 매개변수 수가 같고, 가중치를 옮기면 출력이 같습니다.
"""

import numpy as np
import pytest

from cnn_helpers.diagrams import layer_specs
from cnn_helpers.models.lenet import lenet5, make_lenet5_class

from .lesson_code import lesson_namespace


@pytest.fixture(scope="module")
def lesson():
    return lesson_namespace("05_lenet5.ipynb")


def traced_specs(subclassed, input_shape):
    """서브클래싱 모델의 계층을 차례로 불러 [(이름, 출력 모양, 매개변수 수)]를 만듭니다 (입력 계층 없음)."""
    x = np.zeros((1, *input_shape), "float32")
    subclassed(x)  # 계층을 만듭니다(build)
    rows = []
    for layer in subclassed.layers:
        x = layer(x)
        rows.append((layer.name, tuple(x.shape[1:]), layer.count_params()))
    return rows


def package_specs(input_shape, classes=10):
    return [(s["name"], s["shape"], s["params"]) for s in layer_specs(lenet5(input_shape, classes))[1:]]


@pytest.mark.parametrize("input_shape", [(28, 28, 1), (32, 32, 3)])
def test_lesson_subclass_equals_the_package_model_layer_by_layer(lesson, input_shape):
    ours = traced_specs(lesson["LeNet5"](num_classes=10), input_shape)
    assert ours == package_specs(input_shape)
    assert ours == traced_specs(make_lenet5_class()(num_classes=10), input_shape)


def test_lesson_subclass_has_call_inside_the_class(lesson):
    """원래 강의의 버그(call이 클래스 밖)가 고쳐졌습니다: call은 LeNet5 자신의 메서드입니다."""
    cls = lesson["LeNet5"]
    assert "call" in vars(cls)
    out = cls(num_classes=5)(np.zeros((2, 28, 28, 1), "float32"))
    assert tuple(out.shape) == (2, 5)
    assert np.allclose(np.sum(out, axis=1), 1, atol=1e-5)  # 소프트맥스 확률


@pytest.mark.parametrize("input_shape, classes", [((28, 28, 1), 10), ((36, 36, 1), 4)])
def test_lesson_sequential_equals_the_package_model(lesson, input_shape, classes):
    ours = lesson["lenet5_sequential"](input_shape, classes)
    assert [(s["name"], s["shape"], s["params"]) for s in layer_specs(ours)[1:]] == package_specs(input_shape, classes)


def test_weights_move_between_the_lessons_two_models(lesson):
    """노트북처럼 서브클래싱 모델의 가중치를 Sequential 모델에 옮기면 출력이 같습니다."""
    images = np.random.default_rng(0).random((4, 28, 28, 1)).astype("float32")
    sub = lesson["LeNet5"]()
    seq = lesson["lenet5_sequential"]()
    sub(images)
    seq.set_weights(sub.get_weights())
    assert np.allclose(seq(images), sub(images), atol=1e-6)
    package = lenet5()
    package.set_weights(sub.get_weights())
    assert np.allclose(package(images), sub(images), atol=1e-6)


def test_exercise_texts_use_only_names_the_notebook_defines(lesson):
    """연습 문제의 문제·힌트·풀이에 나오는 `models.`은 노트북에서 불러오지 않으므로 쓰지 않습니다."""
    import json
    from pathlib import Path

    from cnn_helpers.exercises import lesson as exercises_of

    texts = [q.hint_text + q.solution_text for q in exercises_of("05")]
    cells = json.loads((Path(__file__).resolve().parents[1] / "notebooks" / "05_lenet5.ipynb").read_text(encoding="utf-8"))["cells"]
    texts += ["".join(c["source"]) for c in cells]
    assert not any("models." in t for t in texts)
    assert "lenet5_sequential" in lesson
