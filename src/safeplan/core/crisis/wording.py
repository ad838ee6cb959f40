"""The crisis help's words that every view shares: opening hours said plainly (a screen reader
reads "24/7" as "twenty-four slash seven"), why a line is marked less certain, how to reach a
service without a call, and where the overdose steps are."""

from __future__ import annotations

import re

from safeplan.core.crisis.entries import Service, TextOption

OVERDOSE_POINTER = (
    "If someone may have overdosed: safeplan overdose shows what to do, step by step."
)
"""Said under the emergency number in ``safeplan crisis``, for every country (care review,
"Missing content": the overdose steps reachable from the crisis help)."""

ALL_DAY = "day and night, every day"
"""What "24/7" means, in words a screen reader says as they are written."""

_NUMBER_WORDS = ("", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
OLD_AFTER_YEARS = 3
"""A source this many years older than the check (or more) is an older one."""
_YEAR = re.compile(r"\b(19|20)\d{2}\b")


def hours_words(hours: str) -> str:
    """Opening hours in plain words, the same on screen, on paper and to a screen reader:
    "open day and night, every day" for 24/7 (never "twenty-four slash seven")."""
    return "open " + said_plainly(hours)


def said_plainly(text: str) -> str:
    """``text`` with "24/7" in words (a note such as "It is meant to be open 24/7")."""
    return text.replace("24/7", ALL_DAY)


def _year(text: str | None) -> int | None:
    """The latest year named in a source's date ("2018-12 to 2023-09" is 2023), if any."""
    years = [int(m.group(0)) for m in _YEAR.finditer(text or "")]
    return max(years) if years else None


def less_certain_words(service: Service) -> str:
    """Why a line is marked less certain, from its own sources: only one source; or several, none
    of them the service's own page or an official one (either would have made it certain, see
    docs/crisis-directory.md); and, when every source is dated, whether the newest is years older
    than the check."""
    count = len(service.sources)
    years = [_year(s.date) for s in service.sources]
    checked = _year(service.verified)
    newest = max(y for y in years if y) if years and all(years) else None
    old = newest is not None and checked is not None and checked - newest >= OLD_AFTER_YEARS
    when = f", from {newest}" if old else ""
    if count <= 1:
        return f"Less certain: only one source confirms this line{when}."
    n = _NUMBER_WORDS[count] if count < len(_NUMBER_WORDS) else str(count)
    newest_words = f"; the newest is from {newest}" if old else ""
    return (
        f"Less certain: safeplan found this line in {n} sources, but not on the service's own "
        f"page or an official one{newest_words}."
    )


def text_words(t: TextOption) -> str:
    """How to reach a service without a call, in a few words: "text SHOUT to 85258" (never the
    bare number, which reads as one to call)."""
    if t.kind == "sms":
        return f"text {t.keyword} to {t.display}" if t.keyword else f"text {t.display}"
    if t.kind == "whatsapp":
        return f"WhatsApp {t.display}"
    if t.kind == "chat":
        return f"chat at {t.display}"
    return f"email {t.display}"
