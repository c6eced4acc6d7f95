"""5강 연습 문제: LeNet-5. 강의의 절 차례대로: 모양 예측, 매개변수 예산(2절) → 점수가 바뀔 때의 소프트맥스 확률과
교차 엔트로피(3절) → 조기 종료, 검증 데이터와 조기 종료로 짧게 학습하는 함수(5절) → 혼동 행렬의 재현율·정밀도(6절) →
pool2 칸의 수용 영역 상자(7절). 문제 5의 채점은 lesson05_training.py에 있습니다. 문제 8(편향의 한 걸음)과 문제 9(은닉 계층으로
거슬러 가는 기울기)는 더 알아보기 '역전파를 손으로', 문제 10(서브클래싱의 call)은 더 알아보기 '서브클래싱'에 있습니다."""

from __future__ import annotations

import functools

import numpy as np

from .. import _lazy
from ._core import Exercise
from ._oracles import lenet_layer
from .lesson05_subclass import q10_subclass_call
from .lesson05_training import q5_train_with_early_stopping

# 문제 4: 검증 손실 기록 (에포크 1부터). patience와 함께 문제 글과 풀이가 이 값을 씁니다.
VAL_LOSSES = (0.42, 0.27, 0.21, 0.23, 0.19, 0.20, 0.22, 0.20, 0.21, 0.24)
PATIENCE = 3

# 문제 6: 숫자 4, 7, 9 세 부류만 분류하는 모델의 혼동 행렬 (행 = 정답, 열 = 예측). 세 부류뿐이라 재현율·정밀도가
# 이 표만으로 정해집니다(10부류 행렬에서 떼어 낸 3×3이면 다른 숫자와의 혼동이 빠집니다). 행마다 이미지 수가 달라서,
# 가장 큰 칸·가장 많이 틀린 행·열(7 → 4)과 비율로 본 답(재현율이 가장 낮은 9, 정밀도가 가장 낮은 4)이 다릅니다.
CONFUSION_DIGITS = (4, 7, 9)
CONFUSION = np.array([[190, 2, 6], [18, 300, 1], [14, 3, 140]])

# 문제 3: 부류 3개(숫자 0, 1, 2)의 점수와 정답. (가) 모든 점수에 SHIFT를 더할 때의 확률, (나) 정답 점수만 RAISE 올릴 때의 손실
SCORES, SCORE_LABEL = (1.0, 3.0, 0.5), 0
SHIFT, RAISE = 5.0, 1.0
# 문제 8: 부류 3개의 소프트맥스 확률과 정답, 학습률. 마지막 계층의 편향(처음 0)이 한 걸음 뒤 어떻게 되는지
PROBS, GRAD_LABEL, RATE = (0.2, 0.7, 0.1), 0, 0.5
# 문제 9: 은닉 유닛 3개(ReLU) → 부류 3개. 노트북의 답 셀은 ReLU 앞의 값 a_hidden, 은닉 → 점수 가중치 W_out(행 = 은닉 유닛,
# 열 = 부류), 점수의 기울기 dz_out을 답 줄 위에 둡니다.
# 유닛 1은 꺼져 있고(a < 0), 켜진 유닛 0과 2의 기울기는 세 부류에서 온 기여분의 합입니다. W2가 정사각이라 뒤집어 곱한 실수도 답 모양이 같습니다.
HIDDEN_A = (0.8, -0.3, 1.5)
HIDDEN_W2 = ((1.0, 0.5, -1.0), (2.0, -1.0, 0.0), (0.0, 1.0, 0.5))
HIDDEN_DZ = (0.2, -0.6, 0.4)  # p − y: 합이 0, 정답은 부류 1
HIDDEN_LABEL = 1
RF_CELL = (1, 3)  # 문제 7: pool2의 이 칸이 보는 입력 상자
BUDGET = 20_000  # 문제 2: 매개변수 예산


