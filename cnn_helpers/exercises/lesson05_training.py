"""5강 5절의 연습 문제 5 (설계): 검증 데이터와 조기 종료로 짧게 학습하는 함수 train_briefly(model, x, y).

검증 데이터의 비율, 지켜볼 값, patience는 학생이 고릅니다. 채점기는 한 값이 아니라 '합리적인 선택'인지를 봅니다:
검증 데이터가 학습에 쓴 이미지와 겹치지 않고 x의 10~30%인지, 지켜보는 값이 검증 데이터의 값이고 나아지는 방향이 맞는지,
patience가 최대 에포크보다 먼저 멈출 수 있을 만큼 작은지, 가장 좋았던 에포크의 가중치를 남기는지."""

from __future__ import annotations

import numpy as np

from .. import _lazy
from ._core import Exercise

TRAIN_IMAGES = 600  # 학생 함수가 학습할 데이터: 강의의 MNIST 부분집합 앞쪽
MAX_EPOCHS = 5  # 채점이 몇 초 안에 끝나도록 정한 최대 에포크
SHARE = (0.1, 0.3)  # 받아들이는 검증 데이터의 비율: 600장이면 60~180장

GOOD_SPLIT = "학습과 겹치지 않는 10~30%"
GOOD_MONITOR = "검증 데이터의 값 (나아지는 방향이 맞음)"
GOOD_STOP = "최대 에포크보다 먼저 멈출 수 있음"
NO_STOPPER = "조기 종료 없음"


def _validation_fact(kwargs, x, history) -> str:
    """검증 데이터가 x의 몇 %이고 학습에 쓴 이미지와 겹치는지."""
    if not (kwargs.get("validation_split") or kwargs.get("validation_data") is not None) or not any(
            k.startswith("val_") for k in history):
        return "쓰지 않음"
    if kwargs.get("validation_data") is not None:
        held = np.asarray(kwargs["validation_data"][0], dtype="float32")
        seen = {row.tobytes() for row in np.asarray(kwargs.get("x", x), dtype="float32")}
        if any(row.tobytes() in seen for row in held):
            return "학습에 쓴 이미지와 겹침"
        share = len(held) / len(x)
    else:
        share = float(kwargs["validation_split"])
    if share < SHARE[0] - 1e-9:
        return f"{share:.0%} (너무 적음)"
    if share > SHARE[1] + 1e-9:
        return f"{share:.0%} (너무 많음)"
    return GOOD_SPLIT


def _monitor_fact(stopper, history) -> str:
    """조기 종료가 지켜보는 값이 검증 데이터의 기록된 값이고, 나아지는 방향(mode)이 그 값에 맞는지."""
    if stopper is None:
        return NO_STOPPER
    monitor, mode = stopper.monitor, stopper.mode
    if not monitor.startswith("val_"):
        return f"{monitor} (학습 데이터의 값)"
    if monitor not in history:
        return f"{monitor} (기록에 없음)"
    if (mode == "min" and "acc" in monitor) or (mode == "max" and "loss" in monitor):
        return f"{monitor}, mode={mode} (방향 반대)"
    return GOOD_MONITOR


