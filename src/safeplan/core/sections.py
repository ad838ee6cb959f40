"""The seven parts of the safety plan: their titles and explanations in safeplan's own words, and which
fields of :class:`~safeplan.core.models.SafetyPlan` belong to each.

One source for every screen, export and guided prompt. The structure follows the Safety Planning
Intervention (Stanley B, Brown GK. Cognitive and Behavioral Practice 19(2), 2012); the wording is ours.
"""

from __future__ import annotations

from dataclasses import dataclass

from safeplan.core.models import (
    STEP_ORDER,
    Clinician,
    Contact,
    CrisisLine,
    EnvironmentStep,
    Item,
    Place,
    SafetyPlan,
    StepId,
    TextItem,
    UrgentCare,
)

METHOD_CITATION = (
    "Based on the Safety Planning Intervention: Stanley B, Brown GK. Safety Planning Intervention: "
    "A Brief Intervention to Mitigate Suicide Risk. Cognitive and Behavioral Practice 19(2), 2012."
)


@dataclass(frozen=True)
class Section:
    step: StepId
    number: int
    title: str
    explanation: str
    fields: tuple[str, ...]
    empty_words: str
    """What to say, kindly, when this part of the plan has nothing in it yet."""


SECTIONS: dict[StepId, Section] = {
    s.step: s
    for s in (
        Section(
            "warning_signs",
            1,
            "My warning signs",
            "Thoughts, feelings, situations or things I do that tell me a hard time may be coming.",
            ("warning_signs",),
            "No warning signs written yet. You can add them when you feel ready.",
        ),
        Section(
            "coping",
            2,
            "Things I can do on my own",
            "Things I can do by myself to get through a hard moment, without needing anyone else.",
            ("coping",),
            "Nothing here yet. Even one small thing, like a walk or a song, can help.",
        ),
        Section(
            "distraction",
            3,
            "People and places that take my mind off things",
            "People I can be around, and places I can go, that help me feel a bit better for a while.",
            ("distraction_people", "distraction_places"),
            "No people or places here yet. Somewhere busy and safe, like a café or library, can help.",
        ),
        Section(
            "help",
            4,
            "People I can ask for help",
            "People I trust enough to tell that I am struggling.",
            ("help_contacts",),
            "No one added yet. When you think of someone, you can add them here.",
        ),
        Section(
            "professionals",
            5,
            "Professionals and crisis services",
            "People and services whose job is to help: who supports me, urgent care near me, "
            "crisis lines.",
            ("clinicians", "urgent_care", "crisis_lines"),
            "No professionals added yet. The crisis lines for your country are always shown.",
        ),
        Section(
            "environment",
            6,
            "Making where I am safer",
            "Steps that put time and distance between me and harm, and who can help me take them.",
            ("environment",),
            "No steps here yet. A person you trust can help you think of some.",
        ),
        Section(
            "reasons",
            7,
            "What matters most to me",
            "The people, hopes and things that make life worth living for me.",
            ("reasons",),
            "Nothing written here yet. It can be one word, one person, one hope.",
        ),
    )
}

assert tuple(SECTIONS) == STEP_ORDER


def items_in(plan: SafetyPlan, step: StepId) -> list[Item]:
    """Every item of one part of the plan, in the order the person put them."""
    items: list[Item] = []
    for field in SECTIONS[step].fields:
        items.extend(getattr(plan, field))
    return items


def item_label(item: Item) -> str:
    """One line that shows an item the way a person would read it on paper."""
    if isinstance(item, TextItem):
        return item.text
    if isinstance(item, EnvironmentStep):
        return f"{item.text} (with {item.who_helps})" if item.who_helps else item.text
    if isinstance(item, Contact):
        extra = ", ".join(x for x in (item.relationship, item.phone) if x)
        return f"{item.name} ({extra})" if extra else item.name
    if isinstance(item, Place):
        return f"{item.name}, {item.address}" if item.address else item.name
    if isinstance(item, Clinician):
        parts = [x for x in (item.role, item.phone) if x]
        if item.out_of_hours:
            parts.append(f"out of hours: {item.out_of_hours}")
        return f"{item.name} ({', '.join(parts)})" if parts else item.name
    if isinstance(item, UrgentCare):
        parts = [x for x in (item.address, item.phone) if x]
        return f"{item.name} ({', '.join(parts)})" if parts else item.name
    if isinstance(item, CrisisLine):
        return f"{item.name}: {item.number}" if item.number else item.name
    return item.id


def find_item(plan: SafetyPlan, item_id: str) -> tuple[StepId, Item] | None:
    for step in STEP_ORDER:
        for item in items_in(plan, step):
            if item.id == item_id:
                return step, item
    return None
