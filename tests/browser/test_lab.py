"""실제 브라우저 시험: JupyterLab에서 1강 노트북을 열어 모든 셀을 실행하고 합성곱 탐색기를 움직여 봅니다.

- 노트북은 임시 폴더에 복사한 것을 엽니다 (저장소의 파일은 바뀌지 않음). 1강에 아직 탐색기 셀이 없으면
  복사본 끝에 `conv_explorer()` 셀을 덧붙입니다.
- 모든 셀을 실행하고, 단계 슬라이더를 키보드로 한 칸 옮기고 '다음 ▶'을 누를 때마다 탐색기 그림(img src)이
  바뀌는지, stderr·오류 출력이 없는지 확인합니다.
- 화면은 test-artifacts/에 저장하고 경로를 출력합니다 (pytest -s로 보임).
"""

from __future__ import annotations

import time

import pytest

from tools import ROOT

from .harness import LAB, LESSON, lesson_copy, output_problems, run_all, step_explorer

pytestmark = pytest.mark.browser


def test_lesson01_explorer_in_jupyterlab(jupyter, page, artifacts, tmp_path):
    notebook, appended = lesson_copy(tmp_path / "work")
    server = jupyter("lab")
    start = time.monotonic()
    shot = artifacts / "browser_lesson01_explorer.png"
    page_shot = artifacts / "browser_lesson01_page.png"
    page.set_default_timeout(45_000)
    page.goto(server.url(notebook))
    explorer = run_all(page, LAB, ".cnn-explorer")
    # 단계 슬라이더(ipywidgets 8: noUi 손잡이)를 키보드로 한 칸, 그다음 '다음 ▶'. textContent: JupyterLab이 화면 밖 셀을
    # 숨겨 둘 때(창 모드)도 읽힙니다 (innerText는 빈 글자가 됨).
    _, srcs = step_explorer(page, explorer, ".cnn-step-slider .noUi-handle", prop="textContent")
    assert len(set(srcs)) == 3

    problems = output_problems(page, LAB)
    explorer.screenshot(path=str(shot))
    page.screenshot(path=str(page_shot))
    print(f"\n노트북: {LESSON.relative_to(ROOT)} (임시 복사본{', 탐색기 셀 덧붙임' if appended else ''})")
    print(f"화면: {shot}\n전체 화면: {page_shot}\n브라우저 부분 {time.monotonic() - start:.1f} s")
    assert problems == {"stderr": 0, "errors": 0, "widget_errors": 0}, f"{problems} (화면: {page_shot})"
