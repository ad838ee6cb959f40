"""What the plan editor asks for each kind of entry: every field of the model, labelled in plain words.
The first field is the entry's main words and is required; the rest may stay empty."""

from __future__ import annotations

from dataclasses import dataclass

from safeplan.core.models import (
    Clinician,
    Contact,
    CrisisLine,
    EnvironmentStep,
    Item,
    Place,
    StepId,
    TextItem,
    UrgentCare,
)
from safeplan.core.sections import SECTIONS


@dataclass(frozen=True)
class Field:
    name: str
    label: str


@dataclass(frozen=True)
class EntryKind:
    plan_field: str
    model: type[Item]
    group: str
    """The heading over this kind in a part with more than one kind ("People", "Places")."""
    one: str
    """One entry, in a sentence: "a warning sign", "a person"."""
    fields: tuple[Field, ...]

    @property
    def main(self) -> Field:
        return self.fields[0]


_NOTES = Field("notes", "Notes")

KINDS: dict[str, EntryKind] = {
    k.plan_field: k
    for k in (
        EntryKind("warning_signs", TextItem, "Warning signs", "a warning sign",
                  (Field("text", "What do you notice?"),)),
        EntryKind("coping", TextItem, "Things I can do", "something you can do on your own",
                  (Field("text", "What can you do?"),)),
        EntryKind("distraction_people", Contact, "People", "a person",
                  (Field("name", "Name"), Field("phone", "Phone"),
                   Field("relationship", "Who they are to you"), _NOTES)),
        EntryKind("distraction_places", Place, "Places", "a place",
                  (Field("name", "Place"), Field("address", "Where it is"), _NOTES)),
        EntryKind("help_contacts", Contact, "People", "a person",
                  (Field("name", "Name"), Field("phone", "Phone"),
                   Field("relationship", "Who they are to you"), _NOTES)),
        EntryKind("clinicians", Clinician, "People who support me", "a professional",
                  (Field("name", "Name"), Field("role", "Role (GP, nurse…)"),
                   Field("phone", "Phone"), Field("out_of_hours", "Out of hours"), _NOTES)),
        EntryKind("urgent_care", UrgentCare, "Urgent care near me", "urgent care near you",
                  (Field("name", "Name"), Field("address", "Address"), Field("phone", "Phone"),
                   _NOTES)),
        EntryKind("crisis_lines", CrisisLine, "Crisis lines I chose", "a crisis line",
                  (Field("name", "Name"), Field("number", "Number or chat"), _NOTES)),
        EntryKind("environment", EnvironmentStep, "Steps", "a step",
                  (Field("text", "What could you do?"), Field("who_helps", "Who can help"))),
        EntryKind("reasons", TextItem, "What matters most", "something that matters to you",
                  (Field("text", "What matters to you?"),)),
    )
}  # fmt: skip


def kinds_for(step: StepId) -> list[EntryKind]:
    return [KINDS[name] for name in SECTIONS[step].fields]


SHORT_TITLES: dict[StepId, str] = {
    "warning_signs": "Warning signs",
    "coping": "On my own",
    "distraction": "Take my mind off",
    "help": "Ask for help",
    "professionals": "Professionals",
    "environment": "A safer place",
    "reasons": "What matters most",
}
