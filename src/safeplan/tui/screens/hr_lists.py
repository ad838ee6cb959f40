"""The lists My harm-reduction plan holds (goals, own ways, triggers, supporters): how each item is
shown, which boxes ask for it, and how an item is built from those boxes (a change keeps its id)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from safeplan.core.harm_reduction import GOAL_KIND_LABELS
from safeplan.core.models import Contact, GoalKind, HarmReductionGoal, TextItem, now
from safeplan.tui.screens.hr_form import FieldSpec

KIND_OPTIONS: list[tuple[str, str]] = [(k, v) for k, v in GOAL_KIND_LABELS.items()]
ACTIVE_OPTIONS: list[tuple[str, str]] = [("yes", "yes, working on it"), ("no", "set aside")]


@dataclass(frozen=True)
class ListKind:
    """One list in the plan: how to show, ask for and build its items."""

    attr: str
    one: str
    fields: list[FieldSpec]
    label: Callable[[Any], str]
    values: Callable[[Any], dict[str, str]]
    build: Callable[[dict[str, str], Any | None], Any]


def _goal(values: dict[str, str], old: HarmReductionGoal | None) -> HarmReductionGoal:
    kind: GoalKind = values["kind"]  # type: ignore[assignment]
    data = {"kind": kind, "text": values["text"], "substance": values.get("substance", "")}
    if old is None:
        return HarmReductionGoal(**data, active=values.get("active", "yes") == "yes")
    changed = old.model_copy(update={**data, "active": values.get("active", "yes") == "yes"})
    if old.kind != kind or old.text != values["text"]:
        changed = changed.model_copy(update={"set_at": now()})
    return HarmReductionGoal.model_validate(changed.model_dump())


def _goal_label(g: HarmReductionGoal) -> str:
    about = f" · {g.substance}" if g.substance else ""
    aside = "  (set aside)" if not g.active else ""
    return f"[{GOAL_KIND_LABELS[g.kind]}{about}] {g.text}{aside}"


def _text_item(values: dict[str, str], old: TextItem | None) -> TextItem:
    return (
        TextItem(text=values["text"]) if old is None else TextItem(id=old.id, text=values["text"])
    )


def _contact(values: dict[str, str], old: Contact | None) -> Contact:
    data = {k: values.get(k, "") for k in ("name", "phone", "relationship")}
    return Contact(**data) if old is None else Contact(id=old.id, notes=old.notes, **data)


def _contact_label(c: Contact) -> str:
    extra = ", ".join(x for x in (c.relationship, c.phone) if x)
    return f"{c.name}" + (f" ({extra})" if extra else "")


GOALS = ListKind(
    "goals",
    "a goal",
    [  # the person's words first: the box that has focus, and Tab goes on down from there
        FieldSpec("text", "In my words"),
        FieldSpec("kind", "Kind of goal", KIND_OPTIONS),
        FieldSpec("substance", "About (optional)"),
        FieldSpec("active", "Working on it", ACTIVE_OPTIONS),
    ],
    _goal_label,
    lambda g: {
        "kind": g.kind,
        "text": g.text,
        "substance": g.substance,
        "active": "yes" if g.active else "no",
    },
    _goal,
)


def _text_list(attr: str, one: str, label: str) -> ListKind:
    """A list of short texts in the person's words, asked for with one box."""
    return ListKind(
        attr,
        one,
        [FieldSpec("text", label)],
        lambda t: t.text,
        lambda t: {"text": t.text},
        _text_item,
    )


OWN_WAYS = _text_list("own_strategies", "a way of my own", "My way")
TRIGGERS = _text_list("triggers", "a trigger", "Trigger")
SUPPORTERS = ListKind(
    "supporters",
    "a supporter",
    [FieldSpec("name", "Name"), FieldSpec("phone", "Phone"), FieldSpec("relationship", "Who")],
    _contact_label,
    lambda c: {"name": c.name, "phone": c.phone, "relationship": c.relationship},
    _contact,
)
LISTS = {k.attr: k for k in (GOALS, OWN_WAYS, TRIGGERS, SUPPORTERS)}
EMPTY_WORDS = {
    "goals": "No goal yet. Press a to set one in your own words.",
    "own_strategies": "Nothing yet. Your own ways of keeping safer go here (a to add).",
    "triggers": "Nothing yet. Times, places or feelings that make use more likely (a to add).",
    "supporters": "Nobody yet. People who back you up (a to add).",
}
