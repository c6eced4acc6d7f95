"""연습 문제: 모든 강의의 모든 문제에서 풀이는 정답, 틀린 답은 한국어 오답, 빈 답은 '아직 풀지 않음'."""

import numpy as np
import pytest

from cnn_helpers import _lazy, ops
from cnn_helpers.exercises import (
    CORRECT,
    LESSONS,
    UNATTEMPTED,
    WRONG,
    Exercise,
    lesson,
)
from cnn_helpers.exercises._oracles import built_model_facts
from cnn_helpers.exercises.lesson03 import POOL_MATRIX, SAME_MATRIX

ALL = [(number, q) for number in sorted(LESSONS) for q in lesson(number)]
IDS = [f"{number}-q{q.number}" for number, q in ALL]
LESSON05_QUESTIONS = [q for number, q in ALL if number == "05"]


def solved_answer(q):
    """풀이 코드를 실제로 실행해 학생이 쓸 변수를 얻습니다 (풀이도 함께 검증)."""
    namespace = {"np": np}
    if any(q is other for other in LESSON05_QUESTIONS):  # 5강 문제 6·3·8·9의 답 셀은 문제의 값(cm, digits, scores, probs, label, rate, a_hidden, W_out, dz_out)을 답 줄 위에 둡니다.
        from cnn_helpers.exercises import lesson05

        namespace.update(cm=lesson05.CONFUSION, digits=lesson05.CONFUSION_DIGITS,
                         scores=lesson05.SCORES, label=lesson05.SCORE_LABEL)
        if q.variable == "bias_after":
            namespace.update(probs=lesson05.PROBS, label=lesson05.GRAD_LABEL, rate=lesson05.RATE)
        if q.variable == "da_hidden":
            namespace.update(a_hidden=lesson05.HIDDEN_A, W_out=np.array(lesson05.HIDDEN_W2), dz_out=lesson05.HIDDEN_DZ)
    if q.kind == "build" or q.variable == "subclassed":  # 강의 노트북처럼 keras와 layers를 미리 불러 둡니다 (5강 문제 3은 클래스를 정의).
        keras = _lazy.keras()
        namespace.update(keras=keras, layers=keras.layers)
    number = next(n for n, other in ALL if other.variable == q.variable and other.solution_text == q.solution_text)
    namespace.update(_notebook_functions(number, q.solution_text))  # 6강 vgg_block, 8강 conv_bn: 학생과 똑같이
    exec(q.solution_text, namespace)
    return namespace[q.variable]


def _notebook_functions(number, solution_text):
    """풀이가 부르는, 강의 노트북의 `lesson-code` 셀이 정의한 함수(예: `vgg_block`, `conv_bn`)를 그 셀의 코드 그대로 만듭니다."""
    import ast

    from .lesson_code import NOTEBOOKS, PRELUDE, lesson_cells

    namespace: dict = {}
    exec(PRELUDE, namespace)
    needed = []
    for source in lesson_cells(next(NOTEBOOKS.glob(f"{number}_*.ipynb")).name):
        for node in ast.parse(source).body:
            if isinstance(node, ast.FunctionDef) and f"{node.name}(" in solution_text and f"def {node.name}(" not in solution_text:
                exec(ast.get_source_segment(source, node), namespace)
                needed.append(node.name)
    return {name: namespace[name] for name in needed}


def wrong_answer(q):
    if q.kind == "build":  # 풀이 뒤에 1×1 합성곱(채널 1개)을 하나 더 붙인 블록: 모양도 매개변수 수도 다릅니다.
        solution, keras = solved_answer(q), _lazy.keras()

        def wrong(x, *args):
            built = solution(x, *args)
            if isinstance(built, keras.callbacks.History):  # 학습해서 History를 돌려주는 문제(5강 문제 7): 모델을 돌려줌
                return x
            if isinstance(built, keras.Model):  # 모델을 돌려주는 문제(5강 문제 2): 끝에 Dense(1)을 붙인 모델
                return keras.Sequential([keras.Input(built.inputs[0].shape[1:]), built, keras.layers.Dense(1)])
            return keras.layers.Conv2D(1, 1)(built)
        return wrong
    if q.kind == "function":
        return lambda *args: np.asarray(q.expected(*args), dtype=float) + 1.0
    expected = q.expected()
    if isinstance(expected, tuple):
        return tuple(v + 1 for v in expected)
    return np.asarray(expected) + 1


