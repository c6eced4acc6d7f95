"""MNIST와 예제 사진 불러오기: 강의에 들어 있는 데이터를 먼저, 네트워크는 학생이 고를 때만.

load_mnist()가 찾는 순서 (모든 컴퓨터에서 같은 숫자가 나오도록):
1. 인자로 준 path
2. 환경 변수 CNN_HELPERS_MNIST가 가리키는 파일
3. 패키지에 들어 있는 MNIST 부분집합 (학습 7,000 / 시험 2,000장, _data/mnist-subset.npz)

load_mnist(full=True)는 전체 MNIST(60,000 / 10,000장)를 씁니다:
Keras 캐시 ($KERAS_HOME 또는 ~/.keras)/datasets/mnist.npz → 없으면 Keras 내려받기.

MNIST: Yann LeCun, Corinna Cortes, Christopher J. C. Burges — CC BY-SA 3.0 (_data/README.md).
"""

from __future__ import annotations

import os
import zipfile
import zlib
from pathlib import Path

import numpy as np

__all__ = ["load_mnist", "sample_image", "load_image", "HANDWRITTEN_SAMPLE", "TENSORBOARD_SCREENSHOT",
           "TENSORBOARD_HISTOGRAMS"]

ENV_VAR = "CNN_HELPERS_MNIST"
BUNDLED_MNIST = Path(__file__).with_name("_data") / "mnist-subset.npz"
# 손글씨 숫자 사진 견본 (assets/make_handwritten_sample.py가 만듦; Colab에서도 쓸 수 있게 패키지 안에 둠)
HANDWRITTEN_SAMPLE = Path(__file__).with_name("_data") / "handwritten_digit.png"
# 5강 TensorBoard 화면: 5강과 같은 학습 기록의 손실·정확도 곡선 (assets/make_tensorboard_screenshot.py가 찍음)
TENSORBOARD_SCREENSHOT = Path(__file__).with_name("_data") / "tensorboard_lenet5.png"
# 같은 기록의 HISTOGRAMS 탭: 계층마다 가중치 분포가 에포크마다 바뀌는 모습 (같은 스크립트가 찍음)
TENSORBOARD_HISTOGRAMS = Path(__file__).with_name("_data") / "tensorboard_lenet5_histograms.png"
_KEYS = ("x_train", "y_train", "x_test", "y_test")
_last_source: str | None = None

# scikit-image 패키지 안에 들어 있어 오프라인에서도 쓸 수 있는 사진들
SAMPLE_IMAGES = {
    "camera": "카메라맨 (512×512 흑백)",
    "astronaut": "우주비행사 (512×512 컬러)",
    "chelsea": "고양이 첼시 (300×451 컬러)",
    "coffee": "커피잔 (400×600 컬러)",
    "coins": "동전 (303×384 흑백)",
    "moon": "달 표면 (512×512 흑백)",
    "rocket": "로켓 (427×640 컬러)",
}


def _keras_cache_file() -> Path:
    home = os.environ.get("KERAS_HOME") or os.path.join(os.path.expanduser("~"), ".keras")
    return Path(home) / "datasets" / "mnist.npz"


