"""MNIST와 예제 사진 불러오기: 로컬 파일을 먼저, 네트워크는 나중에.

load_mnist가 찾는 순서:
1. 인자로 준 path
2. 환경 변수 CNN_HELPERS_MNIST가 가리키는 파일
3. Keras 캐시 ($KERAS_HOME 또는 ~/.keras)/datasets/mnist.npz
4. Keras 내려받기 (네트워크가 있을 때; 전체 MNIST 60,000/10,000장)
"""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

import numpy as np

__all__ = ["load_mnist", "mnist_source", "sample_image", "SAMPLE_IMAGES", "ENV_VAR"]

ENV_VAR = "CNN_HELPERS_MNIST"
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
        f"파일을 지우고 다시 받거나, 올바른 mnist.npz를 가리키세요 "
        f"(load_mnist(path=...) 또는 환경 변수 {ENV_VAR})."
    )
    try:
        with np.load(path, allow_pickle=False) as f:
            names = list(f.files)
            arrays = {k: f[k] for k in _KEYS if k in names}
    except (OSError, ValueError, zipfile.BadZipFile, EOFError) as exc:
        # ValueError: 피클(객체) 데이터이거나 npz가 아닌 파일 — 안전을 위해 읽지 않습니다.
        raise ValueError(f"MNIST 파일 {path}이(가) 손상되었거나 npz가 아닙니다 ({type(exc).__name__}). {fix}") from None
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
        import keras

        return keras.datasets.mnist.load_data()
    except Exception as exc:
        raise RuntimeError(
            "MNIST를 찾지 못했고 내려받기도 실패했습니다 "
            f"({type(exc).__name__}: {str(exc)[:120]}).\n"
            "다음 중 하나를 해 주세요:\n"
            "  1) 네트워크에 연결한 뒤 다시 실행하기\n"
            f"  2) mnist.npz 파일이 있다면 load_mnist(path='파일 경로') 또는 환경 변수 {ENV_VAR}='파일 경로'\n"
            f"  3) 파일을 {_keras_cache_file()} 에 두기"
        ) from None


def load_mnist(path=None, *, verbose: bool = True):
    """MNIST를 Keras와 같은 ((x_train, y_train), (x_test, y_test)) uint8 배열로 돌려줍니다.

    path → 환경 변수 CNN_HELPERS_MNIST → Keras 캐시 → 내려받기 순서로 찾고,
    어디서 읽었는지 한 줄로 알려 줍니다 (verbose=False면 조용히).
    """
    global _last_source
    if path is not None and not isinstance(path, (str, os.PathLike)):
        raise TypeError(f"path는 파일 경로(문자열)여야 합니다. 받은 값: {path!r}")
    candidates = []
    if path is not None:
        candidates.append(("지정한 파일", Path(path), True))
    if os.environ.get(ENV_VAR):
        candidates.append((f"환경 변수 {ENV_VAR}", Path(os.environ[ENV_VAR]), True))
    candidates.append(("Keras 캐시", _keras_cache_file(), False))
    for label, file, required in candidates:
        if file.is_file():
            data, source = _read_npz(file), f"{label} ({file.name})"
            break
        if required:
            raise FileNotFoundError(
                f"{label}가 가리키는 MNIST 파일 {file}이(가) 없습니다. 경로를 확인하거나, "
                f"경로를 주지 않으면 Keras 캐시나 내려받기를 씁니다."
            )
    else:
        data, source = _download(), "Keras 내려받기 (전체 MNIST)"
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

    image = np.asarray(getattr(skimage.data, name)())
    if gray and image.ndim == 3:
        rgb = image[..., :3].astype(np.float64)
        image = np.clip(rgb @ np.array([0.2125, 0.7154, 0.0721]), 0, 255).round().astype(np.uint8)
    return image
