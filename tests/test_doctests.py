"""패키지 docstring의 예(doctest)가 실제로 맞는지 (`pytest --doctest-modules cnn_helpers`와 같은 검사).

pyproject의 addopts(nbval)와 부딪히지 않도록 doctest 모듈로 직접 돌립니다.
"""

import doctest
import importlib

import pytest

MODULES = ["arithmetic", "ops", "sliding", "render", "widgets", "exercises._core", "_validate", "analysis.rf",
           "analysis.macs", "diagrams._model", "frontend"]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    module = importlib.import_module(f"cnn_helpers.{name}")
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0, f"{name}: doctest {result.failed}개 실패"
