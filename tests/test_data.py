"""data: MNIST 찾기 순서, 파일 검사, 한국어 오류, 예제 사진."""

import os

import numpy as np
import pytest

from cnn_helpers import data
from cnn_helpers.data import ENV_VAR, load_mnist, sample_image


def write_mnist(path, n_train=5, n_test=3, **override):
    arrays = {
        "x_train": np.zeros((n_train, 28, 28), np.uint8),
        "y_train": np.arange(n_train, dtype=np.uint8) % 10,
        "x_test": np.zeros((n_test, 28, 28), np.uint8),
        "y_test": np.arange(n_test, dtype=np.uint8) % 10,
    }
    arrays.update(override)
    arrays = {k: v for k, v in arrays.items() if v is not None}
    np.savez(path, **arrays)
    return path


@pytest.fixture
def clean_env(monkeypatch, tmp_path):
    monkeypatch.delenv(ENV_VAR, raising=False)
    monkeypatch.setenv("KERAS_HOME", str(tmp_path / "keras-home"))
    return tmp_path


def test_explicit_path(clean_env, capsys):
    path = write_mnist(clean_env / "m.npz")
    (xtr, ytr), (xte, yte) = load_mnist(path)
    assert xtr.shape == (5, 28, 28) and xte.shape == (3, 28, 28) and xtr.dtype == np.uint8
    assert ytr.dtype == np.uint8
    line = capsys.readouterr().out.strip()
    assert line == "MNIST: 지정한 파일 (m.npz)에서 읽음 — 학습 5장, 시험 3장"
    assert "지정한 파일" in data.mnist_source()


def test_default_is_the_bundled_subset(clean_env, capsys):
    """경로도 환경 변수도 없으면 Keras 캐시가 있어도 강의에 들어 있는 부분집합을 읽습니다."""
    cache = clean_env / "keras-home" / "datasets"
    cache.mkdir(parents=True)
    write_mnist(cache / "mnist.npz", n_train=4)
    (xtr, ytr), (xte, yte) = load_mnist()
    assert capsys.readouterr().out.strip() == "MNIST: 강의에 들어 있는 부분집합에서 읽음 — 학습 7,000장, 시험 2,000장"
    assert xtr.shape == (7000, 28, 28) and xte.shape == (2000, 28, 28) and xtr.dtype == np.uint8
    assert data.mnist_source() == "강의에 들어 있는 부분집합"


def test_bundled_subset_is_real_mnist():
    """부분집합은 공식 t10k에서 뽑은 실제 숫자: 레이블이 고르고 화소 통계가 MNIST와 같습니다."""
    (xtr, ytr), (xte, yte) = load_mnist(verbose=False)
    assert np.bincount(ytr, minlength=10).min() > 600 and np.bincount(yte, minlength=10).min() > 150
    assert 30 < xtr.mean() < 40  # MNIST 화소 평균은 약 33
    assert xtr.max() == 255 and (xtr == 0).mean() > 0.75  # 배경은 0, 획은 255까지
    # 학습·시험에 같은 이미지가 없습니다 (시험 정확도가 부풀지 않도록)
    train_bytes = {x.tobytes() for x in xtr}
    assert not any(x.tobytes() in train_bytes for x in xte)


def test_bundled_subset_ships_with_its_credit():
    assert data.BUNDLED_MNIST.is_file() and data.BUNDLED_MNIST.stat().st_size < 2_000_000
    credit = (data.BUNDLED_MNIST.parent / "README.md").read_text(encoding="utf-8")
    assert "LeCun" in credit and "CC BY-SA 3.0" in credit


@pytest.mark.parametrize("name", ["TENSORBOARD_SCREENSHOT", "TENSORBOARD_HISTOGRAMS"])
def test_tensorboard_screenshots_ship_in_the_package(name):
    """5강의 TensorBoard 화면(assets/make_tensorboard_screenshot.py가 찍음): 읽히는 PNG, 읽을 만한 크기, 400 KB 미만."""
    from PIL import Image

    path = getattr(data, name)
    assert path.is_file() and path.stat().st_size < 400_000
    with Image.open(path) as im:
        assert im.format == "PNG" and im.width >= 800 and im.height >= 400
        im.load()
    credit = (path.parent / "README.md").read_text(encoding="utf-8")
    assert path.name in credit and "Apache-2.0" in credit


