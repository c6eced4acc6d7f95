"""저장소를 돌보는 도구(시험, 스크립트, 벤치마크, CI)가 함께 쓰는 것. 학생용 패키지(cnn_helpers)에는 들어가지 않습니다."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"

__all__ = ["NOTEBOOKS", "ROOT"]
