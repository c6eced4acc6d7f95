"""실제 브라우저 시험: JupyterLab에서 활성화 탐색기의 계층·채널 조절기를 움직이면 그림이 바뀌는지.

작은 노트북(LeNet-5 + `activation_explorer`)을 임시 폴더에 써서 엽니다. 계층 Dropdown을 바꾸고 채널 슬라이더를
키보드로 한 칸 옮길 때마다 그림(img src)과 설명 글이 바뀌는지, stderr·오류 출력과 위젯 표시 오류가 없는지 확인합니다.
화면은 test-artifacts/에 저장합니다.
"""

from __future__ import annotations

import time

import pytest

from .harness import LAB, next_src, output_problems, run_all, wait_text, write_notebook

pytestmark = pytest.mark.browser

CELLS = [
    "import numpy as np\nimport keras\nimport cnn_helpers as ch\nfrom cnn_helpers import models",
    "keras.utils.set_random_seed(0)\nmodel = models.lenet5()\n(_, _), (x_test, y_test) = ch.load_mnist(verbose=False)\n"
    "ch.activation_explorer(model, x_test[:4, ..., None], y_test[:4])",
]


def test_activation_explorer_in_jupyterlab(jupyter, page, artifacts, tmp_path):
    notebook = write_notebook(tmp_path / "work" / "notebooks" / "activation_explorer.ipynb", CELLS)
    server = jupyter("lab")
    shot = artifacts / "browser_activation_explorer.png"
    start = time.monotonic()
    page.set_viewport_size({"width": 1400, "height": 1100})
    page.goto(server.url(notebook))
    explorer = run_all(page, LAB, ".cnn-explorer")
    explorer.scroll_into_view_if_needed()
    image = explorer.locator("img.cnn-activation").first
    src0 = next_src(page, image)
    assert "conv1" in explorer.inner_text()

    # 계층 Dropdown: conv1 → pool1 (한 칸 아래)
    explorer.locator("select").nth(1).select_option(index=1)
    src1 = next_src(page, image, src0)
    wait_text(page, explorer, "pool1")

    # 채널 슬라이더 한 칸 (첫 번째 IntSlider)
    explorer.locator(".widget-slider .noUi-handle, .widget-slider .ui-slider-handle").first.focus()
    page.keyboard.press("ArrowRight")
    src2 = next_src(page, image, src1)
    wait_text(page, explorer, "채널 1")
    assert len({src0, src1, src2}) == 3

    problems = output_problems(page, LAB)
    explorer.screenshot(path=str(shot))
    print(f"\n화면: {shot}\n브라우저 부분 {time.monotonic() - start:.1f} s")
    assert problems == {"stderr": 0, "errors": 0, "widget_errors": 0}, problems
