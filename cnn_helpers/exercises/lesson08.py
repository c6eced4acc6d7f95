"""8강 연습 문제: ResNet. 문제마다 작은 함수 하나가 `Exercise`를 만들고, `exercises()`가 차례로 늘어놓습니다."""

from __future__ import annotations

import functools
import numbers

from .. import _lazy
from ._core import CORRECT, UNATTEMPTED, Exercise, student_namespace
from ._oracles import build_model, built_block_structure, resnet_block


def block_macs(block, input_shape, filters, stride) -> int:
    """패키지의 블록 하나를 실제로 만들어 곱셈-누산을 셉니다 (지름길 투영 포함)."""
    from ..analysis import count_macs

    return count_macs(resnet_block(block, input_shape, filters, stride=stride))


# ---------------------------------------------------------------------------------------------------------------
# 문제 1 (만들기, 본문 4절): 기본 블록의 마무리 add_shortcut — 투영 조건, 1×1 투영, 더하기, 더한 뒤의 ReLU.
# 잔차 쪽 두 합성곱은 채점기가 패키지와 같은 이름으로 만들고, 학생의 add_shortcut으로 블록을 마무리해
# 패키지의 residual_block과 계층 표(이름, 종류, 출력 모양, 매개변수)를 비교합니다(본문 4절의 표와 같은 항목).
_LAYERS = "계층 (이름, 종류, 출력 모양, 매개변수)"
_PROJ = "투영 합성곱 (커널, 스트라이드, 필터 수)"
_CHANGED = "바뀐 것"


def reference_add_shortcut(x, y, stride, name, plain=False):
    """문제 1의 정답: 패키지(시험된 models.resnet)의 지름길 + ReLU와 같은 계층을 만듭니다."""
    from ..models.resnet import shortcut_and_out

    return shortcut_and_out(x, y, y.shape[-1], stride, name, plain)


def shortcut_structure(add_shortcut, input_shape, filters, stride, plain) -> dict | None:
    """잔차 쪽(3×3 → 3×3, 이름 block_1_…, block_2_…)을 만든 뒤 add_shortcut(x, y, stride, "block", plain)으로
    마무리한 블록의 특징. 두 값의 모양이 달라 더하지 못하면 {'오류': …, '바뀐 것': …}을 돌려줍니다."""
    keras = _lazy.keras()
    from ..analysis._graph import producer
    from ..diagrams import layer_specs
    from ..models._common import conv_bn
    from ._oracles import is_relu

    inputs = keras.Input(tuple(input_shape))
    y = conv_bn(inputs, filters, 3, stride, "block", 1, relu=True)
    y = conv_bn(y, filters, 3, 1, "block", 2, relu=False)
    try:
        out = add_shortcut(inputs, y, stride, "block", plain)
    except ValueError as exc:
        if "incompatible shapes" not in str(exc) and "same shape" not in str(exc):
            raise
        size, channels = stride != 1, input_shape[-1] != filters
        return {"오류": "모양이 달라 더할 수 없음",
                _CHANGED: "크기와 채널 수" if size and channels else "크기" if size else "채널 수"}
    if out is None:
        return None
    model = keras.Model(inputs, out)
    ops = model.operations
    own = {"block_1_conv", "block_2_conv"}
    return {
        "출력 모양": tuple(out.shape[1:]),
        "매개변수 수": int(model.count_params()),
        _PROJ: sorted((op.kernel_size[0], op.strides[0], op.filters) for op in ops
                      if isinstance(op, keras.layers.Conv2D) and op.name not in own),
        "더하기": "있음" if any(type(op).__name__ == "Add" for op in ops) else "없음",
        "ReLU 수": sum(is_relu(op) for op in ops),
        "출력 바로 앞의 ReLU": "있음" if is_relu(producer(out)) else "없음",
        _LAYERS: [(s["name"], s["kind"], s["shape"], s["params"]) for s in layer_specs(model)[1:]],
    }


