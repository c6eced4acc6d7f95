"""cnn_helpers: 한국어 CNN 강의 노트북이 쓰는 도우미 패키지.

`import cnn_helpers`는 가볍습니다: 하위 모듈(특히 TensorFlow를 쓰는 것)은 처음 쓸 때 불러옵니다
(`lazy_loader`). 강의가 자주 쓰는 함수는 `cnn_helpers.conv2d`처럼 바로 부를 수 있습니다.
모듈의 구성과 강의마다 쓰는 곳은 저장소의 ARCHITECTURE.md에 있습니다.
"""

from __future__ import annotations

from ._lazy import attach

__version__ = "0.1.0"

# 강의가 `ch.이름`으로 쓰는 하위 모듈과 함수 (이 목록이 곧 공개 API입니다: tests/test_package.py)
__getattr__, __dir__, __all__ = attach(
    __name__,
    submodules=["analysis", "data", "diagrams", "exercises", "lesson", "models", "rf_explorer", "widgets"],
    submod_attrs={
        "arithmetic": ["conv_output_size", "same_padding"],
        "ops": ["conv2d", "correlate2d", "convolve2d", "pool2d"],
        "data": ["load_mnist", "sample_image", "load_image"],
        "plotting": ["show_images", "show_kernel", "show_feature_maps", "plot_history", "show_branch_responses", "plot_grouped_bars"],
        "analysis": ["receptive_field", "receptive_field_box", "effective_receptive_field", "erf_spread",
                     "count_macs", "model_table", "block_table", "compare_models", "weight_depth"],
        "activation": ["activation_explorer"],
        "pretrained": ["imagenet_model"],
        "training": ["train_and_record", "plot_training_runs", "plot_layer_gradients", "gradient_scales", "runs_table",
                     "few_label_runs"],
        "classifier": ["draw_training_loop", "draw_descent_paths", "draw_scalar_graph", "draw_tiny_backprop", "show_confusion", "confused_pairs", "wrong_examples", "paired_examples",
                       "strongest_unit"],
    },
)
