"""실제 브라우저 시험: classic Notebook 6.5 + ipywidgets 7 (Colab과 가장 가까운 화면)에서 1강의 합성곱 탐색기를 움직입니다.

Colab의 판(ci/constraints-colab.txt: notebook 6.5.7, ipywidgets 7.7.1)으로 만든 환경에서만 뜻이 있으므로, 그런 환경이
아니면(notebook 6이나 ipywidgets 7이 아니면) 이유를 밝히고 건너뜁니다. ci/version_matrix.py의 colab 환경이 실행합니다.

- classic Notebook 서버를 127.0.0.1의 빈 포트에 토큰과 함께 띄우고, 1강의 임시 복사본(출력 지움)을 엽니다.
- 헤드리스 Chromium으로 모든 셀을 실행하고, 단계 슬라이더(ipywidgets 7: jQuery UI `.ui-slider-handle`)를 키보드로
  한 칸, '다음 ▶' 단추, 재생(Play, jslink로 슬라이더와 묶임)을 눌러 그때마다 탐색기 그림(img src)이 바뀌는지,
  오류·stderr 출력과 브라우저 콘솔 오류가 없는지 확인합니다. 화면은 test-artifacts/에 저장합니다.
"""

from __future__ import annotations

import os
import secrets
import signal
import subprocess
import sys
import time
import urllib.request
from importlib import metadata

import pytest
from test_browser import (
    ARTIFACTS,
    CHROMIUM,
    CHROMIUM_ARGS,
    LESSON,
    ROOT,
    _free_port,
    _prepare_notebook,
    _require_browser,
)

from cnn_helpers._lazy import quiet_tf_env

pytestmark = pytest.mark.browser

KERNEL_IDLE = """() => {
  const nb = window.Jupyter && window.Jupyter.notebook;
  if (!nb || !nb.kernel || !nb.kernel.is_connected()) return false;
  const icon = document.querySelector('#kernel_indicator_icon');
  const busy = nb.get_cells().some(c => c.cell_type === 'code' && c.input_prompt_number === '*');
  return !!icon && icon.classList.contains('kernel_idle_icon') && !busy;
}"""


def _major(name: str) -> int | None:
    try:
        return int(metadata.version(name).split(".")[0])
    except metadata.PackageNotFoundError:
        return None


def _harmless(message) -> bool:
    """classic Notebook 6.5.7 페이지 자신이 `about:blank`를 글꼴로 요청해 CORS로 막히는 오류 두 줄만 뺍니다
    (탐색기·위젯과 무관; 글자는 그대로 보임). 그 밖의 콘솔 오류는 모두 실패로 셉니다."""
    return message.text.startswith("Access to font at 'about:blank'") or (
        message.text == "Failed to load resource: net::ERR_FAILED" and message.location.get("url") in ("about:blank", ""))


@pytest.fixture
def classic(tmp_path):
    _require_browser()
    if _major("notebook") != 6 or _major("ipywidgets") != 7:
        pytest.skip("classic Notebook 6 + ipywidgets 7 환경이 아닙니다 (ci/version_matrix.py의 colab 환경에서 실행)")
    work = tmp_path / "work"
    notebook, _ = _prepare_notebook(work)
    port, token = _free_port(), secrets.token_hex(16)
    env = dict(quiet_tf_env(), JUPYTER_RUNTIME_DIR=str(tmp_path / "runtime"), PYDEVD_DISABLE_FILE_VALIDATION="1")
    env.pop("MPLBACKEND", None)
    log = (tmp_path / "notebook.log").open("w")
    server = subprocess.Popen(
        [sys.executable, "-m", "notebook", "--no-browser", f"--NotebookApp.port={port}", "--NotebookApp.port_retries=0",
         "--NotebookApp.ip=127.0.0.1", f"--NotebookApp.token={token}", "--NotebookApp.allow_root=True",
         f"--NotebookApp.notebook_dir={work}"],
        stdout=log, stderr=subprocess.STDOUT, env=env, start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if server.poll() is not None or time.monotonic() > deadline:
                log.flush()
                pytest.fail("classic Notebook이 뜨지 않았습니다:\n" + (tmp_path / "notebook.log").read_text()[-3000:])
            time.sleep(0.3)
        yield f"{base}/notebooks/{notebook.relative_to(work).as_posix()}?token={token}"
    finally:
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGTERM)  # 이 시험이 띄운 서버(와 그 커널)만
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)
                server.wait()
        log.close()


