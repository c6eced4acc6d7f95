"""사전 학습 모델 불러오기: 캐시에 있으면 그것을, 인터넷이 없으면 기다리지 않고 한국어 안내와 함께 (None, {})."""

from __future__ import annotations

import json
import time

import pytest

from cnn_helpers import pretrained


def test_unknown_name_is_refused_in_korean():
    with pytest.raises(ValueError, match="쓸 수 있는 이름은"):
        pretrained.imagenet_model("vgg99")


def test_offline_falls_back_at_once(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("KERAS_HOME", str(tmp_path))
    monkeypatch.setattr(pretrained, "HOST", "unreachable.invalid")
    start = time.perf_counter()
    assert pretrained.imagenet_model("resnet50", timeout=2) == (None, {})
    assert time.perf_counter() - start < 5
    assert "인터넷에 연결되지 않아" in capsys.readouterr().out


def test_cached_files_are_used_without_the_network(tmp_path, monkeypatch):
    models = tmp_path / "models"
    models.mkdir()
    (models / "vgg16_weights_tf_dim_ordering_tf_kernels.h5").write_bytes(b"")
    (models / "imagenet_class_index.json").write_text(json.dumps({"0": ["n01440764", "tench"], "1": ["n01443537", "goldfish"]}))
    monkeypatch.setenv("KERAS_HOME", str(tmp_path))
    monkeypatch.setattr(pretrained, "_reachable", lambda timeout: pytest.fail("캐시가 있으면 연결을 보지 않아야 합니다"))
    calls = []

    class FakeApplications:
        @staticmethod
        def VGG16(weights):
            calls.append(weights)
            return "모델"

    class FakeUtils:
        @staticmethod
        def get_file(name, url, cache_subdir):
            return str(models / name)

    class FakeKeras:
        applications = FakeApplications
        utils = FakeUtils

    monkeypatch.setattr(pretrained._lazy, "keras", lambda: FakeKeras)
    model, names = pretrained.imagenet_model("vgg16")
    assert (model, names, calls) == ("모델", {0: "tench", 1: "goldfish"}, ["imagenet"])


def test_a_failed_download_falls_back(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("KERAS_HOME", str(tmp_path))
    monkeypatch.setattr(pretrained, "_reachable", lambda timeout: True)

    class Broken:
        class applications:
            @staticmethod
            def ResNet50(weights):
                raise OSError("연결이 끊김")

    monkeypatch.setattr(pretrained._lazy, "keras", lambda: Broken)
    assert pretrained.imagenet_model("resnet50") == (None, {})
    assert "받거나 읽지 못했습니다 (OSError)" in capsys.readouterr().out
