"""저장소 규칙: README의 명령과 CI, 저장된 노트북의 상태, 링크, 린트."""

import json
import re
import subprocess
import sys

import pytest

from tools import NOTEBOOKS as NOTEBOOK_DIR
from tools import ROOT

NOTEBOOKS = sorted(NOTEBOOK_DIR.glob("*.ipynb"))
README = (ROOT / "README.md").read_text(encoding="utf-8")


def readme_commands():
    return re.findall(r"```bash\n(.+?)\n```", README)


def test_readme_has_exactly_two_commands_and_ci_runs_the_test_one():
    commands = readme_commands()
    assert len(commands) == 2
    setup_and_open, test = commands
    assert "jupyterlab" in setup_and_open and "nox -s full" in test
    ci_lines = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert test in ci_lines, ".ci/run은 README의 시험 명령을 그대로 실행해야 합니다"


TIERS = ("quick", "notebooks", "browser", "full", "colab", "min")


def test_tiers_have_one_entry_point():
    """시험의 층은 noxfile.py의 세션입니다: README의 시험 명령은 full, .ci/run은 그다음 판 행렬(colab, min)을 부릅니다.

    `--nbval`은 addopts에 두지 않습니다 (그냥 `pytest`가 노트북까지 돌리지 않도록; notebooks·full 세션이 줌).
    """
    pytest.importorskip("nox")
    listed = subprocess.run([sys.executable, "-m", "nox", "-l", "--json", "-s", *TIERS], cwd=ROOT,
                            capture_output=True, text=True)
    assert listed.returncode == 0, listed.stdout + listed.stderr
    assert set(TIERS) <= {s["session"] for s in json.loads(listed.stdout)}
    assert readme_commands()[1].endswith("python -m nox -s full")
    assert "python -m nox -s colab min" in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    addopts = re.search(r"^addopts = (.*)$", (ROOT / "pyproject.toml").read_text(encoding="utf-8"), re.M).group(1)
    assert "--nbval " not in addopts + " " and "--nbval-current-env" in addopts


def test_links_follow_the_single_repository_url():
    result = subprocess.run([sys.executable, "-m", "scripts.sync_links", "--check"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout
    for nb in NOTEBOOKS:
        assert f"blob/main/notebooks/{nb.name})" in README


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_stored_notebook_is_clean(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    code = [c for c in nb["cells"] if c["cell_type"] == "code" and "".join(c["source"]).strip()]
    # 'skip-execution' 셀(예: %tensorboard)은 일부러 실행하지 않고 시험에서도 건너뜁니다(nbval-skip).
    skipped = [c for c in code if "skip-execution" in c["metadata"].get("tags", [])]
    assert all("nbval-skip" in c["metadata"]["tags"] and not c["outputs"] for c in skipped)
    code = [c for c in code if c not in skipped]
    assert all(c["execution_count"] is not None for c in code), "실행하지 않은 셀이 있습니다: scripts/run_notebooks.py"
    outputs = [o for c in code for o in c["outputs"]]
    assert not [o for o in outputs if o["output_type"] == "error"]
    assert not [o for o in outputs if o.get("name") == "stderr"]
    for value in (nb["metadata"].get("widgets") or {}).values():
        assert "state" in value, "metadata.widgets에 state가 없으면 GitHub이 노트북을 렌더링하지 못합니다"
    markdown = "".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown")
    assert not re.search(r"(src=[\"']|\]\()https?://[^)\"']+\.(gif|png|jpe?g|svg)", markdown), "원격 이미지 금지"
    assert re.match(r"\d\d_[a-z0-9_]+\.ipynb$", path.name), "파일 이름은 ASCII: 01_topic.ipynb"
    assert "lesson_setup(" in "".join("".join(c["source"]) for c in code[:2]), "준비 셀이 있어야 합니다"
    assert "--nbval-lax" not in (ROOT / "pyproject.toml").read_text(encoding="utf-8")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_pictures_live_inside_the_notebook(path):
    """Colab에서 GitHub의 노트북을 열면 옆에 파일이 없습니다: 마크다운 그림은 셀 첨부(attachment:)로 넣습니다."""
    nb = json.loads(path.read_text(encoding="utf-8"))
    for cell in nb["cells"]:
        if cell["cell_type"] != "markdown":
            continue
        source = "".join(cell["source"])
        sources = re.findall(r"!\[[^\]]*\]\(\s*<?([^)\s>]+)", source)
        sources += re.findall(r"<img\b[^>]*\bsrc=[\"']([^\"']+)", source)
        outside = [s for s in sources if not s.startswith(("attachment:", "data:"))]
        assert not outside, f"노트북 밖의 파일을 가리키는 그림: {outside} (python -m scripts.embed_assets)"
        attached = cell.get("attachments", {})
        for name in (s.removeprefix("attachment:") for s in sources if s.startswith("attachment:")):
            assert name in attached, f"첨부가 없는 그림: {name}"


def test_embedded_pictures_are_current():
    """assets/의 그림과 노트북의 셀 첨부가 같습니다 (모든 노트북을 한 번에 확인)."""
    result = subprocess.run([sys.executable, "-m", "scripts.embed_assets", "--check"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout


def test_ruff_clean():
    result = subprocess.run([sys.executable, "-m", "ruff", "check", "."], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout


def test_nothing_reads_files_beside_the_repository():
    """새로 내려받은 저장소만으로 돌아가야 합니다: 저장소 옆의 공유 폴더를 가리키는 파일이 없습니다."""
    tracked = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True).stdout.split()
    if not tracked:
        pytest.skip("git 저장소가 아닙니다")
    texts = [p for p in tracked if p.endswith((".py", ".ipynb", ".md", ".toml", ".cfg", ".txt")) or p.startswith(".ci/")]
    beside = "../" + "shared"  # 이 파일 자신은 걸리지 않도록 나눠 씁니다
    offenders = [p for p in texts if beside in (ROOT / p).read_text(encoding="utf-8", errors="ignore")]
    assert not offenders, offenders


def test_fresh_home_reads_the_bundled_mnist(tmp_path):
    """빈 HOME(Keras 캐시 없음), 환경 변수 없음: load_mnist()가 패키지 안의 부분집합을 읽습니다."""
    import os

    env = {k: v for k, v in os.environ.items() if k not in ("CNN_HELPERS_MNIST", "KERAS_HOME")}
    env["HOME"] = str(tmp_path)
    code = "import cnn_helpers as ch; (x, y), (xt, yt) = ch.load_mnist(); assert x.shape == (7000, 28, 28)"
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "MNIST: 강의에 들어 있는 부분집합에서 읽음 — 학습 7,000장, 시험 2,000장"
