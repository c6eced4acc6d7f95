"""cnn_helpers.analysis (패키지 __init__): import 는 가벼워야 함."""

from __future__ import annotations

import subprocess
import sys


def test_import_does_not_load_tensorflow():
    code = "import sys, cnn_helpers.analysis; print('tensorflow' in sys.modules, 'keras' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]
