"""8강 ResNet: 기본 잔차 블록, 병목 블록, ResNet-18…152 (He et al. 2015, 표 1)."""

from __future__ import annotations

import numbers

from .. import _lazy
from .._validate import (
    MAX_WIDTH,
    check_bool,
    check_classes,
    check_input_shape,
    check_int,
    check_name,
    check_tensor,
    check_weights,
)
from ._common import bn, classifier, conv_bn, layer_name, resnet_conv

__all__ = ["RESNET_STAGES", "residual_block", "bottleneck_block", "resnet"]

# ResNet 논문(He et al. 2015, "Deep Residual Learning for Image Recognition") 표 1:
# 깊이 → (블록 종류, conv2_x~conv5_x 단계별 블록 수)
RESNET_STAGES = {
    18: ("basic", (2, 2, 2, 2)),
    34: ("basic", (3, 4, 6, 3)),
    50: ("bottleneck", (3, 4, 6, 3)),
    101: ("bottleneck", (3, 4, 23, 3)),
    152: ("bottleneck", (3, 8, 36, 3)),
}


def _check_stride(stride):
    stride = check_int("stride", stride, minimum=1)
    return stride


def shortcut_and_out(x, y, out_channels, stride, name, plain):
    """지름길을 더하고 ReLU. 모양이 바뀌면 1×1 합성곱 + BN 투영(논문의 옵션 B), plain이면 지름길 없음."""
    layers = _lazy.keras().layers
    if not plain:
        if stride != 1 or x.shape[-1] != out_channels:
            s = resnet_conv(x, out_channels, 1, stride, layer_name(name, "0_conv"))
            s = bn(s, layer_name(name, "0_bn"))
        else:
            s = x
        y = layers.Add(name=layer_name(name, "add"))([s, y])
    return layers.Activation("relu", name=layer_name(name, "out"))(y)


def _check_block_args(x, filters, stride, name, plain, block):
    """잔차·병목 블록의 공통 인자를 검사하고 (filters, stride)를 돌려줍니다."""
    check_tensor(x, block)
    filters = check_int("filters", filters, minimum=1, maximum=MAX_WIDTH, why="모델이 메모리에 들어가는 너비")
    stride = _check_stride(stride)
    check_name(name)
    check_bool("plain", plain)
    return filters, stride


def residual_block(x, filters, stride=1, name=None, plain=False):
    """기본 잔차 블록 (ResNet-18/34): 3×3 합성곱-BN-ReLU → 3×3 합성곱-BN → 지름길 더하기 → ReLU.

    stride=2이거나 채널 수가 바뀌면 지름길은 1×1 합성곱(stride)+BN 투영입니다.
    plain=True면 지름길 없이 같은 계층만 쌓습니다 (평범한 신경망과 잔차 신경망 비교용).
    (강의 원본의 `pading=`은 `padding=`의 오타입니다.)
    """
    filters, stride = _check_block_args(x, filters, stride, name, plain, "residual_block")
    y = conv_bn(x, filters, 3, stride, name, 1, relu=True)
    y = conv_bn(y, filters, 3, 1, name, 2, relu=False)
    return shortcut_and_out(x, y, filters, stride, name, plain)


def bottleneck_block(x, filters, stride=1, name=None, plain=False):
    """병목 블록 (ResNet-50/101/152): 1×1(filters) → 3×3(filters) → 1×1(4·filters), 각 BN, 지름길 → ReLU.

    출력 채널은 4·filters입니다. 원 논문·keras.applications처럼 stride는 첫 1×1 합성곱에 둡니다
    (torchvision의 "v1.5"는 3×3에 두어 계산량이 조금 큽니다).
    """
    filters, stride = _check_block_args(x, filters, stride, name, plain, "bottleneck_block")
    y = conv_bn(x, filters, 1, stride, name, 1, relu=True)
    y = conv_bn(y, filters, 3, 1, name, 2, relu=True)
    y = conv_bn(y, 4 * filters, 1, 1, name, 3, relu=False)
    return shortcut_and_out(x, y, 4 * filters, stride, name, plain)


