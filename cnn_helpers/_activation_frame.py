"""활성화 탐색기의 그림 한 장: 입력과 수용 영역, 특징 맵, 커널, 예측, 모든 채널의 띠 (numpy 래스터, `raster`).

계산(활성화, 수용 영역, 예측)은 `activation.Activations`가 하고, 여기는 그것을 그림과 글로만 바꿉니다.
"""

from __future__ import annotations

import numpy as np

from .raster import as_rgb, fit_mask, paste_mask, put_text, rect


def _apply_activation(name: str, z: float) -> float | None:
    """자주 쓰는 활성화 함수 몇 개를 한 값에 적용합니다 (모르면 None)."""
    fns = {"linear": lambda v: v, "relu": lambda v: max(v, 0.0), "sigmoid": lambda v: 1 / (1 + np.exp(-v)),
           "tanh": np.tanh}
    fn = fns.get(name)
    return None if fn is None else float(fn(z))


def product_formula(products, max_terms: int = 9) -> str:
    """첫 합성곱 칸의 값을 '0.12×0.50 + … + 편향 = 합 → relu → 값' 글로 씁니다."""
    patch, kernel, bias, total, act = products
    terms = [f"{a:.2f}×{w:.2f}" for a, w in zip(patch.reshape(-1), kernel.reshape(-1))]
    shown = terms if len(terms) <= max_terms else terms[: max_terms - 1] + [f"… ({len(terms)}개 곱)"]
    text = " + ".join(shown) + f" + 편향 {bias:.2f} = {total:.3f}"
    out = _apply_activation(act, total)
    if act != "linear":
        text += f" → {act} → {out:.3f}" if out is not None else f" → {act}"
    return text


_PANEL = 224  # 입력·특징 맵 판의 한 변 (픽셀)
_WIDTH = 760
_MARGIN = 12
_RED = (220, 30, 30)


def _lut():
    import matplotlib

    return (matplotlib.colormaps["viridis"](np.linspace(0, 1, 256))[:, :3] * 255).round().astype(np.uint8)


_LUT = None


def _colorize(a: np.ndarray, lo: float, hi: float) -> np.ndarray:
    global _LUT
    if _LUT is None:
        _LUT = _lut()
    idx = np.zeros(a.shape, np.uint8) if hi <= lo else np.clip((a - lo) * (255.0 / (hi - lo)), 0, 255).astype(np.uint8)
    return _LUT[idx]


