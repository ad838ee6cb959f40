"""Safer-use strategies and the ideas a use entry can offer.

Strategies live in ``safeplan/data/harm_reduction.json`` in safeplan's own words, each with its
source, the date it was checked and the countries it applies to (a line for one country is shown
only there). Ideas are offered as choices the person can take or leave, and the person can turn
them off (``Settings.harm_reduction_tips``). How recent days line up with the person's goals is in
:mod:`safeplan.core.goal_alignment` (re-exported here).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from safeplan.core import substances
from safeplan.core.combinations import CombinationNote
from safeplan.core.goal_alignment import (
    GOAL_KIND_LABELS,
    GoalAlignment,
    goal_alignment,
    goal_safety_note,
)
from safeplan.core.models import UseEntry, VaultPayload
from safeplan.core.sourced import Source, load_data, parse_date, parse_sources

DATA_FILE = "harm_reduction.json"


DEPRESSANTS = substances.DOWNERS
"""Classes that slow breathing ("downers")."""

WORTH_TESTING = frozenset(
    {
        "opioid",
        "benzodiazepine",
        "stimulant",
        "cathinone",
        "mdma",
        "ketamine",
        "ghb",
        "psychedelic",
        "xylazine",
        "other",
    }
)
"""Classes often bought from an unknown supply, where testing tells you something."""

TOLERANCE_CLASSES = frozenset({"opioid", "benzodiazepine", "ghb", "alcohol", "z_drug"})
"""Classes where tolerance drops after a break, so the old amount can hit much harder."""


URGENT_FIRST = ("know_the_signs", "no_mixing_depressants")
"""After a dangerous or risky mix these come first, before the person's own choices."""

TOLERANCE_BREAK = timedelta(days=3)
REDOSE_WINDOW = timedelta(hours=3)
"""The same substance again within this time is a re-dose: spacing doses out is offered."""
DEFAULT_TIP_LIMIT = 3


@dataclass(frozen=True)
class LocalLine:
    """A line shown only to people in the listed countries ("In the US, ...")."""

    countries: tuple[str, ...]
    text: str
    source: Source
    verified: date


@dataclass(frozen=True)
class Strategy:
    key: str
    title: str
    text: str
    source: Source
    verified: date
    countries: tuple[str, ...] = ()
    """The countries this applies to; empty means everywhere."""
    local: tuple[LocalLine, ...] = ()

    def applies_in(self, country: str | None) -> bool:
        return not self.countries or (country is not None and country in self.countries)

    def local_lines(self, country: str | None) -> tuple[LocalLine, ...]:
        return tuple(line for line in self.local if country and country in line.countries)

    def text_for(self, country: str | None) -> str:
        """The text with the lines for this country (none for a country not listed)."""
        return " ".join([self.text, *(line.text for line in self.local_lines(country))])

    def sources_for(self, country: str | None) -> tuple[Source, ...]:
        extra = [line.source for line in self.local_lines(country)]
        return tuple(dict.fromkeys([self.source, *extra]))

    def render(self, country: str | None = None) -> str:
        cites = "; ".join(s.cite() for s in self.sources_for(country))
        return f"{self.title}: {self.text_for(country)}\n  Source: {cites}, checked {self.verified}"


@cache
def strategies() -> dict[str, Strategy]:
    raw = load_data(DATA_FILE)
    sources = parse_sources(raw["sources"])
    return {
        item["key"]: Strategy(
            key=item["key"],
            title=item["title"],
            text=item["text"],
            source=sources[item["source"]],
            verified=parse_date(item["verified"]),
            countries=tuple(item.get("countries", ())),
            local=tuple(
                LocalLine(
                    countries=tuple(line["countries"]),
                    text=line["text"],
                    source=sources[line["source"]],
                    verified=parse_date(line["verified"]),
                )
                for line in item.get("local", ())
            ),
        )
        for item in raw["strategies"]
    }


def strategy_title(key: str) -> str:
    """The title for a strategy key, or the key made readable if it is not (or no longer) known."""
    found = strategies().get(key)
    return found.title if found else key.replace("_", " ").capitalize()


SAFER_USE_QUESTIONS = ("naloxone_at_hand", "tested")


def asks_about(substance: str, substance_class: str = "") -> frozenset[str]:
    """Which of the safer-use questions fit this substance: naloxone for opioids and anything
    safeplan does not know; testing where testing tells you something. ("Were you alone?" always
    fits.) Before a name is typed, both are asked."""
    if not substance.strip() and not substance_class:
        return frozenset(SAFER_USE_QUESTIONS)
    ids = substances.class_keys(substance, substance_class)
    unknown = substances.is_unknown_supply(substance, substance_class)
    out: set[str] = set()
    if "opioid" in ids or unknown:
        out.add("naloxone_at_hand")
    if ids & WORTH_TESTING or unknown:
        out.add("tested")
    return frozenset(out)


