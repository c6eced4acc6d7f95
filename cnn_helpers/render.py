"""탐색기 그림을 matplotlib 없이 numpy 배열에 바로 그리는 래스터라이저.

두 단계로 나뉩니다.

1. **배치(geometry)** — `frame_geometry(layout)`: 칸 크기, 제목, 격자 원점, 범례 위치, 그림 크기를
   계산합니다 (그리지 않음, 숫자만).
2. **칠하기(painting)** — `FrameRenderer`: 배경(격자, 숫자)은 설정이 바뀔 때 한 번만 그리고, 단계마다
   칸 몇 개를 배경의 색칠된 복사본에서 잘라 붙입니다. 글자는 번들 나눔고딕(`plotting.FONT_FILE`)으로
   한 번 그린 모양(마스크)을 캐시해서 씁니다. `encode_png`는 PIL보다 빠른 PNG 인코더입니다.

PIL은 처음 글자를 그릴 때 불러옵니다.
"""

from __future__ import annotations

import base64
import functools
import struct
import zlib
from dataclasses import dataclass

import numpy as np

from .sliding import SlidingLayout, Step, format_value, step_formula

__all__ = ["FrameGeometry", "frame_geometry", "FrameRenderer", "encode_png", "font_path", "widget_bundle"]

# 색 (RGB)
WHITE = (255, 255, 255)
TEXT = (25, 25, 25)
GRID = (150, 150, 150)
OUT_LINE = (200, 200, 200)
PAD_FILL = (226, 226, 226)
PAD_LINE = (110, 110, 110)
PAD_TEXT = (135, 135, 135)
UNUSED_FILL = (255, 222, 226)
KERNEL_FILL = (220, 234, 252)
TINT_WINDOW = (255, 204, 128)
TINT_CHOSEN = (255, 140, 140)
TINT_DONE = (204, 238, 204)
TINT_CURRENT = (255, 204, 128)
BOX = (222, 105, 0)
CHOSEN_LINE = (200, 0, 0)
ERROR = (190, 0, 0)


def font_path():
    """그림 글자에 쓰는 글꼴 파일: `plotting.FONT_FILE`(번들 나눔고딕)과 같은 것.

    plotting은 pyplot까지 불러오므로 처음 글자를 그릴 때 불러옵니다 (`import cnn_helpers.widgets`는 가볍게).
    """
    from .plotting import FONT_FILE

    return FONT_FILE


@functools.lru_cache(maxsize=32)
def _font(px: int):
    from PIL import ImageFont

    return ImageFont.truetype(str(font_path()), px)


STAR = "⋆"  # 교차 상관 기호 (노트북 글의 $\\star$): 나눔고딕에 없는 글자라 다각형으로 그립니다


def _star_mask(px: int) -> np.ndarray:
    """⋆(작은 다섯 꼭짓점 별) 모양의 알파 마스크: 글자 크기 px의 약 절반 너비."""
    from PIL import Image, ImageDraw

    size = max(7, int(px * 0.45))  # 노트북 글의 ⋆처럼 작은 연산 기호 크기
    scale = 4  # 크게 그린 뒤 줄여서 가장자리를 부드럽게
    big = size * scale
    r_out, r_in = big / 2, big / 2 * 0.42
    points = []
    for k in range(10):
        radius = r_out if k % 2 == 0 else r_in
        angle = -np.pi / 2 + k * np.pi / 5
        points.append((big / 2 + radius * np.cos(angle), big / 2 + radius * np.sin(angle) + big * 0.05))
    im = Image.new("L", (big, big), 0)
    ImageDraw.Draw(im).polygon(points, fill=255)
    return np.asarray(im.resize((size, size), Image.LANCZOS)).copy()


