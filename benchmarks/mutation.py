"""작은 돌연변이 시험기: 핵심 모듈의 AST를 한 곳씩 바꾼 돌연변이마다 관련 시험을 돌려, 시험이 잡아내는(죽이는) 비율을 잽니다.

바꾸는 것: 비교 연산자 뒤집기(< ↔ <=, > ↔ >=, == ↔ !=), 산술 연산자(+ ↔ −, * ↔ //), 정수 상수 ±1,
min ↔ max, 부울 상수 뒤집기, `return` 앞의 `if` 조건 부정. CPU를 많이 쓰므로 nice로, 모듈마다 빠른 시험 파일만 씁니다.

    nice -n 19 python benchmarks/mutation.py                 # 모든 모듈
    nice -n 19 python benchmarks/mutation.py arithmetic      # 하나만
    nice -n 19 python benchmarks/mutation.py arithmetic --limit 40

결과: 모듈마다 죽인 수/전체와 살아남은 돌연변이(줄 번호, 바꾼 내용).
"""

from __future__ import annotations

import argparse
import ast
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# 모듈 → 그 모듈을 시험하는 빠른 시험 파일들
TARGETS = {
    "arithmetic": ("cnn_helpers/arithmetic.py", ["tests/test_arithmetic.py", "tests/test_ops.py"]),
    "ops": ("cnn_helpers/ops.py", ["tests/test_ops.py"]),
    "sliding": ("cnn_helpers/sliding.py", ["tests/test_sliding.py", "tests/test_widgets.py"]),
    "rf": ("cnn_helpers/analysis/rf.py", ["tests/test_analysis.py", "tests/test_receptive_box.py"]),
    "macs": ("cnn_helpers/analysis/macs.py", ["tests/test_analysis.py"]),
}
SWAP_CMP = {ast.Lt: ast.LtE, ast.LtE: ast.Lt, ast.Gt: ast.GtE, ast.GtE: ast.Gt, ast.Eq: ast.NotEq, ast.NotEq: ast.Eq}
SWAP_BIN = {ast.Add: ast.Sub, ast.Sub: ast.Add, ast.Mult: ast.FloorDiv, ast.FloorDiv: ast.Mult}


def mutation_sites(tree):
    """(노드 번호, 설명) 목록. 문서 문자열과 오류 문장(f-string)은 건드리지 않습니다."""
    sites = []
    for i, node in enumerate(ast.walk(tree)):
        if isinstance(node, ast.Compare) and type(node.ops[0]) in SWAP_CMP:
            sites.append((i, "cmp", node.lineno))
        elif isinstance(node, ast.BinOp) and type(node.op) in SWAP_BIN:
            sites.append((i, "bin", node.lineno))
        elif isinstance(node, ast.Constant) and type(node.value) is int and not isinstance(node.value, bool):
            sites.append((i, "int", node.lineno))
        elif isinstance(node, ast.Name) and node.id in ("min", "max"):
            sites.append((i, "minmax", node.lineno))
        elif isinstance(node, ast.If) and any(isinstance(s, (ast.Return, ast.Raise)) for s in node.body):
            sites.append((i, "if", node.lineno))
    return sites


def mutate(source: str, index: int, kind: str) -> tuple[str, str]:
    tree = ast.parse(source)
    for i, node in enumerate(ast.walk(tree)):
        if i != index:
            continue
        if kind == "cmp":
            old = type(node.ops[0])
            node.ops[0] = SWAP_CMP[old]()
            what = f"{old.__name__} → {SWAP_CMP[old].__name__}"
        elif kind == "bin":
            old = type(node.op)
            node.op = SWAP_BIN[old]()
            what = f"{old.__name__} → {SWAP_BIN[old].__name__}"
        elif kind == "int":
            what = f"{node.value} → {node.value + 1}"
            node.value += 1
        elif kind == "minmax":
            what = f"{node.id} → {'max' if node.id == 'min' else 'min'}"
            node.id = "max" if node.id == "min" else "min"
        else:
            node.test = ast.UnaryOp(ast.Not(), node.test)
            what = "if 조건 부정"
        return ast.unparse(tree), what
    raise IndexError(index)


def in_docstring_or_message(tree, index):
    """f-string(오류 문장) 안의 상수·연산은 바꿔도 동작이 아니라 문장만 바뀌므로 건너뜁니다."""
    parents = {}
    for node in ast.walk(tree):
        for child in ast.iter_child_nodes(node):
            parents[child] = node
    node = list(ast.walk(tree))[index]
    while node in parents:
        node = parents[node]
        if isinstance(node, ast.JoinedStr):
            return True
    return False


def run(module: str, limit: int | None, workdir: Path) -> tuple[int, int, list]:
    rel, tests = TARGETS[module]
    path = workdir / rel
    original = path.read_text(encoding="utf-8")
    tree = ast.parse(original)
    sites = [s for s in mutation_sites(tree) if not in_docstring_or_message(tree, s[0])]
    if limit:
        sites = sites[:limit]
    killed, survivors = 0, []
    env = dict(os.environ, PYTHONPATH=str(workdir), TF_CPP_MIN_LOG_LEVEL="3", MPLBACKEND="Agg")
    try:
        for index, kind, line in sites:
            text, what = mutate(original, index, kind)
            path.write_text(text, encoding="utf-8")
            proc = subprocess.run(
                [sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider", "--override-ini", "addopts=",
                 "-m", "not browser", *tests],
                cwd=workdir, env=env, capture_output=True, timeout=600,
            )
            if proc.returncode != 0:
                killed += 1
            else:
                survivors.append((line, what))
    finally:
        path.write_text(original, encoding="utf-8")
    return killed, len(sites), survivors


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("modules", nargs="*", default=list(TARGETS))
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="cnn-mutation-"))
    try:
        for item in ("cnn_helpers", "tests", "conftest.py", "pyproject.toml"):
            src = ROOT / item
            (shutil.copytree if src.is_dir() else shutil.copy)(src, work / item)
        for module in args.modules:
            killed, total, survivors = run(module, args.limit, work)
            score = 100 * killed / total if total else 100
            print(f"{module}: {killed}/{total} 죽임 ({score:.0f} %)", flush=True)
            for line, what in survivors:
                print(f"  살아남음: {TARGETS[module][0]}:{line} {what}", flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
