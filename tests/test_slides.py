"""강의 모드: 모든 노트북이 오프라인 reveal.js 슬라이드(파일 하나)로 만들어지고, 제목마다 슬라이드가 나뉘는지 확인합니다.

브라우저로 열어 넘겨 보는 시험은 tests/browser/test_slides_offline.py에 있습니다.
"""

import html as html_lib
import json
import re

import pytest

from scripts import make_slides
from tools import NOTEBOOKS as NOTEBOOK_DIR

NOTEBOOKS = sorted(NOTEBOOK_DIR.glob("*.ipynb"))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
@pytest.mark.slow
def test_lesson_becomes_slides(path, tmp_path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    headings = sum(1 for c in nb["cells"] if c["cell_type"] == "markdown" and re.match(r"#{1,2} ", "".join(c["source"])))
    assert headings >= 5, "## 제목이 슬라이드를 나눕니다"
    assert all("slideshow" in c["metadata"] for c in nb["cells"]), "모든 셀에 슬라이드 메타데이터가 필요합니다"
    html = make_slides.make_slides(path, tmp_path).read_text(encoding="utf-8")
    assert "Reveal.initialize(" in html and "window.MathJax" in html
    # 오프라인: 바깥에서 읽는 스크립트·스타일·그림이 없고, require.js·jQuery 없이 시작합니다.
    assert not re.search(r"""<(script|link|img)\b[^>]*(src|href)=["'](https?:)?//""", html)
    assert "require(" not in html.split("window.MathJax")[0]
    assert html.count("<section") >= headings
    title = "".join(nb["cells"][0]["source"]).splitlines()[0].lstrip("# ")
    assert html_lib.escape(title) in html
    # 정적 애니메이션(커널 없이 재생)이나 그림이 슬라이드에 들어 있어야 합니다.
    assert "data:image/png;base64" in html
    # 셀 첨부(attachment:)로 넣은 GIF도 슬라이드에 data: URI로 들어갑니다.
    attached = sum(len(c.get("attachments", {})) for c in nb["cells"])
    assert html.count("data:image/gif;base64") >= attached
    assert "attachment:" not in html
