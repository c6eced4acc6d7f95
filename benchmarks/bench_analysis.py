"""cnn_helpers.analysis 의 속도를 잽니다 (모델 만드는 시간은 빼고).

    python -m benchmarks.bench_analysis              # 속도만
    python -m benchmarks.bench_analysis --published  # 공개된 값과의 비교도 (모델 만드는 데 +20초쯤)

- receptive_field: keras.applications.InceptionV3(weights=None), 299×299 입력 (313층, 분기 15곳). 목표 < 1 s.
- effective_receptive_field: 3×3 합성곱(32채널, ReLU, 'same') 20층, 129×129×3 입력.
  첫 호출(tf.function 추적 포함)과 그 뒤 호출(중앙값)을 따로 보고. 목표: 그 뒤 호출 < 2 s.
- count_macs / model_table: InceptionV3.
"""

import argparse
import statistics
import time
import unicodedata

from cnn_helpers import (
    _lazy,  # noqa: E402
    analysis,  # noqa: E402
)

_lazy.tensorflow()
import keras  # noqa: E402


def cell(text, width, right=False):
    """한글(전각 2칸)을 고려해 칸 너비를 맞춥니다."""
    text = str(text)
    used = sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
    fill = " " * max(width - used, 0)
    return fill + text if right else text + fill


def timed(fn):
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def median_s(fn, repeat):
    return statistics.median(timed(fn)[0] for _ in range(repeat))


def conv_stack(depth=20, size=129, channels=32):
    keras.utils.set_random_seed(0)
    x = inp = keras.Input((size, size, 3))
    for _ in range(depth):
        x = keras.layers.Conv2D(channels, 3, padding="same", activation="relu")(x)
    return keras.Model(inp, x)


def speed():
    rows = []
    build_s, inception = timed(
        lambda: keras.applications.InceptionV3(weights=None, input_shape=(299, 299, 3))
    )
    first, _ = timed(lambda: analysis.receptive_field(inception))
    rows.append(
        ("receptive_field InceptionV3", first, median_s(lambda: analysis.receptive_field(inception), 5), 1.0)
    )
    first, _ = timed(lambda: analysis.count_macs(inception))
    rows.append(("count_macs InceptionV3", first, median_s(lambda: analysis.count_macs(inception), 5), None))
    first, _ = timed(lambda: analysis.model_table(inception))
    rows.append(
        ("model_table InceptionV3", first, median_s(lambda: analysis.model_table(inception), 5), None)
    )

    stack = conv_stack()
    first, erf = timed(lambda: analysis.effective_receptive_field(stack))
    warm = median_s(lambda: analysis.effective_receptive_field(stack), 5)
    rows.append(("ERF 20×conv3, 129², 1 입력", first, warm, 2.0))
    first, _ = timed(lambda: analysis.effective_receptive_field(stack, samples=8))
    warm8 = median_s(lambda: analysis.effective_receptive_field(stack, samples=8), 3)
    rows.append(("ERF 같은 모델, 8 입력 평균", first, warm8, None))

    print(f"(InceptionV3 만들기 {build_s:.2f} s 는 제외)")
    print(
        cell("작업", 30)
        + cell("첫 호출 s", 11, True)
        + cell("중앙값 s", 11, True)
        + cell("목표 s", 9, True)
        + "  판정"
    )
    for name, first, warm, goal in rows:
        verdict = "" if goal is None else ("통과" if warm < goal else "초과")
        goal_text = "" if goal is None else f"{goal:.1f}"
        print(cell(name, 30) + f"{first:>11.3f}{warm:>11.3f}{goal_text:>9}  {verdict}")
    print(f"ERF 크기(erf_spread, rms): {analysis.erf_spread(erf):.2f} 픽셀, 이론 RF 41 픽셀")


def published():
    """공개된 값(google-research/receptive_field 표, He et al. 2015)과 비교."""
    checks = [
        # (모델 만들기, 끝점 층, 기대 (rf, stride, padding), 출처)
        (lambda: keras.applications.VGG16(weights=None, include_top=False, input_shape=(224, 224, 3)),
         "block5_pool", (212, 32, 90), "vgg_16/pool5"),
        (lambda: keras.applications.ResNet50(weights=None, input_shape=(224, 224, 3)),
         "conv5_block3_out", (483, 32, 239), "resnet_v1_50/block4 (Keras 패딩은 241: 최대 풀링 앞 ZeroPadding)"),
        (lambda: keras.applications.InceptionV3(weights=None, input_shape=(299, 299, 3)),
         "mixed10", (1311, 32, 618), "inception_v3/Mixed_7c"),
        (lambda: keras.applications.MobileNet(weights=None, input_shape=(224, 224, 3)),
         "conv_pw_13_relu", (315, 32, 126), "mobilenet_v1/Conv2d_13_pointwise"),
        (lambda: keras.applications.InceptionResNetV2(weights=None, input_shape=(299, 299, 3)),
         "conv_7b_ac", (3039, 32, 1482), "inception_resnet_v2/Conv2d_7b_1x1"),
    ]  # fmt: skip
    print(
        "\n" + cell("끝점", 20) + cell("계산 rf/stride/pad", 22, True) + cell("공개값", 18, True) + "  출처"
    )
    for build, layer, expected, source in checks:
        df = analysis.receptive_field(build())
        got = tuple(int(v) for v in df.loc[df["layer"] == layer, ["rf", "jump", "padding"]].iloc[0])
        print(f"{layer:<20}{'/'.join(map(str, got)):>22}{'/'.join(map(str, expected)):>18}  {source}")
    macs = [
        ("ResNet50", 3.8e9), ("ResNet101", 7.6e9), ("ResNet152", 11.3e9), ("VGG16", 15.3e9), ("VGG19", 19.6e9),
    ]  # fmt: skip
    print(
        "\n"
        + cell("모델", 12)
        + cell("MACs (1e9)", 12, True)
        + cell("He et al.", 11, True)
        + cell("차이", 9, True)
    )
    for name, ref in macs:
        value = analysis.count_macs(getattr(keras.applications, name)(weights=None))
        print(f"{name:<12}{value / 1e9:>12.3f}{ref / 1e9:>11.1f}{(value - ref) / ref:>+9.1%}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--published", action="store_true", help="공개된 수용 영역·MAC 값과도 비교")
    args = parser.parse_args()
    speed()
    if args.published:
        published()


if __name__ == "__main__":
    main()
