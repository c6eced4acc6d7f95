"""cnn_helpers: 한국어 CNN 강의 노트북이 쓰는 도우미 패키지.

`import cnn_helpers`는 가볍습니다: 하위 모듈(특히 TensorFlow를 쓰는 것)은 처음 쓸 때 불러옵니다.
자주 쓰는 함수는 `cnn_helpers.conv2d`처럼 바로 부를 수 있습니다.
"""

from __future__ import annotations

import importlib

__version__ = "0.1.0"

# 공개 이름 → 그 이름이 있는 하위 모듈
_EXPORTS = {
    "conv_output_size": "arithmetic",
    "same_padding": "arithmetic",
    "conv2d": "ops",
    "correlate2d": "ops",
    "convolve2d": "ops",
    "pool2d": "ops",
    "load_mnist": "data",
    "sample_image": "data",
    "use_korean_font": "plotting",
    "show_images": "plotting",
    "show_kernel": "plotting",
    "show_feature_maps": "plotting",
    "plot_history": "plotting",
    "receptive_field": "analysis",
    "effective_receptive_field": "analysis",
    "erf_spread": "analysis",
    "count_macs": "analysis",
    "layer_macs": "analysis",
    "model_table": "analysis",
    "receptive_field_box": "analysis",
    "choose_strategy": "distribute",
    "strategy": "distribute",  # 예전 이름 (= choose_strategy); 노트북이 ch.strategy()로 부릅니다.
    "resolve_padding": "arithmetic",
    "divisibility_fixes": "arithmetic",
    "sliding_steps": "sliding",
    "layer_table": "analysis",
    "activation_explorer": "activation",
    "load_image": "data",
    "imagenet_model": "pretrained",
}
_SUBMODULES = (
    "arithmetic",
    "ops",
    "data",
    "plotting",
    "sliding",
    "render",
    "widgets",
    "animation",
    "rf_explorer",
    "activation",
    "analysis",
    "models",
    "exercises",
    "distribute",
    "lesson",
    "diagrams",
    "frontend",
    "pretrained",
)

__all__ = sorted(_EXPORTS) + list(_SUBMODULES)


def __getattr__(name: str):
    if name in _SUBMODULES:
        return importlib.import_module(f"{__name__}.{name}")
    if name in _EXPORTS:
        return getattr(importlib.import_module(f"{__name__}.{_EXPORTS[name]}"), name)
    raise AttributeError(f"cnn_helpers에는 {name!r}이(가) 없습니다. 쓸 수 있는 이름: {', '.join(__all__)}")


def __dir__():
    return __all__