@functools.lru_cache(maxsize=8192)
def _text_mask(text: str, px: int) -> np.ndarray:
    """글자 모양(0..255 알파 마스크)을 한 번만 그려 캐시합니다."""
    from PIL import Image, ImageDraw

    if text == STAR:
        mask = _star_mask(px)
        mask.setflags(write=False)
        return mask
    font = _font(px)
    left, top, right, bottom = font.getbbox(text)
    w, h = max(right - left, 1), max(bottom - top, 1)
    im = Image.new("L", (w, h), 0)
    ImageDraw.Draw(im).text((-left, -top), text, fill=255, font=font)
    mask = np.asarray(im).copy()
    mask.setflags(write=False)
    return mask


@functools.lru_cache(maxsize=8192)
def _fit_mask(text: str, max_w: int, px: int) -> np.ndarray:
    """max_w 픽셀 너비에 들어가도록 글자 크기를 줄여 가며 마스크를 만듭니다."""
    mask = _text_mask(text, px)
    while mask.shape[1] > max_w and px > 7:
        px -= 1
        mask = _text_mask(text, px)
    return mask


def _paste_mask(img: np.ndarray, mask: np.ndarray, x: int, y: int, color) -> None:
    """마스크 모양대로 color를 (x, y) 왼쪽 위에 섞어 칠합니다 (화면 밖은 잘라 냄)."""
    h, w = mask.shape
    H, W = img.shape[:2]
    x0, y0, x1, y1 = max(x, 0), max(y, 0), min(x + w, W), min(y + h, H)
    if x1 <= x0 or y1 <= y0:
        return
    a = mask[y0 - y : y1 - y, x0 - x : x1 - x, None].astype(np.float32) / 255.0
    region = img[y0:y1, x0:x1].astype(np.float32)
    img[y0:y1, x0:x1] = (region * (1.0 - a) + np.asarray(color, np.float32) * a + 0.5).astype(np.uint8)


def _text_width(text: str, px: int) -> int:
    return _text_mask(text, px).shape[1] if text else 0


def _put_text(img, text, x, y, color=TEXT, px=14, anchor="lt") -> int:
    """글자를 씁니다. anchor: 'lt'(왼쪽 위) 또는 'mm'(가운데). 쓴 너비를 돌려줍니다."""
    if not text:
        return 0
    mask = _text_mask(text, px)
    if anchor == "mm":
        x, y = x - mask.shape[1] // 2, y - mask.shape[0] // 2
    _paste_mask(img, mask, x, y, color)
    return mask.shape[1]


