"""cnn_helpers.models.stacks 시험 (4·6강): conv_stack."""

from __future__ import annotations


def test_conv_stack_matches_the_notebooks():
    """4강(편향 없음, valid)과 6강(same, ReLU)이 쓰던 conv_stack을 패키지 함수로 만듭니다."""
    from cnn_helpers.analysis import receptive_field
    from cnn_helpers.models import conv_stack

    c = 64
    for kernels, units in [([3, 3], 18), ([5], 25), ([3, 3, 3], 27), ([7], 49)]:
        model = conv_stack(kernels, c, input_size=32, use_bias=False)
        assert model.count_params() == units * c * c
        assert int(receptive_field(model)["rf"].iloc[-1]) == 1 + sum(k - 1 for k in kernels)
    same = conv_stack([3, 3], c, input_size=56, padding="same", activation="relu")
    assert tuple(same.output.shape[1:]) == (56, 56, c) and same.count_params() == 2 * (9 * c * c + c)
