"""탐색기의 한 단계 그리기(show_step) 속도를 '매번 새 matplotlib 그림' 방식과 한 실행 안에서 비교합니다.

    python -m benchmarks.bench_widgets

설정: n=8, f=3, p=1 (패딩한 입력 10×10 = 숫자 100개, 커널 9개, 출력 8×8 = 64단계).
- 우리 방식: `conv_explorer(...).show_step(k)` — 배열에 직접 그린 그림 + PNG + 위젯 값 갱신까지 전부.
- 단순한 방식: 단계마다 새 Figure(입력·커널·출력 세 판, 칸마다 숫자, 창 사각형) → PNG.
두 방식을 번갈아 재서(부하가 바뀌어도 공평하게) 중앙값(ms)과 비율을 출력합니다.
목표: 비율 ≥ 4, show_step 중앙값 ≲ 15 ms.
"""

from __future__ import annotations

import io
import os
import statistics
import time

os.environ.setdefault("MPLBACKEND", "Agg")

import matplotlib  # noqa: E402

matplotlib.use("Agg")

import numpy as np  # noqa: E402
from matplotlib import pyplot as plt  # noqa: E402
from matplotlib.patches import Rectangle  # noqa: E402

from cnn_helpers.plotting import use_korean_font  # noqa: E402
from cnn_helpers.widgets import conv_explorer  # noqa: E402


def naive_frame(layout, steps, k: int) -> bytes:
    """단계 k를 새 matplotlib 그림으로 그려 PNG로 저장합니다 (비교 기준)."""
    st = steps[k]
    fig, axes = plt.subplots(1, 3, figsize=(9, 3.6), gridspec_kw={"width_ratios": [10, 3, 8]})
    padded = np.where(layout.is_pad, np.nan, layout.padded)
    ax = axes[0]
    ax.imshow(padded, cmap="Greys", vmin=-20, vmax=60)
    for (r, c), v in np.ndenumerate(layout.padded):
        ax.text(c, r, f"{v:g}", ha="center", va="center", fontsize=8, color="grey" if layout.is_pad[r, c] else "k")
    for r, c in st.cells:
        ax.add_patch(Rectangle((c - 0.5, r - 0.5), 1, 1, facecolor="orange", alpha=0.5))
    ax.set_title("입력 (패딩 포함)")
    ax = axes[1]
    ax.imshow(layout.weights, cmap="Blues")
    for (r, c), v in np.ndenumerate(layout.weights):
        ax.text(c, r, f"{v:g}", ha="center", va="center", fontsize=8)
    ax.set_title("커널")
    ax = axes[2]
    out = np.full(layout.out_shape, np.nan)
    for done in steps[: k + 1]:
        out[done.out] = done.value
        ax.text(done.out[1], done.out[0], f"{done.value:g}", ha="center", va="center", fontsize=8)
    ax.imshow(out, cmap="Greens", vmin=-80, vmax=80)
    ax.add_patch(Rectangle((st.out[1] - 0.5, st.out[0] - 0.5), 1, 1, fill=False, edgecolor="orange", lw=3))
    ax.set_title("출력")
    for ax in axes:
        ax.set_xticks([])
        ax.set_yticks([])
    fig.suptitle(st.formula(max_terms=6), fontsize=9)
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=80)
    plt.close(fig)
    return buf.getvalue()


def main() -> None:
    use_korean_font()
    explorer = conv_explorer(n=8, f=3, p=1)
    steps, layout = explorer.steps, explorer.layout
    naive_frame(layout, steps, 0)  # 준비 실행 (글꼴 캐시 등)
    explorer.show_step(0)
    ours, naive, ours_cpu, naive_cpu = [], [], [], []
    for k in range(len(steps)):
        start, cpu = time.perf_counter(), time.process_time()
        explorer.show_step(k)
        ours.append((time.perf_counter() - start) * 1000)
        ours_cpu.append((time.process_time() - cpu) * 1000)
        if k % 3 == 0:  # 단순한 방식은 느리므로 세 단계에 한 번만
            start, cpu = time.perf_counter(), time.process_time()
            naive_frame(layout, steps, k)
            naive.append((time.perf_counter() - start) * 1000)
            naive_cpu.append((time.process_time() - cpu) * 1000)
    med = statistics.median
    h, w = explorer.frame.shape[:2]
    print(f"설정: n=8, f=3, p=1 → 단계 {len(steps)}개, 그림 {w}×{h} 픽셀, PNG {len(explorer.image_bytes) // 1024} KB")
    print(f"{'방식':<34}{'중앙값 ms':>10}{'CPU ms':>9}{'측정 수':>8}")
    print(f"{'show_step (배열에 직접 + PNG)':<34}{med(ours):>10.2f}{med(ours_cpu):>9.2f}{len(ours):>8}")
    print(f"{'새 matplotlib 그림 + PNG':<34}{med(naive):>10.2f}{med(naive_cpu):>9.2f}{len(naive):>8}")
    print(f"비율 (단순 / show_step): 벽시계 {med(naive) / med(ours):.1f}×, CPU {med(naive_cpu) / med(ours_cpu):.1f}×"
          "  (목표 ≥ 4×, show_step ≲ 15 ms)")
    print(f"측정 중 부하 (loadavg 1분): {os.getloadavg()[0]:.1f}, CPU {os.cpu_count()}개")

if __name__ == "__main__":
    main()
