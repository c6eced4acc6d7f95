"""cnn_helpers의 모양: 공개 API는 강의·README·교사용 안내서·ARCHITECTURE.md가 쓰는 이름뿐이고, 모듈끼리
남의 비공개 이름(_로 시작)을 가져다 쓰지 않으며, Keras의 내부는 analysis/_graph.py만 만지고, import는 가볍습니다."""

from __future__ import annotations

import ast
import importlib
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

import cnn_helpers as ch
from tools import ROOT

PACKAGE = Path(ch.__file__).parent
MODULES = sorted(PACKAGE.rglob("*.py"))


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _is_public(path: Path) -> bool:
    return not any(part.startswith("_") and part != "__init__.py" for part in path.relative_to(PACKAGE).parts)


def _documents() -> str:
    """공개 이름이 쓰여야 하는 곳: 강의의 코드 셀, README, 교사용 안내서(docs/), ARCHITECTURE.md."""
    texts = [(ROOT / "README.md").read_text(encoding="utf-8"), (ROOT / "ARCHITECTURE.md").read_text(encoding="utf-8")]
    texts += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "docs").rglob("*.md"))]
    for nb in sorted((ROOT / "notebooks").glob("*.ipynb")):
        cells = json.loads(nb.read_text(encoding="utf-8"))["cells"]
        texts += ["".join(c["source"]) for c in cells if c["cell_type"] == "code"]
    return "\n".join(texts)


PUBLIC = [pytest.param(_module_name(p), id=_module_name(p)) for p in MODULES if _is_public(p)]


@pytest.mark.parametrize("module", PUBLIC)
def test_every_public_name_is_used_by_the_course(module):
    names = getattr(importlib.import_module(module), "__all__", [])
    text = _documents()
    unused = [n for n in names if not re.search(rf"(?<![\w]){re.escape(n)}(?![\w])", text)]
    assert unused == [], f"{module}.__all__의 {unused}: 강의·README·docs·ARCHITECTURE.md 어디에도 없습니다 (비공개로 하거나 지우세요)"


def test_no_module_imports_another_modules_private_names():
    """`from .x import _name`은 안 됩니다. 비공개 모듈(`from . import _lazy`, `from ._validate import check_int`)은 됩니다:
    패키지 안에서 함께 쓰는 도구이고, 그 안의 이름에는 _를 붙이지 않습니다."""
    offenders = []
    for path in MODULES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module not in (None, "__future__"):
                offenders += [f"{path.relative_to(PACKAGE)}: from {'.' * node.level}{node.module} import {a.name}"
                              for a in node.names if a.name.startswith("_")]
    assert offenders == []


def test_keras_internals_only_in_the_graph_adapter():
    internal = re.compile(r"\._inbound_nodes|\._outbound_nodes|\._keras_history|keras\.src\b|\._operation\b")
    offenders = [str(p.relative_to(PACKAGE)) for p in MODULES
                 if p.name != "_graph.py" and internal.search(p.read_text(encoding="utf-8"))]
    assert offenders == []


def test_no_module_is_over_600_lines():
    long = {str(p.relative_to(PACKAGE)): n for p in MODULES if (n := len(p.read_text(encoding="utf-8").splitlines())) > 600}
    assert long == {}


def test_every_export_resolves_and_unknown_names_are_korean():
    for name in ch.__all__:
        assert getattr(ch, name) is not None, name
    with pytest.raises(AttributeError, match="cnn_helpers에는 'conv3d'이\\(가\\) 없습니다"):
        ch.conv3d  # noqa: B018


def test_only_lazy_imports_keras():
    """TensorFlow를 부르는 곳은 _lazy 하나뿐입니다 (import tensorflow / import keras를 직접 쓰지 않음)."""
    offenders = [
        str(p.relative_to(PACKAGE))
        for p in MODULES
        if p.name != "_lazy.py"
        and any(line.strip() in ("import keras", "import tensorflow as tf", "import tensorflow")
                for line in p.read_text(encoding="utf-8").splitlines())
    ]
    assert offenders == []


def test_import_stays_light():
    code = ("import sys, cnn_helpers, cnn_helpers.analysis, cnn_helpers.models, cnn_helpers.exercises, "
            "cnn_helpers.widgets, cnn_helpers.diagrams; print(sorted({'tensorflow', 'keras'} & set(sys.modules)))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_tf_environment_is_set_in_one_place():
    """TensorFlow의 환경 변수(TF_CPP_MIN_LOG_LEVEL, TF_ENABLE_ONEDNN_OPTS)를 정하는 곳은 _lazy.TF_ENV 하나입니다."""
    places = [str(p.relative_to(ROOT)) for folder in ("cnn_helpers", "tests", "scripts", "benchmarks", ".ci")
              for p in sorted((ROOT / folder).rglob("*.py"))
              if re.search(r"[\"']TF_CPP_MIN_LOG_LEVEL[\"']\s*[:,=]", p.read_text(encoding="utf-8"))]
    assert places == ["cnn_helpers/_lazy.py"]
