"""인자 검사 도우미: 잘못된 입력을 한국어 오류로 바꿉니다 (패키지 내부용)."""

from __future__ import annotations

import numbers

import numpy as np


def check_int(name: str, value, *, minimum: int = 0) -> int:
    """`value`가 `minimum` 이상의 정수인지 확인하고 int로 돌려줍니다."""
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise TypeError(f"{name}은(는) 정수여야 합니다. 받은 값: {value!r} ({type(value).__name__})")
    if value < minimum:
        raise ValueError(f"{name}은(는) {minimum} 이상이어야 합니다. 받은 값: {value}")
    return int(value)


def check_pair(name: str, value, *, minimum: int = 1) -> tuple[int, int]:
    """정수 하나 또는 (세로, 가로) 정수 두 개를 받아 (세로, 가로) 튜플로 돌려줍니다."""
    if isinstance(value, (tuple, list)):
        if len(value) != 2:
            raise ValueError(f"{name}은(는) 정수 하나 또는 (세로, 가로) 두 개여야 합니다. 받은 값: {value!r}")
        return check_int(f"{name}[0]", value[0], minimum=minimum), check_int(f"{name}[1]", value[1], minimum=minimum)
    v = check_int(name, value, minimum=minimum)
    return v, v


def check_array(name: str, value, ndim: int, *, what: str) -> np.ndarray:
    """배열로 바꾸고 차원 수와 값(유한한 실수)을 확인합니다. `what`은 기대하는 모양 설명입니다."""
    if hasattr(value, "numpy") and not isinstance(value, np.ndarray):
        value = value.numpy()  # tf.Tensor도 받습니다.
    try:
        arr = np.asarray(value)
    except Exception as exc:  # 모양이 들쭉날쭉한 리스트 등
        raise TypeError(f"{name}을(를) 배열로 바꿀 수 없습니다: {exc}") from None
    if arr.dtype == object or not (np.issubdtype(arr.dtype, np.number) or arr.dtype == bool):
        raise TypeError(f"{name}은(는) 숫자 배열이어야 합니다. 받은 자료형: {arr.dtype}")
    if arr.ndim != ndim:
        raise ValueError(f"{name}은(는) {ndim}차원 {what} 배열이어야 합니다. 받은 모양: {arr.shape} ({arr.ndim}차원)")
    if 0 in arr.shape:
        raise ValueError(f"{name}에 원소가 없습니다. 받은 모양: {arr.shape}")
    return arr
