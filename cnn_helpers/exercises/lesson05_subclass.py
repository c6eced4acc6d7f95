"""5강 더 알아보기 '서브클래싱'의 연습 문제 10: 클래스 밖에 놓인 call을 고쳐 TinyLeNet을 완성합니다."""

from __future__ import annotations

import functools
import warnings

import numpy as np

from .. import _lazy
from ._core import CORRECT, UNATTEMPTED, WRONG, Exercise

# 문제 10: 서브클래싱. 노트북의 답 셀이 __init__을 주고, 흔한 실수처럼 클래스 밖에 놓인 call을 학생이 고쳐 완성합니다.
SUBCLASS_NAME = "TinyLeNet"
SUBCLASS_INIT = """\
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.conv1 = layers.Conv2D(6, 5, padding="same", activation="relu")
        self.conv2 = layers.Conv2D(16, 5, activation="relu")
        self.pool = layers.MaxPooling2D(2)  # 매개변수가 없어 두 번 써도 됩니다
        self.flatten = layers.Flatten()
        self.hidden = layers.Dense(64, activation="relu")
        self.classifier = layers.Dense(10, activation="softmax")
"""
SUBCLASS_BODY = """\
        x = self.pool(self.conv1(inputs))
        x = self.pool(self.conv2(x))  # 같은 풀링을 한 번 더
        return self.classifier(self.hidden(self.flatten(x)))
"""
SUBCLASS_SOLUTION = (f"class {SUBCLASS_NAME}(keras.Model):\n{SUBCLASS_INIT}\n"
                     "    def call(self, inputs):  # __init__과 같은 깊이: 클래스의 메서드\n" + SUBCLASS_BODY
                     + f"\n\nsubclassed = {SUBCLASS_NAME}()  # 위 셀의 call을 4칸 들여써 클래스 안에 넣은 것과 같습니다")


def _subclass(body: str | None):
    """TinyLeNet의 __init__에 call의 몸통 body(None이면 call 없음)를 붙인 클래스 (정답과 실수의 예)."""
    keras = _lazy.keras()
    namespace = {"keras": keras, "layers": keras.layers}
    call = "" if body is None else "\n    def call(self, inputs):\n" + body
    exec(f"class {SUBCLASS_NAME}(keras.Model):\n" + SUBCLASS_INIT + call, namespace)  # noqa: S102
    return namespace[SUBCLASS_NAME]


def subclass_facts(model) -> tuple[int, int]:
    """모델을 28×28×1 이미지 두 장에 불러 (출력 수, 부른 계층의 매개변수 수)를 돌려줍니다."""
    with warnings.catch_warnings():  # 부르지 않은 계층이 있으면 Keras가 build 경고를 냅니다: 그 실수는 채점기가 알려 줍니다
        warnings.simplefilter("ignore", UserWarning)
        out = model(np.zeros((2, 28, 28, 1), "float32"))
    return int(out.shape[-1]), sum(int(np.prod(w.shape)) for w in model.weights)


@functools.cache
def subclass_expected() -> tuple[int, int]:
    """정답 모델의 (출력 수, 매개변수 수): 28×28×1 입력에서."""
    return subclass_facts(_subclass(SUBCLASS_BODY)())


def _called_facts(answer):
    """call이 클래스 안에 있는 모델이면 subclass_facts, 아니면(또는 부르다 오류) None."""
    try:
        return subclass_facts(answer) if "call" in vars(type(answer)) else None
    except Exception:  # noqa: BLE001
        return None


class _ModelExercise(Exercise):
    """답이 모델 객체인 문제: 모델을 불러 본 (출력 수, 매개변수 수)를 정답 모델과 비교합니다."""

    def verdict(self, answer=...):
        if answer is ... or answer is None:
            return UNATTEMPTED, f"아직 풀지 않음: 변수 `{self.variable}`에 답을 쓰고 q{self.number}.check()를 다시 실행하세요."
        mistake = self._matching_mistake(answer)
        if mistake:
            return WRONG, f"아직 아닙니다. {mistake}"
        if not isinstance(answer, _lazy.keras().Model):
            return WRONG, (f"아직 아닙니다. `{self.variable}`에는 {SUBCLASS_NAME}()으로 만든 모델을 쓰세요 "
                           f"(받은 것: {type(answer).__name__}).")
        try:
            facts = subclass_facts(answer)
        except Exception as exc:  # noqa: BLE001
            return WRONG, f"모델을 이미지에 부르다가 오류가 났습니다: {type(exc).__name__}: {str(exc)[:300]}"
        if facts == self.expected():
            return CORRECT, "정답입니다! call이 클래스 안에 있고, 출력과 매개변수 수가 정답 모델과 같습니다."
        return WRONG, f"아직 아닙니다. 출력 수와 매개변수 수가 {facts}로 정답 모델과 다릅니다. q{self.number}.hint()를 보세요."


def q10_subclass_call() -> Exercise:
    keras = _lazy.keras()
    classes, params = subclass_expected()
    return _ModelExercise(
        10, "서브클래싱: 클래스 밖에 놓인 call 고치기", "subclassed",
        expected=subclass_expected,
        hint_text=(
            "call은 클래스의 메서드여야 Keras가 모델을 부를 때 씁니다. def call 줄이 def __init__과 같은 칸에서 "
            "시작하는지 보세요. 몸통은 더 알아보기의 LeNet5.call처럼 계층을 차례로 부르되, 이 모델의 풀링은 self.pool 하나입니다."
        ),
        solution_text=SUBCLASS_SOLUTION,
        mistakes=[
            (lambda a: isinstance(a, type),
             f"클래스 자체가 아니라 그 클래스로 만든 모델을 씁니다: subclassed = {SUBCLASS_NAME}()", _subclass(None)),
            (lambda a: isinstance(a, keras.Model) and "call" not in vars(type(a)),
             "모델에 call이 없습니다(부르면 NotImplementedError). def call이 클래스 밖(맨 앞 칸)에 있으면 클래스의 메서드가 "
             "아니라 보통 함수가 됩니다. def __init__과 같은 깊이로 4칸 들여쓰세요.",
             _subclass(None)()),
            (lambda a: (f := _called_facts(a)) is not None and f[0] != classes,
             "마지막에 self.classifier를 지나야 부류 10개의 확률이 나옵니다.",
             _subclass("        return self.hidden(self.flatten(self.pool(self.conv2(self.pool(self.conv1(inputs))))))\n")()),
            (lambda a: (f := _called_facts(a)) is not None and f[0] == classes and f[1] > params,
             "매개변수가 너무 많습니다. conv2 뒤에도 self.pool을 한 번 더 불러 5×5로 줄인 뒤 펼쳐야 합니다"
             "(풀링은 매개변수가 없어 같은 계층을 두 번 불러도 됩니다).",
             _subclass("        return self.classifier(self.hidden(self.flatten(self.conv2(self.pool(self.conv1(inputs))))))\n")()),
        ],
    )
