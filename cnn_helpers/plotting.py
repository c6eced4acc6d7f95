"""그림 도우미: 한국어 글꼴 설정, 이미지 격자, 커널 값, 특징 맵.

한국어 글꼴은 패키지에 함께 들어 있는 나눔고딕(NanumGothic, SIL OFL 1.1, fonts/OFL.txt)을
matplotlib에 등록해 씁니다. 네트워크도, 시스템 글꼴도 필요 없습니다.
"""

from __future__ import annotations

from pathlib import Path

import matplotlib
import numpy as np
from matplotlib import font_manager
from matplotlib import pyplot as plt
from matplotlib.ticker import MaxNLocator

from ._validate import check_array, check_bool, check_cmap, check_int, check_positive, short_repr, to_array  # noqa: F401

# 한 그림에 그리는 최대 칸 수 / show_kernel이 숫자를 적는 최대 크기 (그보다 크면 그림이 멈추거나 읽을 수 없음)
MAX_IMAGES = 100
MAX_KERNEL_SIDE = 32

__all__ = ["show_images", "show_kernel", "show_feature_maps", "plot_history", "show_branch_responses", "plot_grouped_bars"]

FONT_FILE = Path(__file__).with_name("fonts") / "NanumGothic.ttf"


def use_korean_font() -> str:
    """나눔고딕을 matplotlib 기본 글꼴로 등록하고 글꼴 이름을 돌려줍니다 (여러 번 불러도 됩니다).

    나눔고딕에는 유니코드 빼기 기호(U+2212)가 없어서 axes.unicode_minus를 끕니다.
    """
    names = {f.name for f in font_manager.fontManager.ttflist if Path(f.fname) == FONT_FILE}
    if not names:
        font_manager.fontManager.addfont(str(FONT_FILE))
        names = {font_manager.FontProperties(fname=str(FONT_FILE)).get_name()}
    name = names.pop()
    # 나눔고딕에 없는 글자(예: U+2212 빼기 기호, 그리스 문자)는 DejaVu Sans가 대신 그립니다 (matplotlib 3.6+).
    matplotlib.rcParams["font.family"] = [name, "DejaVu Sans"]
    matplotlib.rcParams["axes.unicode_minus"] = False
    return name


