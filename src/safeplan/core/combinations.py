"""The combination rules, and the check that runs for ``safeplan combo``, ``safeplan use`` and the
app's use-entry screen (one engine for all three).

The rules are data (``safeplan/data/combinations.json``): two sides (a class from
``substances.json`` or a substance's main name), a risk level, a note and what to do in safeplan's
own words, and the sources with the part of each that covers the pair. A rule on a named substance
is more specific than one on its class, and the more specific rule wins (among rules equally
specific, the most serious). A pair without a rule is **unknown**: safeplan says it has no rule for
it and that this does not mean it is safe. Nothing is ever called safe.

How long a substance can still mix is a property of the substance (methadone, MAOIs, fluoxetine and
long-acting benzodiazepines last days), and a person's regular medicines are checked against every
use entry. This module reads JSON only: ``safeplan combo`` imports neither pydantic nor the vault.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime, timedelta
from functools import cache
from typing import Literal, NamedTuple, Protocol

from safeplan.core import substances
from safeplan.core.sourced import Source, brief_sources, load_data, parse_date, parse_sources
from safeplan.core.substances import Resolved, resolve

DATA_FILE = "combinations.json"

__all__ = [
    "CombinationNote",
    "MixSummary",
    "Resolved",
    "Rule",
    "check_combinations",
    "check_names",
    "resolve",
]

Risk = Literal["dangerous", "unsafe", "caution", "low"]
NoteRisk = Literal["dangerous", "unsafe", "caution", "low", "unknown"]
RISKS: tuple[NoteRisk, ...] = ("dangerous", "unsafe", "caution", "low", "unknown")

RISK_ORDER: dict[NoteRisk, int] = {risk: i for i, risk in enumerate(RISKS)}

RISK_WORDS: dict[NoteRisk, str] = {
    "dangerous": "dangerous together",
    "unsafe": "risky together",
    "caution": "take care together",
    "low": "lower risk together (not no risk)",
    "unknown": "no rule in safeplan",
}

GO_LOW = "Go low, go slow, and don't use alone."

FIRST_STEPS_WITHIN = timedelta(hours=12)
"""After a risky mix logged for a time this recent, the first overdose steps come first."""

DEFAULT_WINDOW_HOURS = 24.0
"""The window for a substance without a longer one of its own (see ``substances.lasts_hours``)."""


class UseLike(Protocol):
    """What the check needs from a use entry (``models.UseEntry`` has it)."""

    @property
    def id(self) -> str: ...
    @property
    def at(self) -> datetime: ...
    @property
    def substance(self) -> str: ...
    @property
    def substance_class(self) -> str: ...


class Cited(NamedTuple):
    """A source, and which part of it covers the pair (a section, a table row, a named pair)."""

    source: Source
    part: str


class Rule(NamedTuple):
    a: str
    b: str
    risk: Risk
    note: str
    do: str
    sources: tuple[Cited, ...]
    verified: date

    def sides_match(self, first: frozenset[str], second: frozenset[str]) -> bool:
        return (self.a in first and self.b in second) or (self.b in first and self.a in second)

    @property
    def specificity(self) -> int:
        """2 for each side that names a substance, 1 for each side that names a class."""
        known = substances.classes()
        return sum(1 if side in known else 2 for side in (self.a, self.b))


@cache
def rules() -> tuple[Rule, ...]:
    raw = load_data(DATA_FILE)
    sources = parse_sources(raw["sources"])
    return tuple(
        Rule(
            a=row["a"],
            b=row["b"],
            risk=row["risk"],
            note=row["note"],
            do=row["do"],
            sources=tuple(Cited(sources[s["source"]], s["part"]) for s in row["sources"]),
            verified=parse_date(row["verified"]),
        )
        for row in raw["rules"]
    )


def more_pairs_link() -> str:
    return str(load_data(DATA_FILE)["more_pairs"])


def unknown_text() -> str:
    return (
        "safeplan has no rule for this pair, so it cannot say how risky it is. That does not mean "
        f"it is safe. {GO_LOW} A wider chart: {more_pairs_link()}"
    )


def lookup(first: frozenset[str], second: frozenset[str]) -> Rule | None:
    """The rule for two sets of identifiers: the most specific, then the most serious; or None."""
    found = [rule for rule in rules() if rule.sides_match(first, second)]
    if not found:
        return None
    return min(found, key=lambda rule: (-rule.specificity, RISK_ORDER[rule.risk]))


# --- Notes -----------------------------------------------------------------------------------------


class CombinationNote(NamedTuple):
    """What to tell the person about two substances taken close enough in time to mix."""

    risk: NoteRisk
    first: str
    second: str
    hours_apart: float | None
    """None when one side is a regular medicine (always in the body)."""
    text: str
    do: str = GO_LOW
    sources: tuple[Cited, ...] = ()
    verified: date | None = None
    regular: str = ""
    """The regular medicine this note is about, when it is one."""
    lasts_why: str = ""
    """Why the earlier substance still counts after more than a day, when that applies."""
    resolved: tuple[str, str] = ("", "")
    """The two substances' main names as safeplan resolved them ("xans" -> "alprazolam")."""

    @property
    def known(self) -> bool:
        return self.risk != "unknown"

    @property
    def source(self) -> Source | None:
        """The first source (for short displays)."""
        return self.sources[0].source if self.sources else None

    @property
    def urgent(self) -> bool:
        return self.risk in ("dangerous", "unsafe")

    def headline(self) -> str:
        return f"{self.first} and {self.second}: {RISK_WORDS[self.risk]}"

    def when(self) -> str:
        if self.regular:
            return f"{self.regular} is one of your regular medicines"
        if self.hours_apart is None:
            return ""
        return _apart(self.hours_apart)

    def render(self, *, full_sources: bool = True) -> str:
        """A few calm lines for the CLI and plain screens; with ``full_sources`` off (right after
        a use is logged, when what to do matters most) the sources in one short line."""
        when = self.when()
        head = f"{self.first} and {self.second}" + (f" ({when})" if when else "")
        lines = [f"{head}: {RISK_WORDS[self.risk]}.", self.text]
        if self.lasts_why:
            lines.append(self.lasts_why)
        if self.known:
            lines.append(f"What to do: {self.do}")
        checked = f", checked {self.verified.isoformat()}" if self.verified else ""
        if full_sources:
            for cited in self.sources:
                lines += cited.source.lines(f"Part: {cited.part}{checked}")
        elif self.sources:
            named = [c.source for c in self.sources]
            lines.append(brief_sources(named, self.first, self.second, checked))
        return "\n".join(lines)

    def as_json(self) -> dict[str, object]:
        return {
            "first": self.first,
            "second": self.second,
            "resolved": list(self.resolved),
            "risk": self.risk,
            "note": self.text,
            "what_to_do": self.do,
            "hours_apart": self.hours_apart,
            "regular_medicine": self.regular or None,
            "sources": [
                {
                    "publisher": c.source.publisher,
                    "title": c.source.title,
                    "url": c.source.url,
                    "published": c.source.published or None,
                    "part": c.part,
                }
                for c in self.sources
            ],
            "verified": self.verified.isoformat() if self.verified else None,
        }


