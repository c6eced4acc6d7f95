"""활성화 탐색기: 학습된 Keras 모델 안을 학생 자신의 이미지로 들여다봅니다.

이미지·층·채널·출력 칸 (i, j)를 고르면 그림 한 장에 다음을 보여 줍니다.

- 입력과 그 칸의 수용 영역 상자 (:func:`cnn_helpers.analysis.receptive_field` 로 계산),
- 고른 채널의 특징 맵과 칸 표시, 그 층의 모든 채널을 작게 늘어놓은 띠,
- 합성곱 층이면 그 채널의 커널, 그리고 모델의 상위 3개 예측과 확률(정답을 주면 정답도).

첫 합성곱 층에서는 고른 칸의 값을 곱들의 합으로 풀어 씁니다 (슬라이딩 탐색기처럼).

계산과 그리기를 나눕니다. :class:`Activations` 는 이미지마다 **한 번** 부분 모델(sub-model)을 불러 모든
층의 출력을 캐시하고, 값·상자·예측·곱셈식을 순수한 numpy 로 돌려줍니다. :class:`ActivationExplorer` 는
그 배열로 그림을 그리기만 합니다 (numpy 래스터라이저, PNG 바이트를 ``widgets.Image`` 에 넣음). 위젯은
ipywidgets 7·8 모두에 있는 기본 위젯(Dropdown, IntSlider, Image, HTML)만 씁니다.

    ex = activation_explorer(model, x_test[:8], y_test[:8])   # 셀의 마지막 줄이면 위젯이 보입니다
    ex.set(layer="conv2", channel=3, position=(4, 5))
    ex.value, ex.rf_box, ex.prediction
"""

from __future__ import annotations

import html
import numbers
import warnings
from dataclasses import dataclass

import numpy as np

from . import _lazy
from ._activation_frame import Painter, product_formula
from ._validate import check_array, check_int, check_model, short_repr
from .frontend import widget_bundle
from .raster import encode_png

__all__ = ["activation_explorer"]

_KINDS = ("conv", "depthwise_conv", "separable_conv", "conv_transpose", "pooling", "global_pooling", "merge",
          "dense")
_MAX_IMAGES = 1000  # 한 탐색기에 넣을 이미지 수의 한도 (모두 메모리에 캐시할 수 있으므로)


@dataclass(frozen=True)
class LayerInfo:
    """탐색기가 보여 주는 층 하나: 이름, 종류, 출력 모양(배치 축 없음), 합성곱인지, 수용 영역 표의 행."""

    name: str
    type: str
    shape: tuple
    is_conv: bool
    rf_row: object  # receptive_field 표의 한 행 (pandas.Series) 또는 None(공간 의미가 없는 층)

    @property
    def spatial(self) -> bool:
        return len(self.shape) == 3

    @property
    def channels(self) -> int:
        return int(self.shape[-1])

    @property
    def label(self) -> str:
        return f"{self.name} ({self.type}) " + "×".join(str(v) for v in self.shape)


def _subclassed_error(model) -> TypeError:
    return TypeError(
        f"model: 서브클래싱으로 만든 모델 {model.name!r} (자료형 {type(model).__name__})은 층 사이의 연결 그래프가 "
        "없어 중간 층의 출력을 꺼낼 수 없습니다. 함수형 모델로 바꾸어 넘겨 주세요. 층이 한 줄로 이어진 모델이면:\n"
        "    inputs = keras.Input(shape=(28, 28, 1))   # 모델의 입력 모양으로\n"
        "    x = inputs\n"
        "    for layer in model.layers:\n"
        "        x = layer(x)\n"
        "    functional = keras.Model(inputs, x)   # 가중치는 그대로 공유됩니다\n"
        "또는 처음부터 keras.Sequential([...]) / keras.Model(inputs, outputs)로 만드세요."
    )


