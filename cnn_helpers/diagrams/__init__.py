"""구조 그림(diagrams): 합성곱, 수용 영역의 성장, 경로 세기, LeNet-5, VGG-16(블록 안의 합성곱까지), 인셉션 모듈과
GoogLeNet 전체, 잔차 블록을 코드로 그립니다.

모든 그림은 matplotlib으로 그리고 한국어로 이름을 붙입니다 (원격 파일 없음). 모델을 그리는 그림은 모양과
매개변수 수를 손으로 적지 않고 실제 Keras 모델에서 읽습니다 (`layer_specs`), 그래서 그림과 모델이 어긋날
수 없습니다. 그리는 데 쓰는 도형은 `_draw`, 모델에서 읽는 것은 `_model`, 그림마다 모듈이 하나씩 있습니다.
"""

from __future__ import annotations

from .._lazy import attach

# 강의가 `ch.diagrams.이름`으로 쓰는 그림 함수 (그 모듈은 처음 쓸 때 불러옵니다)
__getattr__, __dir__, __all__ = attach(
    __name__,
    submodules=["paths"],
    submod_attrs={
        "_model": ["layer_specs"],
        "conv": ["draw_multichannel_conv"],
        "paths": ["draw_erf_paths"],
        "rf_growth": ["rf_growth_boxes", "draw_rf_growth"],
        "lenet": ["draw_lenet5"],
        "vgg": ["draw_vgg_blocks"],
        "inception": ["draw_inception_modules", "draw_googlenet"],
        "resnet": ["draw_residual_blocks", "draw_plain_vs_resnet"],
    },
)
