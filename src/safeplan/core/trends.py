"""Daily series, summaries, sparklines and a small text chart of check-ins and use days.

Pure and fast: one pass over the entries, so ten years of them stay quick. Every chart has an ASCII
form (``plain=True``) for terminals without Unicode, and nothing depends on colour. A "days since"
value exists only when the person turned it on, and is counted from a date they chose: it is never
described as broken or lost.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from safeplan.core.checkins import SCALE_ENDS, SCALE_LABELS
from safeplan.core.models import Settings, VaultPayload, now
from safeplan.core.plural import count

PERIODS: tuple[int, ...] = (7, 30, 90, 365)
METRICS: tuple[str, ...] = (
    "mood",
    "anxiety",
    "self_harm_urge",
    "suicidal_thoughts",
    "use_urge",
    "sleep_hours",
)
RANGES: dict[str, tuple[float, float]] = {m: (0.0, 10.0) for m in METRICS} | {
    "sleep_hours": (0.0, 12.0),
    "use": (0.0, 1.0),
}

BLOCKS = "▁▂▃▄▅▆▇█"
ASCII_LEVELS = "_.,-=+*#"
MISSING = " "


@dataclass
class DailySeries:
    """One value per day, oldest first. A day without a check-in holds None."""

    start: date
    end: date
    values: dict[str, list[float | None]]
    use_days: list[bool]
    checkins: list[int]
    use_entries: list[int]

    @property
    def days(self) -> list[date]:
        return [self.start + timedelta(days=i) for i in range(len(self.use_days))]

    def __len__(self) -> int:
        return len(self.use_days)


def daily_series(payload: VaultPayload, days: int, today: date | None = None) -> DailySeries:
    """Daily averages of each check-in value over the ``days`` days ending ``today``, and whether
    any use was logged each day. Days are the entries' own calendar days."""
    days = max(1, days)
    end = today or now().date()
    start = end - timedelta(days=days - 1)
    sums = {m: [0.0] * days for m in METRICS}
    counts = {m: [0] * days for m in METRICS}
    checkins = [0] * days
    for c in payload.checkins:
        i = (c.at.date() - start).days
        if not 0 <= i < days:
            continue
        checkins[i] += 1
        for m in METRICS:
            value = getattr(c, m)
            if value is not None:
                sums[m][i] += value
                counts[m][i] += 1
    uses = [0] * days
    for u in payload.use_entries:
        i = (u.at.date() - start).days
        if 0 <= i < days:
            uses[i] += 1
    values = {
        m: [sums[m][i] / counts[m][i] if counts[m][i] else None for i in range(days)]
        for m in METRICS
    }
    return DailySeries(start, end, values, [n > 0 for n in uses], checkins, uses)


@dataclass(frozen=True)
class DayValue:
    day: date
    value: float


@dataclass(frozen=True)
class DaysSince:
    label: str
    start: date
    days: int

    def render(self) -> str:
        """A plain count from a date the person chose, in their words; never a streak (nothing
        resets it), and shown apart from the use log, so it never reads as a score of use."""
        unit = "day" if self.days == 1 else "days"
        what = f" ({self.label})" if self.label else ""
        return (
            f"{self.days} {unit} since {self.start:%d %b %Y}, a date you chose to count from{what}."
        )


@dataclass(frozen=True)
class Summary:
    days: int
    start: date
    end: date
    checkins: int
    days_with_checkin: int
    averages: dict[str, float | None] = field(default_factory=dict)
    best_day: DayValue | None = None
    hardest_day: DayValue | None = None
    use_days: int = 0
    use_entries: int = 0
    days_since: DaysSince | None = None


def _mean(values: Sequence[float | None]) -> float | None:
    present = [v for v in values if v is not None]
    return sum(present) / len(present) if present else None


