"""탐색기 위젯이 보일 화면인지 봅니다: ipywidgets 판과 화면이 맞지 않으면 빈 상자 대신 한국어로 알립니다.

Colab의 위젯 관리자는 ipywidgets 7만, JupyterLab 4는 ipywidgets 8만 그립니다 (README "판과 화면").
커널은 어느 화면이 자신을 보고 있는지 알 수 없으므로, 설치된 것으로 짐작하고 조건을 붙여 말합니다.
"""

from __future__ import annotations

import base64
import sys
from importlib import metadata

__all__ = ["widget_bundle"]

LAB_NEEDS_8 = (
    "알림: 이 환경의 ipywidgets는 {version}입니다. JupyterLab 4는 ipywidgets 8 이상만 그리므로, JupyterLab에서 보고 "
    "있다면 아래 탐색기 자리가 비거나 'Module @jupyter-widgets/controls … is not registered' 오류가 보입니다. "
    "터미널에서 python -m pip install -U \"ipywidgets>=8\"을 실행하고 커널을 다시 시작한 뒤 브라우저를 새로 고치세요. "
    "classic Notebook 6이나 Colab에서 보고 있다면 그대로 두면 됩니다."
)
COLAB_NEEDS_7 = (
    "알림: Colab의 위젯 화면은 ipywidgets 7만 그리는데 이 런타임의 ipywidgets는 {version}입니다. 아래 탐색기가 "
    "보이지 않으면 !pip install \"ipywidgets<8\"을 실행하고 [런타임] → [세션 다시 시작] 뒤 이 셀부터 다시 실행하세요."
)


def _major(version: str | None) -> int | None:
    try:
        return int(str(version).split(".")[0])
    except ValueError:
        return None


def widget_mismatch(ipywidgets_version: str, *, in_colab: bool, jupyterlab_version: str | None) -> str | None:
    """판과 화면이 맞지 않을 때 학생에게 보일 한국어 알림, 맞으면 None.

    >>> widget_mismatch("8.1.5", in_colab=False, jupyterlab_version="4.2.0") is None
    True
    >>> widget_mismatch("7.7.1", in_colab=True, jupyterlab_version=None) is None
    True
    >>> widget_mismatch("7.7.1", in_colab=False, jupyterlab_version="4.2.0").split(". ")[0]
    '알림: 이 환경의 ipywidgets는 7.7.1입니다'
    """
    major = _major(ipywidgets_version)
    if major is None:
        return None
    if in_colab:
        return COLAB_NEEDS_7.format(version=ipywidgets_version) if major >= 8 else None
    lab = _major(jupyterlab_version)
    if major < 8 and lab is not None and lab >= 4:
        return LAB_NEEDS_8.format(version=ipywidgets_version)
    return None


def _installed(name: str) -> str | None:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return None


def current_mismatch() -> str | None:
    """지금 커널의 환경에서 widget_mismatch를 봅니다."""
    version = _installed("ipywidgets")
    if version is None:
        return None
    return widget_mismatch(version, in_colab="google.colab" in sys.modules, jupyterlab_version=_installed("jupyterlab"))


_warned = False


def warn_if_mismatched() -> bool:
    """맞지 않으면 알림을 (한 세션에 한 번) 출력하고 True를 돌려줍니다."""
    global _warned
    message = current_mismatch()
    if message and not _warned:
        print(message)
        _warned = True
    return message is not None


def widget_bundle(text: str, widget, png: bytes | None = None) -> dict:
    """위젯을 화면에 보이면서 text/plain은 우리가 정한 짧은 설명으로 두는 표시 묶음을 만듭니다.

    nbval은 text/plain을 저장된 출력과 비교하므로 주소·난수 없이 설정만 씁니다
    (ipywidgets의 기본 repr에는 PNG 바이트가 들어갑니다). png를 주면 그 그림(탐색기의 지금 상태)도 함께 넣습니다:
    위젯을 그릴 수 없는 화면(GitHub, nbviewer, 정적 슬라이드)은 위젯 대신 이 그림을 보여 줍니다.
    ipywidgets 판이 화면과 맞지 않아 보일 것 같지 않으면 먼저 한국어 알림을 한 번 출력합니다
    (`frontend.warn_if_mismatched`).
    """
    warn_if_mismatched()
    bundle = {
        "text/plain": text,
        "application/vnd.jupyter.widget-view+json": {"version_major": 2, "version_minor": 0, "model_id": widget.model_id},
    }
    if png:
        bundle["image/png"] = base64.b64encode(png).decode("ascii")
    return bundle
