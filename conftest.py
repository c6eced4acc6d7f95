"""시험 공통 설정.

TensorFlow가 import 때 stderr에 쓰는 로그를 끕니다. nbval이 띄우는 커널은 이 환경을 물려받으므로
노트북 실행에도 적용됩니다 (커널 안에서 설정하면 이미 늦습니다).

층(표시): nbval이 모은 노트북 셀에는 여기서 `notebooks`를 붙입니다. `browser`와 `slow`는 시험 파일이 붙입니다.
채점할 때 모델을 학습하는 연습 문제(TRAINING_EXERCISES)의 매개변수화된 시험에는 여기서 `slow`를 붙입니다.
"""

import os

import pytest

from cnn_helpers._lazy import TF_ENV

for name, value in TF_ENV.items():
    os.environ.setdefault(name, value)

# 노트북 커널은 이 프로세스의 환경 변수를 물려받습니다. 시험 모듈이 모을 때 그림 백엔드를 환경 변수로 바꾸면
# (MPLBACKEND=Agg) 커널에서 그림 출력이 사라져 nbval이 실패하므로, 모은 뒤에 그런 변경이 없는지 봅니다.
_MPLBACKEND_AT_START = os.environ.get("MPLBACKEND")

# 채점기가 학생의 함수로 모델을 실제로 학습하는 문제 (5강 문제 7: 600장으로 몇 에포크). 시험 id의 "[05-q7"로 찾습니다.
TRAINING_EXERCISES = ("05-q7",)


def pytest_collection_modifyitems(config, items):
    if os.environ.get("MPLBACKEND") != _MPLBACKEND_AT_START:
        raise pytest.UsageError("시험 모듈이 환경 변수 MPLBACKEND를 바꿨습니다: 노트북 커널의 그림이 사라집니다. "
                                "matplotlib.use('Agg')처럼 이 프로세스에만 정하세요.")
    for item in items:
        if item.path.suffix == ".ipynb":
            item.add_marker(pytest.mark.notebooks)
        if any(f"[{exercise}]" in item.nodeid or f"[{exercise}-" in item.nodeid for exercise in TRAINING_EXERCISES):
            item.add_marker(pytest.mark.slow)
    _long_files_first(items)


def _cost(item) -> int:
    """한 시험의 대략적인 무게: 0 nbgrader 왕복, 1 노트북, 2 브라우저, 3 느린 시험, 4 나머지."""
    if item.path.name == "test_assignments.py":
        return 0
    if item.path.suffix == ".ipynb":
        return 1
    return 2 if item.get_closest_marker("browser") else 3 if item.get_closest_marker("slow") else 4


def _long_files_first(items) -> None:
    """무거운 시험 파일(노트북)을 앞으로: xdist의 loadscope는 파일을 모은 순서대로 빈 작업자에게 나눠 주므로
    (noxfile.py의 `--no-loadscope-reorder`), 긴 파일이 끝에 남아 한 작업자만 도는 시간이 줄고 짧은 단위 시험이
    마지막 틈을 메웁니다. 노트북은 뒤 강의일수록 학습이 길어 번호가 큰 것부터. 파일 안의 순서는 그대로입니다."""
    cost: dict = {}
    for item in items:
        cost[item.path] = min(cost.get(item.path, 4), _cost(item))
    rank = {path: (cost[path], -int(path.name[:2]) if path.name[:2].isdigit() else 0) for path in cost}
    items.sort(key=lambda item: rank[item.path])
