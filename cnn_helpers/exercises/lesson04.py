"""4강 연습 문제: 수용 영역과 유효 수용 영역.

문제 1은 재귀식(팽창 포함), 문제 2는 출력 칸의 상자, 문제 3은 ERF의 크기(먼저 예측하고 실행해서 확인),
문제 4는 곱셈-누산 예산 안에서 수용 영역을 얻는 설계입니다. 정답은 패키지의 검증된 함수
(`receptive_field`로 읽는 `rf_growth_boxes`, `receptive_field_box`, `count_macs`)로 계산합니다.
"""

from __future__ import annotations

import math

from ._core import Exercise
from ._oracles import build_model

# 문제 1의 계층: (종류, 커널, 스트라이드[, 팽창])
_Q1_STACK = (("conv", 3, 1), ("conv", 3, 2), ("conv", 3, 1, 2), ("pool", 2, 2), ("conv", 3, 1))

# 문제 2: 계층 표의 한 행 (rf, jump, 유효 패딩)과 출력 칸, 입력 크기
_Q2_SPEC, _Q2_CELL, _Q2_INPUT = (9, 2, 3), (0, 4), (32, 32)

# 문제 3: 균일한 가중치 3×3 합성곱을 쌓아 ERF의 σ가 이 값이 되는 계층 수
_Q3_SIGMA = 6

# 문제 4: 입력 32×32×64 → 출력 16×16×64, 수용 영역과 곱셈-누산 예산
_Q4_INPUT, _Q4_OUTPUT, _Q4_RF, _Q4_MACS = (32, 32, 64), (16, 16, 64), 15, 40_000_000
_RF_KEY, _MACS_KEY = f"수용 영역 ≥ {_Q4_RF}", f"곱셈-누산 ≤ {_Q4_MACS:,}"


def stack_rf_jump(layers) -> tuple[int, int]:
    """계층 목록으로 Keras 모델을 실제로 만들어 receptive_field 표에서 읽은 마지막 계층의 (rf, jump)."""
    from ..diagrams.rf_growth import rf_growth_boxes

    last = rf_growth_boxes(layers)["layers"][-1]
    return last["rf"], last["jump"]


def _variants(layers) -> dict:
    """흔한 실수로 계산한 (rf, jump): 팽창 무시, 스트라이드 무시, 그 계층 자신의 스트라이드를 곱함, 스트라이드를 더함."""
    out = {}
    for name in ("no_dilation", "no_stride", "own_stride"):
        r, j = 1, 1
        for _kind, f, s, *d in layers:
            eff = f if name == "no_dilation" else (d[0] if d else 1) * (f - 1) + 1
            if name == "own_stride":
                j *= s
                r += (eff - 1) * j
            else:
                r += (eff - 1) * (1 if name == "no_stride" else j)
                j *= s
        out[name] = (r, j)
    r, _ = stack_rf_jump(layers)
    out["sum_stride"] = (r, sum(s for _, _, s, *_ in layers))
    return out


def _box() -> tuple[int, int, int, int]:
    from ..analysis import receptive_field_box

    return receptive_field_box(_Q2_SPEC, *_Q2_CELL, _Q2_INPUT)


def _box_variants() -> dict:
    rf, jump, pad = _Q2_SPEC
    (a, b), (h, w) = _Q2_CELL, _Q2_INPUT
    top, left = a * jump - pad, b * jump - pad
    return {
        "no_clip": (top, left, top + rf, left + rf),
        "no_pad": (a * jump, b * jump, a * jump + rf, b * jump + rf),
        "inclusive": (max(top, 0), max(left, 0), min(top + rf, h) - 1, min(left + rf, w) - 1),
        "swapped": (max(left, 0), max(top, 0), min(left + rf, h), min(top + rf, w)),
    }


def _layers_for_sigma() -> int:
    """σ = √(2L/3) (균일한 가중치 3×3 L계층; tests/test_lesson_code_04.py가 실제 ERF로 검사)이 _Q3_SIGMA가 되는 L."""
    return round(1.5 * _Q3_SIGMA**2)


def design_facts(builder, input_shape) -> dict | None:
    """학생의 설계로 모델을 실제로 만들어 출력 모양, 수용 영역 충족, 곱셈-누산 예산 충족을 잽니다."""
    from ..analysis import count_macs, receptive_field

    built = build_model(builder, input_shape)
    if built is None:
        return None
    model, outputs = built
    table = receptive_field(model, on_unknown="mark")
    rf = table["rf"].iloc[-1] if len(table) else 1
    rf = min(rf) if isinstance(rf, tuple) else (0 if rf != rf else int(rf))  # NaN(모르는 계층) → 0
    macs = count_macs(model)
    return {"출력 모양": tuple(outputs.shape[1:]), _RF_KEY: rf >= _Q4_RF, _MACS_KEY: macs <= _Q4_MACS,
            "rf": rf, "macs": macs}


def _design_expected(input_shape) -> dict:
    return {"출력 모양": _Q4_OUTPUT, _RF_KEY: True, _MACS_KEY: True}