def _ids(entry: UseEntry) -> frozenset[str]:
    return substances.identifiers(entry.substance, entry.substance_class)


def _wanted(entry: UseEntry, payload: VaultPayload, notes: Sequence[CombinationNote]) -> list[str]:
    """The strategies that fit this entry, most pressing first, each for a plain reason."""
    ids = _ids(entry)
    unknown = substances.is_unknown_supply(entry.substance, entry.substance_class)
    route = substances.normalize(entry.route)
    wanted: list[str] = []
    if any(n.urgent for n in notes) and (ids & DEPRESSANTS or unknown):
        wanted += ["know_the_signs", "no_mixing_depressants"]
    earlier = [e for e in payload.use_entries if e.id != entry.id and e.at < entry.at]
    main = substances.resolve_class(entry.substance, entry.substance_class)
    same = [
        e
        for e in earlier
        if substances.canonical_name(e.substance) in ids
        or (
            main not in ("", "other")
            and substances.resolve_class(e.substance, e.substance_class) == main
        )
    ]
    if same and ids & TOLERANCE_CLASSES and entry.at - max(e.at for e in same) >= TOLERANCE_BREAK:
        wanted.append("tolerance_after_break")
    if entry.used_alone:
        wanted.append("never_alone")
    if ("opioid" in ids or unknown) and entry.naloxone_at_hand is not True:
        wanted.append("naloxone")
    if "xylazine" in ids:
        wanted.append("xylazine_care")
    if unknown:
        wanted += ["counterfeit_pills", "start_low"]
    if (ids & WORTH_TESTING or unknown) and entry.tested is not True:
        wanted.append("test")
    if "ghb" in ids:
        wanted.append("ghb_dosing")
    if ids & {"stimulant", "cathinone", "mdma"}:
        wanted.append("stimulant_heat")
    if "inject" in route:
        wanted.append("sterile_equipment")
    if not same and ids & (WORTH_TESTING | DEPRESSANTS):
        wanted.append("start_low")
    if same and entry.at - max(e.at for e in same) <= REDOSE_WINDOW:
        wanted.append("space_doses")
    cutting_down = any(
        g.active and g.kind in ("stop", "use_less") for g in payload.harm_reduction.goals
    )
    broke_off = "tolerance_after_break" in wanted
    if "opioid" in ids and not ids & {"buprenorphine", "methadone"} and (cutting_down or broke_off):
        wanted.append("treatment_for_opioids")
    if entry.used_alone is None and (ids & DEPRESSANTS or unknown):
        wanted.append("never_alone")
    return list(dict.fromkeys(wanted))


def tips_for(
    entry: UseEntry,
    payload: VaultPayload,
    notes: Sequence[CombinationNote] = (),
    limit: int = DEFAULT_TIP_LIMIT,
    country: str | None = None,
) -> list[Strategy]:
    """Up to ``limit`` strategies: those that fit this entry (the person's own choices among them
    first), then the other strategies the person chose for their plan.

    Empty when the person turned tips off. After a dangerous or risky mix with a downer, the
    overdose signs come first. An unknown name (or the class "other") gets the ideas for an unknown
    supply. Strategies that apply only in other countries are left out; ``country`` defaults to the
    one in the person's settings.
    """
    if not payload.settings.harm_reduction_tips or limit <= 0:
        return []
    where = country or payload.settings.country
    known = strategies()
    own = set(payload.harm_reduction.strategies)
    fitting = [k for k in _wanted(entry, payload, notes) if k in known]
    first = [k for k in fitting if k in URGENT_FIRST and any(n.urgent for n in notes)]
    rest = sorted((k for k in fitting if k not in first), key=lambda k: k not in own)
    chosen = [k for k in payload.harm_reduction.strategies if k in known and k not in fitting]
    picked = [k for k in (*first, *rest) if known[k].applies_in(where)][:limit]
    picked += [k for k in chosen if known[k].applies_in(where)][: max(0, limit - len(picked))]
    return [known[k] for k in picked]


__all__ = [
    "GOAL_KIND_LABELS",
    "GoalAlignment",
    "Strategy",
    "asks_about",
    "goal_alignment",
    "goal_safety_note",
    "strategies",
    "strategy_title",
    "tips_for",
]