def shortcut_variant(*, condition="both", project=True, relu_on_projection=False, bn_on_projection=True,
                     relu_after_add=True, honour_plain=True, names=True, plus_operator=False):
    """add_shortcut(x, y, stride, name, plain). 인자 없이 부르면 정답, 인자 하나로 흔한 실수를 넣습니다."""

    def add_shortcut(x, y, stride, name, plain=False):
        layers = _lazy.keras().layers
        if plain and honour_plain:
            return layers.Activation("relu", name=f"{name}_out")(y)
        changed = {"both": stride != 1 or x.shape[-1] != y.shape[-1], "stride": stride != 1,
                   "channels": x.shape[-1] != y.shape[-1], "always": True}[condition]
        if project and changed:
            x = layers.Conv2D(y.shape[-1], 1, strides=stride, padding="same", use_bias=False,
                              name=f"{name}_0_conv")(x)
            if bn_on_projection:
                x = layers.BatchNormalization(momentum=0.9, epsilon=1e-5, name=f"{name}_0_bn")(x)
            if relu_on_projection:
                x = layers.Activation("relu", name=f"{name}_0_relu")(x)
        y = x + y if plus_operator else layers.Add(name=f"{name}_add" if names else None)([x, y])
        return layers.Activation("relu", name=f"{name}_out")(y) if relu_after_add else y

    return add_shortcut


def yours_if_correct(add_shortcut):
    """문제 1의 add_shortcut이 맞으면 그대로, 아니면 (한 줄로 알리고) 정답 판을 돌려줍니다: 강의가 계속 돌아가게."""
    return q1_add_shortcut().yours_if_correct(add_shortcut)


def q1_add_shortcut() -> Exercise:
    return Exercise(
        1, "기본 블록의 지름길 완성하기", "add_shortcut", kind="build", reference=reference_add_shortcut,
        measure=shortcut_structure,
        expected=lambda *args: shortcut_structure(reference_add_shortcut, *args),
        cases=lambda: [
            ((8, 8, 16), 16, 1, False),  # 모양이 그대로: 항등 지름길
            ((8, 8, 16), 32, 2, False),  # 크기 절반, 채널 두 배 (단계의 첫 블록)
            ((8, 8, 16), 32, 1, False),  # 채널만 바뀜
            ((8, 8, 16), 16, 2, False),  # 크기만 바뀜
            ((8, 8, 16), 16, 1, True),  # 평범한 블록 (지름길 없음)
            ((8, 8, 16), 32, 2, True),
        ],
        mistakes=[
            (lambda got, want: got.get(_CHANGED) == "채널 수",
             "스트라이드가 1이어도 채널 수가 바뀌면(16 → 32) x와 y의 모양이 달라 더할 수 없습니다. 투영 조건에 채널 수 "
             "비교(x.shape[-1]과 y.shape[-1])도 넣으세요(규칙 2).", shortcut_variant(condition="stride")),
            (lambda got, want: got.get(_CHANGED) == "크기",
             "채널 수가 같아도 stride가 2면 y는 크기가 절반이라 x와 더할 수 없습니다. 투영 조건에 stride도 넣으세요(규칙 2).",
             shortcut_variant(condition="channels")),
            (lambda got, want: "오류" in got,
             "x와 y의 모양이 달라 더할 수 없습니다. 모양이 바뀌는 블록에서는 x를 1×1 합성곱(스트라이드는 블록의 stride, "
             "필터 수는 y의 채널 수) + 배치 정규화로 투영하세요(규칙 2).", shortcut_variant(project=False)),
            (lambda got, want: want["더하기"] == "없음" and got["더하기"] == "있음",
             "plain=True면 지름길 없이(더하지 않고) y에 ReLU만 적용합니다. 지름길 없는 평범한 블록을 만들 때 쓰는 인자입니다.",
             shortcut_variant(honour_plain=False)),
            (lambda got, want: len(got[_PROJ]) > len(want[_PROJ]),
             "모양이 같으면 지름길은 x 그대로(항등, 매개변수 0)입니다. 투영은 모양이 바뀌는 곳에만 둡니다(규칙 2).",
             shortcut_variant(condition="always")),
            (lambda got, want: got[_PROJ] == want[_PROJ] and got["ReLU 수"] > want["ReLU 수"],
             "투영 뒤에는 ReLU가 없습니다(규칙 4): conv_bn(…, relu=False). 더한 뒤의 ReLU 하나면 됩니다.",
             shortcut_variant(relu_on_projection=True)),
            (lambda got, want: got[_PROJ] == want[_PROJ] and got["매개변수 수"] < want["매개변수 수"],
             "투영 지름길에도 1×1 합성곱 바로 뒤에 배치 정규화를 둡니다(규칙 2, 3). conv_bn이 둘을 함께 만듭니다.",
             shortcut_variant(bn_on_projection=False)),
            (lambda got, want: got["출력 바로 앞의 ReLU"] == "없음",
             "이 블록(v1)은 더한 뒤에 ReLU를 한 번 적용합니다: layers.Activation(\"relu\", name=f\"{name}_out\").",
             shortcut_variant(relu_after_add=False)),
            (lambda got, want: want["더하기"] == "있음" and not any(row[1] == "add" for row in got[_LAYERS]),
             "더하기가 계층으로 보이지 않습니다. x + y 대신 layers.Add(name=f\"{name}_add\")([x, y])로 더하세요. 그래야 "
             "이름이 붙고 계층 표에 나옵니다.", shortcut_variant(plus_operator=True)),
            (lambda got, want: [r[1:] for r in got[_LAYERS]] == [r[1:] for r in want[_LAYERS]],
             "블록은 맞지만 계층 이름이 다릅니다. 투영은 conv_bn(…, f\"{name}_0\", …), 더하기는 f\"{name}_add\", 마지막 "
             "ReLU는 f\"{name}_out\"로 지으세요. 계층 표와 5절의 단계 크기 출력이 이 이름으로 블록의 끝을 찾습니다.", shortcut_variant(names=False)),
        ],
        hint_text=(
            "셋으로 나누어 쓰세요. (1) plain이면 지름길 없이 끝의 ReLU만. (2) 모양이 바뀌는지: 크기(stride)와 채널 수"
            "(x.shape[-1]과 y.shape[-1]) 가운데 하나라도 바뀌면 x를 투영합니다. 투영의 스트라이드와 필터 수는 y의 모양에 "
            "맞아야 합니다. (3) 더하고, 더한 뒤에 ReLU. 4절에서 그린 투영 블록이 이 모양입니다."
        ),
        solution_text=(
            "def add_shortcut(x, y, stride, name, plain=False):\n"
            "    if not plain:  # plain=True: 지름길 없는 평범한 블록 (비교용)\n"
            "        if stride != 1 or x.shape[-1] != y.shape[-1]:  # 모양이 바뀌면 (규칙 2)\n"
            "            x = conv_bn(x, y.shape[-1], 1, stride, f\"{name}_0\", relu=False)  # 1×1 투영 + BN, ReLU 없음\n"
            "        y = layers.Add(name=f\"{name}_add\")([x, y])\n"
            "    return layers.Activation(\"relu\", name=f\"{name}_out\")(y)  # 더한 뒤에 ReLU 한 번 (v1)"
        ),
    )