def _layers():
    from .. import _lazy

    return _lazy.keras().layers


# 문제 4의 흔한 설계 실수들 (메시지가 정말 나오는지 시험이 이 예로 채점합니다)
def _no_downsampling(x):
    for _ in range(7):
        x = _layers().Conv2D(64, 3, padding="same")(x)
    return x


def _valid_padding(x):
    x = _layers().Conv2D(64, 3, strides=2)(x)
    for _ in range(3):
        x = _layers().Conv2D(64, 3)(x)
    return x


def _few_channels(x):
    x = _layers().Conv2D(32, 3, strides=2, padding="same")(x)
    for _ in range(3):
        x = _layers().Conv2D(32, 3, padding="same")(x)
    return x


def _too_small_rf(x):
    x = _layers().Conv2D(64, 3, strides=2, padding="same")(x)
    for _ in range(2):
        x = _layers().Conv2D(64, 3, padding="same")(x)
    return x


def _late_downsampling(x):
    for _ in range(6):
        x = _layers().Conv2D(64, 3, padding="same")(x)
    return _layers().Conv2D(64, 3, strides=2, padding="same")(x)


def q1_rf_and_jump() -> Exercise:
    v = _variants(_Q1_STACK)
    return Exercise(
        1, "팽창이 낀 계층의 수용 영역과 유효 스트라이드", "rf_and_jump",
        expected=lambda: stack_rf_jump(_Q1_STACK),
        hint_text=(
            "r = 1, j = 1에서 시작해 계층마다 r ← r + (f_eff − 1)·j, 그다음 j ← j·s를 하세요. "
            "팽창 d인 필터의 실질 크기는 f_eff = d(f − 1) + 1이고, 풀링도 창 크기 f인 계층으로 셉니다."
        ),
        solution_text=(
            "r, j = 1, 1\n"
            "for f, s, d in [(3, 1, 1), (3, 2, 1), (3, 1, 2), (2, 2, 1), (3, 1, 1)]:  # (필터, 스트라이드, 팽창)\n"
            "    f_eff = d * (f - 1) + 1\n"
            "    r += (f_eff - 1) * j  # 그 계층 앞까지의 j를 씁니다\n"
            "    j *= s\n"
            "rf_and_jump = (r, j)"
        ),
        mistakes=[
            (lambda a: tuple(a) == v["no_dilation"],
             "팽창을 빠뜨렸나요? 팽창 2인 3×3 필터는 한 칸씩 건너 3개를 읽으므로 실질 크기가 5입니다.",
             v["no_dilation"]),
            (lambda a: tuple(a) == v["own_stride"],
             "r을 갱신할 때는 그 계층 앞까지의 j를 씁니다. 그 계층 자신의 스트라이드는 다음 계층부터 영향을 줍니다.",
             v["own_stride"]),
            (lambda a: a[0] == v["no_stride"][0],
             "스트라이드를 빠뜨렸나요? 스트라이드 2 뒤의 계층은 입력에서 두 화소씩 떨어진 칸들을 봅니다: (f − 1)에 j를 곱하세요.",
             v["no_stride"]),
            (lambda a: tuple(a) == v["sum_stride"],
             "수용 영역은 맞았습니다. 유효 스트라이드는 스트라이드를 더하지 않고 곱합니다.",
             v["sum_stride"]),
            (lambda a: len(a) != 2, "(수용 영역, 유효 스트라이드) 두 값을 튜플로 쓰세요.", (0,)),
        ],
    )


def q2_box() -> Exercise:
    b = _box_variants()
    return Exercise(
        2, "출력 칸이 보는 입력 상자", "box",
        expected=_box,
        hint_text=(
            "세로는 top = a·j − P, bottom = top + r이고 가로도 같습니다(a 대신 열 번호). bottom·right는 포함하지 않는 끝이고, "
            "입력 밖으로 나간 부분은 0과 입력 크기 사이로 잘라 냅니다."
        ),
        solution_text=(
            "rf, jump, pad = 9, 2, 3\n"
            "a, b = 0, 4\n"
            "top, left = a * jump - pad, b * jump - pad\n"
            "box = (max(top, 0), max(left, 0), min(top + rf, 32), min(left + rf, 32))"
        ),
        mistakes=[
            (lambda a: tuple(a) == b["no_clip"],
             "식은 맞습니다. 그런데 입력 밖(음수 좌표)은 패딩이라 화소가 없습니다: 상자를 입력 안으로 자르세요.",
             b["no_clip"]),
            (lambda a: tuple(a) == b["no_pad"],
             "유효 패딩 P를 빼지 않았나요? 출력 0번 칸의 수용 영역은 입력 왼쪽 위보다 P화소 앞에서 시작합니다.",
             b["no_pad"]),
            (lambda a: tuple(a) == b["inclusive"],
             "bottom·right는 포함하지 않는 끝입니다(image[top:bottom, left:right]): 1을 빼지 마세요.",
             b["inclusive"]),
            (lambda a: tuple(a) == b["swapped"],
             "행과 열이 바뀌었습니다. top·bottom은 행 번호 a에서, left·right는 열 번호 b에서 나옵니다.",
             b["swapped"]),
            (lambda a: len(a) != 4, "(top, left, bottom, right) 네 값을 튜플로 쓰세요.", (0, 0)),
        ],
    )


