"""강의에서 다루는 CNN 모델: LeNet-5, VGG, GoogLeNet(Inception v1), ResNet (Keras 3).

모든 함수는 `keras.Model`을 만들어 돌려줄 뿐 학습된 가중치는 내려받지 않습니다.

- `import cnn_helpers.models`는 TensorFlow/Keras를 불러오지 않습니다(약 3초 절약). Keras는 모델을
  만드는 함수 안에서 처음 불러옵니다.
- 서브클래싱 예제 `LeNet5`(keras.Model을 상속)도 같은 이유로 처음 접근할 때 만듭니다
  (모듈 수준 `__getattr__`, PEP 562). `from cnn_helpers.models import LeNet5`는 평소처럼 동작합니다.
- 층 이름은 읽기 쉽게 붙입니다: `block1_conv1`(VGG), `inception_3a_1x1`(GoogLeNet),
  `conv2_block1_1_conv`(ResNet). keras.applications와 같은 이름 규칙입니다.
- 작은 입력(28×28, 32×32)에서 CPU로 학습할 수 있도록 폭(필터 수)을 줄이는 인자와
  `small_input=True`(가벼운 줄기) 인자를 둡니다.
"""

from __future__ import annotations

import numbers

from ._validate import check_int

__all__ = [
    "lenet5",
    "LeNet5",  # noqa: F822 - 모듈 __getattr__가 처음 접근할 때 만듭니다.
    "vgg_block",
    "vgg",
    "vgg16",
    "vgg19",
    "naive_inception_block",
    "inception_block",
    "googlenet",
    "GOOGLENET_TABLE1",
    "residual_block",
    "bottleneck_block",
    "resnet",
    "RESNET_STAGES",
]

# VGG 논문(Simonyan & Zisserman 2014) 표 1의 D(16층)·E(19층) 구성: 블록마다 3×3 합성곱 개수.
VGG_CONVS = {16: (2, 2, 3, 3, 3), 19: (2, 2, 4, 4, 4)}
VGG_FILTERS = (64, 128, 256, 512, 512)

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

# ResNet 논문(He et al. 2015, "Deep Residual Learning for Image Recognition") 표 1:
# 깊이 → (블록 종류, conv2_x~conv5_x 단계별 블록 수)
RESNET_STAGES = {
    18: ("basic", (2, 2, 2, 2)),
    34: ("basic", (3, 4, 6, 3)),
    50: ("bottleneck", (3, 4, 6, 3)),
    101: ("bottleneck", (3, 4, 23, 3)),
    152: ("bottleneck", (3, 8, 36, 3)),
}

# 배치 정규화 설정: PyTorch·Caffe와 같은 epsilon, 짧은 CPU 학습에서도 이동 평균이 빨리 따라오도록
# momentum 0.9 (Keras 기본값 0.99는 수백 단계가 지나야 평가 모드 통계가 맞춰집니다).
_BN = {"momentum": 0.9, "epsilon": 1e-5}


# ---------------------------------------------------------------------------
# 공통 도우미 (내부용)
# ---------------------------------------------------------------------------


def _keras():
    """Keras를 처음 쓸 때 불러옵니다 (모듈 import 시간을 줄이려고)."""
    import keras

    return keras


def _n(name, suffix):
    """블록 이름 `name`에 접미사를 붙인 층 이름. name이 None이면 Keras가 이름을 정합니다."""
    return None if name is None else f"{name}_{suffix}"


def _check_name(name):
    if name is not None and (not isinstance(name, str) or not name):
        raise TypeError(f"name은 비어 있지 않은 문자열이거나 None이어야 합니다. 받은 값: {name!r}")
    return name


def _check_bool(arg, value):
    if not isinstance(value, bool):
        raise TypeError(
            f"{arg}은(는) True 또는 False여야 합니다. 받은 값: {value!r} ({type(value).__name__})"
        )
    return value


