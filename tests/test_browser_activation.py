"""실제 브라우저 시험: JupyterLab에서 활성화 탐색기의 계층·채널 조절기를 움직이면 그림이 바뀌는지.

`test_browser.lab_server`로 서버를 띄우고(1강 복사본과 같은 임시 폴더), 그 폴더에 작은 노트북(LeNet-5 +
`activation_explorer`)을 써서 엽니다. 계층 Dropdown을 키보드로 바꾸고 채널 슬라이더를 한 칸 옮길 때마다 그림(img src)과
설명 글이 바뀌는지, stderr·오류 출력이 없는지 확인합니다. 화면은 test-artifacts/에 저장합니다.
"""

from __future__ import annotations

import json
import time

import pytest
from test_browser import ARTIFACTS, CHROMIUM, CHROMIUM_ARGS, KERNEL_IDLE, lab_server

pytestmark = pytest.mark.browser

CELLS = [
    "import numpy as np\nimport keras\nimport cnn_helpers as ch\nfrom cnn_helpers import models",
    "keras.utils.set_random_seed(0)\nmodel = models.lenet5()\n(_, _), (x_test, y_test) = ch.load_mnist(verbose=False)\n"
    "ch.activation_explorer(model, x_test[:4, ..., None], y_test[:4])",
]


def test_activation_explorer_in_jupyterlab(tmp_path):
    from playwright.sync_api import sync_playwright

    with lab_server(tmp_path) as (url, lesson, _appended):
        nb = {"cells": [{"cell_type": "code", "execution_count": None, "id": f"c{k}", "metadata": {}, "outputs": [],
                         "source": src} for k, src in enumerate(CELLS)],
              "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}},
              "nbformat": 4, "nbformat_minor": 5}
        target = lesson.with_name("activation_explorer.ipynb")
        target.write_text(json.dumps(nb, ensure_ascii=False), encoding="utf-8")
        url = url.replace(lesson.name, target.name)
        ARTIFACTS.mkdir(exist_ok=True)
        shot = ARTIFACTS / "browser_activation_explorer.png"
        start = time.monotonic()
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
            try:
                page = browser.new_page(viewport={"width": 1400, "height": 1100})
                page.set_default_timeout(60_000)
                page.goto(url)
                page.wait_for_function("() => window.jupyterapp !== undefined")
                page.wait_for_function(KERNEL_IDLE)
                page.evaluate("() => window.jupyterapp.commands.execute('notebook:run-all-cells')")
                explorer = page.locator(".cnn-explorer").first
                explorer.wait_for(state="visible")
                page.wait_for_function(KERNEL_IDLE)
                explorer.scroll_into_view_if_needed()
                image = explorer.locator("img.cnn-activation").first
                page.wait_for_function("(el) => el.src && el.src.length > 0", arg=image.element_handle())
                src0 = image.get_attribute("src")
                assert "conv1" in explorer.inner_text()

                # 계층 Dropdown: conv1 → pool1 (키보드로 한 칸 아래)
                select = explorer.locator("select").nth(1)
                select.select_option(index=1)
                page.wait_for_function("([el, old]) => el.src !== old", arg=[image.element_handle(), src0])
                page.wait_for_function("(el) => el.innerText.includes('pool1')", arg=explorer.element_handle())
                src1 = image.get_attribute("src")

                # 채널 슬라이더 한 칸 (첫 번째 IntSlider)
                handle = explorer.locator(".widget-slider .noUi-handle, .widget-slider .ui-slider-handle").first
                handle.focus()
                page.keyboard.press("ArrowRight")
                page.wait_for_function("([el, old]) => el.src !== old", arg=[image.element_handle(), src1])
                page.wait_for_function("(el) => el.innerText.includes('채널 1')", arg=explorer.element_handle())
                src2 = image.get_attribute("src")
                assert len({src0, src1, src2}) == 3

                page.wait_for_function(KERNEL_IDLE)
                stderr = page.locator('.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]').count()
                errors = page.locator('.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.error"]').count()
                explorer.screenshot(path=str(shot))
            finally:
                browser.close()
        print(f"\n화면: {shot}\n브라우저 부분 {time.monotonic() - start:.1f} s")
        assert stderr == 0 and errors == 0, (stderr, errors)
