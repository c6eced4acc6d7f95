"""인자 검사 도우미: 잘못된 입력을 한국어 오류로 바꿉니다 (패키지 내부용)."""

from __future__ import annotations

import math
import numbers

import numpy as np


def is_int(value) -> bool:
    """파이썬 int 또는 numpy 정수(np.int64 등)이면 True (bool, np.bool_은 아님)."""
    return isinstance(value, numbers.Integral) and not isinstance(value, (bool, np.bool_))


def check_int(name: str, value, *, minimum: int = 0, maximum: int | None = None, why: str = "") -> int:
    """`value`가 `minimum` 이상(`maximum` 이하)의 정수인지 확인하고 int로 돌려줍니다.

    numpy 정수(np.int64 등)도 받습니다. 28.9 같은 실수는 자르지 않고 거절합니다.
    `maximum`을 넘으면 그 한도와 `why`(왜 한도가 있는지)를 말합니다.
    """
    if not is_int(value):
        hint = ""
        if isinstance(value, (float, np.floating)) and math.isfinite(value) and float(value).is_integer():
            hint = f" {int(value)}처럼 정수로 쓰세요."
        raise TypeError(f"{name}은(는) 정수여야 합니다. 받은 값: {short_repr(value)} ({type(value).__name__}).{hint}")
    if value < minimum:
        raise ValueError(f"{name}은(는) {minimum} 이상이어야 합니다. 받은 값: {value}")
    if maximum is not None and value > maximum:
        raise ValueError(f"{name}은(는) {maximum} 이하여야 합니다{f' ({why})' if why else ''}. 받은 값: {value}")
    return int(value)


def check_pair(name: str, value, *, minimum: int = 1, maximum: int | None = None, why: str = "") -> tuple[int, int]:
    """정수 하나 또는 (세로, 가로) 정수 두 개를 받아 (세로, 가로) 튜플로 돌려줍니다."""
    if isinstance(value, (tuple, list)):
        if len(value) != 2:
            raise ValueError(f"{name}은(는) 정수 하나 또는 (세로, 가로) 두 개여야 합니다. 받은 값: {value!r}")
        return tuple(check_int(f"{name}[{i}]", v, minimum=minimum, maximum=maximum, why=why) for i, v in enumerate(value))
    v = check_int(name, value, minimum=minimum, maximum=maximum, why=why)
    return v, v


# 배열 계산(ops, sliding)의 스트라이드·팽창 한도: 더 크면 numpy의 C 정수(int64)가 넘칩니다 (10**19 → OverflowError).
MAX_STEP = 10_000
STEP_WHY = "한 번에 건너뛰는 칸 수의 한도"

# 한 번에 만들 배열(그림, 커널, 모델의 가중치, 유효 수용 영역의 입력)의 한도. 강의의 계산은 이보다 훨씬 작습니다.
MAX_BYTES = 2 * 1024**3


def check_bytes(what: str, nbytes: float, fix: str) -> None:
    """만들기 전에 어림한 메모리(바이트)가 MAX_BYTES를 넘으면 한국어로 거절합니다 (MemoryError 대신)."""
    if nbytes > MAX_BYTES:
        raise ValueError(
            f"{what}에 메모리가 약 {nbytes / 1024**3:,.1f} GiB 필요해 만들지 않습니다 "
            f"(한도 {MAX_BYTES / 1024**3:.0f} GiB). {fix}"
        )


def check_array(name: str, value, ndim: int, *, what: str, finite: bool = True, max_size: int | None = None) -> np.ndarray:
    """배열로 바꾸고 차원 수와 값(유한한 실수)을 확인합니다. `what`은 기대하는 모양 설명입니다.

    finite=True(기본)이면 NaN·inf가 있는 배열을 거절합니다 (NaN 하나가 결과 전체를 망가뜨리므로).
    복소수·문자열·객체 배열은 언제나 거절합니다. max_size: 원소 수의 한도 (그림이 너무 커지지 않게).
    """
    arr = to_array(name, value)
    if arr.ndim != ndim:
        raise ValueError(f"{name}은(는) {ndim}차원 {what} 배열이어야 합니다. 받은 모양: {arr.shape} ({arr.ndim}차원)")
    if 0 in arr.shape:
        raise ValueError(f"{name}에 원소가 없습니다. 받은 모양: {arr.shape}")
    if max_size is not None and arr.size > max_size:
        raise ValueError(f"{name}이(가) 너무 큽니다: 원소 {arr.size:,}개 (모양 {arr.shape}). 최대 {max_size:,}개까지 받습니다.")
    if finite and arr.dtype.kind == "f" and not np.isfinite(arr).all():
        bad = int(np.size(arr) - np.count_nonzero(np.isfinite(arr)))
        raise ValueError(
            f"{name}에 NaN 또는 무한대(inf) 값이 {bad}개 있습니다. 유한한 실수만 받습니다 "
            f"(예: np.nan_to_num({name.split('(')[0]})로 바꾸거나 그 칸을 고치세요)."
        )
    return arr


