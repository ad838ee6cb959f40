"""What every export shows, built once from the vault payload and rendered by each format.

The content is the plan in plan order, in the person's own words (section titles from
:mod:`safeplan.core.sections`), the dates, the harm-reduction plan when there is one, and the crisis
help for the person's country. The JSON export is the exception: it is the whole payload.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from safeplan.core.crisis import CountryHelp
from safeplan.core.export import crisis_help
from safeplan.core.export.layout import long_date
from safeplan.core.harm_reduction import strategy_title
from safeplan.core.models import (
    STEP_ORDER,
    Clinician,
    Contact,
    CrisisLine,
    HarmReductionPlan,
    Item,
    Place,
    SafetyPlan,
    StepId,
    UrgentCare,
)
from safeplan.core.sections import SECTIONS, item_label

TITLE = "My safety plan"
WAY_ROUND = "My way around what might get in the way"
HOW_TO_USE = "When things get hard, start at step 1 and go down the list until you feel safer."
WHO_TO_CALL = "Who I can call"
FOOTER = (
    "Made with safeplan, based on the Safety Planning Intervention (Stanley and Brown, 2012). "
    "safeplan supports your plan; it does not replace care from a professional."
)

Piece = Literal["heading", "who_to_call", "crisis", "steps", "harm_reduction", "footer"]
PAGE_ORDER: tuple[Piece, ...] = (
    "heading",
    "who_to_call",
    "crisis",
    "steps",
    "harm_reduction",
    "footer",
)
"""The order of the plan on paper and in Markdown, defined once: the crisis lines for the person's
country right after the heading (with their own people and professionals first when the text
export needs them on page 1), then the steps, the harm-reduction plan, and the footer."""

# Headings inside the parts that hold more than one kind of thing.
GROUP_HEADINGS: dict[str, str] = {
    "distraction_people": "People",
    "distraction_places": "Places",
    "clinicians": "Who supports me",
    "urgent_care": "Urgent care",
    "crisis_lines": "Crisis lines I chose",
}

GOAL_KIND_WORDS = {
    "safer_use": "safer use",
    "use_less": "using less",
    "stop": "stopping",
    "other": "",
}


@dataclass(frozen=True)
class Entry:
    text: str
    """The item as one line (name, relationship, phone...)."""
    notes: str = ""


@dataclass(frozen=True)
class Group:
    heading: str
    """Empty when the part holds one kind of thing."""
    entries: tuple[Entry, ...]


@dataclass(frozen=True)
class Part:
    step: StepId
    number: int
    title: str
    groups: tuple[Group, ...]
    empty_words: str
    way_round: str = ""
    """The person's own way around what might get in the way of this step (the guided session)."""

    @property
    def empty(self) -> bool:
        return not any(g.entries for g in self.groups)

    def entries(self) -> list[Entry]:
        return [e for g in self.groups for e in g.entries]


@dataclass(frozen=True)
class HarmReduction:
    groups: tuple[Group, ...]
    notes: str = ""


@dataclass(frozen=True)
class ExportContent:
    printed_on: date
    last_reviewed: date | None
    parts: tuple[Part, ...]
    harm_reduction: HarmReduction | None
    country: str | None
    crisis: CountryHelp
    """What the crisis directory shows for the country."""
    heading_note: str = ""
    """An extra line under the title (e.g. "Version 3, saved 12 May 2026")."""

    def part(self, step: StepId) -> Part:
        return next(p for p in self.parts if p.step == step)

    def intro(self) -> list[str]:
        """What follows the title, one paragraph each: the heading note, the dates, how to use it."""
        reviewed = long_date(self.last_reviewed) if self.last_reviewed else "not yet"
        dates = f"Printed {long_date(self.printed_on)}. Last reviewed: {reviewed}."
        return [x for x in (self.heading_note, dates, HOW_TO_USE) if x]

    @property
    def help_title(self) -> str:
        """ "Help, any time: United Kingdom": the crisis help's heading names its country."""
        name = self.crisis.country_name
        return f"Help, any time: {name}" if name else "Help, any time"


def _entry(item: Item) -> Entry:
    notes = (
        item.notes
        if isinstance(item, Contact | Place | Clinician | UrgentCare | CrisisLine)
        else ""
    )
    return Entry(item_label(item), notes)


def _part(plan: SafetyPlan, step: StepId) -> Part:
    section = SECTIONS[step]
    groups = tuple(
        Group(
            GROUP_HEADINGS.get(name, "") if len(section.fields) > 1 else "",
            tuple(_entry(i) for i in getattr(plan, name)),
        )
        for name in section.fields
    )
    reflection = plan.reflections.get(step)
    way_round = reflection.way_round if reflection is not None else ""
    return Part(step, section.number, section.title, groups, section.empty_words, way_round)


def strategy_words(key: str) -> str:
    """A picked safer-use strategy in words, as the harm-reduction data names it."""
    return strategy_title(key)


def _harm_reduction(hr: HarmReductionPlan) -> HarmReduction | None:
    if hr.is_empty():
        return None
    goals = []
    for g in hr.goals:
        if not g.active:
            continue
        extra = ", ".join(x for x in (g.substance, GOAL_KIND_WORDS.get(g.kind, "")) if x)
        text = g.text or GOAL_KIND_WORDS.get(g.kind, "") or "My goal"
        goals.append(Entry(f"{text} ({extra})" if extra and g.text else text))
    groups = (
        Group("My goals", tuple(goals)),
        Group(
            "What I do to stay safer",
            tuple(Entry(strategy_words(k)) for k in hr.strategies)
            + tuple(Entry(t.text) for t in hr.own_strategies),
        ),
        Group("What can set things off", tuple(Entry(t.text) for t in hr.triggers)),
        Group("Who supports me", tuple(Entry(item_label(c), c.notes) for c in hr.supporters)),
    )
    return HarmReduction(tuple(g for g in groups if g.entries), hr.notes)


def build_content(
    plan: SafetyPlan,
    harm_reduction: HarmReductionPlan | None,
    *,
    today: date | None = None,
    country: str | None = None,
    heading_note: str = "",
) -> ExportContent:
    reviewed = plan.last_reviewed_at
    return ExportContent(
        printed_on=today or date.today(),
        last_reviewed=reviewed.date() if reviewed else None,
        parts=tuple(_part(plan, step) for step in STEP_ORDER),
        harm_reduction=_harm_reduction(harm_reduction) if harm_reduction else None,
        country=country,
        crisis=crisis_help.help_for_export(country),
        heading_note=heading_note,
    )