@pytest.mark.parametrize("number, q", ALL, ids=IDS)
def test_solution_is_correct(number, q):
    assert q.verdict(solved_answer(q))[0] == CORRECT


@pytest.mark.parametrize("number, q", ALL, ids=IDS)
def test_wrong_answer_is_wrong_in_korean(number, q):
    status, message = q.verdict(wrong_answer(q))
    assert status == WRONG
    assert "아직 아닙니다" in message or "다릅니다" in message


@pytest.mark.parametrize("number, q", ALL, ids=IDS)
def test_untouched_is_not_wrong(number, q, capsys):
    assert q.verdict(...)[0] == UNATTEMPTED
    if q.kind in ("function", "build"):
        assert q.verdict(lambda *args: None)[0] == UNATTEMPTED
    q.check(...)
    assert "아직 풀지 않음" in capsys.readouterr().out


@pytest.mark.parametrize("number, q", ALL, ids=IDS)
def test_hint_and_solution_print_korean(number, q, capsys):
    q.hint()
    q.solution()
    out = capsys.readouterr().out
    assert "힌트" in out and "풀이" in out


def test_check_reads_the_notebook_variable(monkeypatch, capsys):
    import __main__

    q1 = lesson("01")[0]
    monkeypatch.setattr(__main__, q1.variable, q1.expected(), raising=False)
    q1.check()
    assert "정답" in capsys.readouterr().out


def test_common_mistakes_teach_without_revealing():
    q1, q2, q3, q4 = lesson("01")
    # 1번(같은 Conv2D를 64×48×3 입력에, 정답 (60, 44, 8)): 채널을 입력에서, +1을 빠뜨림
    status, message = q1.verdict((60, 44, 3))
    assert status == WRONG and "필터 수" in message and "(60, 44, 8)" not in message
    status, message = q1.verdict((59, 43, 8))
    assert status == WRONG and "끝 위치" in message
    # 2번(뒤집는 합성곱): 뒤집지 않으면 교차 상관, 한 축만 뒤집으면 그 축을 짚어 줌
    status, message = q2.verdict(ops.correlate2d)
    assert status == WRONG and "뒤집지 않았" in message
    assert q2.verdict(lambda x, k: ops.correlate2d(x, k[::-1, :]))[1].count("좌우도") == 1
    assert q2.verdict(lambda x, k: ops.correlate2d(x, np.flip(k)))[0] == CORRECT
    # 3번(2채널 합성곱의 한 칸, 정답 11): 채널 하나만, 편향 빠뜨림, 편향을 채널마다, 평균, 뒤집은 필터, 다른 칸
    for answer, word in [(4, "채널 하나"), (7, "채널 하나"), (9, "편향"), (13, "채널마다"), (6.5, "평균"),
                         (14, "뒤집"), (12, "다른 칸")]:
        status, message = q3.verdict(answer)
        assert status == WRONG and word in message and "11" not in message, (answer, message)
    # 4번(매개변수 1,000개 안의 3×3 필터, 입력 채널 3, 정답 35): 반올림, 편향 빠뜨림, 채널 빠뜨림
    for answer, word in [(36, "내림"), (37, "편향"), (100, "f·f·C_in"), (111, "입력 채널 수")]:
        status, message = q4.verdict(answer)
        assert status == WRONG and word in message and "35" not in message, (answer, message)


def test_lesson01_answers_match_keras():
    """1강 1번(두 크기의 입력)과 4번(매개변수 예산)의 정답이 실제 Keras Conv2D와 같습니다."""
    from cnn_helpers.exercises import lesson01

    keras = _lazy.keras()
    q1, _, _, q4 = lesson("01")
    layer = keras.layers.Conv2D(lesson01.FILTERS, lesson01.FILTER_SIZE)
    for shape in (lesson01.FIRST_INPUT, lesson01.SECOND_INPUT):
        out = layer(np.zeros((1, *shape), "float32"))
    assert tuple(out.shape[1:]) == tuple(q1.expected())
    n = q4.expected()
    params = [keras.layers.Conv2D(m, lesson01.BUDGET_F) for m in (n, n + 1)]
    for p in params:
        p.build((None, 32, 32, lesson01.BUDGET_CHANNELS))
    assert params[0].count_params() <= lesson01.BUDGET < params[1].count_params()


