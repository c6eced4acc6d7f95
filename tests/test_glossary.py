"""용어집: 노트북이 GLOSSARY.md에서 '쓰지 않는 표기'로 정한 말을 쓰지 않는지 확인합니다."""

import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
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


def notebook_text(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    return "\n".join("".join(c["source"]) for c in nb["cells"])


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_uses_glossary_terms(path):
    text = notebook_text(path)
    found = [(b, term) for term, _, _, banned in glossary_rows() for b in banned if b in text]
    assert not found, "용어집과 다른 표기: " + ", ".join(f"'{b}' 대신 '{t}'" for b, t in found)


def test_checker_catches_a_banned_spelling(tmp_path):
    """대조: 금지 표기를 넣은 노트북은 실제로 걸립니다."""
    nb = {"cells": [{"cell_type": "markdown", "source": ["컨볼루션 연산과 보폭"]}]}
    path = tmp_path / "x.ipynb"
    path.write_text(json.dumps(nb, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(AssertionError, match="'보폭' 대신 '스트라이드'"):
        test_notebook_uses_glossary_terms(path)