def _upscale(img: np.ndarray, side: int) -> tuple[np.ndarray, int]:
    """정수 배로 키워 한 변이 side 이하가 되게 합니다 (너무 크면 건너뛰어 줄임). (그림, 배율) 을 돌려줍니다."""
    h, w = img.shape[:2]
    s = max(1, side // max(h, w))
    if max(h, w) > side:  # 줄이기: 일정 간격으로 고름
        step = -(-max(h, w) // side)
        return img[::step, ::step], -step
    return img.repeat(s, 0).repeat(s, 1), s


def _diverging(a: np.ndarray) -> np.ndarray:
    """커널 값: 음수 파랑, 0 흰색, 양수 빨강."""
    m = float(np.abs(a).max()) or 1.0
    t = np.clip(a / m, -1, 1)[..., None]
    white = np.array([255, 255, 255], np.float64)
    red, blue = np.array([200, 30, 30], np.float64), np.array([30, 60, 200], np.float64)
    out = np.where(t >= 0, white + (red - white) * t, white + (blue - white) * (-t))
    return out.round().astype(np.uint8)


class Painter:
    """캐시를 써서 그림을 그립니다: 띠(층·이미지마다), 예측 글(이미지마다)은 한 번만."""

    def __init__(self, acts):
        self.acts = acts
        self._strip: dict = {}
        self._input: dict = {}

    def _input_rgb(self, image):
        if image not in self._input:

            self._input[image] = as_rgb(self.acts.images[image])
        return self._input[image]

    def strip(self, image, layer):
        """(띠 그림, 칸 크기, 열 수, 색 범위)"""
        key = (image, layer)
        if key not in self._strip:
            m = self.acts.maps(image, layer)
            lo, hi = float(m.min()), float(m.max())
            m3 = m if m.ndim == 3 else m[None, None, :]
            n = m3.shape[-1]
            width = _WIDTH - 2 * _MARGIN
            t = int(np.clip(np.sqrt(width * 150 / n) - 1, 2, 48))
            rows = -(-n // max(1, width // (t + 1)))
            cols = -(-n // rows)  # 줄마다 고르게 (16개면 15 + 1이 아니라 8 + 8)
            h, w = m3.shape[:2]
            ri = (np.arange(t) * h // t)
            ci = (np.arange(t) * w // t)
            tiles = _colorize(m3[np.ix_(ri, ci)], lo, hi)  # (t, t, n, 3)
            img = np.full((rows * (t + 1) + 1, width, 3), 255, np.uint8)
            for c in range(n):
                r, q = divmod(c, cols)
                img[1 + r * (t + 1) : 1 + r * (t + 1) + t, q * (t + 1) : q * (t + 1) + t] = tiles[:, :, c]
            img.setflags(write=False)
            self._strip[key] = (img, t, cols, (lo, hi))
        return self._strip[key]

    def frame(self, image, layer, channel, position, box) -> np.ndarray:

        acts = self.acts
        info = acts.layers[acts.layer_index(layer)]
        strip, t, cols, (lo, hi) = self.strip(image, layer)
        kernel = acts.kernel(layer, channel)
        top_h = _MARGIN + 22 + _PANEL + 24
        height = top_h + 22 + strip.shape[0] + _MARGIN
        frame = np.full((height, _WIDTH, 3), 255, np.uint8)
        y0 = _MARGIN + 22
        # 1) 입력 + 수용 영역 상자
        from .rf_explorer import draw_box

        rgb = self._input_rgb(image)
        s = max(1, _PANEL // max(rgb.shape[:2]))
        if max(rgb.shape[:2]) > _PANEL:
            step = -(-max(rgb.shape[:2]) // _PANEL)
            small = rgb[::step, ::step]
            tb, lb, bb, rb = (v // step for v in box)
            pic = draw_box(small, (tb, lb, max(bb, tb + 1), max(rb, lb + 1)))
        else:
            pic = draw_box(rgb, box, scale=s)
        frame[y0 : y0 + pic.shape[0], _MARGIN : _MARGIN + pic.shape[1]] = pic
        top, left, bottom, right = box
        put_text(frame, "입력과 수용 영역", _MARGIN, _MARGIN, (25, 25, 25), 14)
        put_text(frame, f"행 {top}–{bottom - 1}, 열 {left}–{right - 1}", _MARGIN, y0 + _PANEL + 4, (90, 90, 90), 12)
        # 2) 고른 채널의 특징 맵 + 칸 표시
        x1 = _MARGIN + _PANEL + 24
        m = acts.maps(image, layer)
        fmap = m[..., channel] if m.ndim == 3 else np.array([[m[channel]]])
        big, sc = _upscale(_colorize(fmap, lo, hi), _PANEL)
        frame[y0 : y0 + big.shape[0], x1 : x1 + big.shape[1]] = big
        i, j = position
        if sc > 0:
            rect(frame, x1 + j * sc, y0 + i * sc, sc, sc, _RED, max(1, min(3, sc // 4)))
        else:
            st = -sc
            rect(frame, x1 + j // st - 1, y0 + i // st - 1, 3, 3, _RED, 1)
        title = f"{info.name} 채널 {channel} · 칸 ({i}, {j})" if info.spatial else f"{info.name} 유닛 {channel}"
        paste_mask(frame, fit_mask(title, _PANEL + 16, 14), x1, _MARGIN, (25, 25, 25))
        put_text(frame, f"값 {acts.value(image, layer, channel, position):.3f} (이 계층 값의 범위 {lo:.2f}…{hi:.2f})",
                  x1, y0 + _PANEL + 4, (90, 90, 90), 12)
        # 3) 커널 (합성곱 층) 과 예측
        x2 = x1 + _PANEL + 24
        if kernel is not None:
            kh, kw, cin = kernel.shape
            shown = min(cin, 8)
            room_w, room_h = _WIDTH - x2 - _MARGIN, 118
            cell = 2
            for cand in range(22, 1, -1):  # 고른 입력 채널이 모두 들어가는 가장 큰 칸
                per = max(1, room_w // (kw * cand + 4))
                if -(-shown // per) * (kh * cand + 4) <= room_h and kw * cand <= room_w:
                    cell = cand
                    break
            put_text(frame, f"커널 {kh}×{kw}×{cin}" + (f" (입력 채널 {shown}개만)" if cin > shown else ""),
                      x2, _MARGIN, (25, 25, 25), 14)
            kimg = _diverging(kernel[..., :shown])  # (kh, kw, shown, 3)
            per_row = max(1, (_WIDTH - x2 - _MARGIN) // (kw * cell + 4))
            for c in range(shown):
                r, q = divmod(c, per_row)
                tile = kimg[:, :, c].repeat(cell, 0).repeat(cell, 1)
                ky, kx = y0 + r * (kh * cell + 4), x2 + q * (kw * cell + 4)
                if ky + tile.shape[0] > y0 + 120:
                    break
                frame[ky : ky + tile.shape[0], kx : kx + tile.shape[1]] = tile
                rect(frame, kx, ky, tile.shape[1], tile.shape[0], (160, 160, 160))
        py = y0 + 130
        put_text(frame, "예측 (상위 3)", x2, py, (25, 25, 25), 14)
        for k, (cls, p) in enumerate(acts.prediction(image)):
            yy = py + 22 + k * 20
            bar = int(round(p * 90))
            frame[yy + 3 : yy + 14, x2 + 60 : x2 + 60 + bar] = (90, 140, 220)
            put_text(frame, f"{cls}", x2, yy, (25, 25, 25), 13)
            put_text(frame, f"{p:.1%}", x2 + 156, yy, (25, 25, 25), 12)
        if acts.labels is not None:
            right = acts.prediction(image)[0][0] == acts.labels[image]  # 맞혔으면 초록, 틀렸으면 빨강
            put_text(frame, f"정답 {acts.labels[image]}", x2, py + 86, (0, 110, 0) if right else (190, 0, 0), 13)
        # 4) 모든 채널 띠
        sy = top_h
        what = "채널" if info.spatial else "유닛"
        put_text(frame, f"{info.name}의 모든 {what} {info.channels}개 (빨간 테두리 = 고른 {what})", _MARGIN, sy,
                  (25, 25, 25), 13)
        sy += 22
        frame[sy : sy + strip.shape[0], _MARGIN : _MARGIN + strip.shape[1]] = strip
        r, q = divmod(channel, cols)
        rect(frame, _MARGIN + q * (t + 1) - 1, sy + r * (t + 1), t + 2, t + 2, _RED, 1 if t < 8 else 2)
        return frame
