"""수업용 과제(nbgrader): 강의마다 과제를 만들고, 학생용 배포본에 풀이가 없는지, 자동 채점이 맞는지 확인합니다.

모든 강의를 한 강좌에서 한 번에 왕복합니다: `make_assignments.py` → `nbgrader generate_assignment` → 강의마다
학생 세 명의 제출 (모든 문제를 연습 문제 자신의 풀이로 푼 학생, 아무것도 안 한 학생, 한 문제만 틀린 학생)
→ `nbgrader autograde` → `nbgrader generate_feedback`. 점수는 nbgrader 성적부(gradebook.db)에서 읽습니다: 만점 / 0점 / 틀린 문제의 배점만 빠진 점수.
"""

from __future__ import annotations

import importlib.util
import json
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from cnn_helpers._lazy import quiet_tf_env
from cnn_helpers.exercises import lesson
from scripts import make_assignments
from tools import NOTEBOOKS as NOTEBOOK_DIR

NOTEBOOKS = sorted(NOTEBOOK_DIR.glob("[0-9][0-9]_*.ipynb"))


def _nbgrader(*args, cwd: Path) -> str:
    env = quiet_tf_env()
    env.pop("MPLBACKEND", None)
    result = subprocess.run([sys.executable, "-m", "nbgrader", *args], cwd=cwd, env=env,
                            capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, f"nbgrader {' '.join(args)}:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    return result.stdout + result.stderr


def _cells(nb: dict, suffix: str) -> dict[int, dict]:
    """grade_id가 'qN-<suffix>'인 셀들을 문제 번호로."""
    out = {}
    for cell in nb["cells"]:
        grade_id = cell["metadata"].get("nbgrader", {}).get("grade_id", "")
        match = re.fullmatch(rf"q(\d+)-{suffix}", grade_id)
        if match:
            out[int(match.group(1))] = cell
    return out


def _wrong_answer(exercise) -> str:
    if exercise.kind == "function":
        return f"def {exercise.variable}(*args):\n    return np.zeros((1, 1))"
    if exercise.kind == "build":
        return f"def {exercise.variable}(x, *args):\n    return x"
    return f"{exercise.variable} = -1"


def test_source_notebooks_are_the_teachers_key(tmp_path):
    written = make_assignments.make_assignments(tmp_path)
    assert [p.relative_to(tmp_path).as_posix() for p in written] == [
        f"source/lesson{nb.name[:2]}/{nb.name}" for nb in NOTEBOOKS]
    assert (tmp_path / "nbgrader_config.py").exists()
    for path in written:
        nb = json.loads(path.read_text(encoding="utf-8"))
        exercises = lesson(path.name[:2])
        answers, tests = _cells(nb, "answer"), _cells(nb, "test")
        assert sorted(answers) == sorted(tests) == [ex.number for ex in exercises]
        for ex in exercises:
            source = "".join(answers[ex.number]["source"])
            assert f"### BEGIN SOLUTION\n{ex.solution_text.rstrip()}\n### END SOLUTION" in source
            assert re.search(rf"^q{ex.number}\.check\(\)$", source, re.M), "학생이 스스로 확인하는 줄은 남깁니다"
            test = tests[ex.number]
            assert test["metadata"]["nbgrader"]["points"] == make_assignments.POINTS[ex.kind]
            assert "### BEGIN HIDDEN TESTS" in "".join(test["source"])


STUDENTS = ("full", "empty", "one_wrong")


def _wrong_exercise(number: str):
    """한 문제만 틀린 학생이 틀리는 문제 (강의마다 다른 문제)."""
    exercises = lesson(number)
    return exercises[(int(number) - 1) % len(exercises)]


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    """모든 강의의 과제를 한 강좌에서 한 번에 왕복합니다: nbgrader 명령 세 번(강의마다 세 번이 아니라).

    `make_assignments.py` → `generate_assignment "lesson*"` → 강의마다 학생 세 명의 제출 → `autograde "lesson*"`
    → `generate_feedback "lesson*"`. 강의별 확인은 아래 시험이 강의마다 따로 합니다.
    """
    if importlib.util.find_spec("nbgrader") is None:  # 예: Colab 판 환경(notebook 6.5.7)에는 nbgrader 0.9가 맞지 않음
        pytest.skip("nbgrader가 없습니다 (pip install -e \".[classroom]\")")
    start = time.monotonic()
    course = tmp_path_factory.mktemp("course")
    make_assignments.make_assignments(course)
    _nbgrader("generate_assignment", "lesson*", cwd=course)
    for path in NOTEBOOKS:
        number, name = path.name[:2], f"lesson{path.name[:2]}"
        released = json.loads((course / "release" / name / path.name).read_text(encoding="utf-8"))
        wrong = _wrong_exercise(number)
        for student, answer_of in {
            "full": lambda ex: ex.solution_text,
            "empty": None,
            "one_wrong": lambda ex, wrong=wrong: _wrong_answer(ex) if ex.number == wrong.number else ex.solution_text,
        }.items():
            nb = json.loads(json.dumps(released))
            if answer_of is not None:
                answers = _cells(nb, "answer")
                for ex in lesson(number):
                    cell = answers[ex.number]
                    cell["source"] = "".join(cell["source"]).replace(make_assignments.CODE_STUB, answer_of(ex))
            target = course / "submitted" / student / name / path.name
            target.parent.mkdir(parents=True)
            target.write_text(json.dumps(nb, ensure_ascii=False, indent=1), encoding="utf-8")
    _nbgrader("autograde", "lesson*", "--create", cwd=course)
    _nbgrader("generate_feedback", "lesson*", cwd=course)
    print(f"\nnbgrader 왕복: 강의 {len(NOTEBOOKS)}개 × 학생 {len(STUDENTS)}명, {time.monotonic() - start:.1f} s")
    return course


@pytest.mark.slow
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_nbgrader_round_trip(path, course):
    number = path.name[:2]
    name = f"lesson{number}"
    exercises, wrong = lesson(number), _wrong_exercise(number)

    # 배포본(학생용)에는 풀이도 숨긴 시험도 없습니다.
    released = json.loads((course / "release" / name / path.name).read_text(encoding="utf-8"))
    text = "\n".join("".join(c["source"]) for c in released["cells"])
    assert "BEGIN SOLUTION" not in text and "HIDDEN TESTS" not in text and "verdict(" not in text
    for ex in exercises:
        assert not re.search(rf"^({re.escape(ex.variable)}\s*=|def {re.escape(ex.variable)}\()", text, re.M), ex.variable
        assert make_assignments.CODE_STUB in "".join(_cells(released, "answer")[ex.number]["source"])

    # 점수: 모두 맞음 = 만점, 손대지 않음 = 0점, 한 문제만 틀림 = 그 문제의 배점만 빠짐 (nbgrader 성적부에서)
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gb:
        scores = {s: gb.find_submission(name, s) for s in STUDENTS}
        total = scores["full"].max_score
        result = {s: sub.score for s, sub in scores.items()}
        lost = {g.name: g.max_score - g.score for nb in scores["one_wrong"].notebooks for g in nb.grades
                if g.score != g.max_score}
    points = sum(make_assignments.POINTS[ex.kind] for ex in exercises)
    print(f"\n{name}: 만점 {total:g}점 — 모두 맞음 {result['full']:g}, 손대지 않음 {result['empty']:g}, "
          f"문제 {wrong.number}만 틀림 {result['one_wrong']:g}")
    assert total == points
    assert result["full"] == total
    assert result["empty"] == 0
    assert lost == {f"q{wrong.number}-test": make_assignments.POINTS[wrong.kind]}
    assert result["one_wrong"] == total - make_assignments.POINTS[wrong.kind]
    feedback = course / "feedback" / "one_wrong" / name / path.with_suffix(".html").name
    assert feedback.exists() and "AssertionError" in feedback.read_text(encoding="utf-8")
