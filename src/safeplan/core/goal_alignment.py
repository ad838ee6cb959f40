"""How recent days line up with the goals a person chose in their harm-reduction plan, counted
plainly (never "failed", "slipped" or "broke"), and the one sentence of withdrawal safety a goal to
stop or cut down alcohol, benzodiazepines or GHB carries."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from safeplan.core import substances
from safeplan.core.models import GoalKind, HarmReductionGoal, UseEntry, VaultPayload, now
from safeplan.core.plural import count

GOAL_KIND_LABELS: dict[GoalKind, str] = {
    "safer_use": "safer use",
    "use_less": "using less",
    "stop": "stopping",
    "other": "my own goal",
}

STOPPING_NEEDS_CARE = frozenset({"alcohol", "benzodiazepine", "ghb", "z_drug", "barbiturate"})
"""Classes where stopping suddenly after daily use can cause seizures."""


def _ids(entry: UseEntry) -> frozenset[str]:
    return substances.identifiers(entry.substance, entry.substance_class)


def goal_safety_note(goal: HarmReductionGoal) -> str:
    """One sentence of medical safety when a goal to stop or cut down names alcohol, benzos or
    GHB (stopping suddenly after daily use can cause seizures); "" otherwise."""
    if goal.kind not in ("stop", "use_less") or not goal.substance.strip():
        return ""
    keys = substances.class_keys(goal.substance) | {substances.normalize(goal.substance)}
    wanted = substances.normalize(goal.substance).removesuffix("s")
    if keys & STOPPING_NEEDS_CARE or wanted in ("benzo", "benzodiazepine", "drink"):
        return (
            "If you take this every day, stopping suddenly can be dangerous (seizures). A doctor "
            "or drug service can help you come down safely."
        )
    return ""


# --- How recent days line up with the person's goals ---------------------------------------------


@dataclass(frozen=True)
class GoalAlignment:
    days: int
    start: date
    end: date
    days_with_use: int
    previous_days_with_use: int
    entries: int
    noted_alone: int
    not_alone: int
    noted_naloxone: int
    naloxone: int
    noted_tested: int
    tested: int
    lines: tuple[str, ...]

    @property
    def days_without_use(self) -> int:
        return self.days - self.days_with_use

    def render(self) -> str:
        return "\n".join(self.lines)


def _matches_goal(goal: HarmReductionGoal, entry: UseEntry) -> bool:
    """Whether an entry is about the goal's substance ("alcohol", "opioids", a street name...);
    a goal without a substance is about all use."""
    if not goal.substance.strip():
        return True
    wanted = substances.normalize(goal.substance)
    canonical = substances.canonical_name(goal.substance)
    keys = {canonical, wanted, wanted.removesuffix("s"), canonical.removesuffix("s")}
    return bool(keys & _ids(entry))


def _use_days(entries: Iterable[UseEntry], start: date, end: date) -> set[date]:
    out: set[date] = set()
    for e in entries:
        day = e.at.date()
        if start <= day <= end:
            out.add(day)
    return out


def _of(count: int, total: int, what: str) -> str:
    return f"{what}: {count} of {total} time{'s' if total != 1 else ''} you noted it."


def goal_alignment(
    payload: VaultPayload, days: int = 14, today: date | None = None
) -> GoalAlignment:
    """How the last ``days`` days line up with the goals and strategies the person chose.

    Counted per calendar day of the entries' own times. Only what the person logged is counted:
    a day without an entry is "no use logged", not a claim about what happened.
    """
    days = max(1, days)
    end = today or now().date()
    start = end - timedelta(days=days - 1)
    prev_start, prev_end = start - timedelta(days=days), start - timedelta(days=1)
    in_period = [e for e in payload.use_entries if start <= e.at.date() <= end]
    use_days = _use_days(in_period, start, end)
    previous = _use_days(payload.use_entries, prev_start, prev_end)

    noted_alone = [e for e in in_period if e.used_alone is not None]
    not_alone = sum(1 for e in noted_alone if e.used_alone is False)
    noted_nal = [e for e in in_period if e.naloxone_at_hand is not None]
    naloxone = sum(1 for e in noted_nal if e.naloxone_at_hand)
    noted_test = [e for e in in_period if e.tested is not None]
    tested = sum(1 for e in noted_test if e.tested)

    lines: list[str] = [f"The last {count(days, 'day')}, as you logged them:"]
    goals = [g for g in payload.harm_reduction.goals if g.active]
    for goal in goals:
        what = goal.substance.strip() or "use"
        matching = [e for e in payload.use_entries if _matches_goal(goal, e)]
        days_with = len(_use_days(matching, start, end))
        before = len(_use_days(matching, prev_start, prev_end))
        heading = f"Your goal ({GOAL_KIND_LABELS[goal.kind]}"
        heading += f", {goal.substance.strip()})" if goal.substance.strip() else ")"
        lines.append(f"{heading}: {goal.text}" if goal.text else heading)
        if goal.kind == "stop":
            lines.append(f"  Days without {what} logged: {days - days_with} of {days}.")
        elif goal.kind == "use_less":
            lines.append(
                f"  Days with {what} logged: {days_with} of {days} "
                f"(the {count(days, 'day')} before: {before})."
            )
        else:
            lines.append(f"  Days with {what} logged: {days_with} of {days}.")
        safety = goal_safety_note(goal)
        if safety:
            lines.append(f"  {safety}")
    if not goals:
        lines.append(f"  Days with use logged: {len(use_days)} of {days}.")

    chosen = set(payload.harm_reduction.strategies)
    counted = (
        ("never_alone" in chosen and noted_alone)
        or ("naloxone" in chosen and noted_nal)
        or ("test" in chosen and noted_test)
    )
    if counted:
        lines.append("Across everything you logged:")
    if "never_alone" in chosen and noted_alone:
        lines.append("  " + _of(not_alone, len(noted_alone), "With someone around"))
    if "naloxone" in chosen and noted_nal:
        lines.append("  " + _of(naloxone, len(noted_nal), "Naloxone at hand"))
    if "test" in chosen and noted_test:
        lines.append("  " + _of(tested, len(noted_test), "Tested first"))
    if not in_period:
        lines.append("  No use logged in this time.")

    return GoalAlignment(
        days=days,
        start=start,
        end=end,
        days_with_use=len(use_days),
        previous_days_with_use=len(previous),
        entries=len(in_period),
        noted_alone=len(noted_alone),
        not_alone=not_alone,
        noted_naloxone=len(noted_nal),
        naloxone=naloxone,
        noted_tested=len(noted_test),
        tested=tested,
        lines=tuple(lines),
    )
