"""5강 TensorBoard 화면 견본을 만듭니다: cnn_helpers/_data/tensorboard_lenet5.png (이 강의가 직접 찍은 화면).

5강 더 알아보기 "TensorBoard로 학습 기록 보기"의 두 셀은 미리 실행해 두지 않아, GitHub에서 읽는 학생은 아무것도
보지 못합니다. 그래서 같은 학습을 여기서 한 번 하고, 그 기록을 연 진짜 TensorBoard를 찍어 패키지 안에 둡니다.
노트북은 `IPython.display.Image(filename=ch.data.TENSORBOARD_SCREENSHOT)`로 보여 줍니다 (Colab에서도).

1. 강의에 들어 있는 MNIST(학습 7,000장)의 앞 700장을 검증, 나머지 6,300장을 학습에 쓰고(5강과 같음), 5강의
   LeNet-5를 Adam(학습률 0.003), 배치 128로 5 에포크 학습하며 `keras.callbacks.TensorBoard(log_dir, histogram_freq=1)`로
   임시 폴더에 기록합니다 (시드 0).
2. 같은 파이썬 환경의 TensorBoard를 빈 포트에 띄우고, Debian의 Chromium(/usr/bin/chromium)을 Playwright로 다뤄
   TIME SERIES 화면(TensorBoard 2.x가 처음 여는 화면)에서 epoch_accuracy와 epoch_loss 카드(train과 validation 두 실행)를
   찍습니다. 평활(smoothing)은 0으로 두어 선이 에포크마다의 실제 값을 잇게 합니다.
3. HISTOGRAMS 탭에서 계층마다 가중치(kernel)의 분포를 찍은 두 번째 그림도 만듭니다:
   cnn_helpers/_data/tensorboard_lenet5_histograms.png
4. 어느 경우든 TensorBoard를 끕니다.

    python assets/make_tensorboard_screenshot.py

필요한 것: TensorFlow·TensorBoard(패키지 의존성), playwright(파이썬 패키지; `playwright install`은 필요 없음),
Chromium(`apt-get install chromium`). CPU에서 30초쯤 걸립니다.

TensorBoard: The TensorFlow Authors — Apache-2.0. MNIST: Yann LeCun, Corinna Cortes, Christopher J. C. Burges — CC BY-SA 3.0.
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from io import BytesIO
from pathlib import Path

import numpy as np
from PIL import Image

ROOT = Path(__file__).resolve().parents[1]

OUT = ROOT / "cnn_helpers" / "_data" / "tensorboard_lenet5.png"
OUT_HISTOGRAMS = ROOT / "cnn_helpers" / "_data" / "tensorboard_lenet5_histograms.png"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--no-first-run"]
MAX_BYTES = 250_000  # 이보다 크면 256색 팔레트로 줄입니다
# TensorBoard가 브라우저의 localStorage에서 읽는 전역 설정: 바깥값을 잘라 내지 않고(첫 에포크의 낮은 학습 정확도도
# 보이게), 평활 없이, 오른쪽 설정 창은 닫은 채로.
BOARD_SETTINGS = {"ignoreOutliers": False, "scalarSmoothing": 0, "timeSeriesSettingsPaneOpened": False}
SCALAR_TAGS = "epoch_(accuracy|loss)"  # 학습률(epoch_learning_rate)과 evaluation_*_vs_iterations 카드는 뺍니다
RUNS = ("train", "validation")


def train_with_log(log_dir: str) -> dict:
    """5강의 TensorBoard 셀과 같은 학습을 하며 log_dir에 기록하고 History.history를 돌려줍니다."""
    import cnn_helpers as ch
    from cnn_helpers import _lazy
    from cnn_helpers.models.lenet import lenet5

    keras = _lazy.keras()  # TensorFlow를 조용히, oneDNN 없이 (어느 CPU에서나 같은 반올림)
    (x_train, y_train), _ = ch.load_mnist(verbose=False)
    x_train = x_train[..., None] / 255.0  # 채널 축을 더하고 0..1로 (5강과 같음)
    n_val = len(x_train) // 10  # 700장
    x_val, y_val = x_train[:n_val], y_train[:n_val]
    x_fit, y_fit = x_train[n_val:], y_train[n_val:]
    keras.utils.set_random_seed(0)
    model = lenet5()  # 5강의 lenet5_sequential과 같은 계층·이름 (매개변수 61,706개)
    assert model.count_params() == 61_706
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.003), loss="sparse_categorical_crossentropy",
                  metrics=["accuracy"])
    log = model.fit(x_fit, y_fit, batch_size=128, epochs=5, validation_data=(x_val, y_val),
                    callbacks=[keras.callbacks.TensorBoard(log_dir, histogram_freq=1)], verbose=0)
    return log.history


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_tensorboard(log_dir: str, port: int, errors) -> subprocess.Popen:
    """이 파이썬 환경의 TensorBoard를 하위 프로세스로 띄웁니다 (TensorFlow 로그는 조용히)."""
    from cnn_helpers._lazy import quiet_tf_env

    command = [sys.executable, "-m", "tensorboard.main", "--logdir", log_dir, "--port", str(port),
               "--host", "127.0.0.1"]
    return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=errors, env=quiet_tf_env())


def wait_for_runs(url: str, board: subprocess.Popen, errors_path: Path, timeout: float = 120.0) -> None:
    """TensorBoard가 HTTP로 답하고 train·validation 두 실행을 다 읽을 때까지 기다립니다."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if board.poll() is not None:
            raise RuntimeError(f"TensorBoard가 멈췄습니다 (종료 코드 {board.returncode}):\n"
                               + errors_path.read_text(errors="replace")[-2000:])
        try:
            with urllib.request.urlopen(url + "data/runs", timeout=2) as response:
                if set(RUNS) <= set(json.load(response)):
                    return
        except OSError:
            pass
        time.sleep(0.3)
    raise TimeoutError(f"TensorBoard가 {timeout:.0f}초 안에 두 실행 {RUNS}을(를) 읽지 못했습니다.")


