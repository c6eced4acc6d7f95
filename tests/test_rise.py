"""실제 브라우저 시험: JupyterLab의 RISE(jupyterlab-rise) 슬라이드쇼에서 1강의 탐색기를 살아 있는 채로 움직여 봅니다.

1강 노트북의 임시 복사본을 JupyterLab에서 열어 모두 실행하고(tests/test_browser.py의 서버 준비를 그대로 씀),
RISE 슬라이드쇼(`RISE:preview`, 단축키 Alt+R)를 켠 뒤 탐색기가 있는 슬라이드까지 키보드로 넘기고, 슬라이더를
움직여 그림(img src)이 바뀌는지 봅니다. 127.0.0.1이 아닌 요청은 모두 막고 기록합니다(0개여야 함). 콘솔 오류도 없어야 합니다.
화면은 test-artifacts/rise_lesson01_explorer.png에 저장합니다.
"""

from __future__ import annotations

import time
from urllib.parse import urlsplit

import pytest
from test_browser import ARTIFACTS, CHROMIUM, CHROMIUM_ARGS, KERNEL_IDLE, lab  # noqa: F401 (lab은 fixture)

pytestmark = pytest.mark.browser

# 콘솔에 'error'로 찍히지만 오프라인 강의와 상관없는 JupyterLab 자체의 알림 (없으면 비워 둠)
IGNORED_CONSOLE = ()


@pytest.mark.xfail(strict=False, reason=(
    "jupyterlab-rise 0.43.1의 슬라이드쇼 앱에서 확장(@jupyter/nbgrader, @jupyter-notebook/lab-extension)이 공유 모듈 오류로 "
    "못 뜨고, 탐색기 셀을 실행해도 위젯 대신 text/plain이 보이며, reveal 테마가 Google Fonts를 요청합니다 (이슈 13, 남은 일)"))
def test_rise_slideshow_explorer_is_live(lab):  # noqa: F811 (fixture를 인자로)
    from playwright.sync_api import sync_playwright

    url, notebook, appended = lab
    host = urlsplit(url).netloc
    start = time.monotonic()
    outside, console_errors = [], []
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / "rise_lesson01_explorer.png"

    def route(r):
        parts = urlsplit(r.request.url)
        if parts.scheme in ("data", "blob") or parts.netloc == host:
            r.continue_()
        else:
            outside.append(r.request.url)
            r.abort()

    def on_console(msg):
        if msg.type == "error" and not any(t in msg.text for t in IGNORED_CONSOLE):
            console_errors.append(msg.text)

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        try:
            context = browser.new_context(viewport={"width": 1400, "height": 1000})
            context.route("**/*", route)
            page = context.new_page()
            page.on("console", on_console)
            page.on("pageerror", lambda e: console_errors.append(str(e)))
            page.set_default_timeout(60_000)
            page.goto(url)
            page.wait_for_function("() => window.jupyterapp !== undefined")
            page.wait_for_function(KERNEL_IDLE)
            page.evaluate("() => window.jupyterapp.commands.execute('notebook:run-all-cells')")
            page.locator(".jp-Notebook .cnn-explorer").first.wait_for(state="visible")
            page.wait_for_function(KERNEL_IDLE)
            # 저장하고(슬라이드쇼는 저장된 노트북을 같은 커널로 엽니다) 첫 셀로 돌아가 처음 슬라이드부터 시작합니다.
            page.evaluate("""async () => {
              await window.jupyterapp.commands.execute('docmanager:save');
              window.jupyterapp.shell.currentWidget.content.activeCellIndex = 0;
            }""")
            assert page.evaluate("() => window.jupyterapp.commands.hasCommand('RISE:preview')"), \
                "jupyterlab-rise가 설치되어 있지 않습니다 (pip install jupyterlab-rise)"
            page.evaluate("() => window.jupyterapp.commands.execute('RISE:preview')")
            iframe = page.locator("iframe[src*='rise']").first
            iframe.wait_for(state="attached")
            frame = iframe.element_handle().content_frame()
            frame.wait_for_selector(".reveal .slides section", state="attached")
            frame.wait_for_function("() => document.querySelector('.reveal.ready, .reveal .slides section.present')")

            # 탐색기 셀이 있는 슬라이드까지 넘깁니다 (스페이스 = 다음 슬라이드).
            present = ".reveal .slides section.present"
            for _ in range(60):
                if frame.locator(f"{present} .jp-CodeCell", has_text="conv_explorer(").count():
                    break
                frame.locator("body").press("Space")
                frame.wait_for_timeout(400)
            code = frame.locator(f"{present} .jp-CodeCell", has_text="conv_explorer(").first
            code.wait_for(state="visible")
            # 슬라이드쇼 안에서 그 셀을 실행합니다 (교실에서처럼 Shift+Enter): 같은 커널에 살아 있는 위젯이 생깁니다.
            frame.wait_for_timeout(1000)  # 슬라이드 전환이 끝나도록
            code.locator(".cm-content").first.focus()
            page.keyboard.press("Shift+Enter")
            explorer = frame.locator(f"{present} .cnn-explorer").first
            try:
                explorer.wait_for(state="visible", timeout=20_000)
            except Exception:
                page.screenshot(path=str(ARTIFACTS / "rise_debug.png"))
                print(frame.evaluate("""() => ({sections: document.querySelectorAll('.reveal .slides section').length,
                  present: [...document.querySelectorAll('section.present')].map(s => s.innerText.slice(0, 80)),
                  explorers: document.querySelectorAll('.cnn-explorer').length,
                  widgets: [...document.querySelectorAll('.jp-OutputArea-output')].map(o => o.innerText.slice(0, 60)).filter(t => /Widget|Error|HBox|VBox/.test(t)),
                  url: location.href})"""))
                print("바깥 요청:", outside[:5], "콘솔 오류:", console_errors[:8])
                raise
            image = explorer.locator("img").first
            frame.wait_for_function("(el) => el.src && el.src.length > 0", arg=image.element_handle())
            src0 = image.get_attribute("src")
            handle = explorer.locator(".cnn-step-slider .noUi-handle").first
            handle.focus()
            handle.press("ArrowRight")
            frame.wait_for_function("([el, old]) => el.src !== old", arg=[image.element_handle(), src0])
            frame.wait_for_function("(el) => el.innerText.includes('단계 2 / ')", arg=explorer.element_handle())
            frame.wait_for_timeout(500)
            explorer.evaluate("(el) => el.scrollIntoView({block: 'center'})")
            frame.wait_for_timeout(300)
            page.screenshot(path=str(shot))
            widget_errors = sum(frame.get_by_text(t).count() for t in ("Error displaying widget", "Failed to load model"))
        finally:
            browser.close()
    print(f"\nRISE 슬라이드쇼: 탐색기 슬라이더로 그림이 바뀜, 바깥 요청 {len(outside)}개, 콘솔 오류 {len(console_errors)}개, "
          f"{time.monotonic() - start:.1f} s\n화면: {shot}")
    assert outside == [], f"바깥으로 나가려는 요청: {outside[:5]}"
    assert widget_errors == 0
    assert console_errors == [], console_errors[:5]