# ---------------------------------------------------------------------------------------------------------------
# 문제 2 (먼저 예측하고, 실행해서 확인): 지름길만 더한 ResNet-34(γ = 1, 논문의 시작)의 학습 손실은 plain-34의 몇 배인가.
# 학생은 어떤 ResNet도 학습하기 전에 예측합니다. 정답은 강의의 실험(같은 조건으로 141걸음)에서 나온 범위: 0.5배 미만.
# benchmarks/robustness.py가 여러 설정에서 이 비가 0.5보다 넉넉히 작은지 재고, 강의 끝의 검사 셀이 매번 확인합니다.
SHORTCUT_EFFECT = 3
CHOICES = (1, 2, 3)


class Prediction(Exercise):
    """먼저 예측하는 문제: check()는 예측을 적어 두기만 하고(채점하지 않음), 실험 셀이 reveal()로 실제 결과와 비교합니다.
    nbgrader 채점은 다른 문제처럼 Exercise.verdict를 씁니다."""

    def _answer(self, answer):
        return answer[0] if answer else student_namespace().get(self.variable, ...)

    def check(self, *answer) -> None:
        value = self._answer(answer)
        status, _ = self.verdict(value)
        if status == UNATTEMPTED or value not in CHOICES:
            super().check(*answer)
            return
        print(f"📝 문제 {self.number} ({self.title}) — 예측 {value}번을 적어 두었습니다. "
              "다음 셀을 실행해 실제 결과와 비교하세요.")

    def reveal(self, *answer) -> None:
        """실험 결과를 본 뒤: 적어 둔 예측을 채점합니다."""
        value = self._answer(answer)
        status, message = self.verdict(value)
        if status == UNATTEMPTED:
            print(f"📝 문제 {self.number}: 적어 둔 예측이 없습니다. 위에 찍힌 손실 비가 실제 결과입니다.")
            return
        mark = "✅" if status == CORRECT else "❌"
        print(f"{mark} 문제 {self.number} — 예측 {value}번: {message}")


