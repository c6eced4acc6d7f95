"""학습 결과를 확인하는 노트북 셀이 다른 컴퓨터에서도 통과할지 재는 스윕 (시험에는 포함되지 않음).

학습 결과는 같은 컴퓨터에서는 매번 같지만, CPU·커널·스레드 수가 바뀌면 반올림이 달라져 숫자가 바뀝니다.
이 스크립트는 노트북의 검사 셀이 확인하는 실험마다, 노트북의 코드 셀을 처음부터 그 확인 셀까지 그대로 실행하되

* 시드 S ∈ {0, 1, …}: 노트북의 모든 정수 시드(`lesson_setup()`의 42, `seed=3`, `set_random_seed(0)` …)에 S를 더함
  (S = 0이면 노트북 그대로),
* `TF_ENABLE_ONEDNN_OPTS` ∈ {0, 1} (oneDNN 커널을 쓰면 연산 순서와 반올림이 달라짐),
* 연산 안 스레드 수 ∈ {1, 2} (`tf.config.threading.set_intra_op_parallelism_threads`)

를 바꿔 가며 확인하는 수치를 모으고, 수치마다 최솟값·중앙값·최댓값을 문턱값과 함께 표로 보여 줍니다.
문턱값은 최솟값보다 분명히 낮아야(또는 '미만' 조건이면 최댓값보다 분명히 높아야) 합니다.

    python -m benchmarks.robustness                      # 전부: 실험 × 시드 5개 × oneDNN 2 × 스레드 2
    python -m benchmarks.robustness --only 05 --seeds 3  # 한 실험만, 시드 3개
    python -m benchmarks.robustness --holdout DIR        # DIR의 공식 t10k 파일로 부분집합 밖 1,000장 정확도도

실행마다 확인 셀까지의 셀로 노트북을 만들어 새 커널에서 실행합니다 (tools.execute, nbclient). 앞에 준비 셀(스레드 수,
부분집합 밖 정확도 함수)을, 뒤에 수치를 JSON 한 줄로 출력하는 셀을 붙이고, oneDNN은 커널의 환경 변수로 정합니다.
설정(oneDNN × 스레드)마다 한 줄기로 실행을 차례로 하고 `--jobs`개(기본 2)를 함께 돌립니다. 결과는 설정과 시드로
정해지므로 함께 돌려도 같고, 걸리는 시간만 달라집니다(학습 시간은 여기서 재지 않습니다: lesson_runs.py).

`--holdout`: 공식 MNIST 시험 파일(`t10k-images-idx3-ubyte.gz`, `t10k-labels-idx1-ubyte.gz`)이 있는 폴더를 주면,
강의에 들어 있는 부분집합(공식 시험 세트에서 뽑은 9,000장)에 없는 나머지 1,000장으로 LeNet-5를 한 번 더 잽니다.
결과는 `benchmarks/results/robustness.json`에도 저장합니다.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import os
import re
import statistics
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from cnn_helpers._lazy import TF_ENV
from tools import NOTEBOOKS, ROOT
from tools.execute import execute

RESULTS = ROOT / "benchmarks" / "results" / "robustness.json"
RESULT_PREFIX = "결과 "


@dataclass(frozen=True)
class Figure:
    """노트북이 확인하는 수치 하나: 노트북 이름공간에서 계산하는 식과 그 문턱값."""

    label: str
    expression: str
    threshold: float | None  # None: 노트북이 확인하지 않고 참고로만 보여 주는 수치
    above: bool = True  # True: 수치 ≥ 문턱값이어야 통과, False: 수치 < 문턱값이어야 통과


# 5·6·8강의 검사 셀 첫 줄 (report_checks를 쓰는 검사 셀은 모두 이 줄로 시작합니다)
CHECK_CELL = "# @title 검사"


@dataclass(frozen=True)
class Experiment:
    key: str
    notebook: str
    last_cell: str  # 이 문자열이 든 코드 셀까지 실행합니다 (확인 셀)
    figures: tuple[Figure, ...]


EXPERIMENTS = (
    Experiment("01", "01_convolution.ipynb", "assert abs(mlp_loss)", (
        Figure("MLP: 화소를 뒤섞어 잃은 정확도 (절댓값)", "abs(mlp_loss)", 0.02, above=False),
        Figure("CNN이 잃은 정확도 − MLP가 잃은 정확도", "cnn_loss - mlp_loss", 0.05),
        Figure("원래 이미지: CNN 정확도 − MLP 정확도 (참고)", 'accuracy["CNN", "원래"] - accuracy["MLP", "원래"]', None),
        Figure("CNN 정확도, 뒤섞은 이미지 (참고)", 'accuracy["CNN", "뒤섞음"]', None),
    )),
    Experiment("03", "03_pooling_dense.ipynb", "assert t.loc[", (
        Figure("최대 풀링 2×2: 1칸 이동 뒤 그대로인 칸 ÷ 풀링 없음",
               't.loc["최대 풀링 2×2 (14×14)", "1칸 이동: 그대로인 칸"] / t.loc["풀링 없음 (28×28)", "1칸 이동: 그대로인 칸"]',
               5),
        Figure("최대 풀링 4×4: 2칸 이동 뒤 그대로인 칸", 't.loc["최대 풀링 4×4 (7×7)", "2칸 이동: 그대로인 칸"]', 0.15),
        Figure("최대 풀링 2×2: 2칸 이동 뒤 그대로인 칸", 't.loc["최대 풀링 2×2 (14×14)", "2칸 이동: 그대로인 칸"]', 0.05,
               above=False),
        Figure("평균 풀링 2×2: 1칸 이동 뒤 그대로인 칸 ÷ 풀링 없음",
               't.loc["평균 풀링 2×2 (14×14)", "1칸 이동: 그대로인 칸"] / t.loc["풀링 없음 (28×28)", "1칸 이동: 그대로인 칸"]',
               2, above=False),
        Figure("평균 풀링 2×2: 1칸 이동 뒤 상대 변화 − 풀링 없음",
               't.loc["평균 풀링 2×2 (14×14)", "1칸 이동: 상대 변화"] - t.loc["풀링 없음 (28×28)", "1칸 이동: 상대 변화"]',
               -0.05, above=False),
        Figure("최대+흐림: 1칸 이동 뒤 상대 변화 − 최대 풀링 2×2",
               'row["1칸 이동: 상대 변화"] - t.loc["최대 풀링 2×2 (14×14)", "1칸 이동: 상대 변화"]', 0, above=False),
        Figure("최대+흐림: 1칸 이동 뒤 그대로인 칸", 'row["1칸 이동: 그대로인 칸"]', 0.05, above=False),
    )),
    Experiment("05", "05_lenet5.ipynb", CHECK_CELL, (
        Figure("LeNet-5 시험 정확도 (2,000장, 증강 없음)", "test_acc", 0.96),
        Figure("과적합 예(300장, 30 에포크): 마지막 ÷ 가장 낮은 검증 손실", "val_losses[-1] / min(val_losses)", 1.1),
        # 더 알아보기(학습 데이터 앞 2,000장, 배치 32, 3 에포크): 글이 "Adam이 모멘텀 없는 SGD보다 훨씬 멀리"라고 하므로 10%p
        Figure("3 에포크 뒤 검증 정확도 차: Adam − SGD", "compare.iloc[-1, 1] - compare.iloc[-1, 0]", 0.1),
        Figure("1 에포크 뒤 검증 정확도 차: Adam 0.003 − Adam 0.001 (참고)", "compare.iloc[0, 2] - compare.iloc[0, 1]", None),
        Figure("3 에포크 뒤 검증 정확도 차: SGD+모멘텀 0.9 − SGD (참고)", "compare.iloc[-1, 3] - compare.iloc[-1, 0]", None),
        Figure("3 에포크 뒤 검증 정확도 차: Adam 0.003 − SGD+모멘텀 0.9 (참고)", "compare.iloc[-1, 2] - compare.iloc[-1, 3]", None),
        Figure("손글씨 견본: 8의 확률 − 다른 숫자 중 최대",
               "(lambda p: p[8] - np.delete(p, 8).max())(model.predict(ch.load_image(ch.data.HANDWRITTEN_SAMPLE)"
               "[None, :, :, None], verbose=0)[0])", 0),
        Figure("LeNet-5 부분집합 밖 1,000장 정확도 (참고)", "holdout_accuracy(model)", None),
        Figure("조기 종료: 학습한 에포크 수 (참고, 최대 20)", 'len(history.history["loss"])', None),
    )),
    Experiment("06", "06_vgg.ipynb", CHECK_CELL, (
        # 6절: top-k에 쓸 작은 VGG(블록 두 개, 필터 8 → 16)를 시드 0으로 1 에포크 학습한 검증 정확도(700장)
        Figure("6절 작은 VGG: 검증 정확도", "val_acc", 0.85),
        Figure("top-k: top-2 − top-1 정확도 (참고)", "top_k[2] - top_k[1]", None),
        # 6절의 글: "k가 1에서 2로 늘 때 정확도가 가장 많이 오릅니다"
        Figure("top-k: (top-2 − top-1) − (top-3 − top-2)", "(top_k[2] - top_k[1]) - (top_k[3] - top_k[2])", 0),
        Figure("전이 학습: 0~4로 학습한 블록의 0~4 시험 정확도", "pretrain_acc", 0.95),
        # 8절의 값은 시드 세 번(노트북 안의 seed 0·1·2)의 평균입니다.
        # 8절의 글(큰 차이만): 숫자마다 2장이면 특징 추출이 처음부터 학습보다 나음, 50장이면
        # 처음부터 학습이 따라잡음, 50장에서 학습한 블록이 무작위 블록보다 훨씬 나음. 한 번의 실행 값에 %p 문턱을
        # 걸면 다른 기계에서 떨어질 수 있어, 검사 셀은 스윕의 모든 실행에서 성립한 순서만 확인합니다(> 0).
        Figure("숫자마다 2장: 전이 학습 − 처음부터 학습", "accuracy[TRANSFER, 2] - accuracy[SCRATCH, 2]", 0),
        # 세션 12: 글이 "세 시드 모두"라고 적는 두 순서는 검사 셀이 시드마다 확인합니다(시드 가운데 가장 작은 차이 > 0).
        Figure("숫자마다 2장: 전이 학습 − 처음부터 학습, 시드 셋 중 가장 작은 값",
               "min(a - b for a, b in zip(runs[TRANSFER, 2], runs[SCRATCH, 2]))", 0),
        Figure("숫자마다 2장: 무작위 블록 고정 − 처음부터 학습", "accuracy[RANDOM, 2] - accuracy[SCRATCH, 2]", 0),
        Figure("숫자마다 2장: 전이 학습 − 무작위 블록 고정 (참고)", "accuracy[TRANSFER, 2] - accuracy[RANDOM, 2]", None),
        Figure("(전이 − 처음부터)의 차: 숫자마다 2장 − 50장",
               "(accuracy[TRANSFER, 2] - accuracy[SCRATCH, 2]) - (accuracy[TRANSFER, 50] - accuracy[SCRATCH, 50])", 0),
        Figure("숫자마다 50장: |전이 학습 − 처음부터 학습| (참고)", "abs(accuracy[TRANSFER, 50] - accuracy[SCRATCH, 50])", None),
        Figure("숫자마다 50장: 전이 학습 − 무작위 블록 고정", "accuracy[TRANSFER, 50] - accuracy[RANDOM, 50]", 0),
        Figure("숫자마다 50장: 전이 학습 − 무작위 블록 고정, 시드 셋 중 가장 작은 값",
               "min(a - b for a, b in zip(runs[TRANSFER, 50], runs[RANDOM, 50]))", 0),
        Figure("숫자마다 2장: 전이 학습의 5~9 정확도 (참고)", "accuracy[TRANSFER, 2]", None),
        Figure("숫자마다 50장: 처음부터 학습의 5~9 정확도 (참고)", "accuracy[SCRATCH, 50]", None),
    )),
    Experiment("07", "07_inception.ipynb", "assert test_acc >=", (
        Figure("작은 인셉션 신경망 시험 정확도", "test_acc", 0.94),
    )),
    Experiment("08", "08_resnet.ipynb", CHECK_CELL, (
        Figure("plain-34 ‖기울기‖·‖필터‖: 입력 쪽 ÷ 출력 쪽", 'ratios["plain-34 (지름길 없음)"]', 6),
        Figure("ResNet-34 ‖기울기‖·‖필터‖: 입력 쪽 ÷ 출력 쪽", 'ratios["ResNet-34"]', 2, above=False),
        Figure("성능 저하 — 학습 손실 비: plain-34 ÷ plain-18", "plain_loss / plain18_loss", 1.2),
        Figure("성능 저하 — 학습 오류율 차: plain-34 − plain-18", 'train_error["plain-34"] - train_error["plain-18"]', 0.1),
        Figure("지름길(γ=0) — 학습 손실 비: ResNet-34 γ=0 ÷ plain-18", "residual_loss / plain18_loss", 1, above=False),
        Figure("학습 오류율 차: plain-18 − ResNet-34 γ=0 (참고)", 'train_error["plain-18"] - train_error["ResNet-34 γ=0"]', None),
        Figure("ResNet-34 γ=0 시험 정확도", 'test_accuracy["ResNet-34 γ=0"]', 0.75),
        Figure("시험 정확도 차: ResNet-34 γ=0 − plain-34", 'test_accuracy["ResNet-34 γ=0"] - test_accuracy["plain-34"]', 0.1),
        # 문제 2의 정답(3: 절반 미만)과 7절 "지름길의 효과": 논문처럼 γ = 1에서 시작한 ResNet-34와 plain-34는 지름길만 다름
        Figure("문제 2·7절 — 학습 손실 비: ResNet-34 γ=1 ÷ plain-34 (절반 미만)", "paper_loss / plain_loss", 0.5, above=False),
        Figure("시험 정확도 차: ResNet-34 γ=1 − plain-34", 'test_accuracy["ResNet-34 γ=1"] - test_accuracy["plain-34"]', 0.1),
        # 7절의 2 × 2 표 {plain, ResNet} × {18, 34}: 같은 깊이에서 지름길이 손실을 몇 분의 1로, ResNet-34 < plain-18,
        # γ = 1이면 141걸음 뒤 ResNet-18이 ResNet-34보다 훨씬 낮음 (논문 표 2의 순서가 아직 안 나옴)
        Figure("7절 2×2 — 학습 손실 비: ResNet-18 γ=1 ÷ plain-18 (몇 분의 1)", "resnet18_paper_loss / plain18_loss", 0.5, above=False),
        Figure("7절 2×2 — 학습 손실 비: ResNet-34 γ=1 ÷ plain-18", "paper_loss / plain18_loss", 1, above=False),
        Figure("7절 2×2 — 학습 손실 비: ResNet-34 γ=1 ÷ ResNet-18 γ=1", "paper_loss / resnet18_paper_loss", 1.5),
        Figure("학습 오류율 차: plain-18 − ResNet-34 γ=1 (참고)", 'train_error["plain-18"] - train_error["ResNet-34 γ=1"]', None),
        Figure("시험 정확도 차: ResNet-34 γ=1 − plain-18 (참고)", 'test_accuracy["ResNet-34 γ=1"] - test_accuracy["plain-18"]', None),
        Figure("학습 오류율 차: ResNet-34 γ=1 − ResNet-18 γ=1 (참고)", 'train_error["ResNet-34 γ=1"] - train_error["ResNet-18 γ=1"]', None),
        Figure("시험 정확도 차: ResNet-18 γ=1 − ResNet-34 γ=1 (참고)", 'test_accuracy["ResNet-18 γ=1"] - test_accuracy["ResNet-34 γ=1"]', None),
        # 더 알아보기 "γ = 0 시작": ResNet-34 γ=0이 γ=1보다 낮지만, ResNet-18 γ=1보다는 높음
        Figure("더 알아보기 — 학습 손실 비: ResNet-34 γ=1 ÷ ResNet-34 γ=0", "paper_loss / residual_loss", 1),
        Figure("더 알아보기 — 학습 손실 비: ResNet-34 γ=0 ÷ ResNet-18 γ=1", "residual_loss / resnet18_paper_loss", 1),
        # 더 알아보기 "블록 하나 빼 보기": ResNet-34 γ=0은 10%p 안쪽으로만 떨어지고, 평범한 신경망은 무작위 수준 가까이로 무너짐
        Figure("블록 하나 뺀 ResNet-34 γ=0: 가장 큰 시험 정확도 하락",
               '(removed["ResNet-34 γ=0"].iloc[0] - removed["ResNet-34 γ=0"]).max()',
               0.1, above=False),
        Figure("블록 하나 뺀 평범한 신경망: 가장 높은 시험 정확도", 'removed[["plain-18", "plain-34"]].iloc[1:].max().max()',
               0.25, above=False),
    )),
)

SEED_PATTERNS = (
    (re.compile(r"lesson_setup\(\)"), lambda m, s: f"lesson_setup(seed={42 + s})"),
    (re.compile(r"\bseed=(\d+)"), lambda m, s: f"seed={int(m.group(1)) + s}"),
    (re.compile(r"set_random_seed\((\d+)\)"), lambda m, s: f"set_random_seed({int(m.group(1)) + s})"),
)


def with_seed_offset(source: str, offset: int) -> str:
    """노트북 코드의 정수 시드마다 offset을 더합니다 (offset 0이면 그대로)."""
    for pattern, replace in SEED_PATTERNS:
        source = pattern.sub(lambda m, r=replace: r(m, offset), source)
    return source


# 노트북 셀 앞에 붙이는 준비 셀: 연산 안 스레드 수(TensorFlow가 연산을 시작하기 전에), 그림은 셀마다 닫기,
# 수치 식이 부르는 holdout_accuracy.
PRELUDE = """\
import warnings

