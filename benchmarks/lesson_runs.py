"""강의 노트북을 새 커널에서 여러 번 실행해 전체 시간과, 실행마다 달라질 수 있는 출력(학습 결과)을 모읍니다.

    python -m benchmarks.lesson_runs notebooks/05_lenet5.ipynb --runs 3

저장소의 노트북은 바꾸지 않습니다(임시 복사본을 실행). `nbval-ignore-output` 셀의 텍스트 출력(예: 학습 시간과
시험 정확도)을 실행마다 한 줄씩 보여 주므로, 결과가 얼마나 흔들리는지와 노트북 전체 실행 시간을 함께 볼 수 있습니다.
"""

from __future__ import annotations

import argparse
import statistics
from pathlib import Path

from cnn_helpers._lazy import TF_ENV
from tools.execute import execute_file


def run_once(path: Path) -> tuple[float, list[str]]:
    nb, seconds = execute_file(path, env=TF_ENV)
    varying = []
    for cell in nb.cells:
        if cell.cell_type == "code" and "nbval-ignore-output" in cell.metadata.get("tags", []):
            varying += [o.text.strip() for o in cell.outputs if o.output_type == "stream" and o.name == "stdout"]
    return seconds, varying


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebook", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    times = []
    for i in range(args.runs):
        seconds, varying = run_once(args.notebook.resolve())
        times.append(seconds)
        print(f"실행 {i + 1}: 노트북 전체 {seconds:.1f}초 | " + " | ".join(varying), flush=True)
    print(f"노트북 전체 시간: 중앙값 {statistics.median(times):.1f}초, 최소 {min(times):.1f}초, 최대 {max(times):.1f}초")


if __name__ == "__main__":
    main()
