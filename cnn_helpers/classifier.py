"""분류 모델을 학습·평가하고 들여다보는 강의 셀의 부기 코드 (5강).

강의 셀에는 생각을 담은 몇 줄만 남기고, 정렬하고 고르고 그리는 코드는 여기에 둡니다.

- `draw_training_loop()`: 한 걸음의 흐름(배치 → 순전파 → 손실 → 기울기 → 갱신)과 에포크를 한 장에 그립니다.
- `draw_descent_paths(paths)`: L(w) = (w − 2)²/2 위에 학습률마다의 경사 하강 걸음을 나란히 그립니다.
- `draw_scalar_graph(c, w)`: 곱셈 노드 하나(u = c·w, L = u²/2)의 계산 그래프에 값과 기울기를 적습니다.
- `draw_tiny_backprop(x, W1, W2, a, h, z, p, dz, dh, da)`: 2–2–3 신경망에 순전파 값과 역전파 기울기를 적습니다.
- `show_confusion(confusion)`: 혼동 행렬(행 = 정답, 열 = 예측)을 개수와 함께 그립니다.
- `confused_pairs(confusion)`: 여러 장 헷갈린 (장 수, 정답, 예측) 쌍을 많은 것부터.
- `wrong_examples(y_true, y_pred)`: 틀린 이미지의 번호를 많이 헷갈린 쌍부터.
- `paired_examples(y_true, y_pred, wrong)`: 틀린 이미지마다 정답이 같고 모델이 맞힌 이미지를 하나씩 짝지음.
- `strongest_unit(model, image, layer)`: 한 계층에서 가장 크게 켜진 (채널, (행, 열)).
"""

from __future__ import annotations

import numpy as np

from . import _lazy

__all__ = ["draw_training_loop", "draw_descent_paths", "draw_scalar_graph", "draw_tiny_backprop", "show_confusion", "confused_pairs", "wrong_examples", "paired_examples",
           "strongest_unit"]

# 한 걸음의 네 단계: (상자 글, 화살표 옆 설명)
LOOP_STEPS = (
    ("배치\n(이미지 여러 장)", "순전파"),
    ("확률\n(소프트맥스)", "정답과 비교"),
    ("손실\n(교차 엔트로피)", "역전파\n(계층을 거꾸로 지나며)"),
    ("기울기\n(가중치마다)", "옵티마이저에게"),
)


def draw_training_loop():
    """한 걸음의 흐름을 왼쪽에서 오른쪽으로, 다음 배치로 돌아가는 화살표와 에포크를 함께 그립니다."""
    import matplotlib.pyplot as plt
    from matplotlib.patches import FancyBboxPatch

    from .plotting import use_korean_font

    use_korean_font()
    fig, ax = plt.subplots(figsize=(10, 2.9), layout="constrained")
    ax.set(xlim=(0, 10), ylim=(0, 3.2))
    ax.axis("off")
    boxes = [step for step, _ in LOOP_STEPS] + ["가중치 고치기\n(SGD: $w - \\eta\\,\\partial L/\\partial w$)"]
    centers = [1.0 + 2.0 * k for k in range(len(boxes))]
    for k, (x, text) in enumerate(zip(centers, boxes)):
        color = "#fde2c8" if k == len(boxes) - 1 else "#dbe9f6"
        ax.add_patch(FancyBboxPatch((x - 0.78, 1.55), 1.56, 0.9, boxstyle="round,pad=0.05", facecolor=color,
                                    edgecolor="0.3"))
        ax.text(x, 2.0, text, ha="center", va="center", fontsize=10 if k < len(boxes) - 1 else 9)
    for k, (_, label) in enumerate(LOOP_STEPS):
        ax.annotate("", xy=(centers[k + 1] - 0.84, 2.0), xytext=(centers[k] + 0.84, 2.0),
                    arrowprops={"arrowstyle": "->", "lw": 1.5})
        ax.text((centers[k] + centers[k + 1]) / 2, 2.62, label, ha="center", va="bottom", fontsize=8.5,
                color="tab:red" if label.startswith("역전파") else "0.2")
    ax.annotate("", xy=(centers[0], 1.5), xytext=(centers[-1], 1.5),
                arrowprops={"arrowstyle": "->", "lw": 1.5, "color": "tab:green", "connectionstyle": "arc3,rad=-0.25"})
    ax.text(5.0, 0.98, "새 배치로 되풀이 (고치는 규칙은 옵티마이저마다 다름: 이 강의는 Adam)", ha="center", va="center", fontsize=10, color="tab:green")
    ax.text(5.0, 0.05, "배치마다 한 걸음, 학습 데이터를 한 번 다 쓰면 한 에포크 (에포크 끝의 검증과 조기 종료는 뒤에서)",
            ha="center", va="center", fontsize=9.5, color="0.25")
    ax.set_title("한 걸음의 흐름: model.fit이 걸음마다 되풀이하는 일", fontsize=11)
    return fig