import matplotlib.pyplot as plt

from benchmarks.robustness import holdout_scorer
from cnn_helpers import _lazy

warnings.filterwarnings("ignore")
tf = _lazy.tensorflow()
tf.get_logger().setLevel("ERROR")
tf.config.threading.set_intra_op_parallelism_threads({threads})
get_ipython().events.register("post_run_cell", lambda *_: plt.close("all"))
holdout_accuracy = holdout_scorer({holdout!r})"""

# 끝에 붙이는 셀: 수치(식 → 값)를 결과 줄 하나로 출력합니다.
REPORT = """\
import json as _json

print({prefix!r} + _json.dumps({{_label: (lambda _v: None if _v is None else float(_v))(eval(_expression))
                                for _label, _expression in {figures!r}.items()}}))"""


def experiment_notebook(experiment: Experiment, seed: int, threads: int, holdout: str | None):
    """노트북의 코드 셀을 처음부터 확인 셀까지 (일부러 실행하지 않는 셀은 빼고, 시드를 바꿔) 담은 노트북."""
    import nbformat
    from nbformat.v4 import new_code_cell

    nb = nbformat.read(NOTEBOOKS / experiment.notebook, as_version=4)
    cells = []
    for cell in nb.cells:
        if cell.cell_type != "code" or "skip-execution" in cell.metadata.get("tags", []):
            continue
        cells.append(new_code_cell(with_seed_offset(cell.source, seed)))
        if experiment.last_cell in cell.source:
            break
    else:
        raise SystemExit(f"{experiment.notebook}에 '{experiment.last_cell}'이(가) 든 셀이 없습니다: 스윕 설정을 고치세요")
    figures = {f.label: f.expression for f in experiment.figures}
    nb.cells = [new_code_cell(PRELUDE.format(threads=threads, holdout=holdout)), *cells,
                new_code_cell(REPORT.format(prefix=RESULT_PREFIX, figures=figures))]
    return nb


def read_holdout(folder: Path):
    """공식 t10k 10,000장 중 강의 부분집합에 없는 숫자들 (이미지 바이트로 비교)."""
    import numpy as np

    from cnn_helpers.data import load_mnist

    with gzip.open(folder / "t10k-images-idx3-ubyte.gz") as f:
        images = np.frombuffer(f.read(), np.uint8, offset=16).reshape(-1, 28, 28)
    with gzip.open(folder / "t10k-labels-idx1-ubyte.gz") as f:
        labels = np.frombuffer(f.read(), np.uint8, offset=8)
    (xtr, _), (xte, _) = load_mnist(verbose=False)
    seen = {x.tobytes() for x in np.concatenate([xtr, xte])}
    keep = np.array([x.tobytes() not in seen for x in images])
    return images[keep], labels[keep]


def holdout_scorer(holdout: str | None):
    """모델 → 부분집합 밖 1,000장 정확도 함수 (커널 안에서 부름). 폴더가 없으면 늘 None."""
    if holdout is None:
        return lambda model: None
    import numpy as np

    x, y = read_holdout(Path(holdout))
    return lambda model: float(np.mean(model.predict(x[..., None] / 255.0, verbose=0).argmax(axis=1) == y))


def run_once(experiment: Experiment, seed: int, flag: str, threads: int, holdout: str | None) -> dict:
    """실험 하나를 한 시드·설정으로 새 커널에서 실행하고 결과 행을 돌려줍니다."""
    holdout = holdout and str(Path(holdout).resolve())  # 커널의 작업 폴더는 notebooks/
    nb = experiment_notebook(experiment, seed, threads, holdout)
    path = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))
    env = {**TF_ENV, "TF_ENABLE_ONEDNN_OPTS": flag, "MPLBACKEND": "Agg", "PYTHONPATH": path}
    seconds = execute(nb, NOTEBOOKS, env=env, allow_errors=True)
    failed = None
    for cell in nb.cells:
        for output in cell.outputs:
            if output.output_type != "error":
                continue
            if output.ename != "AssertionError":  # 확인 셀이 실패해도 수치는 모읍니다 (표에서 여유가 음수로 보임)
                raise SystemExit(f"{experiment.notebook} (oneDNN={flag}, 스레드 {threads}, 시드 {seed}) 실행 실패: "
                                 f"{output.ename}: {output.evalue}\n{cell.source}")
            failed = f"AssertionError: {output.evalue}"
    line = "".join(o.text for o in nb.cells[-1].outputs if o.output_type == "stream" and o.name == "stdout")
    values = json.loads(line[line.index(RESULT_PREFIX) + len(RESULT_PREFIX):])
    return {"key": experiment.key, "seed": seed, "seconds": seconds, "values": values, "failed": failed}


def run_config(keys: list[str], seeds: list[int], flag: str, threads: int, holdout: str | None) -> list[dict]:
    """한 (oneDNN, 스레드) 설정에서 실험 × 시드를 차례로 실행하고 결과 행을 모읍니다."""
    rows = []
    for key, seed in itertools.product(keys, seeds):
        experiment = next(e for e in EXPERIMENTS if e.key == key)
        row = {**run_once(experiment, seed, flag, threads, holdout), "onednn": flag, "threads": threads}
        rows.append(row)
        shown = ", ".join(f"{v:.4g}" if v is not None else "-" for v in row["values"].values())
        print(f"  oneDNN={flag} 스레드 {threads} | {row['key']} 시드 {row['seed']}: {shown}  ({row['seconds']:.0f}초)",
              flush=True)
    return rows


def sweep(keys, seeds, onednn, threads, holdout, jobs: int) -> list[dict]:
    """설정마다 한 줄기(스레드)로 차례로 실행하고 jobs개를 함께 돌립니다 (결과는 설정으로 정해지고, 걸린 시간만 달라짐)."""
    configs = list(itertools.product(onednn, threads))
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        done = pool.map(lambda c: run_config(keys, seeds, c[0], c[1], holdout), configs)
        return [row for rows in done for row in rows]


def report(rows: list[dict]) -> bool:
    """수치마다 최솟값 / 중앙값 / 최댓값과 문턱값, 여유를 표로 출력합니다. 모두 통과하면 True."""
    print()
    print(f"{'실험':<4} {'수치':<40} {'조건':>10} {'최소':>8} {'중앙':>8} {'최대':>8} {'여유':>8}  n")
    ok = True
    for experiment in EXPERIMENTS:
        for figure in experiment.figures:
            values = [r["values"][figure.label] for r in rows if r["key"] == experiment.key]
            values = [v for v in values if v is not None]
            if not values:
                continue
            low, mid, high = min(values), statistics.median(values), max(values)
            if figure.threshold is None:
                condition, shown_margin = "참고", "-"
            else:
                margin = low - figure.threshold if figure.above else figure.threshold - high
                ok &= margin > 0
                condition, shown_margin = f"{'≥' if figure.above else '<'} {figure.threshold:g}", f"{margin:.3g}"
            print(f"{experiment.key:<4} {figure.label:<40} {condition:>10} {low:8.4g} {mid:8.4g} {high:8.4g} "
                  f"{shown_margin:>8}  {len(values)}")
    return ok


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="+", default=[e.key for e in EXPERIMENTS], help="실험 (강의 번호)")
    parser.add_argument("--seeds", type=int, default=5)
    parser.add_argument("--first-seed", type=int, default=0)
    parser.add_argument("--onednn", nargs="+", default=["0", "1"])
    parser.add_argument("--threads", nargs="+", type=int, default=[1, 2])
    parser.add_argument("--holdout", help="공식 t10k 파일이 있는 폴더 (부분집합 밖 1,000장)")
    parser.add_argument("--jobs", type=int, default=2, help="함께 돌릴 설정 수 (기본 2: CPU 2코어)")
    parser.add_argument("--report", action="store_true", help="다시 실행하지 않고 저장된 결과의 표만 출력")
    args = parser.parse_args()
    seeds = list(range(args.first_seed, args.first_seed + args.seeds))
    if args.report:
        sys.exit(0 if report(json.loads(RESULTS.read_text(encoding="utf-8"))) else 1)
    start = time.perf_counter()
    rows = sweep(args.only, seeds, args.onednn, args.threads, args.holdout, args.jobs)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")
    ok = report(rows)
    print(f"\n{len(rows)}번 실행, {time.perf_counter() - start:.0f}초. 모든 문턱값에 여유가 있음: {ok}")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
