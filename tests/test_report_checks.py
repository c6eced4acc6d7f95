"""강의 끝의 검사 셀(`ch.lesson.report_checks`): 오류 대신 한국어로 알리고, 통과·실패의 출력이 다릅니다."""

import numpy as np

from cnn_helpers.lesson import report_checks


def test_all_passed_is_one_short_line_with_the_count(capsys):
    report_checks({"손 계산 = Keras": True, "시험 정확도 96% 이상": np.bool_(True)})
    out = capsys.readouterr().out
    assert out == "검사 통과: 2가지 모두 기대대로입니다(무엇을 검사했는지는 이 셀의 코드에 있습니다).\n"


def test_a_failed_check_is_named_and_raises_nothing(capsys):
    report_checks({"손 계산 = Keras": True, "시험 정확도 96% 이상": np.float64(0.95) >= 0.96})
    out = capsys.readouterr().out
    assert out.startswith("검사 2가지 중 1가지가 기대와 다릅니다: 시험 정확도 96% 이상.\n")
    assert "검사 통과" not in out and "이어 가도 됩니다" in out
