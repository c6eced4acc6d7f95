"""판 행렬: 고정한 판마다 가상환경을 만들어 단위 시험·모든 노트북(strict nbval)·브라우저 시험을 돌리고 표로 보여 줍니다.

환경:
- colab: Colab과 같은 Python 3.13(CPython 3.13.5, `ci/python313.sh`가 한 번 빌드해 저장소 밖 캐시에 둠)과
  ci/constraints-colab.txt — Google Colab 런타임의 판 (TensorFlow 2.20, pandas 2.2.3, ipywidgets 7.7.1, notebook 6.5.7 …).
  Colab 준비 셀의 pip 해석(ci/colab_dry_run.py)과 classic Notebook 6.5 + ipywidgets 7 브라우저 시험(tests/browser/test_classic.py)도.
- min: 이 기계의 Python(3.11)과 ci/constraints-min.txt — pyproject.toml이 요구하는 가장 낮은 판.
  .ci/run은 둘 다 돌립니다 (`python ci/version_matrix.py colab min`); 인자 없이 부르면 colab만.
기본 판(JupyterLab 4 + ipywidgets 8)은 .ci/run의 README 시험 명령이 이미 돌립니다.

    python ci/version_matrix.py                 # 기본 환경 (DEFAULT: colab)
    python ci/version_matrix.py colab min       # 고른 환경
    CNN_MATRIX_VENVS=/tmp/x python ci/version_matrix.py   # 가상환경 위치 (기본: $TMPDIR/cnn-matrix)

가상환경은 제약 파일, pyproject.toml, 인터프리터, 저장소 위치가 같으면 다시 씁니다(설치 단계를 건너뜀). 하나라도 실패하면 1로 끝납니다.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from pathlib import Path

from cnn_helpers._lazy import TF_ENV

ROOT = Path(__file__).resolve().parents[1]
VENVS = Path(os.environ.get("CNN_MATRIX_VENVS", Path(tempfile.gettempdir()) / "cnn-matrix"))
TOOLS = ["pytest>=8", "pytest-timeout>=2.2", "nbval>=0.11", "nbconvert>=7", "hypothesis>=6.100", "scipy>=1.11", "ruff>=0.6", "playwright>=1.45"]
# 이름 → (제약 파일, 더 설치할 것, 브라우저 시험 파일 또는 None, 인터프리터를 주는 스크립트 또는 None(이 Python))
ENVIRONMENTS = {
    "colab": ("ci/constraints-colab.txt", ["notebook"], "tests/browser/test_classic.py", "ci/python313.sh"),
    "min": ("ci/constraints-min.txt", [], None, None),
}
DEFAULT = ["colab"]
ENV = {**TF_ENV, "PYDEVD_DISABLE_FILE_VALIDATION": "1"}


def log(msg: str) -> None:
    print(f"[matrix {time.strftime('%H:%M:%S')}] {msg}", flush=True)


def interpreter(script: str | None) -> str:
    """가상환경을 만들 Python: 스크립트가 있으면 그것이 출력하는 경로(필요하면 빌드), 없으면 이 Python."""
    if script is None:
        return sys.executable
    start = time.monotonic()
    path = subprocess.run(["bash", str(ROOT / script)], check=True, capture_output=False, text=True,
                          stdout=subprocess.PIPE).stdout.strip()
    log(f"인터프리터 {path} ({script}, {time.monotonic() - start:.0f} s)")
    return path


def build(name: str, constraints: str, extra: list[str], base_python: str) -> Path:
    venv = VENVS / name
    python = venv / "bin" / "python"
    stamp = hashlib.sha256()
    # 저장소 위치도 넣습니다: 가상환경의 cnn_helpers는 편집 설치(-e)라 다른 폴더의 클론이면 다시 설치해야 합니다.
    stamp.update(base_python.encode() + str(ROOT).encode())
    for part in (constraints, "pyproject.toml"):
        stamp.update((ROOT / part).read_bytes())
    stamp.update(" ".join(TOOLS + extra).encode())
    stamp_file = venv / ".cnn-matrix-stamp"
    if python.exists() and stamp_file.exists() and stamp_file.read_text() == stamp.hexdigest():
        log(f"{name}: 가상환경 다시 씀 ({venv})")
    else:
        log(f"{name}: 가상환경 만들기 ({venv}, -c {constraints})")
        subprocess.run([base_python, "-m", "venv", "--clear", str(venv)], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "-q", "-U", "pip"], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "-q", "-c", str(ROOT / constraints), "-e", str(ROOT),
                        *TOOLS, *extra], check=True)
        stamp_file.write_text(stamp.hexdigest())
    versions = subprocess.run(
        [str(python), "-c", "import importlib.metadata as m, platform; print('Python ' + platform.python_version(), *["
         "f'{n} {m.version(n)}' for n in ('tensorflow', 'keras', 'numpy', 'matplotlib', 'pandas', 'ipywidgets', 'notebook')], "
         "sep=', ')"], capture_output=True, text=True).stdout.strip()
    log(f"{name}: {versions}")
    return python


def pytest_counts(python: Path, name: str, what: str, args: list[str]) -> tuple[str, float, bool]:
    """pytest를 돌려 ('통과/전체 (실패 n, 건너뜀 n)', 초, 성공?)을 돌려줍니다."""
    with tempfile.TemporaryDirectory() as tmp:
        junit = Path(tmp) / "junit.xml"
        start = time.monotonic()
        log(f"{name}: {what} — pytest {' '.join(args)}")
        result = subprocess.run([str(python), "-m", "pytest", *args, "-q", "-p", "no:cacheprovider",
                                 f"--junitxml={junit}"], cwd=ROOT, env={**os.environ, **ENV})
        elapsed = time.monotonic() - start
        if not junit.exists():
            return f"pytest 실패 (rc {result.returncode})", elapsed, False
        suite = ET.parse(junit).getroot()
        suite = suite if suite.tag == "testsuite" else suite.find("testsuite")
        total, fail = int(suite.get("tests")), int(suite.get("failures")) + int(suite.get("errors"))
        skipped = int(suite.get("skipped"))
    passed = total - fail - skipped
    text = f"{passed}/{total - skipped}" + (f" (건너뜀 {skipped})" if skipped else "")
    return text, elapsed, result.returncode == 0


def main(names: list[str]) -> int:
    rows, ok = [], True
    for name in names or DEFAULT:
        constraints, extra, browser, script = ENVIRONMENTS[name]
        start = time.monotonic()
        python = build(name, constraints, extra, interpreter(script))
        if name == "colab":
            dry = subprocess.run([str(python), "ci/colab_dry_run.py"], cwd=ROOT)
            ok &= dry.returncode == 0
        unit = pytest_counts(python, name, "단위 시험", ["tests", "-m", "not browser"])
        notebooks = pytest_counts(python, name, "노트북 (strict nbval)", ["notebooks"])
        shown = pytest_counts(python, name, "브라우저", [browser, "-s"]) if browser else ("—", 0.0, True)
        ok &= unit[2] and notebooks[2] and shown[2]
        rows.append((name, constraints, unit, notebooks, shown, time.monotonic() - start))

    print("\n| 환경 | 제약 파일 | 단위 시험 | 노트북 셀 (strict nbval) | 브라우저 | 전체 시간 |")
    print("|---|---|---|---|---|---|")
    for name, constraints, unit, notebooks, shown, total in rows:
        cells = [f"{r[0]}, {r[1]:.0f} s" if r[0] != "—" else "—" for r in (unit, notebooks, shown)]
        print(f"| {name} | `{constraints}` | {cells[0]} | {cells[1]} | {cells[2]} | {total / 60:.1f} min |")
    print()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