@functools.cache
def early_stopping_epochs(val_losses=VAL_LOSSES, patience=PATIENCE) -> tuple[int, int]:
    """Keras의 EarlyStopping(restore_best_weights=True)에 검증 손실을 차례로 주어
    (학습이 멈춘 에포크, 되돌린 가중치의 에포크)를 1부터 센 번호로 돌려줍니다."""
    keras = _lazy.keras()
    model = keras.Sequential([keras.Input((1,)), keras.layers.Dense(1)])
    model.stop_training = False
    stopper = keras.callbacks.EarlyStopping(monitor="val_loss", patience=patience, restore_best_weights=True)
    stopper.set_model(model)
    stopper.on_train_begin()
    epoch = 0
    for epoch, loss in enumerate(val_losses):
        stopper.on_epoch_end(epoch, {"val_loss": loss})
        if model.stop_training:
            break
    return epoch + 1, stopper.best_epoch + 1


def recall_precision(confusion=CONFUSION) -> tuple[np.ndarray, np.ndarray]:
    """혼동 행렬(행 = 정답, 열 = 예측)에서 부류마다의 재현율(행으로 나눔)과 정밀도(열로 나눔)."""
    cm = np.asarray(confusion, dtype=float)
    return np.diag(cm) / cm.sum(axis=1), np.diag(cm) / cm.sum(axis=0)


def weakest_digits(confusion=CONFUSION, digits=CONFUSION_DIGITS) -> tuple[int, int]:
    """(재현율이 가장 낮은 숫자, 정밀도가 가장 낮은 숫자)."""
    recall, precision = recall_precision(confusion)
    return digits[int(recall.argmin())], digits[int(precision.argmin())]


def _largest_off_diagonal(confusion=CONFUSION, digits=CONFUSION_DIGITS) -> tuple[int, int]:
    off = np.asarray(confusion) * (1 - np.eye(len(digits), dtype=int))
    row, col = np.unravel_index(off.argmax(), off.shape)
    return digits[row], digits[col]


def softmax_loss(scores=SCORES, label=SCORE_LABEL) -> tuple[float, float]:
    """(정답 부류의 소프트맥스 확률, 교차 엔트로피 손실 −log p)."""
    z = np.asarray(scores, dtype=float)
    p = np.exp(z) / np.exp(z).sum()
    return float(p[label]), float(-np.log(p[label]))


def shift_and_raise(scores=SCORES, label=SCORE_LABEL, shift=SHIFT, raise_by=RAISE) -> tuple[float, float]:
    """(모든 점수에 shift를 더한 뒤 정답 부류의 확률, 정답 점수만 raise_by 올린 뒤의 손실)."""
    z = np.asarray(scores, dtype=float)
    shifted_p, _ = softmax_loss(z + shift, label)
    _, raised_loss = softmax_loss(z + raise_by * np.eye(len(z))[label], label)
    return shifted_p, raised_loss


def bias_step(probs=PROBS, label=GRAD_LABEL, rate=RATE) -> tuple[float, float, float]:
    """편향이 0일 때 SGD 한 걸음 뒤의 편향: b − rate × (p − y), 편향의 기울기는 ∂L/∂b_k = p_k − y_k."""
    p = np.asarray(probs, dtype=float)
    grad = p - np.eye(len(p))[label]
    return tuple(float(v) for v in -rate * grad)


def hidden_gradient(a=HIDDEN_A, w2=HIDDEN_W2, dz=HIDDEN_DZ) -> tuple[float, ...]:
    """ReLU 앞의 값 a의 기울기: ∂L/∂h = W2 @ dz (부류마다의 기여분을 더함), 그다음 ReLU가 꺼진 유닛(a ≤ 0)은 0."""
    a, w2, dz = (np.asarray(v, dtype=float) for v in (a, w2, dz))
    if w2.shape != (len(a), len(dz)):
        raise ValueError(f"W2의 모양은 (은닉 유닛 수, 부류 수) = ({len(a)}, {len(dz)})이어야 합니다 (받은 모양: {w2.shape}).")
    return tuple(float(v) for v in np.where(a > 0, w2 @ dz, 0.0))


def _close(answer, target) -> bool:
    return np.allclose(np.asarray(answer, dtype=float), np.asarray(target, dtype=float), rtol=1e-3, atol=1e-4)


@functools.cache
def _pool2_rf() -> tuple[int, int, int]:
    """models.lenet5의 pool2 수용 영역 (rf, jump, padding): analysis.receptive_field로 읽습니다."""
    from ..analysis import receptive_field
    from ..models import lenet5

    _lazy.keras()
    row = receptive_field(lenet5()).set_index("layer").loc["pool2"]
    return int(row["rf"]), int(row["jump"]), int(row["padding"])


