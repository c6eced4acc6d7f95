"""수업용 과제(nbgrader): 강의마다 과제를 만들고, 학생용 배포본에 풀이가 없는지, 자동 채점이 맞는지 확인합니다.

모든 강의를 한 강좌에서 한 번에 왕복합니다: `make_assignments.py` → `nbgrader generate_assignment` → 강의마다
학생 두 명의 제출 → `nbgrader autograde` → `nbgrader generate_feedback`. 점수는 nbgrader 성적부(gradebook.db)에서
문제마다 읽습니다: 연습 문제 자신의 풀이 = 그 문제의 배점 그대로, 손대지 않은 답 셀 = 0점, 틀린 답 = 그 문제만 0점.

두 학생은 문제를 번갈아 나눠 풉니다 (틀리는 문제 W와 번호의 홀짝이 같은 문제 / 다른 문제). `one_wrong`은 W를 틀리고
W와 홀짝이 같은 나머지를 풀이로 풀고 다른 쪽은 손대지 않습니다. `other_half`는 그 반대에 W를 풀이로 풉니다.
그래서 모든 문제가 한 번은 풀이로 만점을, W 밖의 모든 문제가 한 번은 손대지 않아 0점을 받습니다. 예전의 세 학생
(모두 맞음 / 손대지 않음 / 한 문제만 틀림)보다 커널 실행이 강의마다 하나 적고 채점기의 정답 계산도 절반입니다.
빠진 것은 W의 '손대지 않은 답 = 0점' 하나뿐이고, 그것은 다른 문제와 같은 채점 셀 틀(`test_source`)과 같은 빈칸이며
배포본에 W의 변수를 정의하는 줄이 없다는 아래 확인과 연습 문제 시험(빈 답은 '아직 풀지 않음')이 받칩니다.
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


STUDENTS = ("one_wrong", "other_half")


def _wrong_exercise(number: str):
    """한 문제만 틀린 학생이 틀리는 문제 (강의마다 다른 문제)."""
    exercises = lesson(number)
    return exercises[(int(number) - 1) % len(exercises)]


def _plan(number: str) -> dict[str, dict[int, str]]:
    """학생 → 문제 번호 → 'solution' | 'wrong' | 'untouched'. W와 홀짝이 같은 문제는 one_wrong이, 다른 문제는 other_half가
    풀이로 풀고 (W는 one_wrong이 틀리고 other_half가 풉니다), 풀지 않은 쪽은 답 셀을 손대지 않습니다."""
    wrong = _wrong_exercise(number).number
    plan: dict[str, dict[int, str]] = {student: {} for student in STUDENTS}
    for ex in lesson(number):
        mine = ex.number % 2 == wrong % 2
        plan["one_wrong"][ex.number] = "wrong" if ex.number == wrong else "solution" if mine else "untouched"
        plan["other_half"][ex.number] = "solution" if ex.number == wrong or not mine else "untouched"
    return plan


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    """모든 강의의 과제를 한 강좌에서 한 번에 왕복합니다: nbgrader 명령 세 번(강의마다 세 번이 아니라).

    `make_assignments.py` → `generate_assignment "lesson*"` → 강의마다 학생 두 명의 제출(`_plan`) → `autograde "lesson*"`
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
        for student, plan in _plan(number).items():
            nb = json.loads(json.dumps(released))
            answers = _cells(nb, "answer")
            for ex in lesson(number):
                if plan[ex.number] != "untouched":
                    answer = ex.solution_text if plan[ex.number] == "solution" else _wrong_answer(ex)
                    cell = answers[ex.number]
                    cell["source"] = "".join(cell["source"]).replace(make_assignments.CODE_STUB, answer)
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

    # 점수 (nbgrader 성적부에서, 문제마다): 풀이 = 그 문제의 배점 그대로, 손대지 않음 = 0점, 틀린 답 = 그 문제만 0점.
    # 모든 문제가 두 학생 중 한 명에게서 풀이로 만점을 받으므로 모두 맞은 학생은 만점, W 밖의 모든 문제가 한 번은
    # 손대지 않아 0점이므로 손대지 않은 학생은 0점입니다. one_wrong은 W의 배점만 잃습니다 (자기가 푼 문제는 모두 만점).
    from nbgrader.api import Gradebook

    plan = _plan(number)
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gb:
        submissions = {s: gb.find_submission(name, s) for s in STUDENTS}
        total = submissions["one_wrong"].max_score
        result = {s: sub.score for s, sub in submissions.items()}
        grades = {s: {g.name: (g.score, g.max_score) for nb in sub.notebooks for g in nb.grades}
                  for s, sub in submissions.items()}
    points = {f"q{ex.number}-test": make_assignments.POINTS[ex.kind] for ex in exercises}
    print(f"\n{name}: 만점 {total:g}점 — one_wrong {result['one_wrong']:g} (문제 {wrong.number} 틀림), "
          f"other_half {result['other_half']:g}")
    assert total == sum(points.values())
    for student in STUDENTS:
        assert set(grades[student]) == set(points), student
        expected = {f"q{n}-test": (points[f"q{n}-test"] if state == "solution" else 0, points[f"q{n}-test"])
                    for n, state in plan[student].items()}
        assert grades[student] == expected, student
    solved = {n for s in STUDENTS for n, state in plan[s].items() if state == "solution"}
    untouched = {n for s in STUDENTS for n, state in plan[s].items() if state == "untouched"}
    assert solved == {ex.number for ex in exercises}, "모든 문제의 풀이가 한 번은 채점됩니다"
    assert untouched == {ex.number for ex in exercises} - {wrong.number}, "W 밖의 모든 빈 답 셀이 한 번은 채점됩니다"
    assert plan["one_wrong"][wrong.number] == "wrong" and result["one_wrong"] == sum(
        points[f"q{n}-test"] for n, state in plan["one_wrong"].items() if state == "solution")
    feedback = course / "feedback" / "one_wrong" / name / path.with_suffix(".html").name
    assert feedback.exists() and "AssertionError" in feedback.read_text(encoding="utf-8")
