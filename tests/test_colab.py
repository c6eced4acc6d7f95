"""Colab 준비 셀(모든 강의의 첫 코드 셀)의 Colab 분기를 흉내 내어 실행합니다 (네트워크 없음).

- pip 명령에 Colab에 깔린 TensorFlow·Keras·numpy·ipywidgets의 지금 판이 `==`로 들어가 pip가 올리지 못합니다.
- 성공하면 한국어 한 줄을 찍고, 실패하면 pip 메시지와 함께 무엇을 하면 되는지 한국어로 알립니다.
실제 pip 해석(Colab 판으로 --dry-run)은 .ci/colab_dry_run.py가 합니다 (.ci/run의 판 행렬에서 실행).
"""

from __future__ import annotations

import json
import subprocess
import sys
import types
from importlib import metadata
from pathlib import Path

import pytest

from tools import ROOT

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
KEPT = ("tensorflow", "keras", "numpy", "ipywidgets")


def setup_source(path: Path) -> str:
    nb = json.loads(path.read_text(encoding="utf-8"))
    return "".join(next(c for c in nb["cells"] if c["cell_type"] == "code")["source"])


def colab_part(source: str) -> str:
    return source.split("\nfrom cnn_helpers.lesson import")[0]


def run_as_colab(monkeypatch, source: str, returncode: int):
    calls = []

    def fake_run(cmd, **kwargs):
        calls.append(cmd)
        return subprocess.CompletedProcess(cmd, returncode, stdout="", stderr="ERROR: 흉내 낸 실패\n")

    monkeypatch.setitem(sys.modules, "google", types.ModuleType("google"))
    monkeypatch.setitem(sys.modules, "google.colab", types.ModuleType("google.colab"))
    monkeypatch.setattr(subprocess, "run", fake_run)
    exec(compile(colab_part(source), "setup-cell", "exec"), {"__name__": "__main__"})
    return calls


def test_every_lesson_has_the_same_setup_cell():
    assert len({setup_source(p) for p in NOTEBOOKS}) == 1, "python -m scripts.sync_links"


def test_colab_install_keeps_colab_versions(monkeypatch, capsys):
    calls = run_as_colab(monkeypatch, setup_source(NOTEBOOKS[0]), returncode=0)
    assert len(calls) == 1
    cmd = calls[0]
    assert cmd[:4] == [sys.executable, "-m", "pip", "install"]
    assert "--upgrade" not in cmd and "-U" not in cmd
    assert any(a.startswith("cnn_helpers @ git+https://") for a in cmd)
    for name in KEPT:
        assert f"{name}=={metadata.version(name)}" in cmd, name
    out = capsys.readouterr().out.strip().splitlines()
    assert len(out) == 1 and out[0].startswith("설치 완료: cnn_helpers"), out
    assert f"ipywidgets=={metadata.version('ipywidgets')}" in out[0]


def test_colab_install_failure_says_what_to_do(monkeypatch, capsys):
    with pytest.raises(RuntimeError, match="설치 실패.*세션 다시 시작"):
        run_as_colab(monkeypatch, setup_source(NOTEBOOKS[0]), returncode=1)
    assert "흉내 낸 실패" in capsys.readouterr().out


def test_outside_colab_the_cell_installs_nothing(monkeypatch):
    monkeypatch.delitem(sys.modules, "google.colab", raising=False)
    monkeypatch.setattr(subprocess, "run", lambda *a, **k: pytest.fail("Colab 밖에서 pip를 실행했습니다"))
    exec(compile(colab_part(setup_source(NOTEBOOKS[0])), "setup-cell", "exec"), {"__name__": "__main__"})
