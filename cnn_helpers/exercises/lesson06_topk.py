"""6강 연습 문제 6 (손으로 계산하고, 실행해서 확인): 이미지 5장 × 부류 5개의 확률 표와 정답에서
top-1 정확도와 top-3 정확도를 (top-1, top-3) 튜플로."""

from __future__ import annotations

import numpy as np

from ._core import Exercise
from ._oracles import has, pair_close

# 문제 6: 이미지 5장 × 부류 5개의 확률(행마다 합 1, 같은 값 없음)과 정답. 노트북의 topk_probs·topk_labels와 같아야 합니다(tests).
TOPK_PROBS = (
    (0.05, 0.10, 0.50, 0.20, 0.15),
    (0.35, 0.30, 0.05, 0.10, 0.20),
    (0.10, 0.40, 0.15, 0.30, 0.05),
    (0.60, 0.04, 0.16, 0.12, 0.08),
    (0.15, 0.45, 0.10, 0.05, 0.25),
)
TOPK_LABELS = (2, 4, 0, 2, 1)
TOPK_KS = (1, 3)


def label_ranks(probs=TOPK_PROBS, labels=TOPK_LABELS) -> np.ndarray:
    """행마다 정답보다 확률이 높은 부류의 수(0이면 1위). 강의 5절의 `rank`와 같은 계산입니다."""
    probs, labels = np.asarray(probs, dtype=float), np.asarray(labels)
    if probs.ndim != 2 or labels.shape != (len(probs),):
        raise ValueError(f"probs는 (이미지, 부류) 2차원, labels는 이미지마다 하나여야 합니다. 받은 모양: {probs.shape}, {labels.shape}")
    label_prob = probs[np.arange(len(probs)), labels]
    return np.sum(probs > label_prob[:, None], axis=1)


def top_k_accuracies(probs=TOPK_PROBS, labels=TOPK_LABELS, ks=TOPK_KS, *, largest=True) -> tuple:
    """k마다의 top-k 정확도. largest=False는 확률이 *작은* 쪽부터 k개를 센 흔한 실수(np.argsort를 뒤집지 않음)입니다."""
    probs = np.asarray(probs, dtype=float)
    ranks = label_ranks(probs if largest else -probs, labels)
    return tuple(float(np.mean(ranks < k)) for k in ks)


def q6_top_k() -> Exercise:
    ranks = label_ranks()
    n = len(ranks)
    top1, top3 = top_k_accuracies()
    exactly_third = float(np.mean(ranks == 2))   # 정답이 꼭 3위인 비율
    off_by_one = top_k_accuracies(ks=(2, 4))     # "정답보다 높은 부류가 k개 이하"로 센 값
    return Exercise(
        6, "작은 표에서 top-1·top-3 정확도", "topk_answer",
        expected=top_k_accuracies,
        hint_text=(
            "행마다 정답 부류의 확률을 찾고, 그보다 확률이 높은 부류가 몇 개인지 세세요. 그 수가 0이면 정답이 1위, 2이면 3위입니다. "
            "top-k 정확도는 정답이 k위 안(1위부터 k위까지)에 든 이미지의 비율입니다."
        ),
        solution_text=(
            "topk_answer = (2 / 5, 4 / 5)  # (0.4, 0.8)\n"
            "# 정답보다 확률이 높은 부류의 수는 행마다 0, 2, 3, 1, 0이라 정답의 순위는 1, 3, 4, 2, 1위입니다.\n"
            "# 1위인 이미지가 2장이라 top-1은 2/5, 3위 안인 이미지가 4장이라 top-3은 4/5입니다(셋째 이미지만 4위)."
        ),
        mistakes=[
            (lambda a: pair_close(a, 0, top3) and pair_close(a, 1, top1),
             "순서가 바뀌었습니다. (top-1 정확도, top-3 정확도) 순서로 쓰세요.",
             (top3, top1)),
            (lambda a: all(pair_close(a, i, v) for i, v in enumerate(top_k_accuracies(largest=False)))
             and not all(pair_close(a, i, v) for i, v in enumerate((top1, top3))),
             "확률이 작은 부류부터 센 것 같습니다. np.argsort는 작은 값부터 정렬하므로, 확률이 큰 쪽부터 보려면 뒤집어야 합니다"
             "(np.argsort(p)[::-1]).",
             top_k_accuracies(largest=False)),
            (lambda a: pair_close(a, 0, 1 - top1) and pair_close(a, 1, 1 - top3),
             "그것은 오류율(1 − 정확도)입니다. 정답이 k위 안에 든 이미지의 비율을 쓰세요.",
             (1 - top1, 1 - top3)),
            (lambda a: pair_close(a, 1, exactly_third),
             "top-3은 정답이 꼭 3위인 비율이 아니라 1위, 2위, 3위 중 어디든 든 비율입니다.",
             (top1, exactly_third)),
            (lambda a: pair_close(a, 0, off_by_one[0]) or pair_close(a, 1, off_by_one[1]),
             "정답보다 확률이 높은 부류가 k개면 정답은 k+1위입니다. top-k에 들려면 더 높은 부류가 k−1개 이하여야 합니다.",
             off_by_one),
            (lambda a: pair_close(a, 0, n * top1) and pair_close(a, 1, n * top3),
             "맞힌 이미지의 장 수가 아니라, 그 수를 이미지 수로 나눈 비율(0~1)을 쓰세요.",
             (n * top1, n * top3)),
            (lambda a: pair_close(a, 0, 100 * top1) and pair_close(a, 1, 100 * top3),
             "퍼센트가 아니라 0~1 사이의 비율로 쓰세요.",
             (100 * top1, 100 * top3)),
            (lambda a: not has(a, (2,)),
             "답은 (top-1 정확도, top-3 정확도) 두 수의 튜플로 쓰세요.",
             top1),
        ],
    )