def draw_descent_paths(paths, bottom: float = 2.0):
    """paths {학습률: [w₀, w₁, …]}의 걸음을 손실 L(w) = (w − bottom)²/2 위에 학습률마다 한 칸씩 그립니다."""
    import matplotlib.pyplot as plt

    from .plotting import use_korean_font

    if not isinstance(paths, dict) or not paths or len(paths) > 6:
        raise ValueError("paths는 {학습률: [w₀, w₁, …]} 사전이어야 하고, 학습률은 1~6개입니다.")
    walks = {}
    for rate, path in paths.items():
        w = np.asarray(path, dtype=float) if np.ndim(path) == 1 else None
        if w is None or w.size < 2 or not np.all(np.isfinite(w)):
            raise ValueError(f"학습률 {rate}의 걸음은 유한한 수가 두 개 이상인 목록이어야 합니다. 받은 값: {path!r}")
        walks[rate] = w
    loss = lambda w: (w - bottom) ** 2 / 2  # noqa: E731
    use_korean_font()
    fig, axes = plt.subplots(1, len(walks), figsize=(4 * len(walks), 2.6), layout="constrained", squeeze=False)
    for ax, (rate, w) in zip(axes.flat, walks.items()):
        grid = np.linspace(min(w.min(), bottom) - 0.5, max(w.max(), bottom) + 0.5, 200)
        ax.plot(grid, loss(grid), color="gray", label="손실 L(w)")
        ax.plot(w, loss(w), "o-", color="tab:red", label="걸음")
        ax.plot(w[0], loss(w[0]), "ks", label=f"시작 w = {w[0]:g}".replace("-", "−"))
        ax.axvline(bottom, color="gray", linestyle=":", label=f"바닥 w = {bottom:g}")
        ax.set(title=f"학습률 {rate}", xlabel="가중치 w")
    axes.flat[0].set_ylabel("손실")
    axes.flat[0].legend(loc="upper center", fontsize=8)  # 바닥의 점선을 가리지 않게
    fig.suptitle("점선은 바닥, 검은 네모는 시작점 (세로축 범위는 그림마다 다름)", fontsize=10)
    return fig


# 가중치 글자를 놓을 자리: 선의 끝(들어가는 노드) 가까이, 시작에서 끝까지의 비율. 선들이 엇갈리는 가운데를 피하고,
# 한 노드로 들어가는 선은 끝 가까이에서 서로 떨어져 있어 글자마다 어느 선의 것인지 분명합니다.
WEIGHT_LABEL_AT = {"x": 0.66, "h": 0.7}


