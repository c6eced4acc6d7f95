"""6강 연습 문제: VGG."""

from __future__ import annotations

import functools

from .. import _lazy
from ._core import Exercise
from ._oracles import block_layer_params, cached, vgg16_fc1_params


@functools.cache
def vgg16_base_shape(input_shape, pooling=None) -> tuple:
    """keras.applications.VGG16(weights=None, include_top=False, …)을 실제로 만들어 출력 모양(배치 축 뺌)을 봅니다.

    weights=None이므로 아무것도 내려받지 않습니다.
    """
    keras = _lazy.keras()
    base = keras.applications.VGG16(weights=None, include_top=False, pooling=pooling, input_shape=input_shape)
    shape = tuple(int(d) for d in base.output.shape[1:])
    del base
    return shape


def vgg_block_facts(builder, input_shape, filters, convs) -> dict | None:
    """`builder(입력 텐서, filters, convs)`로 블록을 만들어 출력 모양, 매개변수 수, ReLU 수를 잽니다.

    ReLU는 매개변수도 모양도 바꾸지 않으므로 따로 셉니다: ReLU 활성화를 쓰는 합성곱과 ReLU 계층.
    """
    keras = _lazy.keras()

    inputs = keras.Input(tuple(input_shape))
    outputs = builder(inputs, filters, convs)
    if outputs is None:
        return None
    model = keras.Model(inputs, outputs)
    relus = 0
    for layer in model.layers:
        activation = getattr(getattr(layer, "activation", None), "__name__", None)
        relus += activation == "relu" or isinstance(layer, keras.layers.ReLU)
    return {"출력 모양": tuple(outputs.shape[1:]), "매개변수 수": int(model.count_params()), "ReLU 수": int(relus)}


def package_vgg_block_facts(input_shape, filters, convs) -> dict:
    from ..models import vgg_block

    return vgg_block_facts(vgg_block, input_shape, filters, convs)


def exercises() -> list[Exercise]:
    return [
        Exercise(
            1, "block3_conv1의 매개변수 수", "block3_conv1_params",
            expected=lambda: block_layer_params("vgg_block", (56, 56, 128), (256, 3), ["conv1"]),
            hint_text="필터 하나는 3 × 3 × (입력 채널 수) 가중치와 편향 하나를 가집니다. 입력 채널은 앞 블록의 필터 수입니다.",
            solution_text="block3_conv1_params = 3 * 3 * 128 * 256 + 256  # 295,168",
            mistakes=[
                (lambda a: a == 3 * 3 * 128 * 256, "편향(필터마다 하나)을 빠뜨리지 않았나요?"),
                (lambda a: a in (3 * 3 * 256 * 256 + 256, 3 * 3 * 256 * 256),
                 "블록의 첫 합성곱은 앞 블록의 출력을 받습니다. 입력 채널이 몇 개인가요?"),
                (lambda a: a in (3 * 3 * 3 * 256 + 256, 3 * 3 * 3 * 256),
                 "입력 채널은 RGB 3개가 아니라 바로 앞 계층 출력의 채널 수입니다."),
                (lambda a: a > 10_000_000, "합성곱 계층의 매개변수 수는 입력의 가로·세로(56×56)와 상관이 없습니다."),
            ],
        ),
        Exercise(
            2, "96×96 입력에서 include_top=False의 출력 모양", "vgg_base_shape_96",
            expected=lambda: vgg16_base_shape((96, 96, 3)),
            hint_text=(
                "include_top=False이면 완전 연결 계층 없이 마지막 블록의 최대 풀링 출력이 그대로 나옵니다. "
                "2×2 최대 풀링을 몇 번 거치는지, 마지막 블록의 필터 수가 몇 개인지 세어 보세요. 배치 축은 빼고 "
                "(세로, 가로, 채널) 튜플로 쓰세요."
            ),
            solution_text=(
                "side = 96 // 2**5  # 블록 다섯 개, 블록마다 2×2 최대 풀링: 96 → 48 → 24 → 12 → 6 → 3\n"
                "vgg_base_shape_96 = (side, side, 512)"
            ),
            mistakes=[
                (lambda a: tuple(a) == (7, 7, 512), "그것은 224×224 입력일 때의 모양입니다. 입력이 작아지면 특징 맵도 작아집니다."),
                (lambda a: tuple(a) == (512,),
                 "그것은 pooling='avg'나 'max'를 줄 때의 모양입니다. pooling을 주지 않으면 마지막 블록의 특징 맵이 그대로 나옵니다."),
                (lambda a: len(a) == 4, "배치 축(None)은 빼고 (세로, 가로, 채널)만 쓰세요."),
                (lambda a: tuple(a) in ((6, 6, 512), (1, 1, 512)),
                 "VGG-16의 블록은 다섯 개이고, 블록마다 최대 풀링이 한 번(크기 절반) 있습니다."),
                (lambda a: len(a) == 3 and a[0] == a[1] == 3, "가로·세로는 맞습니다. 마지막 블록의 필터 수(채널)는 몇 개인가요?"),
            ],
        ),
        Exercise(
            3, "32×32 입력에서 fc1의 매개변수 수", "fc1_params_32",
            expected=lambda: cached(("06", 3), lambda: vgg16_fc1_params((32, 32, 3))),
            hint_text=(
                "2×2 최대 풀링을 다섯 번 거치면 32×32는 몇 × 몇이 될까요? 채널은 512입니다. "
                "fc1은 평면화한 입력마다 유닛 4,096개에 가중치가 하나씩, 유닛마다 편향이 하나 있습니다."
            ),
            solution_text=(
                "side = 32 // 2**5  # 풀링 다섯 번: 32 → 1\n"
                "fc1_params_32 = side * side * 512 * 4096 + 4096  # 2,101,248"
            ),
            mistakes=[
                (lambda a: a == 7 * 7 * 512 * 4096 + 4096,
                 "그것은 224×224 입력일 때의 값입니다. 입력이 작아지면 마지막 특징 맵도 작아집니다."),
                (lambda a: a == 512 * 4096, "편향(유닛마다 하나)을 빠뜨리지 않았나요?"),
                (lambda a: a in (2 * 2 * 512 * 4096 + 4096, 2 * 2 * 512 * 4096),
                 "VGG-16의 블록은 다섯 개이고, 블록마다 최대 풀링이 한 번 있습니다."),
            ],
        ),
        Exercise(
            4, "VGG 블록 만들기", "my_vgg_block",
            kind="build",
            expected=package_vgg_block_facts,
            measure=vgg_block_facts,
            cases=lambda: [((32, 32, 3), 64, 2), ((14, 14, 32), 16, 3), ((9, 9, 8), 4, 1)],
            hint_text=(
                "for 문으로 convs번: x = layers.Conv2D(filters, 3, padding='same', activation='relu')(x). "
                "그 뒤에 layers.MaxPooling2D(2)(x)를 붙여 돌려주세요. 채점은 여러 입력에서 출력 모양, 매개변수 수, "
                "ReLU 수를 패키지의 vgg_block과 비교합니다."
            ),
            solution_text=(
                "def my_vgg_block(x, filters, convs):\n"
                "    for _ in range(convs):\n"
                "        x = layers.Conv2D(filters, 3, padding=\"same\", activation=\"relu\")(x)\n"
                "    return layers.MaxPooling2D(2, strides=2)(x)"
            ),
        ),
    ]
