"""cnn_helpers 꼭대기: 모든 공개 하위 모듈을 ch.NAME으로 쓸 수 있고, 예전 이름이 계속 동작합니다."""

import subprocess
import sys

import cnn_helpers as ch


def test_every_submodule_is_reachable():
    for name in ch._SUBMODULES:
        assert getattr(ch, name).__name__ == f"cnn_helpers.{name}"
    assert callable(ch.rf_explorer.rf_explorer)


def test_strategy_is_an_alias_of_choose_strategy():
    assert ch.strategy is ch.choose_strategy


def test_every_export_resolves():
    for name in ch._EXPORTS:
        assert callable(getattr(ch, name)), name


def test_only_lazy_imports_keras():
    """TensorFlow를 부르는 곳은 _lazy 하나뿐입니다 (import tensorflow / import keras를 직접 쓰지 않음)."""
    from pathlib import Path

    root = Path(ch.__file__).parent
    offenders = [
        str(p.relative_to(root))
        for p in root.rglob("*.py")
        if p.name != "_lazy.py"
        and any(line.strip() in ("import keras", "import tensorflow as tf", "import tensorflow")
                for line in p.read_text(encoding="utf-8").splitlines())
    ]
    assert offenders == []


def test_import_stays_light():
    code = "import sys, cnn_helpers, cnn_helpers.analysis, cnn_helpers.models, cnn_helpers.exercises; " \
           "print(sorted({'tensorflow', 'keras'} & set(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_every_subpackage_is_listed_for_installation():
    """pyproject의 packages에 없는 하위 패키지는 설치본(pip install .)에서 빠집니다."""
    from pathlib import Path

    import tomllib

    root = Path(ch.__file__).parent
    on_disk = {"cnn_helpers"} | {
        "cnn_helpers." + ".".join(p.parent.relative_to(root).parts) for p in root.glob("*/__init__.py")
    }
    pyproject = tomllib.loads((root.parent / "pyproject.toml").read_text(encoding="utf-8"))
    assert set(pyproject["tool"]["setuptools"]["packages"]) == on_disk
