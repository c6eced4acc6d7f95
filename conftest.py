"""시험 공통 설정.

TensorFlow가 import 때 stderr에 쓰는 로그를 끕니다. nbval이 띄우는 커널은 이 환경을 물려받으므로
노트북 실행에도 적용됩니다 (커널 안에서 설정하면 이미 늦습니다).

층(표시): nbval이 모은 노트북 셀에는 여기서 `notebooks`를 붙입니다. `browser`와 `slow`는 시험 파일이 붙입니다.
채점할 때 모델을 학습하는 연습 문제(TRAINING_EXERCISES)의 매개변수화된 시험에는 여기서 `slow`를 붙입니다.
"""

import os
from collections import Counter

import pytest

from cnn_helpers._lazy import TF_ENV

for name, value in TF_ENV.items():
    os.environ.setdefault(name, value)

# 노트북 커널은 이 프로세스의 환경 변수를 물려받습니다. 시험 모듈이 모을 때 그림 백엔드를 환경 변수로 바꾸면
# (MPLBACKEND=Agg) 커널에서 그림 출력이 사라져 nbval이 실패하므로, 모은 뒤에 그런 변경이 없는지 봅니다.
_MPLBACKEND_AT_START = os.environ.get("MPLBACKEND")

# 채점기가 학생의 함수로 모델을 실제로 학습하는 문제 (5강 문제 6: 600장으로 몇 에포크). 시험 id의 "[05-q6"로 찾습니다.
TRAINING_EXERCISES = ("05-q6",)

# 두 작업자(pytest-xdist `--dist loadscope --no-loadscope-reorder`, noxfile.py)가 파일을 받는 차례: 오래 걸리는 파일부터.
# 가장 긴 파일(nbgrader 왕복, 3분 남짓)을 끝 무렵에 받으면 한 작업자가 그것을 돌리는 동안 다른 작업자는 놉니다.
# 길게 걸리는 것을 먼저 나눠 주고 짧은 파일로 틈을 메우면 일의 양은 같고 벽시계 시간만 줄어듭니다.
# 순서는 `-p`로 잰 파일별 시간(조용한 2코어 기준 대략의 순위)이고, 여기 없는 파일은 xdist의 기본처럼 시험 수가 많은 것부터.
LONGEST_FIRST = (
    "tests/test_assignments.py",   # nbgrader 왕복: 약 205 s
    "notebooks/06_vgg.ipynb",      # 학습 셀이 있는 강의: 각 75–100 s
    "notebooks/05_lenet5.ipynb",
    "notebooks/08_resnet.ipynb",
    "tests/browser/test_rise.py",  # RISE 슬라이드쇼 두 번: 약 87 s
)


def _xdist_order(items):
    """파일(loadscope의 단위) 차례를 LONGEST_FIRST, 그다음 시험 수가 많은 파일 순으로. 파일 안의 차례는 그대로."""
    def scope(item):
        return item.nodeid.split("::", 1)[0]

    counts = Counter(scope(item) for item in items)
    rank = {path: i for i, path in enumerate(LONGEST_FIRST)}
    items.sort(key=lambda item: (rank.get(scope(item), len(rank)), -counts[scope(item)]))


def pytest_collection_modifyitems(config, items):
    if os.environ.get("MPLBACKEND") != _MPLBACKEND_AT_START:
        raise pytest.UsageError("시험 모듈이 환경 변수 MPLBACKEND를 바꿨습니다: 노트북 커널의 그림이 사라집니다. "
                                "matplotlib.use('Agg')처럼 이 프로세스에만 정하세요.")
    for item in items:
        if item.path.suffix == ".ipynb":
            item.add_marker(pytest.mark.notebooks)
        if any(f"[{exercise}]" in item.nodeid or f"[{exercise}-" in item.nodeid for exercise in TRAINING_EXERCISES):
            item.add_marker(pytest.mark.slow)
    if hasattr(config, "workerinput"):  # xdist 작업자: 모은 차례가 곧 작업자에게 파일을 나눠 주는 차례
        _xdist_order(items)
