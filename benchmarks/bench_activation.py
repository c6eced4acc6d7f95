"""활성화 탐색기의 다시 그리기 속도: LeNet-5(28×28)와 ResNet-50(224×224, weights=None).

    python -m benchmarks.bench_activation

잽니다 (시험이 아니라 숫자를 출력만 합니다):
- 처음 호출: `activation_explorer(model, images)`가 부분 모델을 만들고 첫 이미지의 모든 층 활성화를 계산해
  첫 그림을 그리기까지.
- 다시 그리기: 채널·행·열 조절 막대를 바꿀 때 (위젯 값 → 그림 → PNG → widgets.Image) 걸린 시간의 중앙값.
  층을 처음 고를 때(채널 띠를 한 번 그림)는 따로 잽니다.
- 단순한 방식: 조절 막대를 움직일 때마다 부분 모델을 다시 불러 활성화를 새로 계산하고 같은 그림을 그리는 것.
  두 방식을 번갈아 재서 중앙값의 비율(단순 ÷ 우리)을 출력합니다. 목표: 다시 그리기 중앙값 ≤ 100 ms,
  ResNet-50 처음 호출 ≤ 2 s.
"""

from __future__ import annotations

import os
import statistics
import time

os.environ.setdefault("TF_ENABLE_ONEDNN_OPTS", "0")

import numpy as np  # noqa: E402

from cnn_helpers import _lazy, models  # noqa: E402
from cnn_helpers.activation import activation_explorer  # noqa: E402
from cnn_helpers.render import encode_png  # noqa: E402


def _ms(f) -> float:
    t = time.perf_counter()
    f()
    return (time.perf_counter() - t) * 1000


def bench(name, model, images, layers, repeats=12):
    t = time.perf_counter()
    ex = activation_explorer(model, images)
    first = time.perf_counter() - t
    acts = ex.activations
    names = [info.name for info in acts.layers]
    first_layer, ours, naive = [], [], []
    rng = np.random.default_rng(0)
    for layer in layers:
        first_layer.append(_ms(lambda layer=layer: setattr(ex._layer, "value", names.index(layer))))
        info = ex.info
        for _ in range(repeats):
            c = int(rng.integers(info.channels))
            h, w = info.shape[:2] if info.spatial else (1, 1)
            i, j = int(rng.integers(h)), int(rng.integers(w))
            ours.append(_ms(lambda c=c: setattr(ex._channel, "value", c)))
            ours.append(_ms(lambda i=i: setattr(ex._row, "value", i)))
            ours.append(_ms(lambda j=j: setattr(ex._col, "value", j)))

            def recompute(c=c, i=i, j=j):
                acts._cache.clear()  # 단순한 방식: 움직일 때마다 활성화를 새로 계산
                frame = ex._painter.frame(ex.image, ex._layer.value, c, (min(i, ex._row.max), min(j, ex._col.max)),
                                          acts.rf_box(ex._layer.value, (min(i, ex._row.max), min(j, ex._col.max))))
                ex._painter._strip.clear()
                ex.picture.value = encode_png(frame)

            naive.append(_ms(recompute))
    med, med_naive = statistics.median(ours), statistics.median(naive)
    print(f"{name}: 층 {len(names)}개, 처음 호출 {first:.2f} s, 층을 처음 고를 때 중앙값 "
          f"{statistics.median(first_layer):.1f} ms, 다시 그리기 중앙값 {med:.1f} ms (p90 "
          f"{np.percentile(ours, 90):.1f} ms, {len(ours)}번), 단순한 방식(매번 다시 계산) {med_naive:.1f} ms, "
          f"비율 {med_naive / med:.1f}배")
    return first, med, med_naive


def main():
    keras = _lazy.keras()
    keras.utils.set_random_seed(0)
    lenet = models.lenet5()
    x = np.random.default_rng(0).uniform(0, 255, (4, 28, 28, 1)).astype("float32")
    bench("LeNet-5 (28×28)", lenet, x, ["conv1", "pool1", "conv2", "pool2", "fc1", "predictions"])
    resnet = keras.applications.ResNet50(weights=None)
    x = np.random.default_rng(1).uniform(0, 255, (2, 224, 224, 3)).astype("float32")
    bench("ResNet-50 (224×224)", resnet, x,
          ["conv1_conv", "pool1_pool", "conv2_block1_add", "conv3_block4_add", "conv4_block6_add", "conv5_block3_add",
           "avg_pool", "predictions"], repeats=6)


if __name__ == "__main__":
    main()