def pool2_box(cell=RF_CELL) -> tuple[int, int, int, int]:
    """pool2의 칸 cell이 보는 입력 상자 (위, 왼쪽, 아래, 오른쪽): 탐색기가 쓰는 analysis.receptive_field_box."""
    from ..analysis import receptive_field_box

    return receptive_field_box(_pool2_rf(), cell[0], cell[1], (28, 28))


def _box(rf, jump, padding, cell=RF_CELL):
    (i, j) = cell
    return (i * jump - padding, j * jump - padding, i * jump - padding + rf, j * jump - padding + rf)


def _box_variants() -> dict:
    """흔한 실수로 구한 상자들."""
    rf, jump, padding = _pool2_rf()
    right = _box(rf, jump, padding)
    return {
        "no_padding": _box(rf, jump, 0),
        "inclusive": (*right[:2], right[2] - 1, right[3] - 1),
        "jump": _box(rf, 2, padding),
        "conv2_rf": _box(rf - 2, jump, padding),
        "swapped": (right[1], right[0], right[3], right[2]),
    }


def _same(answer, target) -> bool:
    return tuple(int(v) for v in answer) == tuple(target)


def budget_model_facts(builder, input_shape) -> dict | None:
    """학생 함수가 만든 모델의 출력 모양, 합성곱 계층 (커널, 필터 수, 패딩), 매개변수 예산을 지켰는지."""
    keras = _lazy.keras()
    model = builder(tuple(input_shape))
    if model is None:
        return None
    if not isinstance(model, keras.Model):
        raise TypeError(f"keras.Sequential([...])로 만든 모델을 return 하세요 (돌려준 것: {type(model).__name__})")
    convs = [(layer.kernel_size[0], layer.filters, layer.padding)
             for layer in model.layers if isinstance(layer, keras.layers.Conv2D)]
    n = int(model.count_params())
    dense = [layer for layer in model.layers if isinstance(layer, keras.layers.Dense)]
    out = np.asarray(model(np.random.default_rng(0).random((4, *input_shape)).astype("float32")))
    is_probability = out.ndim == 2 and bool(np.all(out >= 0)) and np.allclose(out.sum(axis=-1), 1, atol=1e-4)
    return {
        "출력 모양": tuple(model.outputs[0].shape[1:]),
        "출력": "소프트맥스 확률 (합 1)" if is_probability else "확률이 아님 (합이 1이 아니거나 음수)",
        "합성곱 계층 (커널, 필터 수, 패딩)": convs,
        "은닉 완전 연결 계층": "있음" if len(dense) > 1 else "없음",  # 출력 계층 말고 Dense가 하나 이상
        "매개변수 수": f"{BUDGET:,}개 이하" if n <= BUDGET else f"{n:,}개 ({BUDGET:,}개 초과)",
    }


def lenet_budget_facts(input_shape) -> dict:
    """정답 모델의 특징: LeNet-5와 같은 합성곱 두 계층, 은닉 완전 연결 계층, 부류 10개 출력, 예산 안의 매개변수."""
    return {"출력 모양": (10,), "출력": "소프트맥스 확률 (합 1)",
            "합성곱 계층 (커널, 필터 수, 패딩)": [(5, 6, "same"), (5, 16, "valid")],
            "은닉 완전 연결 계층": "있음", "매개변수 수": f"{BUDGET:,}개 이하"}


def _lenet_like(keras, filters=(6, 16), dense=(120, 84), classes=10, output="softmax"):
    layers = keras.layers
    stack = [keras.Input((28, 28, 1)),
             layers.Conv2D(filters[0], 5, padding="same", activation="relu"), layers.MaxPooling2D(2),
             layers.Conv2D(filters[1], 5, activation="relu"), layers.MaxPooling2D(2), layers.Flatten()]
    stack += [layers.Dense(units, activation="relu") for units in dense]
    if classes:
        stack.append(layers.Dense(classes, activation=output))
    return keras.Sequential(stack)


def _example(**kwargs):
    """실수한 답의 예(학생 함수처럼 input_shape를 받는 함수)."""
    return lambda input_shape=(28, 28, 1): _lenet_like(_lazy.keras(), **kwargs)