def test_env_var_beats_bundled(clean_env, monkeypatch, capsys):
    monkeypatch.setenv(ENV_VAR, str(write_mnist(clean_env / "env.npz", n_train=6)))
    (xtr, _), _ = load_mnist()
    assert len(xtr) == 6 and ENV_VAR in capsys.readouterr().out


def test_full_reads_the_keras_cache(clean_env, monkeypatch, capsys):
    monkeypatch.setenv(ENV_VAR, str(write_mnist(clean_env / "env.npz", n_train=6)))  # full=True는 무시
    cache = clean_env / "keras-home" / "datasets"
    cache.mkdir(parents=True)
    write_mnist(cache / "mnist.npz", n_train=4)
    (xtr, _), _ = load_mnist(full=True)
    assert len(xtr) == 4 and "Keras 캐시" in capsys.readouterr().out


def test_full_and_path_conflict(clean_env):
    with pytest.raises(ValueError, match="함께 쓸 수 없습니다"):
        load_mnist(write_mnist(clean_env / "m.npz"), full=True)
    with pytest.raises(TypeError, match="full은"):
        load_mnist(full="yes")


def test_path_beats_env(clean_env, monkeypatch):
    monkeypatch.setenv(ENV_VAR, str(write_mnist(clean_env / "env.npz", n_train=6)))
    (xtr, _), _ = load_mnist(write_mnist(clean_env / "arg.npz", n_train=2), verbose=False)
    assert len(xtr) == 2


def test_missing_files_are_korean_errors(clean_env, monkeypatch):
    with pytest.raises(FileNotFoundError, match="MNIST 파일 .* 없습니다"):
        load_mnist(clean_env / "nope.npz")
    monkeypatch.setenv(ENV_VAR, str(clean_env / "nope.npz"))
    with pytest.raises(FileNotFoundError, match=f"환경 변수 {ENV_VAR}"):
        load_mnist()


def test_failed_download_says_what_to_do(clean_env, monkeypatch):
    def broken():
        raise OSError("network unreachable")

    import keras

    monkeypatch.setattr(keras.datasets.mnist, "load_data", broken)
    with pytest.raises(RuntimeError, match="내려받기도 실패") as info:
        load_mnist(full=True)
    message = str(info.value)
    assert "load_mnist(path=" in message and ENV_VAR in message and "load_mnist() (full=True 없이)" in message


def test_full_offline_really_fails_in_korean(clean_env, monkeypatch):
    """네트워크가 없는 컴퓨터: 실제 Keras 내려받기가 실패하면 한국어로 할 일을 알려 줍니다."""
    import socket

    def no_network(*args, **kwargs):
        raise OSError("네트워크 없음 (시험에서 막음)")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(socket, "getaddrinfo", no_network)
    with pytest.raises(RuntimeError, match="전체 MNIST가 Keras 캐시에 없고 내려받기도 실패했습니다"):
        load_mnist(full=True)


@pytest.mark.parametrize(
    "content, text",
    [
        (b"this is not a zip file", "손상"),
        (b"PK\x03\x04broken", "손상"),
    ],
)
def test_corrupt_file(clean_env, content, text):
    path = clean_env / "bad.npz"
    path.write_bytes(content)
    with pytest.raises(ValueError, match=text):
        load_mnist(path)


@pytest.mark.parametrize(
    "override, text",
    [
        ({"y_test": None}, "y_test"),
        ({"x_train": np.zeros((5, 32, 32), np.uint8)}, "x_train"),
        ({"x_train": np.zeros((5, 28, 28), np.float32)}, "uint8"),
        ({"y_train": np.arange(4, dtype=np.uint8)}, "y_train"),
        ({"y_train": np.full(5, 12, np.uint8)}, "0~9"),
    ],
)
def test_wrong_layout(clean_env, override, text):
    with pytest.raises(ValueError, match=text):
        load_mnist(write_mnist(clean_env / "w.npz", **override))


