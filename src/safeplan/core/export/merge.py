"""Bringing an imported payload into the current vault, and saying first what would change.

Merging never takes anything away. Items are matched by their ``id``: an item only in the import is
added; an item in both keeps the newer version (the plan's newer ``updated_at`` decides for plan items,
the import decides for log entries, which are not edited after the fact). Settings and a paused
guided session stay as they are on this computer. A merge that changes the plan keeps a revision.

The preview names kinds of things and counts, never anything a person wrote.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TypeVar

from pydantic import BaseModel

from safeplan.core.models import STEP_ORDER, Item, SafetyPlan, StepId, VaultPayload
from safeplan.core.plan import commit_plan_change
from safeplan.core.sections import SECTIONS, items_in

T = TypeVar("T", bound=Item)


@dataclass
class Tally:
    added: int = 0
    changed: int = 0
    same: int = 0


@dataclass
class MergePreview:
    kinds: dict[str, Tally] = field(default_factory=dict)
    """Per kind of thing ("check-ins", "plan items", ...): how many would be added or changed."""
    plan_sections: list[StepId] = field(default_factory=list)
    """The parts of the plan that would look different after the merge."""

    @property
    def changes_anything(self) -> bool:
        return any(t.added or t.changed for t in self.kinds.values()) or bool(self.plan_sections)

    def lines(self) -> list[str]:
        if not self.changes_anything:
            return ["Everything in this file is already in your vault. Nothing would change."]
        out = ["Merging this file would:"]
        for kind, tally in self.kinds.items():
            bits = []
            if tally.added:
                bits.append(f"add {tally.added}")
            if tally.changed:
                bits.append(f"update {tally.changed}")
            if bits:
                out.append(f"  {kind}: {' and '.join(bits)}")
        if self.plan_sections:
            out.append("  Parts of your plan that would change:")
            out += [f"    {SECTIONS[s].number}. {SECTIONS[s].title}" for s in self.plan_sections]
        out.append("Nothing in your vault would be removed.")
        return out


def _merge_items(
    current: Sequence[T], incoming: Sequence[T], tally: Tally, incoming_wins: bool
) -> list[T]:
    """Current order first, then what only the import has, in its order."""
    by_id = {i.id: i for i in incoming}
    merged: list[T] = []
    for item in current:
        other = by_id.get(item.id)
        if other is None or _same(other, item):
            tally.same += other is not None
            merged.append(item)
        else:
            tally.changed += 1
            merged.append(other.model_copy(deep=True) if incoming_wins else item)
    have = {i.id for i in current}
    for item in incoming:
        if item.id not in have:
            tally.added += 1
            merged.append(item.model_copy(deep=True))
    return merged


def _same(a: BaseModel, b: BaseModel) -> bool:
    return a.model_dump(mode="json") == b.model_dump(mode="json")


def _merge_log(
    current: Sequence[T], incoming: Sequence[T], tally: Tally, key: Callable[[T], datetime]
) -> list[T]:
    return sorted(_merge_items(current, incoming, tally, incoming_wins=True), key=key)


_PLAN_LISTS = (
    "warning_signs",
    "coping",
    "distraction_people",
    "distraction_places",
    "help_contacts",
    "clinicians",
    "urgent_care",
    "crisis_lines",
    "environment",
    "reasons",
)


def _merge_plan(current: SafetyPlan, incoming: SafetyPlan, tally: Tally) -> SafetyPlan:
    newer_incoming = incoming.updated_at > current.updated_at
    merged = current.model_copy(deep=True)
    for name in _PLAN_LISTS:
        setattr(
            merged,
            name,
            _merge_items(getattr(current, name), getattr(incoming, name), tally, newer_incoming),
        )
    for item_id, tool in incoming.coping_tools.items():
        if item_id not in merged.coping_tools or newer_incoming:
            merged.coping_tools[item_id] = tool
    for step, reflection in incoming.reflections.items():
        if step not in merged.reflections or newer_incoming:
            merged.reflections[step] = reflection.model_copy()
    if newer_incoming:
        for name, value in incoming.after_plan.model_dump().items():
            if value not in (None, ""):
                setattr(merged.after_plan, name, value)
    dates = [d for d in (current.last_reviewed_at, incoming.last_reviewed_at) if d]
    merged.last_reviewed_at = max(dates) if dates else None
    merged.created_at = min(current.created_at, incoming.created_at)
    return merged


def merge_payloads(
    current: VaultPayload, incoming: VaultPayload
) -> tuple[VaultPayload, MergePreview]:
    """The merged payload (a new object; ``current`` is not touched) and what would change."""
    preview = MergePreview()
    merged = current.model_copy(deep=True)

    plan_tally = preview.kinds.setdefault("plan items", Tally())
    merged.plan = _merge_plan(current.plan, incoming.plan, plan_tally)
    preview.plan_sections = [
        s
        for s in STEP_ORDER
        if [i.model_dump(mode="json") for i in items_in(current.plan, s)]
        != [i.model_dump(mode="json") for i in items_in(merged.plan, s)]
        or current.plan.reflections.get(s) != merged.plan.reflections.get(s)
    ]

    hr, inc_hr = merged.harm_reduction, incoming.harm_reduction
    hr_tally = preview.kinds.setdefault("harm-reduction plan items", Tally())
    never = datetime.min.replace(tzinfo=UTC)
    newer_hr = (inc_hr.updated_at or never) > (hr.updated_at or never)
    hr.goals = _merge_items(hr.goals, inc_hr.goals, hr_tally, newer_hr)
    hr.own_strategies = _merge_items(hr.own_strategies, inc_hr.own_strategies, hr_tally, newer_hr)
    hr.triggers = _merge_items(hr.triggers, inc_hr.triggers, hr_tally, newer_hr)
    hr.supporters = _merge_items(hr.supporters, inc_hr.supporters, hr_tally, newer_hr)
    new_keys = [k for k in inc_hr.strategies if k not in hr.strategies]
    hr_tally.added += len(new_keys)
    hr.strategies = [*hr.strategies, *new_keys]
    if inc_hr.notes and inc_hr.notes != hr.notes and (newer_hr or not hr.notes):
        hr.notes = inc_hr.notes
        hr_tally.changed += 1
    if newer_hr:
        hr.updated_at = inc_hr.updated_at

    merged.plan_revisions = _merge_log(
        current.plan_revisions,
        incoming.plan_revisions,
        preview.kinds.setdefault("earlier versions of the plan", Tally()),
        key=lambda r: r.at,
    )
    merged.plan_uses = _merge_log(
        current.plan_uses,
        incoming.plan_uses,
        preview.kinds.setdefault("times the plan was used", Tally()),
        key=lambda u: u.started_at,
    )
    merged.checkins = _merge_log(
        current.checkins,
        incoming.checkins,
        preview.kinds.setdefault("check-ins", Tally()),
        key=lambda c: c.at,
    )
    merged.use_entries = _merge_log(
        current.use_entries,
        incoming.use_entries,
        preview.kinds.setdefault("use entries", Tally()),
        key=lambda e: e.at,
    )
    merged.self_checks = _merge_log(
        current.self_checks,
        incoming.self_checks,
        preview.kinds.setdefault("self-checks", Tally()),
        key=lambda s: s.at,
    )
    merged.created_at = min(current.created_at, incoming.created_at)
    merged.hope_box = _merge_items(
        current.hope_box,
        incoming.hope_box,
        preview.kinds.setdefault("hope box items", Tally()),
        True,
    )
    commit_plan_change(merged, note="Merged from an import")
    return merged, preview


def replace_preview(current: VaultPayload, incoming: VaultPayload) -> list[str]:
    """What replacing the vault's contents with the import would mean, in counts."""
    now_counts, new_counts = current.counts(), incoming.counts()
    lines = ["Replacing your vault with this file would leave:"]
    for kind, before in now_counts.items():
        after = new_counts.get(kind, 0)
        lines.append(f"  {kind}: {after} (now {before})")
    lines.append("Everything now in your vault would be replaced, settings included.")
    return lines
