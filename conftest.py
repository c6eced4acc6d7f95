"""시험 공통 설정.

TensorFlow가 import 때 stderr에 쓰는 로그를 끕니다. nbval이 띄우는 커널은 이 환경을 물려받으므로
노트북 실행에도 적용됩니다 (커널 안에서 설정하면 이미 늦습니다).
"""

import os

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
os.environ.setdefault("TF_ENABLE_ONEDNN_OPTS", "0")