def test_notebook01_question_texts_use_the_package_numbers():
    """1강 1번·4번 문제 글의 숫자가 채점에 쓰는 패키지의 값과 같습니다."""
    import json
    from pathlib import Path

    from cnn_helpers.exercises import lesson01

    nb = json.loads((Path(__file__).parents[1] / "notebooks" / "01_convolution.ipynb").read_text(encoding="utf-8"))
    text = "\n".join("".join(c["source"]) for c in nb["cells"])
    h, w, c = lesson01.SECOND_INPUT
    assert f"Conv2D({lesson01.FILTERS}, {lesson01.FILTER_SIZE})" in text
    assert f"{h}×{w}×{c}" in text and "×".join(map(str, lesson01.FIRST_INPUT)) in text
    assert f"{lesson01.BUDGET:,}개" in text and f"{lesson01.BUDGET_F}×{lesson01.BUDGET_F} 필터" in text


def test_function_exercise_reports_crashes_and_shapes():
    q2 = lesson("01")[1]
    assert "오류" in q2.verdict(lambda x, k: 1 / 0)[1]
    assert "모양" in q2.verdict(lambda x, k: np.zeros((1, 1)))[1]
    assert "함수여야" in q2.verdict(3)[1]


def test_unknown_lesson():
    with pytest.raises(ValueError, match="연습 문제는 없습니다"):
        lesson("99")


def test_lesson03_mistakes_teach_without_revealing():
    q1, q2, q3, q4 = lesson("03")
    status, message = q1.verdict((5, 5, 1))
    assert status == WRONG and "채널" in message
    status, message = q1.verdict((13, 13, 32))
    assert status == WRONG and "pool_size" in message and "(5, 5, 32)" not in message
    x = SAME_MATRIX
    status, message = q2.verdict(x[6, 2:4].sum() / 4)
    assert status == WRONG and "패딩" in message and str(x[6, 2:4].mean()) not in message
    status, message = q3.verdict(np.ones((2, 2), bool))
    assert status == WRONG and "옆 창" in message and "True" not in message
    status, message = q4.verdict(4)
    assert status == WRONG and "내림" in message


def test_lesson03_q3_is_what_tensorflow_pools():
    """문제 3의 정답(1칸 옮긴 뒤 그대로인 칸)은 TensorFlow의 최대 풀링으로 계산한 것과 같고, 두 가지 실수 모두를 담습니다."""
    tf = _lazy.tensorflow()

    def tf_pool(a):
        return tf.nn.max_pool2d(a[None, :, :, None].astype("float32"), 2, 2, "VALID")[0, :, :, 0].numpy()

    moved = np.zeros_like(POOL_MATRIX)
    moved[:, 1:] = POOL_MATRIX[:, :-1]
    expected = lesson("03")[2].expected()
    assert np.array_equal(expected, tf_pool(POOL_MATRIX) == tf_pool(moved))
    assert expected.any() and not expected.all()


def test_lesson03_q4_budget_is_keras_count():
    """문제 4: 풀링 3번(28 → 14 → 7 → 3)에서 처음으로 Dense(128)의 매개변수가 100,000개 이하가 됩니다."""
    keras = _lazy.keras()

    def dense_params(pools):
        layers = [keras.Input((28, 28, 64))] + [keras.layers.MaxPool2D(2) for _ in range(pools)]
        model = keras.Sequential(layers + [keras.layers.Flatten(), keras.layers.Dense(128)])
        return model.layers[-1].count_params()

    answer = lesson("03")[3].expected()
    assert dense_params(answer) <= 100_000 < dense_params(answer - 1)


def test_new_exercises_teach_without_revealing():
    q4 = lesson("05")[3]
    assert q4.variable == "early_stop"
    status, message = q4.verdict((8, 8))
    assert status == WRONG and "restore_best_weights" in message and "5" not in message
    status, message = q4.verdict((4, 3))
    assert status == WRONG and "연속" in message
    q6 = lesson("06")[5]
    assert q6.variable == "fine_tune" and q6.kind == "build"


