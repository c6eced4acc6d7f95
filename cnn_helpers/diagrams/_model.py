"""실제 Keras 모델에서 그림에 쓸 것(계층 종류, 출력 모양, 매개변수 수)을 읽습니다."""

from __future__ import annotations

__all__ = ["layer_specs", "layer_kind", "shape_text"]

_KINDS = {
    "Conv2D": "conv", "DepthwiseConv2D": "conv", "SeparableConv2D": "conv",
    "MaxPooling2D": "pool", "AveragePooling2D": "pool", "GlobalAveragePooling2D": "pool", "GlobalMaxPooling2D": "pool",
    "Dense": "dense", "Flatten": "flatten", "BatchNormalization": "norm",
    "Activation": "act", "ReLU": "act", "Add": "add", "Concatenate": "concat", "InputLayer": "input",
}


def shape_text(shape) -> str:
    """출력 모양을 그림에 적는 글로: (112, 112, 64) → '112×112×64', (4096,) → '4,096'.

    >>> shape_text((112, 112, 64)), shape_text((4096,))
    ('112×112×64', '4,096')
    """
    dims = [int(d) for d in shape]
    return f"{dims[0]:,}" if len(dims) == 1 else "×".join(map(str, dims))


def layer_kind(layer) -> str:
    """계층의 종류 이름('conv', 'pool', 'dense', …; 모르는 것은 'other')."""
    return _KINDS.get(type(layer).__name__, "other")


def layer_specs(model) -> list[dict]:
    """모델의 계층마다 {'name', 'kind', 'shape'(배치 축을 뺀 출력 모양), 'params'}를 차례대로 돌려줍니다.

    입력 계층은 빼고, 입력 모양은 첫 항목 앞에 kind='input'으로 넣습니다.

    >>> import keras
    >>> m = keras.Sequential([keras.Input((8, 8, 1)), keras.layers.Conv2D(2, 3, name="c")])
    >>> [(s["kind"], s["shape"], s["params"]) for s in layer_specs(m)]
    [('input', (8, 8, 1), 0), ('conv', (6, 6, 2), 20)]
    """
    specs = [{"name": "입력", "kind": "input", "shape": tuple(model.inputs[0].shape[1:]), "params": 0}]
    for layer in model.layers:
        if type(layer).__name__ == "InputLayer":
            continue
        output = layer.output
        shape = tuple(output.shape[1:]) if not isinstance(output, (list, tuple)) else tuple(output[0].shape[1:])
        specs.append({"name": layer.name, "kind": layer_kind(layer), "shape": shape, "params": int(layer.count_params())})
    return specs