def draw_tiny_backprop(x, W1, W2, a, h, z, p, dz, dh, da):
    """입력 2 → 은닉 2(ReLU) → 부류 3 신경망: 선에 가중치, 노드 위에 순전파 값(검정), 아래에 기울기(빨강).

    선 하나(은닉 0 → 점수 0)에는 "출력 쪽에서 온 기울기 × 국소 기울기"의 곱셈 하나를 적습니다."""
    import matplotlib.pyplot as plt

    from .plotting import use_korean_font

    use_korean_font()
    fig, ax = plt.subplots(figsize=(8.4, 5.4), layout="constrained")
    ax.set(xlim=(-0.9, 7.1), ylim=(-1.5, 4.6), aspect="equal")
    ax.axis("off")
    spots = {"x": [(0, 3.0), (0, 0.6)], "h": [(3, 3.0), (3, 0.6)], "z": [(6, 3.6), (6, 1.8), (6, 0.0)]}
    edges = [(src, dst, W, i, j, spots[src][i], spots[dst][j])
             for src, dst, W in (("x", "h", W1), ("h", "z", W2))
             for i in range(len(spots[src])) for j in range(len(spots[dst]))]
    for *_, start, stop in edges:
        ax.plot(*zip(start, stop), color="0.75", zorder=0)
    spot_of = {}  # 선마다 가중치 글자를 놓은 비율 t
    for src, _, W, i, j, start, stop in edges:
        t = spot_of[(start, stop)] = WEIGHT_LABEL_AT[src]
        angle = np.degrees(np.arctan2(stop[1] - start[1], stop[0] - start[0]))  # 글자를 선의 방향으로 눕힘
        ax.text(start[0] + t * (stop[0] - start[0]), start[1] + t * (stop[1] - start[1]), f"{W[i, j]:g}".replace("-", "−"),
                fontsize=9, color="0.2", rotation=angle, rotation_mode="anchor", transform_rotates_text=True,
                fontfamily="DejaVu Sans", ha="center", va="center", zorder=2,
                bbox={"boxstyle": "round,pad=0.25", "facecolor": "white", "edgecolor": "0.6", "linewidth": 0.6})
    boxed = {"facecolor": "white", "edgecolor": "none", "pad": 0.5, "alpha": 0.9}
    rows = {"x": [(f"x={v:g}", "") for v in x],
            "h": [(f"a={a[j]:g}, h={h[j]:g}", f"$\\partial L/\\partial h$={dh[j]:.3f}\n$\\partial L/\\partial a$={da[j]:.3f}")
                  for j in range(len(h))],
            "z": [(f"z={z[k]:g}, p={p[k]:.3f}", f"$\\partial L/\\partial z$={dz[k]:.3f}") for k in range(len(z))]}
    for name, places in spots.items():
        for (cx, cy), (up, down) in zip(places, rows[name]):
            ax.add_patch(plt.Circle((cx, cy), 0.2, facecolor="#dbe9f6", edgecolor="0.3", zorder=3))
            ax.text(cx, cy + 0.3, up, ha="center", va="bottom", fontsize=9.5, bbox=boxed, zorder=4)
            if down:
                ax.text(cx, cy - 0.3, down, ha="center", va="top", fontsize=9.5, color="tab:red", bbox=boxed, zorder=4)
    # 곱셈 하나: ∂L/∂W2[0,0] = (출력 쪽에서 온 기울기 ∂L/∂z0) × (국소 기울기 h0)
    (hx, hy), (zx, zy) = spots["h"][0], spots["z"][0]
    product = dz[0] * h[0]
    t = spot_of[((hx, hy), (zx, zy))] - 0.3  # 화살표 끝이 가중치 글자를 가리지 않게, 같은 선의 앞쪽을 가리킵니다
    ax.annotate(f"출력 쪽에서 온 기울기 × 국소 기울기\n$\\partial L/\\partial W_{{2,00}}$ = $\\partial L/\\partial z_0$ × $h_0$"
                f" = ({dz[0]:.3f}) × {h[0]:g} = {product:.3f}",
                xy=(hx + t * (zx - hx), hy + t * (zy - hy)), xytext=(hx + 0.2, 4.45), ha="center", va="top", fontsize=9.5,
                color="tab:red", arrowprops={"arrowstyle": "->", "color": "tab:red"}, zorder=5)
    for cx, title in zip((0, 3, 6), ("입력", "은닉 (ReLU)", "점수, 소프트맥스")):
        ax.text(cx, -0.9, title, ha="center", va="center", fontsize=10)
    ax.annotate("", xy=(6.3, -1.3), xytext=(-0.3, -1.3), arrowprops={"arrowstyle": "->", "color": "0.2"})
    ax.text(3, -1.25, "순전파: 입력 쪽에서 출력 쪽으로", ha="center", va="bottom", fontsize=9, color="0.2")
    ax.annotate("", xy=(-0.3, -1.45), xytext=(6.3, -1.45), arrowprops={"arrowstyle": "->", "color": "tab:red"})
    ax.text(3, -1.5, "역전파: 출력 쪽에서 입력 쪽으로", ha="center", va="top", fontsize=9, color="tab:red")
    ax.set_title("작은 신경망: 선 끝 가까이의 상자는 그 선의 가중치, 검정은 순전파 값, 빨강은 역전파 기울기", fontsize=11)
    return fig


