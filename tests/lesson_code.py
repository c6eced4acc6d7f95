"""강의 노트북에 적힌 코드(태그 `lesson-code`가 붙은 코드 셀)를 꺼내 실행합니다.

강의가 직접 보여 주는 블록·모델(LeNet5, vgg_block, …)이 패키지의 시험된 버전과 같은지 검사할 때 씁니다:
노트북을 처음부터 다 돌리지 않고, 그 정의 셀만 학생이 쓰는 것과 같은 import 뒤에서 실행합니다.
"""

from __future__ import annotations

import json
from pathlib import Path

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"
TAG = "lesson-code"
PRELUDE = "import numpy as np\nimport tensorflow as tf\nimport keras\nfrom keras import layers\n"


def lesson_cells(notebook: str, tag: str = TAG) -> list[str]:
    """노트북(파일 이름, 예: '05_lenet5.ipynb')에서 tag가 붙은 코드 셀의 소스 목록."""
    nb = json.loads((NOTEBOOKS / notebook).read_text(encoding="utf-8"))
    return ["".join(c["source"]) for c in nb["cells"]
            if c["cell_type"] == "code" and tag in c.get("metadata", {}).get("tags", [])]


def lesson_namespace(notebook: str, tag: str = TAG) -> dict:
    """tag가 붙은 코드 셀을 차례로 실행한 변수 공간 (정의한 함수·클래스가 들어 있습니다)."""
    cells = lesson_cells(notebook, tag)
    assert cells, f"{notebook}에 태그 '{tag}'가 붙은 코드 셀이 없습니다"
    namespace: dict = {}
    exec(PRELUDE, namespace)
    for source in cells:
        exec(compile(source, f"{notebook}[{tag}]", "exec"), namespace)
    return namespace
