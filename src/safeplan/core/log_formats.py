"""The log as CSV or JSON, and back: what ``safeplan log --format csv|json`` prints.

Both forms parse back into exactly the same entries (ids, times with their UTC offsets, every field),
so a person can keep, inspect or move their log with ordinary tools. CSV cells that a spreadsheet
would run as a formula (starting with ``=``, ``+``, ``-``, ``@``) get a leading apostrophe, which the
parser removes again.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from pydantic import ValidationError

from safeplan.core.checkins import Entry, kind_of
from safeplan.core.errors import UsageError
from safeplan.core.models import CheckIn, UseEntry

CSV_COLUMNS: tuple[str, ...] = (
    "kind",
    "id",
    "at",
    "mood",
    "anxiety",
    "self_harm_urge",
    "suicidal_thoughts",
    "use_urge",
    "sleep_hours",
    "tags",
    "substance",
    "substance_class",
    "amount",
    "unit",
    "route",
    "setting",
    "used_alone",
    "naloxone_at_hand",
    "tested",
    "with_whom",
    "note",
)
_INTS = frozenset({"mood", "anxiety", "self_harm_urge", "suicidal_thoughts", "use_urge"})
_FLOATS = frozenset({"sleep_hours", "amount"})
_BOOLS = frozenset({"used_alone", "naloxone_at_hand", "tested"})
_TEXT = frozenset({"substance", "substance_class", "unit", "route", "setting", "with_whom", "note"})
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "'")

_UNREADABLE = UsageError(
    "That log could not be read back.",
    "It must be the CSV or JSON that `safeplan log` wrote, unchanged in its columns and fields.",
)


def _protect(text: str) -> str:
    return "'" + text if text.startswith(_FORMULA_START) else text


def _unprotect(text: str) -> str:
    return text[1:] if text.startswith("'") else text


def _cell(name: str, value: Any) -> str:
    if value is None:
        return ""
    if name in _BOOLS:
        return "yes" if value else "no"
    if name == "tags":
        return ", ".join(_protect(t) for t in value)
    if name == "at":
        return str(value.isoformat())
    if name in _TEXT:
        return _protect(str(value))
    return str(value)


def to_csv(entries: Iterable[Entry]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)  # "\r\n" rows (RFC 4180); cells with \r or \n are quoted
    writer.writerow(CSV_COLUMNS)
    for entry in entries:
        data = entry.model_dump()
        data["kind"] = kind_of(entry)
        writer.writerow([_cell(c, data.get(c)) for c in CSV_COLUMNS])
    return buffer.getvalue()


def _parse_cell(name: str, text: str) -> Any:
    if name in _INTS:
        return int(text) if text else None
    if name in _FLOATS:
        return float(text) if text else None
    if name in _BOOLS:
        return {"": None, "yes": True, "no": False}[text]
    if name == "tags":
        return [_unprotect(t.strip()) for t in text.split(",") if t.strip()]
    if name == "at":
        return datetime.fromisoformat(text)
    if name in _TEXT:
        return _unprotect(text)
    return text


_CHECKIN_KEYS = frozenset(CheckIn.model_fields)
_USE_KEYS = frozenset(UseEntry.model_fields)


def from_csv(text: str) -> list[Entry]:
    rows = list(csv.reader(io.StringIO(text)))
    if not rows or tuple(rows[0]) != CSV_COLUMNS:
        raise _UNREADABLE
    out: list[Entry] = []
    try:
        for row in rows[1:]:
            if not row:
                continue
            cells = dict(zip(CSV_COLUMNS, row, strict=True))
            kind = cells.pop("kind")
            model: type[CheckIn] | type[UseEntry] = CheckIn if kind == "checkin" else UseEntry
            if kind not in ("checkin", "use"):
                raise _UNREADABLE
            keys = _CHECKIN_KEYS if kind == "checkin" else _USE_KEYS
            data = {k: _parse_cell(k, v) for k, v in cells.items() if k in keys}
            out.append(model.model_validate(data))
    except (ValueError, KeyError, ValidationError):
        raise _UNREADABLE from None
    return out


def to_json(entries: Iterable[Entry]) -> str:
    items = [{"kind": kind_of(e), **e.model_dump(mode="json")} for e in entries]
    return json.dumps({"format": "safeplan-log", "version": 1, "entries": items}, indent=2) + "\n"


def from_json(text: str) -> list[Entry]:
    try:
        doc = json.loads(text)
        if doc.get("format") != "safeplan-log":
            raise _UNREADABLE
        out: list[Entry] = []
        for item in doc["entries"]:
            data = dict(item)
            kind = data.pop("kind")
            if kind == "checkin":
                out.append(CheckIn.model_validate(data))
            elif kind == "use":
                out.append(UseEntry.model_validate(data))
            else:
                raise _UNREADABLE
    except (ValueError, KeyError, TypeError, AttributeError, ValidationError, RecursionError):
        raise _UNREADABLE from None
    return out
