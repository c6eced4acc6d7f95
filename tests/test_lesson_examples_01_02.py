"""01·02강 노트북에 있던 도우미 자체 확인 셀을 옮긴 시험: 탐색기·애니메이션이 그리는 단계(`sliding_steps`)가
강의의 예제에서 numpy 참조 구현·SciPy·TensorFlow와 같은 값을 냅니다. (무작위 입력 전반은 test_sliding.py)"""

import numpy as np
import pytest
import scipy.signal

from cnn_helpers import _lazy, ops
from cnn_helpers.sliding import assemble_output, kernel_preset, output_size_formula, sliding_steps

# 01강 2절의 손 계산 예제
X01 = np.array([[3, 1, 0, 2],
                [1, 5, 2, 0],
                [4, 2, 6, 1],
                [2, 0, 1, 3]])
KERNEL01 = np.array([[1, 0, -1],
                     [1, 0, -1],
                     [1, 0, -1]])
# 01강 4절의 대칭이 아닌 필터
ASYM01 = np.array([[1, 2, 0],
                   [0, 1, 0],
                   [0, 0, -1]])


def test_lesson01_steps_equal_the_hand_computation_and_tensorflow():
    steps = sliding_steps(X01, KERNEL01)
    assert [step.out for step in steps] == [(0, 0), (0, 1), (1, 0), (1, 1)]
    assert steps[0].formula() == "3×1 + 1×0 + 0×(-1) + 1×1 + 5×0 + 2×(-1) + 4×1 + 2×0 + 6×(-1) = 0"
    by_hand = np.array([[0, 5], [-2, 3]])
    assert np.array_equal(assemble_output(steps), by_hand)
    assert np.array_equal(ops.correlate2d(X01, KERNEL01), by_hand)
    tf = _lazy.tensorflow()
    with_tf = tf.nn.conv2d(X01[None, :, :, None].astype("float32"), KERNEL01[:, :, None, None].astype("float32"),
                           strides=1, padding="VALID")[0, :, :, 0].numpy()
    assert np.array_equal(with_tf, by_hand)


def test_lesson01_flipped_steps_are_true_convolution():
    flipped = assemble_output(sliding_steps(X01, ASYM01, flip=True))
    assert np.array_equal(flipped, ops.convolve2d(X01, ASYM01))
    assert np.array_equal(flipped, scipy.signal.convolve2d(X01, ASYM01, mode="valid"))


@pytest.mark.parametrize("padding, stride, dilation, count, formula", [
    (1, 2, 1, 9, "⌊(6 + 2×1 − 3) / 2⌋ + 1 = ⌊2.5⌋ + 1 = 3"),
    (0, 2, 1, 4, "⌊(6 + 2×0 − 3) / 2⌋ + 1 = ⌊1.5⌋ + 1 = 2"),
    ("same", 2, 1, 9, "SAME 패딩 앞 0·뒤 1: (6 + 0 + 1 − 3) / 2 + 1 = 3"),
    (0, 1, 2, 4, "(6 + 2×0 − 5) / 1 + 1 = 2   (팽창한 커널이 덮는 길이 2×(3−1)+1 = 5)"),
])
def test_lesson02_steps_equal_conv2d_with_padding_stride_dilation(padding, stride, dilation, count, formula):
    x6 = np.random.default_rng(0).integers(0, 10, size=(6, 6))
    edge = kernel_preset("edge", 3)
    steps = sliding_steps(x6, edge, padding=padding, stride=stride, dilation=dilation)
    expected = ops.conv2d(x6[None, :, :, None], edge[:, :, None, None], padding=padding, stride=stride,
                          dilation=dilation)[0, :, :, 0]
    assert np.array_equal(assemble_output(steps), expected)
    assert len(steps) == count
    assert output_size_formula(6, 3, padding, stride, dilation) == formula
