"""수업용 과제: 각 강의의 연습 문제를 nbgrader 과제로 만듭니다.

    python -m scripts.make_assignments                 # classroom/ (nbgrader 강좌 폴더)
    python -m scripts.make_assignments --out DIR

만드는 것: `classroom/nbgrader_config.py`와 `classroom/source/lessonNN/NN_….ipynb` (강의마다 과제 하나).
과제 노트북은 강의 노트북의 연습 문제 부분(문제 글, 답 셀)과 그 준비 셀로 만듭니다. 모델을 학습하지 않으므로
채점이 빠릅니다.

- 문제 글: 강의의 '**문제 N.**' 마크다운 셀 (잠금).
- 답 셀: 강의의 답 셀에서 `변수 = ...`(또는 `def 함수(...): ...`) 자리를 nbgrader 풀이 구역
  (`### BEGIN SOLUTION` … `### END SOLUTION`)으로 바꾸고, 그 안에 연습 문제 자신의 풀이(`solution_text`)를 넣습니다.
  `source/`의 노트북이 곧 교사용 정답지입니다. `nbgrader generate_assignment`가 풀이를 지운 학생용 노트북을 만듭니다.
- 채점 셀: 문제마다 자동 채점 셀 하나(배점: 값 문제 1점, 함수 작성 문제 2점). 숨긴 시험(`### BEGIN HIDDEN TESTS`)이
  강의의 연습 문제와 똑같은 판정(`Exercise.verdict`, 검증된 함수로 계산한 정답)으로 채점합니다.
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

from tools import NOTEBOOKS, ROOT

COURSE_ID = "cnn-course-ko"
CODE_STUB = "# 여기에 답을 쓰세요"
POINTS = {"value": 1, "function": 2, "build": 3}
# 과제 노트북은 강의의 준비 셀만 가져오므로, 연습 문제가 쓰는 강의 본문의 정의를 패키지의 같은 함수로 채웁니다
# (6강: 문제 1·3의 build_vgg가 2절의 vgg_block을 씀; tests/test_lesson_code_06.py가 둘이 같은지 확인).
ASSIGNMENT_IMPORTS = {"06": "from cnn_helpers.models import vgg_block  # 강의 2절의 vgg_block과 같은 함수\n"}

CONFIG = f'''"""nbgrader 설정: scripts/make_assignments.py가 만든 파일입니다 (고치려면 그 스크립트를 고치세요)."""

c = get_config()  # noqa: F821 (nbgrader가 넣어 주는 함수)

c.CourseDirectory.course_id = "{COURSE_ID}"
# 학생용 노트북에서 풀이 구역이 바뀌는 글
c.ClearSolutions.code_stub = {{"python": "{CODE_STUB}"}}
c.ClearSolutions.text_stub = "여기에 답을 쓰세요"
# 채점할 때 셀 하나에 주는 시간(초): 4강 이후 문제는 Keras 계층을 만들어 정답을 계산합니다.
c.ExecutePreprocessor.timeout = 300
# 여러 교사·학생이 함께 쓰는 JupyterHub에서는 교환 폴더를 정하세요 (기본값 /srv/nbgrader/exchange).
# c.Exchange.root = "/srv/nbgrader/exchange"
'''


def _meta(grade_id: str, *, solution=False, grade=False, locked=False, points=None) -> dict:
    meta = {"grade": grade, "grade_id": grade_id, "locked": locked, "schema_version": 3,
            "solution": solution, "task": False}
    if points is not None:
        meta["points"] = points
    return {"nbgrader": meta}


def _cell(kind: str, source: str, metadata: dict | None = None) -> dict:
    cell = {"cell_type": kind, "metadata": metadata or {}, "source": source}
    if kind == "code":
        cell.update(execution_count=None, outputs=[])
    return cell


def solution_region(source: str, exercise) -> str:
    """강의의 답 셀에서 빈칸(`변수 = ...` 또는 `def 함수(...):` 블록)을 풀이 구역으로 바꾼 셀 내용."""
    lines = source.rstrip().splitlines()
    var = re.escape(exercise.variable)
    if exercise.kind in ("function", "build"):
        start = next(i for i, line in enumerate(lines) if re.match(rf"def {var}\(", line))
        end = next(i for i in range(start + 1, len(lines)) if lines[i].strip().startswith("..."))
        comment = f"# 함수 `{lines[start].rstrip(':')[4:]}`를 정의하세요."
    else:
        start = end = next(i for i, line in enumerate(lines) if re.match(rf"{var}\s*=\s*\.\.\.", line))
        comment = f"# 답을 변수 `{exercise.variable}`에 쓰세요."
    region = [comment, "### BEGIN SOLUTION", *exercise.solution_text.rstrip().splitlines(), "### END SOLUTION"]
    rest = lines[end + 1:]
    while rest and not rest[0].strip():
        rest.pop(0)
    return "\n".join([*lines[:start], *region, *rest])


def test_source(lesson: str, exercise) -> str:
    points = POINTS[exercise.kind]
    return "\n".join([
        f"# 문제 {exercise.number} ({exercise.title}) 채점: {points}점. 강의의 q{exercise.number}.check()와 같은 정답으로 채점합니다.",
        "### BEGIN HIDDEN TESTS",
        "from cnn_helpers.exercises import CORRECT as _CORRECT",
        "from cnn_helpers.exercises import lesson as _lesson",
        "",
        f"_status, _message = _lesson({lesson!r})[{exercise.number - 1}].verdict(globals().get({exercise.variable!r}, ...))",
        "assert _status == _CORRECT, _message",
        "### END HIDDEN TESTS",
    ])


def assignment(notebook: Path) -> dict:
    """강의 노트북 하나에서 nbgrader 소스 노트북(교사용 정답지)을 만듭니다."""
    from cnn_helpers.exercises import lesson as exercises_of

    number = notebook.name[:2]
    exercises = exercises_of(number)
    nb = json.loads(notebook.read_text(encoding="utf-8"))
    cells = nb["cells"]
    text = ["".join(c["source"]) for c in cells]
    setup = next(i for i, s in enumerate(text) if cells[i]["cell_type"] == "code" and f'lesson("{number}")' in s)
    title = text[0].splitlines()[0].lstrip("# ").strip()
    out = [
        _cell("markdown", f"# 과제: {title}\n\n"
              "각 문제의 답 셀에 답을 쓰고 셀을 실행하세요. `qN.check()`가 바로 알려 주고, `qN.hint()`는 힌트를 보여 줍니다. "
              "제출하면 자동 채점 셀이 같은 기준으로 점수를 매깁니다. 잠긴 셀(문제 글, 준비, 채점)은 고치지 마세요.",
              _meta("intro", locked=True)),
        _cell("code", "import numpy as np\n" + ASSIGNMENT_IMPORTS.get(number, "") + "\n" + text[setup],
              _meta("setup", locked=True)),
    ]
    for ex in exercises:
        answer = next(i for i, s in enumerate(text)
                      if cells[i]["cell_type"] == "code" and re.search(rf"^q{ex.number}\.check\(\)", s, re.M))
        question = cells[answer - 1]
        if question["cell_type"] != "markdown" or f"문제 {ex.number}." not in text[answer - 1]:
            raise ValueError(f"{notebook.name}: 문제 {ex.number}의 답 셀 앞에 문제 글이 없습니다")
        out += [
            _cell("markdown", text[answer - 1], _meta(f"q{ex.number}-question", locked=True)),
            _cell("code", solution_region(text[answer], ex), _meta(f"q{ex.number}-answer", solution=True)),
            _cell("code", test_source(number, ex),
                  _meta(f"q{ex.number}-test", grade=True, locked=True, points=POINTS[ex.kind])),
        ]
    metadata = {k: nb["metadata"][k] for k in ("kernelspec", "language_info") if k in nb["metadata"]}
    metadata.setdefault("kernelspec", {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"})
    return {"cells": out, "metadata": metadata, "nbformat": 4, "nbformat_minor": 5}


def make_assignments(out: Path, notebooks: list[Path] | None = None) -> list[Path]:
    """`out`에 nbgrader 강좌 폴더(설정 + source/lessonNN/NN_….ipynb)를 만들고 노트북 경로들을 돌려줍니다."""
    import nbformat

    notebooks = notebooks or sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))
    written = []
    for notebook in notebooks:
        name = f"lesson{notebook.name[:2]}"
        nb = nbformat.from_dict(assignment(notebook))
        for i, cell in enumerate(nb.cells):
            cell["id"] = f"{cell.metadata['nbgrader']['grade_id']}-{i}"
        nbformat.validate(nb)
        target = out / "source" / name / notebook.name
        target.parent.mkdir(parents=True, exist_ok=True)
        nbformat.write(nb, target)
        written.append(target)
    (out / "nbgrader_config.py").write_text(CONFIG, encoding="utf-8")
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="*", type=Path)
    parser.add_argument("--out", type=Path, default=ROOT / "classroom")
    args = parser.parse_args()
    for path in make_assignments(args.out, args.notebooks or None):
        print(path)
    print(f"설정: {args.out / 'nbgrader_config.py'}")


if __name__ == "__main__":
    main()
