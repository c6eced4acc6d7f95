"""ipywidgets 판과 화면이 맞지 않을 때의 한국어 알림 (Colab은 7만, JupyterLab 4는 8만 그립니다)."""

import pytest

from cnn_helpers import frontend


@pytest.mark.parametrize("ipywidgets, colab, lab, problem", [
    ("8.1.5", False, "4.2.5", None),       # JupyterLab 4 + 8: 됨
    ("7.7.1", True, None, None),           # Colab + 7: 됨
    ("7.7.1", False, None, None),          # classic Notebook 6 + 7 (JupyterLab 없음): 됨
    ("7.7.1", False, "3.6.0", None),       # JupyterLab 3은 ipywidgets 7을 그립니다
    ("7.7.1", False, "4.2.5", "ipywidgets>=8"),
    ("8.1.5", True, None, "ipywidgets<8"),
])
def test_mismatch_names_the_fix(ipywidgets, colab, lab, problem):
    message = frontend.widget_mismatch(ipywidgets, in_colab=colab, jupyterlab_version=lab)
    if problem is None:
        assert message is None
    else:
        assert problem in message and "알림" in message and ipywidgets in message


def test_widget_bundle_warns_once_in_korean(monkeypatch, capsys):
    class FakeWidget:
        model_id = "abc"

    monkeypatch.setattr(frontend, "_warned", False)
    monkeypatch.setattr(frontend, "_installed", {"ipywidgets": "7.7.1", "jupyterlab": "4.2.5"}.get)
    bundle = frontend.widget_bundle("합성곱 탐색기()", FakeWidget())
    frontend.widget_bundle("합성곱 탐색기()", FakeWidget())
    assert bundle["application/vnd.jupyter.widget-view+json"]["model_id"] == "abc"
    assert "image/png" not in bundle
    assert capsys.readouterr().out.count("JupyterLab 4는 ipywidgets 8 이상만") == 1


def test_this_environment_draws_widgets_in_jupyterlab():
    """이 강의의 기본 설치(JupyterLab 4 + ipywidgets 8)에서는 알림이 없습니다."""
    assert frontend.current_mismatch() is None


def test_widget_bundle_carries_a_static_picture():
    """위젯을 그리지 못하는 화면(GitHub, nbviewer, 정적 슬라이드)은 함께 넣은 PNG를 보여 줍니다."""
    import base64

    class FakeWidget:
        model_id = "abc"

    bundle = frontend.widget_bundle("탐색기()", FakeWidget(), b"\x89PNG...")
    assert base64.b64decode(bundle["image/png"]) == b"\x89PNG..."
