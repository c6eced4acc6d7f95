"""강의 모드: 각 노트북을 네트워크 없이 열리는 reveal.js 슬라이드(HTML 파일 하나)로 바꿉니다.

    python -m scripts.make_slides                      # slides/01_convolution.slides.html …
    python -m scripts.make_slides notebooks/01_convolution.ipynb --out DIR

노트북 셀의 metadata.slideshow.slide_type(## 제목 셀은 'slide', ### 제목 셀은 'subslide')이 슬라이드를 나눕니다.
만든 HTML 파일은 그것 하나로 완결됩니다: reveal.js(npm 패키지 `reveal.js@4`)와 수식을 그리는 MathJax
(npm 패키지 `mathjax@3`, SVG 출력이라 글꼴 파일도 필요 없음), 노트북이 쓰는 그림(`../assets/*.gif` 등)을 모두
파일 안에 넣으므로 `file://`로 열어도, USB에 파일 하나만 옮겨도 인터넷 없이 보입니다.
jQuery·require.js·위젯 스크립트는 넣지 않습니다: 위젯은 커널이 없으면 움직이지 않으므로 슬라이드에서는 빼고,
노트북의 그림과 애니메이션(GIF, 저장된 출력)이 대신 보입니다. 강의 중에 위젯을 움직이려면 JupyterLab의 RISE
슬라이드쇼를 쓰세요 (README '강의 모드').

reveal.js와 MathJax는 저장소의 `node_modules/`에서 읽습니다. 없으면 이 스크립트가 한 번
`npm install --no-save reveal.js@4 mathjax@3`을 실행합니다 (이때만 네트워크가 필요합니다).
"""

from __future__ import annotations

import argparse
import base64
import json
import mimetypes
import re
import shutil
import subprocess
from pathlib import Path

from tools import NOTEBOOKS, ROOT

NODE_MODULES = ROOT / "node_modules"
NPM_PACKAGES = ("reveal.js@4", "mathjax@3")
REVEAL_JS = "reveal.js/dist/reveal.js"
REVEAL_CSS = "reveal.js/dist/reveal.css"
REVEAL_THEME = "reveal.js/dist/theme/white.css"
MATHJAX_JS = "mathjax/es5/tex-svg-full.js"
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
_PREFIX = "@@offline-reveal@@"  # reveal_url_prefix 자리표시: 아래에서 <link>를 인라인 <style>로 바꿉니다.

# nbconvert의 reveal 템플릿을 이어받아, 바깥(CDN)에서 읽는 블록을 모두 로컬 내용으로 바꿉니다.
TEMPLATE = r"""
{%- extends 'index.html.j2' -%}
{%- block html_head_js -%}{%- endblock html_head_js -%}
{% block jupyter_widgets %}{% endblock jupyter_widgets %}
{%- block html_head_js_mathjax -%}
<script>
window.MathJax = {
  tex: {inlineMath: [['$', '$'], ['\\(', '\\)']], displayMath: [['$$', '$$'], ['\\[', '\\]']],
        processEscapes: true, processEnvironments: true},
  options: {enableMenu: false, ignoreHtmlClass: 'tex2jax_ignore', processHtmlClass: 'tex2jax_process'},
  svg: {fontCache: 'global'},
  loader: {load: []},
  startup: {typeset: true}
};
</script>
<script>{{ resources.offline.mathjax_js }}</script>
{%- endblock html_head_js_mathjax -%}
{% block footer_js %}
<style>
/* 긴 슬라이드(코드+그림)가 아래에서 잘리지 않게: 슬라이드마다 화면 높이에 맞추고 넘치면 그 안에서 세로로 굴립니다
   (마우스 휠·터치패드). reveal.js의 세로 가운데 맞춤(center)은 끄고 위에서부터 채웁니다. */
.reveal .slides > section, .reveal .slides > section > section {
  height: 100%; overflow-y: auto; overflow-x: hidden; box-sizing: border-box; padding-bottom: 1em;
}
.reveal .slides > section.stack { overflow: visible; }
</style>
<script>{{ resources.offline.reveal_js }}</script>
<script>
Reveal.initialize({
  controls: true, progress: true, history: true, hash: true,
  transition: "{{ resources.reveal.transition | default('slide', true) }}",
  slideNumber: "c/t", center: false,
  width: {{ resources.reveal.width | default('960', true) }},
  height: {{ resources.reveal.height | default('700', true) }},
});
</script>
{% endblock footer_js %}
"""


