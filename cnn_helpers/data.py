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

__all__ = ["load_mnist", "mnist_source", "sample_image", "SAMPLE_IMAGES", "ENV_VAR", "BUNDLED_MNIST"]

ENV_VAR = "CNN_HELPERS_MNIST"
BUNDLED_MNIST = Path(__file__).with_name("_data") / "mnist-subset.npz"
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
            "  1) 네트워크에 연결한 뒤 다시 실행하기\n"
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
