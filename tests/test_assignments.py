"""수업용 과제(nbgrader): 강의마다 과제를 만들고, 학생용 배포본에 풀이가 없는지, 자동 채점이 맞는지 확인합니다.

모든 강의를 한 강좌에서 한 번에 왕복합니다: `make_assignments.py` → `nbgrader generate_assignment` → 강의마다
학생 한 명의 제출 → `nbgrader autograde` → `nbgrader generate_feedback`. 점수는 nbgrader 성적부(gradebook.db)에서
문제마다 읽습니다: 연습 문제 자신의 풀이 = 그 문제의 배점 그대로, 틀린 답 = 그 문제만 0점.

학생(`one_wrong`)은 강의마다 한 문제 W를 틀리고 나머지는 모두 연습 문제 자신의 풀이로 풉니다. 그래서 W 밖의 모든
문제가 풀이로 만점을, W가 틀린 답으로 0점을 받습니다. 예전의 두 학생(문제를 홀짝으로 나눠 풀고 나머지는 손대지
않음)보다 채점 커널이 강의마다 하나 적습니다(시험 층 전체 시간의 가장 큰 몫이었음). 빠진 것은 '손대지 않은 답 =
0점'의 왕복과 W의 풀이 = 만점 두 가지입니다. 앞의 것은 아래의 확인(배포본에 어떤 문제의 변수를 정의하는 줄도 없고 답
셀은 빈칸 글뿐)과 연습 문제 시험(빈 답은 '아직 풀지 않음')이, 뒤의 것은 모든 문제가 같은 채점 셀 틀(`test_source`)을
쓴다는 것과 연습 문제 시험(풀이는 정답)이 받칩니다. W는 강의마다 다른 번호입니다.
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


STUDENT = "one_wrong"


def _wrong_exercise(number: str):
    """학생이 틀리는 문제 (강의마다 다른 번호)."""
    exercises = lesson(number)
    return exercises[(int(number) - 1) % len(exercises)]


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    """모든 강의의 과제를 한 강좌에서 한 번에 왕복합니다: nbgrader 명령 세 번(강의마다 세 번이 아니라).

    `make_assignments.py` → `generate_assignment "lesson*"` → 강의마다 학생 한 명의 제출 → `autograde "lesson*"`
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
        nb = json.loads((course / "release" / name / path.name).read_text(encoding="utf-8"))
        answers = _cells(nb, "answer")
        wrong = _wrong_exercise(number).number
        for ex in lesson(number):
            answer = _wrong_answer(ex) if ex.number == wrong else ex.solution_text
            cell = answers[ex.number]
            cell["source"] = "".join(cell["source"]).replace(make_assignments.CODE_STUB, answer)
        target = course / "submitted" / STUDENT / name / path.name
        target.parent.mkdir(parents=True)
        target.write_text(json.dumps(nb, ensure_ascii=False, indent=1), encoding="utf-8")
    _nbgrader("autograde", "lesson*", "--create", cwd=course)
    _nbgrader("generate_feedback", "lesson*", cwd=course)
    print(f"\nnbgrader 왕복: 강의 {len(NOTEBOOKS)}개, {time.monotonic() - start:.1f} s")
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

    # 점수 (nbgrader 성적부에서, 문제마다): 풀이 = 그 문제의 배점 그대로, 틀린 답 = 그 문제만 0점.
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gb:
        submission = gb.find_submission(name, STUDENT)
        total, score = submission.max_score, submission.score
        grades = {g.name: (g.score, g.max_score) for nb in submission.notebooks for g in nb.grades}
    points = {f"q{ex.number}-test": make_assignments.POINTS[ex.kind] for ex in exercises}
    print(f"\n{name}: 만점 {total:g}점 — {STUDENT} {score:g}점 (문제 {wrong.number} 틀림)")
    assert total == sum(points.values())
    assert grades == {f"q{ex.number}-test": (0 if ex.number == wrong.number else points[f"q{ex.number}-test"],
                                             points[f"q{ex.number}-test"]) for ex in exercises}
    assert score == total - points[f"q{wrong.number}-test"]
    feedback = course / "feedback" / STUDENT / name / path.with_suffix(".html").name
    assert feedback.exists() and "AssertionError" in feedback.read_text(encoding="utf-8")