def to_array(name: str, value) -> np.ndarray:
    """숫자 배열(실수·정수)로 바꿉니다. tf.Tensor도 받고, 들쭉날쭉한 목록·복소수·문자열은 한국어로 거절합니다."""
    if hasattr(value, "numpy") and not isinstance(value, np.ndarray):
        value = value.numpy()  # tf.Tensor도 받습니다.
    try:
        arr = np.asarray(value)
    except Exception as exc:  # 모양이 들쭉날쭉한 리스트 등
        raise TypeError(
            f"{name}을(를) 배열로 바꿀 수 없습니다 (행마다 길이가 같은 숫자 목록이어야 합니다): {type(exc).__name__}"
        ) from None
    if arr.dtype == object or arr.dtype.kind not in "biuf":
        raise TypeError(f"{name}은(는) 숫자 배열이어야 합니다 (실수·정수; 복소수·문자열은 안 됨). 받은 자료형: {arr.dtype}")
    return arr


def short_repr(value, limit: int = 60) -> str:
    """오류 문장에 넣을 짧은 repr (너무 길면 끝을 ...으로 자름)."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def check_choice(name: str, value, choices) -> None:
    """value가 choices 가운데 하나인지 확인합니다."""
    if value not in choices:
        raise ValueError(
            f"{name}={value!r} 는 지원하지 않는 값입니다. 가능한 값: " + ", ".join(repr(c) for c in choices)
        )


def check_positive(name: str, value, *, maximum: float | None = None) -> float:
    """0보다 큰 유한한 실수(numpy 실수 포함)인지 확인하고 float로 돌려줍니다."""
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, numbers.Real):
        raise TypeError(f"{name}은(는) 0보다 큰 실수여야 합니다. 받은 값: {short_repr(value)} ({type(value).__name__})")
    if not (math.isfinite(value) and value > 0):
        raise ValueError(f"{name}은(는) 0보다 큰 유한한 실수여야 합니다. 받은 값: {value}")
    if maximum is not None and value > maximum:
        raise ValueError(f"{name}은(는) {maximum} 이하여야 합니다 (그림이 너무 커지지 않게). 받은 값: {value}")
    return float(value)


def check_cmap(name: str, value) -> str:
    """matplotlib 색 지도 이름인지 확인합니다."""
    import matplotlib

    if not isinstance(value, str) or value not in matplotlib.colormaps:
        raise ValueError(
            f"{name}={short_repr(value)}: matplotlib 색 지도 이름이 아닙니다. 예: 'gray', 'viridis', 'RdBu_r'"
        )
    return value


def check_path(name: str, value):
    """파일 경로(문자열 또는 os.PathLike)인지 확인합니다."""
    import os

    if not isinstance(value, (str, os.PathLike)):
        raise TypeError(f"{name}은(는) 파일 경로(문자열)여야 합니다. 받은 값: {short_repr(value)} ({type(value).__name__})")
    return value


def check_bool(name: str, value) -> bool:
    """True 또는 False(np.bool_ 포함)인지 확인하고 bool로 돌려줍니다."""
    if not isinstance(value, (bool, np.bool_)):
        raise TypeError(f"{name}은(는) True 또는 False여야 합니다. 받은 값: {short_repr(value)} ({type(value).__name__})")
    return bool(value)


def pair_values(value, what: str) -> tuple[int, int]:
    """정수 하나 또는 (높이, 너비) 쌍을 (높이, 너비) 정수 쌍으로 바꿉니다 (정수 값의 실수, NaN 안내 포함)."""
    if isinstance(value, numbers.Integral) and not isinstance(value, bool):
        return int(value), int(value)
    if isinstance(value, numbers.Real) and not isinstance(value, bool):
        if math.isnan(value):
            raise ValueError(
                f"{what} 값이 NaN 입니다. 입력 크기를 몰라 유효 패딩을 정할 수 없었습니다. "
                "receptive_field(model, input_shape=(높이, 너비))처럼 입력 크기를 주고 표를 다시 만드세요."
            )
        if float(value).is_integer():
            return int(value), int(value)
    if isinstance(value, np.ndarray) and value.shape == (2,):
        value = tuple(value.tolist())  # np.array([32, 32])도 (높이, 너비) 쌍으로 받습니다.
    if isinstance(value, (tuple, list)) and len(value) == 2:
        return pair_values(value[0], what)[0], pair_values(value[1], what)[0]
    raise TypeError(f"{what} 에는 정수 또는 (높이, 너비) 정수 쌍이 필요합니다. 받은 값: {short_repr(value)}")


# ---------------------------------------------------------------------------
# Keras 모델·층 인자 (TensorFlow를 불러오지 않고 검사할 수 있는 것은 불러오지 않습니다)
# ---------------------------------------------------------------------------


def check_model(model, argname: str = "model"):
    """Keras 모델(keras.Model / keras.Sequential)인지 확인하고 keras 모듈을 돌려줍니다."""
    from . import _lazy

    message = (
        f"{argname} 에는 Keras 모델(keras.Model 또는 keras.Sequential)이 "
        f"필요합니다. 받은 값: {short_repr(model)} "
        f"(자료형 {type(model).__name__}). "
        "예: keras.applications.VGG16(weights=None)"
    )
    # keras를 아직 불러오지 않았다면 인자가 Keras 모델일 수 없으므로 TensorFlow를 불러오는 시간을 아낍니다.
    if not _lazy.loaded("keras"):
        raise TypeError(message)
    keras = _lazy.keras()
    if not isinstance(model, keras.Model):
        raise TypeError(message)
    return keras


def check_layer(layer):
    """Keras 층(keras.layers.Layer)인지 확인하고 keras 모듈을 돌려줍니다."""
    from . import _lazy

    message = (
        "layer 에는 Keras 층(keras.layers.Layer)이 필요합니다. 받은 값: "
        f"{short_repr(layer)} (자료형 {type(layer).__name__}). "
        "예: layer_macs(model.layers[1])"
    )
    if not _lazy.loaded("keras"):
        raise TypeError(message)
    keras = _lazy.keras()
    if not isinstance(layer, keras.layers.Layer):
        raise TypeError(message)
    return keras


def check_name(name):
    """층·블록 이름: 비어 있지 않은 문자열 또는 None."""
    if name is not None and (not isinstance(name, str) or not name):
        raise TypeError(f"name은 비어 있지 않은 문자열이거나 None이어야 합니다. 받은 값: {name!r}")
    return name


def check_rate(name: str, value) -> float:
    """드롭아웃 비율: 0 이상 1 미만의 실수."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(
            f"{name}은(는) 0 이상 1 미만의 실수여야 합니다. 받은 값: {value!r} ({type(value).__name__})"
        )
    if not 0.0 <= float(value) < 1.0:
        raise ValueError(f"{name}은(는) 0 이상 1 미만이어야 합니다 (예: 0.5). 받은 값: {value}")
    return float(value)


