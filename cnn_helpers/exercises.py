"""스스로 채점하는 연습 문제: `q1.check()`, `q1.hint()`, `q1.solution()`.

노트북에서는 이렇게 씁니다.

    q1, q2, q3 = lesson("01")
    out_size = ...        # ← 답을 쓰세요 (비워 두면 '아직 풀지 않음')
    q1.check()

정답은 손으로 적어 둔 숫자가 아니라, 시험으로 검증된 이 패키지의 함수(conv_output_size, conv2d, pool2d,
Keras 계층의 count_params 등)로 그때그때 계산합니다. 틀렸을 때의 메시지는 답을 알려 주지 않고 흔한 실수를
짚어 줍니다.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from . import arithmetic, ops

__all__ = ["Exercise", "lesson", "CORRECT", "WRONG", "UNATTEMPTED"]

CORRECT, WRONG, UNATTEMPTED = "정답", "오답", "아직 풀지 않음"


def _student_namespace() -> dict:
    """노트북(IPython) 사용자 변수 공간, 없으면 __main__ 모듈의 변수들."""
    try:
        from IPython import get_ipython

        shell = get_ipython()
        if shell is not None:
            return shell.user_ns
    except ImportError:
        pass
    return vars(sys.modules["__main__"])


def _equal(answer, expected) -> bool:
    """정수 정답(개수·크기)은 정확히, 실수 정답은 작은 오차를 허용해 비교합니다."""
    try:
        answer, expected = np.asarray(answer), np.asarray(expected)
        if np.array_equal(answer, expected):
            return True
        if expected.dtype.kind in "iub" or answer.shape != expected.shape:
            return False
        return bool(np.allclose(answer.astype(float), expected.astype(float), rtol=1e-4, atol=1e-6))
    except (TypeError, ValueError):
        return False


@dataclass
class Exercise:
    """연습 문제 하나.

    variable: 학생이 답을 적는 변수 이름. expected: 정답을 계산하는 함수(인자 없음).
    kind: 'value'(값을 적음) 또는 'function'(함수를 작성; cases의 각 입력에서 expected 함수와 비교).
    mistakes: (흔한 오답을 알아보는 함수, 그때 보여 줄 가르치는 문장) 목록.
    """

    number: int
    title: str
    variable: str
    expected: Callable[..., Any]
    hint_text: str
    solution_text: str
    kind: str = "value"
    cases: Callable[[], list] = field(default=lambda: [])
    mistakes: list = field(default_factory=list)

    def verdict(self, answer: Any = ...) -> tuple[str, str]:
        """(판정, 한국어 메시지)를 돌려줍니다. 판정은 CORRECT, WRONG, UNATTEMPTED 중 하나입니다."""
        if answer is ... or answer is None:
            return UNATTEMPTED, f"아직 풀지 않음: 변수 `{self.variable}`에 답을 쓰고 q{self.number}.check()를 다시 실행하세요."
        if self.kind == "function":
            return self._verdict_function(answer)
        if _equal(answer, self.expected()):
            return CORRECT, "정답입니다!"
        for looks_like, lesson_text in self.mistakes:
            try:
                if looks_like(answer):
                    return WRONG, f"아직 아닙니다. {lesson_text}"
            except Exception:  # 진단은 참고용: 이상한 답이어도 채점은 계속합니다.
                continue
        return WRONG, f"아직 아닙니다. 다시 계산해 보세요. 막히면 q{self.number}.hint()를 실행하세요."

    def _verdict_function(self, fn) -> tuple[str, str]:
        if not callable(fn):
            return WRONG, f"`{self.variable}`은(는) 함수여야 합니다. `def {self.variable}(...):`로 정의하세요."
        for args in self.cases():
            try:
                got = fn(*args)
            except Exception as exc:
                shapes = ", ".join(str(np.shape(a)) for a in args)
                return WRONG, f"입력 모양 {shapes}에서 함수가 오류를 냈습니다: {type(exc).__name__}: {exc}"
            if got is None:
                return UNATTEMPTED, f"아직 풀지 않음: `{self.variable}` 함수가 아무것도 돌려주지 않습니다(return을 쓰세요)."
            expected = self.expected(*args)
            if np.shape(got) != np.shape(expected):
                return WRONG, f"출력 모양이 다릅니다: 입력 {[np.shape(a) for a in args]}에서 모양 {np.shape(got)}이(가) 나왔습니다. 출력 크기 공식을 확인하세요."
            if not _equal(got, expected):
                for looks_like, lesson_text in self.mistakes:
                    try:
                        if looks_like(got, *args):
                            return WRONG, f"아직 아닙니다. {lesson_text}"
                    except Exception:
                        continue
                return WRONG, f"모양은 맞지만 값이 다릅니다 (입력 모양 {[np.shape(a) for a in args]}). q{self.number}.hint()를 보세요."
        return CORRECT, f"정답입니다! 무작위 입력 {len(self.cases())}개에서 모두 맞았습니다."

    def check(self, *answer) -> None:
        """답을 채점해 한 줄로 알려 줍니다. 인자가 없으면 노트북의 변수 `variable`을 읽습니다."""
        value = answer[0] if answer else _student_namespace().get(self.variable, ...)
        status, message = self.verdict(value)
        mark = {CORRECT: "✅", WRONG: "❌", UNATTEMPTED: "📝"}[status]
        print(f"{mark} 문제 {self.number} ({self.title}) — {message}")

    def hint(self) -> None:
        """힌트를 보여 줍니다 (답은 알려 주지 않습니다)."""
        print(f"💡 힌트 {self.number}: {self.hint_text}")

    def solution(self) -> None:
        """풀이를 보여 줍니다."""
        print(f"📖 풀이 {self.number}:\n{self.solution_text}")

    def __repr__(self) -> str:
        return f"<연습 문제 {self.number}: {self.title} — 답은 변수 `{self.variable}`에>"


def _random_pairs(shapes, seed):
    rng = np.random.default_rng(seed)
    return [(rng.integers(-4, 5, size=xs), rng.integers(-2, 3, size=ks)) for xs, ks in shapes]


def _conv2d_params(filters, kernel, channels) -> int:
    """Keras Conv2D 계층을 실제로 만들어 매개변수 수를 셉니다."""
    from .setup import import_tensorflow_quietly

    import_tensorflow_quietly()
    import keras

    layer = keras.layers.Conv2D(filters, kernel)
    layer.build((None, 32, 32, channels))
    return layer.count_params()


def _lesson01() -> list[Exercise]:
    return [
        Exercise(
            1, "출력 크기", "out_size",
            expected=lambda: arithmetic.conv_output_size(32, 5),
            hint_text="필터를 놓을 수 있는 위치의 수를 세어 보세요. 첫 위치는 0, 마지막 위치는 n − f입니다.",
            solution_text="out_size = 32 - 5 + 1  # n - f + 1 = 28",
            mistakes=[
                (lambda a: a == 32 - 5, "위치 0부터 n − f까지 세면 몇 개인가요? 끝 위치도 포함해야 합니다."),
                (lambda a: a == 32, "패딩이 없으면 출력은 입력보다 작아집니다."),
                (lambda a: a in (32 + 5 - 1, 32 + 5 + 1), "필터 크기는 더하는 것이 아니라 빼야 합니다."),
            ],
        ),
        Exercise(
            2, "교차 상관 함수", "my_correlate",
            kind="function",
            expected=ops.correlate2d,
            cases=lambda: _random_pairs([((4, 4), (3, 3)), ((5, 7), (2, 3)), ((6, 6), (1, 1)), ((8, 5), (4, 2))], 1),
            hint_text="출력 (i, j)는 x[i:i+kh, j:j+kw] * k 의 합입니다. 출력 크기는 (H − kh + 1, W − kw + 1)입니다.",
            solution_text=(
                "def my_correlate(x, k):\n"
                "    kh, kw = k.shape\n"
                "    oh, ow = x.shape[0] - kh + 1, x.shape[1] - kw + 1\n"
                "    out = np.zeros((oh, ow))\n"
                "    for i in range(oh):\n"
                "        for j in range(ow):\n"
                "            out[i, j] = (x[i:i + kh, j:j + kw] * k).sum()\n"
                "    return out"
            ),
            mistakes=[
                (lambda got, x, k: _equal(got, ops.convolve2d(x, k)),
                 "커널을 뒤집었나요? 딥러닝의 '합성곱'(교차 상관)은 커널을 뒤집지 않습니다."),
            ],
        ),
        Exercise(
            3, "Conv2D의 매개변수 수", "conv_params",
            expected=lambda: _conv2d_params(64, 5, 3),
            hint_text="필터 하나의 가중치는 (높이 × 너비 × 입력 채널)개이고, 필터마다 편향이 하나씩 있습니다.",
            solution_text="conv_params = 5 * 5 * 3 * 64 + 64  # 4,864",
            mistakes=[
                (lambda a: a == 5 * 5 * 3 * 64, "편향(필터마다 하나)을 빠뜨리지 않았나요?"),
                (lambda a: a in (5 * 5 * 64 + 64, 5 * 5 * 64), "필터는 입력 채널(RGB 3개)을 모두 덮습니다."),
                (lambda a: a == 32 * 32 * 3 * 64 + 64, "합성곱 계층의 매개변수 수는 입력 이미지 크기와 상관이 없습니다."),
            ],
        ),
    ]


def _lesson02() -> list[Exercise]:
    return [
        Exercise(
            1, "패딩과 스트라이드가 있는 출력 크기", "out_size",
            expected=lambda: arithmetic.conv_output_size(27, 3, 1, 2),
            hint_text="(n + 2p − f) / s + 1 에 n=27, f=3, p=1, s=2를 넣어 보세요.",
            solution_text="out_size = (27 + 2 * 1 - 3) // 2 + 1  # 14",
            mistakes=[
                (lambda a: a == 27 + 2 - 3 + 1, "스트라이드 2로 건너뛰면 출력이 약 절반이 됩니다."),
                (lambda a: a == (27 - 3) // 2 + 1, "패딩은 양쪽에 들어가므로 2p를 더합니다."),
                (lambda a: a == (27 + 2 - 3) // 2, "마지막에 +1을 잊지 않았나요? 첫 위치도 셉니다."),
            ],
        ),
        Exercise(
            2, "크기를 지키는 패딩", "padding",
            expected=lambda: arithmetic.same_padding(20, 7)[0],
            hint_text="출력 n + 2p − f + 1이 n과 같아지려면 2p가 무엇과 같아야 할까요?",
            solution_text="padding = (7 - 1) // 2  # 3",
            mistakes=[
                (lambda a: a == 7 - 1, "패딩은 양쪽에 들어갑니다: 한쪽 패딩을 물었습니다."),
                (lambda a: a == 7 // 2 + 1, "식 2p = f − 1을 다시 풀어 보세요."),
            ],
        ),
        Exercise(
            3, "출력 크기 함수", "output_size",
            kind="function",
            expected=lambda n, f, p, s: arithmetic.conv_output_size(n, f, p, s, strict=False),
            cases=lambda: [(5, 3, 0, 1), (5, 3, 1, 1), (28, 5, 1, 2), (7, 3, 0, 2), (224, 7, 3, 2), (32, 4, 0, 3)],
            hint_text="(n + 2p − f) 을 s로 나눈 몫(//)에 1을 더합니다. 나누어떨어지지 않으면 내림입니다.",
            solution_text="def output_size(n, f, p, s):\n    return (n + 2 * p - f) // s + 1",
            mistakes=[
                (lambda got, n, f, p, s: got == (n + 2 * p - f) / s + 1, "나누어떨어지지 않을 때 내림(// 연산)을 했나요?"),
                (lambda got, n, f, p, s: got == (n + p - f) // s + 1, "패딩은 양쪽에 들어가므로 2p입니다."),
            ],
        ),
    ]


_POOL_MATRIX = np.array([[2, 0, 1, 3],
                         [5, 1, 4, 2],
                         [0, 6, 2, 2],
                         [3, 1, 7, 1]])
_SAME_MATRIX = np.arange(1, 50).reshape(7, 7)


def _pool(x, size, stride=None, padding="valid", mode="max") -> np.ndarray:
    """2-D 배열 하나를 ops.pool2d로 풀링합니다 (채널·배치 축을 붙였다 뗍니다)."""
    return ops.pool2d(np.asarray(x, float)[None, :, :, None], size, stride=stride, padding=padding, mode=mode)[0, :, :, 0]


def _dense_after_flatten_params(shape, units) -> int:
    """Flatten → Dense(units) 모델을 Keras로 실제로 만들어 매개변수 수를 셉니다 (Flatten은 0개)."""
    from .setup import import_tensorflow_quietly

    import_tensorflow_quietly()
    import keras

    model = keras.Sequential([keras.Input(shape), keras.layers.Flatten(), keras.layers.Dense(units)])
    return model.count_params()


def _has(a, shape) -> bool:
    return np.shape(a) == shape


def _lesson03() -> list[Exercise]:
    m, s = _POOL_MATRIX, _SAME_MATRIX
    return [
        Exercise(
            1, "최대 풀링 결과", "pooled",
            expected=lambda: _pool(_POOL_MATRIX, 2),
            hint_text="4×4를 겹치지 않는 2×2 창 네 개로 나누고, 창마다 가장 큰 값 하나를 고르세요. 결과는 2×2 배열입니다.",
            solution_text=(
                "M = np.array([[2, 0, 1, 3],\n"
                "              [5, 1, 4, 2],\n"
                "              [0, 6, 2, 2],\n"
                "              [3, 1, 7, 1]])\n"
                "pooled = np.array([[M[0:2, 0:2].max(), M[0:2, 2:4].max()],\n"
                "                   [M[2:4, 0:2].max(), M[2:4, 2:4].max()]])"
            ),
            mistakes=[
                (lambda a: _equal(a, _pool(m, 2, mode="avg")), "창의 평균을 구했나요? 최대 풀링은 창에서 가장 큰 값 하나만 남깁니다."),
                (lambda a: _has(a, (3, 3)), "창을 한 칸씩 옮겼나요? 스트라이드가 창 크기와 같은 2이므로 창이 겹치지 않습니다."),
                (lambda a: _has(a, (4, 4)), "풀링은 특징 맵을 줄입니다: 2×2 창을 2칸씩 옮기면 가로·세로가 절반이 됩니다."),
                (lambda a: _equal(np.transpose(a), _pool(m, 2)), "행과 열이 바뀌었습니다. 결과의 (i, j)는 위에서 i번째, 왼쪽에서 j번째 창입니다."),
            ],
        ),
        Exercise(
            2, "풀링 출력의 모양", "pool_shape",
            expected=lambda: (arithmetic.conv_output_size(15, 3, 0, 2), arithmetic.conv_output_size(15, 3, 0, 2), 32),
            hint_text="풀링도 출력 크기 공식 (H + 2P − FH) / S + 1 을 따릅니다. 'valid'는 P = 0입니다. 채널은 어떻게 될까요?",
            solution_text="pool_shape = ((15 - 3) // 2 + 1, (15 - 3) // 2 + 1, 32)  # (높이, 너비, 채널)",
            mistakes=[
                (lambda a: len(a) != 3, "(높이, 너비, 채널) 세 값을 튜플로 쓰세요."),
                (lambda a: a[2] != 32, "풀링은 채널마다 따로 적용되므로 채널 수는 바뀌지 않습니다."),
                (lambda a: a[0] == -(-15 // 2), "그것은 'same' 패딩의 출력 크기입니다. 'valid'는 패딩이 없습니다."),
                (lambda a: a[0] == 15 - 3 + 1, "스트라이드 2를 빠뜨렸나요? 창을 2칸씩 옮깁니다."),
                (lambda a: a[0] == (15 - 3) // 2, "마지막에 +1을 잊지 않았나요? 첫 창의 위치도 셉니다."),
            ],
        ),
        Exercise(
            3, "평면화 뒤 완전 연결 계층의 매개변수 수", "dense_params",
            expected=lambda: _dense_after_flatten_params((3, 3, 64), 10),
            hint_text="평면화하면 입력이 높이 × 너비 × 채널 개가 됩니다. Dense는 입력마다 출력마다 가중치 하나, 출력마다 편향 하나입니다.",
            solution_text="dense_params = (3 * 3 * 64) * 10 + 10  # 평면화하면 576개 → 출력 10개",
            mistakes=[
                (lambda a: a == 3 * 3 * 64 * 10, "편향(출력 유닛마다 하나)을 빠뜨리지 않았나요?"),
                (lambda a: a in (3 * 3 * 10 + 10, 3 * 3 * 10), "평면화하면 채널 64개도 모두 입력이 됩니다."),
                (lambda a: a in (64 * 10 + 10, 64 * 10), "평면화하면 높이·너비의 모든 위치가 입력이 됩니다. 합성곱과 달리 가중치를 공유하지 않습니다."),
            ],
        ),
        Exercise(
            4, "SAME 평균 풀링의 가장자리 값", "corner_value",
            expected=lambda: _pool(_SAME_MATRIX, 2, padding="same", mode="avg")[3, 1],
            hint_text=(
                "ch.same_padding(7, 2, 2)로 패딩이 어느 쪽에 몇 칸 들어가는지 보세요. 출력 (3, 1)의 창에 실제 입력 칸이 몇 개 "
                "있는지 세고, TensorFlow가 평균의 분모로 무엇을 쓰는지 떠올리세요."
            ),
            solution_text=(
                "x = np.arange(1, 50).reshape(7, 7)\n"
                "# same_padding(7, 2, 2) = (0, 1): 아래·오른쪽에 한 칸. 출력 (3, 1)의 창은 6행, 2~3열과 패딩 한 줄\n"
                "corner_value = x[6, 2:4].mean()  # 패딩 칸은 세지 않으므로 실제 칸 2개의 평균"
            ),
            mistakes=[
                (lambda a: _equal(a, s[6, 2:4].sum() / 4), "패딩 칸까지 개수에 넣었나요? TensorFlow의 평균 풀링은 패딩 칸을 평균에서 뺍니다."),
                (lambda a: _equal(a, s[5:7, 2].mean()) or _equal(a, s[5:7, 2].sum() / 4),
                 "패딩이 어느 쪽에 들어가는지 확인하세요. 전체 패딩이 홀수이면 남는 한 칸은 뒤(아래·오른쪽)로 갑니다."),
                (lambda a: _equal(a, s[5:7, 2:4].mean()),
                 "마지막 창을 입력 안쪽으로 당겨 오지 않습니다. 창은 스트라이드 2에 따라 0, 2, 4행에서 시작합니다."),
                (lambda a: _equal(a, s[6, 2]) or _equal(a, s[6, 2] / 4),
                 "가로 방향도 따져 보세요. 출력 1열의 창이 덮는 입력 열 가운데 실제 입력은 몇 개인가요?"),
            ],
        ),
    ]


def _lenet_layer(input_shape, name, attribute):
    """models.lenet5를 실제로 만들어 계층의 값(매개변수 수나 출력 모양)을 꺼냅니다."""
    from .models import lenet5
    from .setup import import_tensorflow_quietly

    import_tensorflow_quietly()
    model = lenet5(input_shape=input_shape)
    if name is None:
        return model.count_params()
    layer = model.get_layer(name)
    return layer.count_params() if attribute == "params" else tuple(layer.output.shape[1:])


def _lesson05() -> list[Exercise]:
    return [
        Exercise(
            1, "필터 32개인 conv2의 매개변수 수", "conv2_params",
            expected=lambda: _conv2d_params(32, 5, 6),
            hint_text="필터 하나는 5 × 5 × (입력 채널 수) 가중치와 편향 하나를 가집니다. 입력 채널은 conv1의 필터 수입니다.",
            solution_text="conv2_params = 5 * 5 * 6 * 32 + 32  # 4,832",
            mistakes=[
                (lambda a: a == 5 * 5 * 6 * 32, "편향(필터마다 하나)을 빠뜨리지 않았나요?"),
                (lambda a: a in (5 * 5 * 32 + 32, 5 * 5 * 32), "필터는 입력 채널 6개를 모두 덮습니다."),
                (lambda a: a == 5 * 5 * 6 * 16 + 16, "필터 수가 32개로 바뀌었습니다."),
                (lambda a: a > 20_000, "합성곱 계층의 매개변수는 입력 크기(14×14)와 상관이 없습니다."),
            ],
        ),
        Exercise(
            2, "36×36 입력에서 pool2의 출력 모양", "pool2_shape",
            expected=lambda: _lenet_layer((36, 36, 1), "pool2", "shape"),
            hint_text="36 → (same 합성곱) → ? → (2×2 풀링) → ? → (5×5 valid 합성곱) → ? → (2×2 풀링) → ?. 채널은 conv2의 필터 수입니다.",
            solution_text="side = (36 // 2 - 5 + 1) // 2\npool2_shape = (side, side, 16)  # (7, 7, 16)",
            mistakes=[
                (lambda a: tuple(a)[:2] == (14, 14), "14×14는 conv2의 출력입니다. 풀링을 한 번 더 거칩니다."),
                (lambda a: tuple(a)[:2] == (6, 6), "conv1은 padding='same'이라 크기가 36 그대로입니다."),
                (lambda a: tuple(a)[2] != 16, "채널 수는 conv2의 필터 수와 같습니다."),
            ],
        ),
        Exercise(
            3, "입력 32×32일 때의 매개변수 수", "params_32",
            expected=lambda: _lenet_layer((32, 32, 1), None, None),
            hint_text="합성곱 계층의 매개변수는 그대로입니다. 바뀌는 것은 평면화한 길이와 fc1의 가중치입니다.",
            solution_text=(
                "side = (32 // 2 - 5 + 1) // 2  # pool2 뒤 크기: 6\n"
                "params_32 = (5*5*1*6 + 6) + (5*5*6*16 + 16) + (side*side*16*120 + 120) + (120*84 + 84) + (84*10 + 10)"
            ),
            mistakes=[
                (lambda a: a == 61_706, "입력 크기가 바뀌면 평면화한 길이가 바뀌고, fc1의 가중치 수도 바뀝니다."),
            ],
        ),
    ]


# 04 수용 영역 ----------------------------------------------------------------

# 문제 1, 2의 층 쌓기: (종류, 커널, 스트라이드). 'pool'은 최대 풀링입니다.
_RF_STACK = (("conv", 5, 1), ("pool", 2, 2), ("conv", 3, 1), ("conv", 3, 2), ("conv", 3, 1))
_STEM_STACK = (("conv", 7, 2), ("pool", 3, 2), ("conv", 3, 1), ("conv", 3, 2))


def _stack_table(spec):
    """(종류, 커널, 스트라이드) 목록으로 Keras 모델을 실제로 만들어 analysis.receptive_field 표를 돌려줍니다."""
    from .setup import import_tensorflow_quietly

    import_tensorflow_quietly()
    import keras

    from .analysis import receptive_field

    stack = [keras.Input((128, 128, 1))]
    for kind, kernel, stride in spec:
        if kind == "pool":
            stack.append(keras.layers.MaxPooling2D(kernel, strides=stride, padding="same"))
        else:
            stack.append(keras.layers.Conv2D(1, kernel, strides=stride, padding="same"))
    return receptive_field(keras.Sequential(stack))


def _stack_rf(spec) -> int:
    return int(_stack_table(tuple(spec))["rf"].iloc[-1])


def _stack_jump(spec) -> int:
    return int(_stack_table(tuple(spec))["jump"].iloc[-1])


def _rf_variants(pairs) -> dict:
    """흔한 실수로 계산한 수용 영역: 스트라이드 무시, 층 자신의 스트라이드를 곱함, 커널 크기 합."""
    ignore, own, jump = 1, 1, 1
    for kernel, stride in pairs:
        ignore += kernel - 1
        own += (kernel - 1) * jump * stride
        jump *= stride
    return {"ignore": ignore, "own": own, "sum": sum(k for k, _ in pairs)}


def _saving_params() -> int:
    return _conv2d_params(64, 7, 64) - 3 * _conv2d_params(64, 3, 64)


_RF_FUNCTION_CASES = [
    [(3, 1), (3, 1)],
    [(3, 1), (3, 1), (2, 2), (3, 1)],
    [(7, 2), (3, 2), (3, 1), (3, 1)],
    [(5, 1)],
    [(3, 2), (3, 2), (3, 2), (3, 2)],
    [(1, 1), (3, 1), (1, 1), (5, 3), (3, 1)],
]


def _lesson04() -> list[Exercise]:
    pairs = [(k, s) for _, k, s in _RF_STACK]
    stem = [(k, s) for _, k, s in _STEM_STACK]
    wrong = _rf_variants(pairs)
    return [
        Exercise(
            1, "쌓은 층의 수용 영역", "stack_rf",
            expected=lambda: _stack_rf(_RF_STACK),
            hint_text=(
                "표를 만들어 층마다 r과 j를 갱신하세요: r ← r + (k − 1)·j, 그다음 j ← j·s. "
                "처음에는 r = 1, j = 1이고, 풀링도 커널 2, 스트라이드 2인 층으로 셉니다."
            ),
            solution_text=(
                "rf, jump = 1, 1\n"
                "for kernel, stride in [(5, 1), (2, 2), (3, 1), (3, 2), (3, 1)]:\n"
                "    rf += (kernel - 1) * jump  # 앞 층까지의 jump를 씁니다\n"
                "    jump *= stride\n"
                "stack_rf = rf"
            ),
            mistakes=[
                (lambda a: a == wrong["ignore"], "스트라이드를 빠뜨렸나요? 스트라이드 2 뒤의 층은 입력에서 두 칸씩 떨어진 칸들을 봅니다: (k − 1)에 jump를 곱하세요."),
                (lambda a: a == wrong["own"], "r을 갱신할 때는 그 층 앞까지의 jump를 씁니다. 그 층 자신의 스트라이드는 다음 층부터 영향을 줍니다."),
                (lambda a: a == wrong["sum"], "커널 크기를 그냥 더하면 이웃한 창이 겹치는 부분을 두 번 셉니다. 층마다 늘어나는 양은 (k − 1)·jump입니다."),
            ],
        ),
        Exercise(
            2, "줄기(stem)의 유효 스트라이드", "stem_jump",
            expected=lambda: _stack_jump(_STEM_STACK),
            hint_text="유효 스트라이드(jump)는 출력에서 이웃한 두 칸이 입력에서 몇 화소 떨어져 있는지입니다. 층마다 j ← j·s입니다.",
            solution_text=(
                "stem_jump = 1\n"
                "for stride in [2, 2, 1, 2]:  # 7×7/2 합성곱, 3×3/2 풀링, 3×3/1, 3×3/2 합성곱\n"
                "    stem_jump *= stride"
            ),
            mistakes=[
                (lambda a: a == sum(s for _, s in stem), "스트라이드는 더하지 않고 곱합니다: 두 칸씩 건너뛴 결과에서 다시 두 칸씩 건너뛰면 네 칸씩입니다."),
                (lambda a: a == _stack_rf(_STEM_STACK), "그것은 수용 영역(rf)입니다. jump는 이웃한 출력 칸 사이의 입력 거리입니다."),
                (lambda a: a in (stem[0][1] * stem[1][1], stem[0][1] * stem[1][1] * stem[2][1]),
                 "마지막 합성곱의 스트라이드까지 모두 곱했나요?"),
            ],
        ),
        Exercise(
            3, "7×7 한 층 대신 3×3 세 층", "params_saved",
            expected=_saving_params,
            hint_text=(
                "채널 64 → 64인 Conv2D의 매개변수는 k·k·64·64 + 64(편향)입니다. 7×7 한 층의 수에서 3×3 세 층의 수를 빼세요."
            ),
            solution_text=(
                "C = 64\n"
                "one_7x7 = 7 * 7 * C * C + C\n"
                "three_3x3 = 3 * (3 * 3 * C * C + C)\n"
                "params_saved = one_7x7 - three_3x3"
            ),
            mistakes=[
                (lambda a: a == (49 - 27) * 64 * 64, "편향을 빠뜨리지 않았나요? 층마다 출력 채널 수만큼 편향이 있고, 7×7은 한 층, 3×3은 세 층입니다."),
                (lambda a: a == _conv2d_params(64, 5, 64) - 2 * _conv2d_params(64, 3, 64),
                 "그것은 5×5 한 층과 3×3 두 층의 차이입니다. 7×7과 수용 영역이 같으려면 3×3이 몇 층 필요한가요?"),
                (lambda a: 0 < a < 3, "비율이 아니라 매개변수 개수의 차이를 물었습니다."),
                (lambda a: a < 0, "부호를 확인하세요. 7×7 한 층이 3×3 세 층보다 매개변수가 많습니다."),
            ],
        ),
        Exercise(
            4, "수용 영역을 계산하는 함수", "receptive_field_of",
            kind="function",
            expected=lambda pairs: _stack_rf(tuple(("conv", k, s) for k, s in pairs)),
            cases=lambda: [(case,) for case in _RF_FUNCTION_CASES],
            hint_text="r = 1, j = 1에서 시작해 (kernel, stride) 쌍마다 r ← r + (kernel − 1)·j, j ← j·stride를 하고 r을 돌려주세요.",
            solution_text=(
                "def receptive_field_of(layers):\n"
                "    rf, jump = 1, 1\n"
                "    for kernel, stride in layers:\n"
                "        rf += (kernel - 1) * jump\n"
                "        jump *= stride\n"
                "    return rf"
            ),
            mistakes=[
                (lambda got, pairs: got == _rf_variants(pairs)["ignore"], "스트라이드가 있는 층 뒤에서도 (kernel − 1)만 더했나요? 앞 층까지의 jump를 곱해야 합니다."),
                (lambda got, pairs: got == _rf_variants(pairs)["own"], "r을 갱신할 때 그 층 자신의 스트라이드까지 곱했나요? r을 먼저 갱신하고 jump는 그다음에 갱신합니다."),
            ],
        ),
    ]


_BUILT: dict = {}


def _keras_quietly():
    from .setup import import_tensorflow_quietly

    import_tensorflow_quietly()
    import keras

    return keras


def _cached(key, build):
    """큰 모델을 만드는 계산은 한 번만 하고 결과(숫자)를 기억해 둡니다."""
    if key not in _BUILT:
        _BUILT[key] = build()
    return _BUILT[key]


def _block_layer_params(block, input_shape, args, layer_names):
    """models의 블록 함수를 실제 입력에 붙여 만든 뒤, 이름이 layer_names인 계층들의 매개변수 합을 셉니다."""
    keras = _keras_quietly()
    from . import models

    inputs = keras.Input(shape=input_shape)
    model = keras.Model(inputs, getattr(models, block)(inputs, *args, name="q"))
    return sum(model.get_layer(f"q_{name}").count_params() for name in layer_names)


def _conv_stack_params(channels, kernel, count) -> int:
    """channels → channels 합성곱(same) count개를 Keras로 쌓아 매개변수를 셉니다."""
    keras = _keras_quietly()
    layers = [keras.Input(shape=(16, 16, channels))]
    layers += [keras.layers.Conv2D(channels, kernel, padding="same") for _ in range(count)]
    return keras.Sequential(layers).count_params()


def _vgg16_fc1_params(input_shape) -> int:
    from . import models

    _keras_quietly()
    return models.vgg16(input_shape=input_shape).get_layer("fc1").count_params()


def _lesson06() -> list[Exercise]:
    def saved(c):
        return _conv_stack_params(c, 7, 1) - _conv_stack_params(c, 3, 3)

    return [
        Exercise(
            1, "block3_conv1의 매개변수 수", "block3_conv1_params",
            expected=lambda: _block_layer_params("vgg_block", (56, 56, 128), (256, 3), ["conv1"]),
            hint_text="필터 하나는 3 × 3 × (입력 채널 수) 가중치와 편향 하나를 가집니다. 입력 채널은 앞 블록의 필터 수입니다.",
            solution_text="block3_conv1_params = 3 * 3 * 128 * 256 + 256  # 295,168",
            mistakes=[
                (lambda a: a == 3 * 3 * 128 * 256, "편향(필터마다 하나)을 빠뜨리지 않았나요?"),
                (lambda a: a in (3 * 3 * 256 * 256 + 256, 3 * 3 * 256 * 256),
                 "블록의 첫 합성곱은 앞 블록의 출력을 받습니다. 입력 채널이 몇 개인가요?"),
                (lambda a: a in (3 * 3 * 3 * 256 + 256, 3 * 3 * 3 * 256),
                 "입력 채널은 RGB 3개가 아니라 바로 앞 계층 출력의 채널 수입니다."),
                (lambda a: a > 10_000_000, "합성곱 계층의 매개변수 수는 입력의 가로·세로(56×56)와 상관이 없습니다."),
            ],
        ),
        Exercise(
            2, "7×7 대신 3×3 세 개로 줄어드는 매개변수", "params_saved",
            expected=lambda: _cached(("06", 2), lambda: saved(256)),
            hint_text=(
                "C → C 합성곱 하나의 매개변수는 k × k × C × C + C입니다. 7×7 하나와 3×3 세 개를 각각 세어 빼세요."
            ),
            solution_text=(
                "C = 256\n"
                "params_saved = (7 * 7 * C * C + C) - 3 * (3 * 3 * C * C + C)  # 1,441,280"
            ),
            mistakes=[
                (lambda a: a == 22 * 256 * 256, "편향도 세세요. 계층 수가 다르면 편향 수도 다릅니다."),
                (lambda a: a < 0, "줄어든 개수를 물었으므로 (7×7 하나) − (3×3 세 개)로, 양수입니다."),
                (lambda a: 0 < a < 1, "비율이 아니라 줄어든 매개변수의 개수를 쓰세요."),
                (lambda a: a == (49 * 256 * 256 + 256) - (9 * 256 * 256 + 256),
                 "3×3 합성곱을 하나가 아니라 세 개 쌓습니다."),
            ],
        ),
        Exercise(
            3, "32×32 입력에서 fc1의 매개변수 수", "fc1_params_32",
            expected=lambda: _cached(("06", 3), lambda: _vgg16_fc1_params((32, 32, 3))),
            hint_text=(
                "2×2 최대 풀링을 다섯 번 거치면 32×32는 몇 × 몇이 될까요? 채널은 512입니다. "
                "fc1은 평면화한 입력마다 유닛 4,096개에 가중치가 하나씩, 유닛마다 편향이 하나 있습니다."
            ),
            solution_text=(
                "side = 32 // 2**5  # 풀링 다섯 번: 32 → 1\n"
                "fc1_params_32 = side * side * 512 * 4096 + 4096  # 2,101,248"
            ),
            mistakes=[
                (lambda a: a == 7 * 7 * 512 * 4096 + 4096,
                 "그것은 224×224 입력일 때의 값입니다. 입력이 작아지면 마지막 특징 맵도 작아집니다."),
                (lambda a: a == 512 * 4096, "편향(유닛마다 하나)을 빠뜨리지 않았나요?"),
                (lambda a: a in (2 * 2 * 512 * 4096 + 4096, 2 * 2 * 512 * 4096),
                 "VGG-16의 블록은 다섯 개이고, 블록마다 최대 풀링이 한 번 있습니다."),
            ],
        ),
    ]


def _macs_of(build) -> int:
    """build(keras, inputs)로 만든 출력까지의 모델을 세우고 analysis.count_macs로 곱셈-누산을 셉니다."""
    keras = _keras_quietly()
    from .analysis import count_macs

    inputs, outputs = build(keras)
    return count_macs(keras.Model(inputs, outputs))


def _reduced_3x3_branch(keras):
    inputs = keras.Input(shape=(28, 28, 192))
    x = keras.layers.Conv2D(96, 1, padding="same")(inputs)
    return inputs, keras.layers.Conv2D(128, 3, padding="same")(x)


def _inception_channels(key, input_shape) -> int:
    keras = _keras_quietly()
    from . import models

    inputs = keras.Input(shape=input_shape)
    return int(models.inception_block(inputs, *models.GOOGLENET_TABLE1[key]).shape[-1])


def _head_params(kind) -> int:
    """7×7×1024 특징 맵 뒤의 분류 머리(평면화 또는 전역 평균 풀링 + Dense(10))를 Keras로 만들어 매개변수를 셉니다."""
    keras = _keras_quietly()
    squash = keras.layers.Flatten() if kind == "flatten" else keras.layers.GlobalAveragePooling2D()
    return keras.Sequential([keras.Input(shape=(7, 7, 1024)), squash, keras.layers.Dense(10)]).count_params()


def _lesson07() -> list[Exercise]:
    return [
        Exercise(
            1, "인셉션 3b의 출력 채널 수", "channels_3b",
            expected=lambda: _inception_channels("3b", (28, 28, 256)),
            hint_text="네 가지의 출력(1×1, 3×3, 5×5, 풀링 뒤 1×1)을 채널 축으로 이어 붙입니다. reduce 열은 가지 안의 중간 단계입니다.",
            solution_text="channels_3b = 128 + 192 + 96 + 64  # #1×1 + #3×3 + #5×5 + pool proj = 480",
            mistakes=[
                (lambda a: a == 128 + 128 + 192 + 32 + 96 + 64,
                 "3×3 reduce·5×5 reduce의 출력은 다음 합성곱으로 들어갈 뿐 이어 붙이지 않습니다."),
                (lambda a: a == 128 + 192 + 96 + 256,
                 "풀링 가지는 최대 풀링 뒤 1×1 합성곱(pool proj)을 거치므로 입력 채널이 그대로 나오지 않습니다."),
                (lambda a: a == 128 + 192 + 96, "풀링 가지도 출력에 이어 붙습니다."),
            ],
        ),
        Exercise(
            2, "병목 계층이 있는 5×5 가지의 매개변수 수", "branch5_params",
            expected=lambda: _block_layer_params(
                "inception_block", (14, 14, 480), _table1("4a"), ["5x5_reduce", "5x5"]
            ),
            hint_text=(
                "가지는 1×1 합성곱(480 → 16)과 5×5 합성곱(16 → 48) 두 계층입니다. "
                "각각 (k × k × 입력 채널 + 1) × 필터 수로 세어 더하세요."
            ),
            solution_text="branch5_params = (1 * 1 * 480 * 16 + 16) + (5 * 5 * 16 * 48 + 48)  # 26,944",
            mistakes=[
                (lambda a: a in (5 * 5 * 480 * 48 + 48, 5 * 5 * 480 * 48),
                 "5×5 합성곱은 480채널을 바로 받지 않습니다. 1×1 병목 계층이 먼저 채널을 줄입니다."),
                (lambda a: a == 480 * 16 + 5 * 5 * 16 * 48, "편향(필터마다 하나)을 두 계층 모두 세세요."),
                (lambda a: a in (5 * 5 * 16 * 48 + 48, 480 * 16 + 16), "가지에는 계층이 두 개 있습니다: 둘 다 더하세요."),
            ],
        ),
        Exercise(
            3, "3×3 가지의 곱셈-누산 수", "branch3_macs",
            expected=lambda: _macs_of(_reduced_3x3_branch),
            hint_text=(
                "출력 한 칸의 곱셈-누산은 k × k × 입력 채널이고, 출력 칸은 가로 × 세로 × 필터 수개입니다. "
                "1×1(192 → 96)과 3×3(96 → 128)을 각각 세어 더하세요. 편향은 세지 않습니다."
            ),
            solution_text=(
                "hw = 28 * 28\n"
                "branch3_macs = hw * (1 * 1 * 192 * 96) + hw * (3 * 3 * 96 * 128)  # 101,154,816"
            ),
            mistakes=[
                (lambda a: a == 192 * 96 + 9 * 96 * 128, "그것은 출력 위치 하나의 값입니다. 28×28 위치 모두에서 계산합니다."),
                (lambda a: a == 28 * 28 * 9 * 192 * 128, "병목 계층이 있으면 3×3 합성곱은 192채널이 아니라 줄어든 채널을 받습니다."),
                (lambda a: a == 2 * 28 * 28 * (192 * 96 + 9 * 96 * 128),
                 "곱셈-누산은 곱셈 하나와 덧셈 하나를 한 번으로 셉니다(FLOPs가 아닙니다)."),
                (lambda a: a == 28 * 28 * 9 * 96 * 128, "1×1 병목 계층의 곱셈-누산도 더하세요."),
            ],
        ),
        Exercise(
            4, "전역 평균 풀링으로 아끼는 매개변수", "gap_saving",
            expected=lambda: _head_params("flatten") - _head_params("gap"),
            hint_text=(
                "평면화하면 7 × 7 × 1024개가 Dense(10)의 입력이 되고, 전역 평균 풀링을 하면 채널마다 하나, 1024개가 됩니다. "
                "두 Dense의 매개변수(편향 포함)를 빼세요."
            ),
            solution_text="gap_saving = (7 * 7 * 1024 * 10 + 10) - (1024 * 10 + 10)  # 491,520",
            mistakes=[
                (lambda a: a == 7 * 7 * 1024 * 10 + 10, "전역 평균 풀링 뒤의 Dense(10)에도 매개변수가 있습니다. 빼 주세요."),
                (lambda a: a < 0, "아낀 개수이므로 (평면화 쪽) − (전역 평균 풀링 쪽)으로, 양수입니다."),
                (lambda a: a == 7 * 7 * 1024 - 1024, "특징 값의 개수가 아니라 Dense(10)의 매개변수 수의 차이를 물었습니다."),
            ],
        ),
    ]


def _table1(key):
    from .models import GOOGLENET_TABLE1

    return GOOGLENET_TABLE1[key]


_RESNET_CONV_COUNTS: dict[int, int] = {}


def _resnet_block(block, input_shape, filters, **kwargs):
    """models의 잔차 블록(block: 'residual_block' 또는 'bottleneck_block') 하나를 실제 Keras 모델로 만듭니다."""
    from . import models
    from .setup import import_tensorflow_quietly

    import_tensorflow_quietly()
    import keras

    inputs = keras.Input(shape=input_shape)
    return keras.Model(inputs, getattr(models, block)(inputs, filters, name="block", **kwargs))


def _resnet_conv_count(depth) -> int:
    """models.resnet(depth)의 Conv2D 계층 수 (지름길 투영 포함). 개수는 입력 크기·폭과 상관없으므로 작게 만들고 기억해 둡니다."""
    if depth not in _RESNET_CONV_COUNTS:
        from .models import resnet
        from .setup import import_tensorflow_quietly

        import_tensorflow_quietly()
        import keras

        model = resnet(depth, input_shape=(32, 32, 3), classes=10, width=4)
        _RESNET_CONV_COUNTS[depth] = sum(isinstance(layer, keras.layers.Conv2D) for layer in model.layers)
    return _RESNET_CONV_COUNTS[depth]


def _bottleneck_mac_ratio(size, channels) -> float:
    """병목 블록(channels → channels/4 → channels)과 3×3 합성곱 두 개(channels 채널)의 곱셈-누산 비율."""
    from .analysis import count_macs

    bottleneck = count_macs(_resnet_block("bottleneck_block", (size, size, channels), channels // 4))
    two_convs = count_macs(_resnet_block("residual_block", (size, size, channels), channels))
    return bottleneck / two_convs


def _lesson08() -> list[Exercise]:
    def near(a, value):
        return abs(float(a) - value) < 1e-3 * value

    return [
        Exercise(
            1, "병목 블록의 1×1 축소 합성곱", "reduce_params",
            expected=lambda: _resnet_block("bottleneck_block", (56, 56, 256), 64).get_layer("block_1_conv").count_params(),
            hint_text="1×1 합성곱의 필터 하나는 1 × 1 × (입력 채널 수)개의 가중치를 가집니다. ResNet의 합성곱에 편향이 있는지도 떠올려 보세요.",
            solution_text="reduce_params = 1 * 1 * 256 * 64  # 편향 없음 (바로 뒤 배치 정규화가 이동을 맡음)",
            mistakes=[
                (lambda a: a == 256 * 64 + 64, "ResNet의 합성곱은 바로 뒤에 배치 정규화가 있어 편향을 쓰지 않습니다(use_bias=False)."),
                (lambda a: a in (3 * 3 * 256 * 64, 3 * 3 * 256 * 64 + 64), "채널을 줄이는 첫 계층은 3×3이 아니라 1×1 합성곱입니다."),
                (lambda a: a in (64 * 64, 64 * 64 + 64), "1×1 합성곱도 입력 채널 256개를 모두 덮습니다."),
                (lambda a: a in (256 * 256, 256 * 256 * 4), "축소 합성곱의 출력 채널은 filters(64)입니다. 4배로 늘리는 것은 마지막 1×1 합성곱입니다."),
                (lambda a: a > 1_000_000, "합성곱 계층의 매개변수 수는 입력의 높이·너비(56×56)와 상관없습니다."),
            ],
        ),
        Exercise(
            2, "stride 2 잔차 블록의 출력 모양", "block_output_shape",
            expected=lambda: tuple(_resnet_block("residual_block", (28, 28, 64), 128, stride=2).output.shape[1:]),
            hint_text="크기는 첫 번째 3×3 합성곱(stride=2, padding='same')에서 한 번만 줄어듭니다. 출력 채널은 filters입니다.",
            solution_text="block_output_shape = (28 // 2, 28 // 2, 128)  # (높이, 너비, 채널)",
            mistakes=[
                (lambda a: len(a) != 3, "(높이, 너비, 채널) 세 값을 튜플로 쓰세요."),
                (lambda a: tuple(a)[:2] == (28, 28), "stride=2인 첫 번째 합성곱이 높이와 너비를 줄입니다."),
                (lambda a: tuple(a)[:2] == (7, 7),
                 "스트라이드는 첫 번째 합성곱에만 적용됩니다. 두 번 줄이면 지름길과 모양이 맞지 않습니다(원래 강의 코드의 버그)."),
                (lambda a: tuple(a)[2] == 64, "출력 채널 수는 filters입니다. 지름길은 1×1 투영으로 채널 수를 맞춥니다."),
                (lambda a: tuple(a)[2] == 4 * 128, "기본 잔차 블록은 채널을 4배로 늘리지 않습니다. 4배로 늘리는 것은 병목 블록입니다."),
            ],
        ),
        Exercise(
            3, "ResNet-50의 합성곱 계층 수", "resnet50_convs",
            expected=lambda: _resnet_conv_count(50),
            hint_text=(
                "줄기의 합성곱 1개, 병목 블록마다 합성곱 3개(블록 수는 단계별로 3, 4, 6, 3), 그리고 지름길의 1×1 투영이 있습니다. "
                "투영은 블록의 입력과 출력 모양이 다른 곳(각 단계의 첫 블록)에만 있습니다."
            ),
            solution_text=(
                "blocks = 3 + 4 + 6 + 3\n"
                "# 줄기 1개 + 블록마다 3개 + 단계마다 첫 블록의 투영 1개 (conv2_x도 64 → 256으로 채널이 바뀜)\n"
                "resnet50_convs = 1 + 3 * blocks + 4"
            ),
            mistakes=[
                (lambda a: a == 50, "이름의 50은 지름길 투영을 빼고 끝의 완전 연결 계층을 더한 수입니다. Conv2D만, 투영까지 세어 보세요."),
                (lambda a: a == 49, "지름길의 1×1 투영도 Conv2D 계층입니다. 모양이 바뀌는 곳마다 하나씩 있습니다."),
                (lambda a: a == 52,
                 "줄기(stem)의 7×7 합성곱과, 채널이 64에서 256으로 바뀌는 conv2_x 첫 블록의 투영을 모두 세었나요?"),
                (lambda a: a in (48, 51), "줄기(stem)의 7×7 합성곱도 Conv2D 계층입니다."),
            ],
        ),
        Exercise(
            4, "conv4_x 병목 블록의 곱셈-누산 비율", "conv4_mac_ratio",
            expected=lambda: _bottleneck_mac_ratio(14, 1024),
            hint_text=(
                "곱셈-누산은 (출력 높이 × 너비) × (커널 높이 × 너비 × 입력 채널) × 출력 채널입니다. 병목 블록의 세 합성곱과 "
                "3×3 합성곱 두 개를 각각 더해 나누세요. 14 × 14는 분자와 분모에 똑같이 곱해집니다."
            ),
            solution_text=(
                "bottleneck = 1024 * 256 + 9 * 256 * 256 + 256 * 1024  # 1×1 축소 + 3×3 + 1×1 확장 (위치 하나당)\n"
                "two_convs = 2 * 9 * 1024 * 1024                         # 3×3 합성곱 두 개 (위치 하나당)\n"
                "conv4_mac_ratio = bottleneck / two_convs  # 14 × 14 위치는 약분됩니다"
            ),
            mistakes=[
                (lambda a: a > 1, "병목 블록 ÷ 3×3 합성곱 두 개의 비율을 구하세요. 병목 블록이 훨씬 가벼우므로 1보다 작습니다."),
                (lambda a: near(a, 13 / 288), "1×1 합성곱은 둘입니다(채널 축소와 확장). 둘 다 세었나요?"),
                (lambda a: near(a, 9 / 288), "병목 블록에는 3×3 합성곱 말고도 1×1 합성곱 두 개가 있습니다."),
                (lambda a: near(a, 17 / 144), "비교 대상은 3×3 합성곱 두 개입니다. 분모에 두 개를 모두 넣었나요?"),
                (lambda a: abs(float(a) - 17 / 288) < 2e-3, "거의 맞았습니다. 반올림하지 말고 식 그대로 계산해 보세요."),
            ],
        ),
    ]


_LESSONS: dict[str, Callable[[], list[Exercise]]] = {
    "01": _lesson01,
    "02": _lesson02,
    "03": _lesson03,
    "04": _lesson04,
    "05": _lesson05,
    "06": _lesson06,
    "07": _lesson07,
    "08": _lesson08,
}


def lesson(number: str) -> list[Exercise]:
    """강의 번호('01', '02', …)의 연습 문제 목록을 돌려줍니다: `q1, q2, q3 = lesson("01")`."""
    key = f"{number:02d}" if isinstance(number, int) and not isinstance(number, bool) else number
    if key not in _LESSONS:
        raise ValueError(f"강의 {number!r}의 연습 문제는 없습니다. 있는 강의: {', '.join(sorted(_LESSONS))}")
    return _LESSONS[key]()
