"""브라우저 시험의 준비물: Chromium 하나(이 폴더의 시험이 나눠 씀), 시험마다 새 페이지, Jupyter 서버, 화면 저장 폴더.

Chromium이나 playwright가 없으면 이 폴더의 시험은 모두 이유 하나를 밝히고 건너뜁니다.
"""

from __future__ import annotations

from contextlib import ExitStack

import pytest

from .harness import ARTIFACTS, CHROMIUM, CHROMIUM_ARGS, jupyter_server, require_browser


@pytest.fixture(scope="package")
def chromium():
    """헤드리스 Chromium (Debian의 /usr/bin/chromium, Playwright로 다룸)."""
    require_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture
def page(chromium):
    """새 브라우저 문맥(쿠키·경로 가로채기가 시험마다 따로)의 페이지 하나. 기본 시간 제한 60 s."""
    context = chromium.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.set_default_timeout(60_000)
    try:
        yield page
    finally:
        context.close()


@pytest.fixture
def jupyter(tmp_path):
    """jupyter(kind, settings=None, extra_args=()) → harness.Server. 서버가 보여 주는 폴더는 tmp_path/work이고,
    시험이 끝나면 띄운 서버를 모두 멈춥니다."""
    (tmp_path / "work").mkdir(exist_ok=True)
    with ExitStack() as stack:
        def start(kind: str, settings: dict | None = None, extra_args: tuple[str, ...] = ()):
            return stack.enter_context(jupyter_server(kind, tmp_path / "work", tmp_path, settings, extra_args))

        yield start


@pytest.fixture
def artifacts():
    """화면을 저장할 폴더 (test-artifacts/; pytest -s로 경로가 보임)."""
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