def q1_pool2_shape() -> Exercise:
    return Exercise(
        1, "36×36 입력에서 pool2의 출력 모양", "pool2_shape",
        expected=lambda: lenet_layer((36, 36, 1), "pool2", "shape"),
        hint_text=(
            "36에서 시작해 계층을 하나씩 지나며 한 변의 길이를 적어 보세요: 크기를 유지하는 합성곱, 2×2 풀링, "
            "패딩 없는 5×5 합성곱, 2×2 풀링. 채널은 마지막 합성곱의 필터 수입니다."
        ),
        solution_text="side = (36 // 2 - 5 + 1) // 2\npool2_shape = (side, side, 16)  # (7, 7, 16)",
        mistakes=[
            (lambda a: tuple(a)[:2] == (14, 14), "14×14는 conv2의 출력입니다. 풀링을 한 번 더 거칩니다.", (14, 14, 16)),
            (lambda a: tuple(a)[:2] == (6, 6), "conv1은 padding='same'이라 크기가 36 그대로입니다.", (6, 6, 16)),
            (lambda a: tuple(a)[2] != 16, "채널 수는 conv2의 필터 수와 같습니다.", (7, 7, 6)),
        ],
    )


def q2_small_lenet() -> Exercise:
    return Exercise(
        2, f"매개변수 {BUDGET:,}개 이하의 LeNet", "small_lenet",
        kind="build",
        measure=budget_model_facts,
        expected=lenet_budget_facts,
        cases=lambda: [((28, 28, 1),)],
        hint_text=(
            "합성곱 두 계층과 풀링은 그대로 둡니다. 2절의 표에서 매개변수가 어느 부분에 몰려 있는지 보고, "
            "예산을 넘지 않으려면 그 부분의 무엇을 바꿀 수 있는지 생각하세요. 은닉 계층을 없애는 것이 아니라 줄입니다. "
            "lenet5_sequential의 계층 목록을 복사해 고치면 빠릅니다."
        ),
        solution_text=(
            "def small_lenet(input_shape=(28, 28, 1)):\n"
            "    return keras.Sequential([\n"
            "        keras.Input(shape=input_shape),\n"
            "        layers.Conv2D(6, 5, padding=\"same\", activation=\"relu\"),\n"
            "        layers.MaxPooling2D(2),\n"
            "        layers.Conv2D(16, 5, activation=\"relu\"),\n"
            "        layers.MaxPooling2D(2),\n"
            "        layers.Flatten(),                           # 400\n"
            "        layers.Dense(32, activation=\"relu\"),        # 400 × 32 + 32 = 12,832 (fc1은 48,120)\n"
            "        layers.Dense(10, activation=\"softmax\"),     # 모두 15,734개\n"
            "    ])"
        ),
        mistakes=[
            (lambda got, want: got["합성곱 계층 (커널, 필터 수, 패딩)"] != want["합성곱 계층 (커널, 필터 수, 패딩)"],
             "합성곱 두 계층은 LeNet-5 그대로(5×5 필터 6개 padding='same', 5×5 필터 16개 패딩 없음) 둡니다. 바꾸는 것은 완전 연결 부분입니다.",
             _example(filters=(8, 16))),
            (lambda got, want: got["출력 모양"] != want["출력 모양"],
             "마지막 계층은 부류마다 유닛 하나, 모두 10개의 소프트맥스 출력이어야 합니다.",
             _example(dense=(16,), classes=0)),
            (lambda got, want: got["출력"] != want["출력"],
             "출력 계층이 확률을 내지 않습니다. 마지막 Dense(10)에 activation=\"softmax\"를 주세요. 5절의 손실 "
             "\"sparse_categorical_crossentropy\"는 모델이 낸 값을 합이 1인 확률로 읽습니다(점수를 그대로 주면 손실이 틀립니다).",
             _example(dense=(32,), output=None)),
            (lambda got, want: got["은닉 완전 연결 계층"] != want["은닉 완전 연결 계층"],
             "Flatten 바로 뒤에 출력 계층만 두면 완전 연결 부분을 설계한 것이 아닙니다. Flatten과 출력 계층 사이에 "
             "은닉 Dense 계층(ReLU)을 하나 이상 두고, 그 유닛 수로 예산을 맞추세요.",
             _example(dense=())),
            (lambda got, want: got["매개변수 수"] != want["매개변수 수"],
             "매개변수가 아직 예산보다 많습니다. 2절의 표에서 매개변수가 가장 많은 계층을 찾아 그 유닛 수를 줄이세요.",
             _example()),
        ],
    )


