"""Reading the times people type for a check-in or a use entry (``--at``, the "When" box) and for
``--since``: "now", "2h ago", "yesterday 21:00", "21:00", an ISO date or date-time. Pure; a time
that cannot be understood raises :class:`UsageError` with examples, never echoing what was typed.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta

from safeplan.core.errors import UsageError
from safeplan.core.models import now

TIME_EXAMPLES = "Try a time like '2h ago', 'yesterday 21:00', '21:00' or '2026-10-31 21:00'."
_FUTURE_SLACK = timedelta(minutes=2)


YEARS = (1900, 9999)


def _in_years(moment: datetime | date) -> None:
    if not YEARS[0] <= moment.year <= YEARS[1]:
        raise UsageError(
            f"Dates need to fall between the years {YEARS[0]} and {YEARS[1]}.", TIME_EXAMPLES
        )


def _localize(naive: datetime, ref: datetime | None) -> datetime:
    _in_years(naive)
    if ref is not None:
        return naive.replace(tzinfo=ref.tzinfo)
    local = naive.astimezone()
    if local.replace(tzinfo=None) != naive:
        # A time in the hour skipped when the clocks went forward: it never happened here.
        raise UsageError(
            "That time did not exist here: the clocks went forward then.",
            "Give a time an hour later, or the time just before the change.",
        )
    return local


_AGO = re.compile(
    r"^(\d{1,5})\s*(m|min|mins|minute|minutes|h|hr|hrs|hour|hours|d|day|days|w|week|weeks)\s+ago$"
)
_CLOCK = re.compile(r"^(\d{1,2})(?::(\d{2}))?$")
_UNIT_SECONDS = {"m": 60, "h": 3600, "d": 86400, "w": 7 * 86400}


def _unit(word: str) -> str:
    return "m" if word.startswith("m") else word[0]


def _clock(text: str) -> time:
    match = _CLOCK.match(text)
    if not match:
        raise UsageError("That time of day was not understood.", TIME_EXAMPLES)
    hour, minute = int(match.group(1)), int(match.group(2) or 0)
    if hour > 23 or minute > 59:
        raise UsageError("That time of day does not exist.", TIME_EXAMPLES)
    return time(hour, minute)


def parse_when(text: str, *, reference: datetime | None = None) -> datetime:
    """Read a time for ``--at``: "now", "2h ago", "30 min ago", "3 days ago", "21:00" (today),
    "yesterday 21:00", "today 8:30", "yesterday" (at noon), an ISO date (at noon) or date-time.

    The result is timezone-aware. Times in the future are refused: entries are for now or earlier.
    """
    try:
        result = _parse_when(text, reference)
    except OverflowError:
        raise UsageError(
            f"Dates need to fall between the years {YEARS[0]} and {YEARS[1]}.", TIME_EXAMPLES
        ) from None
    if result.year < 1970:
        raise UsageError("That time is too long ago to log.", TIME_EXAMPLES)
    return result


def _parse_when(text: str, reference: datetime | None) -> datetime:
    current = reference or now()
    words = " ".join(text.strip().casefold().split())
    if not words:
        raise UsageError("No time was given.", TIME_EXAMPLES)
    result: datetime
    if words == "now":
        return current
    if (match := _AGO.match(words)) is not None:
        amount = int(match.group(1))
        result = current - timedelta(seconds=amount * _UNIT_SECONDS[_unit(match.group(2))])
    elif words.split(" ")[0] in ("today", "yesterday"):
        day_word, _, clock_text = words.partition(" ")
        day = current.date() - timedelta(days=1 if day_word == "yesterday" else 0)
        at = _clock(clock_text) if clock_text else time(12, 0)
        result = _localize(datetime.combine(day, at), reference)
    elif _CLOCK.match(words) and ":" in words:
        result = _localize(datetime.combine(current.date(), _clock(words)), reference)
    else:
        try:
            parsed = datetime.fromisoformat(words.upper().replace(" ", "T", 1))
        except ValueError:
            raise UsageError("That time was not understood.", TIME_EXAMPLES) from None
        if len(words) == 10:  # a date on its own
            parsed = parsed.replace(hour=12)
        _in_years(parsed)
        result = parsed if parsed.tzinfo else _localize(parsed, reference)
    if result > current + _FUTURE_SLACK:
        raise UsageError(
            "That time is in the future.",
            "Entries are for now or earlier. For last night, try 'yesterday 21:00'.",
        )
    return result


_SINCE = re.compile(r"^(\d{1,5})\s*(h|d|w|y|hours?|days?|weeks?|years?)$")


def parse_since(text: str, *, reference: datetime | None = None) -> datetime | None:
    """Read ``--since``: "30d", "2w", "12h", "1y", "all" (None: everything) or an ISO date."""
    current = reference or now()
    words = " ".join(text.strip().casefold().split())
    if words in ("all", "ever", "everything"):
        return None
    if (match := _SINCE.match(words)) is not None:
        amount = int(match.group(1))
        unit = match.group(2)[0]
        days = {"h": amount / 24, "d": amount, "w": amount * 7, "y": amount * 365}[unit]
        try:
            since = current - timedelta(days=days)
        except OverflowError:
            since = datetime.min.replace(tzinfo=current.tzinfo)
        return None if since.year < YEARS[0] else since  # further back than anything: all
    try:
        day = date.fromisoformat(words)
    except ValueError:
        raise UsageError(
            "That --since value was not understood.",
            "Use a length like 7d, 2w, 12h or 1y, a date like 2026-10-01, or 'all'.",
        ) from None
    _in_years(day)
    return _localize(datetime.combine(day, time(0, 0)), reference)