def test_no_exercise_is_asked_twice():
    """같은 문제(같은 정답 계산)가 두 강의에 나오지 않습니다 (01-q3 = 05-q1, 04-q3 = 06-q2 였던 중복)."""
    seen = {}
    for number in sorted(LESSONS):
        for q in lesson(number):
            if q.kind != "value":
                continue
            key = (q.title, repr(q.expected()))
            assert key not in seen, f"{number}-q{q.number}이(가) {seen.get(key)}와 같습니다"
            seen[key] = f"{number}-q{q.number}"
    assert lesson("01")[2].expected() != lesson("05")[0].expected()
    assert lesson("04")[2].expected() != lesson("06")[1].expected()


def test_notebook01_arrays_are_the_package_arrays():
    """01 문제 3의 노트북 입력 X, 필터 K, 편향 b가 채점에 쓰는 패키지의 값과 같습니다."""
    import json
    from pathlib import Path

    from cnn_helpers.exercises import lesson01

    nb = json.loads((Path(__file__).parents[1] / "notebooks" / "01_convolution.ipynb").read_text(encoding="utf-8"))
    cells = ["".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code" and "out_value = ..." in "".join(c["source"])]
    assert len(cells) == 1
    namespace = {"np": np}
    exec(cells[0].split("out_value = ...")[0], namespace)
    assert np.array_equal(namespace["X"], lesson01.MC_INPUT)
    assert np.array_equal(namespace["K"], lesson01.MC_FILTER)
    assert namespace["b"] == lesson01.MC_BIAS
    # 패키지의 정답 계산은 TensorFlow와도 같습니다.
    tf = _lazy.tensorflow()
    out = tf.nn.conv2d(lesson01.MC_INPUT[None].astype("float32"), lesson01.MC_FILTER[..., None].astype("float32"),
                       strides=1, padding="VALID") + lesson01.MC_BIAS
    assert float(out[0, 0, 1, 0]) == lesson("01")[2].expected()


def test_notebook03_matrix_is_the_package_matrix():
    """03 문제 3의 노트북 행렬 X가 채점에 쓰는 패키지의 POOL_MATRIX와 같습니다."""
    import json
    from pathlib import Path

    nb = json.loads((Path(__file__).parents[1] / "notebooks" / "03_pooling_dense.ipynb").read_text(encoding="utf-8"))
    cells = ["".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code" and "unchanged_cells = ..." in "".join(c["source"])]
    assert len(cells) == 1
    namespace = {"np": np}
    exec(cells[0].split("unchanged_cells = ...")[0], namespace)
    assert np.array_equal(namespace["X"], POOL_MATRIX)


# --- 속일 수 없는 채점: 정답은 입력의 사본으로 먼저 계산하고, 학생 함수에는 또 다른 사본을 줍니다 ---

FUNCTION_QS = [(number, q) for number, q in ALL if q.kind == "function"]
FUNCTION_IDS = [f"{number}-q{q.number}" for number, q in FUNCTION_QS]


def _clear(arg):
    if isinstance(arg, np.ndarray) and arg.flags.writeable:
        arg[...] = 0
    elif isinstance(arg, list):
        arg.clear()


@pytest.mark.parametrize("number, q", FUNCTION_QS, ids=FUNCTION_IDS)
def test_wrong_function_that_overwrites_its_inputs_is_wrong(number, q):
    def cheat(*args):
        for a in args:
            _clear(a)
        return np.zeros(np.shape(q.expected(*args))) if all(isinstance(a, np.ndarray) for a in args) else q.expected(*args)

    cases = q.cases()
    mutable = any(isinstance(a, (np.ndarray, list)) for args in cases for a in args)
    if not mutable:
        pytest.skip("입력이 정수뿐이라 바꿀 수 없습니다")
    assert q.verdict(cheat)[0] == WRONG


@pytest.mark.parametrize("number, q", FUNCTION_QS, ids=FUNCTION_IDS)
def test_correct_function_that_clears_its_inputs_afterwards_is_correct(number, q):
    solution = solved_answer(q)

    def tidy(*args):
        result = solution(*args)
        for a in args:
            _clear(a)
        return result

    assert q.verdict(tidy)[0] == CORRECT


def test_function_grading_handles_ragged_huge_and_numpy_returns():
    q2 = lesson("01")[1]
    status, message = q2.verdict(lambda x, k: [[1, 2], [3]])
    assert status == WRONG and "숫자 배열" in message
    assert q2.verdict(lambda x, k: "답")[0] == WRONG
    status, message = q2.verdict(lambda x, k: np.full((x.shape[0] - k.shape[0] + 1, x.shape[1] - k.shape[1] + 1), 10**400))
    assert status == WRONG
    assert q2.verdict(lambda x, k: np.full((1, 1), 1 + 2j))[0] == WRONG
    size = lesson("02")
    fn_q = next(q for q in size if q.kind == "function")
    assert fn_q.verdict(lambda *a: np.int64(fn_q.expected(*a)))[0] == CORRECT
    assert fn_q.verdict(lambda *a: 10**400)[0] == WRONG


def test_value_grading_handles_ragged_huge_and_numpy_scalars():
    q1, _, q3, q4 = lesson("01")
    assert q1.verdict(np.array([60, 44, 8]))[0] == CORRECT
    assert q1.verdict([60, 44, 8])[0] == CORRECT
    assert q4.verdict(np.int64(35))[0] == CORRECT
    assert q4.verdict(np.float32(35.0))[0] == CORRECT
    assert q4.verdict(10**400)[0] == WRONG
    assert q4.verdict(-(10**400))[0] == WRONG
    assert q1.verdict([[1, 2], [3]])[0] == WRONG
    assert q4.verdict("35")[0] == WRONG
    assert q4.verdict(35 + 0j)[0] == WRONG
    assert q3.verdict(np.array(11))[0] == CORRECT
    assert q3.verdict(np.float32(11.0))[0] == CORRECT


def test_answers_equal_edge_cases():
    from cnn_helpers.exercises import answers_equal

    assert answers_equal(np.float64(0.1 + 0.2), 0.3)
    assert not answers_equal(3, 3.5)
    assert not answers_equal(2.9999, 3)  # 정수 정답은 정확히
    assert answers_equal((3, 3), [3, 3])
    assert not answers_equal((3, 3), (3, 3, 3))
    assert not answers_equal(float("nan"), 1.0)
    answers_equal(10**400, 10**400 + 1)  # 넘쳐도 오류는 없어야 합니다 (값은 묻지 않음)
    assert not answers_equal(None, 1)
    assert not answers_equal(object(), 1)


# --- build 문제: 학생이 만든 블록을 실제로 만들어 출력 모양과 매개변수 수를 비교합니다 ---

def _conv_block(x, filters):
    keras = _lazy.keras()
    return keras.layers.Conv2D(filters, 3, padding="same", activation="relu")(x)


def _build_exercise():
    return Exercise(
        9, "3×3 합성곱 블록", "my_block", expected=lambda shape, f: built_model_facts(_conv_block, shape, f),
        hint_text="Conv2D(filters, 3, padding='same')", solution_text="...", kind="build",
        cases=lambda: [((8, 8, 3), 4), ((5, 7, 2), 6)], measure=built_model_facts,
    )


def test_build_exercise_accepts_the_same_block_and_names_what_differs():
    keras = _lazy.keras()
    q = _build_exercise()
    assert q.verdict(_conv_block)[0] == CORRECT
    status, message = q.verdict(lambda x, f: keras.layers.Conv2D(f, 3)(x))  # padding을 잊음
    assert status == WRONG and "출력 모양" in message and "(8, 8, 4)" in message
    status, message = q.verdict(lambda x, f: keras.layers.Conv2D(f, 3, padding="same", use_bias=False)(x))
    assert status == WRONG and "매개변수 수" in message
    status, message = q.verdict(lambda x, f: keras.layers.Conv2D(f, 3)(x[0]))  # 잘못된 텐서
    assert status == WRONG and "오류" in message
    assert q.verdict(lambda x, f: None)[0] == UNATTEMPTED
    assert q.verdict(42)[0] == WRONG


def test_lesson05_build_exercise_checks_the_budget_and_keeps_the_convolutions():
    """5강 문제 2: 합성곱을 바꾸면, 출력이 10개가 아니면, 예산을 넘으면 각각 알맞은 메시지가 나옵니다."""
    keras = _lazy.keras()
    layers = keras.layers
    q = lesson("05")[1]
    assert q.kind == "build" and q.variable == "small_lenet"

    def lenet(dense, filters=(6, 16), padding="same", output="softmax"):
        def build(input_shape=(28, 28, 1)):
            stack = [keras.Input(input_shape), layers.Conv2D(filters[0], 5, padding=padding, activation="relu"),
                     layers.MaxPooling2D(2), layers.Conv2D(filters[1], 5, activation="relu"), layers.MaxPooling2D(2),
                     layers.Flatten()]
            return keras.Sequential(stack + [layers.Dense(u, activation="relu") for u in dense]
                                    + [layers.Dense(10, activation=output)])
        return build

    assert q.verdict(lenet([32]))[0] == CORRECT
    assert q.verdict(lenet([24, 16]))[0] == CORRECT
    status, message = q.verdict(lenet([]))  # 은닉 Dense 없이 Flatten → Dense(10): 6,582개로 예산 안이지만 설계가 아님
    assert status == WRONG and "은닉 Dense" in message
    status, message = q.verdict(lenet([120, 84]))  # LeNet-5 그대로: 61,706개
    assert status == WRONG and "예산" in message
    status, message = q.verdict(lenet([32], output=None))  # 점수(로짓)를 내는 출력: 4절의 손실과 맞지 않음
    assert status == WRONG and "softmax" in message
    def softmax_as_its_own_layer(input_shape=(28, 28, 1)):  # Dense(10) 뒤에 Softmax 계층: 확률을 내므로 정답
        return keras.Sequential([keras.Input(input_shape), layers.Conv2D(6, 5, padding="same", activation="relu"),
                                 layers.MaxPooling2D(2), layers.Conv2D(16, 5, activation="relu"), layers.MaxPooling2D(2),
                                 layers.Flatten(), layers.Dense(32, activation="relu"), layers.Dense(10), layers.Softmax()])

    assert q.verdict(softmax_as_its_own_layer)[0] == CORRECT, q.verdict(softmax_as_its_own_layer)[1]
    status, message = q.verdict(lenet([32], filters=(4, 16)))
    assert status == WRONG and "합성곱 두 계층" in message
    status, message = q.verdict(lenet([32], padding="valid"))  # 예산 안이지만 conv1의 패딩이 다름
    assert status == WRONG and "합성곱 두 계층" in message
    status, message = q.verdict(lambda input_shape: keras.Input(input_shape))  # 모델이 아닌 것
    assert status == WRONG and "오류" in message
    assert q.verdict(lambda input_shape: None)[0] == UNATTEMPTED



def test_lesson05_notebook_numbers_are_the_graded_numbers():
    """5강 문제 4·6·3·8·9의 노트북 표·행렬·점수·확률·기울기가 채점에 쓰는 lesson05의 값과 같고, 문제 6은 가장 큰 칸으로 짐작하면 틀립니다."""
    import json
    import re
    from pathlib import Path

    from cnn_helpers.exercises import lesson05

    nb = json.loads((Path(__file__).resolve().parents[1] / "notebooks" / "05_lenet5.ipynb").read_text(encoding="utf-8"))
    text = ["".join(c["source"]) for c in nb["cells"]]
    table = next(s for s in text if "| 검증 손실 |" in s)
    row = re.search(r"\| 검증 손실 \|(.*)\|", table).group(1)
    assert tuple(float(v) for v in row.split("|")) == lesson05.VAL_LOSSES
    namespace = {"np": np}
    q6_cell = next(s for s in text if "q6.check()" in s)
    exec(q6_cell.split("weakest =")[0], namespace)
    assert tuple(namespace["digits"]) == lesson05.CONFUSION_DIGITS
    assert np.array_equal(namespace["cm"], lesson05.CONFUSION)
    q3_cell = next(s for s in text if "q3.check()" in s)
    exec(q3_cell.split("p_and_loss =")[0], namespace)
    assert tuple(namespace["scores"]) == lesson05.SCORES and namespace["label"] == lesson05.SCORE_LABEL
    q8_cell = next(s for s in text if "q8.check()" in s)
    exec(q8_cell.split("bias_after =")[0], namespace)
    assert tuple(namespace["probs"]) == lesson05.PROBS and namespace["label"] == lesson05.GRAD_LABEL
    assert namespace["rate"] == lesson05.RATE
    q9_cell = next(s for s in text if "q9.check()" in s)
    exec(q9_cell.split("da_hidden =")[0], namespace)
    assert tuple(namespace["a_hidden"]) == lesson05.HIDDEN_A and tuple(namespace["dz_out"]) == lesson05.HIDDEN_DZ
    assert np.array_equal(namespace["W_out"], lesson05.HIDDEN_W2)
    q6 = lesson("05")[5]
    assert q6.verdict(lesson05._largest_off_diagonal())[0] == WRONG
    assert q6.verdict(lesson05.weakest_digits())[0] == CORRECT
    # 문제 3: 모든 점수 +5에서 확률은 그대로, 정답 점수만 +1이면 손실은 줄지만 1보다 덜 줄어듭니다 ("정확히 1"은 오답)
    q3 = lesson("05")[2]
    p, loss = lesson05.softmax_loss()
    shifted_p, raised_loss = lesson05.shift_and_raise()
    assert abs(shifted_p - p) < 1e-12 and loss - 1 < raised_loss < loss
    assert q3.verdict((shifted_p, raised_loss))[0] == CORRECT
    assert q3.verdict((p, loss - 1))[0] == WRONG


def test_lesson05_subclass_exercise_needs_call_inside_the_class():
    """5강 문제 10(더 알아보기): 원래 강의처럼 call이 클래스 밖이면(모델에 call이 없음) 그 까닭을, 풀링을 한 번만 부르면 매개변수를 알려 줍니다."""
    keras = _lazy.keras()
    from cnn_helpers.exercises import lesson05_subclass

    q = lesson("05")[9]
    assert q.variable == "subclassed"
    namespace = {"keras": keras, "layers": keras.layers}
    exec("class TinyLeNet(keras.Model):\n" + lesson05_subclass.SUBCLASS_INIT  # 노트북의 답 셀 그대로: call이 클래스 밖
         + "\ndef call(self, inputs):\n    x = self.pool(self.conv1(inputs))\n    return x\n", namespace)
    status, message = q.verdict(namespace["TinyLeNet"]())
    assert status == WRONG and "클래스 밖" in message
    status, message = q.verdict(namespace["TinyLeNet"])
    assert status == WRONG and "클래스 자체" in message
    assert q.verdict(...)[0] == UNATTEMPTED
    assert q.verdict(solved_answer(q))[0] == CORRECT


@pytest.mark.slow  # 학생의 함수로 모델을 학습합니다
def test_lesson05_training_exercise_accepts_reasonable_designs_and_the_lessons_optimizer():
    """5강 문제 5(설계): 검증 몫 10~30%, 검증 값(val_loss 또는 val_accuracy), 최대 에포크 전에 멈출 수 있는 patience면
    어느 선택이든 정답입니다. 옵티마이저는 4절의 Adam(학습률 0.003)이어야 합니다(문자열 "adam"은 학습률 0.001)."""
    from cnn_helpers.exercises import lesson05_training as training

    q = lesson("05")[4]
    assert q.variable == "train_briefly"
    for design in (training._trainer(), training._trainer(stopper="patience0"), training._trainer(split=0.1),
                   training._trainer(split=0.3, stopper="val_accuracy"), training._trainer(stopper="patience2", epochs=4)):
        assert q.verdict(design)[0] == CORRECT
    status, message = q.verdict(training._trainer(rate=0.001))
    assert status == WRONG and "0.001" in message
    status, message = q.verdict(training._trainer(stopper="patience3"))  # 최대 3 에포크에 patience 3: 멈출 수 없음
    assert status == WRONG and "patience" in message
    status, message = q.verdict(training._trainer(logits=True))  # 확률을 내는 모델에 from_logits=True
    assert status == WRONG and "from_logits" in message
    assert "validation_split" in q.hint_text  # 힌트는 검증에 쓸 인자를 알려 줍니다(5절 본문은 소개하지 않음)

    def tail_by_hand(model, x, y):  # validation_split 대신 뒤쪽 20%를 직접 떼어 validation_data로 줌: 같은 뜻이라 정답
        keras = _lazy.keras()
        model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.003), loss="sparse_categorical_crossentropy")
        cut = len(x) * 4 // 5
        stopper = keras.callbacks.EarlyStopping(monitor="val_loss", patience=1, restore_best_weights=True)
        return model.fit(x[:cut], y[:cut], epochs=3, validation_data=(x[cut:], y[cut:]), callbacks=[stopper], verbose=0)

    assert q.verdict(tail_by_hand)[0] == CORRECT


