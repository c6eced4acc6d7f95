"""분산 학습 전략 고르기: TPU → 여러 GPU(MirroredStrategy) → 기본 전략 순서.

    >>> from cnn_helpers.distribute import strategy
    >>> s = strategy()              # 고른 전략을 한국어 한 줄로 알려 줍니다.
    >>> with s.scope():
    ...     model = lenet5()
    ...     model.compile(...)

`import cnn_helpers.distribute`는 TensorFlow를 불러오지 않습니다 (함수를 부를 때 불러옵니다).
"""

from __future__ import annotations

import glob
import importlib.util
import os

from . import _lazy

__all__ = ["strategy", "choose_strategy", "describe", "tpu_address", "TPU_ENV_VARS"]

# TPU가 있을 때만 보이는 흔적. 흔적이 없으면 TPUClusterResolver를 아예 만들지 않습니다:
# 만들면 환경 변수를 찾다가 ValueError를 내거나, TPU_NAME이 있을 때는 GCE 메타데이터 서버에
# 네트워크로 묻기 때문입니다 (TPU가 없는 곳에서 기다리거나 오류를 찍지 않게).
TPU_ENV_VARS = ("TPU_NAME", "COLAB_TPU_ADDR", "KUBE_GOOGLE_CLOUD_TPU_ENDPOINTS", "TPU_CONFIG")


def tpu_address():
    """TPU 흔적이 있으면 TPUClusterResolver에 넘길 tpu 인자를, 없으면 None을 돌려줍니다."""
    if os.environ.get("COLAB_TPU_ADDR"):  # 예전 Colab TPU 노드
        return "grpc://" + os.environ["COLAB_TPU_ADDR"]
    if any(os.environ.get(v) for v in TPU_ENV_VARS):  # Cloud TPU 노드·GKE: 환경 변수에서 찾음
        return ""
    # TPU VM(현재 Colab TPU 런타임 포함): 칩이 이 기계에 직접 붙어 있음. v2~v4는 /dev/accel0…,
    # v5e 이후는 /dev/vfio/숫자 (vfio는 GPU 패스스루에도 쓰이므로 TPU 런타임 흔적이 함께 있을 때만).
    if glob.glob("/dev/accel[0-9]*"):
        return "local"
    if glob.glob("/dev/vfio/[0-9]*") and (
        os.environ.get("TPU_ACCELERATOR_TYPE") or importlib.util.find_spec("libtpu") is not None
    ):
        return "local"
    return None


def _tpu_strategy(verbose):
    """TPU에 연결해 TPUStrategy를 돌려줍니다. TPU가 없거나 연결에 실패하면 None."""
    address = tpu_address()
    if address is None:
        return None
    tf = _lazy.tensorflow()

    try:
        resolver = tf.distribute.cluster_resolver.TPUClusterResolver.connect(tpu=address or None)
        return tf.distribute.TPUStrategy(resolver)
    except Exception as exc:  # TPU 흔적은 있지만 연결 실패: 다음 후보로 넘어갑니다.
        if verbose:
            print(f"TPU 흔적이 있지만 연결하지 못해 TPU 없이 진행합니다 ({type(exc).__name__}).")
        return None


def describe(strategy) -> str:
    """분산 전략을 한국어 한 줄로 설명합니다 (종류, 장치, 복제본 수)."""
    tf = _lazy.tensorflow()

    if not isinstance(strategy, tf.distribute.Strategy):
        raise TypeError(
            f"strategy는 tf.distribute.Strategy여야 합니다 (예: cnn_helpers.distribute.strategy()의 결과). "
            f"받은 값: {type(strategy).__name__}"
        )
    n = strategy.num_replicas_in_sync
    kind = type(strategy).__name__
    if isinstance(strategy, tf.distribute.TPUStrategy):
        return f"분산 전략: TPUStrategy — TPU 코어 {n}개에서 복제본 {n}개로 학습합니다."
    if isinstance(strategy, tf.distribute.MirroredStrategy):
        devices = ", ".join(strategy.extended.worker_devices)
        return f"분산 전략: MirroredStrategy — 장치 {n}개({devices})에 모델을 복제해 복제본 {n}개로 학습합니다."
    if strategy is tf.distribute.get_strategy() or kind.startswith("_Default"):
        gpus = tf.config.list_logical_devices("GPU")
        device = f"GPU 1개({gpus[0].name})" if gpus else "CPU"
        return f"분산 전략: 기본 전략(분산 없음) — {device}에서 복제본 {n}개로 학습합니다."
    return f"분산 전략: {kind} — 복제본 {n}개로 학습합니다."


def choose_strategy(verbose=True):
    """지금 기계에 맞는 tf.distribute 전략을 돌려줍니다.

    TPU가 있으면 TPUStrategy, GPU가 2개 이상이면 MirroredStrategy, 아니면 기본 전략
    (`tf.distribute.get_strategy()`, GPU 1개나 CPU). verbose=True면 고른 전략을 한 줄로 출력합니다.
    모델 만들기와 compile은 `with strategy().scope():` 안에서 하세요.
    """
    from ._validate import check_bool

    verbose = check_bool("verbose", verbose)
    tf = _lazy.tensorflow()

    chosen = _tpu_strategy(verbose)
    if chosen is None:
        if len(tf.config.list_logical_devices("GPU")) >= 2:
            chosen = tf.distribute.MirroredStrategy()
        else:
            chosen = tf.distribute.get_strategy()
    if verbose:
        print(describe(chosen))
    return chosen


# 예전 이름: 노트북은 `ch.strategy()`로 부릅니다. 뜻이 더 분명한 새 이름은 `choose_strategy`입니다.
strategy = choose_strategy
