"""실제 브라우저 시험: 오프라인 정적 슬라이드를 `file://`로 열고, 바깥으로 나가는 요청을 모두 막은 채 모든 슬라이드를 넘겨 봅니다.

- `scripts/make_slides.py`의 기본 경로(플래그 없음)로 강의마다 슬라이드 파일을 임시 폴더에 만듭니다.
- Chromium(Playwright)에서 file:·data: 이외의 요청은 모두 막고(route.abort) 기록합니다: 기록이 0개여야 합니다
  (막혔는지가 아니라, 페이지가 바깥으로 나가려고 시도조차 하지 않는지 봅니다).
- reveal.js가 시작되고 MathJax가 수식을 다 그린 뒤, 슬라이드를 하나씩 넘기며 보이는 글자나 그림이 있는지,
  글 속에 `$…$` 원문 수식이 남지 않았는지, MathJax 오류가 없는지, 콘솔 오류가 없는지 확인합니다.
- 수식이 있는 슬라이드와 애니메이션(GIF)이 있는 슬라이드의 화면을 test-artifacts/에 저장합니다.
"""

from __future__ import annotations

import importlib.util
import re
import time

import pytest

from tools import NOTEBOOKS as NOTEBOOK_DIR
from tools import ROOT

from .harness import Console, record_outside

pytestmark = pytest.mark.browser

NOTEBOOKS = sorted(NOTEBOOK_DIR.glob("*.ipynb"))

spec = importlib.util.spec_from_file_location("make_slides", ROOT / "scripts" / "make_slides.py")
make_slides = importlib.util.module_from_spec(spec)
spec.loader.exec_module(make_slides)

# 현재 슬라이드: 보이는 글자(코드·수식 제외한 글에서 원문 $…$ 찾기), 그림, 수식 수, MathJax 오류 수
SLIDE_INFO = r"""() => {
  const s = Reveal.getCurrentSlide();
  const prose = s.cloneNode(true);
  prose.querySelectorAll('pre, code, mjx-container, .jp-InputArea, .jp-OutputArea, script, style')
       .forEach(e => e.remove());
  const imgs = [...s.querySelectorAll('img')];
  return {
    text: s.innerText.trim().length,
    images: imgs.filter(i => i.complete && i.naturalWidth > 0).length,
    broken: imgs.filter(i => !(i.complete && i.naturalWidth > 0)).map(i => i.src.slice(0, 60)),
    gifs: imgs.filter(i => i.src.startsWith('data:image/gif')).length,
    math: s.querySelectorAll('mjx-container').length,
    merror: s.querySelectorAll('mjx-merror, [data-mjx-error]').length,
    prose: prose.textContent,
  };
}"""
RAW_MATH = re.compile(r"\$[^$\s][^$\n]*\$|\\(frac|times|lfloor|sqrt|left|right)\b")


@pytest.fixture(scope="module")
def decks(tmp_path_factory):
    out = tmp_path_factory.mktemp("slides")
    return {nb.name: make_slides.make_slides(nb, out) for nb in NOTEBOOKS}


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_static_slides_work_offline(path, page, artifacts, decks):
    start = time.monotonic()
    deck = decks[path.name]
    html = deck.read_text(encoding="utf-8")
    assert not re.search(r"""<(script|link|img)\b[^>]*(src|href)=["'](https?:)?//""", html), "원격 스크립트·스타일·그림"

    page.set_viewport_size({"width": 1280, "height": 900})
    outside = record_outside(page.context, ("file:", "data:", "blob:", "about:"))
    console = Console(page)
    page.goto(deck.as_uri())
    page.wait_for_function("() => window.Reveal && Reveal.isReady && Reveal.isReady()")
    page.wait_for_function("() => window.MathJax && MathJax.startup && MathJax.startup.promise")
    page.evaluate("() => MathJax.startup.promise")
    total = page.evaluate("() => Reveal.getTotalSlides()")
    assert total >= 5
    formula_shot = animation_shot = None
    seen = 0
    problems = []
    page.evaluate("() => Reveal.slide(0, 0)")
    while True:
        seen += 1
        info = page.evaluate(SLIDE_INFO)
        where = page.evaluate("() => JSON.stringify(Reveal.getIndices())")
        if not (info["text"] or info["images"]):
            problems.append(f"{where}: 빈 슬라이드")
        if info["broken"]:
            problems.append(f"{where}: 보이지 않는 그림 {info['broken']}")
        cut = page.evaluate("""() => {
          const all = [...document.querySelectorAll('.reveal .slides section.present')];
          const s = all[all.length - 1];
          const over = s.scrollHeight - s.clientHeight;
          return over > 2 && !['auto', 'scroll'].includes(getComputedStyle(s).overflowY) ? over : 0;
        }""")
        if cut:
            problems.append(f"{where}: 아래가 {cut}px 잘림 (굴릴 수 없음)")
        if info["merror"]:
            problems.append(f"{where}: MathJax 오류 {info['merror']}개")
        raw = RAW_MATH.search(info["prose"])
        if raw:
            problems.append(f"{where}: 그려지지 않은 수식 {raw.group(0)!r}")
        if info["math"] and formula_shot is None and path.name.startswith("01"):
            formula_shot = artifacts / "slides_offline_formula.png"
        if info["gifs"] and animation_shot is None and path.name.startswith("01"):
            animation_shot = artifacts / "slides_offline_animation.png"
        for shot in (formula_shot, animation_shot):
            if shot is not None and not shot.exists():
                page.wait_for_timeout(900)  # 슬라이드 전환 애니메이션이 끝난 뒤
                page.screenshot(path=str(shot))
        if page.evaluate("() => Reveal.isLastSlide()") and not page.evaluate("() => Reveal.availableRoutes().down"):
            break
        page.evaluate("() => Reveal.next()")
        assert seen <= total + 1, "슬라이드를 넘겨도 끝나지 않습니다"
    print(f"\n{path.name}: 슬라이드 {seen}/{total}장, 바깥 요청 {len(outside)}개, {time.monotonic() - start:.1f} s")
    if path.name.startswith("01"):
        print(f"화면: {formula_shot}, {animation_shot}")
        assert formula_shot and formula_shot.exists() and animation_shot and animation_shot.exists()
    assert outside == [], f"바깥으로 나가려는 요청: {outside[:5]}"
    assert console.errors == [], console.errors[:5]
    assert seen == total
    assert problems == [], "\n".join(problems[:20])
