"""합성곱 신경망(CNN) 구조 분석 도구.

이 모듈의 함수들은 Keras 3 모델을 받아 표(pandas DataFrame)나 배열(numpy)을
돌려주는 순수 함수입니다. 그림은 그리지 않습니다(그림은 plotting 모듈의 몫).

* :func:`receptive_field` – 층별 이론적 수용 영역(RF), 유효 스트라이드(jump),
  유효 패딩. Araujo, Norris & Sim, "Computing Receptive Fields of
  Convolutional Neural Networks", Distill (2019),
  https://distill.pub/2019/computing-receptive-fields/ 의 방법을 따릅니다.
* :func:`effective_receptive_field`, :func:`erf_spread` – 유효 수용 영역(ERF)
  지도와 그 크기. Luo, Li, Urtasun & Zemel, "Understanding the Effective
  Receptive Field in Deep Convolutional Neural Networks", NeurIPS 2016.
* :func:`count_macs`, :func:`layer_macs` – 곱셈-누산(multiply-accumulate) 수.
* :func:`model_table` – 층 이름, 종류, 출력 모양, 파라미터 수, MAC 수,
  수용 영역을 한 표로.

TensorFlow/Keras 는 가져오는 데 몇 초가 걸리므로 모듈을 import 할 때가 아니라
각 함수 안에서 필요할 때 가져옵니다.
"""

from __future__ import annotations

import math
import sys
import warnings
from dataclasses import dataclass

__all__ = [
    "receptive_field",
    "effective_receptive_field",
    "erf_spread",
    "count_macs",
    "layer_macs",
    "model_table",
    "receptive_field_box",
]


# ---------------------------------------------------------------------------
# 공통 도우미
# ---------------------------------------------------------------------------


def _keras():
    """keras 를 늦게(함수 안에서) 가져옵니다."""
    import keras

    return keras


def _short_repr(value, limit=60):
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _check_model(model, argname="model"):
    """Keras 모델인지 확인하고 keras 모듈을 돌려줍니다."""
    # keras 가 아직 import 되지 않았다면 인자가 Keras 모델일 수 없으므로
    # TensorFlow 를 가져오는 데 드는 시간을 아낍니다.
    if "keras" not in sys.modules:
        raise TypeError(
            f"{argname} 에는 Keras 모델(keras.Model 또는 keras.Sequential)이 "
            f"필요합니다. 받은 값: {_short_repr(model)} "
            f"(자료형 {type(model).__name__}). "
            "예: keras.applications.VGG16(weights=None)"
        )
    keras = _keras()
    if not isinstance(model, keras.Model):
        raise TypeError(
            f"{argname} 에는 Keras 모델(keras.Model 또는 keras.Sequential)이 "
            f"필요합니다. 받은 값: {_short_repr(model)} "
            f"(자료형 {type(model).__name__}). "
            "예: keras.applications.VGG16(weights=None)"
        )
    return keras


def _graph(model, argname="model"):
    """모델의 함수형(functional) 그래프 객체를 돌려줍니다.

    Sequential 모델은 빌드되면 내부에 함수형 그래프(``_functional``)를 갖습니다.
    """
    keras = _keras()
    if isinstance(model, keras.Sequential):
        graph = getattr(model, "_functional", None)
        if graph is None:
            raise ValueError(
                f"{argname}: Sequential 모델 {model.name!r} 이(가) 아직 빌드되지 "
                "않아 층 사이의 연결과 크기를 알 수 없습니다. "
                "keras.Input(shape=(높이, 너비, 채널))을 첫 층으로 넣거나 "
                "model.build((None, 높이, 너비, 채널))을 먼저 호출하세요."
            )
        return graph
    if getattr(model, "_nodes_by_depth", None) is not None and hasattr(model, "_inputs"):
        return model
    raise TypeError(
        f"{argname}: 서브클래싱으로 만든 모델 {model.name!r} "
        f"(자료형 {type(model).__name__})은 층 사이의 연결 그래프가 없어 "
        "분석할 수 없습니다. 함수형 API(keras.Model(inputs, outputs)) 또는 "
        "keras.Sequential 로 만든 모델을 넘겨 주세요."
    )


def _has_graph(model):
    """함수형 그래프가 있는(함수형 또는 빌드된 Sequential) 모델인지."""
    keras = _keras()
    if isinstance(model, keras.Sequential):
        return getattr(model, "_functional", None) is not None
    return getattr(model, "_nodes_by_depth", None) is not None and hasattr(model, "_inputs")


def _nodes_in_order(graph):
    """그래프의 노드를 위상 순서(입력 → 출력)로 돌려줍니다."""
    nodes = []
    for depth in sorted(graph._nodes_by_depth, reverse=True):
        nodes.extend(graph._nodes_by_depth[depth])
    return nodes


def _mro_names(obj):
    return {cls.__name__ for cls in type(obj).__mro__}


def _flat(structure):
    return list(_keras().tree.flatten(structure))


def _to_tuple(value, ndim):
    if value is None:
        return None
    if isinstance(value, int):
        return (value,) * ndim
    value = tuple(int(v) for v in value)
    if len(value) == 1 and ndim > 1:
        value = value * ndim
    return value


def _pair_tuple(value, ndim):
    """ZeroPadding/Cropping 의 ``padding``/``cropping`` 값을 ((앞, 뒤), ...)로."""
    if isinstance(value, int):
        return ((value, value),) * ndim
    value = tuple(value)
    if ndim == 1 and len(value) == 2 and all(isinstance(v, int) for v in value):
        return ((int(value[0]), int(value[1])),)
    out = []
    for item in value:
        if isinstance(item, int):
            out.append((item, item))
        else:
            out.append((int(item[0]), int(item[1])))
    return tuple(out)


def _data_format_of(model):
    """모델의 이미지 데이터 형식('channels_last' 또는 'channels_first')."""
    keras = _keras()
    for layer in _iter_layers(model):
        fmt = getattr(layer, "data_format", None)
        if fmt in ("channels_last", "channels_first"):
            return fmt
    return keras.config.image_data_format()


def _iter_layers(model):
    keras = _keras()
    for layer in model.layers:
        if isinstance(layer, keras.Model):
            yield from _iter_layers(layer)
        else:
            yield layer


def _spatial_dims(shape, data_format):
    """(배치, ...) 모양에서 공간 차원만 꺼냅니다."""
    shape = tuple(shape)
    if len(shape) < 3:
        return ()
    if data_format == "channels_first":
        return tuple(shape[2:])
    return tuple(shape[1:-1])


def _channels(shape, data_format):
    shape = tuple(shape)
    return shape[1] if data_format == "channels_first" else shape[-1]


def _squeeze(values):
    """모든 값이 같으면 정수 하나, 다르면 (높이, 너비, ...) 튜플."""
    values = tuple(values)
    if len(set(values)) == 1:
        return values[0]
    return values


