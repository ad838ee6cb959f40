"""Trends: daily series, summaries, sparklines, the text chart and "days since"."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta

import pytest

from safeplan.core import trends
from safeplan.core.checkins import add_checkin, add_use_entry, new_checkin, new_use_entry
from safeplan.core.demo import demo_payload
from safeplan.core.models import Settings, VaultPayload

TODAY = date(2026, 11, 1)


def at(days_ago: int, hour: int = 9) -> datetime:
    day = TODAY - timedelta(days=days_ago)
    return datetime(day.year, day.month, day.day, hour, tzinfo=UTC)


@pytest.fixture
def payload() -> VaultPayload:
    p = VaultPayload()
    add_checkin(p, new_checkin(mood=2, anxiety=8, sleep_hours=4, at=at(6)))
    add_checkin(p, new_checkin(mood=6, anxiety=4, at=at(6, 20)))
    add_checkin(p, new_checkin(mood=8, sleep_hours=8, at=at(2)))
    add_checkin(p, new_checkin(mood=5, at=at(0)))
    add_checkin(p, new_checkin(mood=9, at=at(40)))  # outside a 30-day window
    add_use_entry(p, new_use_entry(substance="beer", at=at(2, 21)))
    add_use_entry(p, new_use_entry(substance="wine", at=at(2, 22)))
    add_use_entry(p, new_use_entry(substance="weed", at=at(5, 22)))
    return p


def test_daily_series_averages_each_day(payload: VaultPayload) -> None:
    s = trends.daily_series(payload, 7, TODAY)
    assert len(s) == 7 and s.start == date(2026, 10, 26) and s.end == TODAY
    assert s.values["mood"] == [4.0, None, None, None, 8.0, None, 5.0]
    assert s.values["anxiety"] == [6.0, None, None, None, None, None, None]
    assert s.values["sleep_hours"][0] == 4.0
    assert s.checkins == [2, 0, 0, 0, 1, 0, 1]
    assert s.use_days == [False, True, False, False, True, False, False]
    assert s.use_entries == [0, 1, 0, 0, 2, 0, 0]


def test_summary(payload: VaultPayload) -> None:
    summary = trends.summarize(trends.daily_series(payload, 7, TODAY))
    assert summary.checkins == 4
    assert summary.days_with_checkin == 3
    assert summary.averages["mood"] == pytest.approx((4 + 8 + 5) / 3)
    assert summary.best_day == trends.DayValue(date(2026, 10, 30), 8.0)
    assert summary.hardest_day == trends.DayValue(date(2026, 10, 26), 4.0)
    assert summary.use_days == 2 and summary.use_entries == 3
    assert summary.days_since is None


def test_summary_without_checkins_is_calm() -> None:
    summary = trends.summarize(trends.daily_series(VaultPayload(), 30, TODAY))
    assert summary.checkins == 0 and summary.best_day is None
    lines = trends.render_summary(summary)
    assert "Check-ins: 0 on 0 of 30 days." in lines


def test_series_for_every_period(payload: VaultPayload) -> None:
    for days in trends.PERIODS:
        s = trends.daily_series(payload, days, TODAY)
        assert len(s) == days
        assert sum(s.checkins) == (5 if days > 40 else 4)


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ([0, 10], "▁█"),
        ([0, 5, 10, None], "▁▅█ "),
        ([None, None], "  "),
        ([2.5, 7.5], "▃▇"),
    ],
)
def test_sparkline_blocks(values: list[float | None], expected: str) -> None:
    assert trends.sparkline(values) == expected


def test_sparkline_ascii_fallback_has_the_same_shape() -> None:
    values: list[float | None] = [0, 3, None, 6, 10]
    fancy, plain = trends.sparkline(values), trends.sparkline(values, plain=True)
    assert len(fancy) == len(plain) == 5
    assert plain.isascii()
    assert plain[2] == " " and plain[0] == "_" and plain[-1] == "#"
    assert [c == " " for c in fancy] == [c == " " for c in plain]


def test_sparkline_buckets_long_series_to_the_width() -> None:
    values: list[float | None] = [float(i % 11) for i in range(365)]
    line = trends.sparkline(values, width=60)
    assert len(line) <= 60
    assert trends.bucket([1, 3, None, None, 5], 3) == [2.0, None, 5.0]


def test_text_chart_shape_axis_and_gaps() -> None:
    rows = trends.text_chart([10, 0, None, 5], width=10, height=5)
    assert len(rows) == 6
    assert rows[0].startswith("10 │█")
    assert rows[-2].startswith(" 0 │█▁ █")  # a 0 is marked on the bottom row; the gap is blank
    assert rows[-1] == "   └────"
    plain = trends.text_chart([10, 0, None, 5], width=10, plain=True)
    assert all(r.isascii() for r in plain)
    assert plain[-2].startswith(" 0 |#_ #")


def test_render_trends_text_fits_80_columns_for_every_period() -> None:
    payload = demo_payload(today=TODAY)
    for days in trends.PERIODS:
        for plain in (False, True):
            text = trends.render_trends_text(payload, days, today=TODAY, plain=plain)
            assert max(len(line) for line in text.splitlines()) <= 80
            if plain:
                assert text.isascii()
            assert "Mood (0 = very low, 10 = very good" in text
            assert "Days with use logged" in text


def test_render_trends_text_says_how_many_days_a_column_holds() -> None:
    payload = demo_payload(today=TODAY)
    assert "each column is one day" in trends.render_trends_text(payload, 30, today=TODAY)
    assert "each column is 7 days" in trends.render_trends_text(payload, 365, today=TODAY)


def test_days_since_only_when_turned_on() -> None:
    settings = Settings()
    assert trends.days_since(settings, TODAY) is None
    settings = Settings(days_since_enabled=True)
    assert trends.days_since(settings, TODAY) is None  # no start chosen yet
    settings = Settings(
        days_since_enabled=True, days_since_start=date(2026, 10, 20), days_since_label="my new job"
    )
    found = trends.days_since(settings, TODAY)
    assert found is not None and found.days == 12
    assert (
        found.render() == "12 days since 20 Oct 2026, a date you chose to count from (my new job)."
    )


def test_days_since_never_speaks_of_failure() -> None:
    settings = Settings(days_since_enabled=True, days_since_start=TODAY)
    found = trends.days_since(settings, TODAY)
    assert found is not None
    text = found.render()
    assert text == "0 days since 01 Nov 2026, a date you chose to count from."
    assert not re.search(r"broke|reset|lost|fail|streak|relapse", text, re.IGNORECASE)


def test_summary_includes_days_since_when_on(payload: VaultPayload) -> None:
    payload.settings = Settings(days_since_enabled=True, days_since_start=date(2026, 10, 30))
    summary = trends.summarize(trends.daily_series(payload, 7, TODAY), payload.settings)
    assert summary.days_since is not None and summary.days_since.days == 2
    lines = trends.render_summary(summary)
    own = next(n for n, line in enumerate(lines) if "2 days since" in line)
    use = next(n for n, line in enumerate(lines) if "use logged" in line)
    assert abs(own - use) > 1, "never next to the use line"


def test_a_mood_of_3_5_is_a_row_and_a_bit_not_one_block_on_the_0_row() -> None:
    rows = trends.text_chart([3.5], width=10, height=4)
    assert rows[-2] == " 0 │█" and rows[-3] == "   │▃"
    assert trends.text_chart([3.5], width=10, height=4, plain=True)[-3] == "   |."
