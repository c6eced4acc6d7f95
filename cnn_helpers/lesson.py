"""노트북 첫 셀이 부르는 준비 함수: 버전 확인, 난수 시드, 한국어 글꼴, Colab 안내."""

from __future__ import annotations

import platform
import sys

from . import _lazy

__all__ = ["lesson_setup"]

MIN_TF = (2, 16)  # Keras 3가 tf.keras가 된 버전


def in_colab() -> bool:
    """Google Colab에서 실행 중이면 True."""
    return "google.colab" in sys.modules


def _version_tuple(text: str) -> tuple[int, ...]:
    parts = []
    for piece in text.split(".")[:2]:
        digits = "".join(ch for ch in piece if ch.isdigit())
        parts.append(int(digits or 0))
    return tuple(parts)


def lesson_setup(seed: int = 42, *, tensorflow: bool = True) -> None:
    """강의 노트북의 준비 셀: 시드를 고정하고 글꼴을 등록하고 버전을 한 줄씩 알려 줍니다.

    seed: 파이썬·numpy·TensorFlow 난수 시드. tensorflow=False이면 TensorFlow를 불러오지 않습니다.
    """
    from ._validate import check_bool, check_int

    # numpy의 시드는 0 이상 2³²−1 이하입니다.
    seed = check_int("seed", seed, minimum=0, maximum=2**32 - 1, why="numpy 난수 시드의 한도 2³²−1")
    tensorflow = check_bool("tensorflow", tensorflow)
    import matplotlib
    import numpy as np

    from .plotting import use_korean_font

    lines = [f"Python {platform.python_version()}", f"numpy {np.__version__}", f"matplotlib {matplotlib.__version__}"]
    if tensorflow:
        tf = _lazy.tensorflow()
        keras = _lazy.keras()

        if _version_tuple(tf.__version__) < MIN_TF:
            raise RuntimeError(
                f"TensorFlow {tf.__version__}은(는) 너무 오래되었습니다. 이 강의는 Keras 3를 쓰는 "
                f"TensorFlow {MIN_TF[0]}.{MIN_TF[1]} 이상이 필요합니다: pip install -U 'tensorflow>={MIN_TF[0]}.{MIN_TF[1]}'"
            )
        keras.utils.set_random_seed(seed)  # random, numpy, TensorFlow 시드를 한 번에
        lines += [f"TensorFlow {tf.__version__}", f"Keras {keras.__version__}"]
    else:
        import random

        random.seed(seed)
        np.random.seed(seed)
    font = use_korean_font()
    print("버전: " + ", ".join(lines))
    print(f"난수 시드 {seed}, 그림 글꼴 {font}")
    if in_colab():
        print("Colab에서 실행 중입니다: 위젯이 보이지 않으면 런타임을 다시 시작하지 말고 셀을 한 번 더 실행하세요.")
