import datetime
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from django.utils import translation
from django.utils.safestring import SafeString

from network.runchart import (
    ChartPoint,
    Milestone,
    anhoej,
    centre_line,
    crossings_minimum,
    median,
    render_run_chart,
    run_limit,
    signal_messages,
)


@pytest.fixture(autouse=True)
def _english():
    """The assertions read the English source strings."""
    with translation.override("en"):
        yield


START = datetime.date(2024, 1, 1)


def monthly(values, baseline=0):
    return [
        ChartPoint(
            on=START + datetime.timedelta(days=30 * i),
            value=v,
            label=f"{v} %",
            baseline=i < baseline,
        )
        for i, v in enumerate(values)
    ]


@pytest.mark.parametrize(
    ("useful", "limit", "minimum"),
    [(10, 6, 2), (12, 7, 3), (20, 7, 6), (30, 8, 10), (40, 8, 14), (50, 9, 19)],
)
def test_limits_match_anhoejs_table(useful, limit, minimum):
    assert run_limit(useful) == limit
    assert crossings_minimum(useful) == minimum


def test_median():
    assert median([]) is None
    assert median([3, 1, 2]) == 2
    assert median([4, 1, 3, 2]) == 2.5


def test_clear_shift_is_detected_with_its_indexes():
    values = [10, 12, 11, 13, 10, 12] + [20, 21, 22, 20, 23, 21, 22, 20]
    points = monthly(values, baseline=6)

    centre = centre_line(points)
    signals = anhoej(values, centre)

    assert centre == 11.5
    assert signals.evaluated
    assert signals.shift
    assert signals.longest_run == 9  # the last baseline point (12) is above 11.5 too
    assert signals.run_limit == 7
    assert signals.shift_indexes == frozenset(range(5, 14))
    assert (signals.crossings, signals.crossings_min) == (5, 4)
    assert not signals.too_few_crossings


def test_alternating_data_gives_no_signal():
    values = [5, 7, 4, 8, 5, 6, 3, 7, 4, 8, 5, 7]

    signals = anhoej(values, median(values))

    assert signals.evaluated
    assert not signals.shift
    assert not signals.too_few_crossings
    assert signals.shift_indexes == frozenset()
    assert signal_messages(signals) == ["No signs of non-random variation."]


def test_points_on_the_median_neither_break_runs_nor_count():
    # Below, on, below ... : the points on the centre are skipped, so one long run below.
    values = [1, 5, 1, 5, 1, 5, 1, 1, 1, 1, 9, 9]

    signals = anhoej(values, 5)

    assert signals.useful_points == 9
    assert signals.longest_run == 7
    assert signals.crossings == 1
    assert signals.run_limit == 6
    assert signals.shift_indexes == frozenset({0, 2, 4, 6, 7, 8, 9})
    assert signals.too_few_crossings  # minimum for 9 useful points is 2


def test_fewer_than_ten_points_are_not_evaluated():
    values = [1, 1, 1, 1, 1, 1, 1, 1, 9]

    signals = anhoej(values, 5)

    assert not signals.evaluated
    assert signals.longest_run == 8
    assert not signals.shift and not signals.too_few_crossings
    assert signals.run_limit is None and signals.crossings_min is None
    assert signal_messages(signals) == ["Signals are judged from 10 points."]


def test_signal_messages_name_the_numbers():
    values = [10, 12, 11, 13, 10, 12] + [20, 21, 22, 20, 23, 21, 22, 20]
    signals = anhoej(values, 11.5)

    assert signal_messages(signals) == [
        "A shift: 9 points in a row on the same side of the median (limit 7)."
    ]
    assert signal_messages(anhoej([1] * 9 + [9] * 3, 5)) == [
        "A shift: 9 points in a row on the same side of the median (limit 7).",
        "Too few crossings of the median: 1 (at least 3 expected).",
    ]


def test_centre_uses_baseline_points_only_when_some_are_flagged():
    values = [1, 2, 3, 10, 20, 30]

    assert centre_line(monthly(values)) == 6.5
    assert centre_line(monthly(values, baseline=3)) == 2
    assert centre_line([]) is None


