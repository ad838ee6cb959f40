"""The high-risk combination table, and the check that runs when a use entry is saved.

The table is data (``safeplan/data/combinations.json``): one row per pair, each with a risk level,
one calm sentence in safeplan's own words, its source and the date it was checked. When two entries
close in time combine a pair from the table, :func:`check_combinations` returns a note. A pair that
is not in the table is reported as **unknown**: safeplan never calls a combination safe.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from typing import Literal

from safeplan.core import substances
from safeplan.core.models import UseEntry
from safeplan.core.sourced import Source, load_data, parse_date, parse_sources

DATA_FILE = "combinations.json"

Risk = Literal["dangerous", "unsafe", "caution"]
NoteRisk = Literal["dangerous", "unsafe", "caution", "unknown"]

RISK_ORDER: dict[NoteRisk, int] = {"dangerous": 0, "unsafe": 1, "caution": 2, "unknown": 3}

RISK_WORDS: dict[NoteRisk, str] = {
    "dangerous": "dangerous together",
    "unsafe": "risky together",
    "caution": "take care together",
    "unknown": "not known",
}

DEFAULT_WINDOW_HOURS = 24


@dataclass(frozen=True)
class CombinationRow:
    a: str
    b: str
    risk: Risk
    note: str
    source: Source
    verified: date

    def matches(self, first: frozenset[str], second: frozenset[str]) -> bool:
        return (self.a in first and self.b in second) or (self.b in first and self.a in second)


@dataclass(frozen=True)
class CombinationNote:
    """What to tell the person about two entries close in time."""

    risk: NoteRisk
    first: str
    second: str
    hours_apart: float
    text: str
    source: Source | None = None
    verified: date | None = None

    @property
    def known(self) -> bool:
        return self.risk != "unknown"

    def headline(self) -> str:
        return f"{self.first} and {self.second}: {RISK_WORDS[self.risk]}"

    def render(self) -> str:
        """A few calm lines for the CLI and plain screens."""
        apart = _apart(self.hours_apart)
        lines = [f"{self.first} and {self.second} ({apart}): {RISK_WORDS[self.risk]}.", self.text]
        if self.source is not None:
            checked = f", checked {self.verified.isoformat()}" if self.verified else ""
            lines.append(f"Source: {self.source.cite()}{checked}")
        return "\n".join(lines)


def _apart(hours: float) -> str:
    if hours < 1:
        return "within the same hour"
    rounded = round(hours)
    return f"about {rounded} hour{'s' if rounded != 1 else ''} apart"


@cache
def table() -> tuple[CombinationRow, ...]:
    raw = load_data(DATA_FILE)
    sources = parse_sources(raw["sources"])
    return tuple(
        CombinationRow(
            a=row["a"],
            b=row["b"],
            risk=row["risk"],
            note=row["note"],
            source=sources[row["source"]],
            verified=parse_date(row["verified"]),
        )
        for row in raw["rows"]
    )


def more_pairs_link() -> str:
    return str(load_data(DATA_FILE)["more_pairs"])


def unknown_text() -> str:
    return (
        "safeplan's table has nothing on this pair. That does not mean it is safe: some mixes are "
        f"simply not well known. A wider chart is at {more_pairs_link()}."
    )


def lookup(first: frozenset[str], second: frozenset[str]) -> CombinationRow | None:
    """The most serious table row matching two entries' identifiers, or None (unknown)."""
    rows = [row for row in table() if row.matches(first, second)]
    if not rows:
        return None
    return min(rows, key=lambda row: RISK_ORDER[row.risk])


def _ids(entry: UseEntry) -> frozenset[str]:
    return substances.identifiers(entry.substance, entry.substance_class)


def note_for(first: UseEntry, second: UseEntry) -> CombinationNote | None:
    """The note for two entries, or None when they are the same substance (a repeat, not a mix)."""
    if substances.canonical_name(first.substance) == substances.canonical_name(second.substance):
        return None
    hours = abs((second.at - first.at).total_seconds()) / 3600
    row = lookup(_ids(first), _ids(second))
    if row is None:
        return CombinationNote("unknown", first.substance, second.substance, hours, unknown_text())
    return CombinationNote(
        row.risk, first.substance, second.substance, hours, row.note, row.source, row.verified
    )


def check_combinations(
    entries: Iterable[UseEntry],
    new_entry: UseEntry,
    window_hours: float = DEFAULT_WINDOW_HOURS,
) -> list[CombinationNote]:
    """Notes for every other entry within ``window_hours`` of ``new_entry`` that makes a mix.

    One note per pair of substances (the closest in time), most serious first. Pairs the table does
    not cover come back as "unknown".
    """
    window = timedelta(hours=window_hours)
    best: dict[frozenset[str], CombinationNote] = {}
    for other in entries:
        if other.id == new_entry.id or abs(other.at - new_entry.at) > window:
            continue
        note = note_for(other, new_entry)
        if note is None:
            continue
        key = frozenset(
            (
                substances.canonical_name(other.substance),
                substances.canonical_name(new_entry.substance),
            )
        )
        if key not in best or note.hours_apart < best[key].hours_apart:
            best[key] = note
    return sorted(best.values(), key=lambda n: (RISK_ORDER[n.risk], n.hours_apart))
