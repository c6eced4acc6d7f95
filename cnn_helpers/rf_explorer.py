"""수용 영역 탐색기: 층과 출력 칸을 고르면 그 칸이 보는 입력 영역을 실제 사진 위에 표시합니다.

계산은 모두 :func:`cnn_helpers.analysis.receptive_field` 표와
:func:`cnn_helpers.analysis.receptive_field_box` 가 하고, 이 모듈은 그리기만 합니다. 위젯은
ipywidgets 7·8 모두에 있는 기본 위젯(Dropdown, IntSlider, Image, HTML)만 쓰고, 그림은 PNG 바이트로
``widgets.Image`` 에 넣습니다(출력 위젯 안에서 print 나 plt 를 쓰지 않음).

    explorer = rf_explorer(model, image)   # 노트북 셀의 마지막 줄이면 위젯이 보입니다
    explorer.box                           # 지금 고른 칸의 (top, left, bottom, right)
"""

from __future__ import annotations

import html
import warnings

import numpy as np

from ._validate import check_int, check_model, is_int, short_repr
from .analysis import receptive_field, receptive_field_box
from .frontend import widget_bundle
from .raster import as_rgb, encode_png

__all__ = ["rf_explorer"]

_DIM = 0.3  # 수용 영역 밖 화소의 밝기 비율
_BOX = np.array([230, 40, 40], dtype=np.uint8)  # 상자 테두리 색
_MIN_SIDE = 384  # 작은 이미지는 정수 배로 키워 보여 줍니다


def draw_box(image, box, *, scale: int = 1) -> np.ndarray:
    """상자 (top, left, bottom, right) 밖을 어둡게 하고 테두리를 그린 RGB 배열을 돌려줍니다.

    scale: 정수 배 확대(화소를 그대로 키움). 결과 모양은 (H·scale, W·scale, 3)입니다.
    """
    img = as_rgb(image)
    top, left, bottom, right = _check_box(box, img.shape[:2])
    scale = check_int("scale", scale, minimum=1, maximum=64, why="그림이 너무 커지지 않게")
    out = (img * _DIM).astype(np.uint8)
    out[top:bottom, left:right] = img[top:bottom, left:right]
    if scale > 1:
        out = out.repeat(scale, axis=0).repeat(scale, axis=1)
    y0, x0, y1, x1 = (v * scale for v in (top, left, bottom, right))
    w = max(2, scale)  # 테두리 두께(화면 화소)
    out[y0:y0 + w, x0:x1] = _BOX
    out[y1 - w:y1, x0:x1] = _BOX
    out[y0:y1, x0:x0 + w] = _BOX
    out[y0:y1, x1 - w:x1] = _BOX
    return out


def _check_box(box, hw) -> tuple[int, int, int, int]:
    """상자가 그림 (높이, 너비) 안의 정수 (top, left, bottom, right)이고 top < bottom, left < right인지 확인합니다."""
    example = "예: receptive_field_box(table.iloc[3], 0, 0, image.shape[:2])의 결과"
    if isinstance(box, (str, bytes)) or not hasattr(box, "__len__") or len(box) != 4:
        raise TypeError(f"box는 (top, left, bottom, right) 정수 네 개여야 합니다 ({example}). 받은 값: {short_repr(box)}")
    if not all(is_int(v) for v in box):
        raise TypeError(f"box의 값은 정수여야 합니다 (화소 번호). 받은 값: {short_repr(box)}")
    top, left, bottom, right = (int(v) for v in box)
    h, w = hw
    if not (top < bottom and left < right):
        raise ValueError(
            f"box={(top, left, bottom, right)}: top < bottom, left < right여야 합니다 "
            "(bottom·right는 상자 바로 아래·오른쪽 화소 번호)."
        )
    if min(top, left) < 0 or bottom > h or right > w:
        raise ValueError(
            f"box={(top, left, bottom, right)}: 상자가 그림({h}×{w}) 안에 있어야 합니다: "
            f"0 이상이고 bottom ≤ {h}, right ≤ {w}."
        )
    return top, left, bottom, right


def _check_spatial_2d(model) -> None:
    """rf_explorer는 (높이, 너비) 입력을 받는 모델만 그립니다: 1차원·공간 축 없는 모델은 한국어로 거절합니다."""
    check_model(model)
    shape = tuple(model.inputs[0].shape) if getattr(model, "inputs", None) else ()
    if len(shape) == 4:
        return
    receptive_field(model)  # 공간 축이 없으면 여기서 "이 모델에는 공간 축이 없습니다"
    raise ValueError(
        f"rf_explorer는 2차원(높이, 너비) 입력을 받는 모델만 그릴 수 있습니다: 이 모델의 입력 모양은 {shape[1:]}"
        f"({len(shape) - 2}차원 공간)입니다. 1차원 합성곱 모델의 수용 영역은 receptive_field(model) 표로 보세요."
    )


