"""plot_grouped_bars: 묶음마다 계열 수만큼 막대, 막대 위 백분율, 잘못된 입력은 한국어 오류."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402

from cnn_helpers.plotting import plot_grouped_bars  # noqa: E402

VALUES = {("가", 2): 0.5, ("가", 10): 0.75, ("나", 2): 0.25, ("나", 10): 1.0}


def test_bars_heights_and_labels():
    fig = plot_grouped_bars(VALUES, ["가", "나"], [2, 10], group_label="숫자마다 {}장", title="t")
    ax = fig.axes[0]
    assert sorted(round(p.get_height(), 6) for p in ax.patches) == [25.0, 50.0, 75.0, 100.0]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["숫자마다 2장", "숫자마다 10장"]
    assert {t.get_text() for t in ax.texts} == {"50.0%", "75.0%", "25.0%", "100.0%"}
    plt.close(fig)


@pytest.mark.parametrize(("args", "error", "message"), [
    (([1, 2], ["가"], [2]), TypeError, "사전이어야"),
    ((VALUES, [], [2]), ValueError, "비어 있지 않아야"),
    ((VALUES, ["가", "다"], [2]), KeyError, "values에 없는"),
])
def test_bad_inputs_are_explained(args, error, message):
    with pytest.raises(error, match=message):
        plot_grouped_bars(*args)


def test_several_runs_give_mean_bars_with_min_max_lines():
    """값이 목록(시드마다 한 번)이면 막대 높이는 평균, 오차 막대는 최솟값 ~ 최댓값, 빈 목록은 한국어 오류."""
    runs = {("가", 2): [0.4, 0.5, 0.9], ("나", 2): [0.2, 0.3]}
    fig = plot_grouped_bars(runs, ["가", "나"], [2])
    ax = fig.axes[0]
    assert sorted(round(p.get_height(), 6) for p in ax.patches) == [25.0, 60.0]
    assert {t.get_text() for t in ax.texts} == {"60.0%", "25.0%"}
    segments = [seg for c in ax.collections for seg in c.get_segments()]
    assert sorted((round(s[0][1], 6), round(s[1][1], 6)) for s in segments) == [(20.0, 30.0), (40.0, 90.0)]
    plt.close(fig)
    with pytest.raises(ValueError, match="빈 목록"):
        plot_grouped_bars({("가", 2): []}, ["가"], [2])


def test_top_has_room_for_the_value_labels():
    """100% 막대의 값 글자가 위 테두리와 겹치지 않도록 y축이 100보다 위까지 있고, 눈금은 100에서 끝납니다."""
    fig = plot_grouped_bars(VALUES, ["가", "나"], [2, 10])
    ax = fig.axes[0]
    assert ax.get_ylim()[1] > 100
    assert max(ax.get_yticks()) == 100
    plt.close(fig)