def _check_rate(arg, value):
    """드롭아웃 비율: 0 이상 1 미만의 실수."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(
            f"{arg}은(는) 0 이상 1 미만의 실수여야 합니다. 받은 값: {value!r} ({type(value).__name__})"
        )
    if not 0.0 <= float(value) < 1.0:
        raise ValueError(f"{arg}은(는) 0 이상 1 미만이어야 합니다 (예: 0.5). 받은 값: {value}")
    return float(value)


def _check_classes(classes, arg="classes"):
    if isinstance(classes, bool) or not isinstance(classes, numbers.Integral):
        raise TypeError(f"{arg}(분류할 부류 수)은(는) 정수여야 합니다 (예: MNIST는 10). 받은 값: {classes!r}")
    if classes < 2:
        raise ValueError(
            f"{arg}(분류할 부류 수)은(는) 2 이상이어야 합니다: 소프트맥스 분류에는 부류가 둘 이상 필요합니다 "
            f"(예: MNIST는 10, ImageNet은 1000). 받은 값: {classes}"
        )
    return int(classes)


def _check_input_shape(input_shape, model, minimum, hint=""):
    """input_shape이 (세로, 가로, 채널) 양의 정수 셋이고 세로·가로가 minimum 이상인지 확인합니다."""
    example = "예: (224, 224, 3) 또는 (28, 28, 1)"
    if not isinstance(input_shape, (tuple, list)):
        raise TypeError(
            f"input_shape은 (세로, 가로, 채널) 세 정수의 튜플이어야 합니다 ({example}). "
            f"받은 값: {input_shape!r} ({type(input_shape).__name__})"
        )
    if len(input_shape) != 3:
        hint3 = " 흑백 이미지도 채널 축을 넣어 (28, 28, 1)처럼 씁니다." if len(input_shape) == 2 else ""
        raise ValueError(
            f"input_shape은 (세로, 가로, 채널) 세 값이어야 합니다 ({example}). "
            f"받은 값: {tuple(input_shape)!r} ({len(input_shape)}개).{hint3}"
        )
    for axis, v in zip(("세로", "가로", "채널"), input_shape, strict=True):
        if isinstance(v, bool) or not isinstance(v, numbers.Integral):
            raise TypeError(
                f"input_shape의 {axis}은(는) 양의 정수여야 합니다 ({example}). 받은 값: {tuple(input_shape)!r}"
            )
        if v < 1:
            raise ValueError(
                f"input_shape의 {axis}은(는) 1 이상이어야 합니다 ({example}). 받은 값: {tuple(input_shape)!r}"
            )
    h, w, c = (int(v) for v in input_shape)
    if min(h, w) < minimum:
        raise ValueError(
            f"{model}의 입력이 너무 작습니다: input_shape={(h, w, c)}. 세로·가로가 최소 {minimum} "
            f"(즉 {minimum}×{minimum} 이상)이어야 합니다. {hint}".rstrip()
        )
    return h, w, c


def _check_tensor(x, block):
    """블록 함수의 입력이 (배치, 세로, 가로, 채널) 4차원 텐서이고 채널 수를 아는지 확인합니다."""
    shape = getattr(x, "shape", None)
    if shape is None or len(shape) != 4:
        raise TypeError(
            f"{block}의 x는 (배치, 세로, 가로, 채널) 4차원 텐서여야 합니다 "
            f"(예: x = keras.Input(shape=(32, 32, 3))). 받은 값의 모양: {None if shape is None else tuple(shape)}"
        )
    if shape[-1] is None:
        raise ValueError(f"{block}의 x는 채널 수를 알아야 합니다. 받은 모양: {tuple(shape)}")
    return shape


def _conv(x, filters, kernel, *, strides=1, name=None, batch_norm=False, activation="relu", **kwargs):
    """합성곱 + (배치 정규화) + 활성화. batch_norm이면 합성곱 편향을 빼고 BN 뒤에 활성화를 둡니다."""
    layers = _keras().layers
    if not batch_norm:
        return layers.Conv2D(
            filters, kernel, strides=strides, padding="same", activation=activation, name=name, **kwargs
        )(x)
    x = layers.Conv2D(filters, kernel, strides=strides, padding="same", use_bias=False, name=name, **kwargs)(
        x
    )
    x = layers.BatchNormalization(name=_n(name, "bn"), **_BN)(x)
    if activation is not None:
        x = layers.Activation(activation, name=_n(name, "relu"))(x)
    return x


def _classifier(x, classes, name="predictions"):
    return _keras().layers.Dense(classes, activation="softmax", name=name)(x)


# ---------------------------------------------------------------------------
# LeNet-5
# ---------------------------------------------------------------------------

_LENET_MIN = 12  # same 5×5 → 풀링 2 → valid 5×5(−4) → 풀링 2 뒤에 1×1 이상 남는 최소 크기


def lenet5(input_shape=(28, 28, 1), classes=10):
    """강의의 LeNet-5 (Sequential): 합성곱 6@5×5 → 풀링 → 합성곱 16@5×5 → 풀링 → 120 → 84 → classes.

    (28, 28, 1) 입력이면 매개변수는 61,706개입니다. 입력은 최소 12×12여야 합니다.
    """
    h, w, c = _check_input_shape(
        input_shape,
        "lenet5",
        _LENET_MIN,
        "두 번째 합성곱(5×5, valid)과 풀링 두 번을 거치고도 1×1 이상이 남아야 합니다.",
    )
    classes = _check_classes(classes)
    keras = _keras()
    layers = keras.layers
    return keras.Sequential(
        [
            keras.Input(shape=(h, w, c)),
            layers.Conv2D(6, 5, padding="same", activation="relu", name="conv1"),
            layers.MaxPooling2D(2, name="pool1"),
            layers.Conv2D(16, 5, padding="valid", activation="relu", name="conv2"),
            layers.MaxPooling2D(2, name="pool2"),
            layers.Flatten(name="flatten"),
            layers.Dense(120, activation="relu", name="fc1"),
            layers.Dense(84, activation="relu", name="fc2"),
            layers.Dense(classes, activation="softmax", name="predictions"),
        ],
        name="lenet5",
    )


def _make_lenet5_class():
    """서브클래싱 LeNet5 클래스를 만듭니다 (Keras를 이때 처음 불러옵니다)."""
    keras = _keras()
    layers = keras.layers

    @keras.saving.register_keras_serializable(package="cnn_helpers")
    class LeNet5(keras.Model):
        """서브클래싱으로 만든 LeNet-5: 층은 __init__에서 만들고, 순전파는 call에서 합니다.

        강의 원본은 `call`이 클래스 밖에 있어서(들여쓰기 실수) Keras가 NotImplementedError를 냈습니다.
        여기서는 `call`이 클래스 안의 메서드입니다. 매개변수 수는 `lenet5()`와 같습니다.

        >>> model = LeNet5(num_classes=10)
        >>> probs = model(images)   # images: (배치, 28, 28, 1)

        저장한 모델(.keras)을 새 파이썬 프로세스에서 불러올 때는 먼저 `cnn_helpers.models.LeNet5`에
        한 번 접근해 클래스를 등록하세요 (이 클래스는 처음 접근할 때 만들어집니다).
        """

        def __init__(self, num_classes=10, **kwargs):
            num_classes = _check_classes(num_classes, "num_classes")
            super().__init__(**kwargs)
            self.num_classes = num_classes
            self.conv1 = layers.Conv2D(6, 5, padding="same", activation="relu", name="conv1")
            self.pool1 = layers.MaxPooling2D(2, name="pool1")
            self.conv2 = layers.Conv2D(16, 5, padding="valid", activation="relu", name="conv2")
            self.pool2 = layers.MaxPooling2D(2, name="pool2")
            self.flatten = layers.Flatten(name="flatten")
            self.fc1 = layers.Dense(120, activation="relu", name="fc1")
            self.fc2 = layers.Dense(84, activation="relu", name="fc2")
            self.out = layers.Dense(num_classes, activation="softmax", name="predictions")

        def call(self, inputs):
            shape = inputs.shape
            if len(shape) != 4:
                raise ValueError(
                    f"LeNet5의 입력은 (배치, 세로, 가로, 채널) 4차원이어야 합니다. 받은 모양: {tuple(shape)}"
                )
            if any(s is not None and s < _LENET_MIN for s in shape[1:3]):
                raise ValueError(
                    f"LeNet5의 입력은 최소 {_LENET_MIN}×{_LENET_MIN}이어야 합니다. 받은 모양: {tuple(shape)}"
                )
            x = self.pool1(self.conv1(inputs))
            x = self.pool2(self.conv2(x))
            x = self.fc2(self.fc1(self.flatten(x)))
            return self.out(x)

        def get_config(self):
            config = super().get_config()
            config["num_classes"] = self.num_classes
            return config

    LeNet5.__module__ = __name__
    LeNet5.__qualname__ = "LeNet5"
    return LeNet5


def __getattr__(name):
    # PEP 562: `LeNet5`는 처음 접근할 때 만들어 모듈에 넣어 둡니다 (그 뒤로는 이 함수를 거치지 않음).
    if name == "LeNet5":
        cls = _make_lenet5_class()
        globals()["LeNet5"] = cls
        return cls
    raise AttributeError(
        f"cnn_helpers.models에는 {name!r}이(가) 없습니다. 쓸 수 있는 이름: {', '.join(__all__)}"
    )


def __dir__():
    return sorted(set(globals()) | set(__all__))


# ---------------------------------------------------------------------------
# VGG
# ---------------------------------------------------------------------------


def vgg_block(x, filters, convs, name=None):
    """VGG 블록: 3×3 합성곱(same, ReLU) `convs`개 뒤에 2×2 최대 풀링(스트라이드 2).

    층 이름은 `{name}_conv1`…, `{name}_pool` (예: name='block1' → block1_conv1, block1_pool).
    """
    shape = _check_tensor(x, "vgg_block")
    filters = check_int("filters", filters, minimum=1)
    convs = check_int("convs", convs, minimum=1)
    _check_name(name)
    if any(s is not None and s < 2 for s in shape[1:3]):
        raise ValueError(
            f"vgg_block의 2×2 최대 풀링에는 세로·가로가 2 이상이어야 합니다. 받은 모양: {tuple(shape)}. "
            "블록 수를 줄이거나 더 큰 입력을 쓰세요."
        )
    layers = _keras().layers
    for i in range(1, convs + 1):
        x = layers.Conv2D(filters, 3, padding="same", activation="relu", name=_n(name, f"conv{i}"))(x)
    return layers.MaxPooling2D(2, strides=2, name=_n(name, "pool"))(x)


def vgg(
    convs=VGG_CONVS[16],
    input_shape=(224, 224, 3),
    classes=1000,
    include_top=True,
    filters=None,
    dense_units=4096,
    dropout=0.0,
    name="vgg",
):
    """VGG 계열 모델: 블록마다 3×3 합성곱 `convs[i]`개 + 풀링, 뒤에 완전 연결 두 층과 분류층.

    - convs: 블록별 합성곱 개수 (VGG-16은 (2, 2, 3, 3, 3)). 블록이 n개면 입력은 최소 2**n.
      28×28 MNIST에는 예를 들어 convs=(2, 2, 3) (블록 3개, 최소 8×8).
    - filters: 블록별 필터 수 (기본 64, 128, 256, 512, 512). 작은 모델은 (16, 32, 64)처럼 줄입니다.
    - dense_units: 완전 연결 층 fc1·fc2의 뉴런 수 (기본 4096).
    - dropout: fc1·fc2 뒤 드롭아웃 비율. 기본 0.0이면 드롭아웃 층을 넣지 않아
      keras.applications.VGG16과 층 구성이 똑같습니다. 논문처럼 학습하려면 0.5 (매개변수 수는 같음).
    - include_top=False이면 마지막 풀링 출력(특성 맵)을 돌려줍니다.
    """
    if not isinstance(convs, (tuple, list)) or not convs:
        raise TypeError(
            f"convs는 블록별 합성곱 개수의 튜플이어야 합니다 (예: (2, 2, 3, 3, 3)). 받은 값: {convs!r}"
        )
    convs = tuple(check_int(f"convs[{i}]", c, minimum=1) for i, c in enumerate(convs))
    if filters is None:
        filters = tuple(VGG_FILTERS[min(i, len(VGG_FILTERS) - 1)] for i in range(len(convs)))
    if not isinstance(filters, (tuple, list)) or len(filters) != len(convs):
        raise ValueError(
            f"filters는 블록 수({len(convs)})만큼의 정수 튜플이어야 합니다 "
            f"(예: {tuple(16 * 2 ** min(i, 3) for i in range(len(convs)))}). 받은 값: {filters!r}"
        )
    filters = tuple(check_int(f"filters[{i}]", f, minimum=1) for i, f in enumerate(filters))
    dense_units = check_int("dense_units", dense_units, minimum=1)
    dropout = _check_rate("dropout", dropout)
    include_top = _check_bool("include_top", include_top)
    classes = _check_classes(classes)
    _check_name(name)
    minimum = 2 ** len(convs)
    h, w, c = _check_input_shape(
        input_shape,
        name or "vgg",
        minimum,
        f"2×2 최대 풀링 {len(convs)}번으로 해상도가 1/{minimum}이 됩니다. "
        f"작은 이미지에는 블록 수를 줄이세요 (예: 28×28이면 convs=(2, 2, 3)).",
    )

    keras = _keras()
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
        x = _classifier(x, classes)
    return keras.Model(inputs, x, name=name)


def vgg16(
    input_shape=(224, 224, 3),
    classes=1000,
    include_top=True,
    filters=VGG_FILTERS,
    dense_units=4096,
    dropout=0.0,
):
    """VGG-16 (논문 표 1의 구성 D). 기본값이면 keras.applications.VGG16(weights=None)과 층·매개변수
    (138,357,544개)가 같습니다. 작은 입력(최소 32×32)에는 filters와 dense_units를 줄이세요.
    인자 설명은 `vgg`를 보세요."""
    return vgg(VGG_CONVS[16], input_shape, classes, include_top, filters, dense_units, dropout, name="vgg16")


def vgg19(
    input_shape=(224, 224, 3),
    classes=1000,
    include_top=True,
    filters=VGG_FILTERS,
    dense_units=4096,
    dropout=0.0,
):
    """VGG-19 (논문 표 1의 구성 E). 기본값이면 keras.applications.VGG19(weights=None)과 층·매개변수
    (143,667,240개)가 같습니다. 인자 설명은 `vgg`를 보세요."""
    return vgg(VGG_CONVS[19], input_shape, classes, include_top, filters, dense_units, dropout, name="vgg19")


# ---------------------------------------------------------------------------
# GoogLeNet (Inception v1)
# ---------------------------------------------------------------------------


def naive_inception_block(x, f1, f3, f5, name=None):
    """단순(naive) 인셉션 모듈: 1×1, 3×3, 5×5 합성곱과 3×3 최대 풀링을 나란히 두고 채널 축으로 이어 붙입니다.

    출력 채널 = f1 + f3 + f5 + (입력 채널): 풀링 가지가 입력 채널을 그대로 넘기므로 모듈을 쌓을수록
    채널이 불어납니다. 이것을 1×1 합성곱으로 줄인 것이 `inception_block`입니다.
    (강의 원본의 `Con2D`는 `Conv2D`의 오타입니다.)
    """
    _check_tensor(x, "naive_inception_block")
    f1 = check_int("f1", f1, minimum=1)
    f3 = check_int("f3", f3, minimum=1)
    f5 = check_int("f5", f5, minimum=1)
    _check_name(name)
    layers = _keras().layers
    b1 = layers.Conv2D(f1, 1, padding="same", activation="relu", name=_n(name, "1x1"))(x)
    b3 = layers.Conv2D(f3, 3, padding="same", activation="relu", name=_n(name, "3x3"))(x)
    b5 = layers.Conv2D(f5, 5, padding="same", activation="relu", name=_n(name, "5x5"))(x)
    bp = layers.MaxPooling2D(3, strides=1, padding="same", name=_n(name, "pool"))(x)
    return layers.Concatenate(axis=-1, name=_n(name, "output"))([b1, b3, b5, bp])


def inception_block(x, f1, f3r, f3, f5r, f5, pool_proj, name=None, batch_norm=False):
    """차원 축소 인셉션 모듈 (GoogLeNet 표 1의 열 순서).

    f1: #1×1, f3r: #3×3 reduce, f3: #3×3, f5r: #5×5 reduce, f5: #5×5, pool_proj: 풀링 뒤 1×1.
    출력 채널 = f1 + f3 + f5 + pool_proj. batch_norm=True면 합성곱마다 BN을 넣습니다 (논문에는 없음).
    층 이름: `{name}_1x1`, `{name}_3x3_reduce`, `{name}_3x3`, … , `{name}_output`.
    """
    _check_tensor(x, "inception_block")
    args = {"f1": f1, "f3r": f3r, "f3": f3, "f5r": f5r, "f5": f5, "pool_proj": pool_proj}
    f1, f3r, f3, f5r, f5, pool_proj = (check_int(k, v, minimum=1) for k, v in args.items())
    _check_name(name)
    _check_bool("batch_norm", batch_norm)
    layers = _keras().layers
    bn = {"batch_norm": batch_norm}
    b1 = _conv(x, f1, 1, name=_n(name, "1x1"), **bn)
    b3 = _conv(x, f3r, 1, name=_n(name, "3x3_reduce"), **bn)
    b3 = _conv(b3, f3, 3, name=_n(name, "3x3"), **bn)
    b5 = _conv(x, f5r, 1, name=_n(name, "5x5_reduce"), **bn)
    b5 = _conv(b5, f5, 5, name=_n(name, "5x5"), **bn)
    bp = layers.MaxPooling2D(3, strides=1, padding="same", name=_n(name, "pool"))(x)
    bp = _conv(bp, pool_proj, 1, name=_n(name, "pool_proj"), **bn)
    return layers.Concatenate(axis=-1, name=_n(name, "output"))([b1, b3, b5, bp])


def _aux_head(x, classes, name, scale, dropout):
    """보조 분류기(논문 그림 3): 5×5/3 평균 풀링 → 1×1 합성곱 128 → FC 1024 → 드롭아웃 70 % → 분류."""
    layers = _keras().layers
    x = layers.AveragePooling2D(5, strides=3, padding="valid", name=f"{name}_avg_pool")(x)
    x = layers.Conv2D(scale(128), 1, activation="relu", name=f"{name}_conv")(x)
    x = layers.Flatten(name=f"{name}_flatten")(x)
    x = layers.Dense(scale(1024), activation="relu", name=f"{name}_fc")(x)
    x = layers.Dropout(dropout, name=f"{name}_dropout")(x)
    return _classifier(x, classes, name=f"{name}_predictions")


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
    classes = _check_classes(classes)
    aux_heads = _check_bool("aux_heads", aux_heads)
    include_top = _check_bool("include_top", include_top)
    small_input = _check_bool("small_input", small_input)
    batch_norm = _check_bool("batch_norm", batch_norm)
    dropout = _check_rate("dropout", dropout)
    aux_dropout = _check_rate("aux_dropout", aux_dropout)
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
    h, w, c = _check_input_shape(input_shape, "googlenet", minimum, reason + alt)

    def scale(f):
        return max(1, int(round(f * width_multiplier)))

    keras = _keras()
    layers = keras.layers
    bn = {"batch_norm": batch_norm}
    inputs = keras.Input(shape=(h, w, c))
    if small_input:
        x = _conv(inputs, scale(192), 3, name="conv1_3x3", **bn)
    else:
        x = _conv(inputs, scale(64), 7, strides=2, name="conv1_7x7_s2", **bn)
        x = layers.MaxPooling2D(3, strides=2, padding="same", name="pool1_3x3_s2")(x)
        x = _conv(x, scale(64), 1, name="conv2_3x3_reduce", **bn)
        x = _conv(x, scale(192), 3, name="conv2_3x3", **bn)
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
        x = _classifier(x, classes)
    outputs = [x, *aux] if aux_heads else x
    return keras.Model(inputs, outputs, name="googlenet")


# ---------------------------------------------------------------------------
# ResNet
# ---------------------------------------------------------------------------


def _check_stride(stride):
    stride = check_int("stride", stride, minimum=1)
    return stride


def _bn(x, name):
    return _keras().layers.BatchNormalization(name=name, **_BN)(x)


def _resnet_conv(x, filters, kernel, stride, name):
    """ResNet 합성곱: 편향 없음(바로 뒤 BN이 이동을 맡음), He 초기화."""
    return _keras().layers.Conv2D(
        filters,
        kernel,
        strides=stride,
        padding="same",
        use_bias=False,
        kernel_initializer="he_normal",
        name=name,
    )(x)


def _shortcut_and_out(x, y, out_channels, stride, name, plain):
    """지름길을 더하고 ReLU. 모양이 바뀌면 1×1 합성곱 + BN 투영(논문의 옵션 B), plain이면 지름길 없음."""
    layers = _keras().layers
    if not plain:
        if stride != 1 or x.shape[-1] != out_channels:
            s = _resnet_conv(x, out_channels, 1, stride, _n(name, "0_conv"))
            s = _bn(s, _n(name, "0_bn"))
        else:
            s = x
        y = layers.Add(name=_n(name, "add"))([s, y])
    return layers.Activation("relu", name=_n(name, "out"))(y)


def _check_block_args(x, filters, stride, name, plain, block):
    """잔차·병목 블록의 공통 인자를 검사하고 (filters, stride)를 돌려줍니다."""
    _check_tensor(x, block)
    filters = check_int("filters", filters, minimum=1)
    stride = _check_stride(stride)
    _check_name(name)
    _check_bool("plain", plain)
    return filters, stride


def _conv_bn(x, filters, kernel, stride, name, index, *, relu):
    """블록 안의 index번째 합성곱 → 배치 정규화 (→ ReLU). 계층 이름은 keras.applications와 같은 꼴입니다."""
    y = _resnet_conv(x, filters, kernel, stride, _n(name, f"{index}_conv"))
    y = _bn(y, _n(name, f"{index}_bn"))
    return _keras().layers.Activation("relu", name=_n(name, f"{index}_relu"))(y) if relu else y


def residual_block(x, filters, stride=1, name=None, plain=False):
    """기본 잔차 블록 (ResNet-18/34): 3×3 합성곱-BN-ReLU → 3×3 합성곱-BN → 지름길 더하기 → ReLU.

    stride=2이거나 채널 수가 바뀌면 지름길은 1×1 합성곱(stride)+BN 투영입니다.
    plain=True면 지름길 없이 같은 층만 쌓습니다 (평범한 망과 잔차 망 비교용).
    (강의 원본의 `pading=`은 `padding=`의 오타입니다.)
    """
    filters, stride = _check_block_args(x, filters, stride, name, plain, "residual_block")
    y = _conv_bn(x, filters, 3, stride, name, 1, relu=True)
    y = _conv_bn(y, filters, 3, 1, name, 2, relu=False)
    return _shortcut_and_out(x, y, filters, stride, name, plain)


def bottleneck_block(x, filters, stride=1, name=None, plain=False):
    """병목 블록 (ResNet-50/101/152): 1×1(filters) → 3×3(filters) → 1×1(4·filters), 각 BN, 지름길 → ReLU.

    출력 채널은 4·filters입니다. 원 논문·keras.applications처럼 stride는 첫 1×1 합성곱에 둡니다
    (torchvision의 "v1.5"는 3×3에 두어 계산량이 조금 큽니다).
    """
    filters, stride = _check_block_args(x, filters, stride, name, plain, "bottleneck_block")
    y = _conv_bn(x, filters, 1, stride, name, 1, relu=True)
    y = _conv_bn(y, filters, 3, 1, name, 2, relu=True)
    y = _conv_bn(y, 4 * filters, 1, 1, name, 3, relu=False)
    return _shortcut_and_out(x, y, 4 * filters, stride, name, plain)


def resnet(
    depth, input_shape=(224, 224, 3), classes=1000, include_top=True, small_input=False, width=64, plain=False
):
    """ResNet-depth (He et al. 2015, 표 1). depth는 18, 34, 50, 101, 152 중 하나.

    - 줄기: 7×7/2 합성곱(width) + BN + ReLU + 3×3/2 최대 풀링. 단계 conv2_x~conv5_x의 필터는
      width·(1, 2, 4, 8)이고 conv3_x부터 첫 블록이 stride 2로 해상도를 절반으로 줄입니다.
    - small_input=True: CIFAR용 ResNet처럼 줄기를 3×3/1 합성곱 하나로 하고 최대 풀링을 뺍니다
      (28×28·32×32 입력, 최소 8×8). 표준 줄기는 최소 32×32.
    - width: 기본 필터 수 (기본 64). CPU에서 작은 모델은 16.
    - plain=True: 지름길이 없는 같은 깊이의 평범한 망 (논문 그림 4의 plain-18/34 비교용).
    - include_top=False면 conv5_x 출력(특성 맵)을 돌려줍니다.
    """
    if isinstance(depth, bool) or not isinstance(depth, numbers.Integral):
        raise TypeError(
            f"depth는 정수 18, 34, 50, 101, 152 중 하나여야 합니다. 받은 값: {depth!r} ({type(depth).__name__})"
        )
    if depth not in RESNET_STAGES:
        raise ValueError(
            f"depth는 18, 34, 50, 101, 152 중 하나여야 합니다 (He et al. 2015 표 1의 구성). 받은 값: {depth}"
        )
    classes = _check_classes(classes)
    include_top = _check_bool("include_top", include_top)
    small_input = _check_bool("small_input", small_input)
    plain = _check_bool("plain", plain)
    width = check_int("width", width, minimum=1)
    total = 8 if small_input else 32
    stem = "3×3/1 합성곱 줄기" if small_input else "7×7/2 합성곱과 3×3/2 최대 풀링 줄기"
    alt = "" if small_input else " 28×28·32×32 같은 작은 이미지는 small_input=True(최소 8×8)를 쓰세요."
    h, w, c = _check_input_shape(
        input_shape,
        f"resnet({depth})",
        total,
        f"{stem}와 stride 2 단계 세 번을 거치면 해상도가 1/{total}로 줄어듭니다.{alt}",
    )

    kind, blocks = RESNET_STAGES[depth]
    block_fn = residual_block if kind == "basic" else bottleneck_block
    keras = _keras()
    layers = keras.layers
    inputs = keras.Input(shape=(h, w, c))
    if small_input:
        x = _resnet_conv(inputs, width, 3, 1, "conv1_conv")
    else:
        x = _resnet_conv(inputs, width, 7, 2, "conv1_conv")
    x = _bn(x, "conv1_bn")
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
        x = _classifier(x, classes)
    prefix = "plain" if plain else "resnet"
    return keras.Model(inputs, x, name=f"{prefix}{depth}" + ("_small" if small_input else ""))
