"""5강 LeNet-5: Sequential로 만든 `lenet5`와 서브클래싱 예제 `LeNet5`(처음 접근할 때 만듦)."""

from __future__ import annotations

from .. import _lazy
from .._validate import check_classes, check_input_shape, check_weights

__all__ = ["lenet5", "LeNet5"]  # noqa: F822 - LeNet5는 아래 __getattr__가 처음 접근할 때 만듭니다.

_LENET_MIN = 12  # same 5×5 → 풀링 2 → valid 5×5(−4) → 풀링 2 뒤에 1×1 이상 남는 최소 크기


def lenet5(input_shape=(28, 28, 1), classes=10):
    """강의의 LeNet-5 (Sequential): 합성곱 6@5×5 → 풀링 → 합성곱 16@5×5 → 풀링 → 120 → 84 → classes.

    (28, 28, 1) 입력이면 매개변수는 61,706개입니다. 입력은 최소 12×12여야 합니다.
    """
    h, w, c = check_input_shape(
        input_shape,
        "lenet5",
        _LENET_MIN,
        "두 번째 합성곱(5×5, valid)과 풀링 두 번을 거치고도 1×1 이상이 남아야 합니다.",
    )
    classes = check_classes(classes)
    flat = ((h // 2 - 4) // 2) * ((w // 2 - 4) // 2) * 16
    check_weights("lenet5", 25 * c * 6 + 25 * 6 * 16 + flat * 120 + 120 * 84 + 84 * classes)
    keras = _lazy.keras()
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


def make_lenet5_class():
    """서브클래싱 LeNet5 클래스를 만듭니다 (Keras를 이때 처음 불러옵니다)."""
    keras = _lazy.keras()
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
            num_classes = check_classes(num_classes, "num_classes")
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

    LeNet5.__module__ = "cnn_helpers.models"
    LeNet5.__qualname__ = "LeNet5"
    return LeNet5


def __getattr__(name):
    # PEP 562: `LeNet5`는 처음 접근할 때 만들어 모듈에 넣어 둡니다 (그 뒤로는 이 함수를 거치지 않음).
    if name == "LeNet5":
        cls = make_lenet5_class()
        globals()["LeNet5"] = cls
        return cls
    raise AttributeError(f"cnn_helpers.models.lenet에는 {name!r}이(가) 없습니다.")
