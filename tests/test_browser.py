"""실제 브라우저 시험: JupyterLab에서 1강 노트북을 열어 모든 셀을 실행하고 합성곱 탐색기를 움직여 봅니다.

- JupyterLab을 127.0.0.1의 빈 포트에 토큰과 함께 띄우고(포트 재시도 없음), 뉴스 알림을 끈 설정 폴더를 씁니다.
- 노트북은 임시 폴더에 복사한 것을 엽니다 (저장소의 파일은 바뀌지 않음). 1강에 아직 탐색기 셀이 없으면
  복사본 끝에 `conv_explorer()` 셀을 덧붙입니다.
- 헤드리스 Chromium(Playwright)으로 모든 셀을 실행하고, 단계 슬라이더를 키보드로 한 칸 옮기고 '다음 ▶'을
  누를 때마다 탐색기 그림(img src)이 바뀌는지, stderr·오류 출력이 없는지 확인합니다.
- 화면은 test-artifacts/에 저장하고 경로를 출력합니다 (pytest -s로 보임).

/usr/bin/chromium이나 playwright가 없으면 이유를 밝히고 건너뜁니다.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest

from cnn_helpers._lazy import quiet_tf_env

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[1]
LESSON = ROOT / "notebooks" / "01_convolution.ipynb"
CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]
EXPLORER_CELL = "from cnn_helpers.widgets import conv_explorer\n\nconv_explorer(n=5, f=3)"


def _require_browser():
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM}가 없습니다 (apt-get install chromium) — 브라우저 시험을 건너뜁니다.")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        pytest.skip("playwright(파이썬)가 없습니다 (pip install playwright) — 브라우저 시험을 건너뜁니다.")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _prepare_notebook(work: Path) -> tuple[Path, bool]:
    """1강 노트북을 임시 폴더에 복사합니다. 탐색기 셀이 없으면 덧붙이고 (경로, 덧붙였는지)를 돌려줍니다."""
    nb = json.loads(LESSON.read_text(encoding="utf-8"))
    appended = not any("conv_explorer(" in "".join(c.get("source", "")) for c in nb["cells"] if c["cell_type"] == "code")
    if appended:
        nb["cells"].append({"cell_type": "code", "execution_count": None, "id": "browser-test-explorer",
                            "metadata": {}, "outputs": [], "source": EXPLORER_CELL})
    for cell in nb["cells"]:  # 저장된 출력은 지우고 브라우저에서 새로 만듭니다.
        if cell["cell_type"] == "code":
            cell["outputs"], cell["execution_count"] = [], None
    nb.get("metadata", {}).pop("widgets", None)
    target = work / "notebooks" / LESSON.name
    target.parent.mkdir(parents=True)
    target.write_text(json.dumps(nb, ensure_ascii=False, indent=1), encoding="utf-8")
    for name in ("assets",):  # 예전 노트북의 ../assets 그림용 (지금 그림은 셀 첨부; 링크는 서버가 403을 주므로 복사)
        if (ROOT / name).exists():
            shutil.copytree(ROOT / name, work / name)
    return target, appended


@pytest.fixture
def lab(tmp_path):
    """JupyterLab 서버를 띄우고 (url, 노트북 경로, 덧붙였는지)를 줍니다. 끝나면 그 서버만 멈춥니다."""
    with lab_server(tmp_path) as started:
        yield started


@contextmanager
def lab_server(tmp_path, settings: dict | None = None, extra_args: tuple[str, ...] = ()):
    """`lab` fixture의 본체. settings: {"플러그인/경로": 설정 dict}를 사용자 설정으로 더 씀; extra_args: 서버 인자."""
    _require_browser()
    if not LESSON.exists():
        pytest.fail(f"1강 노트북이 없습니다: {LESSON}")
    work = tmp_path / "work"
    notebook, appended = _prepare_notebook(work)
    all_settings = {"@jupyterlab/apputils-extension/notification": {"fetchNews": "false", "checkForUpdates": False}}
    all_settings.update(settings or {})
    for plugin, values in all_settings.items():
        target = tmp_path / "settings" / f"{plugin}.jupyterlab-settings"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(values), encoding="utf-8")
    port, token = _free_port(), secrets.token_hex(16)
    env = quiet_tf_env()
    env.update(JUPYTERLAB_SETTINGS_DIR=str(tmp_path / "settings"), JUPYTERLAB_WORKSPACES_DIR=str(tmp_path / "ws"),
               JUPYTER_RUNTIME_DIR=str(tmp_path / "runtime"))
    env.pop("MPLBACKEND", None)  # 커널이 inline 백엔드를 쓰게 (Agg면 plt.show()가 stderr에 경고)
    log = (tmp_path / "lab.log").open("w")
    server = subprocess.Popen(
        [sys.executable, "-m", "jupyter", "lab", "--no-browser", f"--ServerApp.port={port}",
         "--ServerApp.port_retries=0", "--ServerApp.ip=127.0.0.1", f"--IdentityProvider.token={token}",
         "--ServerApp.allow_root=True", "--LabApp.expose_app_in_browser=True", f"--ServerApp.root_dir={work}",
         f"--LabApp.workspaces_dir={tmp_path / 'ws'}", *extra_args],
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
                pytest.fail("JupyterLab이 뜨지 않았습니다:\n" + (tmp_path / "lab.log").read_text()[-3000:])
            time.sleep(0.3)
        rel = notebook.relative_to(work).as_posix()
        yield f"{base}/lab/tree/{rel}?token={token}&reset", notebook, appended
    finally:
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGTERM)  # 이 시험이 띄운 서버(와 그 커널)만
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)
                server.wait()
        log.close()


KERNEL_IDLE = """() => {
  const w = window.jupyterapp && window.jupyterapp.shell.currentWidget;
  const k = w && w.sessionContext && w.sessionContext.session && w.sessionContext.session.kernel;
  return !!k && k.status === 'idle' && !w.sessionContext.isRestarting;
}"""


# '모두 실행'을 기다리는 시간 (밀리초): 1강은 탐색기 앞에서 작은 모델을 네 번 학습합니다.
RUN_ALL_TIMEOUT = 300_000


def test_lesson01_explorer_in_jupyterlab(lab):
    from playwright.sync_api import sync_playwright

    url, notebook, appended = lab
    start = time.monotonic()
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / "browser_lesson01_explorer.png"
    page_shot = ARTIFACTS / "browser_lesson01_page.png"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.set_default_timeout(45_000)
            page.goto(url)
            page.wait_for_function("() => window.jupyterapp !== undefined")
            page.wait_for_function(KERNEL_IDLE)
            page.evaluate("() => window.jupyterapp.commands.execute('notebook:run-all-cells')")
            explorer = page.locator(".cnn-explorer").first
            explorer.wait_for(state="visible", timeout=RUN_ALL_TIMEOUT)
            page.wait_for_function(KERNEL_IDLE, timeout=RUN_ALL_TIMEOUT)
            explorer.scroll_into_view_if_needed()
            image = explorer.locator("img").first
            page.wait_for_function("(el) => el.src && el.src.length > 0", arg=image.element_handle())
            src0 = image.get_attribute("src")
            # textContent: JupyterLab이 화면 밖 셀을 숨겨 둘 때(창 모드)도 읽힙니다 (innerText는 빈 글자가 됨).
            page.wait_for_function("(el) => el.textContent.includes('단계 1 / ')", arg=explorer.element_handle())

            # 단계 슬라이더를 키보드로 한 칸 (재생 위젯과 jslink로 묶인 슬라이더)
            handle = explorer.locator(".cnn-step-slider .noUi-handle").first
            handle.focus()
            page.keyboard.press("ArrowRight")
            page.wait_for_function("([el, old]) => el.src !== old", arg=[image.element_handle(), src0])
            src1 = image.get_attribute("src")
            page.wait_for_function("(el) => el.innerText.includes('단계 2 / ')", arg=explorer.element_handle())

            # '다음 ▶' 버튼
            explorer.locator(".cnn-next").first.click()
            page.wait_for_function("([el, old]) => el.src !== old", arg=[image.element_handle(), src1])
            page.wait_for_function("(el) => el.innerText.includes('단계 3 / ')", arg=explorer.element_handle())
            src2 = image.get_attribute("src")
            assert len({src0, src1, src2}) == 3

            page.wait_for_function(KERNEL_IDLE)
            stderr = page.locator('.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]').count()
            errors = page.locator('.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.error"]').count()
            widget_errors = sum(page.get_by_text(t).count() for t in ("Error displaying widget", "Failed to load model"))
            explorer.screenshot(path=str(shot))
            page.screenshot(path=str(page_shot))
        finally:
            browser.close()
    elapsed = time.monotonic() - start
    print(f"\n노트북: {LESSON.relative_to(ROOT)} (임시 복사본{', 탐색기 셀 덧붙임' if appended else ''})")
    print(f"화면: {shot}\n전체 화면: {page_shot}\n브라우저 부분 {elapsed:.1f} s")
    assert stderr == 0, f"stderr 출력 {stderr}개 (화면: {page_shot})"
    assert errors == 0, f"오류 출력 {errors}개 (화면: {page_shot})"
    assert widget_errors == 0, f"위젯 표시 오류 {widget_errors}개 (화면: {page_shot})"

