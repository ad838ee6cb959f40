"""Reading a JSON export back: bad files are refused calmly, and merging shows what it would do."""

from __future__ import annotations

import contextlib
import json
from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from safeplan.core.demo import demo_payload
from safeplan.core.errors import SafeplanError
from safeplan.core.export import export_json, import_payload
from safeplan.core.export.jsonfile import MAX_IMPORT_BYTES, ImportRefused
from safeplan.core.export.merge import merge_payloads, replace_preview
from safeplan.core.models import CheckIn, Contact, TextItem, VaultPayload

TODAY = date(2026, 11, 27)
SECRET = "CANARY-otter-5521"


def _refused(data: bytes) -> ImportRefused:
    with pytest.raises(ImportRefused) as info:
        import_payload(data)
    exc = info.value
    assert isinstance(exc, SafeplanError) and exc.exit_code == 1
    assert "Nothing was changed." in exc.hint
    assert SECRET not in str(exc), "an error never repeats what is in the file"
    return exc


def test_a_valid_export_comes_back_whole() -> None:
    payload = demo_payload(TODAY)
    back = import_payload(export_json(payload).encode())
    assert back == payload
    assert import_payload(b"\xef\xbb\xbf" + export_json(payload).encode()) == payload


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"", "not readable JSON"),
        (b"\xff\xfe" + SECRET.encode("utf-16-le"), "not readable JSON"),
        (f"{{'plan': '{SECRET}'".encode(), "not readable JSON"),
        (b"[" * 100_000 + b"]" * 100_000, "not readable JSON"),
        (json.dumps([SECRET]).encode(), "not a safeplan JSON export"),
        (json.dumps({"note": SECRET}).encode(), "not a safeplan JSON export"),
        (json.dumps({"schema_version": 99, "x": SECRET}).encode(), "newer safeplan"),
        (json.dumps({"schema_version": 1, "plan": SECRET}).encode(), "missing or damaged"),
        (json.dumps({"schema_version": 1, "surprise": SECRET}).encode(), "missing or damaged"),
        (b'{"schema_version": 1, "plan": ' + b"[" * 50_000 + b"]" * 50_000 + b"}", "JSON"),
        (b'{"schema_version": 1, "checkins": [{"mood": 1' + b"0" * 5000 + b"}]}", ""),
    ],
)
def test_bad_files_are_refused_calmly(data: bytes, words: str) -> None:
    assert words in _refused(data).message


def test_checkin_with_a_secret_note_and_bad_mood_is_refused_without_echo() -> None:
    payload = json.loads(export_json(VaultPayload()))
    payload["checkins"] = [{"id": "a", "at": "2026-11-01T09:00:00Z", "mood": 42, "note": SECRET}]
    _refused(json.dumps(payload).encode())


def test_too_large_is_refused_before_parsing() -> None:
    exc = _refused(b" " * (MAX_IMPORT_BYTES + 1))
    assert "too large" in exc.message


@given(st.binary(max_size=300))
@settings(max_examples=300, deadline=None)
def test_any_bytes_give_a_payload_or_a_calm_refusal(data: bytes) -> None:
    with contextlib.suppress(ImportRefused):
        import_payload(data)


@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(),
        lambda c: st.lists(c) | st.dictionaries(st.text(), c),
    )
)
@settings(max_examples=200, deadline=None)
def test_any_json_gives_a_payload_or_a_calm_refusal(value: object) -> None:
    with contextlib.suppress(ImportRefused):
        import_payload(json.dumps({"schema_version": 1, "plan": value}).encode())


# --- merge ---------------------------------------------------------------------------------------


def _at(days: int) -> datetime:
    return datetime(2026, 11, 27, 9, tzinfo=UTC) - timedelta(days=days)


def test_merging_an_export_of_the_same_vault_changes_nothing() -> None:
    current = demo_payload(TODAY)
    merged, preview = merge_payloads(current, import_payload(export_json(current).encode()))
    assert not preview.changes_anything
    assert merged == current
    assert preview.lines() == [
        "Everything in this file is already in your vault. Nothing would change."
    ]


def test_merge_adds_what_is_new_updates_what_changed_and_removes_nothing() -> None:
    current = demo_payload(TODAY)
    incoming = current.model_copy(deep=True)
    # The other copy: a new coping step, an edited reason, a removed warning sign, new check-ins.
    incoming.plan.coping.append(TextItem(text="Stretch for five minutes"))
    incoming.plan.reasons[0].text = "Maya and her little brother"
    del incoming.plan.warning_signs[0]
    incoming.plan.updated_at = current.plan.updated_at + timedelta(days=1)
    incoming.checkins += [CheckIn(at=_at(0), mood=6), CheckIn(at=_at(400), mood=5)]
    incoming.harm_reduction.supporters.append(Contact(name="Ravi", phone="555-0107"))

    before = export_json(current)
    merged, preview = merge_payloads(current, incoming)
    assert export_json(current) == before, "the current payload is not touched"

    assert merged.plan.coping[-1].text == "Stretch for five minutes"
    assert merged.plan.reasons[0].text == "Maya and her little brother"
    assert len(merged.plan.warning_signs) == len(current.plan.warning_signs), "nothing removed"
    assert len(merged.checkins) == len(current.checkins) + 2
    assert merged.checkins == sorted(merged.checkins, key=lambda c: c.at)
    assert merged.plan_revisions[-1].note == "Merged from an import"
    assert merged.plan_revisions[-1].plan == merged.plan

    assert preview.kinds["plan items"].added == 1
    assert preview.kinds["plan items"].changed == 1
    assert preview.kinds["check-ins"].added == 2
    assert preview.kinds["harm-reduction plan items"].added == 1
    assert preview.plan_sections == ["coping", "reasons"]
    lines = preview.lines()
    assert "  check-ins: add 2" in lines
    assert "  plan items: add 1 and update 1" in lines
    assert "    2. Things I can do on my own" in lines
    assert "Nothing in your vault would be removed." in lines
    text = "\n".join(lines)
    assert "Stretch" not in text and "Maya" not in text, "the preview names no personal words"


def test_merge_keeps_the_newer_version_of_a_plan_item() -> None:
    current = VaultPayload()
    current.plan.coping.append(TextItem(id="c1", text="walk"))
    incoming = current.model_copy(deep=True)
    incoming.plan.coping[0].text = "older words"
    incoming.plan.updated_at = current.plan.updated_at - timedelta(days=3)
    merged, preview = merge_payloads(current, incoming)
    assert merged.plan.coping[0].text == "walk"
    assert preview.plan_sections == []


def test_replace_preview_counts_before_and_after() -> None:
    lines = replace_preview(demo_payload(TODAY), VaultPayload())
    assert lines[0] == "Replacing your vault with this file would leave:"
    assert "  check-ins: 0 (now 129)" in lines