def q4_early_stop() -> Exercise:
    stop, kept = early_stopping_epochs()
    return Exercise(
        4, "조기 종료가 멈추는 에포크와 남기는 가중치", "early_stop",
        expected=early_stopping_epochs,
        hint_text=(
            "에포크마다 '지금까지의 최저값보다 낮아졌나?'를 표시해 보세요. 낮아지지 않은 에포크를 연속으로 세다가 "
            "patience에 이르는 에포크에서 멈춥니다. 한 번이라도 새 최저값이 나오면 세던 수는 0으로 돌아갑니다."
        ),
        solution_text=(
            "# 최저값: 에포크 1 0.42 → 2 0.27 → 3 0.21 → (4는 0.23으로 나빠짐) → 5 0.19\n"
            "# 에포크 6, 7, 8이 0.19보다 낮지 않음: 3번 연속 → 에포크 8이 끝나고 멈춤\n"
            "early_stop = (8, 5)  # 8에서 멈추고, 검증 손실이 가장 낮았던 에포크 5의 가중치로 되돌립니다"
        ),
        mistakes=[
            (lambda a: _same(a, (stop - 1, kept - 1)), "에포크는 1부터 셉니다(표의 첫 열).", (stop - 1, kept - 1)),
            (lambda a: int(a[1]) == int(a[0]) != kept,
             "restore_best_weights=True는 마지막 에포크가 아니라 검증 손실이 가장 낮았던 에포크의 가중치로 되돌립니다.",
             (stop, stop)),
            (lambda a: int(a[0]) < kept,
             "한 번 나빠졌다고 멈추지 않습니다. 나아지지 않은 에포크가 patience번 연속 나와야 멈춥니다.",
             (4, 3)),
            (lambda a: int(a[1]) == kept and int(a[0]) != stop,
             "되돌릴 에포크는 맞았습니다. 가장 좋았던 에포크 바로 다음부터, 나아지지 않은 에포크를 하나씩 세어 "
             "patience번째가 되는 에포크를 찾으세요.",
             (stop - 1, kept)),
        ],
    )


def q6_weakest_digits() -> Exercise:
    lowest_recall, lowest_precision = weakest_digits()
    biggest = _largest_off_diagonal()
    return Exercise(
        6, "혼동 행렬에서 재현율과 정밀도가 가장 낮은 숫자", "weakest",
        expected=weakest_digits,
        hint_text=(
            "숫자마다 두 비율을 따로 구하세요. 재현율은 대각선 값을 그 행의 합으로, 정밀도는 그 열의 합으로 나눕니다. "
            "행마다 이미지 수가 다르니 틀린 개수만 비교하면 안 됩니다. cm.sum(axis=1)은 행의 합, cm.sum(axis=0)은 열의 합입니다."
        ),
        solution_text=(
            "recall = np.diag(cm) / cm.sum(axis=1)     # 행 = 정답: 4 0.960, 7 0.940, 9 0.892\n"
            "precision = np.diag(cm) / cm.sum(axis=0)  # 열 = 예측: 4 0.856, 7 0.984, 9 0.952\n"
            "weakest = (digits[recall.argmin()], digits[precision.argmin()])  # (9, 4)\n"
            "# 가장 큰 칸은 정답 7 → 예측 4(18장)지만, 정답이 7인 이미지가 319장으로 많아 7의 재현율은 9보다 높습니다."
        ),
        mistakes=[
            (lambda a: _same(a, biggest),
             "가장 큰 칸이나 틀린 개수가 아니라 비율을 비교합니다. 정답이 7인 이미지는 다른 숫자보다 훨씬 많아서, "
             "틀린 수가 많아도 비율은 낮지 않을 수 있습니다.", biggest),
            (lambda a: _same(a, (lowest_precision, lowest_recall)),
             "재현율은 행(정답)의 합으로, 정밀도는 열(예측)의 합으로 나눕니다. 둘을 바꾸어 계산했습니다.",
             (lowest_precision, lowest_recall)),
            (lambda a: int(a[0]) == int(a[1]) == CONFUSION_DIGITS[int(np.diag(CONFUSION).argmin())],
             "맞힌 수(대각선)가 가장 적은 숫자를 고르면 안 됩니다. 재현율은 행의 합, 정밀도는 열의 합으로 나눈 비율입니다.",
             (CONFUSION_DIGITS[int(np.diag(CONFUSION).argmin())],) * 2),
            (lambda a: set(int(v) for v in a) <= {0, 1, 2},
             "행·열 번호가 아니라 그 자리의 숫자(digits)로 답하세요.", (2, 0)),
        ],
    )


