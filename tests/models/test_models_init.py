"""cnn_helpers.models (패키지 __init__): import 가 TensorFlow를 불러오지 않고, 없는 이름은 한국어 AttributeError."""

from __future__ import annotations

import subprocess
import sys

import pytest

from cnn_helpers import models
from tools import ROOT

from .models_helpers import korean_error


def test_import_does_not_load_tensorflow():
    code = "import sys, cnn_helpers.models; print(sorted(m for m in ('tensorflow', 'keras') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"


def test_unknown_attribute_is_korean_attribute_error():
    with pytest.raises(AttributeError) as excinfo:
        models.LeNet6  # noqa: B018
    korean_error(excinfo, "LeNet6")
