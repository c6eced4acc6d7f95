"""assets/의 슬라이딩 창 애니메이션(GIF)을 만듭니다. 커널 없이도, GitHub에서도 재생됩니다.

    python -m scripts.make_animations           # assets/*.gif 다시 만들기
    python -m scripts.make_animations --check   # 지금 파일이 이 스크립트의 결과와 같은지만 확인

다시 만든 뒤에는 scripts/embed_assets.py로 노트북의 셀 첨부도 새 GIF로 바꿉니다(이 스크립트가 자동으로 부름).
노트북은 그림을 상대 경로가 아닌 셀 첨부로 보여 줍니다(Colab에는 옆에 assets/가 없음).

그림은 탐색기(cnn_helpers.widgets)와 같은 그리기 코드로 만듭니다. 입력은 탐색기의 기본 입력
(0..9 정수, 시드 고정)이라 노트북의 탐색기 첫 화면과 같은 숫자입니다.
GIF 바이트는 Pillow·FreeType 판에 따라 조금 달라질 수 있으니 --check는 같은 환경에서만 쓰세요.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from cnn_helpers.animation import save_gif
from cnn_helpers.sliding import default_input, kernel_preset
from scripts import embed_assets
from tools import ROOT

ASSETS = ROOT / "assets"
LIMIT = 300 * 1024

# 파일 이름 → (설명, save_gif 인자)
ANIMATIONS = {
    "conv_valid.gif": ("01: 5×5 입력, 3×3 경계 커널, 패딩 0, 스트라이드 1",
                       dict(x=default_input(5, 0), kernel=kernel_preset("edge", 3))),
    "conv_padding_stride.gif": ("02: 5×5 입력, 3×3, 패딩 1, 스트라이드 2",
                                dict(x=default_input(5, 0), kernel=kernel_preset("edge", 3), padding=1, stride=2)),
    "conv_dilation.gif": ("02: 7×7 입력, 3×3, 팽창 2 (덮는 길이 5)",
                          dict(x=default_input(7, 0), kernel=kernel_preset("edge", 3), dilation=2)),
    "pool_max.gif": ("03: 6×6 입력, 2×2 최대 풀링, 스트라이드 2",
                     dict(x=default_input(6, 1), kernel=2, stride=2, mode="max")),
    "pool_same_even.gif": ("03: 5×5 입력, 2×2 최대 풀링, 스트라이드 2, SAME (패딩 아래·오른쪽 1칸)",
                           dict(x=default_input(5, 1), kernel=2, stride=2, padding="same", mode="max")),
}


def build(directory: Path) -> dict[str, Path]:
    return {name: save_gif(directory / name, interval=900, **kwargs) for name, (_, kwargs) in ANIMATIONS.items()}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="파일을 바꾸지 않고 같은지만 확인")
    args = parser.parse_args(argv)
    if args.check:
        with tempfile.TemporaryDirectory() as tmp:
            fresh = build(Path(tmp))
            stale = [n for n, p in fresh.items() if not (ASSETS / n).exists() or (ASSETS / n).read_bytes() != p.read_bytes()]
        for name in stale:
            print(f"다름: assets/{name} — python -m scripts.make_animations 로 다시 만드세요.")
        return 1 if stale else 0
    too_big = []
    for name, path in build(ASSETS).items():
        size = path.stat().st_size
        print(f"assets/{name}: {size / 1024:.0f} KB — {ANIMATIONS[name][0]}")
        if size > LIMIT:
            too_big.append(name)
    if too_big:
        print(f"300 KB를 넘는 파일: {too_big}")
        return 1
    return embed_assets.main(check=False)


if __name__ == "__main__":
    sys.exit(main())