@given(st.lists(st.integers(min_value=0, max_value=4), max_size=40))
def test_signal_invariants(values):
    centre = median(values) if values else 0.0
    signals = anhoej(values, centre)

    useful = [i for i, v in enumerate(values) if v != centre]
    assert signals.useful_points == len(useful)
    assert signals.crossings <= max(len(useful) - 1, 0)
    assert signals.longest_run <= len(useful)
    assert signals.shift_indexes <= set(useful)
    assert signals.shift == bool(signals.shift_indexes)
    assert signals.evaluated == (len(values) >= 10)


def test_svg_is_accessible_and_has_one_marker_per_point():
    values = [10, 12, 11, 13, 10, 12] + [20, 21, 22, 20, 23, 21, 22, 20]
    chart = render_run_chart(monthly(values, baseline=6), title="Quit within a year", unit="%")
    svg = str(chart.svg)

    assert isinstance(chart.svg, SafeString)
    assert svg.startswith("<svg") and 'role="img"' in svg
    assert 'width="100%"' in svg and 'viewBox="0 0 ' in svg
    title_id = re.search(r'<title id="([^"]+)">Quit within a year</title>', svg).group(1)
    desc_id = re.search(r'<desc id="([^"]+)">14 points; latest 20 %; median 11', svg).group(1)
    assert f'aria-labelledby="{title_id} {desc_id}"' in svg
    assert "Signs of non-random variation found." in svg
    assert svg.count('class="runchart__point') == 14
    assert svg.count("runchart__point--signal") == 9
    assert svg.count('class="runchart__median"') == 1
    assert ">Median<" in svg
    assert chart.centre == 11.5
    assert chart.signals.shift


def test_ids_are_unique_per_chart():
    first = render_run_chart(monthly([1, 2]), title="A", unit="")
    second = render_run_chart(monthly([1, 2]), title="A", unit="")

    def ids(chart):
        return set(re.findall(r' id="([^"]+)"', str(chart.svg)))

    assert ids(first) and not ids(first) & ids(second)


def test_points_are_sorted_by_date():
    later = ChartPoint(on=datetime.date(2024, 6, 1), value=2, label="late")
    earlier = ChartPoint(on=datetime.date(2024, 1, 1), value=1, label="early")

    svg = str(render_run_chart([later, earlier], title="T", unit="").svg)

    assert svg.index("early</title>") < svg.index("late</title>")
    assert "latest late" in svg


def test_user_text_is_escaped():
    attack = "<script>alert(1)</script>"
    chart = render_run_chart(
        [ChartPoint(on=START, value=1, label=attack)],
        title=attack,
        unit=attack,
        milestones=[Milestone(on=START + datetime.timedelta(days=10), text=attack)],
    )
    svg = str(chart.svg)

    assert "<script" not in svg
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in svg
    assert 'class="runchart__milestone"' in svg


def test_milestone_is_drawn_with_its_text():
    chart = render_run_chart(
        monthly([3, 4, 5]),
        title="Applicants per vacancy",
        unit="applicants",
        milestones=[Milestone(on=datetime.date(2024, 2, 15), text="Mentor programme started")],
    )
    svg = str(chart.svg)

    assert "Mentor programme started</title>" in svg  # full text as tooltip
    assert ">Mentor programme…</text>" in svg  # shortened label
    assert "Higher is better" in svg


def test_no_points_gives_an_empty_chart():
    chart = render_run_chart([], title="Empty", unit="%")

    assert chart.svg == "" and isinstance(chart.svg, SafeString)
    assert chart.centre is None
    assert not chart.signals.evaluated


def test_better_must_be_higher_or_lower():
    chart = render_run_chart(monthly([1]), title="T", unit="", better="lower")

    assert "Lower is better" in chart.svg
    with pytest.raises(ValueError):
        render_run_chart(monthly([1]), title="T", unit="", better="up")
