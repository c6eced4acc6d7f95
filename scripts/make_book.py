"""강의 책: 여덟 강의와 용어집, 교사용 안내서를 인터넷 없이 읽히는 정적 웹사이트 하나로 만듭니다.

    python -m scripts.make_book                 # build/book/index.html
    python -m scripts.make_book --out DIR

Sphinx와 MyST-NB(sphinx-book-theme)로 빌드합니다. 노트북은 다시 실행하지 않고 저장된 출력을 씁니다.
빌드할 것을 `build/book-src/`에 모으면서 책에 맞게 조금 고칩니다:
- 코드를 숨긴 검사 셀(`source_hidden`)은 접힌 입력(`hide-input`)으로,
- 원격 그림인 Colab 배지는 같은 주소로 가는 글자 단추로,
- 교사용 안내서처럼 책 안에 있는 파일을 가리키는 저장소 주소는 책 안의 링크로, 책에 없는 파일(README 등)을
  가리키는 상대 링크는 저장소 주소로 바꿉니다.
수식은 npm 패키지 mathjax@3(슬라이드와 같은 것)을 `_static/`에 복사해 씁니다. 빌드한 폴더는 `file://`로 열어도,
아무 정적 파일 서버(GitHub Pages 포함)에 올려도 바깥 주소 없이 보입니다.
"""

from __future__ import annotations

import argparse
import base64
import json
import re
import shutil
import time
from pathlib import Path

from scripts.make_slides import MATHJAX_JS, ensure_assets
from scripts.sync_links import repository
from tools import ROOT

BOOK = ROOT / "book"
OUT = ROOT / "build" / "book"
SOURCE = ROOT / "build" / "book-src"
PAGES = ["GLOSSARY.md", *sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "docs/teaching").glob("*.md"))]
NOTEBOOKS = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
COLAB_BADGE = re.compile(r"\[!\[([^\]]*)\]\(https://colab\.research\.google\.com/assets/colab-badge\.svg\)\]\(([^)]+)\)")
MARKDOWN_LINK = re.compile(r"\]\(([^)\s]+)\)")


def _fix_links(text: str, page: str, repo: str, staged: set[str]) -> str:
    """한 쪽(page, 저장소 안 경로)의 마크다운 링크를 책에 맞게 고칩니다."""
    text = COLAB_BADGE.sub(r"[\1](\2)", text)
    blob = f"{repo}/blob/main/"
    here = Path(page).parent

    def fix(match: re.Match) -> str:
        target = match.group(1)
        path, _, anchor = target.partition("#")
        if path.startswith(blob) and path[len(blob):] in staged:  # 저장소 주소 → 책 안의 상대 링크
            rel = Path(path[len(blob):])
            return "](" + Path(*[".."] * len(here.parts), rel).as_posix() + (f"#{anchor}" if anchor else "") + ")"
        if path and "://" not in path and not path.startswith(("attachment:", "mailto:", "#")):
            resolved = (ROOT / here / path).resolve()
            inside = resolved.relative_to(ROOT).as_posix() if resolved.is_relative_to(ROOT) else None
            if inside is not None and inside not in staged and resolved.exists():  # 책에 없는 파일 → 저장소 주소
                return f"]({blob}{inside}" + (f"#{anchor}" if anchor else "") + ")"
        return match.group(0)

    return MARKDOWN_LINK.sub(fix, text)


def _save_attachments(cell: dict, notebook: Path, text: str) -> str:
    """셀에 붙은 그림(attachment:이름)을 파일로 꺼내고 그 파일을 가리키게 합니다 (MyST-NB는 첨부를 읽지 않습니다)."""
    for name, bundle in cell.pop("attachments", {}).items():
        mime, data = next(iter(bundle.items()))
        path = notebook.parent / "_attachments" / f"{notebook.stem}-{name}"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(base64.b64decode(data))
        text = text.replace(f"attachment:{name}", f"_attachments/{path.name}")
    return text


def stage(source: Path = SOURCE) -> Path:
    """책을 빌드할 원본(설정, 시작 쪽, 노트북, 안내서, MathJax)을 source 폴더에 모읍니다."""
    repo = repository()
    staged = set(PAGES) | set(NOTEBOOKS)
    if source.exists():
        shutil.rmtree(source)
    shutil.copytree(BOOK, source)
    # 시작 쪽(index.md)이 README의 강의 목록 표를 그대로 끌어다 씁니다 (README 자체는 책의 쪽이 아닙니다).
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    (source / "README.md").write_text(_fix_links(readme, "README.md", repo, staged), encoding="utf-8")
    for page in PAGES:
        target = source / page
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(_fix_links((ROOT / page).read_text(encoding="utf-8"), page, repo, staged), encoding="utf-8")
    for page in NOTEBOOKS:
        nb = json.loads((ROOT / page).read_text(encoding="utf-8"))
        for cell in nb["cells"]:
            text = "".join(cell["source"])
            if cell["cell_type"] == "markdown":
                text = _save_attachments(cell, source / page, text)
                cell["source"] = _fix_links(text, page, repo, staged)
            elif cell["metadata"].get("jupyter", {}).get("source_hidden"):
                cell["metadata"].setdefault("tags", []).append("hide-input")
        target = source / page
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(nb, ensure_ascii=False), encoding="utf-8")
    mathjax = source / "_static" / "mathjax"
    mathjax.mkdir(parents=True)
    shutil.copy(ensure_assets() / MATHJAX_JS, mathjax / Path(MATHJAX_JS).name)
    return source


def build(out: Path = OUT, source: Path = SOURCE) -> Path:
    """책을 out 폴더에 HTML로 빌드하고 out을 돌려줍니다. Sphinx가 경고를 내면 실패합니다."""
    from sphinx.cmd.build import build_main

    stage(source)
    args = ["-b", "html", "-q", "-W", "--keep-going", "-E",
            "-D", f"html_theme_options.repository_url={repository()}",
            str(source), str(out)]
    if build_main(args) != 0:
        raise SystemExit("책을 빌드하지 못했습니다: 위의 Sphinx 경고를 고치세요.")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT, help="HTML을 쓸 폴더 (기본: build/book)")
    args = parser.parse_args()
    start = time.perf_counter()
    out = build(args.out)
    pages = len(list(out.rglob("*.html"))) - len(list(out.glob("_*/**/*.html")))
    print(f"책을 만들었습니다: {out / 'index.html'} ({pages}쪽, {time.perf_counter() - start:.0f}초)")


if __name__ == "__main__":
    main()