def q2_shortcut_effect() -> Exercise:
    return Prediction(
        2, "지름길만 더한 ResNet-34의 학습 손실 예측", "shortcut_effect",
        expected=lambda: SHORTCUT_EFFECT,
        hint_text=(
            "1절에서 plain-34는 141걸음 뒤에도 학습 데이터를 plain-18보다 훨씬 많이 틀렸습니다. 3절의 y = F(x) + x에서, 학습을 "
            "시작할 때 블록이 입력을 그대로 내보내기가 얼마나 쉬운지 plain-34의 블록과 견주어 보세요."
        ),
        solution_text=(
            "shortcut_effect = 3  # 학습 손실이 plain-34의 절반보다 훨씬 작습니다\n"
            "# 합성곱은 plain-34와 같고 지름길(과 1×1 투영 세 개)만 더했는데, 같은 141걸음에 훨씬 많이 배웁니다. 이 짧은 학습에서\n"
            "# plain-34를 늦춘 것은 주로 지름길 없는 구조로 보입니다(한 번의 실행). 깊이의 영향도 남아, 지름길이 있어도 ResNet-34는\n"
            "# ResNet-18보다 느리게 배웁니다(7절의 2×2 표). 논문은 배치 정규화를 쓴 평범한 신경망의 기울기가 사라지지 않았다고\n"
            "# 보고합니다(7절). 학습 전 기울기를 직접 재 보는 실험은 더 알아보기에 있습니다."
        ),
        mistakes=[
            (lambda a: a not in CHOICES, "1, 2, 3 중 하나를 쓰세요.", 4),
            (lambda a: a == 1,
             "지름길이 별 도움이 안 된다고 예측했군요. ResNet-34는 plain-34와 합성곱이 같고 지름길만 더했습니다. 3절에서 "
             "F = 0이면 블록이 항등 함수가 된다는 것, 곧 입력이 더하기를 지나 그대로 전해진다는 것을 떠올려 보세요.", 1),
            (lambda a: a == 2,
             "방향은 맞지만 차이는 그보다 훨씬 큽니다. plain-34는 141걸음 동안 plain-18보다 훨씬 덜 배웠고(1절의 학습 데이터 오류율), "
             "지름길만 더한 ResNet-34는 같은 걸음 수에 학습 손실이 plain-34의 절반보다 훨씬 작아집니다.", 2),
        ],
    )


# ---------------------------------------------------------------------------------------------------------------
# 문제 3 (손으로 계산): 배치 정규화의 추론용 평균이 두 걸음 동안 어떻게 모이는가 (본문 2절의 갱신 식).
Q3_MOMENTUM, Q3_BATCH = 0.9, (8.0, 12.0)  # 채널 하나, 값의 평균이 10인 배치


def moving_mean_after(steps: int = 2) -> float:
    """Keras의 BatchNormalization(momentum=0.9)에 같은 배치를 학습 모드로 steps번 넣은 뒤의 추론용 평균."""
    import numpy as np

    keras = _lazy.keras()
    layer = keras.layers.BatchNormalization(momentum=Q3_MOMENTUM)
    batch = np.array(Q3_BATCH, dtype="float32").reshape(-1, 1, 1, 1)
    for _ in range(steps):
        layer(batch, training=True)
    return float(layer.moving_mean.numpy()[0])


def _near(a, value) -> bool:
    return isinstance(a, numbers.Real) and not isinstance(a, bool) and abs(a - value) < 1e-3