def q7_pool2_cell_box() -> Exercise:
    variants = _box_variants
    return Exercise(
        7, "pool2 한 칸의 수용 영역 상자", "pool2_cell_box",
        expected=pool2_box,
        hint_text=(
            "상자의 한 변은 2절 표의 '수용 영역' 열에서 읽습니다. pool2에서 칸 하나를 옆으로 옮기면 입력에서는 몇 화소를 "
            "옮겨 갈까요(유효 스트라이드, 4강)? conv1의 padding='same'이 입력 둘레에 붙인 칸도 생각하세요."
        ),
        solution_text=(
            "# pool2: 수용 영역 16, 칸 사이 간격(유효 스트라이드) 2 × 2 = 4, conv1의 same 패딩이 왼쪽 위에 2칸\n"
            "top, left = 1 * 4 - 2, 3 * 4 - 2\n"
            "pool2_cell_box = (top, left, top + 16, left + 16)  # (2, 10, 18, 26)"
        ),
        mistakes=[
            (lambda a: _same(a, variants()["no_padding"]),
             "conv1의 padding='same'은 입력 둘레에 2칸을 붙입니다. 그만큼 상자가 왼쪽 위로 밀립니다.",
             variants()["no_padding"]),
            (lambda a: _same(a, variants()["inclusive"]),
             "아래·오른쪽 끝은 파이썬 슬라이스처럼 포함하지 않습니다(아래 = 위 + 한 변). 탐색기 그림의 글(행 s-e)은 "
             "끝을 포함해 적으므로, 이 문제의 아래·오른쪽은 그 끝에 1을 더한 값입니다.", variants()["inclusive"]),
            (lambda a: _same(a, variants()["jump"]),
             "pool2의 칸 하나는 입력에서 풀링 두 번의 스트라이드를 곱한 만큼(2 × 2) 떨어져 있습니다.",
             variants()["jump"]),
            (lambda a: _same(a, variants()["conv2_rf"]),
             "한 변은 conv2가 아니라 pool2의 수용 영역입니다. pool2의 2×2 창이 조금 더 넓게 봅니다.",
             variants()["conv2_rf"]),
            (lambda a: _same(a, variants()["swapped"]),
             "(위, 왼쪽, 아래, 오른쪽) 차례입니다. 행 i가 위·아래를, 열 j가 왼쪽·오른쪽을 정합니다.",
             variants()["swapped"]),
        ],
    )


