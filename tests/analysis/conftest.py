"""tests/analysis 공통 준비물: 여러 파일(rf, macs, table)이 함께 쓰는 keras.applications 모델.

한 번만 만들어 이 폴더의 시험 파일들이 나눠 씁니다 (scope="package").
"""

from __future__ import annotations

import pytest


@pytest.fixture(scope="package")
def vgg16():
    keras = pytest.importorskip("keras")
    # 합성곱 부분만(include_top=False): 완전연결층 1억 개 가중치를 초기화하는 4초를 아낌.
    # 분류기까지 있는 모델은 test_macs.py 의 test_macs_vgg19 에서 한 번 확인합니다.
    return keras.applications.VGG16(weights=None, include_top=False, input_shape=(224, 224, 3))


@pytest.fixture(scope="package")
def resnet50():
    keras = pytest.importorskip("keras")
    return keras.applications.ResNet50(weights=None, input_shape=(224, 224, 3))
