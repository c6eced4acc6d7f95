"""잘못된 입력 시험(test_bad_inputs.py)의 실행기: 사례마다 시간 제한을 두고 작업 프로세스에서 실행해 결과를 분류합니다.

분류 (issue 15와 같은 이름):
- good: 한국어 ValueError/TypeError(잘못된 입력), 또는 맞는 결과(올바른 입력)
- non-korean: 한국어가 없는 오류 문장이나 ValueError/TypeError가 아닌 예외 (날것의 traceback)
- silent-nonsense: 오류 없이 돌려준 값이 틀림
- silently-accepted: 거절해야 할 입력을 오류 없이 받음
- valid-refused: 올바른 입력을 거절함
- hang: 시간 제한을 넘김

`python tests/fuzz_harness.py`로 실행하면 분류별 합계와 나쁜 사례를 출력합니다.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import re
import sys
import time
import traceback
from collections import Counter

HANGUL = re.compile("[가-힣]")
CLASSES = ("good", "non-korean", "silent-nonsense", "silently-accepted", "valid-refused", "hang")


def classify(case) -> tuple[str, str]:
    """작업 프로세스 안에서 사례 하나를 실행하고 (분류, 설명)을 돌려줍니다."""
    try:
        result = case.call()
    except Exception as exc:  # noqa: BLE001 - 무엇이 나오는지 분류하는 것이 목적입니다.
        text = f"{type(exc).__name__}: {exc}"[:300]
        korean = bool(HANGUL.search(str(exc)))
        if not korean or not isinstance(exc, (ValueError, TypeError)):
            if case.expect == "error" and korean and isinstance(exc, case.other_errors):
                return "good", text
            return "non-korean", text + "\n" + "".join(traceback.format_exc().splitlines(True)[-4:])
        return ("good" if case.expect == "error" else "valid-refused"), text
    finally:
        try:
            from matplotlib import pyplot as plt

            plt.close("all")
        except Exception:  # noqa: BLE001
            pass
    if case.expect == "error":
        return "silently-accepted", f"돌려준 값: {str(result)[:200]!r}"
    try:
        ok = case.check is None or bool(case.check(result))
    except Exception as exc:  # noqa: BLE001
        return "silent-nonsense", f"검사 실패: {type(exc).__name__}: {exc}"
    return ("good" if ok else "silent-nonsense"), f"돌려준 값: {str(result)[:200]!r}"


def _worker(conn, module_name):
    os.environ.setdefault("MPLBACKEND", "Agg")
    sys.path.insert(0, os.path.dirname(__file__))
    module = __import__(module_name)
    cases = module.cases()
    import contextlib
    import io

    while True:
        index = conn.recv()
        if index is None:
            return
        with contextlib.redirect_stdout(io.StringIO()):
            conn.send(classify(cases[index]))


class Runner:
    """작업 프로세스 하나를 띄워 사례를 차례로 보냅니다. 시간을 넘기면 그 프로세스를 끝내고 새로 띄웁니다."""

    def __init__(self, module_name: str):
        self.module_name = module_name
        self.ctx = mp.get_context("spawn")  # TensorFlow가 이미 올라온 부모를 fork하지 않습니다.
        self.proc = None

    def _start(self):
        self.conn, child = self.ctx.Pipe()
        self.proc = self.ctx.Process(target=_worker, args=(child, self.module_name), daemon=True)
        self.proc.start()

    def run(self, index: int, timeout: float) -> tuple[str, str]:
        if self.proc is None or not self.proc.is_alive():
            self._start()
            timeout += 60  # 새 프로세스가 패키지(와 TensorFlow)를 불러오는 시간
        self.conn.send(index)
        if self.conn.poll(timeout):
            try:
                return self.conn.recv()
            except EOFError:
                self.proc = None
                return "non-korean", "작업 프로세스가 죽었습니다 (메모리 부족 등)"
        self.proc.kill()
        self.proc.join()
        self.proc = None
        return "hang", f"{timeout:.0f}초 안에 끝나지 않음"

    def close(self):
        if self.proc is not None and self.proc.is_alive():
            self.conn.send(None)
            self.proc.join(10)
            if self.proc.is_alive():
                self.proc.kill()


def run_all(module_name: str = "test_bad_inputs", only=None):
    """모든 사례를 실행해 [(사례, 분류, 설명)]을 돌려줍니다."""
    sys.path.insert(0, os.path.dirname(__file__))
    module = __import__(module_name)
    cases = module.cases()
    runner = Runner(module_name)
    results = []
    try:
        for i, case in enumerate(cases):
            if only and only not in case.id:
                continue
            cls, detail = runner.run(i, case.timeout)
            results.append((case, cls, detail))
    finally:
        runner.close()
    return results


def summary(results) -> str:
    counts = Counter(cls for _, cls, _ in results)
    callables = len({case.id.split("[")[0] for case, _, _ in results})
    head = f"사례 {len(results)}개, 공개 함수 {callables}개: " + ", ".join(f"{c} {counts.get(c, 0)}" for c in CLASSES)
    bad = [f"  [{cls}] {case.id}: {detail}" for case, cls, detail in results if cls != "good"]
    return "\n".join([head] + bad)


if __name__ == "__main__":
    start = time.time()
    res = run_all(only=sys.argv[1] if len(sys.argv) > 1 else None)
    print(summary(res))
    print(f"{time.time() - start:.1f}초")
