"""탐색기 그림을 matplotlib 없이 numpy 배열에 바로 그리는 래스터라이저.

두 단계로 나뉩니다.

1. **배치(geometry)** — `frame_geometry(layout)`: 칸 크기, 제목, 격자 원점, 범례 위치, 그림 크기를
   계산합니다 (그리지 않음, 숫자만).
2. **칠하기(painting)** — `FrameRenderer`: 배경(격자, 숫자)은 설정이 바뀔 때 한 번만 그리고, 단계마다
   칸 몇 개를 배경의 색칠된 복사본에서 잘라 붙입니다. 글자·사각형·PNG는 `raster` 모듈이 그립니다.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import numpy as np

from .raster import STAR, TEXT, dotted_rect, fit_mask, paste_mask, put_text, rect, text_width
from .sliding import SlidingLayout, Step, format_value, step_formula

__all__ = ["FrameRenderer"]

# 색 (RGB)
WHITE = (255, 255, 255)
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


def _cell_text(img, text, x, y, c, color=TEXT) -> None:
    """c×c 칸 (x, y)의 가운데에 글자를 씁니다 (넘치면 작게)."""
    if not text:
        return
    mask = fit_mask(text, c - 5, max(8, int(c * 0.46)))
    paste_mask(img, mask, x + (c - mask.shape[1]) // 2, y + (c - mask.shape[0]) // 2, color)


@functools.lru_cache(maxsize=4096)
def _cell_tile(label: str, c: int, fill, color, border, dotted: bool) -> np.ndarray:
    """숫자가 적힌 칸 하나(c×c×3)를 한 번만 그려 캐시합니다 (같은 숫자·색의 칸은 복사만 함)."""
    tile = np.empty((c, c, 3), np.uint8)
    tile[:] = fill
    (dotted_rect if dotted else rect)(tile, 0, 0, c, c, border)
    _cell_text(tile, label, 0, 0, c, color)
    tile.setflags(write=False)
    return tile


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
    col_w = [max(g[1] * c, text_width(t, 14)) for g, t in zip(grids, titles)]
    col_w[1] = max(col_w[1], text_width(sub, 12))
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
    legend_w = sum(22 + text_width(t, 12) + 16 for t, _, _ in legend)

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
            put_text(img, t, x0 + cw // 2, self.M + 9, TEXT, 14, anchor="mm")
        if g.sub:
            ky = g.origins[1][1]
            put_text(img, g.sub, g.xs[1] + g.col_w[1] // 2, ky + kh * c + 11, (90, 90, 90), 12, anchor="mm")
        # 연산 기호: 입력 ⋆ 커널 = 출력 (교차 상관; 뒤집는 합성곱은 *, 풀링은 →)
        mid_y = g.top + g.grid_h // 2
        symbols = (("*" if layout.flip else STAR), "=") if mode == "conv" else ("→", "→")
        for sym, x0 in zip(symbols, (g.xs[0] + g.col_w[0], g.xs[1] + g.col_w[1])):
            put_text(img, sym, x0 + GAP // 2, mid_y, (90, 90, 90), 22, anchor="mm")

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
            (dotted_rect if dotted else rect)(img, lx, legend_y, 14, 14, PAD_LINE if dotted else GRID)
            lx += 20
            lx += put_text(img, text, lx, legend_y + 1, (60, 60, 60), 12) + 16
            values[legend_y : legend_y + 18] = img[legend_y : legend_y + 18]
        return img, values

    def _init_blank(self, message: str) -> None:
        self.c = 30
        self.width, self.height = 420, 60
        img = np.full((self.height, self.width, 3), 255, np.uint8)
        put_text(img, "그릴 수 없는 설정입니다", self.M, self.M, ERROR, 14)
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
        rect(frame, x0 - 1, y0 - 1, (max(cols) - min(cols) + 1) * c + 2, (max(rows) - min(rows) + 1) * c + 2, BOX, 3)
        if st.chosen is not None:
            r, q = st.chosen
            y0, x0 = iy + r * c, ix + q * c
            frame[y0 : y0 + c, x0 : x0 + c] = _tinted(base[y0 : y0 + c, x0 : x0 + c], TINT_CHOSEN)
            rect(frame, x0 + 1, y0 + 1, c - 2, c - 2, CHOSEN_LINE, 2)
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
        rect(frame, x0, y0, c, c, BOX, 3)
        if self.caption:
            self._draw_caption(frame, st)
        return frame

    def _draw_caption(self, frame, st: Step) -> None:
        head = f"단계 {st.index + 1}/{len(self.steps)} · 출력 [{st.out[0]}, {st.out[1]}]: "
        room = self.width - 2 * self.M - text_width(head, 14)
        for terms in (None, 12, 9, 6, 4, 3):
            text = step_formula(st, max_terms=terms)
            if text_width(text, 14) <= room:
                break
        mask = fit_mask(head + text, self.width - 2 * self.M, 14)
        paste_mask(frame, mask, self.M, self.caption_y + 4, TEXT)
