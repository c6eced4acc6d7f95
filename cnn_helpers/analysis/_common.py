"""분석 모듈들이 함께 쓰는 작은 도우미: 모양에서 공간 축·채널 꺼내기, 축마다 값 맞추기 (공개 Keras API만)."""

from __future__ import annotations

from .. import _lazy

# 공간 축(높이·너비 또는 길이)이 없는 모델(LSTM, Dense만)에 수용 영역을 물었을 때의 대답 (rf, erf, rf_explorer)
NO_SPATIAL_AXIS = "이 모델에는 공간 축이 없습니다"


def to_tuple(value, ndim):
    if value is None:
        return None
    if isinstance(value, int):
        return (value,) * ndim
    value = tuple(int(v) for v in value)
    if len(value) == 1 and ndim > 1:
        value = value * ndim
    return value


def pair_tuple(value, ndim):
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


def data_format_of(model):
    """모델의 이미지 데이터 형식('channels_last' 또는 'channels_first')."""
    keras = _lazy.keras()
    for layer in iter_layers(model):
        fmt = getattr(layer, "data_format", None)
        if fmt in ("channels_last", "channels_first"):
            return fmt
    return keras.config.image_data_format()


def iter_layers(model):
    keras = _lazy.keras()
    for layer in model.layers:
        if isinstance(layer, keras.Model):
            yield from iter_layers(layer)
        else:
            yield layer


def spatial_dims(shape, data_format):
    """(배치, ...) 모양에서 공간 차원만 꺼냅니다."""
    shape = tuple(shape)
    if len(shape) < 3:
        return ()
    if data_format == "channels_first":
        return tuple(shape[2:])
    return tuple(shape[1:-1])


def channels(shape, data_format):
    shape = tuple(shape)
    return shape[1] if data_format == "channels_first" else shape[-1]


def squeeze(values):
    """모든 값이 같으면 정수 하나, 다르면 (높이, 너비, ...) 튜플."""
    values = tuple(values)
    if len(set(values)) == 1:
        return values[0]
    return values


# ---------------------------------------------------------------------------
# 수용 영역(receptive field)
