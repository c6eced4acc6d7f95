"""6강 연습 문제: VGG."""

from __future__ import annotations

from ._core import Exercise
from ._oracles import block_layer_params, cached, layers_for_rf, vgg16_fc1_params


def exercises() -> list[Exercise]:
    return [
        Exercise(
            1, "block3_conv1의 매개변수 수", "block3_conv1_params",
            expected=lambda: block_layer_params("vgg_block", (56, 56, 128), (256, 3), ["conv1"]),
            hint_text="필터 하나는 3 × 3 × (입력 채널 수) 가중치와 편향 하나를 가집니다. 입력 채널은 앞 블록의 필터 수입니다.",
            solution_text="block3_conv1_params = 3 * 3 * 128 * 256 + 256  # 295,168",
            mistakes=[
                (lambda a: a == 3 * 3 * 128 * 256, "편향(필터마다 하나)을 빠뜨리지 않았나요?"),
                (lambda a: a in (3 * 3 * 256 * 256 + 256, 3 * 3 * 256 * 256),
                 "블록의 첫 합성곱은 앞 블록의 출력을 받습니다. 입력 채널이 몇 개인가요?"),
                (lambda a: a in (3 * 3 * 3 * 256 + 256, 3 * 3 * 3 * 256),
                 "입력 채널은 RGB 3개가 아니라 바로 앞 계층 출력의 채널 수입니다."),
                (lambda a: a > 10_000_000, "합성곱 계층의 매개변수 수는 입력의 가로·세로(56×56)와 상관이 없습니다."),
            ],
        ),
        Exercise(
            2, "11×11과 같은 수용 영역을 만드는 3×3 층 수", "layers_for_11",
            expected=lambda: layers_for_rf(11, 3),
            hint_text=(
                "스트라이드 1인 3×3 합성곱 한 층의 수용 영역은 3이고, 한 층을 더 쌓을 때마다 (k − 1)만큼 늘어납니다. "
                "수용 영역이 11이 될 때까지 층을 세어 보세요."
            ),
            solution_text=(
                "rf, layers_for_11 = 1, 0\n"
                "while rf < 11:\n"
                "    rf += 3 - 1  # 스트라이드 1인 3×3 층 하나가 늘리는 수용 영역\n"
                "    layers_for_11 += 1"
            ),
            mistakes=[
                (lambda a: a == 4,
                 "커널 크기(3 + 3 + …)를 그냥 더하면 이웃한 창이 겹치는 부분을 두 번 셉니다. 층마다 늘어나는 양은 k − 1입니다."),
                (lambda a: a == 3, "3×3 세 층의 수용 영역은 7×7입니다(위 표). 11×11이 되려면 더 쌓아야 합니다."),
                (lambda a: a in (10, 11), "층마다 수용 영역이 1이 아니라 k − 1 = 2씩 늘어납니다."),
                (lambda a: 0 < a < 1, "비율이 아니라 층의 개수를 물었습니다."),
            ],
        ),
        Exercise(
            3, "32×32 입력에서 fc1의 매개변수 수", "fc1_params_32",
            expected=lambda: cached(("06", 3), lambda: vgg16_fc1_params((32, 32, 3))),
            hint_text=(
                "2×2 최대 풀링을 다섯 번 거치면 32×32는 몇 × 몇이 될까요? 채널은 512입니다. "
                "fc1은 평면화한 입력마다 유닛 4,096개에 가중치가 하나씩, 유닛마다 편향이 하나 있습니다."
            ),
            solution_text=(
                "side = 32 // 2**5  # 풀링 다섯 번: 32 → 1\n"
                "fc1_params_32 = side * side * 512 * 4096 + 4096  # 2,101,248"
            ),
            mistakes=[
                (lambda a: a == 7 * 7 * 512 * 4096 + 4096,
                 "그것은 224×224 입력일 때의 값입니다. 입력이 작아지면 마지막 특징 맵도 작아집니다."),
                (lambda a: a == 512 * 4096, "편향(유닛마다 하나)을 빠뜨리지 않았나요?"),
                (lambda a: a in (2 * 2 * 512 * 4096 + 4096, 2 * 2 * 512 * 4096),
                 "VGG-16의 블록은 다섯 개이고, 블록마다 최대 풀링이 한 번 있습니다."),
            ],
        ),
    ]
