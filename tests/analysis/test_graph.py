"""analysis._graph: Keras의 공개되지 않은 내부에 닿는 어댑터가 지금 설치된 Keras에서 동작하는지.

이 시험이 실패하면 Keras가 내부(노드, 깊이별 노드, 기반 클래스 이름)를 바꾼 것입니다: 실패 문장에
Keras 판 번호가 나옵니다. 고칠 곳은 `cnn_helpers/analysis/_graph.py` 한 파일뿐입니다.
"""

import pytest

from cnn_helpers import _lazy

_lazy.tensorflow()
import keras  # noqa: E402

from cnn_helpers.analysis import _graph  # noqa: E402

WHERE = f"Keras {keras.__version__}의 내부가 바뀌었습니다: cnn_helpers/analysis/_graph.py를 고치세요."


def _model():
    layers = keras.layers
    x = inputs = keras.Input((16, 16, 3))
    a = layers.Conv2D(4, 3, padding="same", name="conv")(x)
    b = layers.DepthwiseConv2D(3, padding="same", name="dw")(x)
    c = layers.SeparableConv2D(4, 3, padding="same", name="sep")(x)
    m = layers.Add(name="add")([a, c])
    m = layers.Concatenate(name="cat")([m, b])
    p = layers.MaxPooling2D(2, name="pool")(m)
    t = layers.Conv2DTranspose(2, 2, strides=2, name="up_t")(p)
    u = layers.UpSampling2D(name="up")(p)
    g = layers.GlobalAveragePooling2D(name="gap")(layers.Concatenate(name="cat2")([t, u]))
    return keras.Model(inputs, layers.Dense(3, name="fc")(g))


EXPECTED = {
    "conv": {"conv"},
    "dw": {"depthwise_conv"},
    "sep": {"separable_conv"},
    "add": {"merge"},
    "cat": {"merge"},
    "pool": {"pooling"},
    "up_t": {"conv_transpose"},
    "up": {"upsampling"},
    "gap": {"global_pooling"},
    "fc": {"dense"},
}


def test_adapter_reads_the_graph():
    model = _model()
    try:
        graph = _graph.functional_graph(model)
        nodes = _graph.nodes_in_order(graph)
        names = [n.operation.name for n in nodes if not n.is_input]
        assert names.index("conv") < names.index("add") < names.index("cat") < names.index("fc"), names
        for node in nodes:
            assert isinstance(node.input_tensors, tuple) and isinstance(node.outputs, tuple)
        conv_node = _graph.first_call(model.get_layer("conv"))
        assert tuple(conv_node.outputs[0].shape) == (None, 16, 16, 4)
        tensors = {id(graph.inputs[0]): keras.KerasTensor((None, 8, 8, 3))}
        assert tuple(conv_node.output_spec(tensors)[0].shape) == (None, 8, 8, 4)
        seq = keras.Sequential([keras.Input((8, 8, 1)), keras.layers.Conv2D(1, 3)])
        assert _graph.has_graph(seq) and _graph.functional_graph(seq) is not None
    except (AttributeError, TypeError, KeyError) as exc:
        pytest.fail(f"{WHERE} ({type(exc).__name__}: {exc})")


def test_adapter_recognises_layer_kinds():
    model = _model()
    for name, kinds in EXPECTED.items():
        layer = model.get_layer(name)
        found = {kind for kind in _graph.KINDS if kind != "layer" and _graph.is_a(layer, kind)}
        assert found == kinds, f"{WHERE} 층 {name} ({type(layer).__name__}): 종류 {found}, 기대 {kinds}"
        assert _graph.is_a(layer, "layer"), WHERE


def test_unbuilt_sequential_and_subclassed_models_get_korean_errors():
    with pytest.raises(ValueError, match="빌드되지"):
        _graph.functional_graph(keras.Sequential([keras.layers.Dense(2)]))

    class Sub(keras.Model):
        def call(self, x):
            return x

    with pytest.raises(TypeError, match="서브클래싱"):
        _graph.functional_graph(Sub())