def q3_moving_mean() -> Exercise:
    return Exercise(
        3, "배치 정규화의 추론용 평균 손으로 계산하기", "bn_moving_mean",
        expected=moving_mean_after,
        hint_text=(
            "2절의 갱신 식을 한 걸음씩 적용하세요. 추론용 평균은 0에서 시작하고, 첫 걸음에서 나온 값이 두 번째 걸음의 "
            "'앞의 추론용 평균'이 됩니다. m = 0.9는 어느 쪽에 곱하는지 식에서 다시 확인하세요."
        ),
        solution_text=(
            "# momentum m = 0.9, 배치 평균 (8 + 12) / 2 = 10, 추론용 평균은 0에서 시작\n"
            "after_one = 0.9 * 0 + (1 - 0.9) * 10  # 1.0: 배치 평균 쪽으로 남은 거리의 10%만 다가감\n"
            "bn_moving_mean = 0.9 * after_one + (1 - 0.9) * 10  # 1.9\n"
            "# 같은 배치를 계속 넣으면 10 − 10·0.9ⁿ으로 10에 다가갑니다. 짧게 학습한 모델의 추론용 평균이 배치의 값과 다를 수 있는 까닭입니다."
        ),
        mistakes=[
            (lambda a: _near(a, 1.0), "그것은 첫 걸음 뒤의 값입니다. 같은 배치를 한 번 더 넣으면 그 값이 '앞의 추론용 평균'이 되어 "
             "한 번 더 갱신됩니다.", 1.0),
            (lambda a: _near(a, 2.0), "두 번째 걸음에서는 앞의 추론용 평균(첫 걸음 뒤의 값)에도 m을 곱합니다. 앞의 값을 그대로 두고 "
             "더하기만 하면 안 됩니다.", 2.0),
            (lambda a: _near(a, 10.0), "추론용 평균은 배치 평균으로 바로 바뀌지 않습니다. 0에서 시작해 걸음마다 남은 거리의 "
             "(1 − m)만큼만 다가갑니다.", 10.0),
            (lambda a: _near(a, 9.0) or _near(a, 9.9), "m(momentum)은 앞의 추론용 평균에 곱하는 값입니다. 새 배치의 평균에는 "
             "1 − m을 곱합니다.", 9.9),
        ],
    )


# ---------------------------------------------------------------------------------------------------------------
_Q3 = 28 * 28 * (256 * 128 + 9 * 128 * 128 + 128 * 512)  # 투영을 빼먹은 답
_Q4_PER_POSITION = 256 * 128 + 9 * 128 * 128 + 128 * 512 + 256 * 512


def q4_conv3_block1_macs() -> Exercise:
    return Exercise(
        4, "conv3_x 첫 병목 블록의 곱셈-누산", "conv3_block1_macs",
        expected=lambda: block_macs("bottleneck_block", (56, 56, 256), 128, 2),
        hint_text=(
            "합성곱 하나의 곱셈-누산은 (출력 높이 × 너비) × (커널 높이 × 너비 × 입력 채널) × 출력 채널입니다. "
            "스트라이드 2가 어느 합성곱에 있는지(그래서 어느 합성곱의 출력이 28×28인지), 그리고 모양이 바뀌는 블록의 지름길에 "
            "무엇이 있는지 떠올려 보세요."
        ),
        solution_text=(
            "reduce = 28 * 28 * (1 * 1 * 256) * 128   # 1×1 축소, 스트라이드 2라 출력이 28×28\n"
            "middle = 28 * 28 * (3 * 3 * 128) * 128   # 3×3\n"
            "expand = 28 * 28 * (1 * 1 * 128) * 512   # 1×1 확장 (4 · 128 = 512채널)\n"
            "projection = 28 * 28 * (1 * 1 * 256) * 512  # 지름길의 1×1 투영 (56×56×256 → 28×28×512)\n"
            "conv3_block1_macs = reduce + middle + expand + projection"
        ),
        mistakes=[
            (lambda a: a == _Q3,
             "입력(256채널, 56×56)과 출력(512채널, 28×28)의 모양이 다르므로 지름길에도 1×1 합성곱(투영)이 있습니다.", _Q3),
            (lambda a: a in (56 * 56 * 256 * 128 + 28 * 28 * (9 * 128 * 128 + 128 * 512 + 256 * 512),
                             56 * 56 * 256 * 128 + 28 * 28 * (9 * 128 * 128 + 128 * 512)),
             "이 강의의 병목 블록(과 원 논문)은 스트라이드 2를 첫 1×1 합성곱에 둡니다. 그래서 1×1 축소 합성곱의 출력부터 "
             "28×28입니다.", 56 * 56 * 256 * 128 + 28 * 28 * (9 * 128 * 128 + 128 * 512 + 256 * 512)),
            (lambda a: a in (56 * 56 * _Q4_PER_POSITION, 56 * 56 * (256 * 128 + 9 * 128 * 128 + 128 * 512)),
             "stride=2이므로 블록 안 합성곱의 출력은 56×56이 아니라 28×28입니다.", 56 * 56 * _Q4_PER_POSITION),
            (lambda a: a in (_Q4_PER_POSITION, 256 * 128 + 9 * 128 * 128 + 128 * 512),
             "그것은 출력 위치 하나당 곱셈-누산입니다. 출력의 높이 × 너비(28 × 28)를 곱하세요.", _Q4_PER_POSITION),
            (lambda a: a < 10_000_000, "합성곱 계층의 매개변수 수가 아니라 곱셈-누산 수입니다. 출력 위치마다 한 번씩 "
             "계산합니다.", 1_000_000),
        ],
    )


