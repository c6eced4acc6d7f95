"""저장소를 돌보는 도구(시험, 스크립트, 벤치마크, CI)가 함께 쓰는 것. 학생용 패키지(cnn_helpers)에는 들어가지 않습니다.

- `ROOT`, `NOTEBOOKS`: 저장소 뿌리와 노트북 폴더 (여기 한 곳에서만 정함)
- `tools.execute`: 노트북을 새 커널에서 실행 (nbclient)
- `tools.rewrite`: 파일을 읽어 고쳐 쓰거나 `--check`로 다른지만 알림

스크립트와 벤치마크는 저장소 뿌리에서 `python -m scripts.이름`, `python -m benchmarks.이름`으로 실행합니다
(그래야 `tools`를 import 할 수 있음).
"""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"

__all__ = ["NOTEBOOKS", "ROOT"]