def _read_npz(path: Path):
    """Keras mnist.npz 형식 파일을 읽고 모양·자료형을 검사합니다."""
    fix = (
        f"올바른 mnist.npz를 가리키거나(load_mnist(path=...) 또는 환경 변수 {ENV_VAR}), "
        f"아무 경로도 주지 않으면 강의에 들어 있는 부분집합을 씁니다."
    )
    arrays = None
    try:
        loaded = np.load(path, allow_pickle=False)
        if isinstance(loaded, np.lib.npyio.NpzFile):
            with loaded as f:
                arrays = {k: f[k] for k in _KEYS if k in f.files}
    except (OSError, ValueError, zipfile.BadZipFile, EOFError, zlib.error, MemoryError) as exc:
        # ValueError: 피클(객체) 데이터이거나 npz가 아닌 파일 — 안전을 위해 읽지 않습니다.
        raise ValueError(f"MNIST 파일 {path}이(가) 손상되었거나 npz가 아닙니다 ({type(exc).__name__}). {fix}") from None
    if arrays is None:
        raise ValueError(f"MNIST 파일 {path}은(는) 배열 하나(.npy)입니다. 네 배열이 든 .npz여야 합니다. {fix}")
    missing = [k for k in _KEYS if k not in arrays]
    if missing:
        raise ValueError(f"MNIST 파일 {path}에 {missing} 항목이 없습니다. Keras의 mnist.npz 형식이어야 합니다. {fix}")
    for split in ("train", "test"):
        x, y = arrays[f"x_{split}"], arrays[f"y_{split}"]
        if x.ndim != 3 or x.shape[1:] != (28, 28) or x.dtype != np.uint8:
            raise ValueError(f"MNIST 파일 {path}: x_{split}의 모양/자료형 {x.shape}/{x.dtype}이 (N, 28, 28)/uint8이 아닙니다. {fix}")
        if x.shape[0] == 0:
            raise ValueError(f"MNIST 파일 {path}: x_{split}에 그림이 한 장도 없습니다 (모양 {x.shape}). {fix}")
        if y.shape != (x.shape[0],) or not np.issubdtype(y.dtype, np.integer) or (y.size and (y.min() < 0 or y.max() > 9)):
            raise ValueError(f"MNIST 파일 {path}: y_{split}이 이미지 {x.shape[0]}장에 맞는 0~9 정수 레이블이 아닙니다. {fix}")
    return (arrays["x_train"], arrays["y_train"].astype(np.uint8)), (arrays["x_test"], arrays["y_test"].astype(np.uint8))


def _download():
    """Keras로 전체 MNIST를 내려받습니다 (네트워크 필요)."""
    try:
        from . import _lazy

        return _lazy.keras().datasets.mnist.load_data()
    except Exception as exc:
        raise RuntimeError(
            "전체 MNIST가 Keras 캐시에 없고 내려받기도 실패했습니다 "
            f"({type(exc).__name__}: {str(exc)[:120]}).\n"
            "다음 중 하나를 해 주세요:\n"
            "  1) 인터넷에 연결한 뒤 다시 실행하기\n"
            f"  2) mnist.npz 파일이 있다면 load_mnist(path='파일 경로') 또는 환경 변수 {ENV_VAR}='파일 경로'\n"
            f"  3) 파일을 {_keras_cache_file()} 에 두기\n"
            "  4) 강의에 들어 있는 부분집합으로 계속하기: load_mnist() (full=True 없이)"
        ) from None


def _check_file(label: str, file: Path) -> Path:
    if file.is_dir():
        raise ValueError(f"{label}가 가리키는 {file}은(는) 폴더입니다. mnist.npz 파일의 경로를 주세요.")
    if not file.is_file():
        raise FileNotFoundError(
            f"{label}가 가리키는 MNIST 파일 {file}이(가) 없습니다. 경로를 확인하거나, "
            f"경로를 주지 않으면 강의에 들어 있는 부분집합을 씁니다."
        )
    return file


def load_mnist(path=None, *, full: bool = False, verbose: bool = True):
    """MNIST를 Keras와 같은 ((x_train, y_train), (x_test, y_test)) uint8 배열로 돌려줍니다.

    기본: path → 환경 변수 CNN_HELPERS_MNIST → 강의에 들어 있는 부분집합(학습 7,000 / 시험 2,000장).
    full=True: 전체 MNIST(학습 60,000 / 시험 10,000장)를 Keras 캐시에서, 없으면 내려받아 씁니다.
    어디서 읽었는지 한 줄로 알려 줍니다 (verbose=False면 조용히).
    """
    global _last_source
    if path is not None and not isinstance(path, (str, os.PathLike)):
        raise TypeError(f"path는 파일 경로(문자열)여야 합니다. 받은 값: {path!r}")
    if not isinstance(full, (bool, np.bool_)):
        raise TypeError(f"full은 True 또는 False여야 합니다. 받은 값: {full!r}")
    from ._validate import check_bool

    verbose = check_bool("verbose", verbose)
    if full and path is not None:
        raise ValueError("path와 full=True는 함께 쓸 수 없습니다. 파일을 읽으려면 path만, 전체 MNIST를 쓰려면 full=True만 주세요.")
    if path is not None:
        file = _check_file("지정한 경로", Path(path))
        data, source = _read_npz(file), f"지정한 파일 ({file.name})"
    elif full:
        cache = _keras_cache_file()
        if cache.is_file():
            data, source = _read_npz(cache), f"Keras 캐시 ({cache.name}, 전체 MNIST)"
        else:
            data, source = _download(), "Keras 내려받기 (전체 MNIST)"
    elif os.environ.get(ENV_VAR):
        file = _check_file(f"환경 변수 {ENV_VAR}", Path(os.environ[ENV_VAR]))
        data, source = _read_npz(file), f"환경 변수 {ENV_VAR} ({file.name})"
    else:
        data, source = _read_npz(BUNDLED_MNIST), "강의에 들어 있는 부분집합"
    _last_source = source
    if verbose:
        (xtr, _), (xte, _) = data
        print(f"MNIST: {source}에서 읽음 — 학습 {len(xtr):,}장, 시험 {len(xte):,}장")
    return data