# ---------------------------------------------------------------------------------------------------------------
# 문제 5 (설계): 곱셈-누산 예산 안에서 병목 블록의 가운데 폭을 가장 넓게.
Q5_INPUT, Q5_BUDGET = (56, 56, 256), 300_000_000


@functools.cache
def middle_block_macs(m: int) -> int:
    """56×56×256 입력에 1×1(m) → 3×3(m, same) → 1×1(256) 합성곱을 실제 Keras 계층으로 쌓아 곱셈-누산을 셉니다."""
    keras = _lazy.keras()
    from ..analysis import count_macs

    inputs = keras.Input(shape=Q5_INPUT)
    x = keras.layers.Conv2D(m, 1, use_bias=False)(inputs)
    x = keras.layers.Conv2D(m, 3, padding="same", use_bias=False)(x)
    outputs = keras.layers.Conv2D(Q5_INPUT[-1], 1, use_bias=False)(x)
    return count_macs(keras.Model(inputs, outputs))


@functools.cache
def widest_middle() -> int:
    """예산 안에 드는 가장 큰 m (곱셈-누산은 m에 대해 늘기만 하므로 이분 탐색)."""
    low, high = 1, Q5_INPUT[-1]
    while low < high:
        mid = (low + high + 1) // 2
        if middle_block_macs(mid) <= Q5_BUDGET:
            low = mid
        else:
            high = mid - 1
    return low


def _largest(per_position) -> int:
    """per_position(m)을 쓴 틀린 셈으로 예산에 드는 가장 큰 m (흔한 실수의 답)."""
    m = 1
    while per_position(m + 1) <= Q5_BUDGET:
        m += 1
    return m


_POSITIONS = Q5_INPUT[0] * Q5_INPUT[1]
_ONE_REDUCTION = _largest(lambda m: _POSITIONS * (256 * m + 9 * m * m))  # 1×1 하나를 빠뜨림
_ONLY_3X3 = _largest(lambda m: _POSITIONS * 9 * m * m)  # 1×1 둘 다 빠뜨림


def q5_widest_middle() -> Exercise:
    return Exercise(
        5, "예산 안에서 병목 블록 설계하기", "widest_middle",
        expected=widest_middle,
        hint_text=(
            "블록 전체의 곱셈-누산을 m의 식으로 쓰세요: 출력 위치 수(세 합성곱 모두 56×56) × (세 합성곱의 위치당 곱셈-누산의 "
            "합). m에 대한 이차식이 예산 이하가 되는 가장 큰 정수를 찾으면 됩니다. 작은 반복문으로 찾아도 됩니다."
        ),
        solution_text=(
            "def macs(m):\n"
            "    return 56 * 56 * (256 * m + 3 * 3 * m * m + m * 256)  # 1×1 축소 + 3×3 + 1×1 확장\n"
            "\n"
            "widest_middle = max(m for m in range(1, 257) if macs(m) <= 300_000_000)"
        ),
        mistakes=[
            (lambda a: a == _ONE_REDUCTION, "1×1 합성곱은 두 개(256 → m 축소와 m → 256 확장)입니다. 둘 다 세었나요?",
             _ONE_REDUCTION),
            (lambda a: a == _ONLY_3X3, "1×1 합성곱도 곱셈-누산을 씁니다. 위치마다 입력 채널 × 출력 채널만큼입니다.",
             _ONLY_3X3),
            (lambda a: a > Q5_INPUT[-1], "곱셈-누산은 출력 위치(56×56)마다 한 번씩 계산합니다. 위치 수를 곱했나요?", 5000),
            (lambda a: a > widest_middle(), "그 m으로는 곱셈-누산이 3억 개를 넘습니다. 예산 이하인 가장 큰 값을 찾으세요.",
             widest_middle() + 1),
            (lambda a: 0 < a < widest_middle(), "예산 안에 들지만 m을 더 키울 수 있습니다. 가장 큰 값을 찾으세요.", 64),
        ],
    )


