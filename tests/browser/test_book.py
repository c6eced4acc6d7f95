"""실제 브라우저 시험(tests/browser/harness.py의 Chromium): 강의 책(`scripts/make_book.py`)을 빌드하고, 바깥 요청을 모두 막은 Chromium으로 모든 쪽을 `file://`로 엽니다.

쪽마다: 바깥으로 나가려는 요청 0개(막고 기록합니다), 콘솔 오류 0개, 모든 그림이 읽힘, 글 속에 원문 수식(`$…$`, `\\(`)이
남지 않음, 책 안의 모든 링크(와 `#` 앵커)가 있는 파일을 가리킴. 강의 쪽은 "더 알아보기"가 접혀 있고 Colab 배지와
노트북 내려받기 링크가 있어야 합니다. 검색 쪽에서 한국어 용어 세 개가 맞는 강의를 맨 위에 돌려주는지 봅니다.
강의 쪽 하나와 검색 결과의 화면을 test-artifacts/에 저장합니다.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

from tools import NOTEBOOKS

from .harness import Console, record_outside

pytestmark = [pytest.mark.browser, pytest.mark.filterwarnings("ignore::DeprecationWarning"),
              pytest.mark.filterwarnings("ignore::PendingDeprecationWarning")]

LESSONS = sorted(p.stem for p in NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))
# 한국어 검색어와 맨 위에 와야 할 강의
SEARCHES = {"수용": "04_receptive_field", "잔차": "08_resnet", "인셉션": "07_inception"}
RAW_MATH = re.compile(r"\$[^$\s][^$\n]{0,60}\$|\\\(|\\\[")

PAGE_INFO = r"""() => {
  const article = document.querySelector('article') || document.body;
  const prose = article.cloneNode(true);
  prose.querySelectorAll('pre, code, mjx-container, script, style').forEach(e => e.remove());
  const imgs = [...document.images];
  const more = [...document.querySelectorAll('section.more-to-learn')];
  return {
    prose: prose.textContent,
    broken: imgs.filter(i => !(i.complete && i.naturalWidth > 0)).map(i => i.src.slice(0, 80)),
    images: imgs.length,
    math: document.querySelectorAll('mjx-container').length,
    merror: document.querySelectorAll('mjx-merror, [data-mjx-error]').length,
    more: more.length,
    moreOpen: more.filter(s => !s.classList.contains('folded')).length,
    links: [...document.querySelectorAll('a[href]')].map(a => a.href),
  };
}"""


@pytest.fixture(scope="module")
def book(tmp_path_factory):
    pytest.importorskip("myst_nb", reason="책 빌드 도구(myst-nb)가 없습니다: pip install -e '.[book]'")
    out = tmp_path_factory.mktemp("book")
    from scripts import make_book

    return make_book.build(out / "html", out / "src")


@pytest.fixture(scope="module")
def tab(chromium):
    """책을 걷는 페이지 하나: file:·data:·blob: 밖의 요청은 막고(기록), 콘솔 오류를 모읍니다."""
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.outside = record_outside(context, ("file://", "data:", "blob:"))
    page.console = Console(page)
    yield page
    context.close()


def _open(tab, path: Path) -> dict:
    tab.goto(path.as_uri())
    tab.wait_for_load_state("load")
    tab.evaluate("() => window.MathJax && MathJax.startup ? MathJax.startup.promise : null")
    return tab.evaluate(PAGE_INFO)


def _bad_links(links: list[str]) -> list[str]:
    bad = []
    for href in links:
        url = urlparse(href)
        if url.scheme != "file":
            continue
        target = Path(unquote(url.path))
        if not target.exists():
            bad.append(href)
        elif url.fragment and target.suffix == ".html":
            if f'id="{unquote(url.fragment)}"' not in target.read_text(encoding="utf-8"):
                bad.append(href)
    return bad


def test_every_page_opens_offline_with_images_math_and_links(book, tab):
    pages = sorted(p for p in book.rglob("*.html") if not p.relative_to(book).parts[0].startswith("_"))
    assert len(pages) >= len(LESSONS) + 11, [p.name for p in pages]  # 강의 8 + 안내서 9 + 시작·용어집·검색·색인
    totals = {"images": 0, "math": 0, "links": 0}
    for path in pages:
        info = _open(tab, path)
        name = path.relative_to(book).as_posix()
        assert not info["broken"], (name, info["broken"])
        assert info["merror"] == 0, name
        assert not RAW_MATH.findall(info["prose"]), (name, RAW_MATH.findall(info["prose"])[:3])
        assert not _bad_links(info["links"]), (name, _bad_links(info["links"])[:5])
        totals["images"] += info["images"]
        totals["math"] += info["math"]
        totals["links"] += len(info["links"])
    assert tab.outside == [], tab.outside[:5]
    assert tab.console.errors == [], tab.console.errors[:5]
    print(f"쪽 {len(pages)}개, 그림 {totals['images']}, 수식 {totals['math']}, 링크 {totals['links']}, 바깥 요청 0, 콘솔 오류 0")
    assert totals["math"] > 100 and totals["images"] > 40


def _has_math(lesson):
    """노트북의 마크다운 셀에 $…$ 수식이 있으면 True."""
    cells = json.loads((NOTEBOOKS / f"{lesson}.ipynb").read_text(encoding="utf-8"))["cells"]
    return any("$" in "".join(cell["source"]) for cell in cells if cell["cell_type"] == "markdown")


@pytest.mark.parametrize("lesson", LESSONS)
def test_lesson_page_has_colab_download_and_folded_sections(book, tab, artifacts, lesson):
    info = _open(tab, book / "notebooks" / f"{lesson}.html")
    assert info["images"] > 0, lesson
    assert (info["math"] > 0) == _has_math(lesson), (lesson, info["math"])  # 수식이 있는 강의는 수식이 그려짐
    assert info["more"] >= 1 and info["moreOpen"] == 0, info  # "더 알아보기"는 모두 접혀 있음
    colab = "colab.research.google.com/github/"
    assert any(colab in h and h.endswith(f"notebooks/{lesson}.ipynb") for h in info["links"]), lesson
    assert any(h.endswith(f"_sources/notebooks/{lesson}.ipynb") for h in info["links"]), lesson  # 내려받기
    heading = tab.locator("section.more-to-learn > h2").first
    heading.click()  # 제목을 누르면 펼쳐집니다
    assert tab.evaluate("() => document.querySelectorAll('section.more-to-learn:not(.folded)').length") == 1
    if lesson == "04_receptive_field":
        _open(tab, book / "notebooks" / f"{lesson}.html")
        tab.evaluate("() => window.scrollTo(0, 0)")
        tab.screenshot(path=str(artifacts / "book-lesson04.png"))


@pytest.mark.parametrize(("term", "lesson"), SEARCHES.items())
def test_korean_search_finds_the_lesson(book, tab, artifacts, term, lesson):
    tab.goto((book / "search.html").as_uri() + f"?q={term}")
    tab.wait_for_function("() => document.querySelectorAll('#search-results ul.search li').length > 0", timeout=30000)
    hits = tab.evaluate("() => [...document.querySelectorAll('#search-results ul.search li a')].map(a => a.getAttribute('href'))")
    assert hits[0] == f"notebooks/{lesson}.html", hits[:5]
    if term == "수용":
        tab.screenshot(path=str(artifacts / "book-search.png"))