def _apart(hours: float) -> str:
    if hours < 1:
        return "within the same hour"
    if hours >= 48:
        days = round(hours / 24)
        return f"about {days} days apart"
    rounded = round(hours)
    return f"about {rounded} hour{'s' if rounded != 1 else ''} apart"


def note_for_names(
    first: Resolved,
    second: Resolved,
    hours_apart: float | None = None,
    *,
    regular: str = "",
    lasts_why: str = "",
) -> CombinationNote:
    """The note for two resolved names (a rule's, or the honest unknown)."""
    rule = lookup(first.ids, second.ids)
    if rule is None:
        return CombinationNote(
            "unknown",
            first.text,
            second.text,
            hours_apart,
            unknown_text(),
            regular=regular,
            lasts_why=lasts_why,
            resolved=(first.name, second.name),
        )
    return CombinationNote(
        rule.risk,
        first.text,
        second.text,
        hours_apart,
        rule.note,
        rule.do,
        rule.sources,
        rule.verified,
        regular=regular,
        lasts_why=lasts_why,
        resolved=(first.name, second.name),
    )


def same_substance(first: Resolved, second: Resolved) -> bool:
    return substances.normalize(first.name) == substances.normalize(second.name)


def check_names(names: Sequence[str]) -> list[CombinationNote]:
    """Every pair of a mix (``safeplan combo``), most serious first. Repeats of one substance
    under two names are not a mix."""
    resolved = [resolve(n) for n in names if n.strip()]
    notes: list[CombinationNote] = []
    seen: set[frozenset[str]] = set()
    for i, first in enumerate(resolved):
        for second in resolved[i + 1 :]:
            key = frozenset((substances.normalize(first.name), substances.normalize(second.name)))
            if same_substance(first, second) or key in seen:
                continue
            seen.add(key)
            notes.append(note_for_names(first, second))
    return sorted(notes, key=lambda n: RISK_ORDER[n.risk])


