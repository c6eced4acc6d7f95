"""ImageNet으로 미리 학습한 모델: Keras 캐시에 있으면 그것을, 없으면 잠깐 내려받아 보고, 안 되면 한국어로 알립니다.

    model, class_names = imagenet_model("vgg16")   # 인터넷이 없으면 (None, {})와 안내 한 줄

가중치와 부류 이름 파일(imagenet_class_index.json)은 Keras가 처음 받을 때 `$KERAS_HOME/models`(없으면
`~/.keras/models`)에 저장하므로 두 번째부터는 인터넷 없이 됩니다. 연결이 안 되면 기다리지 않고 곧바로 돌아옵니다.
"""

from __future__ import annotations

import json
import os
import socket
import threading
from contextlib import contextmanager
from pathlib import Path

from . import _lazy

__all__ = ["imagenet_model"]

# 이름 → (keras.applications의 생성자 이름, 캐시 파일 이름)
MODELS = {
    "vgg16": ("VGG16", "vgg16_weights_tf_dim_ordering_tf_kernels.h5"),
    "resnet50": ("ResNet50", "resnet50_weights_tf_dim_ordering_tf_kernels.h5"),
}
CLASS_INDEX = "imagenet_class_index.json"
CLASS_INDEX_URL = "https://storage.googleapis.com/download.tensorflow.org/data/imagenet_class_index.json"
HOST = "storage.googleapis.com"  # keras.applications가 가중치를 받는 곳


def _models_dir() -> Path:
    home = os.environ.get("KERAS_HOME") or os.path.join(os.path.expanduser("~"), ".keras")
    return Path(home) / "models"


def _reachable(timeout: float) -> bool:
    """HOST에 timeout초 안에 연결되는지 봅니다 (이름 찾기가 멈춰도 timeout 뒤에는 포기합니다)."""
    result = []

    def probe():
        try:
            socket.create_connection((HOST, 443), timeout=timeout).close()
            result.append(True)
        except OSError:
            pass

    thread = threading.Thread(target=probe, daemon=True)
    thread.start()
    thread.join(timeout)
    return bool(result)


@contextmanager
def _socket_timeout(seconds: float):
    old = socket.getdefaulttimeout()
    socket.setdefaulttimeout(seconds)
    try:
        yield
    finally:
        socket.setdefaulttimeout(old)


def _class_names(timeout: float) -> dict[int, str]:
    keras = _lazy.keras()
    with _socket_timeout(timeout):
        path = keras.utils.get_file(CLASS_INDEX, CLASS_INDEX_URL, cache_subdir="models")
    with open(path, encoding="utf-8") as f:
        return {int(k): v[1] for k, v in json.load(f).items()}


def imagenet_model(name: str, *, timeout: float = 10.0):
    """ImageNet 가중치를 넣은 keras.applications 모델과 {부류 번호: 영어 부류 이름}을 돌려줍니다.

    name: "vgg16" 또는 "resnet50". 캐시에 파일이 없으면 timeout초 안에 연결될 때만 내려받습니다(VGG16은 약 530 MB,
    ResNet50은 약 100 MB). 연결이 안 되거나 받다가 실패하면 한국어 안내를 한 줄 출력하고 (None, {})를 돌려줍니다.
    """
    if name not in MODELS:
        raise ValueError(f"name={name!r}: 쓸 수 있는 이름은 {', '.join(map(repr, MODELS))}입니다.")
    constructor, weights_file = MODELS[name]
    cached = (_models_dir() / weights_file).exists() and (_models_dir() / CLASS_INDEX).exists()
    if not cached and not _reachable(timeout):
        print(f"인터넷에 연결되지 않아 ImageNet 가중치({weights_file})를 받지 못했습니다. 사전 학습 모델 없이 계속합니다: "
              "인터넷이 되는 곳(Colab 등)에서 이 셀을 다시 실행하면 받아서 캐시에 저장합니다.")
        return None, {}
    keras = _lazy.keras()
    try:
        with _socket_timeout(timeout):
            model = getattr(keras.applications, constructor)(weights="imagenet")
        return model, _class_names(timeout)
    except Exception as exc:  # 내려받다가 끊기거나 파일이 손상된 경우: 강의는 계속합니다.
        print(f"ImageNet 가중치를 받거나 읽지 못했습니다 ({type(exc).__name__}). 사전 학습 모델 없이 계속합니다: "
              "인터넷 연결을 확인하고 이 셀을 다시 실행하세요.")
        return None, {}
