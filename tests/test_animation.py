"""cnn_helpers.animation 시험: 정적 애니메이션(HTML·GIF)이 작고, 모든 프레임을 담고, id가 결정적인지."""

from __future__ import annotations

import numpy as np
import pytest

from cnn_helpers import animation


def test_animation_html_is_small_and_has_all_frames():
    html = animation.animation_html(interval=500)
    text = html.data
    assert "<script" in text and "anim" in text
    assert text.count("data:image/png;base64") == 9  # 5×5 입력, 3×3 커널 → 9단계
    assert len(text.encode()) < 300_000
    frames = animation.render_frames(mode="max")
    assert len(frames) == 9 and frames[0].dtype == np.uint8


def test_animation_ids_are_deterministic_and_unique():
    import re

    a, b = animation.animation_html().data, animation.animation_html().data
    ids_a = set(re.findall(r"_anim_img([0-9a-f]{32})", a))
    ids_b = set(re.findall(r"_anim_img([0-9a-f]{32})", b))
    assert len(ids_a) == len(ids_b) == 1 and ids_a != ids_b  # 한 페이지의 두 애니메이션은 id가 다름
    assert set(re.findall(r"[0-9a-f]{32}", a)) == ids_a  # uuid4가 남아 있지 않음
    count = animation.ANIMATION_COUNT
    animation.ANIMATION_COUNT = count - 1  # 같은 순번이면 같은 id (다시 실행한 노트북의 출력이 저장된 것과 같음)
    assert set(re.findall(r"_anim_img([0-9a-f]{32})", animation.animation_html().data)) == ids_b


def test_save_gif(tmp_path):
    from PIL import Image

    path = animation.save_gif(tmp_path / "a" / "conv.gif", padding=1, stride=2)
    assert path.exists() and path.stat().st_size < 300_000
    with Image.open(path) as im:
        assert im.n_frames == 9 and im.info["loop"] == 0


def test_render_frames_limits():
    with pytest.raises(ValueError, match="max_frames"):
        animation.render_frames(np.zeros((10, 10)), np.ones((1, 1)), max_frames=20)