def _check_images(images, labels, in_shape):
    """images를 (N, H, W, C) float32로, labels를 정수 목록 또는 None으로 바꿉니다."""
    arr = np.asarray(images.numpy() if hasattr(images, "numpy") else images)
    if arr.ndim not in (3, 4):
        raise ValueError(
            "images는 이미지 여러 장 (N, 높이, 너비) 또는 (N, 높이, 너비, 채널) 배열이어야 합니다. "
            f"받은 모양: {arr.shape}. 한 장이면 images[None] 또는 x_test[:1]처럼 배치 축을 붙이세요."
        )
    arr = check_array("images", arr, arr.ndim, what="(N, 높이, 너비[, 채널])")
    if arr.ndim == 3:
        arr = arr[..., None]
    if len(arr) > _MAX_IMAGES:
        raise ValueError(f"images는 {_MAX_IMAGES}장까지 받습니다 (받은 수: {len(arr)}). x_test[:16]처럼 몇 장만 고르세요.")
    want = tuple(in_shape[1:])
    for got, need, what in zip(arr.shape[1:], want, ("높이", "너비", "채널")):
        if need is not None and got != need:
            raise ValueError(
                f"images의 {what}가 모델 입력과 다릅니다: images 한 장의 모양 {arr.shape[1:]}, 모델 입력 "
                f"{tuple(want)}. 모델에 맞는 크기의 이미지를 주세요 (손글씨 사진은 ch.load_image로 28×28로 바꿀 수 있습니다)."
            )
    if labels is None:
        return arr.astype(np.float32), None
    lab = np.asarray(labels)
    if lab.ndim == 2 and lab.shape[1] > 1:  # 원-핫
        lab = lab.argmax(axis=1)
    lab = lab.reshape(-1) if lab.ndim == 2 else lab
    if lab.ndim != 1 or len(lab) != len(arr) or lab.dtype.kind not in "iu":
        raise ValueError(
            f"labels는 이미지 수({len(arr)})만큼의 정수 레이블이어야 합니다. 받은 값: {short_repr(labels)} "
            f"(모양 {lab.shape}, 자료형 {lab.dtype})"
        )
    return arr.astype(np.float32), [int(v) for v in lab]


