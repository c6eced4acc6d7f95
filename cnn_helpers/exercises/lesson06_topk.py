"""6강 연습 문제 4 (먼저 예측하고, 실행해서 확인): 정답과 상관없는 무작위 확률을 내는 분류기의 top-5 정확도를
부류 10개(MNIST)와 1,000개(ImageNet)에서 (부류 10개, 부류 1,000개) 튜플로."""

from __future__ import annotations

from ._core import Exercise
from ._oracles import has, pair_close

RANDOM_K, RANDOM_CLASSES = 5, (10, 1000)  # top-5, MNIST와 ImageNet의 부류 수


def random_top_k(k=RANDOM_K, classes=RANDOM_CLASSES) -> tuple:
    """무작위 확률을 내는 분류기의 top-k 정확도의 기댓값: 정답의 순위는 1위~N위가 똑같이 나올 수 있으므로 k / N."""
    return tuple(min(k, n) / n for n in classes)


def q4_random_top_k() -> Exercise:
    mnist, imagenet = random_top_k()
    top1 = random_top_k(k=1)
    return Exercise(
        4, "무작위로 고르는 분류기의 top-5 정확도", "random_top5",
        expected=random_top_k,
        hint_text=(
            "확률이 정답과 아무 상관이 없으면, 정답 부류가 1위일 수도 마지막 위일 수도 있고 어느 순위든 가능성이 같습니다. "
            "부류가 N개면 정답의 순위는 N가지입니다. 그 가운데 몇 가지가 top-5에 드나요?"
        ),
        solution_text=(
            "random_top5 = (5 / 10, 5 / 1000)  # (0.5, 0.005)\n"
            "# 정답의 순위는 1위~N위가 똑같이 나올 수 있고, 그 가운데 5가지가 top-5에 듭니다: 5 / N.\n"
            "# 부류 10개면 아무렇게나 골라도 절반을 맞히므로 top-5는 MNIST의 모델을 가려내지 못합니다.\n"
            "# 부류 1,000개에서 무작위는 0.5%뿐이라, ILSVRC의 top-5 정확도 90%는 무작위보다 180배 높은 값입니다."
        ),
        mistakes=[
            (lambda a: pair_close(a, 0, imagenet) and pair_close(a, 1, mnist),
             "순서가 바뀌었습니다. (부류 10개, 부류 1,000개) 순서로 쓰세요.",
             (imagenet, mnist)),
            (lambda a: pair_close(a, 0, top1[0]) and pair_close(a, 1, top1[1]),
             "그것은 top-1(1위 하나만 맞히는 경우)입니다. top-5는 확률 상위 다섯 부류 안에 정답이 들면 맞힌 것입니다.",
             top1),
            (lambda a: pair_close(a, 0, 1 - mnist) and pair_close(a, 1, 1 - imagenet),
             "그것은 top-5 오류율(1 − 정확도)입니다. 정답이 다섯 부류 안에 드는 비율을 쓰세요.",
             (1 - mnist, 1 - imagenet)),
            (lambda a: pair_close(a, 0, 100 * mnist) and pair_close(a, 1, 100 * imagenet),
             "퍼센트가 아니라 0~1 사이의 비율로 쓰세요.",
             (100 * mnist, 100 * imagenet)),
            (lambda a: pair_close(a, 0, mnist) and not pair_close(a, 1, imagenet),
             "부류 10개는 맞았습니다. 부류가 1,000개면 정답의 순위도 1,000가지이고, 그 가운데 다섯 가지만 top-5에 듭니다.",
             (mnist, 10 * imagenet)),
            (lambda a: not has(a, (2,)),
             "답은 (부류 10개의 top-5 정확도, 부류 1,000개의 top-5 정확도) 두 수의 튜플로 쓰세요.",
             mnist),
        ],
    )
