"""곱셈-누산(multiply-accumulate, MAC) 수: 모델 전체(`count_macs`)와 층 하나(`layer_macs`)."""

from __future__ import annotations

import math

from .. import _lazy
from .._validate import check_layer, check_model, is_int
from ._common import channels, data_format_of, spatial_dims
from ._graph import first_call, functional_graph, is_a, nodes_in_order
from .rf import check_input_fits

__all__ = ["count_macs"]

def _shape_of(tensor):
    return tuple(tensor.shape)


def _node_macs(op, in_shapes, out_shapes, data_format_default):
    """층 한 번 호출(노드)의 MAC 수. 모르는 층은 0."""
    if not in_shapes or not out_shapes:
        return 0
    in_shape = in_shapes[0]
    out_shape = out_shapes[0]
    fmt = getattr(op, "data_format", None) or data_format_default

    def need(values, what):
        if any(v is None for v in values):
            raise ValueError(
                f"'{op.name}' 층의 {what} 크기 {tuple(values)} 에 None 이 있어 "
                "MAC 수를 셀 수 없습니다. 모델을 keras.Input(shape=(높이, 너비, "
                "채널))처럼 고정된 크기로 만들거나 input_shape=(높이, 너비, 채널) "
                "인자를 주세요."
            )
        return math.prod(values)

    if is_a(op, "conv_transpose"):
        kernel = math.prod(op.kernel_size)
        cin = channels(in_shape, fmt)
        cout = channels(out_shape, fmt)
        return need(spatial_dims(in_shape, fmt), "입력") * kernel * cin * cout
    if is_a(op, "separable_conv"):
        kernel = math.prod(op.kernel_size)
        cin = channels(in_shape, fmt)
        cout = channels(out_shape, fmt)
        dm = int(op.depth_multiplier)
        return need(spatial_dims(out_shape, fmt), "출력") * cin * dm * (kernel + cout)
    if is_a(op, "depthwise_conv"):
        kernel = math.prod(op.kernel_size)
        cin = channels(in_shape, fmt)
        dm = int(op.depth_multiplier)
        return need(spatial_dims(out_shape, fmt), "출력") * kernel * cin * dm
    if is_a(op, "conv"):
        kernel = math.prod(op.kernel_size)
        cin = channels(in_shape, fmt)
        cout = channels(out_shape, fmt)
        groups = int(getattr(op, "groups", 1) or 1)
        return need(spatial_dims(out_shape, fmt), "출력") * kernel * (cin // groups) * cout
    if is_a(op, "dense"):
        positions = need(in_shape[1:-1], "입력") if len(in_shape) > 2 else 1
        return positions * int(in_shape[-1]) * int(op.units)
    return 0


def _infer_shapes(graph, input_shapes):
    """입력 크기를 바꿔 그래프의 모든 텐서 모양을 다시 계산합니다."""
    keras = _lazy.keras()
    tensors = {}
    for ref, shape in zip(graph.inputs, input_shapes, strict=True):
        tensors[id(ref)] = keras.KerasTensor(shape, dtype=ref.dtype)
    for node in nodes_in_order(graph):
        if node.is_input:
            continue
        if any(id(t) not in tensors for t in node.input_tensors):
            continue
        for ref, new in zip(node.outputs, node.output_spec(tensors), strict=True):
            tensors[id(ref)] = new
    return {key: tuple(value.shape) for key, value in tensors.items()}


def _recorded_shapes(graph):
    shapes = {}
    for node in nodes_in_order(graph):
        for t in list(node.input_tensors) + list(node.outputs):
            shapes[id(t)] = tuple(t.shape)
    return shapes


def graph_shapes(graph, input_shapes=None):
    recorded = [tuple(t.shape) for t in graph.inputs]
    if input_shapes is None or [tuple(s) for s in input_shapes] == recorded:
        return _recorded_shapes(graph)
    return _infer_shapes(graph, input_shapes)


def macs_walk(graph, input_shapes, data_format, per_layer=None):
    """그래프 전체 MAC 수. per_layer 가 dict 면 층 id 별 합계를 채웁니다."""
    keras = _lazy.keras()
    shapes = graph_shapes(graph, input_shapes)
    total = 0
    for node in nodes_in_order(graph):
        if node.is_input:
            continue
        op = node.operation
        in_shapes = [shapes.get(id(t)) for t in node.input_tensors]
        out_shapes = [shapes.get(id(t)) for t in node.outputs]
        if any(s is None for s in in_shapes + out_shapes):
            continue
        if isinstance(op, keras.Model):
            macs = macs_walk(functional_graph(op, f"중첩 모델 {op.name!r}"), in_shapes, data_format)
        else:
            macs = _node_macs(op, in_shapes, out_shapes, data_format)
        total += macs
        if per_layer is not None:
            per_layer[id(op)] = per_layer.get(id(op), 0) + macs
    return total


def resolve_input_shapes(graph, input_shape):
    if input_shape is None:
        return None
    if len(graph.inputs) != 1:
        raise ValueError(
            f"input_shape={input_shape!r}: 입력이 {len(graph.inputs)}개인 모델에는 "
            "input_shape 를 지정할 수 없습니다."
        )
    ref = tuple(graph.inputs[0].shape)
    try:
        # 32.7처럼 정수가 아닌 값은 자르지 않고 거절합니다.
        values = tuple(int(v) for v in input_shape) if all(is_int(v) for v in input_shape) else None
    except TypeError:
        values = None
    if values is None or len(values) != len(ref) - 1 or any(v < 1 for v in values):
        raise ValueError(
            f"input_shape={input_shape!r} 를 해석할 수 없습니다. 배치 차원을 뺀 "
            f"입력 모양 전체를 양의 정수로 주세요(모델 입력: {ref[1:]}, "
            "예: (224, 224, 3))."
        )
    for have, want in zip(ref[1:], values, strict=True):
        if have is not None and have != want:
            raise ValueError(
                f"input_shape={input_shape!r} 가 모델의 고정 입력 크기 {ref[1:]} 와 "
                "다릅니다. 크기가 None 인 축만 바꿀 수 있습니다. 다른 해상도로 "
                "세려면 모델을 keras.Input(shape=(None, None, 채널))로 만드세요."
            )
    return [(None,) + values]


def count_macs(model, input_shape=None):
    """샘플 한 장당 곱셈-누산(MAC) 수를 정수로 돌려줍니다.

    세는 층: Conv1D/2D/3D(groups 포함), DepthwiseConv, SeparableConv,
    Conv1D/2D/3DTranspose, Dense. 중첩 모델은 안쪽까지 셉니다.
    합성곱 MAC = 출력 공간 크기의 곱 × 커널 크기의 곱 × (입력 채널 / groups)
    × 출력 채널. 편향(bias), 배치 정규화, 풀링, 활성화 함수, 덧셈은 세지
    않습니다(He et al. 2015 의 'FLOPs'(= multiply-adds)와 같은 관례).
    FLOPs 로 바꾸려면 보통 2를 곱합니다.

    Args:
        model: 빌드된 keras.Model / keras.Sequential.
        input_shape: 모델 입력의 None 인 축을 채울 입력 모양(배치 제외),
            예: (224, 224, 3). None 이면 모델의 입력 크기를 씁니다.
    """
    check_model(model)
    graph = functional_graph(model)
    shapes = resolve_input_shapes(graph, input_shape)
    if shapes is not None:
        check_input_fits(model, shapes[0][1:])
    return int(macs_walk(graph, shapes, data_format_of(model)))


def layer_macs(layer):
    """층 하나의 MAC 수(그 층이 처음 호출될 때의 입력·출력 크기 기준).

    모델(중첩 모델 포함)을 넘기면 :func:`count_macs` 와 같습니다.
    """
    keras = check_layer(layer)
    if isinstance(layer, keras.Model):
        return count_macs(layer)
    node = first_call(layer)
    if node is None:
        raise ValueError(
            f"layer: 층 {layer.name!r} 이(가) 아직 어떤 입력에도 호출되지 않아 "
            "크기를 알 수 없습니다. 모델 안에서 쓰인 층(예: model.layers[1])을 "
            "넘기세요."
        )
    in_shapes = [_shape_of(t) for t in node.input_tensors]
    out_shapes = [_shape_of(t) for t in node.outputs]
    return int(_node_macs(layer, in_shapes, out_shapes, keras.config.image_data_format()))