def draw_scalar_graph(c: float = 3.0, w: float = 2.0):
    """곱셈 노드 하나의 계산 그래프: w와 c → 곱셈 u = c·w → L = u²/2.

    선 위(검정)에는 순전파 값, 선 아래(빨강)에는 역전파 기울기(∂L/∂그 값)를 적습니다."""
    import matplotlib.pyplot as plt

    from .plotting import use_korean_font

    for name, value in (("c", c), ("w", w)):
        if isinstance(value, bool) or not isinstance(value, (int, float, np.integer, np.floating)) or not np.isfinite(value):
            raise ValueError(f"{name}는 유한한 실수여야 합니다. 받은 값: {value!r}")
    u = c * w
    loss = u * u / 2
    du = u                   # ∂L/∂u = u
    grads = {"w": du * c, "c": du * w}  # 곱셈 노드: 출력 쪽에서 온 기울기 × 다른 입력
    num = lambda v: f"{v:g}".replace("-", "−")  # noqa: E731
    use_korean_font()
    fig, ax = plt.subplots(figsize=(8, 2.6), layout="constrained")
    ax.set(xlim=(-0.6, 7.6), ylim=(-0.6, 2.7), aspect="equal")
    ax.axis("off")
    nodes = {"×": (3.0, 1.1), "제곱/2": (5.5, 1.1)}
    for label, (cx, cy) in nodes.items():
        ax.add_patch(plt.Circle((cx, cy), 0.42, facecolor="#dbe9f6", edgecolor="0.3", zorder=3))
        ax.text(cx, cy, label, ha="center", va="center", fontsize=11 if label == "×" else 9, zorder=4)
    edges = [((0.0, 2.0), (2.6, 1.3), "w", w, grads["w"]), ((0.0, 0.2), (2.6, 0.9), "c", c, grads["c"]),
             ((3.42, 1.1), (5.08, 1.1), "u", u, du), ((5.92, 1.1), (7.4, 1.1), "L", loss, 1.0)]
    for start, stop, name, value, grad in edges:
        ax.annotate("", xy=stop, xytext=start, arrowprops={"arrowstyle": "->", "lw": 1.4, "color": "0.3"})
        mx, my = (start[0] + stop[0]) / 2, (start[1] + stop[1]) / 2
        ax.text(mx, my + 0.18, f"{name} = {num(value)}", ha="center", va="bottom", fontsize=10)
        ax.text(mx, my - 0.24, f"$\\partial L/\\partial {name}$ = {num(grad)}", ha="center", va="top", fontsize=10,
                color="tab:red")
    ax.text(3.0, 2.45, f"곱셈 노드: w로 가는 기울기 = 출력 쪽에서 온 기울기 {num(du)} × 다른 입력 c({num(c)}) = {num(du * c)}",
            ha="center", va="center", fontsize=9.5, color="tab:red")
    ax.set_title("계산 그래프: 검정은 순전파 값, 빨강은 역전파 기울기", fontsize=11)
    return fig


