"""실제 브라우저 시험: classic Notebook 6.5 + ipywidgets 7 (Colab과 가장 가까운 화면)에서 1강의 합성곱 탐색기를 움직입니다.

Colab의 판(.ci/constraints-colab.txt: notebook 6.5.7, ipywidgets 7.7.1)으로 만든 환경에서만 뜻이 있으므로, 그런 환경이
아니면(notebook 6이나 ipywidgets 7이 아니면) 이유를 밝히고 건너뜁니다. noxfile.py의 colab 세션이 실행합니다.

- classic Notebook 서버에서 1강의 임시 복사본(출력 지움)을 엽니다.
- 모든 셀을 실행하고, 단계 슬라이더(ipywidgets 7: jQuery UI `.ui-slider-handle`)를 키보드로 한 칸, '다음 ▶' 단추,
  재생(Play, jslink로 슬라이더와 묶임)을 눌러 그때마다 탐색기 그림(img src)이 바뀌는지, 오류·stderr 출력과
  브라우저 콘솔 오류가 없는지 확인합니다. 화면은 test-artifacts/에 저장합니다.
"""

from __future__ import annotations

import time
from importlib import metadata

import pytest

from .harness import CLASSIC, Console, lesson_copy, next_src, output_problems, run_all, step_explorer

pytestmark = pytest.mark.browser


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


def test_lesson01_explorer_in_classic_notebook_with_ipywidgets7(jupyter, page, artifacts, tmp_path):
    if _major("notebook") != 6 or _major("ipywidgets") != 7:
        pytest.skip("classic Notebook 6 + ipywidgets 7 환경이 아닙니다 (noxfile.py의 colab 세션에서 실행)")
    notebook, _ = lesson_copy(tmp_path / "work")
    server = jupyter("classic")
    start = time.monotonic()
    shot = artifacts / "classic_lesson01_explorer.png"
    console = Console(page, ignore=_harmless)
    page.set_default_timeout(150_000)  # 판 행렬은 다른 일과 함께 돌 때가 많아 넉넉히
    page.goto(server.url(notebook))
    explorer = run_all(page, CLASSIC, ".cnn-explorer")
    page.screenshot(path=str(artifacts / "classic_lesson01_page.png"), full_page=True)
    # 예전에 가끔 여기서 탐색기가 사라졌습니다: 원인과 막는 법은 harness.CLASSIC의 주석.
    assert page.locator(".cnn-explorer").count() == 1 and explorer.is_visible(), "모든 셀을 실행한 뒤 탐색기가 사라졌습니다"
    # 단계 슬라이더(ipywidgets 7: jQuery UI 손잡이)를 키보드로 한 칸, 그다음 '다음 ▶'
    image, (src0, src1, src2) = step_explorer(page, explorer, ".cnn-step-slider .ui-slider-handle")

    # 재생 (Play → jslink → 슬라이더 → 커널이 그림을 다시 그림)
    explorer.locator(".widget-play button").first.click()
    next_src(page, image, src2)
    explorer.locator(".widget-play button").nth(1).click()  # 멈춤
    src3 = image.get_attribute("src")
    assert len({src0, src1, src2, src3}) == 4

    problems = output_problems(page, CLASSIC)
    explorer.screenshot(path=str(shot))
    print(f"\n노트북: {notebook.name} 복사본 (classic Notebook {metadata.version('notebook')}, "
          f"ipywidgets {metadata.version('ipywidgets')})\n화면: {shot}\n브라우저 부분 {time.monotonic() - start:.1f} s")
    assert problems == {"stderr": 0, "errors": 0, "widget_errors": 0}, problems
    assert not console.errors, console.errors
