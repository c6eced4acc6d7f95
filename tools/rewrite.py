"""파일(노트북·README)을 읽어 고친 글로 바꿔 쓰거나, `--check`이면 다른지만 알리는 공용 흐름.

    rewrite({path: 고치는_함수, …}, check)   # 고치는_함수: 옛 글 → 새 글

scripts/sync_links.py, scripts/embed_assets.py가 씁니다. 노트북은 `edit_notebook`으로 nbformat 노트북을 고쳐
같은 모양(nbformat.writes + 끝 줄바꿈)으로 다시 씁니다.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

from tools import ROOT


def edit_notebook(text: str, edit: Callable) -> str:
    """노트북 글(JSON)을 읽어 `edit(nb)`로 제자리에서 고친 뒤 다시 글로 돌려줍니다."""
    import nbformat

    nb = nbformat.reads(text, as_version=4)
    edit(nb)
    return nbformat.writes(nb) + "\n"


def rewrite(files: Mapping[Path, Callable[[str], str]], check: bool) -> int:
    """파일마다 옛 글을 고쳐 새 글을 만들고, 다르면 씁니다(check=False) 또는 알리기만 합니다(check=True).

    돌려주는 값은 종료 코드: check이고 다른 파일이 있으면 1, 아니면 0.
    """
    changed = []
    for path, transform in files.items():
        old = path.read_text(encoding="utf-8")
        new = transform(old)
        if new != old:
            changed.append(path)
            if not check:
                path.write_text(new, encoding="utf-8")
    for path in changed:
        print(("다름: " if check else "고침: ") + str(path.relative_to(ROOT)))
    return 1 if (check and changed) else 0
