"""실제 브라우저 시험: JupyterLab의 RISE(jupyterlab-rise) 슬라이드쇼에서 1강의 탐색기를 살아 있는 채로 움직여 봅니다.

1강 노트북의 임시 복사본을 JupyterLab에서 열고(tests/browser/harness.py의 서버 준비) 커널이 준비되면
RISE 슬라이드쇼(`RISE:preview`, 단축키 Alt+R)를 켠 뒤 탐색기가 있는 슬라이드까지 키보드로 넘기고, 그 셀을
슬라이드쇼 안에서 실행한 다음 슬라이더를 움직여 그림(img src)이 바뀌는지 봅니다. 슬라이드쇼 앞에 노트북 화면에서
탐색기 셀 하나만 실행합니다: 그 셀은 스스로 import하므로 강의 전체를 돌릴 필요가 없습니다(강의 전체를 JupyterLab에서
돌리는 것은 test_lab.py의 몫; 두 설정 모두 1강의 학습 셀을 다시 돌리면 이 시험이 두 배쯤 걸렸음). 노트북 화면에서 한
번도 위젯을 만들지 않으면 그 화면의 위젯 관리자가 슬라이드쇼가 만든 위젯의 메시지를 몰라 콘솔에
"Comm not found"를 찍으므로, 교사가 셀을 실행해 보고 슬라이드쇼를 켜는 순서를 그대로 따릅니다. 127.0.0.1이 아닌 요청은 모두
막고 기록합니다(0개여야 함). 콘솔 오류도 없어야 합니다(아래 IGNORED_CONSOLE의 세 가지만 이유와 함께 뺌).
두 설정으로 돌립니다: 꼭 필요한 확장만(minimal), 그리고 README가 교사에게 권하는 명령 그대로 설치된 확장을 모두
켠 채(readme; IGNORED_WITH_ALL_EXTENSIONS의 두 가지를 더 뺌). 마크다운에 첨부된 GIF가 슬라이드쇼 안에서 그려지는지도
봅니다. 화면은 test-artifacts/rise_lesson01_explorer_<설정>.png에 저장합니다.

시험 서버의 설정 (교사에게 README가 권하는 것과 같음):
- labextensions/cnn-helpers-rise-widgets: RISE의 슬라이드쇼 앱(JupyterLab 4.3.4로 빌드)에 없는 공유 모듈
  `@jupyterlab/console`을 ipywidgets 관리자가 요구해서 위젯이 글자로만 보이는 문제(jupyterlab-contrib/rise#119)를
  메우는 작은 확장. 이것이 없으면 "Shared module @jupyterlab/console doesn't exist in shared scope default".
- RISE 테마 `white`: 기본 `simple` 테마의 CSS가 Google Fonts(News Cycle, Lato)를 불러옵니다. white는 글꼴이
  RISE 패키지 안에 있습니다.
- 확장 목록을 위젯 관리자·RISE·pygments·위 확장으로 좁힙니다. nbgrader(@jupyter/nbgrader)와
  @jupyter-notebook/lab-extension은 RISE 앱에 없는 공유 모듈(@jupyterlab/docregistry 등) 때문에 슬라이드쇼 안에서
  오류를 내며(노트북·위젯에는 영향 없음) 강의 슬라이드에 필요하지 않습니다.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from jupyter_core.paths import jupyter_path

from tools import ROOT

from .harness import LAB, Console, lesson_copy, next_src, record_outside, run_script, wait_text, widget_errors

pytestmark = pytest.mark.browser

SHIM = ROOT / "labextensions" / "cnn-helpers-rise-widgets"
RISE_EXTENSIONS = ("@jupyter-widgets/jupyterlab-manager", "jupyterlab-rise", "jupyterlab_pygments")
RISE_SETTINGS = {"jupyterlab-rise/plugin": {"theme": "white"}}

# 콘솔에 'error'로 찍히지만 RISE 자체에서 나오고 동작과 상관없는 것 (이유를 적어 둠)
IGNORED_CONSOLE = (
    # RISE는 노트북 옆의 선택 사항인 rise.css와 <노트북 이름>.css를 늘 불러 봅니다(plugins/rise.js, Revealer).
    # 없으면 서버의 404 페이지(text/html)가 와서 Chromium이 이렇게 알립니다. 파일을 만들면 사라집니다.
    "because its MIME type ('text/html') is not a supported stylesheet MIME type",
    # RISE 앱 번들(static/rise/4437.bundle.js)의 @microsoft/fast-foundation design-token.js가
    # DesignTokenBindingObserver.handleChange에서 잡아 console.error로 찍는 재귀. RISE만 설치하고 다른 확장 없이도
    # 같은 수(30여 개)가 나옵니다. 슬라이드쇼·위젯 동작에는 영향이 없습니다.
    "RangeError: Maximum call stack size exceeded",
    # 1~3강의 GIF는 마크다운 셀 첨부(attachment:…)입니다. JupyterLab의 마크다운 렌더러(RISE 앱도 같은 것을 씀)는
    # HTML을 먼저 넣고 그 뒤에 첨부 주소를 data: 주소로 바꾸므로, 그 사이 Chromium이 `attachment:`를 한 번 읽으려다
    # 이렇게 알립니다. 보통 JupyterLab에서도 똑같이 나오고, 그림은 바뀐 주소로 보입니다(아래 시험이 확인).
    "net::ERR_UNKNOWN_URL_SCHEME",
)

# README의 명령(설치된 확장 모두)으로 띄우면 더 나오는 것: 슬라이드쇼 앱에 없는 공유 모듈을 찾는 확장들이
# 슬라이드쇼 안에서만 뜨지 못했다고 알립니다. 노트북 화면에서는 정상이고, 슬라이드와 위젯은 그대로 움직입니다(이 시험).
IGNORED_WITH_ALL_EXTENSIONS = (
    # @jupyter-notebook/lab-extension(Notebook 7의 단추들): 슬라이드쇼 앱에 @jupyterlab/docregistry가 없음 (RUNTIME-012)
    '"shareKey":"@jupyterlab/docregistry"',
    # nbgrader의 과제 도구 모음: 위 확장의 INotebookShell을 찾다가 실패 (스택에 두 확장의 파일 이름이 있음)
    "/lab/extensions/@jupyter/nbgrader/static/",
    # 위 확장의 모듈이 초기화되지 못해 그 이름(INotebookShell, INotebookPathOpener …)을 처음 읽는 쪽이 내는
    # "ReferenceError: Cannot access … before initialization". 누가 먼저 읽는지는 불러오는 순서에 따라 바뀝니다
    # (nbgrader이면 위 줄, RISE 앱 자신이면 이 줄; 부하가 큰 기계에서 둘 다 보았음).
    "/lab/extensions/@jupyter-notebook/lab-extension/static/",
)


def _extensions_dir(tmp_path: Path) -> Path:
    """시험 서버가 볼 확장 폴더: 설치된 RISE_EXTENSIONS와 저장소의 cnn-helpers-rise-widgets만 링크합니다."""
    target = tmp_path / "labextensions"
    for name in RISE_EXTENSIONS:
        found = [Path(d) / name for d in jupyter_path("labextensions") if (Path(d) / name / "package.json").exists()]
        if not found:
            pytest.skip(f"JupyterLab 확장 {name}이(가) 없습니다 (pip install -e \".[lab]\")")
        (target / name).parent.mkdir(parents=True, exist_ok=True)
        (target / name).symlink_to(found[0], target_is_directory=True)
    (target / SHIM.name).symlink_to(SHIM, target_is_directory=True)
    return target


@pytest.fixture(params=["minimal", "readme"])
def rise_lab(request, tmp_path):
    """minimal: 위젯 관리자·RISE·pygments·보조 확장만. readme: 설치된 확장 모두 + README의 명령 그대로
    (`--LabServerApp.extra_labextensions_path=labextensions`)."""
    if request.param == "minimal":
        args = (f"--LabServerApp.labextensions_path={_extensions_dir(tmp_path)}",)
    else:
        args = (f"--LabServerApp.extra_labextensions_path={SHIM.parent}",)
    return request.param, args


def test_rise_slideshow_explorer_is_live(rise_lab, jupyter, page, artifacts, tmp_path):
    extensions, args = rise_lab
    notebook, _ = lesson_copy(tmp_path / "work")
    server = jupyter("lab", settings=RISE_SETTINGS, extra_args=args)
    ignored_here = IGNORED_CONSOLE + (IGNORED_WITH_ALL_EXTENSIONS if extensions == "readme" else ())
    start = time.monotonic()
    shot = artifacts / f"rise_lesson01_explorer_{extensions}.png"
    outside = record_outside(page.context, ("data:", "blob:", f"{server.base}/"))
    console = Console(page, ignore=lambda m: any(t in m.text for t in ignored_here))
    page.goto(server.url(notebook))
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    index = next(i for i, c in enumerate(cells) if "conv_explorer(" in "".join(c["source"]))
    run_script(page, LAB, f"""async () => {{
      window.jupyterapp.shell.currentWidget.content.activeCellIndex = {index};
      await window.jupyterapp.commands.execute('notebook:run-cell');
    }}""", ".jp-Notebook .cnn-explorer")
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
    # 마크다운 셀에 첨부된 GIF(합성곱 애니메이션)도 슬라이드쇼 안에서 data: 주소로 풀려 그려집니다.
    frame.wait_for_function("""() => {
      const imgs = [...document.querySelectorAll('.jp-MarkdownCell img')];
      return imgs.length > 0 && imgs.every(i => i.src.startsWith('data:image/gif') && i.naturalWidth > 0);
    }""")

    # 탐색기 셀이 있는 슬라이드까지 넘깁니다 (스페이스 = 다음 슬라이드).
    present = ".reveal .slides section.present"
    for _ in range(60):
        if frame.locator(f"{present} .jp-CodeCell", has_text="conv_explorer(").count():
            break
        frame.locator("body").press("Space")
        frame.wait_for_timeout(400)
    code = frame.locator(f"{present} .jp-CodeCell", has_text="conv_explorer(").first
    code.wait_for(state="visible")
    # 슬라이드쇼 안에서 그 셀을 실행합니다 (README대로 Ctrl+Enter): 같은 커널에 살아 있는 위젯이 생깁니다.
    # Shift+Enter는 다음 셀을 고르는데, 다음 셀이 새 슬라이드이면 슬라이드쇼가 그리로 넘어가 탐색기가 가려집니다.
    frame.wait_for_timeout(1000)  # 슬라이드 전환이 끝나도록
    code.locator(".cm-content").first.focus()
    page.keyboard.press("Control+Enter")
    explorer = frame.locator(f"{present} .cnn-explorer").first
    try:
        explorer.wait_for(state="visible", timeout=20_000)
    except Exception:
        page.screenshot(path=str(artifacts / "rise_debug.png"))
        print("바깥 요청:", outside[:5], "콘솔 오류:", console.errors[:8])
        raise
    image = explorer.locator("img").first
    src0 = next_src(frame, image)
    handle = explorer.locator(".cnn-step-slider .noUi-handle").first
    # 실행 뒤 RISE가 restore_timeout(500 ms) 뒤 셀에 초점을 돌려줍니다: 그 뒤에 손잡이를 다룹니다.
    frame.wait_for_timeout(1500)
    # 키보드 대신 마우스로 손잡이를 한 칸 끕니다: 슬라이드쇼 안에서는 손잡이에 준 초점이 곧 노트북의 활성 셀로
    # 되돌아가 ArrowRight가 슬라이더에 닿지 않습니다(교실에서도 마우스·터치로 끕니다).
    track = explorer.locator(".cnn-step-slider .noUi-target").first.bounding_box()
    steps = int(float(handle.get_attribute("aria-valuemax") or 9))
    box = handle.bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page.mouse.move(x, y)
    page.mouse.down()
    page.mouse.move(x + track["width"] / max(steps - 1, 1), y, steps=8)
    page.mouse.up()
    try:
        next_src(frame, image, src0, timeout=15_000)
    except Exception:
        page.screenshot(path=str(artifacts / "rise_debug.png"))
        print("콘솔 오류:", console.errors[:8])
        raise
    wait_text(frame, explorer, "단계 2 / ")
    frame.wait_for_timeout(500)
    explorer.evaluate("(el) => el.scrollIntoView({block: 'center'})")
    frame.wait_for_timeout(300)
    page.screenshot(path=str(shot))
    shown_errors = widget_errors(frame)
    print(f"\nRISE 슬라이드쇼: 탐색기 슬라이더로 그림이 바뀜, 바깥 요청 {len(outside)}개, 콘솔 오류 {len(console.errors)}개 "
          f"(RISE 자체의 알려진 오류 {len(console.ignored)}개는 뺌), "
          f"{time.monotonic() - start:.1f} s\n화면: {shot}")
    assert outside == [], f"바깥으로 나가려는 요청: {outside[:5]}"
    assert shown_errors == 0
    assert console.errors == [], console.errors[:5]