def days_since(settings: Settings, today: date | None = None) -> DaysSince | None:
    """The person's own "days since" count, only if they turned it on and chose a start date."""
    if not settings.days_since_enabled or settings.days_since_start is None:
        return None
    end = today or now().date()
    return DaysSince(
        settings.days_since_label,
        settings.days_since_start,
        max(0, (end - settings.days_since_start).days),
    )


def summarize(series: DailySeries, settings: Settings | None = None) -> Summary:
    moods = series.values["mood"]
    scored = [DayValue(d, v) for d, v in zip(series.days, moods, strict=True) if v is not None]
    # Ties: the most recent day, which is the one a person remembers best.
    best = max(reversed(scored), key=lambda dv: dv.value, default=None)
    hardest = min(reversed(scored), key=lambda dv: dv.value, default=None)
    return Summary(
        days=len(series),
        start=series.start,
        end=series.end,
        checkins=sum(series.checkins),
        days_with_checkin=sum(1 for n in series.checkins if n),
        averages={m: _mean(series.values[m]) for m in METRICS},
        best_day=best,
        hardest_day=hardest,
        use_days=sum(series.use_days),
        use_entries=sum(series.use_entries),
        days_since=days_since(settings, series.end) if settings is not None else None,
    )


def bucket(values: Sequence[float | None], width: int) -> list[float | None]:
    """Shrink a series to at most ``width`` points by averaging consecutive days."""
    if width <= 0:
        return []
    if len(values) <= width:
        return list(values)
    size = math.ceil(len(values) / width)
    return [_mean(values[i : i + size]) for i in range(0, len(values), size)]


def use_fraction(series: DailySeries) -> list[float | None]:
    return [1.0 if used else 0.0 for used in series.use_days]


def _level(value: float, lo: float, hi: float, levels: int) -> int:
    if hi <= lo:
        return 0
    ratio = min(1.0, max(0.0, (value - lo) / (hi - lo)))
    return min(levels - 1, int(ratio * levels))


def sparkline(
    values: Sequence[float | None],
    *,
    width: int | None = None,
    lo: float = 0.0,
    hi: float = 10.0,
    plain: bool = False,
) -> str:
    """One character per value (or per bucket of values when ``width`` is smaller): eight heights
    of block characters, or ``_.,-=+*#`` in ASCII. A gap (no check-in) is a space."""
    points = bucket(values, width) if width is not None else list(values)
    chars = ASCII_LEVELS if plain else BLOCKS
    return "".join(MISSING if v is None else chars[_level(v, lo, hi, len(chars))] for v in points)


def text_chart(
    values: Sequence[float | None],
    *,
    width: int = 60,
    height: int = 5,
    lo: float = 0.0,
    hi: float = 10.0,
    plain: bool = False,
) -> list[str]:
    """A small column chart with a labelled axis: ``height`` rows, full and half blocks (``#`` and
    ``.`` in ASCII), gaps left blank."""
    points = bucket(values, width)
    # Eighth blocks in a terminal (3.5 of 10 on four rows is one full row and three eighths, not
    # one full block on the bottom row); full and half marks in ASCII.
    steps = " ....####" if plain else " ▁▂▃▄▅▆▇█"
    floor = "_" if plain else "▁"
    bar, corner, base = ("|", "+", "-") if plain else ("│", "└", "─")
    label_width = max(len(f"{hi:g}"), len(f"{lo:g}"))
    rows: list[str] = []
    size = (hi - lo) / height

    def cell(v: float | None, r: int) -> str:
        if v is None:
            return " "
        filled = min(1.0, max(0.0, (v - (lo + size * (r - 1))) / size)) if size > 0 else 1.0
        mark = steps[round(filled * 8 + 1e-9)]
        # The bottom row marks every day that has a value, so a 0 never looks like a gap.
        return floor if r == 1 and mark == " " else mark

    for r in range(height, 0, -1):
        cells = "".join(cell(v, r) for v in points)
        label = (
            f"{hi:g}" if r == height else f"{lo + (hi - lo) * (r - 1) / height:g}" if r == 1 else ""
        )
        rows.append(f"{label:>{label_width}} {bar}{cells.rstrip()}")
    rows.append(f"{'':>{label_width}} {corner}{base * len(points)}")
    return rows