# ---------------------------------------------------------------------------
# 수용 영역(receptive field)
# ---------------------------------------------------------------------------
#
# 축마다 다음 세 값을 추적합니다(Distill 2019 의 기호).
#   rf    : 출력 한 칸이 보는 입력 구간의 길이 r
#   jump  : 이웃한 출력 칸 사이의 입력 거리(유효 스트라이드) S
#   start : 출력 0번 칸이 보는 구간의 첫 입력 좌표 a (= -유효 패딩 P)
# 출력 k번 칸이 보는 입력 구간은 [a + k*S, a + k*S + r - 1] 입니다.
# 커널 f, 스트라이드 s, 팽창 d, 앞쪽 패딩 p 인 층을 지나면
#   r' = r + d(f-1)S,   a' = a - pS,   S' = sS.
# 입력 크기를 모르면(None) 'same' 패딩의 앞쪽 패딩 p 를 정할 수 없는 경우가
# 있어 start 는 None(알 수 없음)이 됩니다. rf 와 jump 는 그래도 정확합니다.


@dataclass(frozen=True)
class _Axis:
    rf: int
    jump: int
    start: int | None  # None: 알 수 없음
    size: int | None  # 이 축의 출력 크기(칸 수), None: 알 수 없음

    @property
    def centre2(self):
        """출력 0번 칸 수용 영역 중심의 두 배(정수로 비교하려고)."""
        if self.start is None:
            return None
        return 2 * self.start + self.rf - 1


@dataclass(frozen=True)
class _Spatial:
    axes: tuple
    aligned: bool | None = True
    note: str = ""


class _Global:
    """공간 의미가 없는 텐서(Flatten, Dense, 전역 풀링 뒤)."""


class _Unknown:
    """지원하지 않는 층을 지난 텐서."""


_GLOBAL = _Global()
_UNKNOWN = _Unknown()

# 공간 구조를 바꾸지 않는 점별(pointwise) 층. 정규화 층의 통계는 수용 영역
# 계산에서 무시합니다(Distill 2019 와 같은 관례).
_PASSTHROUGH = frozenset(
    {
        "InputLayer",
        "BatchNormalization",
        "LayerNormalization",
        "GroupNormalization",
        "UnitNormalization",
        "Activation",
        "ReLU",
        "LeakyReLU",
        "PReLU",
        "ELU",
        "Softmax",
        "Dropout",
        "SpatialDropout1D",
        "SpatialDropout2D",
        "SpatialDropout3D",
        "GaussianNoise",
        "GaussianDropout",
        "AlphaDropout",
        "ActivityRegularization",
        "Rescaling",
        "Normalization",
        "Identity",
        "Masking",
        "RandomFlip",
        "RandomRotation",
        "RandomZoom",
        "RandomTranslation",
        "RandomContrast",
        "RandomBrightness",
    }
)

# keras.ops 로 만든 원소별 연산(층이 아닌 Operation). 예: MobileNetV3 의 x + 3.
_ELEMENTWISE_OPS = frozenset(
    {
        "Add",
        "Subtract",
        "Multiply",
        "Divide",
        "TrueDivide",
        "Maximum",
        "Minimum",
        "Power",
        "Negative",
        "Abs",
        "Absolute",
        "Sqrt",
        "Square",
        "Exp",
        "Log",
        "Tanh",
        "Sigmoid",
        "Relu",
        "Relu6",
        "HardSigmoid",
        "HardSwish",
        "Silu",
        "Swish",
        "Gelu",
        "Clip",
        "Cast",
        "Where",
    }
)

# 입력 여러 개를 원소별로 합치는 층 가운데 Merge 를 상속하지 않는 것.
# CustomScaleLayer: keras.applications.InceptionResNetV2 의 x + scale * r.
_MERGE_LAYERS = frozenset({"CustomScaleLayer"})

_CONV_BASES = ("BaseConv", "BaseDepthwiseConv", "BaseSeparableConv")
_UNSUPPORTED_SPATIAL = ("BaseConvTranspose", "UpSampling1D", "UpSampling2D", "UpSampling3D")


