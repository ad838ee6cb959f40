"""Check-ins and use entries in the core: making, checking, times, finding, editing, deleting."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from safeplan.core import checkins as ci
from safeplan.core.errors import UsageError
from safeplan.core.models import CheckIn, Settings, VaultPayload

NOW = datetime(2026, 11, 1, 18, 30, tzinfo=UTC)
PARIS = timezone(timedelta(hours=1))


# --- --at ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("now", NOW),
        ("  NOW ", NOW),
        ("2h ago", NOW - timedelta(hours=2)),
        ("30 min ago", NOW - timedelta(minutes=30)),
        ("90 minutes ago", NOW - timedelta(minutes=90)),
        ("3 days ago", NOW - timedelta(days=3)),
        ("1 week ago", NOW - timedelta(days=7)),
        ("yesterday 21:00", datetime(2026, 10, 31, 21, 0, tzinfo=UTC)),
        ("Yesterday 9:05", datetime(2026, 10, 31, 9, 5, tzinfo=UTC)),
        ("yesterday", datetime(2026, 10, 31, 12, 0, tzinfo=UTC)),
        ("today 08:15", datetime(2026, 11, 1, 8, 15, tzinfo=UTC)),
        ("07:45", datetime(2026, 11, 1, 7, 45, tzinfo=UTC)),
        ("2026-10-30 21:00", datetime(2026, 10, 30, 21, 0, tzinfo=UTC)),
        ("2026-10-30T21:00+01:00", datetime(2026, 10, 30, 21, 0, tzinfo=PARIS)),
        ("2026-10-30", datetime(2026, 10, 30, 12, 0, tzinfo=UTC)),
    ],
)
def test_parse_when_understands_the_documented_forms(text: str, expected: datetime) -> None:
    assert ci.parse_when(text, reference=NOW) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "No time was given"),
        ("last tuesday", "not understood"),
        ("25:00", "does not exist"),
        ("yesterday 9pm", "not understood"),
        ("tomorrow", "not understood"),
        ("23:00", "in the future"),
        ("2026-12-01", "in the future"),
        ("1900-01-01", "too long ago"),
    ],
)
def test_parse_when_refuses_calmly_with_a_next_step(text: str, message: str) -> None:
    with pytest.raises(UsageError) as caught:
        ci.parse_when(text, reference=NOW)
    assert message in caught.value.message
    assert caught.value.hint
    assert caught.value.exit_code == 2


def test_parse_when_never_repeats_what_was_typed() -> None:
    with pytest.raises(UsageError) as caught:
        ci.parse_when("when I saw Alexandra", reference=NOW)
    assert "Alexandra" not in str(caught.value)


def test_parse_when_without_reference_is_local_and_aware() -> None:
    result = ci.parse_when("yesterday 21:00")
    assert result.tzinfo is not None
    assert result.hour == 21


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("30d", NOW - timedelta(days=30)),
        ("2w", NOW - timedelta(days=14)),
        ("12h", NOW - timedelta(hours=12)),
        ("1y", NOW - timedelta(days=365)),
        ("7 days", NOW - timedelta(days=7)),
        ("2026-10-01", datetime(2026, 10, 1, tzinfo=UTC)),
        ("all", None),
    ],
)
def test_parse_since(text: str, expected: datetime | None) -> None:
    assert ci.parse_since(text, reference=NOW) == expected


def test_parse_since_refuses_nonsense() -> None:
    with pytest.raises(UsageError, match="--since"):
        ci.parse_since("a while", reference=NOW)


# --- Making entries ------------------------------------------------------------------------------


def test_new_checkin_keeps_every_value() -> None:
    c = ci.new_checkin(
        mood=4,
        anxiety=6,
        self_harm_urge=1,
        suicidal_thoughts=0,
        use_urge=3,
        sleep_hours=6.5,
        tags=["work, tired", "work", " outside "],
        note="Long day.",
        at=NOW,
    )
    assert (c.mood, c.anxiety, c.self_harm_urge, c.suicidal_thoughts, c.use_urge) == (4, 6, 1, 0, 3)
    assert c.sleep_hours == 6.5
    assert c.tags == ["work", "tired", "outside"]
    assert c.note == "Long day."
    assert c.at == NOW


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"mood": 11}, "Mood needs a whole number from 0 to 10"),
        ({"mood": -1}, "Mood needs"),
        ({"mood": 5, "anxiety": 12}, "Anxiety needs"),
        ({"mood": 5, "suicidal_thoughts": 3.5}, "Suicidal thoughts needs"),
        ({"mood": 5, "sleep_hours": 25}, "Hours slept needs"),
        ({"mood": 5, "tags": ["x" * 65]}, "at most 64"),
        ({"mood": 5, "note": "x" * 20_001}, "note did not fit"),
    ],
)
def test_new_checkin_refuses_out_of_range_values(kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(UsageError, match=message):
        ci.new_checkin(**kwargs)  # type: ignore[arg-type]


def test_new_use_entry_fills_the_class_from_a_street_name() -> None:
    e = ci.new_use_entry(substance="xans", at=NOW)
    assert e.substance == "xans"
    assert e.substance_class == "benzodiazepine"


def test_new_use_entry_keeps_a_class_the_person_gives_for_an_unknown_name() -> None:
    e = ci.new_use_entry(substance="something new", substance_class="stimulant", at=NOW)
    assert e.substance_class == "stimulant"


def test_new_use_entry_unknown_name_has_no_class() -> None:
    assert ci.new_use_entry(substance="mystery powder", at=NOW).substance_class == ""


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"substance": "  "}, "needs a substance"),
        ({"substance": "alcohol", "amount": -1}, "0 or more"),
        ({"substance": "alcohol", "substance_class": "sparkly"}, "not one safeplan knows"),
    ],
)
def test_new_use_entry_refuses(kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(UsageError, match=message):
        ci.new_use_entry(**kwargs)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "expected"),
    [("yes", True), ("Y", True), ("1", True), ("no", False), ("2", False), ("", None)],
)
def test_parse_yes_no(text: str, expected: bool | None) -> None:
    assert ci.parse_yes_no(text) is expected


def test_parse_yes_no_refuses_other_words() -> None:
    with pytest.raises(UsageError, match="yes or no"):
        ci.parse_yes_no("maybe")


# --- Hard check-ins ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("values", "hard"),
    [
        ({"mood": 5}, False),
        ({"mood": 3}, False),
        ({"mood": 2}, True),
        ({"mood": 0}, True),
        ({"mood": 6, "suicidal_thoughts": 6}, False),
        ({"mood": 6, "suicidal_thoughts": 7}, True),
        ({"mood": 6, "self_harm_urge": 7}, True),
        ({"mood": 6, "self_harm_urge": 10, "suicidal_thoughts": 0}, True),
        ({"mood": 6, "use_urge": 10, "anxiety": 10}, False),
    ],
)
def test_is_hard_checkin_with_default_settings(values: dict[str, int], hard: bool) -> None:
    assert ci.is_hard_checkin(CheckIn(**values), Settings()) is hard  # type: ignore[arg-type]


def test_hard_checkin_thresholds_are_the_persons_own() -> None:
    settings = Settings(hard_checkin_threshold=4, low_mood_threshold=0)
    assert ci.is_hard_checkin(CheckIn(mood=5, suicidal_thoughts=4), settings)
    assert not ci.is_hard_checkin(CheckIn(mood=1), settings)
    assert ci.is_hard_checkin(CheckIn(mood=0), settings)


# --- Finding, editing, deleting ------------------------------------------------------------------


@pytest.fixture
def payload() -> VaultPayload:
    p = VaultPayload()
    ci.add_checkin(p, ci.new_checkin(mood=5, at=NOW - timedelta(days=1), entry_id="aaaa11112222"))
    ci.add_checkin(p, ci.new_checkin(mood=3, at=NOW - timedelta(days=3), entry_id="aaab11112222"))
    ci.add_use_entry(
        p,
        ci.new_use_entry(substance="beer", amount=2, unit="pints", at=NOW, entry_id="bbbb0000ffff"),
    )
    return p


def test_entries_are_kept_in_time_order(payload: VaultPayload) -> None:
    assert [c.mood for c in payload.checkins] == [3, 5]


def test_find_entry_by_id_or_unique_prefix(payload: VaultPayload) -> None:
    assert ci.find_entry(payload, "bbbb0000ffff").id == "bbbb0000ffff"
    assert ci.find_entry(payload, "BBBB").id == "bbbb0000ffff"
    assert ci.find_entry(payload, "aaab").id == "aaab11112222"


@pytest.mark.parametrize(
    ("wanted", "message"),
    [("aa", "too short"), ("aaa", "too short"), ("aaaa9", "No entry"), ("cccc", "No entry")],
)
def test_find_entry_refuses(payload: VaultPayload, wanted: str, message: str) -> None:
    with pytest.raises(UsageError, match=message):
        ci.find_entry(payload, wanted)


def test_find_entry_ambiguous_prefix(payload: VaultPayload) -> None:
    ci.add_checkin(payload, ci.new_checkin(mood=1, at=NOW, entry_id="aaab99990000"))
    with pytest.raises(UsageError, match="More than one"):
        ci.find_entry(payload, "aaab")


def test_edit_checkin_keeps_the_id_and_checks_values(payload: VaultPayload) -> None:
    edited = ci.edit_entry(payload, "aaaa", {"mood": 7, "note": "Better after a walk."})
    assert edited.id == "aaaa11112222"
    assert isinstance(edited, CheckIn)
    assert (edited.mood, edited.note) == (7, "Better after a walk.")
    assert ci.find_entry(payload, "aaaa11112222") == edited
    with pytest.raises(UsageError, match="Mood needs"):
        ci.edit_entry(payload, "aaaa", {"mood": 99})
    assert ci.find_entry(payload, "aaaa11112222").mood == 7  # type: ignore[union-attr]


def test_edit_can_clear_optional_values(payload: VaultPayload) -> None:
    ci.edit_entry(payload, "aaaa", {"anxiety": 4, "tags": ["work"]})
    edited = ci.edit_entry(payload, "aaaa", {"anxiety": None, "tags": None, "note": None})
    assert isinstance(edited, CheckIn)
    assert (edited.anxiety, edited.tags, edited.note) == (None, [], "")


def test_edit_use_entry_refinds_the_class_when_the_substance_changes(payload: VaultPayload) -> None:
    edited = ci.edit_entry(payload, "bbbb", {"substance": "ketamine"})
    assert edited.substance_class == "ketamine"  # type: ignore[union-attr]


def test_edit_refuses_fields_of_the_other_kind(payload: VaultPayload) -> None:
    with pytest.raises(UsageError, match="cannot be changed on a check-in"):
        ci.edit_entry(payload, "aaaa", {"substance": "beer"})
    with pytest.raises(UsageError, match="cannot be changed on a use entry"):
        ci.edit_entry(payload, "bbbb", {"mood": 3})


def test_edit_keeps_time_order(payload: VaultPayload) -> None:
    ci.edit_entry(payload, "aaab", {"at": NOW})
    assert [c.id for c in payload.checkins] == ["aaaa11112222", "aaab11112222"]


def test_delete_entry(payload: VaultPayload) -> None:
    gone = ci.delete_entry(payload, "bbbb")
    assert gone.id == "bbbb0000ffff"
    assert payload.use_entries == []
    assert len(payload.checkins) == 2


def test_entries_since_and_kind(payload: VaultPayload) -> None:
    assert len(ci.entries_since(payload, None)) == 3
    recent = ci.entries_since(payload, NOW - timedelta(days=2))
    assert [e.id for e in recent] == ["aaaa11112222", "bbbb0000ffff"]
    assert [ci.kind_of(e) for e in ci.entries_since(payload, None, "use")] == ["use"]


def test_descriptions_are_plain() -> None:
    c = ci.new_checkin(mood=4, anxiety=2, sleep_hours=7, tags=["work"], at=NOW)
    assert ci.describe_checkin(c) == "mood 4; anxiety 2; slept 7h; tags: work"
    u = ci.new_use_entry(
        substance="beer", amount=2, unit="pints", used_alone=False, tested=None, at=NOW
    )
    assert ci.describe_use(u) == "beer; 2 pints; not alone"


def test_parse_when_today_is_a_date() -> None:
    assert ci.parse_when("2026-10-30", reference=NOW).date() == date(2026, 10, 30)