def mnist_source() -> str | None:
    """마지막 load_mnist가 데이터를 읽은 곳(한국어 설명, 파일 이름)을 돌려줍니다."""
    return _last_source


def sample_image(name: str = "camera", *, gray: bool = False) -> np.ndarray:
    """scikit-image에 들어 있는 예제 사진을 uint8 배열로 돌려줍니다 (네트워크 불필요).

    name: SAMPLE_IMAGES의 키 ('camera', 'astronaut', 'chelsea', 'coffee', ...).
    gray=True이면 컬러 사진을 흑백(높이, 너비)으로 바꿉니다.
    """
    if not isinstance(name, str) or name not in SAMPLE_IMAGES:
        choices = ", ".join(repr(k) for k in SAMPLE_IMAGES)
        raise ValueError(f"예제 사진 이름 {name!r}을(를) 모릅니다. 다음 중 하나를 고르세요: {choices}")
    import skimage.data

    from ._validate import check_bool

    gray = check_bool("gray", gray)

    image = np.asarray(getattr(skimage.data, name)())
    if gray and image.ndim == 3:
        rgb = image[..., :3].astype(np.float64)
        image = np.clip(rgb @ np.array([0.2125, 0.7154, 0.0721]), 0, 255).round().astype(np.uint8)
    return image


def _read_gray(path) -> np.ndarray:
    """이미지 파일을 [0, 1] 흑백(높이, 너비) float64로 읽습니다 (투명한 부분은 흰 종이로)."""
    from ._validate import check_path

    check_path("path", path)
    file = Path(path)
    if file.is_dir():
        raise ValueError(f"path={str(file)!r}은(는) 폴더입니다. 사진 파일(PNG, JPEG)의 경로를 주세요.")
    if not file.is_file():
        raise FileNotFoundError(
            f"사진 파일 {str(file)!r}이(가) 없습니다. 경로(폴더와 파일 이름, 확장자)를 확인하세요. "
            "Colab에서는 왼쪽 파일 패널에 올린 파일이 /content/파일이름 에 있습니다."
        )
    from PIL import Image, ImageOps, UnidentifiedImageError

    try:
        with Image.open(file) as im:
            im.load()
            im = ImageOps.exif_transpose(im)  # 휴대폰 사진: EXIF의 회전 정보대로 세웁니다
            if im.mode in ("RGBA", "LA") or (im.mode == "P" and "transparency" in im.info):
                rgba = im.convert("RGBA")
                paper = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
                im = Image.alpha_composite(paper, rgba)
            gray = np.asarray(im.convert("L"), dtype=np.float64) / 255.0
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError) as exc:
        raise ValueError(
            f"사진 파일 {str(file)!r}을(를) 읽을 수 없습니다 ({type(exc).__name__}): 손상되었거나 이미지가 아닌 파일입니다. "
            "PNG나 JPEG 사진을 주세요."
        ) from None
    if gray.size == 0:
        raise ValueError(f"사진 파일 {str(file)!r}에 화소가 없습니다.")
    return gray


def _resize(a: np.ndarray, h: int, w: int) -> np.ndarray:
    """float 배열을 (h, w)로 부드럽게 바꿉니다 (PIL, 줄일 때 안티에일리어싱)."""
    from PIL import Image

    im = Image.fromarray(a.astype(np.float32), mode="F")
    return np.asarray(im.resize((w, h), Image.Resampling.LANCZOS if min(a.shape) > max(h, w) else Image.Resampling.BILINEAR),
                      dtype=np.float64)


