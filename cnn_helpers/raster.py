"""numpy RGB 배열(H, W, 3, uint8)에 글자와 사각형을 그리고 PNG로 바꾸는 작은 도구 (matplotlib 없이, 빠르게).

탐색기 세 개(widgets의 합성곱·풀링 탐색기, rf_explorer, activation)가 그림을 그릴 때 함께 씁니다.
글자는 번들 나눔고딕(`plotting.FONT_FILE`)으로 한 번 그린 모양(알파 마스크)을 캐시해서 붙입니다.
PIL은 처음 글자를 그릴 때 불러옵니다.
"""

from __future__ import annotations

import functools
import struct
import zlib

import numpy as np

__all__ = ["TEXT", "STAR", "font_path", "text_mask", "fit_mask", "paste_mask", "text_width", "put_text", "rect",
           "dotted_rect", "as_rgb", "encode_png"]

TEXT = (25, 25, 25)  # 글자 기본 색 (RGB)


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
def text_mask(text: str, px: int) -> np.ndarray:
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
def fit_mask(text: str, max_w: int, px: int) -> np.ndarray:
    """max_w 픽셀 너비에 들어가도록 글자 크기를 줄여 가며 마스크를 만듭니다."""
    mask = text_mask(text, px)
    while mask.shape[1] > max_w and px > 7:
        px -= 1
        mask = text_mask(text, px)
    return mask


def paste_mask(img: np.ndarray, mask: np.ndarray, x: int, y: int, color) -> None:
    """마스크 모양대로 color를 (x, y) 왼쪽 위에 섞어 칠합니다 (화면 밖은 잘라 냄)."""
    h, w = mask.shape
    H, W = img.shape[:2]
    x0, y0, x1, y1 = max(x, 0), max(y, 0), min(x + w, W), min(y + h, H)
    if x1 <= x0 or y1 <= y0:
        return
    a = mask[y0 - y : y1 - y, x0 - x : x1 - x, None].astype(np.float32) / 255.0
    region = img[y0:y1, x0:x1].astype(np.float32)
    img[y0:y1, x0:x1] = (region * (1.0 - a) + np.asarray(color, np.float32) * a + 0.5).astype(np.uint8)


def text_width(text: str, px: int) -> int:
    return text_mask(text, px).shape[1] if text else 0


def put_text(img, text, x, y, color=TEXT, px=14, anchor="lt") -> int:
    """글자를 씁니다. anchor: 'lt'(왼쪽 위) 또는 'mm'(가운데). 쓴 너비를 돌려줍니다."""
    if not text:
        return 0
    mask = text_mask(text, px)
    if anchor == "mm":
        x, y = x - mask.shape[1] // 2, y - mask.shape[0] // 2
    paste_mask(img, mask, x, y, color)
    return mask.shape[1]


def rect(img, x, y, w, h, color, t=1) -> None:
    """두께 t인 사각형 테두리."""
    img[y : y + t, x : x + w] = color
    img[y + h - t : y + h, x : x + w] = color
    img[y : y + h, x : x + t] = color
    img[y : y + h, x + w - t : x + w] = color


def dotted_rect(img, x, y, w, h, color) -> None:
    """점선 테두리 (2픽셀 칠하고 2픽셀 비움)."""
    on_x = (np.arange(w) // 2) % 2 == 0
    on_y = (np.arange(h) // 2) % 2 == 0
    img[y, x : x + w][on_x] = color
    img[y + h - 1, x : x + w][on_x] = color
    img[y : y + h, x][on_y] = color
    img[y : y + h, x + w - 1][on_y] = color


def as_rgb(image) -> np.ndarray:
    """(H, W), (H, W, 1), (H, W, 3), (H, W, 4) 이미지를 uint8 RGB 로 바꿉니다."""
    from ._validate import to_array

    img = to_array("image", image)
    if img.size == 0:
        raise ValueError(f"image에 원소가 없습니다. 받은 모양: {img.shape}")
    if img.dtype.kind == "f" and not np.isfinite(img).all():
        raise ValueError("image에 NaN 또는 무한대(inf) 값이 있습니다 (한 칸이라도 있으면 사진 전체가 검게 됩니다). "
                         "np.nan_to_num(image)로 바꾸거나 그 칸을 고치세요.")
    if img.ndim == 3 and img.shape[-1] in (1, 3, 4):
        img = img[..., :3] if img.shape[-1] != 1 else img[..., 0]
    if img.ndim == 2:
        img = np.repeat(img[..., None], 3, axis=-1)
    if img.ndim != 3 or img.shape[-1] != 3:
        raise ValueError(f"image 모양 {np.shape(image)}: (높이, 너비) 또는 (높이, 너비, 채널) 이미지를 주세요.")
    if img.dtype != np.uint8:
        img = img.astype(np.float64)
        lo, hi = float(img.min()), float(img.max())
        img = np.zeros_like(img) if hi <= lo else (img - lo) / (hi - lo) * 255
        img = img.round().astype(np.uint8)
    return img


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
