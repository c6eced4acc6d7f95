"""핵심 경로는 더 알아보기 없이도 돕니다: 핵심 경로의 코드 셀과 끝의 검사 셀은 더 알아보기에서만 만드는 이름을
(그 더 알아보기를 실행했는지 묻는 `if` 밖에서) 쓰지 않습니다.

노트북을 더 알아보기를 빼고 다시 돌리는 대신 코드를 정적으로 읽습니다(셀마다 ast). 학생이 정리에서 멈추고 검사 셀만
실행해도 NameError가 나지 않아야 합니다.
"""

from __future__ import annotations

import ast
import builtins
import json
import re

import pytest

from tools import NOTEBOOKS

LESSONS = sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))


def _parts(path) -> tuple[list[str], list[str], list[str]]:
    """(핵심 경로, 더 알아보기, 검사) 코드 셀의 소스. 검사는 '## 검사' 제목 뒤, 더 알아보기는 그 사이."""
    core, optional, check = [], [], []
    part = core
    for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
        source = "".join(cell["source"])
        if cell["cell_type"] == "markdown":
            if re.match(r"##\s*더 알아보기", source):
                part = optional
            elif re.match(r"##\s*검사", source):
                part = check
        elif cell["cell_type"] == "code":
            # IPython 명령(%, !)은 파이썬 문법이 아니므로 뺍니다.
            part.append("\n".join(line for line in source.splitlines() if not line.lstrip().startswith(("%", "!"))))
    return core, optional, check


def _defined(sources) -> set[str]:
    names = set()
    for tree in map(ast.parse, sources):
        for node in ast.walk(tree):
            if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                names.add(node.id)
            elif isinstance(node, ast.arg):  # 함수·람다의 매개변수
                names.add(node.arg)
            elif isinstance(node, (ast.FunctionDef, ast.ClassDef)):
                names.add(node.name)
            elif isinstance(node, (ast.Import, ast.ImportFrom)):
                names.update((a.asname or a.name).split(".")[0] for a in node.names)
    return names


def _unguarded_loads(source) -> set[str]:
    """`if` 밖에서 읽는 이름들."""
    loads = set()

    def visit(node, guarded):
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load) and not guarded:
            loads.add(node.id)
        for child in ast.iter_child_nodes(node):
            visit(child, guarded or isinstance(node, ast.If) and child is not node.test)

    visit(ast.parse(source), False)
    return loads


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.name)
def test_core_path_and_check_cell_need_no_optional_section(path):
    core, optional, check = _parts(path)
    assert core and check, "핵심 경로와 '## 검사' 셀이 있어야 합니다"
    only_optional = _defined(optional) - _defined(core + check) - set(dir(builtins))
    for part, sources in (("핵심 경로", core), ("검사 셀", check)):
        used = set().union(*map(_unguarded_loads, sources)) & only_optional
        assert not used, f"{path.name}의 {part}가 더 알아보기에서만 만드는 이름을 씁니다: {sorted(used)}"


def test_the_check_notices_an_unguarded_name():
    assert _unguarded_loads("if 'curves' in globals():\n    print(curves)\nprint(other)") == {"globals", "print", "other"}
