"""저장소 주소(pyproject.toml의 [project.urls] Repository)를 README와 노트북에 퍼뜨립니다.

- README.md: <!-- lessons:start --> … <!-- lessons:end --> 사이의 강의 목록과 Colab 배지
- notebooks/*.ipynb: 첫 셀의 Colab 링크 줄과, 준비 셀(첫 코드 셀) 전체 — 아래 SETUP_CELL에 저장소 주소를 넣은 것.
  준비 셀은 Colab에서만 설치하므로 다른 곳에서는 출력이 바뀌지 않습니다(다시 실행할 필요 없음).

    python -m scripts.sync_links           # 고쳐 씀
    python -m scripts.sync_links --check   # 다르면 0이 아닌 값으로 끝남 (시험에서 사용)
"""

from __future__ import annotations

import re
import sys
from functools import partial
from pathlib import Path

from tools import NOTEBOOKS, ROOT
from tools.rewrite import edit_notebook, rewrite

COLAB_LINE = re.compile(r"^\[▶ Colab에서 열기\]\(.*\)$|^<!-- colab-badge -->$", re.M)
INSTALL = re.compile(r"cnn_helpers @ git\+[^\"']*")
# 강의 끝의 교사용 안내서 링크: Colab에서는 노트북 옆에 파일이 없으므로 저장소 주소로 씁니다.
GUIDE_LINK = re.compile(r"\]\((?:\.\./|https://github\.com/[^)\s]+?/blob/main/)(docs/teaching/[\w.]+\.md)\)")
# 모든 강의의 첫 코드 셀. Colab에서만 cnn_helpers를 설치하고, Colab에 깔린 TensorFlow·Keras·numpy·ipywidgets는
# 지금 버전 그대로 요구해(==) pip가 올리지 못하게 합니다(ipywidgets 8이면 Colab에서 위젯이 보이지 않음).
# 시험: tests/test_colab.py (이 셀의 Colab 분기), .ci/colab_dry_run.py (Colab 버전으로 pip 해석을 미리 해 봄).
SETUP_CELL = """\
import subprocess
import sys

if "google.colab" in sys.modules:
    # Colab에서만: cnn_helpers를 설치하고, Colab의 TensorFlow·Keras·numpy·ipywidgets는 지금 버전 그대로 둡니다.
    from importlib import metadata

    keep = []
    for name in ("tensorflow", "keras", "numpy", "ipywidgets"):
        try:
            keep.append(f"{{name}}=={{metadata.version(name)}}")
        except metadata.PackageNotFoundError:
            pass
    pip = subprocess.run([sys.executable, "-m", "pip", "install", "-q", "cnn_helpers @ git+{repo}", *keep],
                         capture_output=True, text=True)
    if pip.returncode != 0:
        print(pip.stdout[-2000:] + pip.stderr[-2000:])
        raise RuntimeError(
            "cnn_helpers 설치 실패 — 위 pip 메시지를 보세요. 인터넷 연결을 확인하고 메뉴 '런타임 → 세션 다시 시작' 뒤 "
            "이 셀부터 다시 실행하세요. 버전이 맞지 않는다는 오류(ResolutionImpossible)라면 Colab의 버전이 강의가 요구하는 "
            "버전과 다른 것이니 저장소의 이슈로 알려 주세요."
        )
    print("설치 완료: cnn_helpers (그대로 둔 Colab 버전: " + ", ".join(keep) + ")")

from cnn_helpers.lesson import lesson_setup

lesson_setup()"""


def repository() -> str:
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    return re.search(r'^Repository = "([^"]+)"', text, re.M).group(1).rstrip("/")


def setup_cell(repo: str) -> str:
    return SETUP_CELL.format(repo=repo)


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


def sync_notebook(nb, repo: str, path: Path) -> None:
    """준비 셀 전체와 Colab 링크·설치 주소·안내서 링크를 저장소 주소에 맞춥니다."""
    setup = next(c for c in nb.cells if c.cell_type == "code")
    setup.source = setup_cell(repo)
    for cell in nb.cells:
        cell.source = COLAB_LINE.sub(f"[▶ Colab에서 열기]({colab_url(repo, path)})", cell.source)
        cell.source = INSTALL.sub(f"cnn_helpers @ git+{repo}", cell.source)
        cell.source = GUIDE_LINK.sub(lambda m: f"]({repo}/blob/main/{m.group(1)})", cell.source)


def sync_readme(text: str, repo: str) -> str:
    return re.sub(r"<!-- lessons:start -->.*?<!-- lessons:end -->", lambda _: lessons_block(repo), text, flags=re.S)


def main(check: bool) -> int:
    repo = repository()
    files = {path: partial(edit_notebook, edit=partial(sync_notebook, repo=repo, path=path))
             for path in sorted(NOTEBOOKS.glob("*.ipynb"))}
    files[ROOT / "README.md"] = partial(sync_readme, repo=repo)
    return rewrite(files, check)


if __name__ == "__main__":
    sys.exit(main("--check" in sys.argv))
