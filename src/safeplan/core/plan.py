"""What happens to the safety plan over time: dated revisions, differences between versions, review,
and remembering which steps helped. Pure functions on the models, shared by the TUI and the CLI.

"What helped": while the person goes through their plan, :func:`record_step` notes, for one step,
the items they used (``item_ids``) and whether the step helped. An item counts as *used* each time it
is among a step's items, and as *helped* when that step helped. When the person has turned
``settings.remember_what_helped`` off, :func:`finish_plan_use` keeps nothing at all.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Literal

from safeplan.core.models import (
    STEP_ORDER,
    AfterPlan,
    Item,
    PlanRevision,
    PlanUse,
    SafetyPlan,
    StepId,
    StepOutcome,
    StepReflection,
    VaultPayload,
    now,
)
from safeplan.core.sections import SECTIONS, item_label, items_in

# --- Revisions -----------------------------------------------------------------------------------

_NOT_CONTENT = {"updated_at"}


def _content(plan: SafetyPlan) -> dict[str, Any]:
    return plan.model_dump(mode="json", exclude=_NOT_CONTENT)


def plan_changed(payload: VaultPayload) -> bool:
    """True when the plan differs from its latest saved revision (or has none and is not empty)."""
    if not payload.plan_revisions:
        return not payload.plan.is_empty() or payload.plan.last_reviewed_at is not None
    return _content(payload.plan) != _content(payload.plan_revisions[-1].plan)


def commit_plan_change(
    payload: VaultPayload, note: str = "", *, at: datetime | None = None
) -> bool:
    """Keep a dated revision when the plan changed since the last one. Returns whether one was added.

    Call this before every save that may have touched the plan: every saved change keeps a revision.
    """
    if not plan_changed(payload):
        return False
    when = at or now()
    payload.plan.updated_at = when
    payload.plan_revisions.append(
        PlanRevision(at=when, plan=payload.plan.model_copy(deep=True), note=note[:500])
    )
    return True


def mark_reviewed(payload: VaultPayload, when: datetime | None = None) -> PlanRevision:
    """Record that the person looked over their plan today; keeps a revision with that date."""
    when = when or now()
    payload.plan.last_reviewed_at = when
    commit_plan_change(payload, note="Reviewed", at=when)
    return payload.plan_revisions[-1]


def days_since_review(payload: VaultPayload, today: date | None = None) -> int | None:
    """Days since the plan was last marked reviewed, or None when it never was."""
    reviewed = payload.plan.last_reviewed_at
    if reviewed is None:
        return None
    return max(0, ((today or date.today()) - reviewed.date()).days)


def days_since_created(payload: VaultPayload, today: date | None = None) -> int:
    return max(0, ((today or date.today()) - payload.plan.created_at.date()).days)


def review_due(payload: VaultPayload, today: date | None = None) -> bool:
    """True when a gentle "time to look over your plan" nudge fits: the plan has something in it, and
    it is older than ``settings.review_nudge_days`` since its last review (or, never reviewed, since
    it was created)."""
    if payload.plan.is_empty():
        return False
    days = days_since_review(payload, today)
    if days is None:
        days = days_since_created(payload, today)
    return days >= payload.settings.review_nudge_days


# --- Differences between two versions ------------------------------------------------------------

ChangeKind = Literal["added", "removed", "changed", "moved"]
Where = StepId | Literal["after_plan"]


@dataclass(frozen=True)
class PlanChange:
    section: Where
    kind: ChangeKind
    old: str = ""
    new: str = ""
    position: int = 0
    """For a moved item: where it is now in its part of the plan, counting from 1."""


_LIKELIHOOD_WORDS = {"likely": "likely", "maybe": "maybe", "unlikely": "not very likely"}


def _reflection_label(r: StepReflection | None) -> str:
    if r is None:
        return ""
    parts = []
    if r.likelihood:
        parts.append(f"How likely I am to do this: {_LIKELIHOOD_WORDS[r.likelihood]}")
    if r.barriers:
        parts.append(f"what might get in the way: {r.barriers}")
    if r.way_round:
        parts.append(f"my way around it: {r.way_round}")
    return "; ".join(parts)


_AFTER_PLAN_QUESTIONS = {
    "likelihood_of_use": "How likely I am to use this plan",
    "what_might_get_in_the_way": "What might get in the way",
    "way_round": "My way around it",
    "where_kept": "Where I keep it",
    "who_has_a_copy": "Who has a copy",
    "follow_up_when": "When I will look at it again",
    "follow_up_with": "Who I will look at it with",
}


def _after_plan_value(a: AfterPlan, name: str) -> str:
    value = getattr(a, name)
    if value is None:
        return ""
    return _LIKELIHOOD_WORDS.get(value, value) if name == "likelihood_of_use" else str(value)


def _stable_ids(old_ids: list[str], new_ids: list[str]) -> set[str]:
    """The ids that kept their relative order (a longest common subsequence); the rest moved."""
    n, m = len(old_ids), len(new_ids)
    table = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            table[i][j] = (
                table[i + 1][j + 1] + 1
                if old_ids[i] == new_ids[j]
                else max(table[i + 1][j], table[i][j + 1])
            )
    keep: set[str] = set()
    i = j = 0
    while i < n and j < m:
        if old_ids[i] == new_ids[j]:
            keep.add(old_ids[i])
            i += 1
            j += 1
        elif table[i + 1][j] > table[i][j + 1]:
            i += 1
        else:
            j += 1
    return keep


def _step_changes(step: StepId, old: list[Item], new: list[Item]) -> list[PlanChange]:
    old_by_id = {i.id: i for i in old}
    new_ids = {i.id for i in new}
    changes = [PlanChange(step, "removed", old=item_label(i)) for i in old if i.id not in new_ids]
    common_old = [i.id for i in old if i.id in new_ids]
    common_new = [i.id for i in new if i.id in old_by_id]
    stable = _stable_ids(common_old, common_new)
    for position, item in enumerate(new, 1):
        before = old_by_id.get(item.id)
        if before is None:
            changes.append(PlanChange(step, "added", new=item_label(item)))
            continue
        if before.model_dump(exclude={"id"}) != item.model_dump(exclude={"id"}):
            changes.append(
                PlanChange(step, "changed", old=item_label(before), new=item_label(item))
            )
        if item.id not in stable:
            changes.append(
                PlanChange(step, "moved", item_label(before), item_label(item), position)
            )
    return changes


def diff_plans(old: SafetyPlan, new: SafetyPlan) -> list[PlanChange]:
    """What changed from ``old`` to ``new``, part by part in plan order. Items are matched by id, so
    an edited line shows as changed and a dragged line as moved."""
    changes: list[PlanChange] = []
    for step in STEP_ORDER:
        changes.extend(_step_changes(step, items_in(old, step), items_in(new, step)))
        before = _reflection_label(old.reflections.get(step))
        after = _reflection_label(new.reflections.get(step))
        if before != after:
            kind: ChangeKind = "added" if not before else "removed" if not after else "changed"
            changes.append(PlanChange(step, kind, old=before, new=after))
    for name, question in _AFTER_PLAN_QUESTIONS.items():
        before = _after_plan_value(old.after_plan, name)
        after = _after_plan_value(new.after_plan, name)
        if before != after:
            kind = "added" if not before else "removed" if not after else "changed"
            changes.append(
                PlanChange(
                    "after_plan",
                    kind,
                    old=f"{question}: {before}" if before else "",
                    new=f"{question}: {after}" if after else "",
                )
            )
    if old.last_reviewed_at != new.last_reviewed_at:
        changes.append(
            PlanChange(
                "after_plan",
                "changed",
                old=f"Last reviewed: {_day(old.last_reviewed_at)}",
                new=f"Last reviewed: {_day(new.last_reviewed_at)}",
            )
        )
    return changes


def _day(when: datetime | None) -> str:
    """A date as a person reads it, in the offset it was written with: "18 October 2026"."""
    if when is None:
        return "never"
    return f"{when.day} {when:%B %Y}"


def section_heading(where: Where) -> str:
    if where == "after_plan":
        return "About the plan"
    s = SECTIONS[where]
    return f"{s.number}. {s.title}"


def render_diff(changes: Iterable[PlanChange]) -> list[str]:
    """The changes as plain lines a person can read, grouped under each part's title."""
    lines: list[str] = []
    current: Where | None = None
    for c in changes:
        if c.section != current:
            if lines:
                lines.append("")
            lines.append(section_heading(c.section))
            current = c.section
        if c.kind == "added":
            lines.append(f"  + Added: {c.new}")
        elif c.kind == "removed":
            lines.append(f"  - Taken out: {c.old}")
        elif c.kind == "moved":
            lines.append(f"  ~ Moved to number {c.position}: {c.new}")
        elif c.old == c.new:
            lines.append(f"  * Details changed: {c.new}")
        else:
            lines.append(f"  * Changed: {c.old}")
            lines.append(f"         to: {c.new}")
    return lines or ["No differences between these two versions."]


