"""7강 GoogLeNet(Inception v1): 단순·차원 축소 인셉션 모듈과 GoogLeNet (Szegedy et al. 2014, 표 1)."""

from __future__ import annotations

import numbers

from .. import _lazy
from .._validate import (
    check_bool,
    check_classes,
    check_input_shape,
    check_int,
    check_name,
    check_rate,
    check_tensor,
    check_weights,
)
from ._common import classifier, conv, layer_name

__all__ = ["GOOGLENET_TABLE1", "naive_inception_block", "inception_block", "googlenet"]

# GoogLeNet 논문(Szegedy et al. 2014, "Going Deeper with Convolutions") 표 1의 인셉션 모듈 열:
# (#1×1, #3×3 reduce, #3×3, #5×5 reduce, #5×5, pool proj)
GOOGLENET_TABLE1 = {
    "3a": (64, 96, 128, 16, 32, 32),
    "3b": (128, 128, 192, 32, 96, 64),
    "4a": (192, 96, 208, 16, 48, 64),
    "4b": (160, 112, 224, 24, 64, 64),
    "4c": (128, 128, 256, 24, 64, 64),
    "4d": (112, 144, 288, 32, 64, 64),
    "4e": (256, 160, 320, 32, 128, 128),
    "5a": (256, 160, 320, 32, 128, 128),
    "5b": (384, 192, 384, 48, 128, 128),
}


def naive_inception_block(x, f1, f3, f5, name=None):
    """단순(naive) 인셉션 모듈: 1×1, 3×3, 5×5 합성곱과 3×3 최대 풀링을 나란히 두고 채널 축으로 이어 붙입니다.

    출력 채널 = f1 + f3 + f5 + (입력 채널): 풀링 가지가 입력 채널을 그대로 넘기므로 모듈을 쌓을수록
    채널이 불어납니다. 이것을 1×1 합성곱으로 줄인 것이 `inception_block`입니다.
    (강의 원본의 `Con2D`는 `Conv2D`의 오타입니다.)
    """
    check_tensor(x, "naive_inception_block")
    f1 = check_int("f1", f1, minimum=1)
    f3 = check_int("f3", f3, minimum=1)
    f5 = check_int("f5", f5, minimum=1)
    check_name(name)
    layers = _lazy.keras().layers
    b1 = layers.Conv2D(f1, 1, padding="same", activation="relu", name=layer_name(name, "1x1"))(x)
    b3 = layers.Conv2D(f3, 3, padding="same", activation="relu", name=layer_name(name, "3x3"))(x)
    b5 = layers.Conv2D(f5, 5, padding="same", activation="relu", name=layer_name(name, "5x5"))(x)
    bp = layers.MaxPooling2D(3, strides=1, padding="same", name=layer_name(name, "pool"))(x)
    return layers.Concatenate(axis=-1, name=layer_name(name, "output"))([b1, b3, b5, bp])


def inception_block(x, f1, f3r, f3, f5r, f5, pool_proj, name=None, batch_norm=False):
    """차원 축소 인셉션 모듈 (GoogLeNet 표 1의 열 순서).

    f1: #1×1, f3r: #3×3 reduce, f3: #3×3, f5r: #5×5 reduce, f5: #5×5, pool_proj: 풀링 뒤 1×1.
    출력 채널 = f1 + f3 + f5 + pool_proj. batch_norm=True면 합성곱마다 BN을 넣습니다 (논문에는 없음).
    층 이름: `{name}_1x1`, `{name}_3x3_reduce`, `{name}_3x3`, … , `{name}_output`.
    """
    check_tensor(x, "inception_block")
    args = {"f1": f1, "f3r": f3r, "f3": f3, "f5r": f5r, "f5": f5, "pool_proj": pool_proj}
    f1, f3r, f3, f5r, f5, pool_proj = (check_int(k, v, minimum=1) for k, v in args.items())
    check_name(name)
    check_bool("batch_norm", batch_norm)
    layers = _lazy.keras().layers
    bn = {"batch_norm": batch_norm}
    b1 = conv(x, f1, 1, name=layer_name(name, "1x1"), **bn)
    b3 = conv(x, f3r, 1, name=layer_name(name, "3x3_reduce"), **bn)
    b3 = conv(b3, f3, 3, name=layer_name(name, "3x3"), **bn)
    b5 = conv(x, f5r, 1, name=layer_name(name, "5x5_reduce"), **bn)
    b5 = conv(b5, f5, 5, name=layer_name(name, "5x5"), **bn)
    bp = layers.MaxPooling2D(3, strides=1, padding="same", name=layer_name(name, "pool"))(x)
    bp = conv(bp, pool_proj, 1, name=layer_name(name, "pool_proj"), **bn)
    return layers.Concatenate(axis=-1, name=layer_name(name, "output"))([b1, b3, b5, bp])


