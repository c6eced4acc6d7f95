"""손글씨 숫자 '사진' 견본을 만듭니다: cnn_helpers/_data/handwritten_digit.png (이 강의가 직접 만든 그림).

패키지 안에 두므로 Colab처럼 pip로 설치한 곳에서도 노트북이 `ch.data.HANDWRITTEN_SAMPLE`로 읽습니다.

실제 MNIST 숫자 하나(강의에 들어 있는 부분집합의 시험 이미지)를 크게 키워 흰 종이에 쓴 검은 글씨처럼
칠하고, 종이의 밝기 얼룩, 잡음, 흐림, 약간의 기울임, 가운데에서 벗어난 위치를 더합니다. 학생이 휴대폰으로 찍은
손글씨 사진과 비슷한 입력으로 `ch.load_image`를 보여 주려는 것입니다. 시드가 고정되어 늘 같은 그림이 나옵니다.

    python assets/make_handwritten_sample.py

MNIST: Yann LeCun, Corinna Cortes, Christopher J. C. Burges — CC BY-SA 3.0.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PIL import Image, ImageFilter

OUT = Path(__file__).resolve().parents[1] / "cnn_helpers" / "_data" / "handwritten_digit.png"
INDEX = 3  # 강의 부분집합의 시험 이미지 번호 (load_mnist()[1][0][INDEX])


def fake_photo(digit28, *, size=(300, 360), dark=False, shift=(0.0, 0.0), angle=8.0, noise=0.04, blur=1.5,
               seed=0) -> np.ndarray:
    """28×28 MNIST 숫자로 사진 같은 uint8 흑백 그림 (높이, 너비)을 만듭니다.

    dark=False: 밝은 종이에 어두운 글씨, True: 어두운 바탕에 밝은 글씨. shift: 가운데에서 벗어난 정도
    (세로, 가로; 그림 크기에 대한 비율). angle: 기울임(도). noise: 가우스 잡음의 표준편차(0..1 밝기).
    """
    rng = np.random.default_rng(seed)
    h, w = size
    side = int(min(h, w) * 0.8)
    ink = Image.fromarray(np.asarray(digit28, np.uint8)).resize((side, side), Image.Resampling.BICUBIC)
    ink = ink.rotate(angle, resample=Image.Resampling.BICUBIC)
    canvas = Image.new("L", (w, h), 0)
    top = int((h - side) / 2 + shift[0] * h)
    left = int((w - side) / 2 + shift[1] * w)
    canvas.paste(ink, (left, top))
    canvas = canvas.filter(ImageFilter.GaussianBlur(blur))
    a = np.asarray(canvas, np.float64) / 255.0
    yy, xx = np.mgrid[0:h, 0:w]
    paper = 0.86 + 0.08 * (xx / w) - 0.05 * (yy / h)  # 빛이 고르지 않은 종이
    if dark:
        img = 0.12 + 0.04 * (yy / h) + a * 0.75
    else:
        img = paper * (1 - 0.82 * a)  # 연필·펜 글씨는 완전히 검지 않습니다
    img = img + rng.normal(0, noise, img.shape)
    return np.clip(img * 255, 0, 255).round().astype(np.uint8)


def main() -> None:
    import cnn_helpers as ch

    _, (x_test, y_test) = ch.load_mnist(verbose=False)
    photo = fake_photo(x_test[INDEX], shift=(0.06, -0.08), angle=9.0, seed=11)
    # 휴대폰 사진처럼 컬러(RGB)로, 살짝 누런 종이 빛을 띠게 저장합니다.
    rgb = np.stack([photo, photo, (photo * 0.93).astype(np.uint8)], axis=-1)
    Image.fromarray(rgb).save(OUT, optimize=True)
    print(f"{OUT.name}: 숫자 {int(y_test[INDEX])}, {rgb.shape[1]}×{rgb.shape[0]} 화소")


if __name__ == "__main__":
    main()
