"""tests/models 공통 준비물: 시험마다 같은 난수 씨앗, 파일이 끝나면 큰 모델을 놓아 주기."""

from __future__ import annotations

import keras
import pytest


@pytest.fixture(autouse=True)
def _seed():
    keras.utils.set_random_seed(0)


@pytest.fixture(autouse=True, scope="module")
def _free_big_models(request):
    """224×224 모델(합쳐서 매개변수 약 1.7억 개)을 시험 파일이 끝나면 놓아 줍니다.

    파일에 @cache로 한 번만 만드는 imagenet_resnet / imagenet_googlenet이 있으면 그 캐시도 비웁니다.
    """
    yield
    for name in ("imagenet_resnet", "imagenet_googlenet"):
        cached = getattr(request.module, name, None)
        if cached is not None:
            cached.cache_clear()
    keras.backend.clear_session()
