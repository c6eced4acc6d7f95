"""render: 글꼴은 plotting과 같은 파일, 배치(geometry)는 그리지 않고 계산됩니다."""

import numpy as np

from cnn_helpers import plotting, raster, render
from cnn_helpers.sliding import sliding_layout, steps_from_layout


def test_font_file_is_plotting_font():
    assert raster.font_path() == plotting.FONT_FILE and raster.font_path().exists()


def test_geometry_matches_painted_frame():
    layout = sliding_layout(np.arange(25.0).reshape(5, 5), np.ones((3, 3)), padding=1, stride=2)
    g = render.frame_geometry(layout)
    frame = render.FrameRenderer(layout, steps_from_layout(layout)).render(0)
    assert frame.shape == (g.height, g.width, 3)
    ix, iy = g.origins[0]
    assert tuple(frame[iy + 2, ix + 2]) != (255, 255, 255)  # 첫 칸(패딩)은 칠해져 있음
