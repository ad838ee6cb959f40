"""The log's CSV and JSON forms parse back into exactly the same entries."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from safeplan.core import log_formats as lf
from safeplan.core.checkins import entries_since, new_checkin, new_use_entry
from safeplan.core.demo import demo_payload
from safeplan.core.errors import UsageError
from safeplan.core.models import CheckIn, UseEntry

AT = datetime(2026, 10, 31, 21, 5, 7, 123456, tzinfo=timezone(timedelta(hours=-5)))


def tricky_entries() -> list[CheckIn | UseEntry]:
    return [
        new_checkin(mood=0, at=AT),
        new_checkin(
            mood=10,
            anxiety=0,
            self_harm_urge=3,
            suicidal_thoughts=0,
            use_urge=9,
            sleep_hours=6.25,
            tags=["=SUM(A1)", "work", "'quoted", "@home"],
            note='Line one\nline two, with "quotes", commas; and a formula:\n=HYPERLINK("x")',
            at=AT - timedelta(days=1),
        ),
        new_use_entry(
            substance="-beer",
            amount=0.5,
            unit="pint",
            route="drank",
            setting="+home",
            used_alone=True,
            naloxone_at_hand=False,
            tested=None,
            with_whom="",
            note="'already quoted",
            at=AT.astimezone(UTC),
        ),
        new_use_entry(substance="ketamine", at=AT),
    ]


def test_csv_round_trip_of_tricky_values() -> None:
    entries = tricky_entries()
    assert lf.from_csv(lf.to_csv(entries)) == entries


def test_json_round_trip_of_tricky_values() -> None:
    entries = tricky_entries()
    assert lf.from_json(lf.to_json(entries)) == entries


def test_csv_defuses_spreadsheet_formulas() -> None:
    text = lf.to_csv(tricky_entries())
    assert ",=SUM" not in text and '"=SUM' not in text
    assert "'=SUM(A1)" in text
    assert ",'-beer," in text


def test_round_trip_of_the_whole_demo_log() -> None:
    entries = entries_since(demo_payload(today=date(2026, 11, 1)), None)
    assert len(entries) > 100
    assert lf.from_csv(lf.to_csv(entries)) == entries
    assert lf.from_json(lf.to_json(entries)) == entries


def test_csv_header_and_kinds() -> None:
    text = lf.to_csv(tricky_entries())
    header, first, *_ = text.splitlines()
    assert header.split(",") == list(lf.CSV_COLUMNS)
    assert first.startswith("checkin,")


@pytest.mark.parametrize(
    "text",
    [
        "",
        "a,b,c\n1,2,3\n",
        ",".join(lf.CSV_COLUMNS) + "\nparty,x,2026-10-31T21:00:00+00:00" + "," * 18 + "\n",
        ",".join(lf.CSV_COLUMNS) + "\ncheckin,x,not a time" + "," * 18 + "\n",
        ",".join(lf.CSV_COLUMNS) + "\ncheckin,x\n",
    ],
)
def test_from_csv_refuses_calmly(text: str) -> None:
    with pytest.raises(UsageError, match="could not be read back"):
        lf.from_csv(text)


@pytest.mark.parametrize(
    "text",
    ["", "[]", "{}", '{"format": "safeplan-log", "entries": [{"kind": "x"}]}', "[" * 100_000],
)
def test_from_json_refuses_calmly(text: str) -> None:
    with pytest.raises(UsageError, match="could not be read back"):
        lf.from_json(text)


texts = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=40
)


@settings(max_examples=60, deadline=None)
@given(
    mood=st.integers(0, 10),
    sleep=st.none() | st.floats(0, 24, allow_nan=False),
    note=texts,
    substance=texts.filter(lambda s: s.strip() != ""),
    unit=texts,
    alone=st.none() | st.booleans(),
    amount=st.none() | st.floats(0, 1e6, allow_nan=False),
)
def test_round_trip_property(
    mood: int,
    sleep: float | None,
    note: str,
    substance: str,
    unit: str,
    alone: bool | None,
    amount: float | None,
) -> None:
    entries: list[CheckIn | UseEntry] = [
        new_checkin(mood=mood, sleep_hours=sleep, note=note, at=AT),
        new_use_entry(
            substance=substance, unit=unit, used_alone=alone, amount=amount, note=note, at=AT
        ),
    ]
    assert lf.from_csv(lf.to_csv(entries)) == entries
    assert lf.from_json(lf.to_json(entries)) == entries