def rgb(css: str) -> tuple[int, int, int]:
    """'rgb(18, 181, 203)' → (18, 181, 203)"""
    return tuple(int(v) for v in css[css.index("(") + 1 : css.index(")")].split(",")[:3])


def shoot_scalars(page, url: str) -> Image.Image:
    """TIME SERIES 화면의 epoch_accuracy·epoch_loss 카드를 찍고, 두 실행의 선이 두 그래프에 다 그려졌는지 확인합니다."""
    page.goto(f"{url}?tagFilter={SCALAR_TAGS.replace('|', '%7C')}#timeseries")
    cards = page.locator("scalar-card")
    page.wait_for_function("document.querySelectorAll('scalar-card').length === 2")
    for i in range(2):  # 카드마다 데이터 표에 두 실행의 줄이 생길 때까지
        for run in RUNS:
            cards.nth(i).locator("tb-data-table-content-row", has_text=run).wait_for()
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(1500)  # 선은 별도 작업자(worker)가 캔버스에 그립니다
    titles = [cards.nth(i).locator("tb-truncated-path").first.get_attribute("title") for i in range(2)]
    if sorted(titles) != ["epoch_accuracy", "epoch_loss"]:
        raise RuntimeError(f"카드의 이름이 {titles}입니다 (epoch_accuracy, epoch_loss여야 함).")
    colours = {}
    for run in RUNS:  # 데이터 표의 색 견본에서 실행마다의 색을 읽습니다
        swatch = cards.first.locator("tb-data-table-content-row", has_text=run).locator("span[style*='background-color']")
        colours[run] = rgb(swatch.first.get_attribute("style"))
    charts = [cards.nth(i).locator("line-chart canvas").first.bounding_box() for i in range(2)]
    bottom = max(card.bounding_box()["y"] + card.bounding_box()["height"] for card in cards.all())
    shot = Image.open(BytesIO(page.screenshot())).convert("RGB")
    pixels = np.asarray(shot, np.int32)
    for title, box in zip(titles, charts):
        x0, y0 = int(box["x"]), int(box["y"])
        area = pixels[y0 : y0 + int(box["height"]), x0 : x0 + int(box["width"])]
        for run, colour in colours.items():
            drawn = int((np.abs(area - np.array(colour)).sum(axis=-1) < 40).sum())
            if drawn < 100:
                raise RuntimeError(f"'{title}' 그래프에 {run} 선({colour})이 보이지 않습니다 (화소 {drawn}개).")
    return shot.crop((0, 0, shot.width, min(shot.height, int(bottom) + 17)))  # 카드 아래의 빈 곳은 자릅니다