# ---------------------------------------------------------------------------------------------------------------
# 문제 6 (만들기, 전이): 본문에 없는 사전 활성화 블록(He et al. 2016, "Identity Mappings in Deep Residual Networks").
def preact_variant(*, relu_after_add=False, shortcut_from_preact=False, bn_after_last=False, first_bn=True,
                   stride_on_second=False):
    """사전 활성화 기본 블록 `f(x, filters, stride)`. 인자 없이 부르면 정답, 인자 하나로 흔한 실수를 넣습니다.

    BN → ReLU → 3×3 합성곱(stride) → BN → ReLU → 3×3 합성곱, 지름길(항등은 x 그대로, 모양이 바뀌면 첫 BN → ReLU를
    거친 값에 1×1 합성곱)을 더하고 끝. 합성곱은 모두 편향 없음.
    """

    def block(x, filters, stride):
        layers = _lazy.keras().layers
        preact = layers.Activation("relu")(layers.BatchNormalization()(x)) if first_bn else x
        first, second = (1, stride) if stride_on_second else (stride, 1)
        y = layers.Conv2D(filters, 3, strides=first, padding="same", use_bias=False)(preact)
        y = layers.Activation("relu")(layers.BatchNormalization()(y))
        y = layers.Conv2D(filters, 3, strides=second, padding="same", use_bias=False)(y)
        if bn_after_last:
            y = layers.BatchNormalization()(y)
        if stride != 1 or x.shape[-1] != filters:
            shortcut = layers.Conv2D(filters, 1, strides=stride, use_bias=False)(preact)  # 투영 (배치 정규화 없음)
        else:
            shortcut = preact if shortcut_from_preact else x
        added = layers.Add()([shortcut, y])
        return layers.Activation("relu")(added) if relu_after_add else added

    return block


_CONVS = "합성곱 (커널, 스트라이드, 필터 수)"
_STRIDES_3X3 = "3×3 합성곱의 스트라이드 (입력 쪽부터)"
_BNS = "배치 정규화 수"


def preact_structure(builder, input_shape, *args) -> dict | None:
    """built_block_structure에 배치 정규화의 수와, 3×3 합성곱의 스트라이드를 계산 순서대로 더합니다.

    사전 활성화 블록의 두 3×3 합성곱은 모양이 같아서, 스트라이드를 어느 쪽에 두었는지는 순서로만 드러납니다.
    """
    keras = _lazy.keras()

    facts = built_block_structure(builder, input_shape, *args)
    if facts is None:
        return None
    model, _ = build_model(builder, input_shape, *args)
    operations = model.operations  # 함수형 모델의 연산은 계산 순서대로 놓입니다
    facts[_STRIDES_3X3] = [op.strides[0] for op in operations
                           if isinstance(op, keras.layers.Conv2D) and op.kernel_size[0] == 3]
    facts[_BNS] = sum(isinstance(op, keras.layers.BatchNormalization) for op in operations)
    return facts


