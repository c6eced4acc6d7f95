"""저장소 주소(pyproject.toml의 [project.urls] Repository)를 README와 노트북에 퍼뜨립니다.

- README.md: <!-- lessons:start --> … <!-- lessons:end --> 사이의 강의 목록과 Colab 배지
- notebooks/*.ipynb: 첫 셀의 Colab 링크 줄과, 준비 셀의 `git+…` 설치 주소

    python scripts/sync_links.py           # 고쳐 씀
    python scripts/sync_links.py --check   # 다르면 0이 아닌 값으로 끝남 (시험에서 사용)
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
COLAB_LINE = re.compile(r"^\[▶ Colab에서 열기\]\(.*\)$|^<!-- colab-badge -->$", re.M)
INSTALL = re.compile(r"cnn_helpers @ git\+[^\"']*")


def repository() -> str:
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    return re.search(r'^Repository = "([^"]+)"', text, re.M).group(1).rstrip("/")


def colab_url(repo: str, notebook: Path) -> str:
    return f"https://colab.research.google.com/github/{repo.split('github.com/')[1]}/blob/main/notebooks/{notebook.name}"


def lesson_title(nb: dict) -> tuple[str, str]:
    """첫 셀의 '# 01. 제목'과 그 아래 첫 문단 요약 한 줄을 돌려줍니다."""
    first = nb.cells[0].source
    title = first.splitlines()[0].lstrip("# ").strip()
    summary = re.search(r"<!-- summary: (.*?) -->", first)
    return title, summary.group(1) if summary else ""


def lessons_block(repo: str) -> str:
    import nbformat

    rows = ["| 강의 | 내용 | Colab |", "|---|---|---|"]
    for path in sorted(NOTEBOOKS.glob("*.ipynb")):
        title, summary = lesson_title(nbformat.read(path, as_version=4))
        badge = f"[![Colab에서 열기](https://colab.research.google.com/assets/colab-badge.svg)]({colab_url(repo, path)})"
        rows.append(f"| [{title}](notebooks/{path.name}) | {summary} | {badge} |")
    return "<!-- lessons:start -->\n" + "\n".join(rows) + "\n<!-- lessons:end -->"


def synced_notebook(text: str, repo: str, path: Path) -> str:
    import nbformat

    nb = nbformat.reads(text, as_version=4)
    for cell in nb.cells:
        cell.source = COLAB_LINE.sub(f"[▶ Colab에서 열기]({colab_url(repo, path)})", cell.source)
        cell.source = INSTALL.sub(f"cnn_helpers @ git+{repo}", cell.source)
    return nbformat.writes(nb) + "\n"


def main(check: bool) -> int:
    repo = repository()
    changed = []
    for path in sorted(NOTEBOOKS.glob("*.ipynb")):
        old = path.read_text(encoding="utf-8")
        new = synced_notebook(old, repo, path)
        if new != old:
            changed.append(path)
            if not check:
                path.write_text(new, encoding="utf-8")
    readme = ROOT / "README.md"
    old = readme.read_text(encoding="utf-8")
    new = re.sub(r"<!-- lessons:start -->.*?<!-- lessons:end -->", lambda _: lessons_block(repo), old, flags=re.S)
    if new != old:
        changed.append(readme)
        if not check:
            readme.write_text(new, encoding="utf-8")
    for path in changed:
        print(("다름: " if check else "고침: ") + str(path.relative_to(ROOT)))
    return 1 if (check and changed) else 0


if __name__ == "__main__":
    sys.exit(main("--check" in sys.argv))
