"""구조 그림(diagrams): 합성곱, 경로 세기, LeNet-5, VGG-16, 인셉션 모듈, 잔차 블록, plain-34와 ResNet-34를 코드로 그립니다.

모든 그림은 matplotlib으로 그리고 한국어로 이름을 붙입니다 (원격 파일 없음). 모델을 그리는 그림은 모양과
매개변수 수를 손으로 적지 않고 실제 Keras 모델에서 읽습니다 (`layer_specs`), 그래서 그림과 모델이 어긋날
수 없습니다. 그리는 데 쓰는 도형은 `_draw`, 모델에서 읽는 것은 `_model`, 그림마다 모듈이 하나씩 있습니다.
"""

from __future__ import annotations

import importlib

# 공개 이름 → 그 이름이 있는 하위 모듈 (처음 쓸 때 불러옵니다)
_EXPORTS = {
    "layer_specs": "_model",
    "draw_multichannel_conv": "conv",
    "draw_erf_paths": "paths",
    "draw_lenet5": "lenet",
    "draw_vgg16": "vgg",
    "draw_inception_modules": "inception",
    "draw_residual_blocks": "resnet",
    "draw_plain_vs_resnet": "resnet",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str):
    if name in _EXPORTS:
        return getattr(importlib.import_module(f".{_EXPORTS[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__():
    return sorted(set(globals()) | set(_EXPORTS))