def shoot_histograms(page, url: str) -> Image.Image:
    """HISTOGRAMS 탭에서 다섯 계층의 가중치(kernel) 분포 카드를 찍습니다."""
    page.goto(f"{url}#histograms&tagFilter=kernel")
    loaders = page.locator("tf-histogram-loader")  # Polymer의 그림자 DOM 안: Playwright의 CSS 선택자는 그 안도 찾습니다
    loaders.nth(4).wait_for()
    for i in range(5):  # 에포크 5개의 분포 곡선이 다 그려질 때까지 (카드마다 path가 여럿)
        loaders.nth(i).locator("vz-histogram-timeseries svg path.outline").nth(4).wait_for(state="attached")
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(1000)
    boxes = [loaders.nth(i).bounding_box() for i in range(5)]  # 필터에 맞는 다섯 카드 (그 아래는 계층별 묶음)
    shot = Image.open(BytesIO(page.screenshot())).convert("RGB")
    return shot.crop((0, 0, shot.width, min(shot.height, int(max(b["y"] + b["height"] for b in boxes)) + 16)))


def save_png(image: Image.Image, path: Path) -> None:
    image.save(path, optimize=True)
    if path.stat().st_size > MAX_BYTES:  # 화면 그림은 색이 적어 팔레트로 줄여도 거의 같아 보입니다
        image.quantize(colors=256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE).save(path, optimize=True)
    print(f"{path.relative_to(ROOT)}: {image.width}×{image.height} 화소, {path.stat().st_size:,} 바이트")


def main() -> None:
    from playwright.sync_api import sync_playwright

    if not CHROMIUM.exists():
        raise SystemExit(f"{CHROMIUM}가 없습니다: apt-get install chromium")
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="lenet5-logs-") as log_dir:
        history = train_with_log(log_dir)
        last = {k: round(v[-1], 4) for k, v in history.items()}
        print(f"5 에포크 학습 ({time.monotonic() - started:.0f}초), 마지막 에포크: {last}")
        errors_path = Path(log_dir).parent / f"{Path(log_dir).name}-tensorboard.txt"
        port = free_port()
        url = f"http://127.0.0.1:{port}/"
        with open(errors_path, "w") as errors:
            board = start_tensorboard(log_dir, port, errors)
            try:
                wait_for_runs(url, board, errors_path)
                with sync_playwright() as p:
                    browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
                    try:
                        context = browser.new_context(viewport={"width": 1280, "height": 800}, color_scheme="light")
                        context.add_init_script(
                            f"localStorage.setItem('_tb_global_settings', {json.dumps(json.dumps(BOARD_SETTINGS))});")
                        page = context.new_page()
                        page.set_default_timeout(60_000)
                        scalars = shoot_scalars(page, url)
                        page.set_viewport_size({"width": 1280, "height": 1000})
                        histograms = shoot_histograms(page, url)
                    finally:
                        browser.close()
            finally:
                board.terminate()
                try:
                    board.wait(10)
                except subprocess.TimeoutExpired:
                    board.kill()
                    board.wait()
        errors_path.unlink(missing_ok=True)
    save_png(scalars, OUT)
    save_png(histograms, OUT_HISTOGRAMS)
    print(f"모두 {time.monotonic() - started:.0f}초")


if __name__ == "__main__":
    main()