def q3_softmax_loss() -> Exercise:
    p, loss = softmax_loss()
    shifted_p, raised_loss = shift_and_raise()
    z = np.asarray(SCORES)
    plain_shift = float((z[SCORE_LABEL] + SHIFT) / (z + SHIFT).sum())  # exp 없이 점수를 합으로 나눈 확률
    raised = z + RAISE * np.eye(len(z))[SCORE_LABEL]
    raised_p = float(np.exp(raised[SCORE_LABEL]) / np.exp(raised).sum())
    return Exercise(
        3, "점수가 바뀔 때의 소프트맥스 확률과 교차 엔트로피", "p_and_loss",
        expected=shift_and_raise,
        rtol=2e-3,  # 소수 셋째 자리까지 반올림해 적은 답 (0.111, 1.372)도 맞음
        hint_text=(
            "(가) e^(z+5) = e^5 × e^z입니다. 분자와 분모의 항에 무엇이 곱해지는지 보세요. "
            "(나) 정답 부류의 점수만 1 올린 새 점수로 3절의 두 줄(확률, 손실)을 다시 계산하세요. "
            "분모의 합에도 정답 부류의 항이 들어 있다는 것을 잊지 마세요."
        ),
        solution_text=(
            "z = np.array(scores)\n"
            "p_shift = np.exp(z + 5) / np.exp(z + 5).sum()  # 분자·분모의 항이 모두 e⁵배: 확률 [0.111, 0.821, 0.067] 그대로\n"
            "z_up = z + np.eye(len(z))[label]               # 정답 점수만 1 올림: (2.0, 3.0, 0.5)\n"
            "p_up = np.exp(z_up) / np.exp(z_up).sum()       # 정답 확률 0.111 → 0.254 (e배인 0.302보다 작음)\n"
            "p_and_loss = (p_shift[label], -np.log(p_up[label]))  # (0.111, 1.372): 손실은 2.197에서 1보다 덜 줄어듭니다\n"
            "# (가)가 소프트맥스를 np.exp(z - z.max())로 계산해도 되는 까닭입니다: 확률은 같고 e^z가 넘치지 않습니다."
        ),
        mistakes=[
            (lambda a: _close(a[1], loss - RAISE),
             "손실이 정확히 1 줄지는 않습니다. 정답 점수를 1 올리면 분자 e^z₀는 e배가 되지만 분모의 합에도 그 항이 들어 있어, "
             "확률은 e배보다 덜 커지고 손실은 1보다 덜 줄어듭니다. 새 점수로 확률을 다시 구해 보세요.",
             (shifted_p, loss - RAISE)),
            (lambda a: _close(a[1], loss),
             "(나)에서 정답 부류의 점수가 오르면 그 확률이 커지므로 손실(−log p)은 줄어듭니다. 새 점수로 다시 계산하세요.",
             (shifted_p, loss)),
            (lambda a: _close(a[0], plain_shift),
             "소프트맥스는 점수를 그대로 합으로 나누지 않고, 먼저 np.exp를 한 뒤 그 합으로 나눕니다.",
             (plain_shift, raised_loss)),
            (lambda a: not _close(a[0], shifted_p) and float(a[0]) > shifted_p,
             "모든 점수에 같은 수를 더하면 e^(z+5) = e^5 × e^z라서 분자와 분모의 항이 모두 e^5배가 되어 약분됩니다. "
             "점수가 모두 커져도 확률은 그대로입니다.",
             (0.5, raised_loss)),
            (lambda a: _close(a[1], -np.log10(raised_p)), "손실은 자연로그(np.log)로 구합니다. np.log10을 썼습니다.",
             (shifted_p, float(-np.log10(raised_p)))),
            (lambda a: _close(a[1], np.log(raised_p)), "손실은 −log p입니다. 음수가 나오면 빼기를 잊은 것입니다.",
             (shifted_p, float(np.log(raised_p)))),
            (lambda a: _close(a[0], shifted_p),
             "(가)는 맞았습니다. (나)는 정답 부류의 점수만 1 올린 점수로 정답 부류의 확률을 구한 뒤 −log를 합니다.",
             (shifted_p, 1.0)),
        ],
    )


def q8_bias_step() -> Exercise:
    right = np.asarray(bias_step())
    p = np.asarray(PROBS, dtype=float)
    onehot = np.eye(len(p))[GRAD_LABEL]
    return Exercise(
        8, "한 걸음 뒤 마지막 계층의 편향", "bias_after",
        expected=bias_step,
        hint_text=(
            "역전파 ②의 두 식을 차례로 씁니다: 먼저 부류마다 편향의 기울기, 그다음 한 걸음의 갱신. "
            "정답 부류와 나머지 부류에서 기울기의 부호가 어떻게 다른지 보세요."
        ),
        solution_text=(
            "p = np.array(probs)\n"
            "y = np.eye(len(p))[label]          # 정답 부류만 1: (1, 0, 0)\n"
            "grad = p - y                       # 편향의 기울기: (−0.8, 0.7, 0.1)\n"
            "bias_after = tuple(0 - rate * grad)  # (0.4, −0.35, −0.05): 정답 부류의 편향만 오릅니다"
        ),
        mistakes=[
            (lambda a: _close(a, -right),
             "기울기를 더했습니다. 손실을 줄이려면 w ← w − 학습률 × 기울기처럼 기울기를 빼야 합니다. "
             "그러면 정답 부류의 편향이 올라 그 점수와 확률이 커집니다.", tuple(-right)),
            (lambda a: _close(a, right / RATE),
             "기울기만큼 움직였습니다. 한 걸음은 기울기에 학습률을 곱한 만큼입니다.", tuple(right / RATE)),
            (lambda a: _close(a, -RATE * p),
             "정답 부류의 기울기는 p가 아니라 p − 1입니다(y는 정답 부류에서만 1). 그래서 정답 부류의 편향은 내려가지 않고 오릅니다.",
             tuple(-RATE * p)),
            (lambda a: _close(a, -RATE * np.sign(p - onehot)),
             "기울기의 부호만 써서 학습률만큼 움직였습니다(Adam의 첫 걸음이 대략 이렇습니다). 이 문제는 경사 하강 한 걸음 "
             "b ← b − 학습률 × (p − y)를 묻습니다.", tuple(-RATE * np.sign(p - onehot))),
            (lambda a: _close(a, right * onehot),
             "정답이 아닌 부류도 기울기 p_k가 0이 아니므로 편향이 바뀝니다. 세 부류를 모두 갱신하세요.",
             tuple(right * onehot)),
        ],
    )


