"""용어집: 노트북이 GLOSSARY.md에서 '쓰지 않는 표기'로 정한 말을 쓰지 않는지 확인합니다."""

import json
import re

import pytest

from tools import ROOT

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


def glossary_rows():
    rows = []
    for line in (ROOT / "GLOSSARY.md").read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 4 and cells[0] not in ("용어", "---"):
            term, english, aliases, banned = cells
            rows.append((term, english, [a for a in re.split(r",\s*", aliases) if a],
                         [b for b in re.split(r",\s*", banned) if b]))
    return rows


def test_glossary_is_well_formed():
    rows = glossary_rows()
    assert len(rows) >= 30
    terms = [r[0] for r in rows]
    assert len(terms) == len(set(terms)), "용어가 두 번 나옵니다"
    for term, english, aliases, banned in rows:
        assert english, f"{term}: 영어 용어가 없습니다"
        assert not set(banned) & ({term} | set(aliases)), f"{term}: 허용과 금지에 같은 표기"


def context_patterns():
    """'문맥으로 가리는 표기' 표의 (정규식, 대신 쓸 말) 목록. 표 안의 `\\|`는 정규식의 |입니다."""
    section = (ROOT / "GLOSSARY.md").read_text(encoding="utf-8").split("## 문맥으로 가리는 표기", 1)[1]
    rows = []
    for line in section.splitlines():
        if line.startswith("| `"):
            pattern, instead = line[3:].split("` |", 1)
            rows.append((re.compile(pattern.replace("\\|", "|")), instead.strip(" |")))
    return rows


def markdown_text(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    return "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown")


def notebook_text(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    return "\n".join("".join(c["source"]) for c in nb["cells"])


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_uses_glossary_terms(path):
    text = notebook_text(path)
    found = [(b, term) for term, _, _, banned in glossary_rows() for b in banned if b in text]
    assert not found, "용어집과 다른 표기: " + ", ".join(f"'{b}' 대신 '{t}'" for b, t in found)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_prose_uses_one_meaning_per_word(path):
    text = markdown_text(path)
    found = [f"'{m.group(0)}' → {instead}" for pattern, instead in context_patterns() for m in pattern.finditer(text)]
    assert not found, "용어집의 '한 낱말, 한 뜻'과 다른 글: " + "; ".join(found)


def test_context_patterns_catch_what_they_should(tmp_path):
    """대조: 정규식이 걸러야 할 글은 걸고, 같은 글자가 든 바른 글은 두지 않습니다."""
    patterns = context_patterns()
    assert len(patterns) >= 4

    def caught(text):
        return [instead for pattern, instead in patterns if pattern.search(text)]

    assert caught("평범한 망은 깊어질수록") == ["신경망"]
    assert caught("10개 클래스의 확률") == ["부류"]
    assert caught("저장된 출력과 비교합니다")
    assert caught("시험으로 검증된 함수") == ["검사, 확인"]
    for fine in ("신경망은 깊어질수록", "`LeNet5` 클래스를 정의합니다", "시험 데이터의 정확도", "희망을 품고"):
        assert not caught(fine), fine


def test_checker_catches_a_banned_spelling(tmp_path):
    """대조: 금지 표기를 넣은 노트북은 실제로 걸립니다."""
    nb = {"cells": [{"cell_type": "markdown", "source": ["컨볼루션 연산과 보폭"]}]}
    path = tmp_path / "x.ipynb"
    path.write_text(json.dumps(nb, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(AssertionError, match="'보폭' 대신 '스트라이드'"):
        test_notebook_uses_glossary_terms(path)
