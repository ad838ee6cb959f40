"""Gentle nudges on opening: each fits only when it should, each can be turned off, never more than
two, never alarming, and the home screen shows them only while the vault is open."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from safeplan.core.models import CheckIn, PlanUse, SafetyPlan, TextItem, VaultPayload
from safeplan.core.nudges import MAX_SHOWN, opening_nudges

TODAY = date(2026, 11, 20)


def _at(days_ago: int) -> datetime:
    return datetime.combine(TODAY - timedelta(days=days_ago), datetime.min.time(), UTC)


def payload() -> VaultPayload:
    p = VaultPayload(plan=SafetyPlan(coping=[TextItem(text="Walk")], updated_at=_at(30)))
    p.plan.last_reviewed_at = _at(30)
    p.checkins.append(CheckIn(mood=5, at=_at(2)))
    return p


def test_nothing_when_all_is_recent() -> None:
    assert opening_nudges(payload(), TODAY) == []


def test_checkin_nudge_after_the_persons_own_number_of_days_and_off_at_zero() -> None:
    p = payload()
    p.checkins[0].at = _at(7)
    (text,) = opening_nudges(p, TODAY)
    assert "check-in" in text and "!" not in text and "7" not in text
    p.settings.checkin_nudge_days = 10
    assert opening_nudges(p, TODAY) == []
    p.settings.checkin_nudge_days = 0
    p.checkins[0].at = _at(300)
    assert opening_nudges(p, TODAY) == []
    assert opening_nudges(VaultPayload(), TODAY) == []  # never checked in: nothing to nudge about


def test_selfcheck_nudge_only_when_opted_in_and_due() -> None:
    p = payload()
    assert opening_nudges(p, TODAY) == []
    p.settings.self_checks_enabled = True
    assert any("self-check" in t for t in opening_nudges(p, TODAY))
    p.settings.selfcheck_nudge = False
    assert opening_nudges(p, TODAY) == []


def test_review_offer_after_the_plan_was_used_since_its_last_review() -> None:
    p = payload()
    p.plan_uses.append(PlanUse(started_at=_at(3), finished_at=_at(3)))
    (text,) = opening_nudges(p, TODAY)
    assert "look it over" in text
    p.plan.last_reviewed_at = _at(1)
    assert opening_nudges(p, TODAY) == []
    p.plan.last_reviewed_at = _at(30)
    p.settings.review_after_use_nudge = False
    assert opening_nudges(p, TODAY) == []


def test_never_more_than_two() -> None:
    p = payload()
    p.checkins[0].at = _at(40)
    p.settings.self_checks_enabled = True
    p.plan_uses.append(PlanUse(started_at=_at(3), finished_at=_at(3)))
    assert len(opening_nudges(p, TODAY)) == MAX_SHOWN