def q9_hidden_gradient() -> Exercise:
    a, w2, dz = (np.asarray(v, dtype=float) for v in (HIDDEN_A, HIDDEN_W2, HIDDEN_DZ))
    on = a > 0
    ungated = w2 @ dz
    transposed = np.where(on, w2.T @ dz, 0.0)
    one_path = np.where(on, w2[:, HIDDEN_LABEL] * dz[HIDDEN_LABEL], 0.0)  # 정답 부류로 가는 경로 하나만
    gradient_gate = np.where(ungated > 0, ungated, 0.0)  # ReLU 문을 a가 아니라 기울기의 부호로 정함
    return Exercise(
        9, "은닉 계층으로 거슬러 가는 기울기", "da_hidden",
        expected=hidden_gradient,
        hint_text=(
            "역전파 ②의 2단계(길마다의 기여분을 더함)와 3단계(ReLU)를 유닛마다 차례로 씁니다. 유닛 j의 ∂L/∂h_j에는 W_out의 j행 전체가 쓰입니다. "
            "ReLU가 켜졌는지는 순전파에서 ReLU 앞의 값 a_hidden으로 정합니다."
        ),
        solution_text=(
            "dh = np.array(W_out) @ np.array(dz_out)  # 유닛마다 세 부류에서 온 기여분의 합: (−0.5, 1.0, −0.4)\n"
            "da_hidden = tuple(np.where(np.array(a_hidden) > 0, dh, 0.0))  # (−0.5, 0, −0.4): 꺼진 유닛 1은 0"
        ),
        mistakes=[
            (lambda v: _close(v, ungated),
             "∂L/∂h에서 멈췄습니다. ReLU를 거슬러 가야 합니다: a가 0 이하인(꺼진) 유닛은 국소 기울기가 0이라 기울기가 0입니다.",
             tuple(ungated)),
            (lambda v: _close(v, gradient_gate),
             "ReLU가 켜졌는지는 기울기의 부호가 아니라 순전파에서 ReLU 앞의 값 a_hidden의 부호로 정합니다. a가 양수인 유닛은 "
             "기울기가 음수여도 그대로 지나갑니다.", tuple(gradient_gate)),
            (lambda v: _close(v, transposed),
             "W_out을 뒤집어 곱했습니다(dz_out @ W_out 또는 W_out.T @ dz_out). W_out의 행이 은닉 유닛, 열이 부류이므로, "
             "유닛 j의 기울기는 W_out의 j행과 dz_out을 곱해 더한 W_out @ dz_out입니다.", tuple(transposed)),
            (lambda v: _close(v, one_path),
             "정답 부류로 가는 경로 하나만 셌습니다. h_j는 세 점수 모두에 쓰이므로, 세 부류에서 온 기여분 W_out[j, k] × dz_out[k]를 "
             "모두 더합니다.", tuple(one_path)),
            (lambda v: _close(v, -np.asarray(hidden_gradient())),
             "부호가 반대입니다. 기울기는 W_out @ dz_out 그대로이고, 빼는 것은 가중치를 고치는 걸음에서입니다.",
             tuple(-np.asarray(hidden_gradient()))),
        ],
    )


def exercises() -> list[Exercise]:
    return [q1_pool2_shape(), q2_small_lenet(), q3_softmax_loss(), q4_early_stop(), q5_train_with_early_stopping(),
            q6_weakest_digits(), q7_pool2_cell_box(), q8_bias_step(), q9_hidden_gradient(), q10_subclass_call()]