def _aux_head(x, classes, name, scale, dropout):
    """보조 분류기(논문 그림 3): 5×5/3 평균 풀링 → 1×1 합성곱 128 → FC 1024 → 드롭아웃 70 % → 분류."""
    layers = _lazy.keras().layers
    x = layers.AveragePooling2D(5, strides=3, padding="valid", name=f"{name}_avg_pool")(x)
    x = layers.Conv2D(scale(128), 1, activation="relu", name=f"{name}_conv")(x)
    x = layers.Flatten(name=f"{name}_flatten")(x)
    x = layers.Dense(scale(1024), activation="relu", name=f"{name}_fc")(x)
    x = layers.Dropout(dropout, name=f"{name}_dropout")(x)
    return classifier(x, classes, name=f"{name}_predictions")


def googlenet(
    input_shape=(224, 224, 3),
    classes=1000,
    aux_heads=False,
    include_top=True,
    small_input=False,
    width_multiplier=1.0,
    dropout=0.4,
    aux_dropout=0.7,
    batch_norm=False,
):
    """GoogLeNet (Szegedy et al. 2014, 표 1 그대로).

    줄기: 7×7/2 합성곱 64 → 3×3/2 최대 풀링 → 1×1 합성곱 64 → 3×3 합성곱 192 → 3×3/2 최대 풀링
    (논문의 LRN 두 개는 뺐습니다: Keras에 층이 없고 뒤의 인셉션 버전들도 쓰지 않습니다. LRN은 학습
    매개변수가 없어 매개변수 수는 달라지지 않습니다).
    본체: 인셉션 3a, 3b → 풀링 → 4a~4e → 풀링 → 5a, 5b → 전역 평균 풀링(224 입력에서 7×7/1 평균
    풀링과 같음) → 드롭아웃 40 % → 선형 + 소프트맥스. 224 입력이면 매개변수는 6,998,552개로, 논문 표 1의
    합계(약 6.8M)보다 2.9 % 많습니다: 표는 편향을 세지 않고 행 값이 어림수입니다(예: conv1 행은 2.7K인데
    7·7·3·64 = 9,408). 곱셈-덧셈은 약 1.58G (표 1의 ops 합계 약 1.5G).

    - aux_heads=True: 4a와 4d 출력에 보조 분류기를 붙여 출력이 3개인 모델
      [predictions, aux1_predictions, aux2_predictions]를 만듭니다. 논문처럼 학습하려면
      `compile(loss=[...]*3, loss_weights=[1.0, 0.3, 0.3])`, `fit(x, [y, y, y])`.
    - small_input=True: 줄기를 3×3/1 합성곱 하나로 바꾸고 줄기의 풀링을 뺍니다 (32×32·28×28용).
    - width_multiplier: 모든 합성곱·보조 FC의 필터 수에 곱하는 배율 (예: 0.25면 CPU에서 학습할 만함).
    - batch_norm=True: 합성곱마다 배치 정규화를 넣습니다 (논문 원본에는 없음, 작은 모델 학습이 안정적).
    """
    classes = check_classes(classes)
    aux_heads = check_bool("aux_heads", aux_heads)
    include_top = check_bool("include_top", include_top)
    small_input = check_bool("small_input", small_input)
    batch_norm = check_bool("batch_norm", batch_norm)
    dropout = check_rate("dropout", dropout)
    aux_dropout = check_rate("aux_dropout", aux_dropout)
    wm_msg = f"width_multiplier는 0보다 큰 실수여야 합니다 (예: 1.0은 원본, 0.25는 필터 수 1/4). 받은 값: {width_multiplier!r}"
    if isinstance(width_multiplier, bool) or not isinstance(width_multiplier, numbers.Real):
        raise TypeError(wm_msg)
    if not width_multiplier > 0 or width_multiplier == float("inf"):
        raise ValueError(wm_msg)
    if aux_heads and not include_top:
        raise ValueError(
            "aux_heads=True는 include_top=True일 때만 쓸 수 있습니다 (보조 분류기도 분류층이므로)."
        )

    # 해상도 감소: 표준 줄기(7×7/2 합성곱 + 풀링 두 번)는 1/8, 작은 줄기는 1/1.
    # 4a 앞에서 풀링 한 번(1/2), 5a 앞에서 한 번 더(1/4).
    stem_stride = 1 if small_input else 8
    total = stem_stride * 4
    minimum = total
    reason = f"전체 해상도 감소가 1/{total}입니다."
    if aux_heads:
        # 보조 분류기의 5×5 평균 풀링에는 4a 출력(1/(2·줄기))이 5×5 이상이어야 합니다: ceil(n/s) ≥ 5.
        aux_stride = stem_stride * 2
        minimum = max(minimum, 4 * aux_stride + 1)
        reason = f"보조 분류기의 5×5 평균 풀링에 4a 출력(입력의 1/{aux_stride})이 5×5 이상이어야 합니다."
    alt = " 작은 이미지는 small_input=True를 쓰세요." if not small_input else ""
    h, w, c = check_input_shape(input_shape, "googlenet", minimum, reason + alt)

    def scale(f):
        return max(1, int(round(f * width_multiplier)))

    # 만들기 전에 가중치 수를 어림합니다 (width_multiplier=1e6이면 수천 TB: 만들다 멈추지 않게).
    if small_input:
        params, cin = 9 * c * scale(192), scale(192)
    else:
        params = 49 * c * scale(64) + scale(64) ** 2 + 9 * scale(64) * scale(192)
        cin = scale(192)
    for f1, f3r, f3, f5r, f5, pp in (tuple(scale(f) for f in cols) for cols in GOOGLENET_TABLE1.values()):
        params += cin * (f1 + f3r + f5r + pp) + 9 * f3r * f3 + 25 * f5r * f5
        cin = f1 + f3 + f5 + pp
    check_weights("googlenet", params + (cin * classes if include_top else 0))

    keras = _lazy.keras()
    layers = keras.layers
    bn = {"batch_norm": batch_norm}
    inputs = keras.Input(shape=(h, w, c))
    if small_input:
        x = conv(inputs, scale(192), 3, name="conv1_3x3", **bn)
    else:
        x = conv(inputs, scale(64), 7, strides=2, name="conv1_7x7_s2", **bn)
        x = layers.MaxPooling2D(3, strides=2, padding="same", name="pool1_3x3_s2")(x)
        x = conv(x, scale(64), 1, name="conv2_3x3_reduce", **bn)
        x = conv(x, scale(192), 3, name="conv2_3x3", **bn)
        x = layers.MaxPooling2D(3, strides=2, padding="same", name="pool2_3x3_s2")(x)

    aux = []
    for key, cols in GOOGLENET_TABLE1.items():
        if key in ("4a", "5a"):
            x = layers.MaxPooling2D(3, strides=2, padding="same", name=f"pool{int(key[0]) - 1}_3x3_s2")(x)
        x = inception_block(x, *(scale(f) for f in cols), name=f"inception_{key}", **bn)
        if aux_heads and key in ("4a", "4d"):
            aux.append(_aux_head(x, classes, f"aux{len(aux) + 1}", scale, aux_dropout))

    if include_top:
        x = layers.GlobalAveragePooling2D(name="avg_pool")(x)
        if dropout > 0:
            x = layers.Dropout(dropout, name="dropout")(x)
        x = classifier(x, classes)
    outputs = [x, *aux] if aux_heads else x
    return keras.Model(inputs, outputs, name="googlenet")
