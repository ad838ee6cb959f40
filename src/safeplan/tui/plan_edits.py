"""The plan editor's changes to the payload: add, change, move, remove one entry. Pure functions on the
models (no screen, no disk); the editor then keeps a revision and saves."""

from __future__ import annotations

from collections.abc import Mapping

from pydantic import ValidationError

from safeplan.core.errors import SafeplanError
from safeplan.core.models import SHORT, Item, SafetyPlan
from safeplan.tui.plan_fields import EntryKind


class NotKept(SafeplanError):
    """An entry could not be kept as typed; the message never repeats the words."""


def entries(plan: SafetyPlan, kind: EntryKind) -> list[Item]:
    items: list[Item] = getattr(plan, kind.plan_field)
    return items


def build(kind: EntryKind, values: Mapping[str, str], old: Item | None = None) -> Item:
    """A validated entry from the form's values (keeping the old entry's id when changing one)."""
    cleaned = {f.name: values.get(f.name, "").strip() for f in kind.fields}
    if not cleaned[kind.main.name]:
        raise NotKept(f"Please write something in “{kind.main.label}”. The rest can stay empty.")
    data = {**old.model_dump(), **cleaned} if old is not None else cleaned
    try:
        return kind.model.model_validate(data)
    except ValidationError:
        raise NotKept(
            "That is longer than safeplan can keep in one box.",
            f"Names, numbers and addresses can be up to {SHORT} characters. Please shorten it.",
        ) from None


def put(plan: SafetyPlan, kind: EntryKind, item: Item) -> None:
    """Add the entry at the end of its part, or replace the entry with the same id in place."""
    items = entries(plan, kind)
    for index, existing in enumerate(items):
        if existing.id == item.id:
            items[index] = item
            return
    items.append(item)


def link(plan: SafetyPlan, kind: EntryKind, item: Item, values: Mapping[str, str]) -> None:
    """A coping step's tool, as the form chose it (``tool``: a tool's name, or "" for none);
    other kinds, and a form without the choice, leave the links as they are."""
    from safeplan.core.moment.links import TOOL_NAMES, link_tool

    if kind.plan_field != "coping" or "tool" not in values:
        return
    chosen = values["tool"]
    tool = next((name for name in TOOL_NAMES if name == chosen), None)
    link_tool(plan, item.id, tool)


def remove(plan: SafetyPlan, kind: EntryKind, item_id: str) -> bool:
    items = entries(plan, kind)
    for index, existing in enumerate(items):
        if existing.id == item_id:
            del items[index]
            return True
    return False


def move(plan: SafetyPlan, kind: EntryKind, item_id: str, step: int) -> bool:
    """Move an entry up (-1) or down (+1) among entries of its kind; False at either end."""
    items = entries(plan, kind)
    for index, existing in enumerate(items):
        if existing.id == item_id:
            target = index + step
            if not 0 <= target < len(items):
                return False
            items[index], items[target] = items[target], existing
            return True
    return False
