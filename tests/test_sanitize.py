"""nbval 정리 규칙(tests/nbval_sanitize.cfg): 규칙마다 지울 것은 지우고, 그림 크기 같은 진짜 출력은 남기는지."""

import re
from pathlib import Path

import pytest

CFG = Path(__file__).with_name("nbval_sanitize.cfg")


def patterns():
    """nbval이 읽는 방식 그대로 (nbval.plugin.get_sanitize_patterns와 같은 정규식)."""
    return re.findall("^regex: (.*)$\n^replace: (.*)$", CFG.read_text(encoding="utf-8"), flags=re.MULTILINE)


def rule(word):
    found = [(r, s) for r, s in patterns() if word in s]
    assert len(found) == 1, f"{word} 규칙이 하나여야 합니다: {found}"
    return found[0]


def sanitize(text):
    for regex, replace in patterns():
        text = re.sub(regex, replace, text)
    return text


def test_config_is_read_like_nbval():
    nbval_plugin = pytest.importorskip("nbval.plugin")
    assert nbval_plugin.get_sanitize_patterns(CFG.read_text(encoding="utf-8")) == patterns()
    assert len(patterns()) == 2


@pytest.mark.parametrize("text", [repr(object()), "<function f at 0x7f3a2b1c4d90>", "at 0x55d0c0ffee00>"],
                         ids=["object", "function", "bare"])  # 고정 이름: pytest-xdist 작업자마다 주소가 다름
def test_address_rule_rewrites_addresses(text):
    regex, _ = rule("0xADDRESS")
    assert re.search(regex, text), text
    assert "0xADDRESS" in sanitize(text)


@pytest.mark.parametrize(
    "text",
    [
        "<Figure size 520x290 with 1 Axes>",
        "<Figure size 10x10 with 1 Axes>",
        "<Figure size 1000x1200 with 4 Axes>",
        "28x28 입력, 0x0 패딩",  # 크기와 가까운 글
        "iVBORw0KGgoAAAANSUhEUgAAA0x6lTgABCDEF",  # base64 안의 '0x...'
        "0x1f",  # 짧은 16진수 상수는 주소가 아닙니다
    ],
)
def test_address_rule_leaves_sizes_and_nearby_text(text):
    regex, _ = rule("0xADDRESS")
    assert re.search(regex, text) is None
    assert sanitize(text) == text


def test_sizes_still_differ_after_sanitising():
    assert sanitize("<Figure size 10x10 with 1 Axes>") != sanitize("<Figure size 10x12 with 1 Axes>")


def test_version_rule_is_narrow():
    assert sanitize("numpy 2.1.3, TensorFlow 2.18.0") == "numpy VERSION, TensorFlow VERSION"
    assert sanitize("numpy 크기 520x290") == "numpy 크기 520x290"
