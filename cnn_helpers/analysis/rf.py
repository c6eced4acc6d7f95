"""수용 영역(receptive field): 층별 이론적 수용 영역·유효 스트라이드(jump)·유효 패딩 표, 출력 한 칸의 상자.

Araujo, Norris & Sim, "Computing Receptive Fields of Convolutional Neural Networks", Distill (2019),
https://distill.pub/2019/computing-receptive-fields/ 의 재귀식을 함수형 그래프(분기·합치기 포함)에 적용합니다.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass

from .. import _lazy
from .._validate import check_choice, check_model, pair_values, short_repr
from ..arithmetic import effective_kernel_size, same_padding
from ._common import NO_SPATIAL_AXIS, data_format_of, pair_tuple, spatial_dims, squeeze, to_tuple
from ._graph import functional_graph, has_graph, is_a, nodes_in_order

__all__ = ["receptive_field", "receptive_field_box"]

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
class Spatial:
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



def _same_pad_before(n, kernel, stride, dilation):
    """TensorFlow 'SAME' 패딩의 (앞쪽 패딩, 출력 크기): `arithmetic.same_padding`을 씁니다.

    스트라이드 1이면 앞쪽 패딩은 입력 크기와 무관하므로 크기를 몰라도(None) 정해집니다.
    """
    if stride == 1:
        return same_padding(1 if n is None else n, kernel, 1, dilation)[0], n
    if n is None:
        return None, None
    return same_padding(n, kernel, stride, dilation)[0], -(-n // stride)


def _conv_axis(axis, kernel, stride, dilation, padding):
    eff = effective_kernel_size(kernel, dilation)
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
    spatial = [s for s in states if isinstance(s, Spatial)]
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
    return Spatial(axes=tuple(new_axes), aligned=aligned, note="; ".join(notes))


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
        keras = _lazy.keras()
        states = {}
        for tensor, state in zip(graph.inputs, in_states, strict=True):
            states[id(tensor)] = state
        order = {id(layer): i for i, layer in enumerate(graph.layers)}
        call_count = {}
        for node in nodes_in_order(graph):
            op = node.operation
            if node.is_input:
                out_state = states.get(id(node.outputs[0]))
                if out_state is None or not input_rows:
                    continue
                self._record(op, node, out_state, prefix, key, order, call_count, top)
                continue
            ins = [states.get(id(t), _UNKNOWN) for t in node.input_tensors]
            if isinstance(op, keras.Model) and has_graph(op) and not all(s is _GLOBAL for s in ins):
                sub_graph = functional_graph(op, argname=f"중첩 모델 {op.name!r}")
                idx = order.get(id(op), len(order))
                outs = self.walk(
                    sub_graph,
                    ins[: len(sub_graph.inputs)],  # mask= 처럼 키워드로 넘긴 텐서는 뒤에 붙으며 입력이 아님
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
        keras = _lazy.keras()
        if not isinstance(op, keras.layers.Layer):
            return  # keras.ops 연산은 표에 싣지 않음(상태만 전달)
        n_call = call_count.get(id(op), 0)
        call_count[id(op)] = n_call + 1
        if top:
            self.layer_states.setdefault(id(op), state)
        if not isinstance(state, Spatial):
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
            padding = squeeze(-a.start for a in axes)
        sizes = tuple(a.size for a in axes)
        row = {
            "layer": name,
            "type": type(op).__name__,
            "out_size": None if None in sizes else squeeze(sizes),
            "rf": squeeze(a.rf for a in axes),
            "jump": squeeze(a.jump for a in axes),
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
        cls = type(op).__name__
        if any(s is _UNKNOWN or isinstance(s, _UnknownOrigin) for s in ins):
            return _UNKNOWN
        if all(s is _GLOBAL for s in ins):
            return _GLOBAL
        if is_a(op, "global_pooling") or cls == "Flatten":
            return _GLOBAL
        outs = node.outputs
        if all(len(o.shape) < 3 for o in outs):
            return _GLOBAL
        spatial = [s for s in ins if isinstance(s, Spatial)]
        ndim = len(spatial[0].axes)
        is_layer = is_a(op, "layer")

        if is_a(op, "merge") or cls in _MERGE_LAYERS or (not is_layer and cls in _ELEMENTWISE_OPS):
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

        if is_a(op, "conv", "depthwise_conv", "separable_conv", "pooling"):
            if is_a(op, "pooling"):
                kernel = to_tuple(op.pool_size, ndim)
                strides = to_tuple(op.strides, ndim) or kernel
                dilation = (1,) * ndim
            else:
                kernel = to_tuple(op.kernel_size, ndim)
                strides = to_tuple(op.strides, ndim)
                dilation = to_tuple(getattr(op, "dilation_rate", 1), ndim)
            padding = str(op.padding).lower()
            if padding not in ("valid", "same", "causal"):
                return self._unknown(op, prefix, f"padding={padding!r}")
            axes = tuple(
                _conv_axis(a, f, s, d, padding)
                for a, f, s, d in zip(state.axes, kernel, strides, dilation, strict=True)
            )
            return Spatial(axes=axes, aligned=state.aligned)
        if cls.startswith("ZeroPadding"):
            pads = pair_tuple(op.padding, ndim)
            axes = tuple(_shift_axis(a, p[0], p[1], +1) for a, p in zip(state.axes, pads, strict=True))
            return Spatial(axes=axes, aligned=state.aligned)
        if cls.startswith("Cropping"):
            crops = pair_tuple(op.cropping, ndim)
            axes = tuple(_shift_axis(a, c[0], c[1], -1) for a, c in zip(state.axes, crops, strict=True))
            return Spatial(axes=axes, aligned=state.aligned)
        if cls in _PASSTHROUGH or (not is_layer and cls in _ELEMENTWISE_OPS):
            return Spatial(axes=state.axes, aligned=state.aligned)
        if is_a(op, "dense"):
            # 4차원 입력에 쓴 Dense 는 마지막 축(채널)에만 작용하는 1x1 합성곱
            return Spatial(axes=state.axes, aligned=state.aligned)
        if is_a(op, "conv_transpose", "upsampling"):
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
        dims = spatial_dims(shape, data_format)
        if not dims:
            states.append(_GLOBAL)
            continue
        if input_shape is not None:
            dims = _override_dims(input_shape, dims, shape, data_format)
        states.append(Spatial(axes=tuple(_Axis(rf=1, jump=1, start=0, size=n) for n in dims)))
    return states


def _override_dims(input_shape, dims, shape, data_format):
    try:
        from .._validate import is_int

        if not all(v is None or is_int(v) for v in input_shape):  # 28.9처럼 정수가 아닌 값은 자르지 않고 거절
            raise TypeError
        values = tuple(None if v is None else int(v) for v in input_shape)
    except (TypeError, ValueError):
        values = None
    if values is not None and len(values) == len(shape) - 1:
        values = spatial_dims((None,) + values, data_format)
    if values is None or len(values) != len(dims) or any(v is not None and v < 1 for v in values):
        raise ValueError(
            f"input_shape={input_shape!r} 를 해석할 수 없습니다. 공간 크기 "
            f"{len(dims)}개(예: (224, 224)) 또는 배치를 뺀 입력 모양 전체"
            f"(예: {tuple(shape[1:])})를 양의 정수로 주세요."
        )
    return values


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

    check_model(model)
    check_choice("on_unknown", on_unknown, ("raise", "mark"))
    walker = _walk(model, input_shape, on_unknown)
    for message in walker.warnings:
        warnings.warn(message, UserWarning, stacklevel=2)
    rows = _checked_rows(walker, input_shape)
    if all(row["type"] == "InputLayer" for row in rows):
        raise ValueError(f"{NO_SPATIAL_AXIS}: 높이·너비(1차원이면 길이) 축을 따라 움직이는 합성곱·풀링 층이 없어 "
                         "수용 영역을 셀 층이 없습니다 (LSTM·Dense에는 없음). 합성곱 층으로 시작하는 모델을 주세요.")
    columns = ["layer", "type", "out_size", "rf", "jump", "padding", "aligned", "note"]
    return pd.DataFrame(rows, columns=columns)


def _walk(model, input_shape, on_unknown):
    graph, data_format = functional_graph(model), data_format_of(model)
    walker = _RFWalker(on_unknown, data_format)
    input_rows = not isinstance(model, _lazy.keras().Sequential)  # Sequential 표에는 InputLayer 행이 없습니다
    walker.walk(graph, _input_states(graph, input_shape, data_format), top=True, input_rows=input_rows)
    return walker


def _checked_rows(walker, input_shape):
    """표의 행들(층 순서). 출력 크기가 1보다 작은 층이 있으면(입력이 너무 작으면) 한국어로 거절합니다."""
    rows = [row for _, row in sorted(walker.rows, key=lambda kv: kv[0])]
    for row in rows:
        size = row["out_size"]
        sizes = size if isinstance(size, tuple) else (size,)
        if any(v is not None and v < 1 for v in sizes):
            raise ValueError(
                f"input_shape={input_shape!r}: 입력이 너무 작아 층 {row['layer']!r}의 출력 크기가 {size}입니다 "
                "(1 이상이어야 합니다). 더 큰 input_shape을 주거나 모델의 입력 크기를 쓰세요(input_shape=None)."
            )
    return rows


def check_input_fits(model, input_shape):
    """Keras를 부르기 전에 input_shape(배치 제외)이 모든 공간 층을 지날 만큼 큰지 확인합니다 (Keras의 영어 오류 대신)."""
    _checked_rows(_walk(model, input_shape, "mark"), input_shape)


def layer_rf_states(model, input_shape=None):
    """model_table 용: 최상위 층 id -> 수용 영역 상태."""
    return _walk(model, input_shape, "mark").layer_states


# ---------------------------------------------------------------------------
# 출력 한 칸의 수용 영역 상자
# ---------------------------------------------------------------------------


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
                f"spec={short_repr(spec)}: (rf, jump, padding) 세 값 또는 receptive_field 표의 한 행을 주세요."
            )
        rf, jump, padding = spec
        out_size = None
    else:
        try:
            rf, jump, padding = spec["rf"], spec["jump"], spec["padding"]
        except (KeyError, TypeError, IndexError):
            raise TypeError(
                "spec 에는 receptive_field 표의 한 행(예: table.iloc[3]) 또는 (rf, jump, padding) 튜플이 "
                f"필요합니다. 받은 값: {short_repr(spec)}"
            ) from None
        try:
            out_size = spec["out_size"]
        except (KeyError, TypeError, IndexError):
            out_size = None
    rf, jump, padding = (pair_values(v, name) for v, name in ((rf, "rf"), (jump, "jump"), (padding, "padding")))
    if min(rf + jump) < 1:
        raise ValueError(f"rf={rf}, jump={jump}: 1 이상의 정수여야 합니다.")
    sizes = pair_values(input_hw, "input_hw")
    if min(sizes) < 1:
        raise ValueError(f"input_hw={input_hw!r}: 입력 크기는 1 이상이어야 합니다.")
    limits = None if out_size is None else pair_values(out_size, "out_size")
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