def _grid(count: int, ncols: int | None, size: float):
    ncols = min(count, ncols or 8)
    nrows = -(-count // ncols)
    fig, axes = plt.subplots(nrows, ncols, figsize=(size * ncols, size * nrows + 0.3), squeeze=False)
    for ax in axes.flat:
        ax.axis("off")
    return fig, axes.flat


def show_images(images, titles=None, *, ncols: int | None = None, cmap: str = "gray", size: float = 2.0, suptitle=None):
    """이미지 여러 장을 격자로 보여 주고 Figure를 돌려줍니다.

    images: (N, H, W), (N, H, W, 1|3) 배열이나 2-D/3-D 배열의 리스트. titles: 그림마다 붙일 제목.
    """
    if isinstance(images, np.ndarray) and images.ndim in (3, 4) and not (images.ndim == 3 and images.shape[-1] in (3, 4)):
        images = list(images)
    elif not isinstance(images, (list, tuple)):
        images = [images]
    if len(images) == 0:
        raise ValueError("images에 그림이 한 장도 없습니다.")
    if len(images) > MAX_IMAGES:
        raise ValueError(
            f"그림이 {len(images):,}장입니다. 한 번에 {MAX_IMAGES}장까지 그립니다: images[:16]처럼 일부만 주세요."
        )
    if titles is not None and (isinstance(titles, str) or not hasattr(titles, "__len__") or len(titles) != len(images)):
        raise ValueError(f"titles는 그림 수({len(images)})만큼의 제목 목록이어야 합니다. 받은 값: {short_repr(titles)}")
    if ncols is not None:
        ncols = check_int("ncols", ncols, minimum=1, maximum=MAX_IMAGES)
    size = check_positive("size", size, maximum=20)
    cmap = check_cmap("cmap", cmap)
    checked = []
    for i, image in enumerate(images):
        try:
            image = np.asarray(image)
        except ValueError:
            image = np.asarray(image, dtype=object)
        if image.dtype == object or image.dtype.kind not in "biuf":
            raise TypeError(f"{i}번째 그림은 숫자 배열이어야 합니다. 받은 자료형: {image.dtype}")
        if image.ndim == 3 and image.shape[-1] == 1:
            image = image[..., 0]
        if image.ndim not in (2, 3) or (image.ndim == 3 and image.shape[-1] not in (3, 4)) or 0 in image.shape:
            raise ValueError(f"{i}번째 그림의 모양 {image.shape}은 (H, W), (H, W, 1), (H, W, 3) 또는 (H, W, 4)여야 합니다.")
        checked.append(image)
    use_korean_font()
    fig, axes = _grid(len(checked), ncols, size)
    for i, (ax, image) in enumerate(zip(axes, checked)):
        ax.imshow(image, cmap=cmap if image.ndim == 2 else None)
        if titles is not None:
            ax.set_title(str(titles[i]), fontsize=10)
    if suptitle:
        fig.suptitle(suptitle)
    fig.tight_layout()
    if titles is not None and len(checked) > min(len(checked), ncols or 8):  # 두 줄 이상: 아랫줄 제목이 윗줄 그림에 겹치지 않게
        fig.subplots_adjust(hspace=0.4)
    return fig


def show_kernel(kernel, *, ax=None, title: str | None = None, fmt: str = "{:g}", cmap: str = "RdBu_r",
                limit: float | None = None):
    """2-D 커널을 칸마다 값이 적힌 색 격자로 그립니다. 0은 흰색, 양수는 빨강, 음수는 파랑입니다.

    limit: 색 눈금의 끝(−limit..limit). 없으면 이 커널의 가장 큰 절댓값이라 커널마다 눈금이 다릅니다. 여러 커널을
    나란히 견줄 때는 같은 limit을 주고 색 막대(`fig.colorbar(ax.images[0], …)`)를 붙이세요.
    """
    kernel = check_array("kernel", kernel, 2, what="(높이, 너비)").astype(float)
    if max(kernel.shape) > MAX_KERNEL_SIDE:
        raise ValueError(
            f"kernel 모양 {kernel.shape}: 칸마다 숫자를 적으므로 {MAX_KERNEL_SIDE}×{MAX_KERNEL_SIDE}까지 그립니다. "
            "큰 이미지는 show_images로 보세요."
        )
    if not isinstance(fmt, str):
        raise TypeError(f"fmt는 '{{:g}}'나 '{{:.2f}}' 같은 형식 문자열이어야 합니다. 받은 값: {short_repr(fmt)}")
    try:
        fmt.format(1.5)
    except (ValueError, IndexError, KeyError, AttributeError) as exc:
        raise ValueError(f"fmt={fmt!r}로 숫자를 쓸 수 없습니다 ({type(exc).__name__}). 예: '{{:g}}', '{{:.2f}}'") from None
    cmap = check_cmap("cmap", cmap)
    if ax is not None and not hasattr(ax, "imshow"):
        raise TypeError(f"ax에는 matplotlib Axes(예: plt.subplots()의 ax)나 None을 주세요. 받은 값: {short_repr(ax)}")
    use_korean_font()
    if ax is None:
        _, ax = plt.subplots(figsize=(0.6 * kernel.shape[1] + 0.8, 0.6 * kernel.shape[0] + 0.8))
    if limit is None:
        limit = float(np.abs(kernel).max()) or 1.0
    elif not (isinstance(limit, (int, float, np.integer, np.floating)) and np.isfinite(limit) and limit > 0):
        raise ValueError(f"limit은 0보다 큰 수여야 합니다 (색 눈금 −limit..limit). 받은 값: {short_repr(limit)}")
    limit = float(limit)
    ax.imshow(kernel, cmap=cmap, vmin=-limit, vmax=limit)
    for (r, c), v in np.ndenumerate(kernel):
        ax.text(c, r, fmt.format(round(v, 3)), ha="center", va="center", fontsize=10,
                color="white" if abs(v) > 0.6 * limit else "black")
    ax.set_xticks([])
    ax.set_yticks([])
    if title:
        ax.set_title(title, fontsize=11)
    return ax.figure


def show_feature_maps(maps, *, titles=None, ncols: int = 8, size: float = 1.6, cmap: str = "viridis", suptitle=None):
    """특징 맵 (H, W, C) 또는 (1, H, W, C)의 채널을 한 장씩 격자로 보여 줍니다."""
    maps = to_array("maps", maps)
    if np.ndim(maps) == 4 and np.shape(maps)[0] == 1:
        maps = maps[0]
    maps = check_array("maps", maps, 3, what="(높이, 너비, 채널)")
    channels = np.moveaxis(maps, -1, 0)
    if len(channels) > MAX_IMAGES:
        raise ValueError(
            f"채널이 {len(channels):,}개입니다. 한 번에 {MAX_IMAGES}개까지 그립니다: maps[..., :16]처럼 일부만 주세요."
        )
    if titles is None:
        titles = [f"채널 {i}" for i in range(len(channels))]
    return show_images(list(channels), titles, ncols=ncols, cmap=cmap, size=size, suptitle=suptitle)


def show_branch_responses(images, kernels: dict, names):
    """손으로 정한 필터들을 같은 입력에 가지처럼 나란히 적용하고(7강 1절), 그림과 최댓값 표를 돌려줍니다.

    images: (N, H, W, 1) 흑백 입력, kernels: {가지 이름: 홀수 크기 정사각 2차원 필터}, names: 입력마다 이름(N개).
    가지마다 same 패딩 Conv2D(필터 1개, 편향 없음) + ReLU를 두고 가중치를 필터 값으로 정합니다. 한 행에 입력 하나,
    열마다 가지 하나의 출력을 같은 색 범위(0~1)로 그립니다. 돌려주는 표: 행 = 입력, 열 = 가지, 값 = 출력의 최댓값.
    """
    images = check_array("images", to_array("images", images), 4, what="(장 수, 높이, 너비, 1)")
    if images.shape[-1] != 1:
        raise ValueError(f"images는 흑백(채널 1개)이어야 합니다. 받은 모양: {images.shape}")
    if not isinstance(kernels, dict) or not kernels:
        raise TypeError(f"kernels는 {{가지 이름: 2차원 필터}} 사전이어야 합니다. 받은 값: {short_repr(kernels)}")
    for key, k in kernels.items():
        k = np.asarray(k)
        if k.ndim != 2 or k.shape[0] != k.shape[1] or k.shape[0] % 2 == 0:
            raise ValueError(f"kernels[{key!r}]는 홀수 크기의 정사각 2차원 필터여야 합니다. 받은 모양: {k.shape}")
    names = list(names) if isinstance(names, (list, tuple)) else names
    if not isinstance(names, list) or len(names) != len(images):
        raise ValueError(f"names는 입력 {len(images)}장마다 이름 하나씩인 목록이어야 합니다. 받은 값: {short_repr(names)}")
    import pandas as pd

    from . import _lazy

    keras = _lazy.keras()
    image_in = keras.Input(shape=images.shape[1:])
    convs = [keras.layers.Conv2D(1, np.shape(k)[0], padding="same", activation="relu", use_bias=False)
             for k in kernels.values()]
    model = keras.Model(image_in, [conv(image_in) for conv in convs])  # 함수형 API: 입력 하나, 출력이 가지 수만큼
    for conv, k in zip(convs, kernels.values()):
        conv.set_weights([np.asarray(k, dtype="float32")[:, :, None, None]])
    outputs = [np.asarray(out) for out in model(images.astype("float32"))]
    peaks = pd.DataFrame({key: [float(out[i].max()) for i in range(len(images))] for key, out in zip(kernels, outputs)},
                         index=names)
    use_korean_font()
    fig, axes = plt.subplots(len(images), len(kernels) + 1, figsize=(2 * (len(kernels) + 1), 2.1 * len(images)),
                             layout="constrained", squeeze=False)
    for row, name in enumerate(names):
        axes[row, 0].imshow(images[row, :, :, 0], cmap="gray")
        axes[row, 0].set_title(f"입력: {name}", fontsize=9)
        for col, (key, out) in enumerate(zip(kernels, outputs), start=1):
            axes[row, col].imshow(out[row, :, :, 0], cmap="viridis", vmin=0, vmax=1)
            axes[row, col].set_title(f"{key} 가지: 최대 {peaks.loc[name, key]:.2f}", fontsize=9)
    for ax in axes.flat:
        ax.axis("off")
    plt.show()
    return peaks


def plot_history(history, metrics=("loss", "accuracy"), *, title: str | None = None, mark_epoch: int | None = None,
                 mark_label: str = "표시한 에포크", ylim: tuple | None = None):
    """Keras History(또는 그 .history 사전)의 학습·검증 곡선을 지표별로 나란히 그립니다.

    mark_epoch: 이 에포크(1부터)에 점선을 긋고 범례에 "mark_label (에포크)"로 적습니다(예: 조기 종료가 남긴 에포크).
    ylim: (아래, 위) 세로축 범위. 위를 자르면 세로축 이름에 잘렸다고 적습니다.
    """
    logs = getattr(history, "history", history)
    if not isinstance(logs, dict):
        raise TypeError("history는 model.fit()이 돌려준 History 또는 그 .history 사전이어야 합니다.")
    if isinstance(metrics, str):  # 'loss' 하나만 주면 글자마다가 아니라 그 지표 하나를
        metrics = [metrics]
    if not isinstance(metrics, (list, tuple)) or not all(isinstance(m, str) for m in metrics):
        raise TypeError(f"metrics는 지표 이름(문자열)의 목록이어야 합니다 (예: ['loss']). 받은 값: {short_repr(metrics)}")
    if title is not None and not isinstance(title, str):
        raise TypeError(f"title은 문자열이거나 None이어야 합니다. 받은 값: {short_repr(title)}")
    metrics = [m for m in metrics if m in logs]
    for key in [k for m in metrics for k in (m, f"val_{m}") if k in logs]:
        try:
            values = np.asarray(logs[key], dtype=float)
        except (TypeError, ValueError):
            raise TypeError(f"history[{key!r}]는 에포크마다의 숫자 목록이어야 합니다. 받은 값: {short_repr(logs[key])}") from None
        if values.ndim != 1 or values.size == 0:
            raise ValueError(f"history[{key!r}]는 에포크마다 값이 하나씩 있는 비어 있지 않은 목록이어야 합니다. 받은 값: {short_repr(logs[key])}")
        if key.startswith("val_") and values.size != len(logs[key[4:]]):
            raise ValueError(f"history[{key!r}]의 길이 {values.size}가 history[{key[4:]!r}]의 길이 {len(logs[key[4:]])}와 다릅니다.")
    if not metrics:
        raise ValueError(f"그릴 지표가 없습니다. history에 있는 지표: {sorted(logs)}")
    if mark_epoch is not None:
        mark_epoch = check_int("mark_epoch", mark_epoch, minimum=1, maximum=len(logs[metrics[0]]))
    if ylim is not None and (not isinstance(ylim, (list, tuple)) or len(ylim) != 2 or not ylim[0] < ylim[1]):
        raise ValueError(f"ylim은 (아래, 위)처럼 아래 < 위인 두 수여야 합니다. 받은 값: {short_repr(ylim)}")
    use_korean_font()
    labels = {"loss": "손실", "accuracy": "정확도"}
    fig, axes = plt.subplots(1, len(metrics), figsize=(4.5 * len(metrics), 3.2), squeeze=False)
    for ax, m in zip(axes.flat, metrics):
        epochs = np.arange(1, len(logs[m]) + 1)
        ax.plot(epochs, logs[m], "o-", label="학습")
        if f"val_{m}" in logs:
            ax.plot(epochs, logs[f"val_{m}"], "s--", label="검증")
        if mark_epoch is not None:
            ax.axvline(mark_epoch, color="gray", linestyle=":", label=f"{mark_label} ({mark_epoch})")
        ax.set_xlabel("에포크")
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))  # 에포크는 정수: 1.5 같은 눈금 없이
        ax.set_ylabel(labels.get(m, m) + (f" ({ylim[1]:g} 위는 잘림)" if ylim is not None else ""))
        if ylim is not None:
            ax.set_ylim(*ylim)
        ax.grid(alpha=0.3)
        ax.legend()
    if title:
        fig.suptitle(title)
    fig.tight_layout()
    return fig


