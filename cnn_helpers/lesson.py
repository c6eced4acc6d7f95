"""노트북의 처음과 끝: 준비 함수(버전 확인, 난수 시드, 한국어 글꼴, Colab 안내)와 강의의 자체 검사 보고."""

from __future__ import annotations

import platform
import sys

from . import _lazy

__all__ = ["lesson_setup", "report_checks"]

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


def report_checks(checks: dict[str, bool]) -> None:
    """강의 끝의 검사 셀: 항목마다 참·거짓을 받아 한국어로 한 번 알리고, 오류는 내지 않습니다.

    checks: {"무엇을 검사했는지": 결과} (넘파이의 참·거짓도 됩니다). 모두 참이면 "검사 통과: N가지 모두 …" 짧은 한 줄(항목 이름은 셀의 코드에 있음),
    아니면 기대와 다른 항목과, 학습 결과는 컴퓨터마다 조금 다를 수 있어 강의를 이어 가도 된다는 안내를 씁니다.
    학생에게는 AssertionError 대신 이 안내가 보이고, CI는 저장된 출력과 비교하므로(nbval) 다른 줄이 나오면 실패합니다.
    """
    if not isinstance(checks, dict) or not checks:
        raise TypeError("checks는 {'검사한 것': 참/거짓} 꼴의 비어 있지 않은 사전이어야 합니다.")
    failed = [name for name, passed in checks.items() if not bool(passed)]
    if not failed:
        print(f"검사 통과: {len(checks)}가지 모두 기대대로입니다(무엇을 검사했는지는 이 셀의 코드에 있습니다).")
        return
    print(f"검사 {len(checks)}가지 중 {len(failed)}가지가 기대와 다릅니다: " + ", ".join(failed) + ".")
    print("학습 결과는 컴퓨터(CPU·GPU)와 라이브러리 버전에 따라 조금 다를 수 있습니다. 강의는 그대로 이어 가도 됩니다. "
          "같은 환경에서 처음부터 다시 실행해도 다르면 저장소의 이슈로 알려 주세요.")