def test_exercise_solved_reads_the_notebook_variable(monkeypatch):
    """qN.solved(): 노트북의 답 변수가 정답일 때만 True (문제 1·7은 맞힌 뒤에만 Keras의 모양·탐색기 상자를 보여 줍니다)."""
    from cnn_helpers.exercises import _core

    q1 = lesson("05")[0]
    namespace = {}
    monkeypatch.setattr(_core, "student_namespace", lambda: namespace)
    assert not q1.solved()
    namespace["pool2_shape"] = (14, 14, 16)
    assert not q1.solved()
    namespace["pool2_shape"] = tuple(q1.expected())
    assert q1.solved()


def test_lesson05_bias_step_exercise_is_one_sgd_step_on_p_minus_y():
    """5강 문제 8(더 알아보기): 편향의 기울기 p − y로 한 걸음(b − 학습률 × 기울기). 더한 부호, 학습률 빠짐, −y 빠짐은 각각 오답입니다."""
    from cnn_helpers.exercises import lesson05

    q = lesson("05")[7]
    assert q.variable == "bias_after" and q.number == 8
    assert np.allclose(q.expected(), (0.4, -0.35, -0.05))
    assert q.verdict((0.4, -0.35, -0.05))[0] == CORRECT
    status, message = q.verdict((-0.4, 0.35, 0.05))
    assert status == WRONG and "빼야" in message
    status, message = q.verdict((-0.1, -0.35, -0.05))
    assert status == WRONG and "p − 1" in message
    assert np.allclose(lesson05.bias_step((0.1, 0.9), 1, 1.0), (-0.1, 0.1))