def q6_my_preact_block() -> Exercise:
    return Exercise(
        6, "사전 활성화 잔차 블록 만들기", "my_preact_block", kind="build",
        measure=preact_structure,
        expected=lambda input_shape, *args: preact_structure(preact_variant(), input_shape, *args),
        cases=lambda: [
            ((8, 8, 16), 16, 1),  # 모양이 그대로: 항등 지름길
            ((8, 8, 16), 32, 1),  # 채널만 바뀜: 투영 지름길
            ((8, 8, 16), 32, 2),  # 크기 절반, 채널 두 배: 스트라이드 2 투영 지름길
            ((7, 7, 8), 8, 2),  # 홀수 크기에서 스트라이드 2
        ],
        mistakes=[
            (lambda got, want: got["더한 뒤의 ReLU"] == "있음",
             "사전 활성화 블록은 지름길을 더한 뒤에 아무것도 하지 않습니다(더한 값을 그대로 돌려줌). ReLU는 다음 블록의 "
             "배치 정규화 뒤에 옵니다. 그래야 지름길이 블록에서 블록으로 아무것도 거치지 않습니다.",
             preact_variant(relu_after_add=True)),
            (lambda got, want: got["더하기 바로 앞의 ReLU"] == "있음",
             "더하기에 들어가는 두 값은 ReLU를 바로 거치지 않습니다. 잔차 쪽은 두 번째 3×3 합성곱의 출력 그대로이고, "
             "항등 지름길은 배치 정규화 → ReLU를 거친 값이 아니라 블록의 입력 x 그대로입니다.",
             preact_variant(shortcut_from_preact=True)),
            (lambda got, want: got[_BNS] > want[_BNS],
             "배치 정규화가 너무 많습니다. 배치 정규화는 두 3×3 합성곱 **앞**에 하나씩만 있습니다. 마지막 합성곱 뒤와 "
             "투영 뒤에는 두지 않습니다(다음 블록이 그 값을 정규화합니다).", preact_variant(bn_after_last=True)),
            (lambda got, want: got[_BNS] < want[_BNS],
             "배치 정규화가 모자랍니다. 블록은 입력 x에 배치 정규화 → ReLU를 적용하는 것으로 시작하고, 두 3×3 합성곱 "
             "사이에도 배치 정규화 → ReLU가 있습니다.", preact_variant(first_bn=False)),
            (lambda got, want: got[_STRIDES_3X3] != want[_STRIDES_3X3] and got[_CONVS] == want[_CONVS],
             "스트라이드는 블록의 첫 3×3 합성곱에만 줍니다(4절의 규칙 1). 두 번째 3×3 합성곱은 스트라이드 1입니다.",
             preact_variant(stride_on_second=True)),
        ],
        hint_text=(
            "순서를 종이에 먼저 적어 보세요: x → (배치 정규화 → ReLU) → 3×3 합성곱 → (배치 정규화 → ReLU) → 3×3 합성곱 → "
            "더하기. 스트라이드와 투영이 필요한 조건은 4절의 규칙 1, 2와 같습니다. 투영의 입력은 첫 ReLU의 출력입니다. "
            "항등 지름길로는 블록의 입력 x와 첫 ReLU의 출력 중 어느 것을 써야 할까요? 지름길이 블록에서 블록으로 아무것도 거치지 "
            "않으려면 어느 쪽이어야 하는지 생각해 보세요."
        ),
        solution_text=(
            "def my_preact_block(x, filters, stride):\n"
            "    preact = layers.Activation(\"relu\")(layers.BatchNormalization()(x))  # 합성곱 앞에 BN → ReLU\n"
            "    y = layers.Conv2D(filters, 3, strides=stride, padding=\"same\", use_bias=False)(preact)  # 스트라이드는 여기에만\n"
            "    y = layers.Activation(\"relu\")(layers.BatchNormalization()(y))\n"
            "    y = layers.Conv2D(filters, 3, padding=\"same\", use_bias=False)(y)  # 뒤에 BN도 ReLU도 없음\n"
            "    shortcut = x  # 항등 지름길: 입력 그대로\n"
            "    if stride != 1 or x.shape[-1] != filters:  # 모양이 바뀌면 1×1 투영 (BN → ReLU를 거친 값에)\n"
            "        shortcut = layers.Conv2D(filters, 1, strides=stride, use_bias=False)(preact)\n"
            "    return layers.Add()([shortcut, y])  # 더한 뒤에는 아무것도 없음"
        ),
    )


def exercises() -> list[Exercise]:
    return [q1_add_shortcut(), q2_shortcut_effect(), q3_moving_mean(), q4_conv3_block1_macs(), q5_widest_middle(), q6_my_preact_block()]