class RFExplorer:
    """층(Dropdown)과 출력 칸(행·열 IntSlider)을 고르면 수용 영역 상자를 사진 위에 보여 주는 위젯."""

    def __init__(self, model, image, layer=None, row=None, col=None):
        import ipywidgets as widgets

        _check_spatial_2d(model)
        self.image = as_rgb(image)
        hw = self.image.shape[:2]
        with warnings.catch_warnings():
            # 분기가 정렬되지 않은 모델은 경고 대신 표의 aligned 열로 알립니다.
            warnings.simplefilter("ignore", UserWarning)
            table = receptive_field(model, input_shape=hw)
        table = table[(table["type"] != "InputLayer") & table["padding"].map(lambda p: p == p)]
        if table.empty:
            raise ValueError("model: 수용 영역을 계산할 수 있는 공간 층(합성곱·풀링)이 없습니다.")
        self.table = table.set_index("layer")
        names = list(self.table.index)
        if layer is None:
            layer = names[-1]
        if layer not in names:
            raise ValueError(f"layer={layer!r}: 이 모델의 공간 층 이름 가운데 하나를 주세요(예: {names[0]!r}).")
        self.scale = max(1, -(-_MIN_SIDE // max(hw)))

        self.layer_box = widgets.Dropdown(options=names, value=layer, description="계층")
        self.row_slider = widgets.IntSlider(min=0, value=0, description="행 i", continuous_update=True)
        self.col_slider = widgets.IntSlider(min=0, value=0, description="열 j", continuous_update=True)
        self.picture = widgets.Image(format="png")
        self.caption = widgets.HTML()
        self._busy = False
        self._set_layer(layer, row, col)
        self.layer_box.observe(self._on_layer, names="value")
        self.row_slider.observe(self._on_unit, names="value")
        self.col_slider.observe(self._on_unit, names="value")
        controls = widgets.VBox([self.layer_box, self.row_slider, self.col_slider, self.caption])
        self.widget = widgets.HBox([self.picture, controls])

    # -- 지금 고른 것 ------------------------------------------------------
    @property
    def layer(self) -> str:
        return self.layer_box.value

    @property
    def row(self) -> int:
        return self.row_slider.value

    @property
    def col(self) -> int:
        return self.col_slider.value

    @property
    def box(self) -> tuple[int, int, int, int]:
        """지금 고른 칸의 수용 영역 (top, left, bottom, right); bottom·right 는 포함하지 않음."""
        return receptive_field_box(self.table.loc[self.layer], self.row, self.col, self.image.shape[:2])

    # -- 갱신 ---------------------------------------------------------------
    def _sizes(self, layer):
        size = self.table.loc[layer, "out_size"]
        return (size, size) if np.ndim(size) == 0 else tuple(size)

    def _set_layer(self, layer, row=None, col=None):
        sizes = self._sizes(layer)
        values = []
        for n, value, name in zip(sizes, (row, col), ("row", "col")):
            value = (n - 1) // 2 if value is None else value
            if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or not 0 <= value < n:
                raise ValueError(f"{name}={value!r}: 층 {layer!r}의 출력은 {sizes[0]}×{sizes[1]}이므로 0 이상 {n} 미만의 정수를 주세요.")
            values.append(int(value))
        self._busy = True  # 슬라이더를 바꾸는 동안 그림을 여러 번 그리지 않도록
        try:
            for slider, n, value in zip((self.row_slider, self.col_slider), sizes, values):
                slider.max = n - 1
                slider.value = value
        finally:
            self._busy = False
        self._draw()

    def _on_layer(self, change):
        self._set_layer(change["new"])

    def _on_unit(self, _change):
        if not self._busy:
            self._draw()

    def _draw(self):
        box = self.box
        self.image_bytes = encode_png(draw_box(self.image, box, scale=self.scale))
        self.picture.value = self.image_bytes
        self.picture.width = self.image.shape[1] * self.scale
        info = self.table.loc[self.layer]
        h, w = self._sizes(self.layer)
        top, left, bottom, right = box
        self.caption.value = (
            "<div style='line-height:1.6'>"
            f"<b>{html.escape(self.layer)}</b> ({html.escape(str(info['type']))}), 출력 {h}×{w}<br>"
            f"rf {info['rf']}, jump {info['jump']}, padding {info['padding']}<br>"
            f"칸 ({self.row}, {self.col}) → 입력 행 {top}–{bottom - 1}, 열 {left}–{right - 1}"
            "</div>"
        )

    # -- 표시 ---------------------------------------------------------------
    def __repr__(self) -> str:
        return f"수용 영역 탐색기(layer={self.layer!r}, row={self.row}, col={self.col}, box={self.box})"

    def _repr_mimebundle_(self, include=None, exclude=None):
        return widget_bundle(repr(self), self.widget, self.image_bytes)


def rf_explorer(model, image, layer=None, row=None, col=None) -> RFExplorer:
    """수용 영역 탐색기를 만듭니다.

    model: 빌드된 Keras 모델. image: 모델에 넣을 크기의 사진 (H, W) 또는 (H, W, C); 수용 영역은 이 크기로
    계산합니다. layer: 처음 고를 층 이름(None: 마지막 공간 층). row, col: 처음 고를 출력 칸(None: 가운데).
    """
    return RFExplorer(model, image, layer=layer, row=row, col=col)