# 모델 인자의 한도: 이보다 크면 TensorFlow가 메모리 부족(ResourceExhausted)으로 멈춥니다.
MAX_WIDTH = 65_536  # 층 하나의 필터·유닛 수
MAX_CLASSES = 100_000  # ImageNet-21k(21,841)도 넉넉히


def check_weights(model: str, params: float) -> None:
    """모델을 만들기 전에 어림한 가중치 수(float32)가 메모리 한도를 넘으면 한국어로 거절합니다."""
    check_bytes(
        f"{model}의 가중치(약 {params:,.0f}개)",
        4 * params,
        "필터·유닛 수(width, filters, channels, dense_units)나 입력 채널 수·크기를 줄이세요.",
    )


def check_classes(classes, name: str = "classes") -> int:
    """분류할 부류 수: 2 이상의 정수."""
    if isinstance(classes, bool) or not isinstance(classes, numbers.Integral):
        raise TypeError(f"{name}(분류할 부류 수)은(는) 정수여야 합니다 (예: MNIST는 10). 받은 값: {classes!r}")
    if classes < 2:
        raise ValueError(
            f"{name}(분류할 부류 수)은(는) 2 이상이어야 합니다: 소프트맥스 분류에는 부류가 둘 이상 필요합니다 "
            f"(예: MNIST는 10, ImageNet은 1000). 받은 값: {classes}"
        )
    if classes > MAX_CLASSES:
        raise ValueError(
            f"{name}(분류할 부류 수)은(는) {MAX_CLASSES:,} 이하여야 합니다 (마지막 Dense 층이 메모리에 들어가게). 받은 값: {classes}"
        )
    return int(classes)


def check_input_shape(input_shape, model: str, minimum: int, hint: str = "") -> tuple[int, int, int]:
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


def check_tensor(x, block: str):
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