def _fmt(value: float | None, unit: str = "") -> str:
    return "no check-ins" if value is None else f"{value:.1f}{unit}"


def best_and_hardest(summary: Summary) -> list[str]:
    """Best and hardest day, unless they cannot differ: one day of check-ins, or the same mood
    every day (naming one day twice, or as both, reads as a mistake)."""
    best, hardest = summary.best_day, summary.hardest_day
    if best is None or hardest is None:
        return []
    if best.day == hardest.day:
        return [f"Mood on {best.day:%a %d %b}, the one day with check-ins: {best.value:.1f}."]
    if best.value == hardest.value:
        return [f"Mood was {best.value:.1f} on each day with check-ins."]
    return [
        f"Best day: {best.day:%a %d %b} (mood {best.value:.1f}). "
        f"Hardest day: {hardest.day:%a %d %b} (mood {hardest.value:.1f})."
    ]


def render_summary(summary: Summary) -> list[str]:
    """The summary as plain sentences (screen-reader friendly: no charts)."""
    lines = [
        f"{summary.start:%d %b %Y} to {summary.end:%d %b %Y} ({count(summary.days, 'day')})",
        f"Check-ins: {summary.checkins} on {summary.days_with_checkin} of {count(summary.days, 'day')}.",
    ]
    for m in METRICS:
        avg = summary.averages.get(m)
        if avg is None:
            continue
        unit = " hours" if m == "sleep_hours" else " out of 10"
        name = "Sleep" if m == "sleep_hours" else SCALE_LABELS[m]
        lines.append(f"{name}, on average: {_fmt(avg, unit)}.")
    if summary.days_since is not None:  # opt-in; near the dates, away from the use line
        lines.insert(1, summary.days_since.render())
    lines.extend(best_and_hardest(summary))
    lines.append(f"Days with use logged: {summary.use_days} of {summary.days}.")
    return lines


def _date_axis(start: date, end: date, columns: int) -> str:
    left, right = f"{start:%d %b}", f"{end:%d %b}"
    if columns >= len(left) + len(right) + 1:
        return left + right.rjust(columns - len(left))
    return f"{left} to {right}"


def render_trends_text(
    payload: VaultPayload,
    days: int = 30,
    *,
    today: date | None = None,
    plain: bool = False,
    width: int = 60,
) -> str:
    """What ``safeplan trends`` prints: the summary, a chart of mood and sparklines of the rest."""
    series = daily_series(payload, days, today)
    summary = summarize(series, payload.settings)
    low, high = SCALE_ENDS["mood"]
    out = render_summary(summary)
    if summary.checkins:
        step = max(1, math.ceil(len(series) / width))
        per = "each column is one day" if step == 1 else f"each column is {step} days"
        out += ["", f"Mood (0 = {low}, 10 = {high}; {per}):"]
        out += text_chart(series.values["mood"], width=width, plain=plain)
        out.append(
            "    " + _date_axis(series.start, series.end, len(bucket(series.use_days, width)))
        )
    out += ["", "At a glance (gaps are days without a check-in):"]
    name_width = 18
    for m in METRICS:
        if all(v is None for v in series.values[m]):
            continue
        lo, hi = RANGES[m]
        name = "Sleep (0-12 h)" if m == "sleep_hours" else SCALE_LABELS[m]
        line = sparkline(series.values[m], width=width, lo=lo, hi=hi, plain=plain)
        out.append(f"{name:<{name_width}}{line}")
    out.append(
        f"{'Use days':<{name_width}}"
        + sparkline(use_fraction(series), width=width, lo=0, hi=1, plain=plain)
    )
    return "\n".join(out)
