"""03강에서 옮겨 온 확인: 풀링 탐색기의 단계 데이터(sliding_steps)가 SAME 풀링에서 ch.pool2d·TensorFlow와 같습니다."""

import numpy as np
import pytest
import tensorflow as tf

import cnn_helpers as ch
from cnn_helpers.sliding import assemble_output, sliding_steps


@pytest.mark.parametrize("mode", ["max", "avg"])
def test_explorer_steps_equal_same_pooling(mode):
    positive = np.arange(1, 26, dtype="float32").reshape(5, 5)
    steps = sliding_steps(positive, 2, padding="same", stride=2, mode=mode)
    expected = ch.pool2d(positive[None, :, :, None], 2, padding="same", mode=mode)[0, :, :, 0]
    pool = tf.nn.max_pool2d if mode == "max" else tf.nn.avg_pool2d
    assert np.allclose(assemble_output(steps), expected)
    assert np.allclose(expected, pool(positive[None, :, :, None], 2, 2, "SAME")[0, :, :, 0])
    # 마지막 창(오른쪽 아래)에는 실제 입력 25 하나뿐이고 패딩 세 칸은 계산에서 빠집니다.
    assert steps[-1].out == (2, 2)
    assert "25" in steps[-1].formula() and "패딩 3칸 제외" in steps[-1].formula()
