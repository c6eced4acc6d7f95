"""브라우저 시험의 공통 도구: Chromium, Jupyter 서버(JupyterLab·classic Notebook), 모두 실행, 유휴 기다리기, 오류 출력 세기,
그림이 바뀔 때까지 기다리기, 바깥 요청·콘솔 오류 기록. 준비물(fixture)은 같은 폴더의 conftest.py에 있습니다.

JupyterLab과 classic Notebook은 화면이 다르므로 차이(준비됐는지, 유휴인지, 모두 실행, 출력 선택자)를 `Ui`에 모읍니다.
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
from dataclasses import dataclass
from pathlib import Path

import pytest

from cnn_helpers._lazy import quiet_tf_env
from tools import NOTEBOOKS, ROOT

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]
ARTIFACTS = ROOT / "test-artifacts"
LESSON = NOTEBOOKS / "01_convolution.ipynb"
EXPLORER_CELL = "from cnn_helpers.widgets import conv_explorer\n\nconv_explorer(n=5, f=3)"
# '모두 실행'을 기다리는 시간 (밀리초): 1강은 탐색기 앞에서 작은 모델을 네 번 학습합니다.
RUN_ALL_TIMEOUT = 300_000
WIDGET_ERRORS = ("Error displaying widget", "Failed to load model")


def require_browser() -> None:
    """Chromium이나 playwright가 없으면 이유 하나를 밝히고 건너뜁니다."""
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM}가 없습니다 (apt-get install chromium) — 브라우저 시험을 건너뜁니다.")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        pytest.skip("playwright(파이썬)가 없습니다 (pip install playwright) — 브라우저 시험을 건너뜁니다.")


def write_notebook(path: Path, nb: dict | list[str]) -> Path:
    """nb(노트북 dict, 또는 코드 셀 글의 목록)를 path에 씁니다."""
    if isinstance(nb, list):
        nb = {"cells": [{"cell_type": "code", "execution_count": None, "id": f"c{k}", "metadata": {}, "outputs": [],
                         "source": src} for k, src in enumerate(nb)],
              "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}},
              "nbformat": 4, "nbformat_minor": 5}
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(nb, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def lesson_copy(work: Path, lesson: Path = LESSON) -> tuple[Path, bool]:
    """강의 노트북을 work/notebooks/에 출력 없이 복사합니다 (저장소의 파일은 그대로). 탐색기 셀이 없으면 끝에
    `conv_explorer()` 셀을 덧붙이고 (경로, 덧붙였는지)를 돌려줍니다."""
    if not lesson.exists():
        pytest.fail(f"강의 노트북이 없습니다: {lesson}")
    nb = json.loads(lesson.read_text(encoding="utf-8"))
    appended = not any("conv_explorer(" in "".join(c.get("source", "")) for c in nb["cells"] if c["cell_type"] == "code")
    if appended:
        nb["cells"].append({"cell_type": "code", "execution_count": None, "id": "browser-test-explorer",
                            "metadata": {}, "outputs": [], "source": EXPLORER_CELL})
    for cell in nb["cells"]:  # 저장된 출력은 지우고 브라우저에서 새로 만듭니다.
        if cell["cell_type"] == "code":
            cell["outputs"], cell["execution_count"] = [], None
    nb.get("metadata", {}).pop("widgets", None)
    target = write_notebook(work / "notebooks" / lesson.name, nb)
    if (ROOT / "assets").exists() and not (work / "assets").exists():
        # 예전 노트북의 ../assets 그림용 (지금 그림은 셀 첨부; 링크는 서버가 403을 주므로 복사)
        shutil.copytree(ROOT / "assets", work / "assets")
    return target, appended


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# 서버 종류 → (python -m 뒤의 명령, 설정 클래스, 토큰 설정, 폴더 설정, 노트북 주소 틀)
SERVERS = {
    "lab": (["jupyter", "lab", "--LabApp.expose_app_in_browser=True"], "ServerApp", "IdentityProvider.token",
            "root_dir", "{base}/lab/tree/{path}?token={token}&reset"),
    "classic": (["notebook"], "NotebookApp", "NotebookApp.token", "notebook_dir", "{base}/notebooks/{path}?token={token}"),
}


@dataclass
class Server:
    kind: str
    base: str
    token: str
    work: Path

    def url(self, notebook: Path) -> str:
        path = notebook.relative_to(self.work).as_posix()
        return SERVERS[self.kind][4].format(base=self.base, path=path, token=self.token)


@contextmanager
def jupyter_server(kind: str, work: Path, home: Path, settings: dict | None = None, extra_args: tuple[str, ...] = ()):
    """kind("lab" 또는 "classic") 서버를 127.0.0.1의 빈 포트에 토큰과 함께 띄웁니다(포트 재시도 없음). work: 서버가
    보여 줄 폴더, home: 설정·로그 폴더. settings: {"플러그인/경로": 설정 dict}를 JupyterLab 사용자 설정으로 더 씀
    (뉴스 알림은 늘 끔). 끝나면 이 서버(와 그 커널)만 멈춥니다."""
    all_settings = {"@jupyterlab/apputils-extension/notification": {"fetchNews": "false", "checkForUpdates": False}}
    all_settings.update(settings or {})
    for plugin, values in all_settings.items():
        target = home / "settings" / f"{plugin}.jupyterlab-settings"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(values), encoding="utf-8")
    port, token = free_port(), secrets.token_hex(16)
    env = quiet_tf_env()
    env.update(JUPYTERLAB_SETTINGS_DIR=str(home / "settings"), JUPYTERLAB_WORKSPACES_DIR=str(home / "ws"),
               JUPYTER_RUNTIME_DIR=str(home / "runtime"), PYDEVD_DISABLE_FILE_VALIDATION="1")
    env.pop("MPLBACKEND", None)  # 커널이 inline 백엔드를 쓰게 (Agg면 plt.show()가 stderr에 경고)
    log_path = home / f"{kind}.log"
    log = log_path.open("w")
    command, app, token_option, folder_option, _ = SERVERS[kind]
    server = subprocess.Popen([sys.executable, "-m", *command, "--no-browser", f"--{app}.port={port}",
                               f"--{app}.port_retries=0", f"--{app}.ip=127.0.0.1", f"--{token_option}={token}",
                               f"--{app}.allow_root=True", f"--{app}.{folder_option}={work}", *extra_args],
                              stdout=log, stderr=subprocess.STDOUT, env=env, start_new_session=True)
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
                pytest.fail(f"Jupyter 서버({kind})가 뜨지 않았습니다:\n" + log_path.read_text()[-3000:])
            time.sleep(0.3)
        yield Server(kind, base, token, work)
    finally:
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGTERM)  # 이 시험이 띄운 서버(와 그 커널)만
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)
                server.wait()
        log.close()


@dataclass(frozen=True)
class Ui:
    """노트북 화면 한 종류: 앱이 떴는지, 커널이 유휴인지(JS 식), 모두 실행(JS), stderr·오류 출력의 선택자,
    모두 실행 직전에 기다릴 것(JS 비동기 함수, 없으면 "")."""

    ready: str
    idle: str
    run_all: str
    stderr: str
    error: str
    settle: str = ""


LAB = Ui(
    ready="() => window.jupyterapp !== undefined",
    idle="""() => {
  const w = window.jupyterapp && window.jupyterapp.shell.currentWidget;
  const k = w && w.sessionContext && w.sessionContext.session && w.sessionContext.session.kernel;
  return !!k && k.status === 'idle' && !w.sessionContext.isRestarting;
}""",
    run_all="() => window.jupyterapp.commands.execute('notebook:run-all-cells')",
    stderr='.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]',
    error='.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.error"]',
)

CLASSIC = Ui(
    # ipywidgets 7의 위젯 확장은 위젯 관리자를 만들 때 커널에 위젯 상태를 묻고(_loadFromKernel), 답이 오면 위젯 출력이
    # 있는 셀을 모두 다시 그립니다. 살아 있는 탐색기를 다시 그리면 빈칸이 됩니다(지운 보기가 출력의 model_id를 지움).
    # 확장이 '모두 실행' 뒤에 뜨면 그 물음이 실행 요청들 뒤에 줄을 서서 모두 실행이 끝난 뒤 답이 오고, 탐색기가
    # 사라졌습니다. 그래서 관리자가 생기고 그 물음이 처리된 뒤(커널 왕복 한 번)에 모두 실행합니다.
    ready="() => !!(window.Jupyter && Jupyter.notebook && Jupyter.notebook.kernel && Jupyter.notebook.kernel.widget_manager)",
    settle="""async () => {
  await new Promise((r) => setTimeout(r, 500));
  await new Promise((r) => Jupyter.notebook.kernel.kernel_info(r));
}""",
    idle="""() => {
  const nb = window.Jupyter && window.Jupyter.notebook;
  if (!nb || !nb.kernel || !nb.kernel.is_connected()) return false;
  const icon = document.querySelector('#kernel_indicator_icon');
  const busy = nb.get_cells().some(c => c.cell_type === 'code' && c.input_prompt_number === '*');
  return !!icon && icon.classList.contains('kernel_idle_icon') && !busy;
}""",
    run_all="() => window.Jupyter.notebook.execute_all_cells()",
    stderr=".output_stderr",
    error=".output_error",
)


def run_all(page, ui: Ui, marker: str, timeout: float = RUN_ALL_TIMEOUT):
    """앱과 커널이 준비되면 모든 셀을 실행하고, marker가 보이고 커널이 다시 유휴가 될 때까지 기다려 그 Locator를 줍니다.
    timeout(밀리초)은 기다리는 단계마다의 한도입니다."""
    return run_script(page, ui, ui.run_all, marker, timeout)


def run_script(page, ui: Ui, script: str, marker: str, timeout: float = RUN_ALL_TIMEOUT):
    """run_all과 같되 모든 셀 대신 script(셀을 실행하는 JavaScript 함수, 예: 셀 하나만)를 실행합니다."""
    page.wait_for_function(ui.ready, timeout=timeout)
    page.wait_for_function(ui.idle, timeout=timeout)  # 커널 시작도 부하가 큰 기계에서는 1분을 넘길 수 있습니다
    if ui.settle:
        page.evaluate(ui.settle)
    page.evaluate(script)
    found = page.locator(marker).first
    found.wait_for(state="visible", timeout=timeout)
    page.wait_for_function(ui.idle, timeout=timeout)
    return found


def output_problems(page, ui: Ui) -> dict[str, int]:
    """커널이 유휴가 된 뒤 페이지의 stderr 출력, 오류 출력, 위젯 표시 오류의 수."""
    page.wait_for_function(ui.idle)
    return {"stderr": page.locator(ui.stderr).count(), "errors": page.locator(ui.error).count(),
            "widget_errors": widget_errors(page)}


def widget_errors(frame) -> int:
    return sum(frame.get_by_text(t).count() for t in WIDGET_ERRORS)


def next_src(frame, image, old: str = "", timeout: float | None = None) -> str:
    """그림(img)의 src가 old와 달라질 때까지 기다려 새 값을 줍니다 (old가 ""이면: src가 생길 때까지)."""
    frame.wait_for_function("([el, old]) => el.src !== old", arg=[image.element_handle(), old], timeout=timeout)
    return image.get_attribute("src")


def wait_text(frame, element, text: str, prop: str = "innerText") -> None:
    """element의 글자(prop: innerText 또는 textContent)에 text가 들어올 때까지 기다립니다."""
    frame.wait_for_function(f"([el, t]) => el.{prop}.includes(t)", arg=[element.element_handle(), text])


def step_explorer(frame, explorer, slider_handle: str, prop: str = "innerText") -> tuple[object, list[str]]:
    """합성곱 탐색기를 단계 1 → 2(슬라이더 손잡이 slider_handle을 키보드로 한 칸) → 3('다음 ▶' 단추)으로 넘기며
    단계마다 그림(img) src가 바뀌는지 기다립니다. (그림 요소, [src1단계, src2단계, src3단계])를 줍니다."""
    explorer.scroll_into_view_if_needed()
    image = explorer.locator("img").first
    srcs = [next_src(frame, image)]
    wait_text(frame, explorer, "단계 1 / ", prop=prop)
    explorer.locator(slider_handle).first.focus()
    frame.keyboard.press("ArrowRight")
    srcs.append(next_src(frame, image, srcs[-1]))
    wait_text(frame, explorer, "단계 2 / ", prop=prop)
    explorer.locator(".cnn-next").first.click()
    srcs.append(next_src(frame, image, srcs[-1]))
    wait_text(frame, explorer, "단계 3 / ", prop=prop)
    return image, srcs


def record_outside(context, allowed: tuple[str, ...]) -> list[str]:
    """context의 요청 가운데 주소가 allowed의 어느 것으로도 시작하지 않는 것을 막고(abort) 그 목록을 줍니다."""
    outside: list[str] = []

    def route(r):
        if r.request.url.startswith(allowed):
            r.continue_()
        else:
            outside.append(r.request.url)
            r.abort()

    context.route("**/*", route)
    return outside


class Console:
    """페이지의 콘솔 오류와 잡히지 않은 예외를 모읍니다. ignore(message) → 참이면 따로(ignored) 셉니다."""

    def __init__(self, page, ignore=lambda message: False):
        self.errors: list[str] = []
        self.ignored: list[str] = []

        def on_console(m):
            if m.type == "error":
                (self.ignored if ignore(m) else self.errors).append(m.text)

        page.on("console", on_console)
        page.on("pageerror", lambda e: self.errors.append(f"pageerror: {e}"))
