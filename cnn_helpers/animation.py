"""슬라이딩 창을 커널(파이썬 실행) 없이도 움직이는 그림으로: 프레임 → GIF (강의의 애니메이션, scripts/make_animations.py).

프레임은 `sliding`의 단계 데이터를 `render`로 그린 것이라 탐색기와 같은 그림입니다.
PIL은 함수를 부를 때 불러옵니다.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from ._validate import check_bytes, check_int
from .render import FrameRenderer, frame_geometry
from .sliding import check_mode, default_input, kernel_preset, sliding_layout, steps_from_layout, window_of

__all__ = ["save_gif"]


def _animation_args(x, kernel, stride, mode):
    check_mode(mode)
    if x is None:
        x = default_input(5, seed=0) if mode == "conv" else default_input(6, seed=1)
    if kernel is None:
        kernel = kernel_preset("edge", 3) if mode == "conv" else 2
    if stride is None:
        stride = 1 if mode == "conv" else window_of(kernel, mode)[0]
    return x, kernel, stride


def render_frames(x=None, kernel=None, padding=0, stride=None, dilation=1, mode="conv", flip=False, *,
                  cell: int = 26, caption: bool = True, max_frames: int = 64) -> list[np.ndarray]:
    """모든 단계의 그림을 (H, W, 3) uint8 배열 목록으로 돌려줍니다 (탐색기와 같은 그림 + 아래에 식).

    x, kernel을 생략하면 탐색기의 기본값(5×5 입력과 3×3 경계 커널, 풀링은 6×6과 2×2)을 씁니다.
    stride를 생략하면 합성곱 1, 풀링은 창 크기입니다.
    """
    x, kernel, stride = _animation_args(x, kernel, stride, mode)
    cell = check_int("cell(칸 크기, 픽셀)", cell, minimum=12, maximum=200, why="그림이 너무 커지지 않게")
    max_frames = check_int("max_frames", max_frames, minimum=1)
    layout = sliding_layout(x, kernel, padding, stride, dilation, mode, flip)
    steps = steps_from_layout(layout)
    if len(steps) > max_frames:
        raise ValueError(
            f"단계가 {len(steps)}개로 max_frames={max_frames}보다 많습니다. 입력을 줄이거나 스트라이드를 늘리세요 "
            "(또는 max_frames를 늘리세요)."
        )
    g = frame_geometry(layout, cell=cell, caption=caption)
    check_bytes(f"{g.width}×{g.height} 화소 프레임 {len(steps)}장", 3 * g.width * g.height * (len(steps) + 1),
                "입력을 줄이거나 cell(칸 크기)을 줄이세요.")
    renderer = FrameRenderer(layout, steps, cell=cell, caption=caption)
    return [renderer.render(k) for k in range(len(steps))]


def save_gif(path, x=None, kernel=None, padding=0, stride=None, dilation=1, mode="conv", flip=False, *,
             interval: int = 800, cell: int = 26, max_frames: int = 64) -> Path:
    """슬라이딩 창 애니메이션을 움직이는 GIF 파일로 저장하고 경로를 돌려줍니다 (GitHub에서도 재생됨)."""
    from PIL import Image

    from ._validate import check_path

    check_path("path", path)
    if Path(path).is_dir():
        raise ValueError(f"path={str(path)!r}는 폴더입니다. 'sliding.gif'처럼 GIF 파일의 경로를 주세요.")
    interval = check_int("interval(밀리초)", interval, minimum=20)
    frames = render_frames(x, kernel, padding, stride, dilation, mode, flip, cell=cell, max_frames=max_frames)
    images = [Image.fromarray(f).quantize(colors=64, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
              for f in frames]
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    images[0].save(path, format="GIF", save_all=True, append_images=images[1:], duration=interval, loop=0,
                   optimize=False)
    return path
