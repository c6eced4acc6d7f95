"""작은 돌연변이 시험기: 핵심 모듈의 AST를 한 곳씩 바꾼 돌연변이마다 관련 시험을 돌려, 시험이 잡아내는(죽이는) 비율을 잽니다.

바꾸는 것: 비교 연산자 뒤집기(< ↔ <=, > ↔ >=, == ↔ !=), 산술 연산자(+ ↔ −, * ↔ //), 정수 상수 +1,
min ↔ max, `return`/`raise`만 하는 `if`의 조건 부정. 오류 문장(f-string) 안은 바꾸지 않습니다.

    nice -n 19 python benchmarks/mutation.py                 # 모든 모듈
    nice -n 19 python benchmarks/mutation.py arithmetic      # 하나만
    nice -n 19 python benchmarks/mutation.py arithmetic --limit 40

빠르게 돌리는 방법 (CPU 두 개를 남과 나눠 쓰므로):

1. 저장소를 임시 폴더에 복사하고, 그 복사본의 대상 모듈만 바꿉니다 (작업 트리는 건드리지 않음).
2. 부모 프로세스는 TensorFlow·Keras·NumPy·pytest(플러그인까지)·Hypothesis를 한 번만 import 하고 `cnn_helpers`는
   import 하지 않습니다. 돌연변이마다 fork 한 자식이 pytest를 돌리므로 TF import(수 초)를 되풀이하지 않습니다.
   부모는 gc.freeze()로 제 객체를 자식의 gc에서 빼고, pytest의 unraisableexception 플러그인(세션 끝 gc.collect
   다섯 번)은 끕니다. 그래서 돌연변이 하나에 드는 고정 비용이 약 0.5초입니다 (한가한 기계에서).
3. 먼저 바꾸지 않은 모듈로 모듈의 시험 파일을 한 번 돌리며 시험마다 대상 파일의 어느 줄을 실행했는지 기록합니다.
   돌연변이는 바뀐 문장의 줄을 실행한 시험만(과 doctest: doctest는 sys.settrace를 꺼서 기록되지 않음),
   빠른 것부터 `-x`로 돌립니다. 함수 인자의 기본값이 바뀌면 그 함수를 부른(본문을 실행한) 시험만 돌립니다.
   import 때 실행되는 다른 줄(모듈 수준 상수 등)이 바뀌면 그 모듈의 시험을 모두 돌립니다.
   어떤 시험도 실행하지 않는 줄의 돌연변이는 "이 줄을 실행하는 시험 없음"으로 살아남습니다.
4. Hypothesis는 `derandomize=True`, 데이터베이스 없이 돌려 두 단계가 같은 예를 봅니다.
   시간 초과(기준 시간의 3배 + 30초)는 죽인 것으로 셉니다 (무한 반복을 만든 돌연변이).

결과: 모듈마다 죽인 수/전체와 살아남은 돌연변이(줄:열, 바꾼 내용, 원래 줄). 동등한 돌연변이(동작이 바뀌지 않는
것)는 아래 EQUIVALENT 표에 (모듈, 줄 내용 일부, 바꾼 내용[, 열]) → 이유로 적고, 출력에 "동등"으로 따로 보입니다.
점수는 죽인 수 / 전체 와 죽인 수 / (전체 − 동등) 을 함께 씁니다.

rf·macs는 `--max-test-seconds 4`로 돌렸습니다 (기준 실행에서 4초 넘게 걸린 시험, 예: ERF 재추적 경고 시험은
돌연변이마다 돌리지 않음: 점수를 낮게 잴 수는 있어도 높게 재지는 않습니다).

점수 (2 코어 공유 기계, nice 19; 이슈 15의 4번):

    모듈         전                     후 (죽임/전체)      동등 빼면
    arithmetic   77/134  (57.5 %)       118/120 (98.3 %)    118/118 (100 %)
    ops          76/84   (90.5 %)        82/84  (97.6 %)     82/82  (100 %)
    sliding     140/190  (73.7 %)       183/190 (96.3 %)    183/183 (100 %)
    macs         51/59   (86.4 %)        56/59  (94.9 %)     56/56  (100 %)
    rf          136/173  (78.6 %)       164/173 (94.8 %)    164/164 (100 %)

arithmetic의 돌연변이 수가 줄어든 것은 닿을 수 없던 `_divisors_up_to`의 span == 0 분기(문서와도 달랐음)를 지웠기
때문입니다. "전"의 macs·rf는 그때 4초를 넘던 큰 공개 모델 시험 2·3개를 빼고 잰 값입니다.
살아남은 돌연변이는 모두 EQUIVALENT 표에 이유와 함께 있습니다.
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import shutil
import signal
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from cnn_helpers._lazy import quiet_tf_env

ROOT = Path(__file__).resolve().parents[1]
# 모듈 → 그 모듈을 시험하는 빠른 시험 파일들 (돌연변이마다 이 중 바뀐 줄을 실행하는 시험만 돌립니다)
TARGETS = {
    "arithmetic": ("cnn_helpers/arithmetic.py",
                   ["tests/test_arithmetic.py", "tests/test_ops.py", "tests/test_sliding.py",
                    "tests/test_doctests.py"]),
    "ops": ("cnn_helpers/ops.py", ["tests/test_ops.py", "tests/test_doctests.py"]),
    "sliding": ("cnn_helpers/sliding.py",
                ["tests/test_sliding.py", "tests/test_widgets.py", "tests/test_doctests.py"]),
    "rf": ("cnn_helpers/analysis/rf.py",
           ["tests/analysis/test_rf.py", "tests/analysis/test_erf.py", "tests/analysis/test_table.py",
            "tests/test_rf_explorer.py", "tests/test_doctests.py"]),
    "macs": ("cnn_helpers/analysis/macs.py",
             ["tests/analysis/test_macs.py", "tests/analysis/test_table.py", "tests/test_doctests.py"]),
}
ALWAYS = "tests/test_doctests.py::"  # 줄 기록이 안 되는 시험 (아래 run 참고)
# no:unraisableexception: 그 플러그인은 세션 끝에 gc.collect()를 다섯 번 불러 TF가 있는 힙에서 2초 넘게 씁니다.
PYTEST_ARGS = ["-q", "-p", "no:cacheprovider", "--override-ini", "addopts=", "-m", "not browser",
               "-p", "no:unraisableexception"]
SWAP_CMP = {ast.Lt: ast.LtE, ast.LtE: ast.Lt, ast.Gt: ast.GtE, ast.GtE: ast.Gt, ast.Eq: ast.NotEq, ast.NotEq: ast.Eq}
SWAP_BIN = {ast.Add: ast.Sub, ast.Sub: ast.Add, ast.Mult: ast.FloorDiv, ast.FloorDiv: ast.Mult}

# 동등한 돌연변이: (모듈, 원래 줄에 들어 있는 글, 바꾼 내용) → 왜 동작이 같은지. 시험으로 죽일 수 없습니다.
_HITS = "hits = [i * s + j * d for j in range(k) if p0 <= i * s + j * d < p0 + n]"
_HITS_WHY = ("try_layout의 hits 목록은 비었는지만 봅니다: 목록에 담는 값(앞쪽의 i * s + j * d)을 바꿔도 "
             "결과가 같습니다 (조건 쪽의 같은 식은 시험이 죽임).")
EQUIVALENT: dict[tuple, str] = {
    ("sliding", _HITS, "Add → Sub", 24): _HITS_WHY,
    ("sliding", _HITS, "Mult → FloorDiv", 24): _HITS_WHY,
    ("sliding", _HITS, "Mult → FloorDiv", 32): _HITS_WHY,
    ("arithmetic", "return 0, 1", "0 → 1"):
        "_half_residue의 m = 1 분기: 나머지 r은 언제나 m(=1)로 나눈 나머지로만 쓰이므로 r = 0과 r = 1은 같은 후보를 냅니다.",
    ("arithmetic", "if m == 1:", "1 → 2"):
        "m = 2(s = 4)일 때 (0, 1)을 돌려주면 base의 바로 아래·위 정수를 찾게 되는데, 나누어떨어지는 p는 한 홀짝에 몰려 "
        "있고 base가 그 홀짝이면 이미 나누어떨어지거나(앞에서 끝남) span < 0(가장 작은 lowest를 돌려줌)이라 결과가 "
        "같습니다. n<40, f≤7, d≤3, s≤11, p∈{0..5, 'same', 'valid'} 전부에서 같음을 확인했습니다.",
    ("ops", "conv_output_size(size + p0 + p1, k, 0, s, d, strict=False)", "0 → 1"):
        "_prepare의 이 호출은 검사만 하고 결과를 버립니다. 바로 위의 검사가 같은 경우(커널 > 패딩한 입력)를 먼저 "
        "잡으므로, 패딩을 1 더해 덜 엄격해진 호출은 어떤 입력에서도 결과를 바꾸지 않습니다.",
    ("ops", "reshape(-1, w.shape[3])", "1 → 2"):
        "reshape(-2, …): NumPy(2.x)는 음수 크기를 모두 '알아서 정할 축'으로 읽으므로 -1과 같습니다.",
    ("sliding", 'return ("-∞" if v < 0 else "∞"), True', "Lt → LtE"):
        "이 줄은 v가 ±inf일 때만 실행됩니다: ±inf에서 v < 0과 v <= 0은 같습니다.",
    ("sliding", 'return ("-∞" if v < 0 else "∞"), True', "0 → 1"):
        "이 줄은 v가 ±inf일 때만 실행됩니다: ±inf에서 v < 0과 v < 1은 같습니다.",
    ("sliding", "sizes.append(0)", "0 → 1"):
        "try_layout: 오류가 난 축의 sizes 값은 읽히지 않습니다 (오류가 하나라도 있으면 out_shape = (0, 0)).",
    ("sliding", "message = errors[0][1]", "0 → 1"):
        "두 축의 인자(n, k, s, d, 앞·뒤 패딩)가 모두 같을 때만 실행되므로 두 축의 오류 문장(축 이름 없는 부분)이 같습니다.",
    ("macs", 'groups = int(getattr(op, "groups", 1) or 1)', "1 → 2"):
        "Keras 3의 BaseConv(Conv1D/2D/3D)는 언제나 groups 속성(1 이상으로 검사됨)을 가지므로 getattr의 기본값과 "
        "`or 1`은 쓰이지 않습니다 (두 돌연변이 모두).",
    ("macs", 'positions = need(in_shape[1:-1], "입력") if len(in_shape) > 2 else 1', "Gt → GtE"):
        "len(in_shape) == 2이면 in_shape[1:-1]은 빈 튜플이고 need(())는 math.prod(()) = 1을 돌려주므로 else 쪽 1과 같습니다.",
    ("rf", "return 2 * self.start + self.rf - 1", "Sub → Add"):
        "_Axis.centre2는 분기들의 중심이 서로 같은지 비교하는 데만 쓰입니다 (rf.py의 len({a.centre2 ...}) > 1): "
        "모든 분기에 같은 상수(+2)를 더해도 같음/다름은 바뀌지 않습니다.",
    ("rf", "return 2 * self.start + self.rf - 1", "1 → 2"):
        "_Axis.centre2는 같음 비교에만 쓰이므로 모든 분기에서 1을 더 빼도 결과가 같습니다.",
    ("rf", "return same_padding(1 if n is None else n, kernel, 1, dilation)[0], n", "1 → 2", 28):
        "스트라이드 1의 SAME 앞쪽 패딩은 d(f−1)//2로 입력 크기와 무관하므로 크기를 모를 때 넣는 자리값(1)을 2로 "
        "바꿔도 같습니다. (같은 줄의 스트라이드 1 → 2 돌연변이(열 47)는 시험이 죽입니다.)",
    ("rf", "call_count[id(op)] = call_count.get(id(op), 0) + 1", "0 → 1"):
        "중첩 모델의 호출 번호는 표의 행을 정렬하는 열쇠로만 쓰입니다: 모든 호출 번호에 1을 더해도 순서가 같습니다.",
    ("rf", "call_count[id(op)] = call_count.get(id(op), 0) + 1", "1 → 2"):
        "중첩 모델의 호출 번호는 정렬 열쇠로만 쓰입니다: 0, 2, 4, …로 세어도 순서가 같습니다 (Add → Sub는 시험이 죽임).",
    ("rf", "self.rows.append((key + (order.get(id(op), 0), n_call), row))", "0 → 1"):
        "_record에 오는 층은 모두 그 그래프의 graph.layers에 있으므로 order.get의 기본값은 쓰이지 않습니다 "
        "(keras.ops 연산은 그 앞에서 돌아감). 두 줄(표시 행, 지원하지 않는 층 행) 모두.",
    ("rf", 'axis = getattr(op, "axis", -1)', "1 → 2"):
        "이 줄은 Concatenate 층에서만 실행되고 Keras의 Concatenate는 언제나 axis 속성을 가지므로 기본값은 쓰이지 않습니다.",
    ("rf", 'dilation = to_tuple(getattr(op, "dilation_rate", 1), ndim)', "1 → 2"):
        "합성곱 계열(BaseConv, DepthwiseConv, SeparableConv)은 언제나 dilation_rate 속성을 가지므로 기본값은 쓰이지 않습니다.",
}


# ---------------------------------------------------------------------------
# 돌연변이 만들기
# ---------------------------------------------------------------------------


def mutation_sites(tree):
    """(노드 번호, 종류, 줄) 목록."""
    sites = []
    for i, node in enumerate(ast.walk(tree)):
        if isinstance(node, ast.Compare) and type(node.ops[0]) in SWAP_CMP:
            sites.append((i, "cmp", node.lineno))
        elif isinstance(node, ast.BinOp) and type(node.op) in SWAP_BIN:
            sites.append((i, "bin", node.lineno))
        elif isinstance(node, ast.Constant) and type(node.value) is int:
            sites.append((i, "int", node.lineno))
        elif isinstance(node, ast.Name) and node.id in ("min", "max"):
            sites.append((i, "minmax", node.lineno))
        elif isinstance(node, ast.If) and any(isinstance(s, (ast.Return, ast.Raise)) for s in node.body):
            sites.append((i, "if", node.lineno))
    return sites


def mutate(source: str, index: int, kind: str) -> tuple[str, str]:
    tree = ast.parse(source)
    node = list(ast.walk(tree))[index]
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


def _parents(tree):
    parents = {}
    for node in ast.walk(tree):
        for child in ast.iter_child_nodes(node):
            parents[child] = node
    return parents


def in_message(node, parents):
    """f-string(오류 문장) 안의 상수·연산은 바꿔도 동작이 아니라 문장만 바뀌므로 건너뜁니다."""
    while node in parents:
        node = parents[node]
        if isinstance(node, ast.JoinedStr):
            return True
    return False


COMPOUND = (ast.If, ast.For, ast.While, ast.With, ast.Try, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)


def default_of(node, parents):
    """node가 함수 인자의 기본값 안에 있으면 그 함수(FunctionDef), 아니면 None."""
    child = node
    while child in parents:
        parent = parents[child]
        if isinstance(parent, ast.arguments):
            func = parents.get(parent)
            return func if isinstance(func, (ast.FunctionDef, ast.AsyncFunctionDef)) else None
        if isinstance(parent, ast.stmt):
            return None
        child = parent
    return None


def affected_lines(node, parents, kind) -> range:
    """바뀐 곳이 영향을 주려면 실행되어야 하는 줄들: 단순 문장이면 그 문장 전체, 복합 문장의 머리(조건)면 그 식,
    함수 인자의 기본값이면 그 함수의 본문 (기본값은 함수가 불릴 때만 쓰입니다)."""
    if kind == "if":
        return range(node.test.lineno, node.test.end_lineno + 1)
    func = default_of(node, parents)
    if func is not None:
        return range(func.body[0].lineno, func.end_lineno + 1)
    stmt = node
    while stmt in parents and not isinstance(stmt, ast.stmt):
        stmt = parents[stmt]
    if isinstance(stmt, ast.stmt) and not isinstance(stmt, COMPOUND):
        return range(stmt.lineno, stmt.end_lineno + 1)
    return range(node.lineno, node.end_lineno + 1)


# ---------------------------------------------------------------------------
# fork 한 자식에서 pytest 돌리기
# ---------------------------------------------------------------------------


class LineRecorder:
    """시험마다 대상 파일에서 실행된 줄. 모듈·클래스 본문(import 때)에서 실행된 줄은 None 아래에 모읍니다."""

    def __init__(self, target: str):
        self.target = target
        self.current = None
        self.lines = defaultdict(set)
        self.durations = {}
        self.outcomes = {}

    def _global(self, frame, event, arg):
        if frame.f_code.co_filename != self.target:
            return None
        import inspect

        key = self.current if frame.f_code.co_flags & inspect.CO_OPTIMIZED else None

        def local(frame, event, arg):
            if event == "line":
                self.lines[key].add(frame.f_lineno)
            return local

        self.lines[key].add(frame.f_lineno)
        return local

    def pytest_sessionstart(self, session):
        sys.settrace(self._global)

    def pytest_sessionfinish(self, session):
        sys.settrace(None)

    def pytest_runtest_protocol(self, item, nextitem):
        self.current = item.nodeid
        self.started = time.perf_counter()

    def pytest_runtest_logfinish(self, nodeid, location):
        self.durations[nodeid] = time.perf_counter() - self.started
        self.current = None

    def pytest_runtest_logreport(self, report):
        if report.failed or (report.when == "call" and not report.passed):
            self.outcomes[report.nodeid] = "failed"
        else:
            self.outcomes.setdefault(report.nodeid, "passed")


def _child_setup(workdir: Path, quiet: bool):
    os.chdir(workdir)
    if quiet:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, 1)
        os.dup2(null, 2)
    from hypothesis import settings

    settings.register_profile("mutation", database=None, derandomize=True, deadline=None)
    settings.load_profile("mutation")


def run_child(workdir: Path, args: list[str], timeout: float, recorder_target: str | None = None,
              result_file: Path | None = None) -> str:
    """자식 프로세스에서 pytest를 돌려 'passed' / 'failed' / 'timeout' 을 돌려줍니다."""
    pid = os.fork()
    if pid == 0:  # 자식
        code = 3
        try:
            _child_setup(workdir, quiet=True)
            import pytest

            plugins = []
            if recorder_target:
                recorder = LineRecorder(recorder_target)
                plugins.append(recorder)
            code = int(pytest.main([*PYTEST_ARGS, *args], plugins=plugins))
            if recorder_target:
                data = {"lines": {str(k): sorted(v) for k, v in recorder.lines.items()},
                        "durations": recorder.durations, "outcomes": recorder.outcomes}
                result_file.write_text(json.dumps(data), encoding="utf-8")
        finally:
            os._exit(code)
    deadline = time.monotonic() + timeout
    while True:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            code = os.waitstatus_to_exitcode(status)
            return "passed" if code == 0 else ("nothing" if code == 5 else "failed")
        if time.monotonic() > deadline:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            return "timeout"
        time.sleep(0.05)


# ---------------------------------------------------------------------------
# 모듈 하나
# ---------------------------------------------------------------------------


def baseline(module: str, workdir: Path):
    rel, tests = TARGETS[module]
    result = workdir / f".mutation-{module}.json"
    status = run_child(workdir, tests, timeout=1800, recorder_target=str(workdir / rel), result_file=result)
    data = json.loads(result.read_text(encoding="utf-8"))
    failed = [k for k, v in data["outcomes"].items() if v != "passed"]
    if status != "passed" or failed:
        raise SystemExit(f"{module}: 바꾸지 않은 코드에서 시험이 실패합니다 ({status}): {failed}")
    lines = {k: set(v) for k, v in data["lines"].items()}
    import_lines = lines.pop("None", set())
    return lines, import_lines, data["durations"]


def equivalent_reason(module, source_line, what, col):
    """EQUIVALENT의 열쇠: (모듈, 줄에 든 글, 바꾼 내용[, 바뀐 노드의 열]). 같은 줄에 같은 돌연변이가 여럿이면 열로 가립니다."""
    for key, reason in EQUIVALENT.items():
        mod, text, change = key[:3]
        if mod == module and text in source_line and change == what and (len(key) == 3 or key[3] == col):
            return reason
    return None


def run(module: str, limit: int | None, workdir: Path, only_lines: set[int] | None = None,
        max_seconds: float | None = None):
    rel, tests = TARGETS[module]
    path = workdir / rel
    original = path.read_text(encoding="utf-8")
    source_lines = original.splitlines()
    tree = ast.parse(original)
    parents = _parents(tree)
    nodes = list(ast.walk(tree))
    sites = [s for s in mutation_sites(tree) if not in_message(nodes[s[0]], parents)]
    if only_lines:
        sites = [s for s in sites if s[2] in only_lines]
    if limit:
        sites = sites[:limit]
    t0 = time.monotonic()
    covered, import_lines, durations = baseline(module, workdir)
    print(f"{module}: 기준 실행 {time.monotonic() - t0:.0f} s, 시험 {len(durations)}개, 돌연변이 {len(sites)}개",
          flush=True)
    order = sorted(durations, key=durations.get)
    if max_seconds is not None:
        slow = [t for t in order if durations[t] > max_seconds]
        order = [t for t in order if durations[t] <= max_seconds]
        print(f"  기준 실행에서 {max_seconds} s 넘게 걸린 시험 {len(slow)}개는 돌연변이에 쓰지 않습니다: "
              + ", ".join(t.split("::")[-1] for t in slow), flush=True)
    killed, survivors, equivalent = 0, [], []
    try:
        for number, (index, kind, line) in enumerate(sites, 1):
            if number % 25 == 0:
                print(f"  … {number}/{len(sites)} ({time.monotonic() - t0:.0f} s)", flush=True)
            node = nodes[index]
            span = set(affected_lines(node, parents, kind))
            if span & import_lines and default_of(node, parents) is None:
                selected = order
            else:
                # doctest는 실행 중 sys.settrace(None)을 하므로 줄이 기록되지 않습니다: 언제나 돌립니다 (빠름).
                selected = [t for t in order if covered.get(t, set()) & span or t.startswith(ALWAYS)]
            text, what = mutate(original, index, kind)
            source_line = source_lines[line - 1].strip()
            if not selected:
                status = "nothing"
            else:
                path.write_text(text, encoding="utf-8")
                budget = 3 * sum(durations[t] for t in selected) + 30
                status = run_child(workdir, ["-x", *selected], timeout=budget)
                path.write_text(original, encoding="utf-8")
            if status in ("failed", "timeout"):
                killed += 1
                continue
            reason = equivalent_reason(module, source_line, what, node.col_offset)
            if all(t.startswith(ALWAYS) for t in selected):
                status = "nothing"  # 이 줄을 실행하는 시험이 없음 (doctest만 돌았음)
            entry = (line, what, source_line, status, len(selected))
            (equivalent if reason else survivors).append((*entry, reason))
            print(f"  {'동등' if reason else '살아남음'}: {rel}:{line}:{node.col_offset} {what}  | {source_line[:90]}"
                  f"{'  (이 줄을 실행하는 시험 없음)' if status == 'nothing' else ''}", flush=True)
    finally:
        path.write_text(original, encoding="utf-8")
    return killed, len(sites), survivors, equivalent


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("modules", nargs="*", default=list(TARGETS))
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--root", default=None, help="이 폴더의 cnn_helpers·tests를 씁니다 (예: 이전 커밋을 풀어 둔 곳)")
    parser.add_argument("--max-test-seconds", type=float, default=None,
                        help="기준 실행에서 이보다 오래 걸린 시험(큰 공개 모델을 만드는 것 등)은 빼고 돌립니다 (점수는 낮게 나올 뿐)")
    parser.add_argument("--lines", default=None, help="이 줄 번호들만 (쉼표로 구분), 다시 확인할 때")
    args = parser.parse_args()
    only_lines = {int(x) for x in args.lines.split(",")} if args.lines else None
    os.environ.update(quiet_tf_env())
    os.environ["MPLBACKEND"] = "Agg"
    root = Path(args.root).resolve() if args.root else ROOT
    work = Path(tempfile.mkdtemp(prefix="cnn-mutation-"))
    try:
        for item in ("cnn_helpers", "tests", "conftest.py", "pyproject.toml", "README.md", "GLOSSARY.md"):
            src = root / item
            if src.exists():
                (shutil.copytree if src.is_dir() else shutil.copy)(src, work / item)
        # 부모는 무거운 의존성만 미리 import 합니다 (cnn_helpers는 자식마다 새로).
        sys.path.insert(0, str(work))
        os.environ["PYTHONPATH"] = str(work)
        import contextlib
        import gc
        import io

        import hypothesis  # noqa: F401
        import keras  # noqa: F401
        import matplotlib  # noqa: F401
        import matplotlib.pyplot  # noqa: F401
        import numpy  # noqa: F401
        import pytest  # noqa: F401
        import scipy.signal  # noqa: F401
        import tensorflow  # noqa: F401

        empty = work / ".mutation-empty"
        empty.mkdir()
        with contextlib.redirect_stdout(io.StringIO()):  # pytest 플러그인들을 미리 import (자식마다 되풀이하지 않게)
            pytest.main([*PYTEST_ARGS, "--collect-only", str(empty)])
        assert "cnn_helpers" not in sys.modules
        gc.freeze()  # 부모의 객체는 자식의 gc가 훑지 않게 (fork 뒤 복사도 줄임)
        summary = []
        for module in args.modules:
            t0 = time.monotonic()
            killed, total, survivors, equivalent = run(module, args.limit, work, only_lines, args.max_test_seconds)
            real = total - len(equivalent)
            score = 100 * killed / real if real else 100.0
            line = (f"{module}: {killed}/{total} 죽임 ({100 * killed / total if total else 100:.1f} %), "
                    f"동등 {len(equivalent)}개 빼면 {killed}/{real} ({score:.1f} %), {time.monotonic() - t0:.0f} s")
            summary.append(line)
            print(line, flush=True)
            for ln, what, src, _status, _n, reason in equivalent:
                print(f"  동등 {TARGETS[module][0]}:{ln} {what} | {src[:70]} — {reason}", flush=True)
        print("\n".join(["", "요약:", *summary]), flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