def plot_grouped_bars(values, series, groups, *, group_label: str = "{}", ylabel: str = "정확도 (%)",
                      title: str | None = None):
    """정확도 같은 0~1 값을 묶음마다 막대 여러 개로 그리고, 막대 위에 백분율을 적습니다 (6강의 전이 학습 비교).

    Args:
        values: (계열, 묶음) → 0~1 값인 사전. 예: ``{("특징 추출", 2): 0.69, ...}``. 값이 목록(시드마다 한 번의
            실행)이면 막대는 평균, 막대 끝의 검은 선은 최솟값 ~ 최댓값입니다.
        series: 계열 이름의 목록(범례, 묶음 안의 막대 순서).
        groups: 묶음의 목록(x축 순서). x축 글은 ``group_label.format(묶음)``.
    """
    if not isinstance(values, dict):
        raise TypeError(f"values는 (계열, 묶음) → 값인 사전이어야 합니다. 받은 값: {short_repr(values)}")
    series, groups = list(series), list(groups)
    if not series or not groups:
        raise ValueError("series와 groups는 비어 있지 않아야 합니다.")
    missing = [(s, g) for s in series for g in groups if (s, g) not in values]
    if missing:
        raise KeyError(f"values에 없는 (계열, 묶음)이 있습니다: {missing[:3]}")
    if title is not None and not isinstance(title, str):
        raise TypeError(f"title은 문자열이거나 None이어야 합니다. 받은 값: {short_repr(title)}")
    use_korean_font()
    width = 0.8 / len(series)
    fig, ax = plt.subplots(figsize=(8, 3.6))
    for i, name in enumerate(series):
        runs = [np.atleast_1d(np.asarray(values[name, g], dtype=float)) for g in groups]
        if any(r.size == 0 for r in runs):
            raise ValueError(f"values[{name!r}, …]에 빈 목록이 있습니다. 값이 하나 이상 있어야 합니다.")
        heights = [r.mean() for r in runs]
        spread = [[100 * (m - r.min()) for m, r in zip(heights, runs)], [100 * (r.max() - m) for m, r in zip(heights, runs)]]
        offset = (i - (len(series) - 1) / 2) * width
        bars = ax.bar(np.arange(len(groups)) + offset, [100 * v for v in heights], width=width, label=name,
                      yerr=spread if max(r.size for r in runs) > 1 else None, capsize=3, error_kw={"lw": 1})
        ax.bar_label(bars, labels=[f"{v:.1%}" for v in heights], fontsize=8, padding=2)
    ax.set_xticks(np.arange(len(groups)), [group_label.format(g) for g in groups])
    ax.set_ylim(0, 110)  # 100% 막대 위의 값 글자가 위 테두리에 닿지 않도록 여백을 둡니다
    ax.set_yticks(range(0, 101, 20))
    ax.set_ylabel(ylabel)
    if title:
        ax.set_title(title)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.12), ncol=len(series), fontsize=9)
    return fig
