"""Colab 준비 셀의 설치가 Colab의 판을 바꾸지 않는지 pip 해석기로 미리 해 봅니다 (--dry-run, 아무것도 설치하지 않음).

1. 새로 해석: 이 저장소(cnn_helpers)를 .ci/constraints-colab.txt와 함께 해석합니다(--ignore-installed).
   고정된 모든 패키지가 고정된 판 그대로 해석되어야 합니다 — 강의의 요구 범위가 Colab의 판을 받아들인다는 뜻.
2. Colab 흉내 (지금 환경에 Colab 판이 깔려 있을 때만): 준비 셀과 똑같은 명령
   (`pip install "cnn_helpers @ …" tensorflow==… keras==… numpy==… ipywidgets==…`, 주소 대신 이 폴더)을
   --dry-run으로 해석해, 설치(바꿀) 목록에 고정된 패키지가 하나도 없는지 봅니다.

    python .ci/colab_dry_run.py       # 문제가 있으면 1로 끝남; 네트워크(패키지 저장소) 필요
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tempfile
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CONSTRAINTS = ROOT / ".ci" / "constraints-colab.txt"
KEPT = ("tensorflow", "keras", "numpy", "ipywidgets")  # scripts/sync_links.py의 SETUP_CELL과 같은 목록


def canon(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def pins() -> dict[str, str]:
    found = {}
    for line in CONSTRAINTS.read_text(encoding="utf-8").splitlines():
        m = re.match(r"\s*([A-Za-z0-9_.-]+)==([^\s#;]+)", line)
        if m:
            found[canon(m.group(1))] = m.group(2)
    return found


def dry_run(*args: str) -> dict[str, str]:
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.json"
        cmd = [sys.executable, "-m", "pip", "install", "--dry-run", "--quiet", "--report", str(report), *args]
        result = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
        if result.returncode != 0:
            print(result.stdout[-3000:] + result.stderr[-3000:])
            raise SystemExit(f"pip 해석 실패: {' '.join(cmd[3:])}")
        data = json.loads(report.read_text(encoding="utf-8"))
    return {canon(item["metadata"]["name"]): item["metadata"]["version"] for item in data["install"]}


def main() -> int:
    pinned = pins()
    problems = []

    resolved = dry_run("--ignore-installed", "-c", str(CONSTRAINTS), ".")
    print(f"[1] 새로 해석 (. + -c {CONSTRAINTS.relative_to(ROOT)}): 패키지 {len(resolved)}개")
    print(f"    {'패키지':<22}{'Colab 고정':<14}{'해석 결과':<14}")
    for name, version in pinned.items():
        got = resolved.get(name, "(필요 없음)")
        mark = "" if got in (version, "(필요 없음)") else "  ← 다름"
        print(f"    {name:<22}{version:<14}{got:<14}{mark}")
        if mark:
            problems.append(f"{name}: {version} → {got}")
    print(f"    cnn_helpers {resolved.get('cnn-helpers')}")

    installed = {}
    for name in pinned:
        try:
            installed[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            pass
    if all(installed.get(n) == v for n, v in pinned.items() if n in map(canon, KEPT)):
        keep = [f"{n}=={metadata.version(n)}" for n in KEPT]
        changes = dry_run(f"cnn_helpers @ {ROOT.as_uri()}", *keep)
        print(f"[2] Colab 흉내 (깔린 Colab 판 위에서 준비 셀의 명령, {' '.join(keep)}):")
        print(f"    설치·교체할 것: {', '.join(f'{n} {v}' for n, v in sorted(changes.items())) or '없음'}")
        touched = sorted(set(changes) & set(pinned))
        if touched:
            problems.append(f"준비 셀이 Colab 판을 바꿈: {touched}")
    else:
        print("[2] 건너뜀: 이 환경에는 Colab 판이 깔려 있지 않습니다 (noxfile.py의 colab 세션에서 실행됨)")

    for p in problems:
        print("문제:", p)
    print("결과:", "Colab의 고정 판이 하나도 바뀌지 않음" if not problems else "실패")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
