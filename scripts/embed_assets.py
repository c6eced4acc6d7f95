"""노트북 마크다운의 그림(assets/*.gif)을 셀 첨부(attachment)로 노트북 안에 넣습니다.

Colab에서 GitHub의 노트북을 열면 옆에 `../assets`가 없어서 상대 경로 그림이 보이지 않습니다. 그래서 마크다운은
`![설명](attachment:conv_valid.gif)`로 쓰고, 그림 바이트는 그 셀의 `attachments`에 base64로 넣습니다
(Colab·GitHub·JupyterLab·classic Notebook·nbconvert가 모두 보여 줍니다). 셀의 출력은 건드리지 않습니다.

    python -m scripts.embed_assets           # ../assets/x.gif 를 attachment:x.gif 로 바꾸고 첨부를 assets/와 맞춤
    python -m scripts.embed_assets --check   # 첨부가 assets/의 파일과 다르거나 상대 경로 그림이 남았으면 1

`python -m scripts.make_animations`로 GIF를 다시 만든 뒤에 실행하세요.
"""

from __future__ import annotations

import base64
import mimetypes
import re
import sys

from tools import NOTEBOOKS, ROOT
from tools.rewrite import edit_notebook, rewrite

ASSETS = ROOT / "assets"
RELATIVE = re.compile(r"(!\[[^\]]*\]\()\.\./assets/([^)\s]+)(\))")
ATTACHED = re.compile(r"!\[[^\]]*\]\(attachment:([^)\s]+)\)")


def embed(nb) -> None:
    """마크다운 셀의 ../assets/ 그림을 attachment: 로 바꾸고, 셀의 첨부를 assets/의 파일과 맞춥니다."""
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


def main(check: bool) -> int:
    return rewrite({path: lambda text: edit_notebook(text, embed) for path in sorted(NOTEBOOKS.glob("*.ipynb"))}, check)


if __name__ == "__main__":
    sys.exit(main("--check" in sys.argv))
