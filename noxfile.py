"""시험의 한 입구: 층마다 nox 세션 하나 (`python -m nox -l`로 목록).

    python -m nox                  # quick: 단위 시험만 (노트북·브라우저·느린 시험 빼고) — 고치고 확인하는 고리
    python -m nox -s notebooks     # 모든 노트북을 저장된 출력과 한 셀씩 비교 (strict nbval)
    python -m nox -s browser       # 실제 Chromium으로 여는 시험
    python -m nox -s full          # 배포 전에 전부: README의 시험 명령이 이것을 부릅니다
    python -m nox -s colab min     # 판 행렬: Colab의 Python 3.13과 판, pyproject.toml의 가장 낮은 판 (가상환경)

세션 뒤의 인자는 pytest로 갑니다: `python -m nox -s quick -- -n 0 tests/test_ops.py -x` (`-n 0`: 작업자 없이 바로).
quick·notebooks·browser·full은 지금의 Python 환경에서 돌고(`pip install -e ".[test]"` 다음), colab·min은 `.nox/` 아래에
제약 파일로 가상환경을 만듭니다(다시 부르면 그 환경을 다시 쓰고, pip가 바뀐 것만 설치). 표시(marker)는 pyproject.toml과
conftest.py에 있습니다: `notebooks`(nbval 셀), `browser`, `slow`(nbgrader 왕복, 큰 keras.applications 모델, 학습).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import nox

ROOT = Path(__file__).resolve().parent
nox.options.sessions = ["quick"]
nox.options.error_on_missing_interpreters = True
nox.options.download_python = "never"
nox.options.reuse_venv = "yes"

# 여러 작업자, 시험 파일(노트북) 하나는 한 작업자에서: nbval은 한 노트북의 셀을 한 커널에서 차례로 돌려야 합니다
# (nbval README의 "Parallel execution"). loadgroup은 pytest 9.2와 함께 묶음을 잃어 쓰지 않습니다 (pytest-xdist 3.8).
# 파일은 모은 순서대로 나눠 줍니다(xdist 기본값인 '시험 수가 많은 파일부터'가 아니라): conftest.py가 무거운 파일을
# 앞에 둡니다. 작업자는 셋: 2코어에서도 브라우저·nbgrader·커널 시작을 기다리는 동안 CPU가 놀아, full 층이 둘일 때보다
# 빠릅니다(조용한 2코어 기계에서 496초 → 462초, 2026-12-06).
PARALLEL = ("-n", "3", "--dist", "loadscope", "--no-loadscope-reorder")
QUICK = "not slow and not browser"

# Colab과 같은 CPython 3.13.5: .ci/python313.sh가 한 번 빌드해 저장소 밖 캐시에 둡니다.
PY313 = Path(os.environ.get("CNN_PYTHON_CACHE", "/var/cache/cnn-course")) / "python-3.13.5" / "bin" / "python3.13"
# 판 행렬에 설치할 시험 도구: pyproject의 test extra에서 JupyterLab 4·ipywidgets 8이 필요한 것과 책 빌드 도구
# (책 시험은 브라우저 시험이라 판 행렬에서 돌지 않음)를 뺍니다
# (두 환경 모두 ipywidgets 7 + classic Notebook 6.5로 고정; nbgrader 0.9는 notebook 6.5와 맞지 않음).
LAB_ONLY = ("jupyterlab", "ipywidgets", "jupyterlab-rise", "nbgrader", "myst-nb", "sphinx-book-theme")
TEST_EXTRA = nox.project.load_toml(ROOT / "pyproject.toml")["project"]["optional-dependencies"]["test"]
MATRIX_TOOLS = [req for req in TEST_EXTRA if not req.startswith(LAB_ONLY)]


def _pytest(session: nox.Session, *args: str) -> None:
    session.run("python" if session.venv_backend != "none" else sys.executable, "-m", "pytest", *args,
                *session.posargs)


@nox.session(venv_backend="none")
def quick(session: nox.Session) -> None:
    """단위 시험만 (노트북·브라우저·느린 시험 빼고, 두 작업자로 2코어에서 90초 이하; 한 파일만 돌릴 때는 `-- -n 0 파일`)."""
    _pytest(session, "-m", QUICK, "-n", "2", "--dist", "loadscope")


@nox.session(venv_backend="none")
def notebooks(session: nox.Session) -> None:
    """모든 노트북을 새 커널에서 실행해 저장된 출력과 한 셀씩 비교 (strict nbval)."""
    _pytest(session, "--nbval", "notebooks", *PARALLEL)


@nox.session(venv_backend="none")
def browser(session: nox.Session) -> None:
    """JupyterLab·RISE·오프라인 슬라이드를 실제 Chromium으로 여는 시험."""
    _pytest(session, "-m", "browser")


@nox.session(venv_backend="none")
def full(session: nox.Session) -> None:
    """배포에 필요한 전부: 단위·느린 시험, 모든 노트북(strict nbval), 브라우저 — README의 시험 명령 (가장 느린 25개를 보여 줌)."""
    _pytest(session, "--nbval", *PARALLEL, "--durations=25")


@nox.session(venv_backend="none")
def python313(session: nox.Session) -> None:
    """Colab과 같은 CPython 3.13.5를 한 번 빌드해 캐시에 둡니다 (있으면 그대로; colab 세션이 먼저 부름)."""
    session.run("bash", str(ROOT / ".ci" / "python313.sh"), silent=True)


def _matrix(session: nox.Session, constraints: str, extra: list[str]) -> None:
    """제약 파일로 설치한 가상환경에서 단위·느린 시험과 모든 노트북 (브라우저 시험은 세션마다 따로)."""
    session.env["PYDEVD_DISABLE_FILE_VALIDATION"] = "1"  # 커널의 debugpy 경고(frozen modules)를 끔
    session.install("-U", "pip")
    session.install("-c", f".ci/{constraints}", "-e", ".", *MATRIX_TOOLS, *extra)
    session.run("python", "-c", "import importlib.metadata as m, platform; print('Python', platform.python_version(), "
                "*(f'{n} {m.version(n)}' for n in ('tensorflow', 'keras', 'numpy', 'pandas', 'ipywidgets', 'notebook')), "
                "sep=', ')")
    _pytest(session, "--nbval", "-m", "not browser", *PARALLEL)


@nox.session(python=str(PY313), requires=["python313"])
def colab(session: nox.Session) -> None:
    """Colab의 Python 3.13과 판(.ci/constraints-colab.txt): 준비 셀의 pip 해석, 시험, 노트북, classic Notebook 브라우저 시험."""
    _matrix(session, "constraints-colab.txt", ["notebook"])
    session.run("python", ".ci/colab_dry_run.py")
    _pytest(session, "tests/browser/test_classic.py")


@nox.session(name="min", python=sys.executable)
def minimum(session: nox.Session) -> None:
    """pyproject.toml이 요구하는 가장 낮은 판(.ci/constraints-min.txt), 이 기계의 Python에서."""
    _matrix(session, "constraints-min.txt", [])
