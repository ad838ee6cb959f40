"""Trends: mood, urges, sleep and use days over 7, 30, 90 or 365 days. A summary in plain sentences
first (what a screen reader reads), then a small chart of mood and one sparkline per measure. Block
characters only, so it reads the same without colour; readable at 80x24."""

from __future__ import annotations

import math

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.events import Resize
from textual.widgets import Static

from safeplan.core import trends
from safeplan.core.checkins import SCALE_LABELS
from safeplan.core.plural import count
from safeplan.tui.screens.base import SafeplanScreen
from safeplan.tui.widgets.footer import KeysFooter

LABEL_WIDTH = 19
NAMES = {**SCALE_LABELS, "sleep_hours": "Sleep (0-12 h)", "use": "Use days"}


def period_line(days: int) -> str:
    marks = [f"[{p}]" if p == days else f" {p} " for p in trends.PERIODS]
    return "Days: " + " ".join(marks) + "   (keys 1 to 4)"


def compact_summary(summary: trends.Summary) -> list[str]:
    """The summary in a few short lines that fit 80 columns (averages are beside the charts)."""
    return [
        f"{summary.start:%d %b %Y} to {summary.end:%d %b %Y}: "
        f"{count(summary.checkins, 'check-in')} on {summary.days_with_checkin} of "
        f"{count(summary.days, 'day')}; use logged on {count(summary.use_days, 'day')}.",
        *trends.best_and_hardest(summary),
    ]


AVERAGE_WIDTH = 10


def _average(value: float | None, unit: str = "") -> str:
    return "" if value is None else f"  avg {value:.1f}{unit}"


def _date_axis(series: trends.DailySeries, columns: int) -> str:
    left, right = f"{series.start:%d %b}", f"{series.end:%d %b}"
    if columns >= len(left) + len(right) + 1:
        return "    " + left + right.rjust(columns - len(left))
    return f"    {left} to {right}"


def chart_lines(series: trends.DailySeries, width: int) -> list[str]:
    """The mood chart and one sparkline per measure with its average, each at most ``width``
    columns."""
    room = max(10, width - LABEL_WIDTH - AVERAGE_WIDTH)
    step = max(1, math.ceil(len(series) / room))
    per = "one day" if step == 1 else f"{step} days"
    summary = trends.summarize(series)
    lines = [f"Mood (0 very low, 10 very good), each column {per}; gaps: no check-in"]
    lines += trends.text_chart(series.values["mood"], width=room, height=4)
    lines.append(_date_axis(series, len(trends.bucket(series.use_days, room))))
    for m in trends.METRICS:
        lo, hi = trends.RANGES[m]
        line = trends.sparkline(series.values[m], width=room, lo=lo, hi=hi)
        unit = " h" if m == "sleep_hours" else ""
        average = _average(summary.averages.get(m), unit)
        lines.append(f"{NAMES[m]:<{LABEL_WIDTH}}{line}{average}".rstrip())
    use = trends.sparkline(trends.use_fraction(series), width=room, lo=0, hi=1)
    lines.append(f"{NAMES['use']:<{LABEL_WIDTH}}{use}  {count(summary.use_days, 'day')}")
    return lines


class TrendsScreen(SafeplanScreen[None]):
    DEFAULT_CSS = """
    #trends-body {
        padding: 0 2;
        height: 1fr;
    }
    #trends-body .screen-title {
        padding: 0;
    }
    #trends-period {
        color: $text-muted;
    }
    #trends-own-count {
        margin: 0 0 1 0;
    }
    #trends-chart {
        padding: 0;
    }
    """
    BINDINGS = [
        Binding("escape", "close", "Back", id="trends-back"),
        Binding("1", "period(7)", "7", show=False),
        Binding("2", "period(30)", "30", show=False),
        Binding("3", "period(90)", "90", show=False),
        Binding("4", "period(365)", "365", show=False),
        Binding("left", "step(-1)", "Shorter", key_display="←→", id="trends-shorter"),
        Binding("right", "step(1)", "Longer", show=False, id="trends-longer"),
    ]

    def __init__(self, days: int = 30) -> None:
        super().__init__()
        self.days = days

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="trends-body"):
            yield Static("Trends", classes="screen-title")
            # Only if the person turned it on: a count from their own date, kept apart from use.
            yield Static(id="trends-own-count", markup=False)
            yield Static(id="trends-period", markup=False)
            yield Static(id="trends-summary", markup=False)
            yield Static(id="trends-chart", markup=False)
        yield KeysFooter()

    def on_mount(self) -> None:
        self.show()
        self.query_one("#trends-body").focus()

    def on_resize(self, event: Resize) -> None:
        self.show()

    def on_screen_resume(self) -> None:
        self.show()

    def show(self) -> None:
        payload = self.session.payload
        series = trends.daily_series(payload, self.days, self.session.today())
        summary = trends.summarize(series, payload.settings)
        width = max(40, self.app.size.width - 4)
        self.query_one("#trends-period", Static).update(period_line(self.days))
        self.query_one("#trends-summary", Static).update("\n".join(compact_summary(summary)))
        own = self.query_one("#trends-own-count", Static)
        own.display = summary.days_since is not None
        own.update(summary.days_since.render() if summary.days_since else "")
        chart = self.query_one("#trends-chart", Static)
        if summary.checkins or summary.use_days:
            chart.update("\n".join(chart_lines(series, width)))
        else:
            chart.update("Nothing logged in these days yet. Charts appear after a check-in.")

    def action_period(self, days: int) -> None:
        self.days = days
        self.show()

    def action_step(self, step: int) -> None:
        index = trends.PERIODS.index(self.days) if self.days in trends.PERIODS else 1
        self.days = trends.PERIODS[max(0, min(len(trends.PERIODS) - 1, index + step))]
        self.show()

    def action_close(self) -> None:
        self.dismiss(None)
