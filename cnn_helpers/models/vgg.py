"""6강 VGG: 3×3 합성곱 블록(`vgg_block`)과 VGG-16/19 (Simonyan & Zisserman 2014, 표 1)."""

from __future__ import annotations

from .. import _lazy
from .._validate import (
    MAX_WIDTH,
    check_bool,
    check_classes,
    check_input_shape,
    check_int,
    check_name,
    check_rate,
    check_tensor,
    check_weights,
)
from ._common import classifier, layer_name

__all__ = ["vgg_block", "vgg", "vgg16", "vgg19"]

# VGG 논문(Simonyan & Zisserman 2014) 표 1의 D(16계층)·E(19계층) 구성: 블록마다 3×3 합성곱 개수.
_CONVS = {16: (2, 2, 3, 3, 3), 19: (2, 2, 4, 4, 4)}
_FILTERS = (64, 128, 256, 512, 512)


def vgg_block(x, filters, convs, name=None):
    """VGG 블록: 3×3 합성곱(same, ReLU) `convs`개 뒤에 2×2 최대 풀링(스트라이드 2).

    계층 이름은 `{name}_conv1`…, `{name}_pool` (예: name='block1' → block1_conv1, block1_pool).
    """
    shape = check_tensor(x, "vgg_block")
    filters = check_int("filters", filters, minimum=1, maximum=MAX_WIDTH, why="모델이 메모리에 들어가는 너비")
    convs = check_int("convs", convs, minimum=1)
    check_name(name)
    check_weights("vgg_block", 9 * shape[-1] * filters + 9 * filters * filters * (convs - 1))
    if any(s is not None and s < 2 for s in shape[1:3]):
        raise ValueError(
            f"vgg_block의 2×2 최대 풀링에는 세로·가로가 2 이상이어야 합니다. 받은 모양: {tuple(shape)}. "
            "블록 수를 줄이거나 더 큰 입력을 쓰세요."
        )
    layers = _lazy.keras().layers
    for i in range(1, convs + 1):
        x = layers.Conv2D(filters, 3, padding="same", activation="relu", name=layer_name(name, f"conv{i}"))(x)
    return layers.MaxPooling2D(2, strides=2, name=layer_name(name, "pool"))(x)


def vgg(
    convs=_CONVS[16],
    input_shape=(224, 224, 3),
    classes=1000,
    include_top=True,
    filters=None,
    dense_units=4096,
    dropout=0.0,
    name="vgg",
):
    """VGG 계열 모델: 블록마다 3×3 합성곱 `convs[i]`개 + 풀링, 뒤에 완전 연결 계층 두 개와 분류 계층.

    - convs: 블록별 합성곱 개수 (VGG-16은 (2, 2, 3, 3, 3)). 블록이 n개면 입력은 최소 2**n.
      28×28 MNIST에는 예를 들어 convs=(2, 2, 3) (블록 3개, 최소 8×8).
    - filters: 블록별 필터 수 (기본 64, 128, 256, 512, 512). 작은 모델은 (16, 32, 64)처럼 줄입니다.
    - dense_units: 완전 연결 계층 fc1·fc2의 유닛 수 (기본 4096).
    - dropout: fc1·fc2 뒤 드롭아웃 비율. 기본 0.0이면 드롭아웃 계층을 넣지 않아
      keras.applications.VGG16과 계층 구성이 똑같습니다. 논문처럼 학습하려면 0.5 (매개변수 수는 같음).
    - include_top=False이면 마지막 풀링 출력(특징 맵)을 돌려줍니다.
    """
    if not isinstance(convs, (tuple, list)) or not convs:
        raise TypeError(
            f"convs는 블록별 합성곱 개수의 튜플이어야 합니다 (예: (2, 2, 3, 3, 3)). 받은 값: {convs!r}"
        )
    convs = tuple(check_int(f"convs[{i}]", c, minimum=1) for i, c in enumerate(convs))
    if filters is None:
        filters = tuple(_FILTERS[min(i, len(_FILTERS) - 1)] for i in range(len(convs)))
    if not isinstance(filters, (tuple, list)) or len(filters) != len(convs):
        raise ValueError(
            f"filters는 블록 수({len(convs)})만큼의 정수 튜플이어야 합니다 "
            f"(예: {tuple(16 * 2 ** min(i, 3) for i in range(len(convs)))}). 받은 값: {filters!r}"
        )
    filters = tuple(check_int(f"filters[{i}]", f, minimum=1, maximum=MAX_WIDTH, why="모델이 메모리에 들어가는 너비") for i, f in enumerate(filters))
    dense_units = check_int("dense_units", dense_units, minimum=1, maximum=MAX_WIDTH, why="모델이 메모리에 들어가는 너비")
    dropout = check_rate("dropout", dropout)
    include_top = check_bool("include_top", include_top)
    classes = check_classes(classes)
    check_name(name)
    minimum = 2 ** len(convs)
    h, w, c = check_input_shape(
        input_shape,
        name or "vgg",
        minimum,
        f"2×2 최대 풀링 {len(convs)}번으로 해상도가 1/{minimum}이 됩니다. "
        f"작은 이미지에는 블록 수를 줄이세요 (예: 28×28이면 convs=(2, 2, 3)).",
    )

    params, cin = 0, c
    for n, f in zip(convs, filters, strict=True):
        params, cin = params + 9 * cin * f + 9 * f * f * (n - 1), f
    if include_top:
        flat = (h >> len(convs)) * (w >> len(convs)) * cin
        params += flat * dense_units + dense_units * dense_units + dense_units * classes
    check_weights(name or "vgg", params)
    keras = _lazy.keras()
    layers = keras.layers
    inputs = keras.Input(shape=(h, w, c))
    x = inputs
    for i, (n, f) in enumerate(zip(convs, filters, strict=True), start=1):
        x = vgg_block(x, f, n, name=f"block{i}")
    if include_top:
        x = layers.Flatten(name="flatten")(x)
        for j in (1, 2):
            x = layers.Dense(dense_units, activation="relu", name=f"fc{j}")(x)
            if dropout > 0:
                x = layers.Dropout(dropout, name=f"fc{j}_dropout")(x)
        x = classifier(x, classes)
    return keras.Model(inputs, x, name=name)


def vgg16(
    input_shape=(224, 224, 3),
    classes=1000,
    include_top=True,
    filters=_FILTERS,
    dense_units=4096,
    dropout=0.0,
):
    """VGG-16 (논문 표 1의 구성 D). 기본값이면 keras.applications.VGG16(weights=None)과 계층·매개변수
    (138,357,544개)가 같습니다. 작은 입력(최소 32×32)에는 filters와 dense_units를 줄이세요.
    인자 설명은 `vgg`를 보세요."""
    return vgg(_CONVS[16], input_shape, classes, include_top, filters, dense_units, dropout, name="vgg16")


# vgg16과 인자가 같습니다: keras.applications처럼 구성 D와 E를 각각의 이름으로 둡니다 (둘 다 `vgg`를 부름).
def vgg19(
    input_shape=(224, 224, 3),
    classes=1000,
    include_top=True,
    filters=_FILTERS,
    dense_units=4096,
    dropout=0.0,
):
    """VGG-19 (논문 표 1의 구성 E). 기본값이면 keras.applications.VGG19(weights=None)과 계층·매개변수
    (143,667,240개)가 같습니다. 인자 설명은 `vgg`를 보세요."""
    return vgg(_CONVS[19], input_shape, classes, include_top, filters, dense_units, dropout, name="vgg19")