class Activations:
    """순수한 계산 부분: 이미지마다 한 번의 부분 모델 호출로 모든 층의 출력을 캐시합니다.

    model: 함수형 또는 (빌드된) Sequential Keras 모델. images: (N, H, W[, C]).
    `.layers` (LayerInfo 목록), `.maps(image, layer)`, `.value(...)`, `.rf_box(...)`, `.prediction(image)`,
    `.products(...)` (첫 합성곱 층의 곱들, 편향, 활성화 전 합)을 제공합니다.
    """

    def __init__(self, model, images, labels=None):
        keras = check_model(model)
        from .analysis import receptive_field
        from .analysis._graph import functional_graph, has_graph, is_a

        if not isinstance(model, keras.Sequential) and not has_graph(model):
            raise _subclassed_error(model)
        graph = functional_graph(model)
        if len(graph.inputs) != 1:
            raise ValueError(f"model: 입력이 하나인 모델만 받습니다 (이 모델의 입력 {len(graph.inputs)}개).")
        self.model = model
        in_shape = tuple(graph.inputs[0].shape)
        if len(in_shape) != 4:
            raise ValueError(f"model: 입력이 (높이, 너비, 채널) 이미지인 모델이어야 합니다. 모델 입력 모양: {in_shape}")
        self.images, self.labels = _check_images(images, labels, in_shape)
        hw = self.images.shape[1:3]
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)
            try:
                table = receptive_field(model, input_shape=hw, on_unknown="mark").set_index("layer")
            except (ValueError, TypeError):
                table = None
        chosen, outputs = [], []
        for layer in graph.layers:
            if not is_a(layer, *_KINDS):
                continue
            out = layer.output  # 여러 번 불린(공유) 층은 처음 호출의 출력
            if isinstance(out, (list, tuple)) or len(out.shape) not in (2, 4):
                continue
            row = None
            if table is not None and layer.name in table.index and len(out.shape) == 4:
                row = table.loc[layer.name]
                if isinstance(row, type(table)) or row["padding"] != row["padding"]:  # 중복 이름, NaN
                    row = None
            chosen.append(LayerInfo(layer.name, type(layer).__name__, tuple(int(v) for v in out.shape[1:]),
                                    is_a(layer, "conv") and not is_a(layer, "depthwise_conv", "separable_conv",
                                                                     "conv_transpose"), row))
            outputs.append(out)
        if not chosen:
            raise ValueError("model: 보여 줄 합성곱·풀링·완전 연결·합치기 층이 없습니다.")
        self.layers: list[LayerInfo] = chosen
        self._index = {info.name: k for k, info in enumerate(chosen)}
        self._first_conv = next((k for k, info in enumerate(chosen) if info.is_conv), None)
        extra = list(graph.outputs)
        if self._first_conv is not None:
            first = graph.get_layer(chosen[self._first_conv].name) if hasattr(graph, "get_layer") else None
            first = first or model.get_layer(chosen[self._first_conv].name)
            extra.append(first.input)
            self._first_layer = first
        # 모든 층 출력 + 모델 출력 + 첫 합성곱의 입력을 한 번에 내는 부분 모델 (한 번만 만듭니다)
        self._probe = keras.Model(graph.inputs, outputs + extra)
        self._n_out = len(graph.outputs)
        self._cache: dict[int, list[np.ndarray]] = {}

    # -- 캐시 -----------------------------------------------------------------
    def _arrays(self, image: int) -> list[np.ndarray]:
        arrays = self._cache.get(image)
        if arrays is None:
            result = self._probe([self.images[image : image + 1]], training=False)
            arrays = [np.asarray(r)[0] for r in (result if isinstance(result, (list, tuple)) else [result])]
            self._cache[image] = arrays
        return arrays

    def layer_index(self, layer) -> int:
        """층 이름 또는 번호 → 번호 (잘못되면 한국어 오류)."""
        names = [info.name for info in self.layers]
        if isinstance(layer, str):
            if layer not in self._index:
                raise ValueError(f"layer={layer!r}: 탐색기가 보여 주는 층이 아닙니다. 가능한 층: {', '.join(names)}")
            return self._index[layer]
        return check_int("layer(층 번호)", layer, minimum=0, maximum=len(names) - 1,
                         why=f"층 {len(names)}개: {', '.join(names[:6])}{' …' if len(names) > 6 else ''}")

    def image_index(self, image) -> int:
        return check_int("image(이미지 번호)", image, minimum=0, maximum=len(self.images) - 1,
                         why=f"이미지 {len(self.images)}장")

    # -- 값 -------------------------------------------------------------------
    def maps(self, image: int, layer) -> np.ndarray:
        """그 층의 활성화: 공간 층은 (높이, 너비, 채널), 완전 연결 층은 (유닛,)."""
        return self._arrays(self.image_index(image))[self.layer_index(layer)]

    def value(self, image, layer, channel, position) -> float:
        m = self.maps(image, layer)
        return float(m[position[0], position[1], channel] if m.ndim == 3 else m[channel])

    def rf_box(self, layer, position) -> tuple[int, int, int, int]:
        """칸 (i, j)의 수용 영역 (top, left, bottom, right). 공간 의미가 없는 층은 입력 전체."""
        from .analysis import receptive_field_box

        info = self.layers[self.layer_index(layer)]
        h, w = self.images.shape[1:3]
        if info.rf_row is None:
            return 0, 0, h, w
        return receptive_field_box(info.rf_row, position[0], position[1], (h, w))

    def probabilities(self, image: int) -> np.ndarray:
        """모델의 (첫) 출력; 확률처럼 보이지 않으면(음수·합≠1) 소프트맥스를 씌웁니다."""
        out = self._arrays(self.image_index(image))[len(self.layers)].astype(np.float64).reshape(-1)
        if out.min() < 0 or abs(out.sum() - 1) > 1e-3:
            out = np.exp(out - out.max())
            out /= out.sum()
        return out

    def prediction(self, image: int, k: int = 3) -> list[tuple[int, float]]:
        """상위 k개 (부류 번호, 확률) 목록."""
        p = self.probabilities(image)
        top = np.argsort(-p, kind="stable")[:k]
        return [(int(c), float(p[c])) for c in top]

    def kernel(self, layer, channel) -> np.ndarray | None:
        """합성곱 층이면 그 채널의 커널 (kh, kw, 입력 채널), 아니면 None."""
        k = self.layer_index(layer)
        if not self.layers[k].is_conv:
            return None
        layer_obj = self.model.get_layer(self.layers[k].name) if k != self._first_conv else self._first_layer
        return np.asarray(layer_obj.kernel)[..., channel]

    def products(self, image, channel, position):
        """첫 합성곱 층의 칸 값 풀이: (입력 조각, 가중치, 편향, 활성화 전 합, 활성화 함수 이름).

        입력 조각과 가중치는 같은 모양 (kh, kw, 입력 채널)이고, 합 = (조각 × 가중치).sum() + 편향입니다.
        패딩 칸은 0입니다. 다른 층이면 None.
        """
        if self._first_conv is None:
            return None
        layer = self._first_layer
        x = self._arrays(self.image_index(image))[-1]
        kernel = np.asarray(layer.kernel)[..., channel]
        kh, kw = kernel.shape[:2]
        (sh, sw), (dh, dw) = layer.strides, layer.dilation_rate
        pads = []
        for n, f, s, d in ((x.shape[0], kh, sh, dh), (x.shape[1], kw, sw, dw)):
            if layer.padding == "same":
                from .arithmetic import same_padding

                pads.append(same_padding(n, f, s, d)[0])
            else:
                pads.append(0)
        i, j = position
        rows = i * sh - pads[0] + np.arange(kh) * dh
        cols = j * sw - pads[1] + np.arange(kw) * dw
        patch = np.zeros(kernel.shape, np.float64)
        ok_r = (rows >= 0) & (rows < x.shape[0])
        ok_c = (cols >= 0) & (cols < x.shape[1])
        patch[np.ix_(ok_r, ok_c)] = x[np.ix_(rows[ok_r], cols[ok_c])]
        bias = float(np.asarray(layer.bias)[channel]) if layer.use_bias else 0.0
        total = float((patch * kernel).sum() + bias)
        act = getattr(layer.activation, "__name__", str(layer.activation))
        return patch, kernel.astype(np.float64), bias, total, act

    @property
    def first_conv(self) -> str | None:
        return None if self._first_conv is None else self.layers[self._first_conv].name