def resnet(
    depth, input_shape=(224, 224, 3), classes=1000, include_top=True, small_input=False, width=64, plain=False
):
    """ResNet-depth (He et al. 2015, 표 1). depth는 18, 34, 50, 101, 152 중 하나.

    - 줄기: 7×7/2 합성곱(width) + BN + ReLU + 3×3/2 최대 풀링. 단계 conv2_x~conv5_x의 필터는
      width·(1, 2, 4, 8)이고 conv3_x부터 첫 블록이 stride 2로 해상도를 절반으로 줄입니다.
    - small_input=True: CIFAR용 ResNet처럼 줄기를 3×3/1 합성곱 하나로 하고 최대 풀링을 뺍니다
      (28×28·32×32 입력, 최소 8×8). 표준 줄기는 최소 32×32.
    - width: 기본 필터 수 (기본 64). CPU에서 작은 모델은 16.
    - plain=True: 지름길이 없는 같은 깊이의 평범한 신경망 (논문 그림 4의 plain-18/34 비교용).
    - include_top=False면 conv5_x 출력(특징 맵)을 돌려줍니다.
    """
    if isinstance(depth, bool) or not isinstance(depth, numbers.Integral):
        raise TypeError(
            f"depth는 정수 18, 34, 50, 101, 152 중 하나여야 합니다. 받은 값: {depth!r} ({type(depth).__name__})"
        )
    if depth not in RESNET_STAGES:
        raise ValueError(
            f"depth는 18, 34, 50, 101, 152 중 하나여야 합니다 (He et al. 2015 표 1의 구성). 받은 값: {depth}"
        )
    classes = check_classes(classes)
    include_top = check_bool("include_top", include_top)
    small_input = check_bool("small_input", small_input)
    plain = check_bool("plain", plain)
    width = check_int("width", width, minimum=1, maximum=MAX_WIDTH, why="모델이 메모리에 들어가는 너비")
    total = 8 if small_input else 32
    stem = "3×3/1 합성곱 줄기" if small_input else "7×7/2 합성곱과 3×3/2 최대 풀링 줄기"
    alt = "" if small_input else " 28×28·32×32 같은 작은 이미지는 small_input=True(최소 8×8)를 쓰세요."
    h, w, c = check_input_shape(
        input_shape,
        f"resnet({depth})",
        total,
        f"{stem}와 stride 2 단계 세 번을 거치면 해상도가 1/{total}로 줄어듭니다.{alt}",
    )

    kind, blocks = RESNET_STAGES[depth]
    # 블록 하나의 가중치: 기본 블록은 3×3 두 개(≈18f²), 병목 블록은 1×1·3×3·1×1(≈17f²)에 4배 넓은 출력
    params = (9 if small_input else 49) * c * width
    for stage, n_blocks in enumerate(blocks):
        params += n_blocks * 18 * (width * 2**stage) ** 2
    out = width * 8 * (1 if kind == "basic" else 4)
    check_weights(f"resnet({depth})", params + (out * classes if include_top else 0))
    block_fn = residual_block if kind == "basic" else bottleneck_block
    keras = _lazy.keras()
    layers = keras.layers
    inputs = keras.Input(shape=(h, w, c))
    if small_input:
        x = resnet_conv(inputs, width, 3, 1, "conv1_conv")
    else:
        x = resnet_conv(inputs, width, 7, 2, "conv1_conv")
    x = bn(x, "conv1_bn")
    x = layers.Activation("relu", name="conv1_relu")(x)
    if not small_input:
        x = layers.MaxPooling2D(3, strides=2, padding="same", name="pool1_pool")(x)
    for stage, n_blocks in enumerate(blocks):
        filters = width * 2**stage
        for b in range(n_blocks):
            stride = 2 if (b == 0 and stage > 0) else 1
            x = block_fn(x, filters, stride, name=f"conv{stage + 2}_block{b + 1}", plain=plain)
    if include_top:
        x = layers.GlobalAveragePooling2D(name="avg_pool")(x)
        x = classifier(x, classes)
    prefix = "plain" if plain else "resnet"
    return keras.Model(inputs, x, name=f"{prefix}{depth}" + ("_small" if small_input else ""))