class _Payload:
    """피클로 풀리는 순간 폴더를 만드는 객체: allow_pickle=True로 읽으면 코드가 실행된 흔적이 남습니다."""

    def __init__(self, marker):
        self.marker = str(marker)

    def __reduce__(self):
        return os.mkdir, (self.marker,)


def test_pickled_objects_are_refused(clean_env):
    """객체(피클) 배열은 풀지 않고 거절합니다. 풀었다면(allow_pickle=True) marker 폴더가 생깁니다."""
    marker = clean_env / "unpickled"
    path = clean_env / "obj.npz"
    arrays = {"x_train": np.array([_Payload(marker)], dtype=object), "y_train": np.zeros(1, np.uint8),
              "x_test": np.zeros((1, 28, 28), np.uint8), "y_test": np.zeros(1, np.uint8)}
    np.savez(path, **arrays)
    with np.load(path, allow_pickle=True) as f:  # 시험 자체 확인: 피클을 허용하면 정말 실행됩니다
        f["x_train"]
    assert marker.is_dir()
    marker.rmdir()
    with pytest.raises(ValueError, match="손상되었거나 npz가 아닙니다") as info:
        load_mnist(path)
    assert not marker.exists()  # 피클을 풀지 않았음
    assert "ValueError" in str(info.value)  # numpy가 allow_pickle=False로 거절한 것


def test_path_type():
    with pytest.raises(TypeError, match="경로"):
        load_mnist(123)


def test_directory_and_npy_are_named(clean_env):
    with pytest.raises(ValueError, match="폴더입니다"):
        load_mnist(clean_env)
    npy = clean_env / "one.npy"
    np.save(npy, np.zeros((2, 28, 28), np.uint8))
    with pytest.raises(ValueError, match=r"\.npy"):
        load_mnist(npy)


def test_sample_images():
    cam = sample_image("camera")
    assert cam.shape == (512, 512) and cam.dtype == np.uint8
    cat = sample_image("chelsea")
    assert cat.shape == (300, 451, 3)
    gray = sample_image("chelsea", gray=True)
    assert gray.shape == (300, 451) and gray.dtype == np.uint8
    with pytest.raises(ValueError, match="'camera'"):
        sample_image("lena")


# ---------------------------------------------------------------------------
# load_image: 손글씨 사진 → MNIST처럼
# ---------------------------------------------------------------------------