# --- What helped ---------------------------------------------------------------------------------

RECENT = 5


@dataclass
class HelpedStat:
    item_id: str
    used: int = 0
    helped: int = 0
    recent: list[bool] = field(default_factory=list)
    """Whether it helped, for each time it was used, oldest first."""

    @property
    def recent_helped(self) -> int:
        return sum(self.recent[-RECENT:])

    def line(self) -> str:
        """A short, neutral sentence, e.g. "helped 4 of the last 5 times"."""
        last = self.recent[-RECENT:]
        if not last:
            return ""
        if len(last) == 1:
            return "helped the one time you used it" if last[0] else "used once before"
        if all(last):
            return f"helped each of the last {len(last)} times"
        return f"helped {sum(last)} of the last {len(last)} times"


def what_helped(payload: VaultPayload) -> dict[str, HelpedStat]:
    """Per plan item id: how often it was used while going through the plan, and how often it helped."""
    stats: dict[str, HelpedStat] = {}
    for use in sorted(payload.plan_uses, key=lambda u: u.started_at):
        for outcome in use.outcomes:
            for item_id in dict.fromkeys(outcome.helped_items):
                stat = stats.setdefault(item_id, HelpedStat(item_id))
                stat.used += 1
                helped = outcome.helped is True
                stat.helped += helped
                stat.recent.append(helped)
    return stats


def start_plan_use(payload: VaultPayload) -> PlanUse:
    """A new walk through the plan. It is kept only when finished, and only if the person agreed."""
    return PlanUse(started_at=now())


def record_step(
    use: PlanUse, step: StepId, helped: bool | None, item_ids: Iterable[str] = ()
) -> StepOutcome:
    """Note what happened at one step (recording the same step again replaces the first answer)."""
    outcome = StepOutcome(step=step, helped=helped, helped_items=list(dict.fromkeys(item_ids)))
    use.outcomes = [o for o in use.outcomes if o.step != step] + [outcome]
    return outcome


def finish_plan_use(payload: VaultPayload, use: PlanUse) -> bool:
    """End a walk through the plan. Returns True when it was kept in the vault.

    With ``remember_what_helped`` off nothing is kept, not even that the plan was used.
    """
    use.finished_at = now()
    if not payload.settings.remember_what_helped:
        use.outcomes = []
        return False
    if all(u.id != use.id for u in payload.plan_uses):
        payload.plan_uses.append(use)
    return True