def _cell_text(img, text, x, y, c, color=TEXT) -> None:
    """c×c 칸 (x, y)의 가운데에 글자를 씁니다 (넘치면 작게)."""
    if not text:
        return
    mask = _fit_mask(text, c - 5, max(8, int(c * 0.46)))
    _paste_mask(img, mask, x + (c - mask.shape[1]) // 2, y + (c - mask.shape[0]) // 2, color)


@functools.lru_cache(maxsize=4096)
def _cell_tile(label: str, c: int, fill, color, border, dotted: bool) -> np.ndarray:
    """숫자가 적힌 칸 하나(c×c×3)를 한 번만 그려 캐시합니다 (같은 숫자·색의 칸은 복사만 함)."""
    tile = np.empty((c, c, 3), np.uint8)
    tile[:] = fill
    (_dotted_rect if dotted else _rect)(tile, 0, 0, c, c, border)
    _cell_text(tile, label, 0, 0, c, color)
    tile.setflags(write=False)
    return tile


def _rect(img, x, y, w, h, color, t=1) -> None:
    """두께 t인 사각형 테두리."""
    img[y : y + t, x : x + w] = color
    img[y + h - t : y + h, x : x + w] = color
    img[y : y + h, x : x + t] = color
    img[y : y + h, x + w - t : x + w] = color


def _dotted_rect(img, x, y, w, h, color) -> None:
    """점선 테두리 (2픽셀 칠하고 2픽셀 비움)."""
    on_x = (np.arange(w) // 2) % 2 == 0
    on_y = (np.arange(h) // 2) % 2 == 0
    img[y, x : x + w][on_x] = color
    img[y + h - 1, x : x + w][on_x] = color
    img[y : y + h, x][on_y] = color
    img[y : y + h, x + w - 1][on_y] = color


def _tinted(base: np.ndarray, tint) -> np.ndarray:
    """흰색을 tint로 바꾸는 곱하기 혼합 (검은 글자는 그대로)."""
    return (base.astype(np.uint16) * np.asarray(tint, np.uint16) // 255).astype(np.uint8)


def _cell_label(v: float, mode: str, pad: bool) -> str:
    if pad and mode != "conv":
        return ""  # 풀링의 패딩 칸은 값이 없습니다 (계산에서 빠짐).
    return format_value(v, 2)


MARGIN = 12  # 바깥 여백
GAP = 40  # 격자 사이 간격 (연산 기호 자리)
TITLE_H = 26


@dataclass(frozen=True)
class FrameGeometry:
    """한 설정의 그림 배치 (픽셀). 격자는 입력, 커널(창), 출력 세 개입니다.

    c: 칸 한 변, titles·sub: 격자 제목과 커널 아래 작은 글(s=, d=), xs·col_w: 세 열의 왼쪽 x와 너비,
    origins: 세 격자의 왼쪽 위 (x, y), grid_h: 격자 영역 높이, legend: (글, 색, 점선인지) 목록,
    legend_y, caption_y: 범례와 식 글줄의 y, width·height: 그림 크기.
    """

    c: int
    titles: tuple[str, str, str]
    sub: str
    xs: tuple[int, int, int]
    col_w: tuple[int, int, int]
    origins: tuple[tuple[int, int], ...]
    top: int
    grid_h: int
    legend: tuple
    legend_y: int
    caption_y: int
    width: int
    height: int


def frame_geometry(layout: SlidingLayout, *, cell: int | None = None, caption: bool = False) -> FrameGeometry:
    """layout을 그릴 배치를 계산합니다 (글자 너비는 글꼴로 재지만 그리지는 않습니다)."""
    hp, wp = layout.padded.shape
    kh, kw = layout.window
    oh, ow = layout.out_shape
    big = max(hp, wp, kh, kw, oh, ow, 1)
    c = int(cell) if cell else int(np.clip(400 // big, 20, 46))
    mode = layout.mode
    h, w = layout.input_shape
    (pt, pb), (pl, pr) = layout.pads
    padded_txt = f" (패딩 포함 {hp}×{wp})" if (pt or pb or pl or pr) else ""
    titles = (
        f"입력 {h}×{w}{padded_txt}",
        (f"필터 {kh}×{kw}" + (" (뒤집음)" if layout.flip else "")) if mode == "conv"
        else f"창 {kh}×{kw} ({'최대' if mode == 'max' else '평균'})",
        f"출력 {oh}×{ow}" if oh else "출력 없음",
    )
    sh, sw = layout.stride
    dh, dw = layout.dilation
    extra = [] if mode == "conv" else ["가중치 없음"]  # 풀링의 창은 모양만 있고 학습하는 값이 없습니다
    if (sh, sw) != (1, 1) or mode != "conv":
        extra.append(f"s={sh}" if sh == sw else f"s=({sh}, {sw})")
    if (dh, dw) != (1, 1):
        extra.append(f"d={dh}" if dh == dw else f"d=({dh}, {dw})")
    sub = ", ".join(extra)
    grids = [(hp, wp), (kh, kw), (oh, ow)]
    col_w = [max(g[1] * c, _text_width(t, 14)) for g, t in zip(grids, titles)]
    col_w[1] = max(col_w[1], _text_width(sub, 12))
    grid_h = max(hp, kh, oh, 1) * c
    sub_h = 18 if sub else 0

    # 패딩이 없는 그림의 범례에는 '패딩'을 적지 않습니다 (격자에 없는 것을 설명하지 않음).
    legend = [("패딩", PAD_FILL, True)] if (pt or pb or pl or pr) else []
    legend.append(("창", TINT_WINDOW, False))
    if mode == "max":
        legend.append(("뽑힌 최댓값", TINT_CHOSEN, False))
    legend += [("계산된 출력", TINT_DONE, False), ("지금 출력", TINT_CURRENT, False)]
    if layout.unused != (0, 0):
        legend.append(("창이 닿지 않는 칸", UNUSED_FILL, False))
    legend_w = sum(22 + _text_width(t, 12) + 16 for t, _, _ in legend)

    width = max(MARGIN * 2 + sum(col_w) + 2 * GAP, legend_w + 2 * MARGIN)
    top = MARGIN + TITLE_H
    legend_y = top + grid_h + sub_h + 10
    height = legend_y + 18 + MARGIN
    caption_y = height - 4
    if caption:
        height += 28
    xs = (MARGIN, MARGIN + col_w[0] + GAP, MARGIN + col_w[0] + col_w[1] + 2 * GAP)
    origins = tuple(
        (x0 + (cw - gc * c) // 2, top + (grid_h - gr * c) // 2) for (gr, gc), x0, cw in zip(grids, xs, col_w)
    )
    return FrameGeometry(c, titles, sub, xs, tuple(col_w), origins, top, grid_h, tuple(legend), legend_y,
                         caption_y, width, height)


class FrameRenderer:
    """한 설정(layout)의 단계 그림을 빠르게 그립니다: 배경과 색칠된 복사본을 한 번 만든 뒤 칸 복사."""

    M = MARGIN

    def __init__(self, layout: SlidingLayout | None, steps, *, cell: int | None = None, caption: bool = False,
                 message: str | None = None):
        self.layout = layout
        self.steps = list(steps)
        self.caption = caption
        if layout is None:
            self._init_blank(message or "설정을 확인하세요.")
            return
        g = frame_geometry(layout, cell=cell, caption=caption)
        self.geometry = g
        self.c, self.width, self.height, self.caption_y = g.c, g.width, g.height, g.caption_y
        self.origins = list(g.origins)
        self.base, values = self._paint_background(layout, g)
        self.base.setflags(write=False)
        # 출력 판(값이 적힌 것)만 잘라 둡니다. 색칠은 단계마다 필요한 칸에만 합니다 (칸 하나는 아주 작음).
        (ox, oy), c = g.origins[2], g.c
        oh, ow = layout.out_shape
        self.values = values[oy : oy + oh * c, ox : ox + ow * c].copy()
        self.done_v = _tinted(self.values, TINT_DONE)

    def _paint_background(self, layout: SlidingLayout, g: FrameGeometry):
        """(배경 그림, 출력 칸에 값을 적은 그림)을 칠합니다."""
        c, mode = g.c, layout.mode
        hp, wp = layout.padded.shape
        kh, kw = layout.window
        oh, ow = layout.out_shape
        img = np.full((g.height, g.width, 3), 255, np.uint8)
        for x0, cw, t in zip(g.xs, g.col_w, g.titles):
            _put_text(img, t, x0 + cw // 2, self.M + 9, TEXT, 14, anchor="mm")
        if g.sub:
            ky = g.origins[1][1]
            _put_text(img, g.sub, g.xs[1] + g.col_w[1] // 2, ky + kh * c + 11, (90, 90, 90), 12, anchor="mm")
        # 연산 기호: 입력 ⋆ 커널 = 출력 (교차 상관; 뒤집는 합성곱은 *, 풀링은 →)
        mid_y = g.top + g.grid_h // 2
        symbols = (("*" if layout.flip else STAR), "=") if mode == "conv" else ("→", "→")
        for sym, x0 in zip(symbols, (g.xs[0] + g.col_w[0], g.xs[1] + g.col_w[1])):
            _put_text(img, sym, x0 + GAP // 2, mid_y, (90, 90, 90), 22, anchor="mm")

        # 입력 격자
        ix, iy = g.origins[0]
        ur, uc = layout.unused
        for r in range(hp):
            for q in range(wp):
                x0, y0 = ix + q * c, iy + r * c
                pad = bool(layout.is_pad[r, q])
                unused = r >= hp - ur or q >= wp - uc
                fill = PAD_FILL if pad else (UNUSED_FILL if unused else WHITE)
                label = _cell_label(float(layout.padded[r, q]), mode, pad)
                img[y0 : y0 + c, x0 : x0 + c] = _cell_tile(label, c, fill, PAD_TEXT if pad else TEXT,
                                                           PAD_LINE if pad else GRID, pad)
        # 커널 격자
        kx, ky = g.origins[1]
        for r in range(kh):
            for q in range(kw):
                x0, y0 = kx + q * c, ky + r * c
                label = "" if layout.weights is None else format_value(float(layout.weights[r, q]), 2)
                # 풀링의 창은 범례의 '창' 색으로 칠해, 가중치가 든 필터(파란 칸)와 구별합니다.
                fill = KERNEL_FILL if mode == "conv" else TINT_WINDOW
                img[y0 : y0 + c, x0 : x0 + c] = _cell_tile(label, c, fill, TEXT, GRID, False)
        # 출력 격자 (빈 칸) — 값이 적힌 판은 따로 만들어 색칠된 복사본으로 씁니다.
        ox, oy = g.origins[2]
        empty = _cell_tile("", c, WHITE, TEXT, OUT_LINE, False)
        for r in range(oh):
            for q in range(ow):
                img[oy + r * c : oy + (r + 1) * c, ox + q * c : ox + (q + 1) * c] = empty
        values = img.copy()
        for st in self.steps:
            r, q = st.out
            values[oy + r * c : oy + (r + 1) * c, ox + q * c : ox + (q + 1) * c] = _cell_tile(
                format_value(st.value, 2), c, WHITE, TEXT, OUT_LINE, False)
        # 범례
        lx, legend_y = self.M, g.legend_y
        for text, color, dotted in g.legend:
            img[legend_y : legend_y + 14, lx : lx + 14] = color
            (_dotted_rect if dotted else _rect)(img, lx, legend_y, 14, 14, PAD_LINE if dotted else GRID)
            lx += 20
            lx += _put_text(img, text, lx, legend_y + 1, (60, 60, 60), 12) + 16
            values[legend_y : legend_y + 18] = img[legend_y : legend_y + 18]
        return img, values

    def _init_blank(self, message: str) -> None:
        self.c = 30
        self.width, self.height = 420, 60
        img = np.full((self.height, self.width, 3), 255, np.uint8)
        _put_text(img, "그릴 수 없는 설정입니다", self.M, self.M, ERROR, 14)
        self.base = img
        self.caption_y = self.height

    def render(self, k: int | None) -> np.ndarray:
        """단계 k의 그림 (H, W, 3) uint8. k=None이면 창 없이 배경만 그립니다."""
        frame = self.base.copy()
        if k is None or self.layout is None or not self.steps:
            return frame
        st = self.steps[k]
        c = self.c
        base = self.base
        ix, iy = self.origins[0]
        for r, q in st.cells:
            y0, x0 = iy + r * c, ix + q * c
            frame[y0 : y0 + c, x0 : x0 + c] = _tinted(base[y0 : y0 + c, x0 : x0 + c], TINT_WINDOW)
        rows = [r for r, _ in st.cells]
        cols = [q for _, q in st.cells]
        y0, x0 = iy + min(rows) * c, ix + min(cols) * c
        _rect(frame, x0 - 1, y0 - 1, (max(cols) - min(cols) + 1) * c + 2, (max(rows) - min(rows) + 1) * c + 2, BOX, 3)
        if st.chosen is not None:
            r, q = st.chosen
            y0, x0 = iy + r * c, ix + q * c
            frame[y0 : y0 + c, x0 : x0 + c] = _tinted(base[y0 : y0 + c, x0 : x0 + c], TINT_CHOSEN)
            _rect(frame, x0 + 1, y0 + 1, c - 2, c - 2, CHOSEN_LINE, 2)
        # 출력: 앞 단계들은 초록, 지금 칸은 주황 (출력 판 좌표 → 그림 좌표)
        ox, oy = self.origins[2]
        ow = self.layout.out_shape[1]
        r, q = st.out
        if r:
            frame[oy : oy + r * c, ox : ox + ow * c] = self.done_v[: r * c]
        if q:
            frame[oy + r * c : oy + (r + 1) * c, ox : ox + q * c] = self.done_v[r * c : (r + 1) * c, : q * c]
        y0, x0 = oy + r * c, ox + q * c
        frame[y0 : y0 + c, x0 : x0 + c] = _tinted(self.values[r * c : (r + 1) * c, q * c : (q + 1) * c], TINT_CURRENT)
        _rect(frame, x0, y0, c, c, BOX, 3)
        if self.caption:
            self._draw_caption(frame, st)
        return frame

    def _draw_caption(self, frame, st: Step) -> None:
        head = f"단계 {st.index + 1}/{len(self.steps)} · 출력 [{st.out[0]}, {st.out[1]}]: "
        room = self.width - 2 * self.M - _text_width(head, 14)
        for terms in (None, 12, 9, 6, 4, 3):
            text = step_formula(st, max_terms=terms)
            if _text_width(text, 14) <= room:
                break
        mask = _fit_mask(head + text, self.width - 2 * self.M, 14)
        _paste_mask(frame, mask, self.M, self.caption_y + 4, TEXT)


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def encode_png(frame: np.ndarray) -> bytes:
    """RGB uint8 배열을 PNG 바이트로 바꿉니다.

    PIL의 PNG 저장보다 3배쯤 빠르도록 직접 씁니다: 줄마다 필터 0(없음) + zlib 수준 1.
    격자 그림은 같은 색이 길게 이어져 이것만으로도 잘 줄어듭니다 (PIL로 읽으면 같은 배열).
    """
    h, w, _ = frame.shape
    rows = np.zeros((h, w * 3 + 1), np.uint8)  # 각 줄 앞의 0 = 필터 없음
    rows[:, 1:] = frame.reshape(h, w * 3)
    return b"".join((
        b"\x89PNG\r\n\x1a\n",
        _png_chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)),
        _png_chunk(b"IDAT", zlib.compress(rows.tobytes(), 1)),
        _png_chunk(b"IEND", b""),
    ))


def widget_bundle(text: str, widget, png: bytes | None = None) -> dict:
    """위젯을 화면에 보이면서 text/plain은 우리가 정한 짧은 설명으로 두는 표시 묶음을 만듭니다.

    nbval은 text/plain을 저장된 출력과 비교하므로 주소·난수 없이 설정만 씁니다
    (ipywidgets의 기본 repr에는 PNG 바이트가 들어갑니다). png를 주면 그 그림(탐색기의 지금 상태)도 함께 넣습니다:
    위젯을 그릴 수 없는 화면(GitHub, nbviewer, 정적 슬라이드)은 위젯 대신 이 그림을 보여 줍니다.
    ipywidgets 판이 화면과 맞지 않아 보일 것 같지 않으면 먼저 한국어 알림을 한 번 출력합니다
    (`frontend.warn_if_mismatched`).
    """
    from .frontend import warn_if_mismatched

    warn_if_mismatched()
    bundle = {
        "text/plain": text,
        "application/vnd.jupyter.widget-view+json": {"version_major": 2, "version_minor": 0, "model_id": widget.model_id},
    }
    if png:
        bundle["image/png"] = base64.b64encode(png).decode("ascii")
    return bundle
