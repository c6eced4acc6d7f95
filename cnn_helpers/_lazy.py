"""늦게 불러오기의 단 하나의 곳 (패키지 내부용): TensorFlow·Keras를 처음 쓸 때 한 번 조용히, 하위 모듈은 처음 쓸 때.

`import cnn_helpers`는 TensorFlow를 불러오지 않습니다 (약 3초). Keras가 필요한 함수는 모두
`keras()` 또는 `tensorflow()`를 부릅니다: 처음 한 번만 TensorFlow를 불러오며, 그때 C++ 코드가
stderr에 쓰는 안내 줄("Could not find cuda drivers…")을 숨깁니다. 이미 불러왔으면 바로 돌려줍니다.
"""

from __future__ import annotations

import contextlib
import os
import sys

__all__ = ["tensorflow", "keras", "loaded", "attach", "TF_ENV", "quiet_tf_env"]

# TensorFlow가 import 때 C++ 로그를 쓰지 않고, oneDNN을 끄고(어느 CPU에서나 같은 반올림) 돌게 하는 환경 변수.
# 노트북을 실행하는 스크립트·시험·벤치마크도 모두 이 값을 씁니다 (`quiet_tf_env()`).
TF_ENV = {"TF_CPP_MIN_LOG_LEVEL": "3", "TF_ENABLE_ONEDNN_OPTS": "0"}


def quiet_tf_env(base=None) -> dict:
    """base(기본: os.environ)에 TF_ENV를 더한 새 환경 사전 (하위 프로세스에 넘길 때)."""
    return {**(os.environ if base is None else base), **TF_ENV}


def attach(package: str, *, submodules: list[str], submod_attrs: dict[str, list[str]]):
    """패키지 __init__의 (__getattr__, __dir__, __all__): 하위 모듈과 그 이름을 처음 쓸 때 불러옵니다.

    scikit-image가 쓰는 `lazy_loader.attach`에 없는 이름의 한국어 오류만 더합니다.
    """
    import lazy_loader

    getattr_, dir_, all_ = lazy_loader.attach(package, submodules=submodules, submod_attrs=submod_attrs)

    def __getattr__(name: str):
        try:
            return getattr_(name)
        except AttributeError:
            raise AttributeError(f"{package}에는 {name!r}이(가) 없습니다. 쓸 수 있는 이름: {', '.join(all_)}") from None

    return __getattr__, dir_, all_


@contextlib.contextmanager
def _stderr_silenced():
    """파일 서술자 2(C 수준의 stderr)를 잠시 /dev/null로 돌립니다."""
    sys.stderr.flush()
    saved = os.dup(2)
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, 2)
        yield
    finally:
        sys.stderr.flush()
        os.dup2(saved, 2)
        os.close(saved)
        os.close(devnull)


def tensorflow():
    """TensorFlow 모듈을 돌려줍니다. 처음 불러올 때 import 중 C++ 로그를 숨깁니다.

    TensorFlow 2.21은 TF_CPP_MIN_LOG_LEVEL=3이어도 absl 초기화 전 로그를 stderr에 씁니다. 학생에게는
    잡음이고 저장된 출력과 비교하는 시험(nbval)도 깨뜨립니다. import 중 오류가 나면 그대로 올라갑니다.
    """
    if "tensorflow" in sys.modules:
        return sys.modules["tensorflow"]
    for name, value in TF_ENV.items():
        os.environ.setdefault(name, value)
    with _stderr_silenced():
        import tensorflow as tf
    return tf


def keras():
    """keras 모듈을 돌려줍니다 (백엔드인 TensorFlow를 먼저 조용히 불러옵니다)."""
    module = sys.modules.get("keras")
    if module is not None and "tensorflow" in sys.modules:
        return module
    tensorflow()
    import keras as module

    return module


def loaded(name: str = "keras") -> bool:
    """`name`(keras 또는 tensorflow)을 이미 불러왔는지. 인자가 Keras 객체일 수 없음을 싸게 알아낼 때 씁니다."""
    return name in sys.modules