def mnist_like(gray: np.ndarray) -> np.ndarray:
    """[0, 1] 흑백 사진 한 장을 MNIST처럼 만듭니다 (load_image의 계산 부분, 파일 없이 시험할 수 있음).

    1) 가장자리가 밝으면(흰 종이) 반전해 잉크를 밝게, 2) 배경을 0으로 빼고 대비를 늘림,
    3) 잉크 부분만 잘라 냄, 4) 긴 변이 20화소가 되게 줄임, 5) 28×28 가운데에 질량 중심을 맞춤.
    """
    g = np.asarray(gray, dtype=np.float64)
    border = np.concatenate([g[0], g[-1], g[:, 0], g[:, -1]])
    if np.median(border) > 0.5:
        g, border = 1.0 - g, 1.0 - border
    # 배경(가장자리의 거의 최대 밝기)을 빼고 잉크를 0..1로 늘립니다. 종이의 얼룩·잡음은 0이 됩니다.
    background = np.percentile(border, 90)
    top = np.percentile(g, 99.5)
    if top - background < 0.05:
        raise ValueError("사진에서 글씨(잉크)를 찾지 못했습니다: 종이와 글씨의 밝기가 거의 같습니다. "
                         "더 진한 펜으로 쓰거나 밝은 곳에서 다시 찍어 보세요.")
    g = np.clip((g - background) / (top - background), 0, 1)
    if min(g.shape) >= 64:  # 큰 사진에서만 작은 점 같은 잡음을 줄입니다 (3×3 열기: 최소 후 최대)
        from numpy.lib.stride_tricks import sliding_window_view as win

        p = np.pad(g, 1, mode="edge")
        opened = win(np.pad(win(p, (3, 3)).min(axis=(-1, -2)), 1, mode="edge"), (3, 3)).max(axis=(-1, -2))
        if opened.max() > 0.2:
            g = np.minimum(g, opened + 0.1)
    rows, cols = np.flatnonzero(g.max(axis=1) > 0.2), np.flatnonzero(g.max(axis=0) > 0.2)
    g = g[rows[0] : rows[-1] + 1, cols[0] : cols[-1] + 1]
    h, w = g.shape
    scale = 20.0 / max(h, w)
    nh, nw = max(1, round(h * scale)), max(1, round(w * scale))
    small = np.clip(_resize(g, nh, nw), 0, 1)
    small /= small.max()  # MNIST처럼 가장 진한 획이 1(255)이 되게
    out = np.zeros((28, 28))
    total = small.sum()
    cy, cx = ((np.arange(nh) @ small.sum(axis=1)) / total, (np.arange(nw) @ small.sum(axis=0)) / total) if total else (
        (nh - 1) / 2, (nw - 1) / 2)
    top_, left = int(round(13.5 - cy)), int(round(13.5 - cx))
    top_, left = min(max(top_, 0), 28 - nh), min(max(left, 0), 28 - nw)
    out[top_ : top_ + nh, left : left + nw] = small
    return out


def load_image(path, *, like="mnist") -> np.ndarray:
    """손글씨 숫자 사진(PNG/JPEG, 크기 무관)을 MNIST와 같은 28×28 배열([0, 1] 실수, 검은 바탕에 밝은 글씨)로 읽습니다.

    흰 종이에 검은 글씨든 그 반대든 됩니다: 흑백으로 바꾸고, 배경이 밝으면 반전하고, 글씨 부분만 잘라
    긴 변을 20화소로 줄인 뒤 28×28 안에 질량 중심이 가운데 오게 놓습니다 (MNIST를 만든 방법).
    like=None: 손질하지 않고 흑백 [0, 1] 배열(원래 크기)로만 읽습니다.
    강의의 모델이 0–255 화소값으로 학습했다면 결과에 255를 곱해 넣으세요.
    """
    if like is not None and like != "mnist":
        raise ValueError(f"like={like!r}: 'mnist'(28×28 MNIST처럼) 또는 None(그대로 읽기)만 됩니다.")
    gray = _read_gray(path)
    return gray if like is None else mnist_like(gray)