def ensure_assets(node_modules: Path = NODE_MODULES) -> Path:
    """reveal.js와 MathJax가 node_modules에 있는지 확인하고, 없으면 npm으로 한 번 설치합니다."""
    needed = [REVEAL_JS, REVEAL_CSS, REVEAL_THEME, MATHJAX_JS]
    if all((node_modules / p).exists() for p in needed):
        return node_modules
    npm = shutil.which("npm")
    if npm is None:
        raise SystemExit(
            "슬라이드에 넣을 reveal.js와 MathJax가 없고 npm도 없습니다. Node.js(npm)를 설치한 뒤 저장소 폴더에서 "
            f"`npm install --no-save {' '.join(NPM_PACKAGES)}`를 한 번 실행하세요 (이때만 인터넷이 필요합니다)."
        )
    print(f"reveal.js와 MathJax를 npm으로 설치합니다: {' '.join(NPM_PACKAGES)}")
    subprocess.run([npm, "install", "--no-save", "--no-audit", "--no-fund", "--no-package-lock",
                    "--prefix", str(node_modules.parent), *NPM_PACKAGES], check=True)
    missing = [p for p in needed if not (node_modules / p).exists()]
    if missing:
        raise SystemExit(f"npm 설치 뒤에도 파일이 없습니다: {missing}")
    return node_modules


def _read_asset(node_modules: Path, rel: str) -> str:
    text = (node_modules / rel).read_text(encoding="utf-8")
    return text.replace("</script", "<\\/script")  # 인라인 <script> 안에서 닫는 태그로 읽히지 않게


def _theme_css(node_modules: Path) -> str:
    # 테마의 @import(글꼴 파일)는 뺍니다: 파일 하나로 옮겨도 깨지지 않게, 한국어는 시스템 글꼴로 보입니다.
    css = _read_asset(node_modules, REVEAL_THEME)
    return re.sub(r"@import url\([^)]*\);?", "", css)


def _drop_widgets(nb) -> None:
    """커널 없이는 움직이지 않는 위젯 출력을 뺍니다 (그림·애니메이션 출력은 그대로 둡니다)."""
    nb.metadata.pop("widgets", None)
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        kept = []
        for out in cell.get("outputs", []):
            data = out.get("data", {})
            if WIDGET_VIEW in data:
                data.pop(WIDGET_VIEW)
                data.pop("text/plain", None)  # 'HBox(children=…)' 같은 글자는 슬라이드에 쓸모가 없습니다.
                if not data:
                    continue
            kept.append(out)
        cell.outputs = kept


def _inline_images(html: str, base: Path) -> str:
    """<img src="../assets/x.gif"> 같은 상대 경로 그림을 data: URI로 넣습니다 (원격 주소는 건드리지 않음)."""

    def repl(match: re.Match) -> str:
        src = match.group(2)
        if re.match(r"[a-z]+:", src) or src.startswith("//"):
            return match.group(0)
        path = (base / src).resolve()
        if not path.is_file():
            return match.group(0)
        mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        data = base64.b64encode(path.read_bytes()).decode("ascii")
        return f'{match.group(1)}"data:{mime};base64,{data}"'

    return re.sub(r'(<img\b[^>]*?\bsrc=)"([^"]+)"', repl, html)


def make_slides(notebook: Path, out_dir: Path, node_modules: Path | None = None) -> Path:
    """노트북 하나를 `out_dir/NN_….slides.html`(파일 하나로 완결된 오프라인 슬라이드)로 만듭니다."""
    import nbformat
    from jinja2 import DictLoader
    from nbconvert import SlidesExporter

    node_modules = ensure_assets(node_modules or NODE_MODULES)
    nb = nbformat.read(notebook, as_version=4)
    _drop_widgets(nb)
    exporter = SlidesExporter(extra_loaders=[DictLoader({"offline_reveal.html.j2": TEMPLATE})],
                              template_file="offline_reveal.html.j2")
    exporter.reveal_url_prefix = _PREFIX
    exporter.reveal_theme = "white"
    resources = {"offline": {"reveal_js": _read_asset(node_modules, REVEAL_JS),
                             "mathjax_js": _read_asset(node_modules, MATHJAX_JS)},
                 "metadata": {"name": notebook.stem}}
    body, _ = exporter.from_notebook_node(nb, resources=resources)
    styles = {"reveal.css": f"<style>{_read_asset(node_modules, REVEAL_CSS)}</style>",
              "theme/white.css": f'<style id="theme">{_theme_css(node_modules)}</style>'}
    found = set()

    def inline_link(match: re.Match) -> str:
        found.add(match.group(1))
        return styles[match.group(1)]

    body = re.sub(rf'<link[^>]*href="{re.escape(_PREFIX)}/dist/([^"]+)"[^>]*>', inline_link, body)
    if found != set(styles):
        raise RuntimeError(f"nbconvert의 reveal 템플릿이 바뀌었습니다: 스타일 {sorted(found)} (기대: {sorted(styles)})")
    if _PREFIX in body:
        raise RuntimeError("reveal.js 주소 자리표시가 남았습니다 (nbconvert 템플릿 확인)")
    body = _inline_images(body, notebook.parent)
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / f"{notebook.stem}.slides.html"
    target.write_text(body, encoding="utf-8")
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="*", type=Path)
    parser.add_argument("--out", type=Path, default=ROOT / "slides")
    args = parser.parse_args()
    for nb in args.notebooks or sorted(NOTEBOOKS.glob("*.ipynb")):
        path = make_slides(nb, args.out)
        print(f"{path}  ({path.stat().st_size / 1e6:.1f} MB, {json.dumps(nb.name)})")


if __name__ == "__main__":
    main()
