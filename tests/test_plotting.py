"""plotting: 한국어 글자가 빠짐없이 그려지는지(글리프 누락 경고 0개) 확인합니다."""

import subprocess
import sys
import warnings

import matplotlib
import numpy as np
import pytest
from matplotlib import pyplot as plt

from cnn_helpers import plotting

KOREAN = "합성곱 신경망 특징 맵 패딩 스트라이드 풀링 수용 영역 −1 σ √n 0.5"


def draw_everything():
    figs = [
        plotting.show_images([np.eye(5)] * 3, ["가로 줄무늬", "세로 −2", KOREAN], suptitle="이미지 격자"),
        plotting.show_kernel(np.array([[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]]), title="소벨 커널 (−1, 0, 1)"),
        plotting.show_feature_maps(np.random.default_rng(0).normal(size=(6, 6, 3)), suptitle="특징 맵"),
        plotting.plot_history({"loss": [1.0, 0.5], "val_loss": [1.1, 0.7], "accuracy": [0.5, 0.9]}, title="학습 곡선"),
    ]
    for fig in figs:
        ax = fig.axes[0]
        ax.set_xlabel("가로 축 −3")
        fig.canvas.draw()  # 글자를 실제로 배치해야 누락 경고가 나옵니다.
        plt.close(fig)


def test_no_missing_glyph_warnings():
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        draw_everything()
    missing = [str(w.message) for w in caught if "missing from font" in str(w.message)]
    assert missing == []
    assert matplotlib.rcParams["axes.unicode_minus"] is False
    assert matplotlib.rcParams["font.family"][0] == "NanumGothic"


def test_without_our_font_glyphs_are_missing():
    """대조 실험: 기본 글꼴(DejaVu Sans)만 쓰면 같은 글자에서 경고가 납니다 — 측정 방법이 진짜라는 증거."""
    with matplotlib.rc_context({"font.family": ["DejaVu Sans"]}), warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fig, ax = plt.subplots()
        ax.set_title(KOREAN)
        fig.canvas.draw()
        plt.close(fig)
    # matplotlib 3.8: "… missing from current font.", 3.9 이후: "… missing from font(s) DejaVu Sans."
    assert any("missing from" in str(w.message) and "font" in str(w.message) for w in caught)


def test_fresh_process_has_no_glyph_warnings_on_stderr():
    """새 파이썬 프로세스(캐시 없는 학생 환경과 비슷)에서도 stderr가 비어 있어야 합니다."""
    code = (
        "import matplotlib; matplotlib.use('Agg');"
        "from cnn_helpers import plotting; import numpy as np;"
        f"f = plotting.show_images([np.eye(3)], [{KOREAN!r}]); f.canvas.draw(); print('ok')"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.stdout.strip() == "ok"
    assert result.stderr == ""


def test_font_is_bundled_with_licence():
    assert plotting.FONT_FILE.is_file()
    assert "SIL OPEN FONT LICENSE" in (plotting.FONT_FILE.parent / "OFL.txt").read_text()


@pytest.mark.parametrize(
    "call, error, text",
    [
        (lambda: plotting.show_images([]), ValueError, "한 장도"),
        (lambda: plotting.show_images([np.eye(3)], ["a", "b"]), ValueError, "titles"),
        (lambda: plotting.show_images([np.zeros((2, 2, 2, 2))]), ValueError, "모양"),
        (lambda: plotting.show_kernel(np.ones(3)), ValueError, "2차원"),
        (lambda: plotting.show_feature_maps(np.ones((3, 3))), ValueError, "3차원"),
        (lambda: plotting.plot_history([1, 2]), TypeError, "History"),
        (lambda: plotting.plot_history({"mae": [1]}), ValueError, "지표"),
        (lambda: plotting.show_branch_responses(np.zeros((1, 5, 5, 3)), {"1": np.ones((1, 1))}, ["a"]), ValueError, "흑백"),
        (lambda: plotting.show_branch_responses(np.zeros((1, 5, 5, 1)), {"2": np.ones((2, 2))}, ["a"]), ValueError, "홀수"),
        (lambda: plotting.show_branch_responses(np.zeros((1, 5, 5, 1)), [np.ones((1, 1))], ["a"]), TypeError, "사전"),
        (lambda: plotting.show_branch_responses(np.zeros((2, 5, 5, 1)), {"1": np.ones((1, 1))}, ["a"]), ValueError, "names"),
    ],
)
def test_bad_input_korean(call, error, text):
    with pytest.raises(error, match=text):
        call()
    plt.close("all")


def test_import_is_cheap_and_tensorflow_free():
    """import cnn_helpers(+ arithmetic, ops)는 TF·Keras·matplotlib·pandas를 불러오지 않고, 몇 초 안에 끝납니다."""
    code = (
        "import sys, time; t = time.perf_counter(); import cnn_helpers; "
        "import cnn_helpers.arithmetic, cnn_helpers.ops; "
        "print(time.perf_counter() - t); "
        "print(*(m in sys.modules for m in ('tensorflow', 'keras', 'matplotlib', 'pandas')))"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    seconds, *heavy = proc.stdout.split()
    assert heavy == ["False", "False", "False", "False"]
    # numpy만 불러오므로 한가한 기계에서 0.3초 안팎; 바쁜 공유 기계를 생각해 넉넉한 한도 (TF import는 수 초)
    assert 0 < float(seconds) < 10


def test_branch_responses_match_a_direct_correlation():
    """가지마다의 최댓값이 same 패딩 상관(ReLU 뒤)의 최댓값과 같고, 표의 행·열이 입력·가지 이름입니다."""
    from cnn_helpers.ops import correlate2d

    images = np.zeros((2, 9, 9, 1), dtype="float32")
    images[0, 4, 4] = 1.0
    images[1, 3:6, 3:6] = 1.0
    kernels = {"1×1": np.ones((1, 1)), "3×3": np.arange(9.0).reshape(3, 3) - 4}
    peaks = plotting.show_branch_responses(images, kernels, ["작은 점", "큰 점"])
    assert list(peaks.index) == ["작은 점", "큰 점"] and list(peaks.columns) == ["1×1", "3×3"]
    for row in range(2):
        for key, k in kernels.items():
            pad = k.shape[0] // 2
            direct = correlate2d(np.pad(images[row, :, :, 0], pad), k)
            assert peaks.loc[peaks.index[row], key] == pytest.approx(max(direct.max(), 0.0), abs=1e-5)
    plt.close("all")