def show_confusion(confusion, title: str = "혼동 행렬 (시험 데이터, 색은 로그 눈금)"):
    """혼동 행렬(행 = 정답, 열 = 예측)을 로그 눈금 색과 개수로 그립니다 (몇 장짜리 칸도 보이게)."""
    import matplotlib.pyplot as plt

    from .plotting import use_korean_font

    confusion = np.asarray(confusion)
    use_korean_font()
    n = len(confusion)
    fig, ax = plt.subplots(figsize=(4.8, 4.8))
    ax.imshow(np.log1p(confusion), cmap="Blues")
    for (r, c), v in np.ndenumerate(confusion):
        if v:
            ax.text(c, r, int(v), ha="center", va="center", fontsize=8, color="white" if r == c else "black")
    ax.set(xticks=range(n), yticks=range(n), xlabel="예측", ylabel="정답", title=title)
    return fig


def confused_pairs(confusion, min_count: int = 2) -> list[tuple[int, int, int]]:
    """대각선 밖에서 min_count장 이상인 칸을 (장 수, 정답, 예측)으로, 많은 것부터(같으면 정답·예측 차례)."""
    confusion = np.asarray(confusion)
    pairs = [(int(confusion[t, p]), t, p) for t in range(len(confusion)) for p in range(len(confusion))
             if t != p and confusion[t, p] >= min_count]
    return sorted(pairs, key=lambda pair: -pair[0])


def wrong_examples(y_true, y_pred, limit: int = 16, min_count: int = 2) -> np.ndarray:
    """틀린 이미지의 번호 limit개: 여러 장 헷갈린 쌍(많은 것부터)의 이미지를 먼저, 나머지는 번호 차례로."""
    y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
    n = int(max(y_true.max(), y_pred.max())) + 1
    confusion = np.zeros((n, n), int)
    np.add.at(confusion, (y_true, y_pred), 1)
    order = [int(i) for _, t, p in confused_pairs(confusion, min_count)
             for i in np.flatnonzero((y_true == t) & (y_pred == p))]
    order += [int(i) for i in np.flatnonzero(y_true != y_pred) if i not in order]
    return np.array(order[:limit], dtype=int)


def paired_examples(y_true, y_pred, wrong) -> np.ndarray:
    """틀린 이미지마다 [정답이 같고 모델이 맞힌 이미지, 틀린 이미지]를 이어 붙인 번호.

    맞힌 이미지는 짝마다 다른 것을 씁니다(두 틀린 이미지의 정답이 같아도 같은 이미지를 두 번 쓰지 않음)."""
    y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
    correct = np.flatnonzero(y_true == y_pred)
    used, picks = set(), []
    for w in wrong:
        same = [int(i) for i in correct[y_true[correct] == y_true[w]] if int(i) not in used]
        if not same:
            raise ValueError(f"정답이 {y_true[w]}이고 모델이 맞힌 이미지가 더 없습니다.")
        used.add(same[0])
        picks += [same[0], int(w)]
    return np.array(picks, dtype=int)


def strongest_unit(model, image, layer: str = "pool2") -> tuple[int, tuple[int, int]]:
    """이미지 한 장(H, W, C)에서 model의 layer가 가장 크게 켜진 (채널, (행, 열))."""
    keras = _lazy.keras()
    probe = keras.Model(model.inputs, model.get_layer(layer).output)  # 입력 → 그 계층의 출력 (가중치는 model의 것)
    out = np.asarray(probe([np.asarray(image, "float32")[np.newaxis]]))[0]  # (행, 열, 채널)
    row, col, channel = np.unravel_index(int(out.argmax()), out.shape)
    return int(channel), (int(row), int(col))
