"""cnn_helpers.distribute 시험: 분산 전략 고르기 (기본, MirroredStrategy, TPU 실패 시 조용히 돌아가기)."""

from __future__ import annotations

import json
import math
import os
import re
import subprocess
import sys
import textwrap

import pytest

from cnn_helpers.distribute import describe, strategy

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
HANGUL = re.compile("[가-힣]")


def korean_error(excinfo, *needles):
    """오류 메시지가 한국어이고 주어진 조각을 모두 담고 있는지 확인합니다."""
    msg = str(excinfo.value)
    assert HANGUL.search(msg), msg
    for needle in needles:
        assert needle in msg, (needle, msg)


def test_strategy_default_on_this_machine(monkeypatch, capsys):
    import tensorflow as tf

    from cnn_helpers import distribute

    if len(tf.config.list_logical_devices("GPU")) >= 2:
        pytest.skip("GPU가 2개 이상인 기계에서는 MirroredStrategy가 골라집니다.")
    monkeypatch.setattr(distribute, "tpu_address", lambda: None)
    s = strategy()
    assert s is tf.distribute.get_strategy() and s.num_replicas_in_sync == 1
    out = capsys.readouterr().out.strip().splitlines()
    assert len(out) == 1 and "기본 전략" in out[0] and "복제본 1개" in out[0]


def test_strategy_picks_mirrored_with_two_gpus(monkeypatch):
    import tensorflow as tf

    from cnn_helpers import distribute

    fake = object()
    real_list = tf.config.list_logical_devices
    monkeypatch.setattr(distribute, "tpu_address", lambda: None)
    monkeypatch.setattr(
        tf.config, "list_logical_devices", lambda kind=None: ["GPU:0", "GPU:1"] if kind == "GPU" else real_list(kind)
    )
    monkeypatch.setattr(tf.distribute, "MirroredStrategy", lambda *a, **k: fake)
    assert strategy(verbose=False) is fake


def test_strategy_tpu_failure_falls_back_quietly(monkeypatch, capsys):
    import tensorflow as tf

    from cnn_helpers import distribute

    def fail(**kwargs):
        raise ValueError("no TPU")

    monkeypatch.setattr(distribute, "tpu_address", lambda: "local")
    monkeypatch.setattr(tf.distribute.cluster_resolver.TPUClusterResolver, "connect", staticmethod(fail))
    s = strategy()
    # TPU 연결에 실패하면 TPU 없이 고르는 것과 똑같아야 합니다: GPU 2개 이상이면 MirroredStrategy(복제본 = GPU 수),
    # 아니면 기본 전략(복제본 1개).
    gpus = len(tf.config.list_logical_devices("GPU"))
    if gpus >= 2:
        assert isinstance(s, tf.distribute.MirroredStrategy) and s.num_replicas_in_sync == gpus
    else:
        assert s is tf.distribute.get_strategy() and s.num_replicas_in_sync == 1
    assert not isinstance(s, tf.distribute.TPUStrategy)
    out = capsys.readouterr().out
    assert "TPU" in out and HANGUL.search(out)


def test_tpu_probe_is_cheap_without_tpu(monkeypatch):
    from cnn_helpers import distribute

    for var in distribute.TPU_ENV_VARS:
        monkeypatch.delenv(var, raising=False)
    if os.path.exists("/dev/accel0"):
        pytest.skip("TPU VM에서는 TPU가 있다고 판단하는 것이 맞습니다.")
    assert distribute.tpu_address() in (None, "local")
    monkeypatch.setenv("COLAB_TPU_ADDR", "10.0.0.2:8470")
    assert distribute.tpu_address() == "grpc://10.0.0.2:8470"


def test_describe_rejects_non_strategy():
    with pytest.raises(TypeError) as excinfo:
        describe("mirrored")
    korean_error(excinfo, "strategy")


MIRRORED_SCRIPT = textwrap.dedent(
    """
    import json, os
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    import numpy as np
    import tensorflow as tf

    cpu = tf.config.list_physical_devices("CPU")[0]
    tf.config.set_logical_device_configuration(cpu, [tf.config.LogicalDeviceConfiguration()] * 2)
    import keras
    from cnn_helpers.distribute import describe
    from cnn_helpers.models import lenet5

    keras.utils.set_random_seed(0)
    s = tf.distribute.MirroredStrategy(["/cpu:0", "/cpu:1"])
    with s.scope():
        model = lenet5()
        model.compile(optimizer="sgd", loss="sparse_categorical_crossentropy")
    before = [w.numpy().copy() for w in model.trainable_weights]
    rng = np.random.default_rng(0)
    x = rng.random((16, 28, 28, 1), dtype=np.float32)
    y = rng.integers(0, 10, 16)
    hist = model.fit(x, y, batch_size=8, epochs=1, verbose=0)
    changed = any(not np.array_equal(b, w.numpy()) for b, w in zip(before, model.trainable_weights))
    print(json.dumps({"replicas": s.num_replicas_in_sync, "loss": hist.history["loss"][0],
                      "changed": changed, "describe": describe(s)}, ensure_ascii=False))
    """
)


def test_mirrored_strategy_on_two_logical_cpus():
    # 논리 장치 설정은 TensorFlow가 장치를 초기화하기 전에만 할 수 있으므로 별도 프로세스에서 돌립니다.
    env = dict(os.environ, TF_CPP_MIN_LOG_LEVEL="3", TF_ENABLE_ONEDNN_OPTS="0", PYTHONPATH=ROOT)
    out = subprocess.run(
        [sys.executable, "-c", MIRRORED_SCRIPT], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )
    assert out.returncode == 0, out.stderr[-3000:]
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result["replicas"] == 2
    assert math.isfinite(result["loss"])
    assert result["changed"]
    assert "MirroredStrategy" in result["describe"] and "복제본 2개" in result["describe"]