def _fake_photo():
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / "assets" / "make_handwritten_sample.py"
    spec = importlib.util.spec_from_file_location("make_handwritten_sample", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.fake_photo


@pytest.fixture(scope="module")
def tiny_lenet():
    """200걸음만 학습한 LeNet-5 (입력 [0, 1])와 그것이 확신하며 맞힌 시험 숫자 12개."""
    keras = pytest.importorskip("keras")
    from cnn_helpers import models

    keras.utils.set_random_seed(0)
    (x_train, y_train), (x_test, y_test) = load_mnist(verbose=False)
    model = models.lenet5()
    model.compile(optimizer=keras.optimizers.Adam(2e-3), loss="sparse_categorical_crossentropy")
    model.fit(x_train[:6400, ..., None] / 255.0, y_train[:6400], batch_size=32, epochs=1, verbose=0)  # 200 걸음
    prob = model.predict(x_test[:200, ..., None] / 255.0, verbose=0)
    # 모델이 확신하며(확률 0.9 이상) 맞힌 숫자: 애매한 글씨는 작은 차이에도 답이 바뀌므로 빼고 봅니다.
    good = np.flatnonzero((prob.argmax(1) == y_test[:200]) & (prob.max(1) > 0.9))[:12]
    assert len(good) == 12
    return model, x_test[good], y_test[good]


VARIANTS = {
    "밝은 종이": {"angle": 0.0},
    "어두운 바탕": {"dark": True, "angle": 0.0},
    "가운데서 벗어남": {"shift": (0.15, -0.18), "size": (400, 500), "angle": 3.0},
    "잡음·흐림": {"noise": 0.1, "blur": 3.0, "angle": -4.0},
    "작은 사진": {"size": (60, 50), "blur": 0.6, "angle": 0.0},
}


@pytest.mark.parametrize("variant", list(VARIANTS))
@pytest.mark.slow
def test_load_image_photo_classified_like_original(tmp_path, tiny_lenet, variant):
    from PIL import Image

    fake_photo = _fake_photo()
    model, digits, labels = tiny_lenet
    loaded = []
    for k, digit in enumerate(digits):
        file = tmp_path / f"digit{k}.{'jpg' if k % 2 else 'png'}"
        Image.fromarray(fake_photo(digit, seed=k, **VARIANTS[variant])).save(file)
        x = data.load_image(file)
        assert x.shape == (28, 28) and x.dtype == np.float64 and x.min() >= 0 and x.max() == pytest.approx(1.0)
        ys, xs = np.mgrid[:28, :28]
        assert abs((ys * x).sum() / x.sum() - 13.5) < 1 and abs((xs * x).sum() / x.sum() - 13.5) < 1
        rows, cols = np.flatnonzero(x.max(1) > 0.2), np.flatnonzero(x.max(0) > 0.2)
        assert max(rows[-1] - rows[0], cols[-1] - cols[0]) + 1 <= 21  # 긴 변 20화소 (MNIST처럼)
        loaded.append(x)
    pred = model.predict(np.array(loaded)[..., None], verbose=0).argmax(1)
    agree = (pred == labels).mean()
    assert agree >= 11 / 12, f"{variant}: {pred} vs {labels}"


def test_load_image_like_none_and_rgba(tmp_path):
    from PIL import Image

    rgba = np.zeros((10, 12, 4), np.uint8)
    rgba[..., 3] = 0  # 모두 투명 → 흰 종이
    rgba[4:6, 3:9] = (0, 0, 0, 255)
    Image.fromarray(rgba, "RGBA").save(tmp_path / "a.png")
    gray = data.load_image(tmp_path / "a.png", like=None)
    assert gray.shape == (10, 12) and gray.max() == 1.0 and gray[4:6, 3:9].max() == 0.0
    x = data.load_image(str(tmp_path / "a.png"))
    assert x.shape == (28, 28) and x.max() == pytest.approx(1.0)


def test_load_image_follows_exif_orientation(tmp_path):
    """휴대폰 사진처럼 EXIF에 '90° 돌려서 보라'(Orientation 6)가 적힌 JPEG는 돌려 세운 모양으로 읽습니다."""
    from PIL import Image

    pixels = np.full((10, 30), 255, np.uint8)
    pixels[:, :5] = 0  # 저장된 화소: 왼쪽 끝이 검다
    exif = Image.Exif()
    exif[0x0112] = 6  # Orientation: 시계 방향으로 90° 돌려서 보기
    Image.fromarray(pixels, "L").save(tmp_path / "phone.jpg", exif=exif, quality=95)
    gray = data.load_image(tmp_path / "phone.jpg", like=None)
    assert gray.shape == (30, 10)  # 세워 읽음: 높이와 너비가 바뀜
    assert gray[:5].mean() < 0.2 and gray[-5:].mean() > 0.8  # 왼쪽 끝이 돌아 위쪽 끝이 됨


def test_load_image_bundled_sample():
    x = data.load_image(data.HANDWRITTEN_SAMPLE)
    assert x.shape == (28, 28)


def test_load_image_korean_errors(tmp_path):
    from PIL import Image

    with pytest.raises(FileNotFoundError, match="없습니다"):
        data.load_image(tmp_path / "nope.png")
    with pytest.raises(ValueError, match="폴더"):
        data.load_image(tmp_path)
    (tmp_path / "bad.png").write_bytes(b"\x89PNG\r\n\x1a\nnot really")
    with pytest.raises(ValueError, match="읽을 수 없습니다"):
        data.load_image(tmp_path / "bad.png")
    (tmp_path / "text.jpg").write_text("안녕")
    with pytest.raises(ValueError, match="이미지가 아닌"):
        data.load_image(tmp_path / "text.jpg")
    with pytest.raises(TypeError, match="파일 경로"):
        data.load_image(3)
    Image.fromarray(np.full((40, 40), 200, np.uint8)).save(tmp_path / "blank.png")
    with pytest.raises(ValueError, match="글씨"):
        data.load_image(tmp_path / "blank.png")
    with pytest.raises(ValueError, match="like="):
        data.load_image(tmp_path / "blank.png", like="cifar")
