"""합성곱 신경망(CNN) 구조 분석 도구: Keras 3 모델을 받아 표(pandas)나 배열(numpy)을 돌려줍니다.

그림은 그리지 않습니다(그림은 plotting 모듈의 몫). 모듈마다 한 가지 일을 합니다.

* `rf` – :func:`receptive_field` 층별 이론적 수용 영역(RF), 유효 스트라이드(jump), 유효 패딩
  (Araujo, Norris & Sim, Distill 2019), :func:`receptive_field_box` 출력 한 칸이 보는 입력 상자.
* `erf` – :func:`effective_receptive_field`, :func:`erf_spread` 유효 수용 영역(ERF) 지도와 그 크기
  (Luo et al., NeurIPS 2016).
* `macs` – :func:`count_macs` 곱셈-누산(multiply-accumulate) 수.
* `table` – :func:`model_table` 층 이름, 종류, 출력 모양, 파라미터 수, MAC 수, 수용 영역을 한 표로;
  :func:`layer_table` 매개변수와 그 비율을 한국어 열 이름으로,
  :func:`block_table` 블록마다 더한 합성곱 수·매개변수·MAC 수,
  :func:`compare_models` 모델마다 깊이·매개변수·MAC 수, :func:`weight_depth` 가장 긴 경로의 가중치 계층 수.
* `_graph` – Keras의 공개되지 않은 내부에 닿는 유일한 곳 (층 사이의 연결 그래프를 읽는 작은 어댑터).

TensorFlow/Keras 는 가져오는 데 몇 초가 걸리므로 모듈을 import 할 때가 아니라
각 함수 안에서 필요할 때 가져옵니다.
"""

from __future__ import annotations

from .erf import effective_receptive_field, erf_spread
from .macs import count_macs
from .rf import receptive_field, receptive_field_box
from .table import block_table, compare_models, layer_table, model_table, weight_depth

__all__ = [
    "receptive_field",
    "effective_receptive_field",
    "erf_spread",
    "count_macs",
    "model_table",
    "block_table",
    "layer_table",
    "compare_models",
    "weight_depth",
    "receptive_field_box",
]
