"""노트북 마크다운의 그림(assets/*.gif)을 셀 첨부(attachment)로 노트북 안에 넣습니다.

Colab에서 GitHub의 노트북을 열면 옆에 `../assets`가 없어서 상대 경로 그림이 보이지 않습니다. 그래서 마크다운은
`![설명](attachment:conv_valid.gif)`로 쓰고, 그림 바이트는 그 셀의 `attachments`에 base64로 넣습니다
(Colab·GitHub·JupyterLab·classic Notebook·nbconvert가 모두 보여 줍니다). 셀의 출력은 건드리지 않습니다.

    python scripts/embed_assets.py           # ../assets/x.gif 를 attachment:x.gif 로 바꾸고 첨부를 assets/와 맞춤
    python scripts/embed_assets.py --check   # 첨부가 assets/의 파일과 다르거나 상대 경로 그림이 남았으면 1

`scripts/make_animations.py`로 GIF를 다시 만든 뒤에 실행하세요.
"""

from __future__ import annotations

import base64
import mimetypes
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
ASSETS = ROOT / "assets"
RELATIVE = re.compile(r"(!\[[^\]]*\]\()\.\./assets/([^)\s]+)(\))")
ATTACHED = re.compile(r"!\[[^\]]*\]\(attachment:([^)\s]+)\)")


def synced_notebook(text: str) -> str:
    import nbformat

    nb = nbformat.reads(text, as_version=4)
    for cell in nb.cells:
        if cell.cell_type != "markdown":
            continue
        cell.source = RELATIVE.sub(r"\1attachment:\2\3", cell.source)
        names = ATTACHED.findall(cell.source)
        if not names:
            continue
        attachments = {}
        for name in names:
            mime = mimetypes.guess_type(name)[0] or "application/octet-stream"
            attachments[name] = {mime: base64.b64encode((ASSETS / name).read_bytes()).decode("ascii")}
        cell.attachments = attachments
    return nbformat.writes(nb) + "\n"


def main(check: bool) -> int:
    changed = []
    for path in sorted(NOTEBOOKS.glob("*.ipynb")):
        old = path.read_text(encoding="utf-8")
        new = synced_notebook(old)
        if new != old:
            changed.append(path)
            if not check:
                path.write_text(new, encoding="utf-8")
    for path in changed:
        print(("다름: " if check else "고침: ") + str(path.relative_to(ROOT)))
    return 1 if (check and changed) else 0


if __name__ == "__main__":
    sys.exit(main("--check" in sys.argv))