def training_facts(train_fn, data=f"MNIST {TRAIN_IMAGES}장") -> dict | None:
    """학생 함수 train_fn(model, x, y)를 아주 작은 모델과 MNIST 600장으로 실행하고, fit에 준 인자(fit을 감싸 기록),
    compile한 옵티마이저, 돌려준 값을 읽습니다. 학습 결과의 숫자는 보지 않으므로 시드·스레드·CPU가 바뀌어도 판정이 같습니다."""
    keras = _lazy.keras()
    from ..data import load_mnist

    (x, y), _ = load_mnist(verbose=False)
    x, y = x[:TRAIN_IMAGES, :, :, None] / 255.0, y[:TRAIN_IMAGES]
    layers = keras.layers
    model = keras.Sequential([keras.Input((28, 28, 1)), layers.Conv2D(4, 5, activation="relu"), layers.MaxPooling2D(4),
                              layers.Flatten(), layers.Dense(10, activation="softmax")])
    calls = []
    original_fit = model.fit

    def recording_fit(*args, **kwargs):
        calls.append({**dict(zip(("x", "y"), args)), **kwargs})
        return original_fit(*args, **kwargs)

    model.fit = recording_fit
    result = train_fn(model, x, y)
    if result is None:
        return None
    kwargs = calls[-1] if calls else {}
    stoppers = [c for c in kwargs.get("callbacks") or [] if isinstance(c, keras.callbacks.EarlyStopping)]
    stopper = stoppers[0] if stoppers else None
    history = getattr(result, "history", None)
    history = history if isinstance(history, dict) else {}
    optimizer = getattr(model, "optimizer", None)
    try:
        optimizer_fact = f"{type(optimizer).__name__}, 학습률 {float(np.asarray(optimizer.learning_rate)):g}"
    except (AttributeError, TypeError, ValueError):
        optimizer_fact = "compile하지 않음"
    epochs = int(kwargs.get("epochs", 1))
    patience = max(stopper.patience, 1) if stopper else 0  # Keras 3: wait += 1 뒤 wait >= patience라 0과 1은 같게 동작
    return {
        "돌려준 것": "fit의 History" if isinstance(result, keras.callbacks.History) else type(result).__name__,
        "검증 데이터": _validation_fact(kwargs, x, history),
        "지켜보는 값": _monitor_fact(stopper, history),
        # 가장 일찍 멈추는 때: 에포크 1이 최저이고 그 뒤 patience번 나아지지 않은 에포크 patience + 1
        "조기 종료가 멈출 수 있는가": (NO_STOPPER if stopper is None else GOOD_STOP if patience + 1 < epochs
                             else f"patience={patience}, 최대 에포크 {epochs}: 멈출 수 없음"),
        "남기는 가중치": (NO_STOPPER if stopper is None
                    else "가장 좋았던 에포크" if stopper.restore_best_weights else "마지막 에포크"),
        "옵티마이저": optimizer_fact,
        "손실": _loss_fact(getattr(model, "loss", None)),
        "최대 에포크": f"{MAX_EPOCHS} 이하" if calls and epochs <= MAX_EPOCHS else f"{kwargs.get('epochs', 'fit을 부르지 않음')}",
    }


def _loss_fact(loss) -> str:
    """compile한 손실: 정수 정답과 확률 출력에 맞는 교차 엔트로피인지."""
    if loss is None:
        return "compile하지 않음"
    if isinstance(loss, str):
        name, logits = loss, False
    elif hasattr(loss, "get_config"):
        config = loss.get_config()
        name, logits = str(config.get("name", type(loss).__name__)), bool(config.get("from_logits", False))
    else:
        name, logits = getattr(loss, "__name__", type(loss).__name__), False
    if name.replace("_", "").lower() == "sparsecategoricalcrossentropy":
        return "sparse_categorical_crossentropy, from_logits=True" if logits else "sparse_categorical_crossentropy"
    return name


def training_expected(data=f"MNIST {TRAIN_IMAGES}장") -> dict:
    return {"돌려준 것": "fit의 History", "검증 데이터": GOOD_SPLIT, "지켜보는 값": GOOD_MONITOR,
            "조기 종료가 멈출 수 있는가": GOOD_STOP, "남기는 가중치": "가장 좋았던 에포크",
            "옵티마이저": "Adam, 학습률 0.003", "손실": "sparse_categorical_crossentropy", "최대 에포크": f"{MAX_EPOCHS} 이하"}


