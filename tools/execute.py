"""노트북 실행기 하나 (nbclient): 스크립트와 벤치마크가 노트북을 새 커널에서 처음부터 실행할 때 씁니다.

"skip-execution" 태그가 붙은 셀은 실행하지 않습니다 (nbclient의 기본값, 시험의 nbval-skip과 같은 셀).
커널의 작업 폴더는 노트북이 있는 폴더이고, 커널의 환경 변수는 이 프로세스의 환경에 `env`를 덧씌운 것입니다.
이어진 stdout/stderr 출력은 하나로 합칩니다 (coalesce_streams: 저장된 출력이 실행마다 다르게 쪼개지지 않음,
nbval도 합쳐서 비교).
"""

from __future__ import annotations

import os
import time
from pathlib import Path


def execute(nb, folder: Path, *, env: dict[str, str] | None = None, timeout: int = 900,
            allow_errors: bool = False) -> float:
    """노트북 `nb`(nbformat 노트북)를 새 python3 커널에서 제자리 실행하고 걸린 초를 돌려줍니다.

    allow_errors=False이면 오류가 난 셀에서 멈추고 nbclient의 CellExecutionError를 냅니다.
    True이면 끝까지 실행하고 오류는 셀 출력(output_type "error")으로만 남깁니다.
    """
    from nbclient import NotebookClient

    client = NotebookClient(nb, timeout=timeout, kernel_name="python3", allow_errors=allow_errors,
                            coalesce_streams=True, resources={"metadata": {"path": str(folder)}})
    start = time.perf_counter()
    client.execute(env={**os.environ, **(env or {})})
    return time.perf_counter() - start


def execute_file(path: Path, **kwargs):
    """파일의 노트북을 읽어 실행합니다 (파일은 바꾸지 않음). (노트북, 걸린 초)를 돌려줍니다."""
    import nbformat

    nb = nbformat.read(path, as_version=4)
    return nb, execute(nb, path.parent, **kwargs)