def test_lesson01_explorer_in_classic_notebook_with_ipywidgets7(classic):
    from playwright.sync_api import TimeoutError as PlaywrightTimeout
    from playwright.sync_api import sync_playwright

    start = time.monotonic()
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / "classic_lesson01_explorer.png"
    console_errors: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.on("console", lambda m: console_errors.append(m.text) if m.type == "error" and not _harmless(m) else None)
            page.on("pageerror", lambda e: console_errors.append(f"pageerror: {e}"))
            page.set_default_timeout(150_000)  # 판 행렬은 다른 일과 함께 돌 때가 많아 넉넉히
            page.goto(classic)
            page.wait_for_function(KERNEL_IDLE)
            page.evaluate("() => window.Jupyter.notebook.execute_all_cells()")
            explorer = page.locator(".cnn-explorer").first
            explorer.wait_for(state="visible", timeout=300_000)
            page.wait_for_function(KERNEL_IDLE, timeout=300_000)
            page.screenshot(path=str(ARTIFACTS / "classic_lesson01_page.png"), full_page=True)
            try:
                explorer.wait_for(state="visible", timeout=60_000)
            except PlaywrightTimeout:
                # 알려진 간헐 현상: 모두 실행 뒤 탐색기가 가끔 사라집니다(원인 미확인). 한 번만 다시 실행하고 알립니다.
                print("\n탐색기가 사라져 모든 셀을 한 번 더 실행합니다")
                page.evaluate("() => window.Jupyter.notebook.execute_all_cells()")
                explorer.wait_for(state="visible", timeout=300_000)
                page.wait_for_function(KERNEL_IDLE, timeout=300_000)
            assert explorer.count() == 1, "모든 셀을 실행한 뒤 탐색기가 사라졌습니다 (커널이 다시 시작되었나요?)"
            explorer.scroll_into_view_if_needed()
            image = explorer.locator("img").first
            page.wait_for_function("(el) => el.src && el.src.length > 0", arg=image.element_handle())
            src0 = image.get_attribute("src")
            assert "단계 1 / " in explorer.inner_text()

            # 단계 슬라이더 (ipywidgets 7: jQuery UI 손잡이)를 키보드로 한 칸
            handle = explorer.locator(".cnn-step-slider .ui-slider-handle").first
            handle.focus()
            page.keyboard.press("ArrowRight")
            page.wait_for_function("([el, old]) => el.src !== old", arg=[image.element_handle(), src0])
            page.wait_for_function("(el) => el.innerText.includes('단계 2 / ')", arg=explorer.element_handle())
            src1 = image.get_attribute("src")

            # '다음 ▶' 단추
            explorer.locator(".cnn-next").first.click()
            page.wait_for_function("([el, old]) => el.src !== old", arg=[image.element_handle(), src1])
            page.wait_for_function("(el) => el.innerText.includes('단계 3 / ')", arg=explorer.element_handle())
            src2 = image.get_attribute("src")

            # 재생 (Play → jslink → 슬라이더 → 커널이 그림을 다시 그림)
            explorer.locator(".widget-play button").first.click()
            page.wait_for_function("([el, old]) => el.src !== old", arg=[image.element_handle(), src2])
            explorer.locator(".widget-play button").nth(1).click()  # 멈춤
            src3 = image.get_attribute("src")
            assert len({src0, src1, src2, src3}) == 4

            page.wait_for_function(KERNEL_IDLE)
            stderr = page.locator(".output_stderr").count()
            errors = page.locator(".output_error").count()
            widget_errors = sum(page.get_by_text(t).count() for t in ("Error displaying widget", "Failed to load model"))
            explorer.screenshot(path=str(shot))
        finally:
            browser.close()
    print(f"\n노트북: {LESSON.relative_to(ROOT)} (classic Notebook {metadata.version('notebook')}, "
          f"ipywidgets {metadata.version('ipywidgets')})\n화면: {shot}\n브라우저 부분 {time.monotonic() - start:.1f} s")
    assert stderr == 0 and errors == 0, f"stderr {stderr}개, 오류 {errors}개"
    assert widget_errors == 0, f"위젯 표시 오류 {widget_errors}개"
    assert not console_errors, console_errors