def q3_layers_for_sigma_6() -> Exercise:
    sigma = _Q3_SIGMA
    return Exercise(
        3, "ERF의 크기에서 계층 수 예측하기", "layers_for_sigma_6",
        expected=_layers_for_sigma,
        hint_text=(
            "균일한 가중치 L계층에서 σ² = 2L/3입니다. σ가 주어졌으니 L에 대해 풀면 됩니다. "
            "0.816 같은 반올림한 값 대신 분수 그대로 계산하세요."
        ),
        solution_text=(
            "sigma = 6\n"
            "layers_for_sigma_6 = round(3 * sigma**2 / 2)  # σ² = 2L/3을 L에 대해 풂"
        ),
        mistakes=[
            (lambda a: a != _layers_for_sigma() and abs(a - _layers_for_sigma()) < 0.5,
             "거의 맞았습니다. 0.816은 √(2/3)을 반올림한 값입니다: σ² = 2L/3을 분수 그대로 풀면 계층 수가 정수로 나옵니다.",
             (sigma / 0.816) ** 2),
            (lambda a: a == sigma**2,
             "σ² = L이 아닙니다. 한 계층마다 −1, 0, +1 중 하나만큼 옮겨 가는데, 그 양의 분산은 2/3입니다.", sigma**2),
            (lambda a: a == round(2 * sigma**2 / 3),
             "분수를 뒤집었습니다: σ² = 2L/3이므로 L = 3σ²/2입니다.", round(2 * sigma**2 / 3)),
            (lambda a: 0 < a < 4 * sigma,
             "ERF는 계층 수에 비례해 자라지 않고 √L에 비례합니다. σ를 두 배로 하려면 계층이 네 배 필요합니다.",
             sigma / math.sqrt(2 / 3)),
        ],
    )


def q4_my_design() -> Exercise:
    return Exercise(
        4, "곱셈-누산 예산 안에서 수용 영역 15 얻기", "my_design",
        kind="build",
        measure=design_facts,
        expected=_design_expected,
        cases=lambda: [(_Q4_INPUT,)],
        hint_text=(
            "스트라이드 2(또는 2×2 최대 풀링)가 한 번은 있어야 32×32가 16×16이 됩니다. 같은 3×3 합성곱도 32×32에서는 "
            "16×16에서보다 곱셈-누산이 4배이고, 스트라이드 2 뒤에서는 수용 영역을 두 배로 넓힙니다. "
            "해상도를 언제 줄일지 정하고, 3절의 식으로 곱셈-누산을 세어 보세요."
        ),
        solution_text=(
            "def my_design(x):\n"
            "    x = keras.layers.Conv2D(64, 3, strides=2, padding=\"same\", activation=\"relu\")(x)  # r = 3, j = 2\n"
            "    for _ in range(3):  # 16×16에서 3×3 합성곱마다 r이 2·2 = 4씩: 7, 11, 15\n"
            "        x = keras.layers.Conv2D(64, 3, padding=\"same\", activation=\"relu\")(x)\n"
            "    return x  # 곱셈-누산 4 × 16²·3²·64·64 = 37,748,736"
        ),
        mistakes=[
            (lambda got, want: got["출력 모양"][:2] == _Q4_INPUT[:2],
             "출력이 아직 32×32입니다. 해상도를 절반으로 줄이는 계층(스트라이드 2인 합성곱 또는 2×2 최대 풀링)이 한 번 있어야 합니다.",
             _no_downsampling),
            (lambda got, want: got["출력 모양"][:2] != want["출력 모양"][:2],
             "출력의 가로·세로가 16×16이 아닙니다. 줄이는 계층은 정확히 한 번, 그리고 합성곱은 padding=\"same\"으로 크기를 지키세요 "
             "('valid' 3×3 합성곱은 가로·세로를 2씩 줄입니다).",
             _valid_padding),
            (lambda got, want: got["출력 모양"][-1] != want["출력 모양"][-1],
             "출력 채널이 64가 아닙니다. 마지막 합성곱의 필터 수를 64로 하세요.", _few_channels),
            (lambda got, want: not got[_RF_KEY] and got[_MACS_KEY],
             "예산은 지켰지만 수용 영역이 15에 못 미칩니다. 2절의 재귀식으로 계층마다 r을 따라가 보세요.",
             _too_small_rf),
            (lambda got, want: got[_RF_KEY] and not got[_MACS_KEY],
             "수용 영역은 충분하지만 곱셈-누산이 예산을 넘습니다. 비싼 계층은 해상도가 큰 곳에 있습니다: "
             "해상도를 더 일찍 줄여 보세요.",
             _late_downsampling),
        ],
    )


def exercises() -> list[Exercise]:
    return [q1_rf_and_jump(), q2_box(), q3_layers_for_sigma_6(), q4_my_design()]
