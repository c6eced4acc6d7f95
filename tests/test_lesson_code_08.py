"""8강 노트북에 적힌 잔차 블록·병목 블록·ResNet이 패키지(cnn_helpers.models)의 시험된 판과 같습니다.

같다는 것: 계층마다 이름, 종류, 출력 모양, 매개변수 수가 같고, 계층의 순서도 같습니다.
"""

import keras
import pytest

from cnn_helpers import models
from cnn_helpers.diagrams import layer_specs

from .lesson_code import PRELUDE, lesson_cells


class _Unchecked:
    """답 셀의 q1.check() 자리: 이 시험은 채점하지 않고 블록 코드만 봅니다(빈칸이면 풀이로 바꾸는 것은 진짜 문제 1에 맡김)."""

    def check(self):
        pass

    def yours_if_correct(self, fn):
        from cnn_helpers.exercises import lesson

        return lesson("08")[0].yours_if_correct(fn)


@pytest.fixture(scope="module")
def lesson():
    """노트북의 lesson-code 셀들 (문제 1의 답 셀은 빈칸 그대로: 다음 셀이 풀이의 add_shortcut으로 바꿉니다)."""
    namespace = {"q1": _Unchecked()}
    exec(PRELUDE, namespace)
    for source in lesson_cells("08_resnet.ipynb"):
        exec(compile(source, "08_resnet.ipynb[lesson-code]", "exec"), namespace)
    return namespace


def test_add_shortcut_is_left_for_the_student(lesson):
    """문제 1: 답 셀의 add_shortcut은 빈칸이고, 블록 셀이 그것을 풀이로 바꿔 강의가 계속됩니다."""
    cell = next(source for source in lesson_cells("08_resnet.ipynb") if "def add_shortcut(" in source)
    assert "...  # 여기를 채우세요" in cell and "layers.Add" not in cell
    from cnn_helpers.exercises import lesson08

    assert lesson["add_shortcut"] is lesson08.reference_add_shortcut


def test_the_solution_of_q1_in_the_lesson_equals_the_package(lesson):
    """문제 1의 풀이를 노트북의 conv_bn과 함께 쓰면 블록이 패키지와 같습니다."""
    from cnn_helpers.exercises import lesson as exercises_of

    namespace = dict(lesson)
    exec(exercises_of("08")[0].solution_text, namespace)
    exec(compile(next(s for s in lesson_cells("08_resnet.ipynb") if "def residual_block(" in s)
                 .replace("add_shortcut = q1.yours_if_correct(add_shortcut)", ""), "blocks", "exec"), namespace)
    for input_shape, filters, stride in BLOCK_CASES:
        for plain in (False, True):
            ours = block_model(namespace["residual_block"], input_shape, filters, stride, plain)
            package = block_model(models.residual_block, input_shape, filters, stride, plain)
            assert specs(ours) == specs(package)


def specs(model):
    """입력 계층(이름이 매번 다름)을 뺀 계층별 (이름, 종류, 출력 모양, 매개변수 수)."""
    return [(s["name"], s["kind"], s["shape"], s["params"]) for s in layer_specs(model)[1:]]


def block_model(block, input_shape, filters, stride, plain):
    inputs = keras.Input(shape=input_shape)
    return keras.Model(inputs, block(inputs, filters, stride, name="q", plain=plain))


BLOCK_CASES = [
    ((8, 8, 16), 16, 1),  # 모양이 그대로: 항등 지름길
    ((8, 8, 16), 32, 2),  # 크기 절반, 채널 두 배: 투영 지름길
    ((8, 8, 16), 32, 1),  # 채널만 바뀜: 투영 지름길
    ((9, 9, 8), 8, 2),  # 홀수 크기에서 스트라이드 2
    ((8, 8, 64), 16, 1),  # 병목 블록의 항등 지름길 (64 = 4 · 16)
    ((14, 14, 64), 32, 2),
]


@pytest.mark.parametrize("block", ["residual_block", "bottleneck_block"])
@pytest.mark.parametrize("input_shape, filters, stride", BLOCK_CASES)
@pytest.mark.parametrize("plain", [False, True])
def test_lesson_block_equals_package_block(lesson, block, input_shape, filters, stride, plain):
    ours = block_model(lesson[block], input_shape, filters, stride, plain)
    package = block_model(getattr(models, block), input_shape, filters, stride, plain)
    assert specs(ours) == specs(package)
    assert ours.count_params() == package.count_params()
    assert ours.output.shape == package.output.shape


@pytest.mark.parametrize("depth", [18, 34, 50])
@pytest.mark.parametrize("plain", [False, True])
def test_lesson_resnet_equals_package_resnet(lesson, depth, plain):
    ours = lesson["resnet"](depth, input_shape=(32, 32, 1), classes=10, width=4, plain=plain)
    package = models.resnet(depth, input_shape=(32, 32, 1), classes=10, width=4, plain=plain)
    assert specs(ours) == specs(package)
    assert ours.name == package.name


def test_lesson_stage_table_is_the_paper_table(lesson):
    assert lesson["RESNET_STAGES"] == models.RESNET_STAGES


@pytest.mark.slow
def test_full_size_resnet50_matches(lesson):
    """노트북이 224×224에서 세는 ResNet-50 (표 1과 비교하는 모델)도 패키지와 같습니다."""
    assert lesson["resnet"](50).count_params() == models.resnet(50).count_params() == 25_610_152
