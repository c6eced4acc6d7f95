"""numpy conv2d와 tf.nn.conv2d의 속도를 한 실행 안에서 비교합니다 (비율로 보고).

    python -m benchmarks.bench_ops

배치 32×32×32×16 입력, 3×3 필터 32개, VALID/SAME. 목표: numpy 시간 / TF 시간 ≤ 3.
"""

import statistics
import time

import numpy as np  # noqa: E402

from cnn_helpers import _lazy  # noqa: E402
from cnn_helpers.ops import conv2d, pool2d  # noqa: E402

tf = _lazy.tensorflow()


def median_ms(fn, repeat=30):
    fn()  # 준비 실행
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main():
    rng = np.random.default_rng(0)
    x = rng.normal(size=(32, 32, 32, 16)).astype(np.float32)
    w = rng.normal(size=(3, 3, 16, 32)).astype(np.float32)
    xt, wt = tf.constant(x), tf.constant(w)
    print(f"{'연산':<28}{'numpy ms':>10}{'TF ms':>10}{'비율':>8}")
    for padding in ("VALID", "SAME"):
        ours = median_ms(lambda p=padding: conv2d(x, w, padding=p))
        theirs = median_ms(lambda p=padding: tf.nn.conv2d(xt, wt, strides=1, padding=p).numpy())
        print(f"{'conv2d 3×3, 16→32, ' + padding:<28}{ours:>10.2f}{theirs:>10.2f}{ours / theirs:>8.2f}")
    ours = median_ms(lambda: pool2d(x, 2))
    theirs = median_ms(lambda: tf.nn.max_pool2d(xt, 2, 2, "VALID").numpy())
    print(f"{'max pool 2×2':<28}{ours:>10.2f}{theirs:>10.2f}{ours / theirs:>8.2f}")


if __name__ == "__main__":
    main()
