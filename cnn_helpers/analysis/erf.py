"""유효 수용 영역(ERF) 지도와 그 크기: Luo, Li, Urtasun & Zemel, "Understanding the Effective Receptive
Field in Deep Convolutional Neural Networks", NeurIPS 2016."""

from __future__ import annotations

import math

from .. import _lazy
from .._validate import check_bytes, check_choice, check_model, is_int, short_repr
from ._common import NO_SPATIAL_AXIS, data_format_of, iter_layers
from ._graph import flatten, functional_graph, is_a, nodes_in_order
from .rf import Spatial, check_input_fits, layer_rf_states

__all__ = ["effective_receptive_field", "erf_spread"]

def _find_output_tensor(model, graph, output_layer):
    """ERF 를 잴 층의 출력 텐서와 그 층 이름을 찾습니다."""
    keras = _lazy.keras()
    nodes = nodes_in_order(graph)
    first_out = {}
    for node in nodes:
        first_out.setdefault(id(node.operation), node.outputs)
    layers = list(graph.layers)
    if output_layer is None:
        # 공간 분기(전역 풀링 뒤가 아닌)에 있는 마지막 층
        states = layer_rf_states(model)
        for layer in reversed(layers):
            outs = first_out.get(id(layer), [])
            if len(outs) == 1 and isinstance(states.get(id(layer)), Spatial):
                return outs[0], layer.name
        raise ValueError(
            f"{NO_SPATIAL_AXIS}: 공간 차원이 있는 출력(예: (배치, 높이, 너비, 채널))을 "
            "내는 층을 찾지 못했습니다 (LSTM·Dense 같은 층에는 수용 영역이 없습니다). 합성곱 층이 있는 모델을 넘기세요."
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
    elif is_int(output_layer):
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
            f"또는 None 을 주세요. 받은 값: {short_repr(output_layer)}"
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
    tf = _lazy.tensorflow()

    @tf.function(reduce_retracing=True)
    def grad_fn(x):
        with tf.GradientTape() as tape:
            tape.watch(x)
            y = flatten(sub(x, training=False))[0]
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
    keras = _lazy.keras()
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
    keras = _lazy.keras()
    counter = 0
    for layer in iter_layers(model):
        pairs = list(_INIT_PAIRS)
        if is_a(layer, "depthwise_conv"):
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


def _check_erf_options(samples, reinitialize, seed, channel):
    """effective_receptive_field의 작은 인자들(samples, reinitialize, seed, channel)을 검사합니다."""
    import numpy as np

    if isinstance(samples, bool) or not isinstance(samples, (int, np.integer)) or samples < 1:
        raise ValueError(f"samples={samples!r}: 1 이상의 정수를 주세요(예: samples=8).")
    if not isinstance(reinitialize, (bool, np.bool_)):
        raise TypeError(f"reinitialize={reinitialize!r}: True 또는 False 를 주세요.")
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)):
        raise TypeError(f"seed={seed!r}: 정수를 주세요(예: seed=0).")
    if not 0 <= seed < 2**32:
        raise ValueError(f"seed={seed!r}: 0 이상 2³²−1 이하의 정수를 주세요(예: seed=0).")
    if samples > 1024:
        raise ValueError(f"samples={samples!r}: 1024 이하로 주세요 (입력 수만큼 기울기를 계산합니다).")
    if channel is not None and (isinstance(channel, bool) or not isinstance(channel, (int, np.integer))):
        raise TypeError(f"channel={channel!r}: None 또는 출력 채널 번호(정수)를 주세요.")


def _ndim_of(images) -> int:
    """images의 차원 수 (배열로 바꿀 수 없으면 check_array가 한국어로 알리도록 0)."""
    import numpy as np

    try:
        return np.asarray(images).ndim
    except (TypeError, ValueError):
        return 0


def _erf_inputs(graph, input_shape, images, samples, seed):
    """ERF를 잴 입력 배치: images를 검사해 쓰거나, seed로 만든 표준정규 난수 입력 samples개."""
    import numpy as np

    ref = graph.inputs[0]
    ref_shape = tuple(ref.shape)[1:]
    if len(ref_shape) < 2:
        raise ValueError(
            f"{NO_SPATIAL_AXIS}: 입력 모양 {ref_shape} 에 공간 차원이 없습니다. "
            "이미지(높이, 너비, 채널) 입력을 받는 모델을 넘기세요."
        )
    if images is not None:
        from .._validate import check_array

        batch = check_array("images", images, max(_ndim_of(images), 1),
                            what="(N, 높이, 너비, 채널) 또는 (높이, 너비, 채널)")
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
        if len(shape) != len(ref_shape) or any(s is None or not is_int(s) or s < 1 for s in shape):
            raise ValueError(
                f"input_shape={input_shape!r}: 배치를 뺀 입력 모양 전체를 양의 정수로 주세요 "
                f"(모델 입력 모양 {ref_shape}; None 인 축만 바꿀 수 있습니다. "
                f"예: {tuple(129 if s is None else s for s in ref_shape)})."
            )
    for have, want in zip(ref_shape, shape, strict=True):
        if have is not None and have != want:
            raise ValueError(
                f"입력 모양 {tuple(shape)} 이(가) 모델의 고정 입력 크기 {ref_shape} 와 "
                "다릅니다. 같은 모양을 쓰거나, 모델을 keras.Input(shape=(None, None, "
                "채널))로 만드세요."
            )
    shape = tuple(int(s) for s in shape)
    if images is None:
        # 난수 입력(float64로 만든 뒤 바꿈)과 같은 크기의 기울기를 어림합니다. 층의 활성값은 더 듭니다.
        check_bytes(f"입력 {samples}×{shape}", 16 * samples * math.prod(shape),
                    "input_shape이나 samples를 줄이세요 (ERF는 보통 수백 화소 크기면 충분합니다).")

    dtype = ref.dtype or "float32"
    rng = np.random.default_rng(seed)
    if images is not None:
        inputs = batch.astype(dtype)
    else:
        inputs = rng.standard_normal((samples,) + shape).astype(dtype)
    return inputs


def _erf_target(model, graph, output_layer, channel, data_format):
    """(ERF를 잴 층의 출력 텐서, 확인한 channel)."""
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
    return tensor, channel


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

    keras = check_model(model)
    tf = _lazy.tensorflow()
    graph = functional_graph(model)
    if len(graph.inputs) != 1:
        raise ValueError(
            f"model: 입력이 {len(graph.inputs)}개인 모델은 지원하지 않습니다. 입력이 하나인 모델을 넘기세요."
        )
    _check_erf_options(samples, reinitialize, seed, channel)
    data_format = data_format_of(model)
    tensor, channel = _erf_target(model, graph, output_layer, channel, data_format)
    inputs = _erf_inputs(graph, input_shape, images, samples, seed)
    check_input_fits(model, inputs.shape[1:])

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

    check_choice("kind", kind, ("rms", "radial", "axes"))
    try:
        m = np.asarray(erf_map)
    except (TypeError, ValueError):
        m = None
    if m is None or m.dtype.kind not in "biuf":
        raise TypeError(
            "erf_map 에는 숫자 배열이 필요합니다 (실수의 |기울기| 지도; 복소수·문자열은 안 됨). "
            f"받은 값: {short_repr(erf_map)}"
        )
    m = m.astype(np.float64)
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
