"""cnn_helpers.animation 시험: 정적 애니메이션(GIF)이 작고, 모든 프레임을 담는지."""

from __future__ import annotations

import numpy as np
import pytest

from cnn_helpers import animation


def test_render_frames_draws_every_step():
    frames = animation.render_frames(mode="max")
    assert len(frames) == 9 and frames[0].dtype == np.uint8  # 6×6 입력, 2×2 창, 스트라이드 2 → 9단계


def test_save_gif(tmp_path):
    from PIL import Image

    path = animation.save_gif(tmp_path / "a" / "conv.gif", padding=1, stride=2)
    assert path.exists() and path.stat().st_size < 300_000
    with Image.open(path) as im:
        assert im.n_frames == 9 and im.info["loop"] == 0


def test_render_frames_limits():
    with pytest.raises(ValueError, match="max_frames"):
        animation.render_frames(np.zeros((10, 10)), np.ones((1, 1)), max_frames=20)
