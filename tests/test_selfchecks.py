"""PHQ-9 and GAD-7: items, scoring, bands, item 9, and when they are due."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from safeplan.core import selfchecks as sc
from safeplan.core.errors import UsageError
from safeplan.core.models import SelfCheck, Settings, VaultPayload

AT = datetime(2026, 11, 1, 9, 0, tzinfo=UTC)


def test_the_instruments_have_their_published_shape() -> None:
    assert len(sc.PHQ9.items) == 9 and sc.PHQ9.max_score == 27
    assert len(sc.GAD7.items) == 7 and sc.GAD7.max_score == 21
    assert sc.ANSWERS == (
        "Not at all",
        "Several days",
        "More than half the days",
        "Nearly every day",
    )
    assert "better off dead" in sc.PHQ9.items[sc.PHQ9_ITEM_9]
    assert "Pfizer" in sc.CITATION


@pytest.mark.parametrize(
    ("total", "band"),
    [
        (0, "minimal"),
        (4, "minimal"),
        (5, "mild"),
        (9, "mild"),
        (10, "moderate"),
        (14, "moderate"),
        (15, "moderately severe"),
        (19, "moderately severe"),
        (20, "severe"),
        (27, "severe"),
    ],
)
def test_phq9_bands(total: int, band: str) -> None:
    assert sc.band_for("phq9", total) == band


@pytest.mark.parametrize(
    ("total", "band"),
    [(0, "minimal"), (4, "minimal"), (5, "mild"), (9, "mild"), (10, "moderate"), (14, "moderate")]
    + [(15, "severe"), (21, "severe")],
)
def test_gad7_bands(total: int, band: str) -> None:
    assert sc.band_for("gad7", total) == band


def test_scoring_sums_the_answers() -> None:
    check = sc.new_selfcheck("phq9", [1, 2, 3, 0, 1, 2, 3, 0, 0], at=AT)
    assert sc.score(check) == 12
    assert sc.band(check) == "moderate"
    assert sc.describe(check) == "PHQ-9: 12 of 27 (moderate range)"


@pytest.mark.parametrize("item9", [1, 2, 3])
def test_phq9_item_9_above_zero_needs_crisis_support(item9: int) -> None:
    check = sc.new_selfcheck("phq9", [0] * 8 + [item9], at=AT)
    assert sc.needs_crisis_support(check)


def test_phq9_item_9_at_zero_does_not_even_with_a_high_total() -> None:
    check = sc.new_selfcheck("phq9", [3] * 8 + [0], at=AT)
    assert sc.band(check) == "severe"
    assert not sc.needs_crisis_support(check)


def test_gad7_never_triggers_item_9() -> None:
    assert not sc.needs_crisis_support(sc.new_selfcheck("gad7", [3] * 7, at=AT))


@pytest.mark.parametrize(
    ("instrument", "answers", "message"),
    [
        ("phq9", [0] * 7, "has 9 questions"),
        ("gad7", [0] * 9, "has 7 questions"),
        ("phq9", [0] * 8 + [4], "0, 1, 2 or 3"),
        ("cssrs", [0], "phq9 and gad7"),
    ],
)
def test_new_selfcheck_refuses(instrument: str, answers: list[int], message: str) -> None:
    with pytest.raises(UsageError, match=message):
        sc.new_selfcheck(instrument, answers)


def test_instrument_names_are_forgiving() -> None:
    assert sc.questionnaire("PHQ-9") is sc.PHQ9
    assert sc.questionnaire("gad-7") is sc.GAD7


def test_due_only_when_turned_on_and_every_14_days() -> None:
    payload = VaultPayload()
    today = date(2026, 11, 1)
    assert not sc.is_due(payload, "phq9", today)
    assert sc.due(payload, today) == []
    payload.settings = Settings(self_checks_enabled=True)
    assert sc.is_due(payload, "phq9", today)
    sc.add_selfcheck(
        payload, SelfCheck(instrument="phq9", answers=[0] * 9, at=AT - timedelta(days=13))
    )
    assert not sc.is_due(payload, "phq9", today)
    assert sc.is_due(payload, "gad7", today)
    assert [q.key for q in sc.due(payload, today)] == ["gad7"]
    assert sc.is_due(payload, "phq9", today + timedelta(days=1))


def test_history_is_in_time_order() -> None:
    payload = VaultPayload()
    for days in (3, 30, 10):
        sc.add_selfcheck(
            payload, sc.new_selfcheck("gad7", [days % 4] * 7, at=AT - timedelta(days=days))
        )
    sc.add_selfcheck(payload, sc.new_selfcheck("phq9", [0] * 9, at=AT))
    assert [c.at for c in sc.history(payload, "gad7")] == [
        AT - timedelta(days=30),
        AT - timedelta(days=10),
        AT - timedelta(days=3),
    ]
    assert len(sc.history(payload)) == 4
    assert sc.last_of(payload, "gad7") == sc.history(payload, "gad7")[-1]


def test_no_licensed_scale_is_included() -> None:
    assert set(sc.QUESTIONNAIRES) == {"phq9", "gad7"}
