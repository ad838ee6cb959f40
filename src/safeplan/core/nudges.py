"""Gentle nudges on opening: a check-in if none for a while (the person sets how long), a
self-check when due (only if they opted in), and a look over the plan after it was used.

Never alarming, never a count of days "without" anything, never more than two at once, and each can
be turned off in Settings (``checkin_nudge_days``, ``selfcheck_nudge``, ``review_after_use_nudge``). The front ends show them only once the vault is
open and the app is not hidden or locked: these words come from the vault and are about the person.
"""

from __future__ import annotations

from datetime import date

from safeplan.core import selfchecks
from safeplan.core.models import VaultPayload

MAX_SHOWN = 2


def _checkin(payload: VaultPayload, today: date) -> str | None:
    days = payload.settings.checkin_nudge_days
    if days == 0 or not payload.checkins:
        return None
    last = max(c.at.date() for c in payload.checkins)
    if (today - last).days < days:
        return None
    return "It has been a little while since your last check-in. One is there if you want it."


def _selfcheck(payload: VaultPayload, today: date) -> str | None:
    if not payload.settings.selfcheck_nudge:
        return None
    due = selfchecks.due(payload, today)
    if not due:
        return None
    names = " and ".join(q.name for q in due)
    return f"A {names} self-check is there if you want it. It is fine to skip it."


def _review_after_use(payload: VaultPayload) -> str | None:
    if not payload.settings.review_after_use_nudge or payload.plan.is_empty():
        return None
    used = [u.finished_at or u.started_at for u in payload.plan_uses]
    if not used:
        return None
    since = payload.plan.last_reviewed_at or payload.plan.updated_at
    if max(used) <= since:
        return None
    return (
        "You used your plan recently. When you feel ready, it may help to look it over: "
        "what helped, and anything you would change."
    )


def opening_nudges(payload: VaultPayload, today: date) -> list[str]:
    """The nudges that fit today, gentlest first, at most :data:`MAX_SHOWN`."""
    found = [
        text
        for text in (
            _review_after_use(payload),
            _checkin(payload, today),
            _selfcheck(payload, today),
        )
        if text
    ]
    return found[:MAX_SHOWN]
