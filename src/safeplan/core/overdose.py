"""What to do if someone may be overdosing: one text for ``safeplan overdose``, the app's overdose
screen, the printable card, and the first steps after a dangerous mix is logged.

The words live in ``safeplan/data/overdose.json`` (safeplan's own, each part with its sources); the
emergency number comes from the crisis directory for the country. Like ``safeplan crisis``, this
needs no vault and imports neither the UI nor the vault code.
"""

from __future__ import annotations

import textwrap
from datetime import date
from functools import cache
from typing import NamedTuple

from safeplan.core.sourced import Source, load_data, parse_date, parse_sources

DATA_FILE = "overdose.json"
FIRST_STEPS = 2
"""How many steps follow a dangerous mix in ``safeplan use`` (call, then naloxone)."""


class Part(NamedTuple):
    text: str
    sources: tuple[Source, ...]
    heading: str = ""


class Guide(NamedTuple):
    """The overdose steps for one country."""

    country: str | None
    emergency: str
    """The number to call, as words ("999 or 112"), or a phrase when none is known."""
    known_number: bool
    title: str
    signs: tuple[Part, ...]
    steps: tuple[Part, ...]
    tell: Part
    laws: tuple[Part, ...]

    def sources(self) -> tuple[Source, ...]:
        parts = (*self.signs, *self.steps, self.tell, *self.laws)
        return tuple(dict.fromkeys(s for p in parts for s in p.sources))

    def lines(self, width: int = 78, *, with_sources: bool = True) -> list[str]:
        """Plain lines, none wider than ``width``: the call first, then signs, steps, laws."""
        out = _wrap(f"{self.title}: call {self.emergency}.", width)
        out.append("")
        out += _wrap("Signs", width)
        for sign in self.signs:
            out += _wrap(f"{sign.heading}: {sign.text}", width, "- ", "  ")
        out.append("")
        out += _wrap("What to do", width)
        for i, step in enumerate(self.steps, 1):
            out += _wrap(step.text, width, f"{i}. ", "   ")
        out.append("")
        out += _wrap(self.tell.text, width)
        for law in self.laws:
            out.append("")
            out += _wrap(law.text, width)
        if with_sources:
            out.append("")
            out += _wrap("Sources (checked " + checked().isoformat() + "):", width)
            for source in self.sources():
                out += _wrap(source.cite(), width, "- ", "  ")
        return out

    def first_steps(self, width: int = 78) -> list[str]:
        """The call and naloxone steps, for right after a dangerous mix is logged."""
        out = _wrap("If someone can't be woken, or is breathing slowly or not at all:", width)
        for i, step in enumerate(self.steps[:FIRST_STEPS], 1):
            out += _wrap(step.text, width, f"{i}. ", "   ")
        out += _wrap(
            "Put them on their side and stay with them.", width, f"{FIRST_STEPS + 1}. ", "   "
        )
        return out


def _wrap(text: str, width: int, first: str = "", rest: str = "") -> list[str]:
    return textwrap.wrap(
        text,
        width=max(20, width),
        initial_indent=first,
        subsequent_indent=rest,
        break_long_words=False,
        break_on_hyphens=False,
    ) or [first.rstrip()]


@cache
def _raw() -> dict[str, object]:
    data: dict[str, object] = load_data(DATA_FILE)
    return data


def checked() -> date:
    return parse_date(str(_raw()["verified"]))


@cache
def _sources() -> dict[str, Source]:
    return parse_sources(_raw()["sources"])  # type: ignore[arg-type]


def _part(item: dict[str, object], emergency: str = "") -> Part:
    text = str(item["text"]).replace("{emergency}", emergency)
    keys = item.get("sources", [])
    assert isinstance(keys, list)
    return Part(text, tuple(_sources()[k] for k in keys), str(item.get("heading", "")))


def emergency_for(country: str | None) -> tuple[str, bool]:
    """The number to call for ``country`` from the crisis directory, and whether one is known."""
    from safeplan.core.crisis import help_for

    summary = help_for(country).emergency_summary()
    if summary:
        return summary, True
    return "your local emergency number", False


def guide(country: str | None) -> Guide:
    """The overdose steps with the emergency number for ``country`` (None: not known)."""
    raw = _raw()
    number, known = emergency_for(country)
    laws = [
        _part(item)
        for item in raw["laws"]  # type: ignore[attr-defined]
        if country is not None and country in item["countries"]
    ]
    return Guide(
        country=country,
        emergency=number,
        known_number=known,
        title=str(raw["title"]),
        signs=tuple(_part(item) for item in raw["signs"]),  # type: ignore[attr-defined]
        steps=tuple(_part(item, number) for item in raw["steps"]),  # type: ignore[attr-defined]
        tell=_part(raw["tell"]),  # type: ignore[arg-type]
        laws=tuple(laws),
    )


def card_text(country: str | None, width: int = 72) -> str:
    """The printable card: the whole guide with its sources, plain text."""
    return "\n".join(guide(country).lines(width)) + "\n"
