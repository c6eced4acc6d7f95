"""강의 모드: 각 노트북을 reveal.js 슬라이드(HTML)로 바꿉니다.

    python scripts/make_slides.py                      # slides/01_convolution.slides.html …
    python scripts/make_slides.py --out DIR --reveal-prefix reveal.js   # reveal.js를 로컬 폴더에서 읽게

노트북 셀의 metadata.slideshow.slide_type(## 제목 셀은 'slide', ### 제목 셀은 'subslide')이 슬라이드를 나눕니다.
위젯은 커널이 없으면 움직이지 않으므로, 노트북에 함께 저장된 정적 애니메이션이 슬라이드에서 재생됩니다.
네트워크가 없는 교실에서는 `npm install reveal.js@4`로 받은 `node_modules/reveal.js`를 슬라이드 폴더에 두고
`--reveal-prefix node_modules/reveal.js`로 만드세요 (기본값은 CDN 주소입니다).
"""

from __future__ import annotations

import argparse
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def make_slides(notebook: Path, out_dir: Path, reveal_prefix: str | None = None) -> Path:
    import nbformat
    from nbconvert import SlidesExporter

    exporter = SlidesExporter()
    if reveal_prefix:
        exporter.reveal_url_prefix = reveal_prefix
    body, _ = exporter.from_notebook_node(nbformat.read(notebook, as_version=4))
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / f"{notebook.stem}.slides.html"
    target.write_text(body, encoding="utf-8")
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="*", type=Path)
    parser.add_argument("--out", type=Path, default=ROOT / "slides")
    parser.add_argument("--reveal-prefix", default=None)
    args = parser.parse_args()
    for nb in args.notebooks or sorted((ROOT / "notebooks").glob("*.ipynb")):
        print(make_slides(nb, args.out, args.reveal_prefix))


if __name__ == "__main__":
    main()