def test_lesson05_softmax_exercise_accepts_the_rounded_answer_of_its_solution():
    """5강 문제 3: 풀이의 주석이 적는 반올림한 값 (0.111, 1.372)도 정답입니다 (두 자리로 줄이면 아닙니다)."""
    q = lesson("05")[2]
    assert q.variable == "p_and_loss"
    assert "(0.111, 1.372)" in q.solution_text
    assert q.verdict((0.111, 1.372))[0] == CORRECT
    assert q.verdict((0.11, 1.37))[0] == WRONG
    assert lesson("05")[7].rtol == 1e-4  # 다른 문제의 한도는 그대로


def test_lesson05_hidden_gradient_gates_and_sums():
    """5강 문제 9(더 알아보기): 꺼진 유닛(a ≤ 0)은 0, 켜진 유닛은 세 부류에서 온 몫의 합. 모양이 맞지 않는 W2는 한국어 오류."""
    from cnn_helpers.exercises import lesson05

    assert np.allclose(lesson05.hidden_gradient(), (-0.5, 0.0, -0.4))
    assert lesson05.hidden_gradient((1.0, -1.0), ((1.0, 2.0), (3.0, 4.0)), (0.5, -0.5)) == (-0.5, 0.0)
    with pytest.raises(ValueError, match="W2의 모양"):
        lesson05.hidden_gradient((1.0, 2.0), ((1.0, 2.0, 3.0),), (0.5, -0.5))
    q = lesson("05")[8]
    assert q.variable == "da_hidden" and q.number == 9
    assert q.verdict((-0.5, 1.0, -0.4))[0] == WRONG  # ReLU를 거치지 않음