class ActivationExplorer:
    """활성화 탐색기 (`activation_explorer`가 만듭니다).

    속성: `.widget` (화면), `.maps` (고른 층의 활성화), `.value` (고른 칸·채널의 값), `.rf_box`,
    `.prediction` (상위 3개 (부류, 확률)), `.products` (첫 합성곱 층일 때 곱셈 풀이), `.formula`,
    `.frame` (그림 배열), `.image_bytes` (PNG). `.set(image=, layer=, channel=, position=)`로 바꾸고,
    `.strongest(layer)`는 그 층에서 가장 세게 반응한 채널과 칸으로 갑니다.
    """

    def __init__(self, model, images, labels=None):
        import ipywidgets as W

        self.activations = Activations(model, images, labels)
        acts = self.activations
        self._painter = Painter(acts)
        self._holding = False
        n = len(acts.images)
        opts = [(f"{k}" + (f" (정답 {acts.labels[k]})" if acts.labels is not None else ""), k) for k in range(n)]
        style = {"description_width": "initial"}
        self._image = W.Dropdown(options=opts, value=0, description="이미지", style=style,
                                 layout=W.Layout(width="180px"))
        self._layer = W.Dropdown(options=[(info.label, k) for k, info in enumerate(acts.layers)], value=0,
                                 description="계층", style=style, layout=W.Layout(width="340px"))
        self._channel = W.IntSlider(min=0, max=0, value=0, description="채널", style=style)
        self._row = W.IntSlider(min=0, max=0, value=0, description="행 i", style=style)
        self._col = W.IntSlider(min=0, max=0, value=0, description="열 j", style=style)
        self.picture = W.Image(format="png", layout=W.Layout(max_width="100%"))
        self.picture.add_class("cnn-activation")
        self.caption = W.HTML()
        for w in (self._image, self._layer, self._channel, self._row, self._col):
            w.observe(self._on_change, names="value")
        self.widget = W.VBox([
            W.HBox([self._image, self._layer]),
            W.HBox([self._channel, self._row, self._col]),
            self.picture,
            self.caption,
        ])
        self.widget.add_class("cnn-explorer")
        self._apply_layer(0, channel=0, position=None)
        self._draw()

    # -- 지금 고른 것 --------------------------------------------------------
    @property
    def image(self) -> int:
        return self._image.value

    @property
    def layer(self) -> str:
        return self.activations.layers[self._layer.value].name

    @property
    def channel(self) -> int:
        return self._channel.value

    @property
    def position(self) -> tuple[int, int]:
        return self._row.value, self._col.value

    @property
    def info(self) -> LayerInfo:
        return self.activations.layers[self._layer.value]

    @property
    def maps(self) -> np.ndarray:
        """고른 층의 활성화 (공간 층 (높이, 너비, 채널), 완전 연결 층 (유닛,))."""
        return self.activations.maps(self.image, self._layer.value)

    @property
    def value(self) -> float:
        return self.activations.value(self.image, self._layer.value, self.channel, self.position)

    @property
    def rf_box(self) -> tuple[int, int, int, int]:
        return self.activations.rf_box(self._layer.value, self.position)

    @property
    def prediction(self) -> list[tuple[int, float]]:
        return self.activations.prediction(self.image)

    @property
    def products(self):
        """첫 합성곱 층이면 (입력 조각, 가중치, 편향, 합, 활성화 이름), 아니면 None."""
        if self.layer != self.activations.first_conv:
            return None
        return self.activations.products(self.image, self.channel, self.position)

    # -- 바꾸기 --------------------------------------------------------------
    def set(self, image=None, layer=None, channel=None, position=None) -> ActivationExplorer:
        """고른 것을 한꺼번에 바꾸고 한 번만 다시 그립니다. 예: ``ex.set(layer="conv2", channel=3, position=(4, 5))``.

        layer: 층 이름 또는 번호. 층을 바꾸면 주지 않은 채널은 0(범위 밖이면), 칸은 가운데로 갑니다.
        """
        acts = self.activations
        img = self.image if image is None else acts.image_index(image)
        lay = self._layer.value if layer is None else acts.layer_index(layer)
        info = acts.layers[lay]
        ch = self.channel if channel is None else check_int("channel(채널)", channel, minimum=0)
        if channel is None and ch >= info.channels:
            ch = 0
        if ch >= info.channels:
            raise ValueError(f"channel={ch}: 층 {info.name!r}의 채널은 0..{info.channels - 1}입니다.")
        pos = None
        if position is not None:
            if not isinstance(position, (tuple, list)) or len(position) != 2:
                raise TypeError(f"position은 (행 i, 열 j) 두 정수여야 합니다. 받은 값: {short_repr(position)}")
            size = info.shape[:2] if info.spatial else (1, 1)
            pos = tuple(check_int(f"position[{a}]", v, minimum=0, maximum=n - 1, why=f"층 {info.name!r}의 출력 "
                                  f"{size[0]}×{size[1]}") for a, v, n in zip((0, 1), position, size))
        elif layer is None:
            pos = self.position
        self._holding = True
        try:
            self._image.value = img
            self._layer.value = lay
            self._apply_layer(lay, ch, pos)
        finally:
            self._holding = False
        self._draw()
        return self

    def strongest(self, layer, image=0) -> ActivationExplorer:
        """처음 화면 고르기: 이미지 `image`의 공간 층 `layer`에서 평균 활성화가 가장 큰 채널과, 그 채널에서 값이
        가장 큰 칸을 골라 보여 줍니다. 예: ``ex.strongest("block2_conv2")``."""
        acts = self.activations
        img, lay = acts.image_index(image), acts.layer_index(layer)
        info = acts.layers[lay]
        if not info.spatial:
            raise ValueError(f"층 {info.name!r}은(는) 가로·세로가 없는 층입니다. 합성곱이나 풀링 층을 고르세요.")
        maps = acts.maps(img, lay)
        channel = int(maps.mean(axis=(0, 1)).argmax())
        position = tuple(int(i) for i in np.unravel_index(maps[..., channel].argmax(), maps.shape[:2]))
        return self.set(image=img, layer=lay, channel=channel, position=position)

    def _apply_layer(self, lay, channel, position):
        info = self.activations.layers[lay]
        h, w = info.shape[:2] if info.spatial else (1, 1)
        if position is None:
            position = ((h - 1) // 2, (w - 1) // 2)
        hold, self._holding = self._holding, True
        try:
            for slider, top, value in ((self._channel, info.channels - 1, channel), (self._row, h - 1, position[0]),
                                       (self._col, w - 1, position[1])):
                if value > slider.max:
                    slider.max = top
                    slider.value = value
                else:
                    slider.value = value
                    slider.max = top
            self._row.disabled = self._col.disabled = not info.spatial
        finally:
            self._holding = hold

    def _on_change(self, change):
        if self._holding:
            return
        if change["owner"] is self._layer:
            info = self.activations.layers[change["new"]]
            self._apply_layer(change["new"], min(self.channel, info.channels - 1), None)
        self._draw()

    # -- 그리기 --------------------------------------------------------------
    def _draw(self):

        box = self.rf_box
        self.frame = self._painter.frame(self.image, self._layer.value, self.channel, self.position, box)
        self.image_bytes = encode_png(self.frame)
        self.picture.value = self.image_bytes
        self.picture.layout.width = f"{self.frame.shape[1]}px"
        self.caption.value = self._caption()

    @property
    def formula(self) -> str:
        p = self.products
        return "" if p is None else product_formula(p)

    def _caption(self) -> str:
        info = self.info
        lines = [f"<b>{html.escape(info.name)}</b> ({html.escape(info.type)}), 출력 "
                 + "×".join(str(v) for v in info.shape)
                 + f" · 채널 {self.channel}" + (f", 칸 ({self.position[0]}, {self.position[1]})" if info.spatial else "")
                 + f" = <b>{self.value:.4f}</b>"]
        if self.formula:
            lines.append(f"첫 합성곱의 이 칸 = Σ(입력 × 가중치) + 편향: <code>{html.escape(self.formula)}</code>")
        if info.rf_row is None and info.spatial:
            lines.append("이 층은 수용 영역을 계산할 수 없어 입력 전체를 표시합니다.")
        return "<div style='line-height:1.6'>" + "<br>".join(lines) + "</div>"

    # -- 표시 ----------------------------------------------------------------
    def __repr__(self) -> str:
        where = f", position={self.position}" if self.info.spatial else ""
        return f"활성화 탐색기(image={self.image}, layer={self.layer!r}, channel={self.channel}{where})"

    def _repr_mimebundle_(self, include=None, exclude=None):
        return widget_bundle(repr(self), self.widget, self.image_bytes)


def activation_explorer(model, images, labels=None) -> ActivationExplorer:
    """학습된 Keras 모델 안을 보는 활성화 탐색기를 만듭니다 (셀의 마지막 줄에 두세요).

    model: 함수형 또는 Sequential Keras 모델 (분기가 있어도 됨; 서브클래싱 모델은 함수형으로 바꿔 주세요).
    images: 이미지 여러 장 (N, 높이, 너비) 또는 (N, 높이, 너비, 채널), 모델이 학습한 것과 같은 값 범위로.
    labels: 정답 레이블 (선택). 활성화는 이미지마다 한 번만 계산하고, 조절 막대를 움직이면 저장한 배열로 다시 그립니다.
    """
    if not _lazy.loaded("keras"):
        check_model(model)
    if labels is not None and isinstance(labels, numbers.Integral):
        labels = [labels]
    return ActivationExplorer(model, images, labels)
