"""시험 공통 설정.

TensorFlow가 import 때 stderr에 쓰는 로그를 끕니다. nbval이 띄우는 커널은 이 환경을 물려받으므로
노트북 실행에도 적용됩니다 (커널 안에서 설정하면 이미 늦습니다).

층(표시): nbval이 모은 노트북 셀에는 여기서 `notebooks`를 붙입니다. `browser`와 `slow`는 시험 파일이 붙입니다.
"""

import os

import pytest

from cnn_helpers._lazy import TF_ENV

for name, value in TF_ENV.items():
    os.environ.setdefault(name, value)


def pytest_collection_modifyitems(config, items):
    for item in items:
        if item.path.suffix == ".ipynb":
            item.add_marker(pytest.mark.notebooks)
