"""모든 강의 노트북(또는 지정한 노트북)을 새 커널에서 처음부터 실행해 출력을 제자리에 저장합니다.

저장된 출력이 학생이 실제로 볼 출력과 같도록, 노트북을 고친 뒤에는 반드시 이 스크립트를 실행하세요.

    python -m scripts.run_notebooks                  # notebooks/*.ipynb 전부
    python -m scripts.run_notebooks notebooks/01_convolution.ipynb

"skip-execution" 태그가 붙은 셀(예: %tensorboard)은 실행하지 않습니다(시험에서도 nbval-skip으로 건너뜀).
시험(pytest --nbval)과 같은 환경을 쓰도록 TensorFlow 로그 변수를 설정하고, GitHub이 렌더링하지 못하는
불완전한 위젯 상태(metadata.widgets)와 실행 시각 메타데이터를 지웁니다.
"""

from __future__ import annotations

import sys
from pathlib import Path

from cnn_helpers._lazy import TF_ENV
from tools import NOTEBOOKS
from tools.execute import execute_file

ENV = {**TF_ENV, "MPLBACKEND": "module://matplotlib_inline.backend_inline"}


def clean(nb) -> None:
    """실행 후 남는, 시험과 무관하고 매번 바뀌는 메타데이터를 지웁니다."""
    nb.metadata.pop("widgets", None)
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
        if cell.cell_type == "code":
            bad = [o for o in cell.outputs if o.output_type == "error" or o.get("name") == "stderr"]
            if bad:
                raise SystemExit(f"{cell.get('id')} 셀에 오류/stderr 출력이 있습니다:\n{bad[0]}")


def run(path: Path) -> float:
    import nbformat

    nb, seconds = execute_file(path, env=ENV)
    clean(nb)
    nbformat.write(nb, path)
    return seconds


def main(argv: list[str]) -> None:
    paths = [Path(a).resolve() for a in argv] or sorted(NOTEBOOKS.glob("*.ipynb"))
    for path in paths:
        print(f"{path.name}: 실행 중…", flush=True)
        print(f"{path.name}: {run(path):.1f}초", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