def _same_pad_before(n, kernel, stride, dilation):
    """TensorFlow 'SAME' 패딩의 앞쪽(위/왼쪽) 패딩.

    out = ceil(n/s), pad_total = max((out-1)s + d(f-1) + 1 - n, 0),
    pad_before = pad_total // 2 (남는 1칸은 뒤쪽에 붙습니다).
    """
    eff = dilation * (kernel - 1) + 1
    if stride == 1:
        total = eff - 1  # 입력 크기와 무관
        return total // 2, n
    if n is None:
        return None, None
    out = -(-n // stride)
    total = max((out - 1) * stride + eff - n, 0)
    return total // 2, out


def _conv_axis(axis, kernel, stride, dilation, padding):
    eff = dilation * (kernel - 1) + 1
    n = axis.size
    if padding == "valid":
        pad, out = 0, (None if n is None else (n - eff) // stride + 1)
    elif padding == "same":
        pad, out = _same_pad_before(n, kernel, stride, dilation)
    elif padding == "causal":
        pad, out = eff - 1, (None if n is None else -(-n // stride))
    else:
        raise ValueError(f"알 수 없는 padding 값 {padding!r}")
    start = None if (axis.start is None or pad is None) else axis.start - pad * axis.jump
    return _Axis(
        rf=axis.rf + (eff - 1) * axis.jump,
        jump=axis.jump * stride,
        start=start,
        size=out,
    )


def _shift_axis(axis, before, after, sign):
    """ZeroPadding(sign=+1) 또는 Cropping(sign=-1)."""
    start = None if axis.start is None else axis.start - sign * before * axis.jump
    size = None if axis.size is None else axis.size + sign * (before + after)
    return _Axis(rf=axis.rf, jump=axis.jump, start=start, size=size)


def _merge(name, states, sink):
    """여러 분기를 합치는 층(Add, Concatenate, Multiply ...).

    jump 와 수용 영역 중심이 같은(정렬된) 분기들은 가장 큰 rf 를 택합니다.
    정렬되지 않은 경우에는 출력 0번 칸이 보는 구간들의 합집합을 쓰고
    aligned=False 로 표시합니다(평균 내지 않음). 경고 문장은 sink 에 모읍니다.
    """
    spatial = [s for s in states if isinstance(s, _Spatial)]
    if any(s is _UNKNOWN for s in states):
        return _UNKNOWN
    if not spatial:
        return _GLOBAL
    notes = []
    if len(spatial) < len(states):
        notes.append("전역(공간 정보 없는) 분기가 합쳐짐: 엄밀히는 입력 전체를 보지만 공간 분기만으로 계산")
    if len({len(s.axes) for s in spatial}) != 1:
        return _UNKNOWN
    if any(s.aligned is False for s in spatial):
        aligned = False
    elif any(s.aligned is None for s in spatial):
        aligned = None
    else:
        aligned = True
    new_axes = []
    misaligned_axes = []
    for k, axes in enumerate(zip(*(s.axes for s in spatial), strict=True)):
        jumps = {a.jump for a in axes}
        size = axes[0].size
        if all(a.start is not None for a in axes):
            lo = min(a.start for a in axes)
            hi = max(a.start + a.rf - 1 for a in axes)
            new_axes.append(_Axis(rf=hi - lo + 1, jump=max(jumps), start=lo, size=size))
            if len(jumps) > 1 or len({a.centre2 for a in axes}) > 1:
                misaligned_axes.append(k)
        else:
            # 입력 크기를 몰라 중심을 비교할 수 없음: rf 는 가장 큰 값
            new_axes.append(_Axis(rf=max(a.rf for a in axes), jump=max(jumps), start=None, size=size))
            if len(jumps) > 1:
                misaligned_axes.append(k)
            elif aligned is True and len(spatial) > 1:
                aligned = None
    if misaligned_axes:
        aligned = False
        axis_names = "/".join(
            ("높이", "너비", "깊이")[k] if len(new_axes) > 1 else "길이" for k in misaligned_axes
        )
        notes.append(
            f"정렬 안 됨({axis_names} 축): 합쳐지는 분기들의 jump 또는 수용 영역 "
            "중심이 서로 다름 → 출력 0번 칸 기준 합집합으로 계산"
        )
        sink.append(
            f"'{name}' 층에서 합쳐지는 분기들의 수용 영역이 정렬되어 있지 않습니다"
            f"({axis_names} 축: jump 또는 중심 위치가 다름). 표의 rf 는 출력 0번 칸 "
            "기준 합집합이며 aligned 열이 False 로 표시됩니다."
        )
    return _Spatial(axes=tuple(new_axes), aligned=aligned, note="; ".join(notes))


class _RFWalker:
    """함수형 그래프를 따라가며 텐서마다 수용 영역 상태를 계산합니다."""

    def __init__(self, on_unknown, data_format="channels_last"):
        self.on_unknown = on_unknown
        self.data_format = data_format
        self.rows = []  # (정렬 키, 행 dict)
        self.warnings = []  # 정렬 안 된 합치기에 대한 경고 문장
        self.layer_states = {}  # 최상위 층 id -> 첫 노드 출력 상태

    def walk(self, graph, in_states, prefix="", key=(), top=False, input_rows=True):
        """그래프를 따라가며 상태를 계산하고 표의 행을 모읍니다.

        input_rows: InputLayer 행을 넣을지(Sequential 과 중첩 모델은 넣지 않음:
        Sequential.layers 에는 InputLayer 가 없음).
        """
        keras = _keras()
        states = {}
        for tensor, state in zip(graph.inputs, in_states, strict=True):
            states[id(tensor)] = state
        order = {id(layer): i for i, layer in enumerate(graph.layers)}
        call_count = {}
        for node in _nodes_in_order(graph):
            op = node.operation
            if node.is_input:
                out_state = states.get(id(node.outputs[0]))
                if out_state is None or not input_rows:
                    continue
                self._record(op, node, out_state, prefix, key, order, call_count, top)
                continue
            ins = [states.get(id(t), _UNKNOWN) for t in node.input_tensors]
            if isinstance(op, keras.Model) and _has_graph(op) and not all(s is _GLOBAL for s in ins):
                sub_graph = _graph(op, argname=f"중첩 모델 {op.name!r}")
                idx = order.get(id(op), len(order))
                outs = self.walk(
                    sub_graph,
                    ins,
                    prefix=f"{prefix}{op.name}/",
                    key=key + (idx, call_count.get(id(op), 0)),
                    input_rows=False,
                )
                call_count[id(op)] = call_count.get(id(op), 0) + 1
                for tensor, state in zip(node.outputs, outs, strict=True):
                    states[id(tensor)] = state
                if top:
                    self.layer_states.setdefault(id(op), outs[0] if outs else _GLOBAL)
                continue
            out_state = self._transfer(op, node, ins, prefix)
            for tensor in node.outputs:
                states[id(tensor)] = out_state
            self._record(op, node, out_state, prefix, key, order, call_count, top)
        return [states.get(id(t), _UNKNOWN) for t in graph.outputs]

    def _record(self, op, node, state, prefix, key, order, call_count, top):
        keras = _keras()
        if not isinstance(op, keras.layers.Layer):
            return  # keras.ops 연산은 표에 싣지 않음(상태만 전달)
        n_call = call_count.get(id(op), 0)
        call_count[id(op)] = n_call + 1
        if top:
            self.layer_states.setdefault(id(op), state)
        if not isinstance(state, _Spatial):
            if isinstance(state, _UnknownOrigin):
                name = f"{prefix}{op.name}" + (f" [{n_call + 1}]" if n_call else "")
                row = {
                    "layer": name,
                    "type": type(op).__name__,
                    "out_size": None,
                    "rf": float("nan"),
                    "jump": float("nan"),
                    "padding": float("nan"),
                    "aligned": None,
                    "note": state.note,
                }
                self.rows.append((key + (order.get(id(op), 0), n_call), row))
            return
        name = f"{prefix}{op.name}" + (f" [{n_call + 1}]" if n_call else "")
        axes = state.axes
        if any(a.start is None for a in axes):
            padding = float("nan")
        else:
            padding = _squeeze(-a.start for a in axes)
        sizes = tuple(a.size for a in axes)
        row = {
            "layer": name,
            "type": type(op).__name__,
            "out_size": None if None in sizes else _squeeze(sizes),
            "rf": _squeeze(a.rf for a in axes),
            "jump": _squeeze(a.jump for a in axes),
            "padding": padding,
            "aligned": state.aligned,
            "note": state.note,
        }
        self.rows.append((key + (order.get(id(op), 0), n_call), row))

    def _unknown(self, op, prefix, why):
        name = f"{prefix}{op.name}"
        message = (
            f"'{name}' 층({type(op).__name__})은 수용 영역 계산을 지원하지 "
            f"않습니다: {why}. 지원하는 층: 합성곱(Conv, DepthwiseConv, "
            "SeparableConv), 풀링, ZeroPadding, Cropping, 합치기(Add, "
            "Concatenate ...), 점별 층(BatchNormalization, Activation, Dropout "
            "...). 표시만 하고 계속하려면 on_unknown='mark' 를 쓰세요."
        )
        if self.on_unknown == "raise":
            raise ValueError(message)
        return _UnknownOrigin(f"지원하지 않는 층({why}): 이후 계산 중단")

    def _transfer(self, op, node, ins, prefix):
        mro = _mro_names(op)
        cls = type(op).__name__
        if any(s is _UNKNOWN or isinstance(s, _UnknownOrigin) for s in ins):
            return _UNKNOWN
        if all(s is _GLOBAL for s in ins):
            return _GLOBAL
        if "BaseGlobalPooling" in mro or cls == "Flatten":
            return _GLOBAL
        outs = node.outputs
        if all(len(o.shape) < 3 for o in outs):
            return _GLOBAL
        spatial = [s for s in ins if isinstance(s, _Spatial)]
        ndim = len(spatial[0].axes)
        is_layer = "Layer" in mro

        if "Merge" in mro or cls in _MERGE_LAYERS or (not is_layer and cls in _ELEMENTWISE_OPS):
            if cls == "Concatenate":
                axis = getattr(op, "axis", -1)
                rank = len(outs[0].shape)
                axis = axis % rank
                channel_axis = 1 if self.data_format == "channels_first" else rank - 1
                if axis != channel_axis:
                    return self._unknown(op, prefix, f"공간 축(axis={axis})으로 이어 붙임")
            if cls in ("Dot",):
                return self._unknown(op, prefix, "내적(Dot)은 공간 구조를 없앰")
            return _merge(f"{prefix}{op.name}", ins, self.warnings)

        if len(spatial) != 1 or len(ins) != 1:
            return self._unknown(op, prefix, "입력이 여러 개인 층")
        state = spatial[0]

        if any(base in mro for base in _CONV_BASES) or "BasePooling" in mro:
            if "BasePooling" in mro:
                kernel = _to_tuple(op.pool_size, ndim)
                strides = _to_tuple(op.strides, ndim) or kernel
                dilation = (1,) * ndim
            else:
                kernel = _to_tuple(op.kernel_size, ndim)
                strides = _to_tuple(op.strides, ndim)
                dilation = _to_tuple(getattr(op, "dilation_rate", 1), ndim)
            padding = str(op.padding).lower()
            if padding not in ("valid", "same", "causal"):
                return self._unknown(op, prefix, f"padding={padding!r}")
            axes = tuple(
                _conv_axis(a, f, s, d, padding)
                for a, f, s, d in zip(state.axes, kernel, strides, dilation, strict=True)
            )
            return _Spatial(axes=axes, aligned=state.aligned)
        if cls.startswith("ZeroPadding"):
            pads = _pair_tuple(op.padding, ndim)
            axes = tuple(_shift_axis(a, p[0], p[1], +1) for a, p in zip(state.axes, pads, strict=True))
            return _Spatial(axes=axes, aligned=state.aligned)
        if cls.startswith("Cropping"):
            crops = _pair_tuple(op.cropping, ndim)
            axes = tuple(_shift_axis(a, c[0], c[1], -1) for a, c in zip(state.axes, crops, strict=True))
            return _Spatial(axes=axes, aligned=state.aligned)
        if cls in _PASSTHROUGH or (not is_layer and cls in _ELEMENTWISE_OPS):
            return _Spatial(axes=state.axes, aligned=state.aligned)
        if cls == "Dense" or "Dense" in mro:
            # 4차원 입력에 쓴 Dense 는 마지막 축(채널)에만 작용하는 1x1 합성곱
            return _Spatial(axes=state.axes, aligned=state.aligned)
        if any(base in mro for base in _UNSUPPORTED_SPATIAL):
            return self._unknown(op, prefix, "출력이 입력보다 촘촘해지는(업샘플링) 층")
        return self._unknown(op, prefix, "공간 구조에 미치는 영향을 모르는 층")


@dataclass(frozen=True)
class _UnknownOrigin:
    """지원하지 않는 층 그 자체의 출력(표에 한 줄 표시하고 멈춤)."""

    note: str


def _input_states(graph, input_shape, data_format):
    states = []
    inputs = graph.inputs
    if input_shape is not None and len(inputs) != 1:
        raise ValueError(
            f"input_shape={input_shape!r}: 입력이 {len(inputs)}개인 모델에는 "
            "input_shape 를 지정할 수 없습니다. input_shape=None 으로 두세요."
        )
    for tensor in inputs:
        shape = tuple(tensor.shape)
        dims = _spatial_dims(shape, data_format)
        if not dims:
            states.append(_GLOBAL)
            continue
        if input_shape is not None:
            dims = _override_dims(input_shape, dims, shape, data_format)
        states.append(_Spatial(axes=tuple(_Axis(rf=1, jump=1, start=0, size=n) for n in dims)))
    return states


def _override_dims(input_shape, dims, shape, data_format):
    try:
        values = tuple(None if v is None else int(v) for v in input_shape)
    except (TypeError, ValueError):
        values = None
    if values is not None and len(values) == len(shape) - 1:
        values = _spatial_dims((None,) + values, data_format)
    if values is None or len(values) != len(dims) or any(v is not None and v < 1 for v in values):
        raise ValueError(
            f"input_shape={input_shape!r} 를 해석할 수 없습니다. 공간 크기 "
            f"{len(dims)}개(예: (224, 224)) 또는 배치를 뺀 입력 모양 전체"
            f"(예: {tuple(shape[1:])})를 양의 정수로 주세요."
        )
    return values


def _check_choice(name, value, choices):
    if value not in choices:
        raise ValueError(
            f"{name}={value!r} 는 지원하지 않는 값입니다. 가능한 값: " + ", ".join(repr(c) for c in choices)
        )


def receptive_field(model, input_shape=None, *, on_unknown="raise"):
    """층별 이론적 수용 영역(RF), 유효 스트라이드, 유효 패딩 표를 만듭니다.

    Araujo, Norris & Sim (Distill, 2019)의 재귀식을 함수형 그래프(분기·합치기
    포함)에 적용합니다. 'same' 패딩은 TensorFlow 와 똑같이 실제 입력 크기로
    계산합니다(앞쪽 패딩 = pad_total // 2).

    Args:
        model: 빌드된 keras.Model / keras.Sequential (중첩 모델 가능).
        input_shape: 모델 입력 크기 대신 쓸 공간 크기 (예: (224, 224) 또는
            (224, 224, 3)). None 이면 모델의 입력 크기를 씁니다.
        on_unknown: 모르는 공간 층을 만났을 때 'raise'(ValueError) 또는
            'mark'(그 층을 note 와 NaN 으로 표시하고 그 뒤 계산 중단).

    Returns:
        pandas.DataFrame. 열: ``layer``, ``type``, ``out_size``(출력 공간 크기),
        ``rf``(수용 영역), ``jump``(유효 스트라이드), ``padding``(유효 패딩 =
        출력 0번 칸의 수용 영역이 입력 왼쪽/위 끝보다 몇 칸 앞에서 시작하는지),
        ``aligned``(합쳐진 분기들의 jump·중심이 일치하면 True, 아니면 False,
        입력 크기를 몰라 판단할 수 없으면 None), ``note``(설명).
        값은 축마다 같으면 정수 하나, 다르면 (높이, 너비) 튜플입니다.
        입력 크기를 몰라 유효 패딩을 정할 수 없으면 padding 은 NaN 입니다.
        Flatten, Dense(2차원 출력), 전역 풀링 같은 공간 의미가 없는 층과
        그 뒤의 층은 표에 넣지 않습니다(표가 거기서 끝남).
    """
    import pandas as pd

    _check_model(model)
    _check_choice("on_unknown", on_unknown, ("raise", "mark"))
    graph = _graph(model)
    data_format = _data_format_of(model)
    walker = _RFWalker(on_unknown, data_format)
    walker.walk(
        graph,
        _input_states(graph, input_shape, data_format),
        top=True,
        input_rows=not isinstance(model, _keras().Sequential),
    )
    for message in walker.warnings:
        warnings.warn(message, UserWarning, stacklevel=2)
    rows = [row for _, row in sorted(walker.rows, key=lambda kv: kv[0])]
    columns = ["layer", "type", "out_size", "rf", "jump", "padding", "aligned", "note"]
    return pd.DataFrame(rows, columns=columns)


def _layer_rf_states(model, input_shape=None):
    """model_table 용: 최상위 층 id -> 수용 영역 상태."""
    graph = _graph(model)
    data_format = _data_format_of(model)
    walker = _RFWalker("mark", data_format)
    walker.walk(
        graph,
        _input_states(graph, input_shape, data_format),
        top=True,
        input_rows=not isinstance(model, _keras().Sequential),
    )
    return walker.layer_states


# ---------------------------------------------------------------------------
# MAC(곱셈-누산) 수
# ---------------------------------------------------------------------------


def _shape_of(tensor):
    return tuple(tensor.shape)


def _node_macs(op, in_shapes, out_shapes, data_format_default):
    """층 한 번 호출(노드)의 MAC 수. 모르는 층은 0."""
    mro = _mro_names(op)
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

    if "BaseConvTranspose" in mro:
        kernel = math.prod(op.kernel_size)
        cin = _channels(in_shape, fmt)
        cout = _channels(out_shape, fmt)
        return need(_spatial_dims(in_shape, fmt), "입력") * kernel * cin * cout
    if "BaseSeparableConv" in mro:
        kernel = math.prod(op.kernel_size)
        cin = _channels(in_shape, fmt)
        cout = _channels(out_shape, fmt)
        dm = int(op.depth_multiplier)
        return need(_spatial_dims(out_shape, fmt), "출력") * cin * dm * (kernel + cout)
    if "BaseDepthwiseConv" in mro:
        kernel = math.prod(op.kernel_size)
        cin = _channels(in_shape, fmt)
        dm = int(op.depth_multiplier)
        return need(_spatial_dims(out_shape, fmt), "출력") * kernel * cin * dm
    if "BaseConv" in mro:
        kernel = math.prod(op.kernel_size)
        cin = _channels(in_shape, fmt)
        cout = _channels(out_shape, fmt)
        groups = int(getattr(op, "groups", 1) or 1)
        return need(_spatial_dims(out_shape, fmt), "출력") * kernel * (cin // groups) * cout
    if type(op).__name__ == "Dense" or "Dense" in mro:
        positions = need(in_shape[1:-1], "입력") if len(in_shape) > 2 else 1
        return positions * int(in_shape[-1]) * int(op.units)
    return 0


def _infer_shapes(graph, input_shapes):
    """입력 크기를 바꿔 그래프의 모든 텐서 모양을 다시 계산합니다."""
    keras = _keras()
    tensors = {}
    for ref, shape in zip(graph.inputs, input_shapes, strict=True):
        tensors[id(ref)] = keras.KerasTensor(shape, dtype=ref.dtype)
    for node in _nodes_in_order(graph):
        if node.is_input:
            continue
        if any(id(t) not in tensors for t in node.input_tensors):
            continue
        args, kwargs = node.arguments.fill_in(tensors)
        outputs = node.operation.compute_output_spec(*args, **kwargs)
        for ref, new in zip(node.outputs, _flat(outputs), strict=True):
            tensors[id(ref)] = new
    return {key: tuple(value.shape) for key, value in tensors.items()}


def _recorded_shapes(graph):
    shapes = {}
    for node in _nodes_in_order(graph):
        for t in list(node.input_tensors) + list(node.outputs):
            shapes[id(t)] = tuple(t.shape)
    return shapes


def _graph_shapes(graph, input_shapes=None):
    recorded = [tuple(t.shape) for t in graph.inputs]
    if input_shapes is None or [tuple(s) for s in input_shapes] == recorded:
        return _recorded_shapes(graph)
    return _infer_shapes(graph, input_shapes)


def _macs_walk(graph, input_shapes, data_format, per_layer=None):
    """그래프 전체 MAC 수. per_layer 가 dict 면 층 id 별 합계를 채웁니다."""
    keras = _keras()
    shapes = _graph_shapes(graph, input_shapes)
    total = 0
    for node in _nodes_in_order(graph):
        if node.is_input:
            continue
        op = node.operation
        in_shapes = [shapes.get(id(t)) for t in node.input_tensors]
        out_shapes = [shapes.get(id(t)) for t in node.outputs]
        if any(s is None for s in in_shapes + out_shapes):
            continue
        if isinstance(op, keras.Model):
            macs = _macs_walk(_graph(op, f"중첩 모델 {op.name!r}"), in_shapes, data_format)
        else:
            macs = _node_macs(op, in_shapes, out_shapes, data_format)
        total += macs
        if per_layer is not None:
            per_layer[id(op)] = per_layer.get(id(op), 0) + macs
    return total


def _resolve_input_shapes(graph, input_shape):
    if input_shape is None:
        return None
    if len(graph.inputs) != 1:
        raise ValueError(
            f"input_shape={input_shape!r}: 입력이 {len(graph.inputs)}개인 모델에는 "
            "input_shape 를 지정할 수 없습니다."
        )
    ref = tuple(graph.inputs[0].shape)
    try:
        values = tuple(int(v) for v in input_shape)
    except (TypeError, ValueError):
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
    _check_model(model)
    graph = _graph(model)
    shapes = _resolve_input_shapes(graph, input_shape)
    return int(_macs_walk(graph, shapes, _data_format_of(model)))


def layer_macs(layer):
    """층 하나의 MAC 수(그 층이 처음 호출될 때의 입력·출력 크기 기준).

    모델(중첩 모델 포함)을 넘기면 :func:`count_macs` 와 같습니다.
    """
    keras = _check_model_or_layer(layer)
    if isinstance(layer, keras.Model):
        return count_macs(layer)
    nodes = getattr(layer, "_inbound_nodes", None) or []
    if not nodes:
        raise ValueError(
            f"layer: 층 {layer.name!r} 이(가) 아직 어떤 입력에도 호출되지 않아 "
            "크기를 알 수 없습니다. 모델 안에서 쓰인 층(예: model.layers[1])을 "
            "넘기세요."
        )
    node = nodes[0]
    in_shapes = [_shape_of(t) for t in node.input_tensors]
    out_shapes = [_shape_of(t) for t in node.outputs]
    return int(_node_macs(layer, in_shapes, out_shapes, keras.config.image_data_format()))


def _check_model_or_layer(layer):
    message = (
        "layer 에는 Keras 층(keras.layers.Layer)이 필요합니다. 받은 값: "
        f"{_short_repr(layer)} (자료형 {type(layer).__name__}). "
        "예: layer_macs(model.layers[1])"
    )
    if "keras" not in sys.modules:
        raise TypeError(message)
    keras = _keras()
    if not isinstance(layer, keras.layers.Layer):
        raise TypeError(message)
    return keras


# ---------------------------------------------------------------------------
# 모델 요약 표
# ---------------------------------------------------------------------------


def model_table(model, input_shape=None):
    """층마다 한 줄인 요약 표를 만듭니다.

    Args:
        model: 빌드된 keras.Model / keras.Sequential.
        input_shape: 모델 입력의 None 인 축을 채울 입력 모양(배치 제외).

    Returns:
        pandas.DataFrame. 열: ``layer``(이름), ``type``(층 종류),
        ``output_shape``(배치를 뺀 출력 모양 튜플), ``params``(파라미터 수,
        학습되지 않는 것 포함: 합계 = model.count_params()), ``macs``(MAC 수,
        :func:`count_macs` 기준), ``rf``(출력의 이론적 수용 영역: 정수 또는
        (높이, 너비) 튜플, 공간 의미가 없거나 지원하지 않는 층은 None).
        행은 ``model.layers`` 순서이며 중첩 모델은 한 줄로 요약합니다.
        여러 번 호출된(공유) 층의 macs 는 모든 호출의 합이고, output_shape 와
        rf 는 첫 호출 기준입니다.
    """
    import pandas as pd

    _check_model(model)
    graph = _graph(model)
    data_format = _data_format_of(model)
    shapes_in = _resolve_input_shapes(graph, input_shape)
    per_layer = {}
    _macs_walk(graph, shapes_in, data_format, per_layer=per_layer)
    shapes = _graph_shapes(graph, shapes_in)
    rf_input = None if shapes_in is None else shapes_in[0][1:]
    rf_states = _layer_rf_states(model, rf_input)

    first_outputs = {}
    for node in _nodes_in_order(graph):
        first_outputs.setdefault(id(node.operation), node.outputs)

    rows = []
    for layer in model.layers:
        outs = first_outputs.get(id(layer), [])
        out_shapes = [shapes.get(id(t), tuple(t.shape))[1:] for t in outs]
        if len(out_shapes) == 1:
            out_shape = out_shapes[0]
        else:
            out_shape = out_shapes
        state = rf_states.get(id(layer))
        rf = _squeeze(a.rf for a in state.axes) if isinstance(state, _Spatial) else None
        rows.append(
            {
                "layer": layer.name,
                "type": type(layer).__name__,
                "output_shape": out_shape,
                "params": int(layer.count_params()) if layer.built else 0,
                "macs": int(per_layer.get(id(layer), 0)),
                "rf": rf,
            }
        )
    columns = ["layer", "type", "output_shape", "params", "macs", "rf"]
    table = pd.DataFrame(rows, columns=columns)
    # None 이 섞여도 정수가 1.0 처럼 실수로 바뀌지 않도록 object 열로 둡니다.
    table["rf"] = pd.Series([row["rf"] for row in rows], index=table.index, dtype=object)
    return table


# ---------------------------------------------------------------------------
# 유효 수용 영역(effective receptive field)
# ---------------------------------------------------------------------------


def _find_output_tensor(model, graph, output_layer):
    """ERF 를 잴 층의 출력 텐서와 그 층 이름을 찾습니다."""
    keras = _keras()
    nodes = _nodes_in_order(graph)
    first_out = {}
    for node in nodes:
        first_out.setdefault(id(node.operation), node.outputs)
    layers = list(graph.layers)
    if output_layer is None:
        # 공간 분기(전역 풀링 뒤가 아닌)에 있는 마지막 층
        states = _layer_rf_states(model)
        for layer in reversed(layers):
            outs = first_out.get(id(layer), [])
            if len(outs) == 1 and isinstance(states.get(id(layer)), _Spatial):
                return outs[0], layer.name
        raise ValueError(
            "output_layer=None: 공간 차원이 있는 출력(예: (배치, 높이, 너비, 채널))을 "
            "내는 층을 찾지 못했습니다. 합성곱 층이 있는 모델을 넘기세요."
        )
    if isinstance(output_layer, str):
        matches = [layer for layer in layers if layer.name == output_layer]
        if not matches:
            names = ", ".join(layer.name for layer in layers[-5:])
            raise ValueError(
                f"output_layer={output_layer!r}: 그런 이름의 층이 없습니다. "
                f"model.layers 의 이름 중 하나를 주세요(예: 끝쪽 층들 {names})."
            )
        layer = matches[0]
    elif isinstance(output_layer, int) and not isinstance(output_layer, bool):
        model_layers = list(model.layers)
        if not -len(model_layers) <= output_layer < len(model_layers):
            raise ValueError(
                f"output_layer={output_layer}: 층 번호가 범위를 벗어났습니다. "
                f"0 이상 {len(model_layers)} 미만(또는 음수 색인)을 주세요."
            )
        layer = model_layers[output_layer]
    elif isinstance(output_layer, keras.layers.Layer):
        layer = output_layer
    else:
        raise TypeError(
            f"output_layer 에는 층 이름(str), model.layers 의 번호(int), 층 객체 "
            f"또는 None 을 주세요. 받은 값: {_short_repr(output_layer)}"
        )
    outs = first_out.get(id(layer))
    if not outs:
        raise ValueError(
            f"output_layer={layer.name!r}: 이 층은 모델의 그래프에 없습니다. "
            "model.layers 에 있는 층을 주세요."
        )
    if len(outs) != 1 or len(outs[0].shape) < 3:
        raise ValueError(
            f"output_layer={layer.name!r}: 출력 모양 "
            f"{[tuple(o.shape) for o in outs]} 에 공간 차원이 없습니다. "
            "(배치, 높이, 너비, 채널) 출력을 내는 합성곱·풀링 층을 고르세요."
        )
    return outs[0], layer.name


# 모델 -> {(출력 텐서 id, channel): 기울기 함수}. 값은 모델 자체를 참조하지
# 않으므로(부분 모델은 층만 공유) 모델이 사라지면 캐시 항목도 사라집니다.
_ERF_CACHE = None


def _grad_function(sub, data_format, channel):
    """부분 모델의 '가운데 칸 출력 → 입력' 기울기를 계산하는 tf.function."""
    import tensorflow as tf

    @tf.function(reduce_retracing=True)
    def grad_fn(x):
        with tf.GradientTape() as tape:
            tape.watch(x)
            y = _flat(sub(x, training=False))[0]
            rank = len(y.shape)
            dyn = tf.shape(y)
            if data_format == "channels_first":
                spatial, ch_axis = range(2, rank), 1
            else:
                spatial, ch_axis = range(1, rank - 1), rank - 1
            index = [slice(None)] * rank
            for ax in spatial:
                index[ax] = (dyn[ax] - 1) // 2
            if channel is not None:
                index[ch_axis] = channel
            target = tf.reduce_sum(y[tuple(index)])
        return tape.gradient(target, x)

    return grad_fn


def _cached_grad_function(model, tensor, data_format, channel):
    import weakref

    global _ERF_CACHE
    keras = _keras()
    if _ERF_CACHE is None:
        _ERF_CACHE = weakref.WeakKeyDictionary()
    per_model = _ERF_CACHE.setdefault(model, {})
    key = (id(tensor), channel)
    fn = per_model.get(key)
    if fn is None:
        sub = keras.Model(model.inputs, tensor)
        fn = _grad_function(sub, data_format, channel)
        per_model[key] = fn
    return fn


# 층 속성 이름(초기화 함수, 변수) 쌍: 다시 초기화할 때 씁니다.
_INIT_PAIRS = (
    ("kernel_initializer", "kernel"),
    ("bias_initializer", "bias"),
    ("depthwise_initializer", "depthwise_kernel"),
    ("pointwise_initializer", "pointwise_kernel"),
    ("gamma_initializer", "gamma"),
    ("beta_initializer", "beta"),
    ("moving_mean_initializer", "moving_mean"),
    ("moving_variance_initializer", "moving_variance"),
)


def _reinitialize(model, seed):
    """모델의 가중치를 층마다 다른 고정 시드로 다시 초기화합니다(제자리)."""
    keras = _keras()
    counter = 0
    for layer in _iter_layers(model):
        pairs = list(_INIT_PAIRS)
        if "BaseDepthwiseConv" in _mro_names(layer):
            pairs.append(("depthwise_initializer", "kernel"))
        for init_attr, var_attr in pairs:
            init = getattr(layer, init_attr, None)
            var = getattr(layer, var_attr, None)
            if init is None or var is None or not hasattr(var, "assign"):
                continue
            init = keras.initializers.get(init)
            config = init.get_config()
            if "seed" in config:
                config["seed"] = int(seed * 100003 + counter) % (2**31 - 1)
                init = type(init).from_config(config)
            counter += 1
            var.assign(init(tuple(var.shape), dtype=var.dtype))


def effective_receptive_field(
    model,
    input_shape=None,
    *,
    images=None,
    samples=1,
    reinitialize=False,
    seed=0,
    output_layer=None,
    channel=None,
):
    """유효 수용 영역(ERF) 지도를 계산합니다 (Luo et al., NeurIPS 2016).

    고른 층 출력의 가운데 칸 y(공간 위치 (H_out-1)//2, (W_out-1)//2)에
    대한 입력 기울기 |∂y/∂x| 를 입력 채널에 대해 더한 (H, W) 지도입니다.
    ``channel=None`` 이면 y 는 가운데 칸의 모든 출력 채널 값의 합이고,
    정수면 그 채널 하나입니다. 여러 입력(및 초기화)에 대한 지도의 평균을
    돌려줍니다. 모델은 추론 모드(training=False)로 실행되며 바뀌지 않습니다.

    Args:
        model: 단일 입력 keras.Model / keras.Sequential.
        input_shape: 입력 모양(배치 제외, 예: (129, 129, 3)). 모델 입력에
            None 인 축이 있을 때만 필요합니다.
        images: 입력으로 쓸 배열 (N, H, W, C) 또는 (H, W, C). None 이면
            seed 로 만든 표준정규 난수 입력 ``samples`` 개를 씁니다.
        samples: 난수 입력 개수(1 이상). images 를 주면 무시합니다.
        reinitialize: True 면 모델 복제본을 입력마다 새로(시드 고정) 초기화해
            평균합니다(가중치와 무관한 '구조의' ERF). 원래 모델은 그대로입니다.
        seed: 난수 입력과 재초기화의 시드.
        output_layer: 층 이름, model.layers 번호, 층 객체 또는 None(공간 출력을
            내는 마지막 층).
        channel: None(출력 채널 합) 또는 출력 채널 번호.

    Returns:
        numpy.ndarray, 모양 (H, W) (1차원 합성곱이면 (L,)), float64, 음이 아님.

    같은 모델·층에 대한 기울기 함수(tf.function)는 모델이 살아 있는 동안
    저장해 두므로 첫 호출(추적 포함, 약 1초)보다 그다음 호출이 빠릅니다.
    """
    import numpy as np

    keras = _check_model(model)
    import tensorflow as tf

    graph = _graph(model)
    if len(graph.inputs) != 1:
        raise ValueError(
            f"model: 입력이 {len(graph.inputs)}개인 모델은 지원하지 않습니다. 입력이 하나인 모델을 넘기세요."
        )
    if isinstance(samples, bool) or not isinstance(samples, (int, np.integer)) or samples < 1:
        raise ValueError(f"samples={samples!r}: 1 이상의 정수를 주세요(예: samples=8).")
    if not isinstance(reinitialize, (bool, np.bool_)):
        raise TypeError(f"reinitialize={reinitialize!r}: True 또는 False 를 주세요.")
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)):
        raise TypeError(f"seed={seed!r}: 정수를 주세요(예: seed=0).")
    if channel is not None and (isinstance(channel, bool) or not isinstance(channel, (int, np.integer))):
        raise TypeError(f"channel={channel!r}: None 또는 출력 채널 번호(정수)를 주세요.")

    data_format = _data_format_of(model)
    ref = graph.inputs[0]
    ref_shape = tuple(ref.shape)[1:]
    if len(ref_shape) < 2:
        raise ValueError(
            f"model: 입력 모양 {ref_shape} 에 공간 차원이 없습니다. "
            "이미지(높이, 너비, 채널) 입력을 받는 모델을 넘기세요."
        )

    if images is not None:
        batch = np.asarray(images)
        if batch.ndim == len(ref_shape):
            batch = batch[None]
        if batch.ndim != len(ref_shape) + 1 or batch.shape[0] < 1:
            raise ValueError(
                f"images 모양 {np.shape(images)} 이(가) 모델 입력 {ref_shape} 와 맞지 "
                f"않습니다. (N,) + {ref_shape} 또는 {ref_shape} 모양을 주세요."
            )
        shape = batch.shape[1:]
    else:
        shape = ref_shape if input_shape is None else tuple(input_shape)
        if len(shape) != len(ref_shape) or any(
            s is None or (isinstance(s, (int, np.integer)) and s < 1) for s in shape
        ):
            raise ValueError(
                f"input_shape={input_shape!r}: 모델 입력 모양 {ref_shape} 에 None 이 "
                "있으면 배치를 뺀 입력 모양 전체를 양의 정수로 주세요"
                f"(예: {tuple(129 if s is None else s for s in ref_shape)})."
            )
    for have, want in zip(ref_shape, shape, strict=True):
        if have is not None and have != want:
            raise ValueError(
                f"입력 모양 {tuple(shape)} 이(가) 모델의 고정 입력 크기 {ref_shape} 와 "
                "다릅니다. 같은 모양을 쓰거나, 모델을 keras.Input(shape=(None, None, "
                "채널))로 만드세요."
            )
    shape = tuple(int(s) for s in shape)

    tensor, _ = _find_output_tensor(model, graph, output_layer)
    if channel is not None:
        ch_axis = 1 if data_format == "channels_first" else len(tensor.shape) - 1
        n_ch = tensor.shape[ch_axis]
        if n_ch is not None and not 0 <= channel < n_ch:
            raise ValueError(
                f"channel={channel}: 고른 층의 출력 채널은 {n_ch}개입니다. "
                f"0 이상 {n_ch} 미만의 정수 또는 None(채널 합)을 주세요."
            )
        channel = int(channel)

    dtype = ref.dtype or "float32"
    rng = np.random.default_rng(seed)
    if images is not None:
        inputs = batch.astype(dtype)
    else:
        inputs = rng.standard_normal((samples,) + shape).astype(dtype)

    if reinitialize:
        # 복제본(원래 모델과 가중치를 공유하지 않음)을 입력마다 새로 초기화
        sub = keras.models.clone_model(keras.Model(model.inputs, tensor))
        grad_fn = _grad_function(sub, data_format, channel)
        batches = [inputs[i : i + 1] for i in range(inputs.shape[0])]
    else:
        grad_fn = _cached_grad_function(model, tensor, data_format, channel)
        batches = [inputs]

    total = None
    for i, x_np in enumerate(batches):
        if reinitialize:
            _reinitialize(sub, seed * 1000 + i)
        with _quiet_retracing_warning():
            grad = grad_fn(tf.convert_to_tensor(x_np))
        if grad is None:
            raise ValueError("입력에서 고른 층 출력까지 기울기가 이어지지 않습니다.")
        g = np.abs(np.asarray(grad, dtype=np.float64))
        ch_axis = 1 if data_format == "channels_first" else g.ndim - 1
        g = g.sum(axis=ch_axis).sum(axis=0)
        total = g if total is None else total + g
    return total / inputs.shape[0]


def erf_spread(erf_map, *, kind="rms"):
    """ERF 지도의 크기(픽셀 단위 표준편차)를 스칼라로 돌려줍니다.

    지도를 합이 1이 되게 나눠 2차원 확률분포로 보고 축마다 분산 σ²를
    구합니다. kind:

    * 'rms'    : sqrt((σ_높이² + σ_너비²) / 2) – 등방이면 축별 표준편차와 같음
    * 'radial' : sqrt(σ_높이² + σ_너비²) – 중심에서의 RMS 거리
    * 'axes'   : (σ_높이, σ_너비) 튜플

    3×3 합성곱 n층(선형, 균일 가중치)의 ERF 는 축마다 분산이 2n/3 이므로
    'rms' 값은 sqrt(2n/3) 로 √n 에 비례합니다.
    """
    import numpy as np

    _check_choice("kind", kind, ("rms", "radial", "axes"))
    try:
        m = np.asarray(erf_map, dtype=np.float64)
    except (TypeError, ValueError):
        raise TypeError(f"erf_map 에는 숫자 배열이 필요합니다. 받은 값: {_short_repr(erf_map)}") from None
    if m.ndim not in (1, 2) or m.size == 0:
        raise ValueError(
            f"erf_map 모양 {m.shape}: (높이, 너비) 2차원(또는 1차원) 배열을 주세요. "
            "effective_receptive_field 의 결과를 그대로 넘기면 됩니다."
        )
    if not np.all(np.isfinite(m)) or np.any(m < 0):
        raise ValueError("erf_map 에 음수나 NaN/inf 가 있습니다. |기울기| 지도를 주세요.")
    total = m.sum()
    if total <= 0:
        raise ValueError("erf_map 의 합이 0 입니다. 기울기가 모두 0 인 지도는 크기가 없습니다.")
    p = m / total
    variances = []
    for axis in range(m.ndim):
        other = tuple(a for a in range(m.ndim) if a != axis)
        marginal = p.sum(axis=other) if other else p
        coords = np.arange(m.shape[axis], dtype=np.float64)
        mean = float((marginal * coords).sum())
        variances.append(float((marginal * (coords - mean) ** 2).sum()))
    if kind == "axes":
        return tuple(math.sqrt(v) for v in variances)
    if kind == "radial":
        return math.sqrt(sum(variances))
    return math.sqrt(sum(variances) / len(variances))


# ---------------------------------------------------------------------------
# 출력 한 칸의 수용 영역 상자
# ---------------------------------------------------------------------------


def _quiet_retracing_warning():
    """TensorFlow 의 '재추적(retracing)이 잦다'는 경고를 잠시 끕니다.

    effective_receptive_field 는 모델·층마다 기울기 함수(tf.function)를 새로 만들므로, 여러 층의 ERF 를
    차례로 재면 TensorFlow 가 같은 함수를 자꾸 다시 추적한다고 오해해 stderr 에 경고를 씁니다.
    실제로는 서로 다른 함수이므로 이 경고만 숨깁니다(다른 로그는 그대로).
    """
    import contextlib
    import logging

    @contextlib.contextmanager
    def quiet():
        logger = logging.getLogger("tensorflow")
        old = logger.level
        logger.setLevel(max(old, logging.ERROR))
        try:
            yield
        finally:
            logger.setLevel(old)

    return quiet()


def _pair_values(value, what):
    """정수 하나 또는 (높이, 너비) 쌍을 (높이, 너비) 정수 쌍으로 바꿉니다."""
    import numbers

    if isinstance(value, numbers.Integral) and not isinstance(value, bool):
        return int(value), int(value)
    if isinstance(value, numbers.Real) and not isinstance(value, bool):
        if math.isnan(value):
            raise ValueError(
                f"{what} 값이 NaN 입니다. 입력 크기를 몰라 유효 패딩을 정할 수 없었습니다. "
                "receptive_field(model, input_shape=(높이, 너비))처럼 입력 크기를 주고 표를 다시 만드세요."
            )
        if float(value).is_integer():
            return int(value), int(value)
    if isinstance(value, (tuple, list)) and len(value) == 2:
        return _pair_values(value[0], what)[0], _pair_values(value[1], what)[0]
    raise TypeError(f"{what} 에는 정수 또는 (높이, 너비) 정수 쌍이 필요합니다. 받은 값: {_short_repr(value)}")


def receptive_field_box(spec, i, j, input_hw):
    """출력 칸 (i, j)의 수용 영역이 덮는 입력 화소 상자 (top, left, bottom, right)를 돌려줍니다.

    Args:
        spec: :func:`receptive_field` 표의 한 행(``rf``, ``jump``, ``padding`` 열이 있는 pandas.Series
            또는 dict), 또는 ``(rf, jump, padding)`` 세 값. 각 값은 정수 또는 (높이, 너비) 쌍입니다.
        i, j: 그 층 출력(특징 맵)에서 칸의 행·열 번호(0부터).
        input_hw: 입력 이미지의 (높이, 너비) 또는 정수 하나(정사각형).

    Returns:
        (top, left, bottom, right) 정수 튜플. bottom·right 는 포함하지 않는 끝이라
        ``image[top:bottom, left:right]`` 가 그 칸이 보는 화소입니다. 축마다
        ``top = i·jump − padding``, ``bottom = top + rf`` 를 계산한 뒤 이미지 안으로 자릅니다
        (입력 밖 부분은 패딩이라 화소가 없습니다).

    >>> receptive_field_box((10, 2, 0), 5, 5, (32, 32))
    (10, 10, 20, 20)
    >>> receptive_field_box((5, 1, 2), 0, 0, 8)   # 'same' 패딩: 왼쪽 위 칸은 패딩까지 봅니다
    (0, 0, 3, 3)
    """
    if isinstance(spec, (tuple, list)):
        if len(spec) != 3:
            raise ValueError(
                f"spec={_short_repr(spec)}: (rf, jump, padding) 세 값 또는 receptive_field 표의 한 행을 주세요."
            )
        rf, jump, padding = spec
        out_size = None
    else:
        try:
            rf, jump, padding = spec["rf"], spec["jump"], spec["padding"]
        except (KeyError, TypeError, IndexError):
            raise TypeError(
                "spec 에는 receptive_field 표의 한 행(예: table.iloc[3]) 또는 (rf, jump, padding) 튜플이 "
                f"필요합니다. 받은 값: {_short_repr(spec)}"
            ) from None
        try:
            out_size = spec["out_size"]
        except (KeyError, TypeError, IndexError):
            out_size = None
    rf, jump, padding = (_pair_values(v, name) for v, name in ((rf, "rf"), (jump, "jump"), (padding, "padding")))
    if min(rf + jump) < 1:
        raise ValueError(f"rf={rf}, jump={jump}: 1 이상의 정수여야 합니다.")
    sizes = _pair_values(input_hw, "input_hw")
    if min(sizes) < 1:
        raise ValueError(f"input_hw={input_hw!r}: 입력 크기는 1 이상이어야 합니다.")
    limits = None if out_size is None else _pair_values(out_size, "out_size")
    box = []
    for axis, (index, name) in enumerate(((i, "i"), (j, "j"))):
        if isinstance(index, bool) or not isinstance(index, int) and not hasattr(index, "__index__"):
            raise TypeError(f"{name}={index!r}: 출력 칸 번호는 정수여야 합니다.")
        index = int(index)
        if index < 0 or (limits is not None and index >= limits[axis]):
            upper = "" if limits is None else f" {limits[axis]} 미만"
            raise ValueError(f"{name}={index}: 출력 칸 번호는 0 이상{upper}이어야 합니다.")
        start = index * jump[axis] - padding[axis]
        lo, hi = max(start, 0), min(start + rf[axis], sizes[axis])
        if lo >= hi:
            raise ValueError(
                f"{name}={index}: 이 칸의 수용 영역 [{start}, {start + rf[axis]})이 입력 [0, {sizes[axis]}) 밖에 "
                "있습니다. 출력 크기보다 큰 번호를 주지 않았는지 확인하세요."
            )
        box.append((lo, hi))
    (top, bottom), (left, right) = box
    return top, left, bottom, right