@cache
def _longest_window() -> float:
    """No substance mixes for longer than this, so older entries are skipped at once."""
    longest = max((s.lasts_hours for s in substances.substances()), default=0.0)
    return max(longest, substances.default_lasts_hours())


def _entry(entry: UseLike) -> Resolved:
    return resolve(entry.substance, entry.substance_class)


def _pair_note(other: UseLike, new_entry: UseLike, window: float | None) -> CombinationNote | None:
    earlier, later = sorted((other, new_entry), key=lambda e: e.at)
    hours = abs((later.at - earlier.at).total_seconds()) / 3600
    lasts = window if window is not None else substances.lasts_hours(earlier.substance)
    if hours > lasts:
        return None
    first, second = _entry(other), _entry(new_entry)
    if same_substance(first, second):
        return None
    sub = substances.lookup(earlier.substance)
    why = sub.lasts_why if sub and hours > DEFAULT_WINDOW_HOURS and sub.lasts_hours else ""
    return note_for_names(first, second, hours, lasts_why=why)


def check_combinations(
    entries: Iterable[UseLike],
    new_entry: UseLike,
    window_hours: float | None = None,
    regular: Sequence[str] = (),
) -> list[CombinationNote]:
    """Notes for every other entry still in the body when ``new_entry`` was taken (or taken while
    it still was), and for each of the person's regular medicines.

    One note per pair of substances (the closest in time), most serious first. ``window_hours``
    overrides every substance's own window (None: each substance's own). Pairs without a rule come
    back as "unknown".
    """
    best: dict[frozenset[str], CombinationNote] = {}
    new_name = substances.canonical_name(new_entry.substance)
    reach = timedelta(hours=window_hours if window_hours is not None else _longest_window())
    for other in entries:
        if other.id == new_entry.id or abs(other.at - new_entry.at) > reach:
            continue
        note = _pair_note(other, new_entry, window_hours)
        if note is None:
            continue
        key = frozenset((substances.canonical_name(other.substance), new_name))
        old = best.get(key)
        if old is None or (note.hours_apart or 0) < (old.hours_apart or 0):
            best[key] = note
    new = _entry(new_entry)
    for medicine in regular:
        med = resolve(medicine)
        key = frozenset((substances.normalize(med.name), new_name))
        if not medicine.strip() or same_substance(med, new) or key in best:
            continue
        best[key] = note_for_names(med, new, None, regular=med.text)
    return sorted(best.values(), key=lambda n: (RISK_ORDER[n.risk], n.hours_apart or 0))


class MixSummary:
    """The notes split for display: the known ones, and the pairs safeplan has no rule for."""

    def __init__(
        self,
        known: list[CombinationNote] | None = None,
        unknown: list[CombinationNote] | None = None,
    ) -> None:
        self.known: list[CombinationNote] = known if known is not None else []
        self.unknown: list[CombinationNote] = unknown if unknown is not None else []

    @classmethod
    def of(cls, notes: Iterable[CombinationNote]) -> MixSummary:
        summary = cls()
        for note in notes:
            (summary.known if note.known else summary.unknown).append(note)
        return summary

    @property
    def urgent(self) -> bool:
        return any(n.urgent for n in self.known)

    def first_steps_now(self, taken_at: datetime, now: datetime) -> bool:
        """Whether to show the first overdose steps: a dangerous or risky mix, logged for a time
        within the last few hours (not for something logged days later)."""
        return self.urgent and now - taken_at <= FIRST_STEPS_WITHIN

    def unknown_line(self) -> str:
        pairs = "; ".join(f"{n.first} and {n.second}" for n in self.unknown)
        word = "these pairs" if len(self.unknown) > 1 else "this pair"
        return (
            f"safeplan has no rule for {word}: {pairs}. That does not mean "
            f"{'they are' if len(self.unknown) > 1 else 'it is'} safe. {GO_LOW} "
            f"A wider chart: {more_pairs_link()}"
        )