def _trainer(split=0.2, stopper="best", epochs=3, give_back="history", rate=0.003, logits=False, overlap=False,
             metrics=True, mode="auto"):
    """실수한 답(또는 맞는 답)의 예: 학생 함수처럼 model, x, y를 받아 학습하는 함수."""
    def train(model, x, y):
        keras = _lazy.keras()
        loss = keras.losses.SparseCategoricalCrossentropy(from_logits=True) if logits else "sparse_categorical_crossentropy"
        model.compile(optimizer=keras.optimizers.Adam(learning_rate=rate), loss=loss,
                      metrics=["accuracy"] if metrics else None)
        monitor, patience, best = {"best": ("val_loss", 1, True), "patience2": ("val_loss", 2, True),
                                   "patience3": ("val_loss", 3, True), "patience0": ("val_loss", 0, True),
                                   "last": ("val_loss", 1, False), "train_loss": ("loss", 1, True),
                                   "val_accuracy": ("val_accuracy", 1, True)}.get(stopper, (0, 0, 0))
        callbacks = ([keras.callbacks.EarlyStopping(monitor=monitor, patience=patience, restore_best_weights=best, mode=mode)]
                     if stopper else [])
        if overlap:  # 학습에 쓰는 x의 앞쪽 20%로 다시 검증: 처음 보는 이미지가 아님
            held = (x[:len(x) // 5], y[:len(x) // 5])
            history = model.fit(x, y, epochs=epochs, batch_size=50, validation_data=held, callbacks=callbacks, verbose=0)
        else:
            history = model.fit(x, y, epochs=epochs, batch_size=50, validation_split=split, callbacks=callbacks, verbose=0)
        return history if give_back == "history" else model
    return train


def q5_train_with_early_stopping() -> Exercise:
    return Exercise(
        5, "검증 데이터와 조기 종료를 설계해 짧게 학습하기", "train_briefly",
        kind="build",
        measure=training_facts,
        expected=training_expected,
        cases=lambda: [(f"MNIST {TRAIN_IMAGES}장",)],
        hint_text="",  # hint_steps를 이은 글이 들어갑니다
        hint_steps=(
            "5절의 학습 셀과 같은 세 단계입니다: compile(옵티마이저, 손실) → 조기 종료 콜백 만들기 → fit. "
            "검증 데이터는 x, y를 직접 잘라 만들지 않아도 됩니다: fit의 validation_split은 받은 데이터의 뒤쪽 일부를 "
            "검증에 돌립니다(help(keras.Model.fit)). 검증 데이터의 비율은 너무 적으면 검증 값이 몇 장의 우연에 흔들리고, 너무 많으면 "
            "학습할 이미지가 줄어듭니다. patience는 최대 에포크 안에서 실제로 멈출 수 있을 만큼 작아야 합니다. "
            "fit이 돌려주는 값을 그대로 return 합니다.",
            f"채점 범위: 검증 데이터는 x의 {SHARE[0]:.0%}~{SHARE[1]:.0%}이고 학습 이미지와 겹치지 않음, 지켜볼 값은 "
            f"'val_'로 시작하는 검증 데이터의 값, 최대 에포크 {MAX_EPOCHS} 이하, 가장 좋았던 에포크의 가중치를 남김"
            "(restore_best_weights=True). 조기 종료가 가장 일찍 멈추는 때는 에포크 patience + 1(에포크 1이 가장 좋고 그 뒤 "
            "patience번 나아지지 않을 때)이므로 patience + 1이 최대 에포크보다 작아야 합니다. patience=0은 Keras에서 1과 같게 "
            "동작합니다. 이 안이면 어느 선택이든 정답입니다.",
        ),
        solution_text=(
            "def train_briefly(model, x, y):\n"
            "    # 검증 20%: 600장이면 120장이라 한 장이 1%p도 안 됩니다. 학습에는 480장이 남습니다.\n"
            "    # val_loss: 과적합은 검증 데이터에서만 보이고, 손실은 정확도가 세지 않는 확신의 변화까지 봅니다.\n"
            "    # patience=1: 최대 5 에포크라 한 번만 나아지지 않아도 멈춥니다(2나 3도 5 에포크 안에서 멈출 수 있습니다).\n"
            "    model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.003), loss=\"sparse_categorical_crossentropy\",\n"
            "                  metrics=[\"accuracy\"])  # 5절과 같은 옵티마이저\n"
            "    stopper = keras.callbacks.EarlyStopping(monitor=\"val_loss\", patience=1, restore_best_weights=True)\n"
            "    return model.fit(x, y, epochs=5, batch_size=50, validation_split=0.2, callbacks=[stopper], verbose=0)"
        ),
        mistakes=[
            (lambda got, want: got["돌려준 것"] != want["돌려준 것"],
             "model.fit(...)이 돌려주는 History를 return 하세요. 에포크마다의 손실 기록이 그 안(history.history)에 있습니다.",
             _trainer(give_back="model")),
            (lambda got, want: got["검증 데이터"] == "쓰지 않음",
             "검증 데이터가 없습니다. fit에 validation_split을 주면 x, y의 뒤쪽 일부를 떼어 에포크마다 검증 손실을 잽니다. "
             "검증 값이 없으면 조기 종료도 멈출 때를 알 수 없습니다.",
             _trainer(split=0.0, stopper=None)),
            (lambda got, want: got["검증 데이터"] == "학습에 쓴 이미지와 겹침",
             "검증 이미지가 학습에도 쓰였습니다. 학습한 이미지로 재면 과적합이 보이지 않습니다. 검증에 쓸 이미지는 fit의 "
             "x에서 빼세요(validation_split은 알아서 뺍니다).",
             _trainer(overlap=True)),
            (lambda got, want: "너무 적음" in got["검증 데이터"],
             f"검증 데이터가 너무 적습니다. 600장의 몇 %만 떼면 검증 값이 몇 장의 우연에 흔들려 조기 종료가 엉뚱한 때에 "
             f"멈춥니다. {SHARE[0]:.0%}~{SHARE[1]:.0%}쯤을 떼세요.",
             _trainer(split=0.05)),
            (lambda got, want: "너무 많음" in got["검증 데이터"],
             f"검증 데이터가 너무 많습니다. 그만큼 학습할 이미지가 줄어듭니다. {SHARE[0]:.0%}~{SHARE[1]:.0%}쯤을 떼세요.",
             _trainer(split=0.5)),
            (lambda got, want: got["지켜보는 값"] == NO_STOPPER,
             "조기 종료 콜백이 없습니다. keras.callbacks.EarlyStopping(...)을 만들어 fit의 callbacks=[...]에 넣으세요.",
             _trainer(stopper=None)),
            (lambda got, want: "학습 데이터의 값" in got["지켜보는 값"],
             "학습 데이터의 값(loss, accuracy)은 과적합이 시작되어도 계속 나아집니다. 'val_'로 시작하는 검증 데이터의 값을 "
             "지켜봐야 과적합이 시작될 때 멈춥니다.",
             _trainer(stopper="train_loss")),
            (lambda got, want: "기록에 없음" in got["지켜보는 값"],
             "지켜보는 값이 fit의 기록에 없어 조기 종료가 아무 일도 하지 않습니다. val_accuracy를 지켜보려면 compile에 "
             "metrics=[\"accuracy\"]를 주세요.",
             _trainer(stopper="val_accuracy", metrics=False, mode="max")),
            (lambda got, want: "방향 반대" in got["지켜보는 값"],
             "mode가 지켜보는 값과 반대입니다. 손실은 작을수록(min), 정확도는 클수록(max) 좋습니다. mode를 빼면 "
             "Keras가 이름을 보고 방향을 정합니다.",
             _trainer(stopper="val_accuracy", mode="min")),
            (lambda got, want: got["남기는 가중치"] == "마지막 에포크",
             "restore_best_weights=True를 주지 않으면 마지막 에포크의 가중치가 남습니다. 지켜본 값이 가장 좋았던 "
             "에포크의 가중치로 되돌리게 하세요.",
             _trainer(stopper="last")),
            (lambda got, want: "멈출 수 없음" in got["조기 종료가 멈출 수 있는가"],
             "이 patience로는 조기 종료가 최대 에포크보다 먼저 멈출 수 없습니다. 가장 일찍 멈추는 때가 에포크 patience + 1"
             "입니다(에포크 1이 가장 좋고, 그 뒤 patience번 나아지지 않을 때). patience를 줄이거나 최대 에포크를 늘리세요.",
             _trainer(stopper="patience3")),
            (lambda got, want: got["옵티마이저"] != want["옵티마이저"],
             "옵티마이저는 5절과 같은 keras.optimizers.Adam(learning_rate=0.003)입니다. "
             "문자열 optimizer=\"adam\"은 Keras의 기본 학습률 0.001입니다.",
             _trainer(rate=0.001)),
            (lambda got, want: got["손실"] != want["손실"],
             "손실은 5절과 같은 loss=\"sparse_categorical_crossentropy\"입니다. 정답이 정수(0~9)이고, 모델의 마지막 계층이 "
             "이미 소프트맥스 확률을 내므로 from_logits=True는 주지 않습니다(그것은 점수를 내는 모델에 씁니다).",
             _trainer(logits=True)),
            (lambda got, want: got["최대 에포크"] != want["최대 에포크"],
             f"몇 초 안에 끝나도록 최대 에포크(epochs)는 {MAX_EPOCHS} 이하로 주세요.",
             _trainer(epochs=8)),
        ],
    )
