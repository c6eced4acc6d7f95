"""강의에서 다루는 CNN 모델: LeNet-5, VGG, GoogLeNet(Inception v1), ResNet (Keras 3). 강의마다 한 파일입니다.

- `lenet` (5강), `vgg` (6강), `inception` (7강), `resnet` (8강), `stacks` (합성곱 층 쌓기, 4·6강),
  `_common` (합성곱 + 배치 정규화 같은 공통 층 도우미).
- 모든 함수는 `keras.Model`을 만들어 돌려줄 뿐 학습된 가중치는 내려받지 않습니다.
- `import cnn_helpers.models`는 TensorFlow/Keras를 불러오지 않습니다(약 3초 절약). Keras는 모델을
  만드는 함수 안에서 처음 불러옵니다.
- 서브클래싱 예제 `LeNet5`(keras.Model을 상속)도 같은 이유로 처음 접근할 때 만듭니다
  (`lenet` 모듈의 `__getattr__`, PEP 562). `from cnn_helpers.models import LeNet5`는 평소처럼 동작합니다.
- 강의는 이 블록·모델을 노트북에서 직접 써 보이고, 여기의 것은 시험된 사본입니다: 둘이 같은지는
  tests/test_lesson_code_NN.py가 봅니다 (ARCHITECTURE.md의 "두 벌의 모델").
- 층 이름은 읽기 쉽게 붙입니다: `block1_conv1`(VGG), `inception_3a_1x1`(GoogLeNet),
  `conv2_block1_1_conv`(ResNet). keras.applications와 같은 이름 규칙입니다.
- 작은 입력(28×28, 32×32)에서 CPU로 학습할 수 있도록 폭(필터 수)을 줄이는 인자와
  `small_input=True`(가벼운 줄기) 인자를 둡니다.
"""

from __future__ import annotations

# 모듈들은 가볍습니다(Keras는 함수 안에서 불러옴): 바로 불러옵니다. `resnet`, `vgg`처럼 함수와 모듈의 이름이 같으므로
# (import가 패키지에 모듈을 먼저 붙임) 아래 from-import가 그 이름을 함수로 덮어써야 합니다.
from .inception import GOOGLENET_TABLE1, googlenet, inception_block, naive_inception_block
from .lenet import lenet5
from .resnet import RESNET_STAGES, bottleneck_block, residual_block, resnet
from .stacks import conv_stack
from .vgg import vgg, vgg16, vgg19, vgg_block

__all__ = [
    "lenet5",
    "LeNet5",  # noqa: F822 - 아래 __getattr__가 처음 접근할 때 만듭니다 (Keras를 그때 불러옴).
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
    "conv_stack",
]


def __getattr__(name: str):
    if name == "LeNet5":
        from . import lenet

        return lenet.LeNet5
    raise AttributeError(f"cnn_helpers.models에는 {name!r}이(가) 없습니다. 쓸 수 있는 이름: {', '.join(__all__)}")


def __dir__():
    return sorted(set(globals()) | set(__all__))
