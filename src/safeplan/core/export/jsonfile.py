"""The JSON export (the whole vault payload) and reading it back.

The export is ``VaultPayload.model_dump_json(indent=2)``: stable, so exporting what was imported gives
the same bytes. Reading is defensive: a size limit before anything is parsed, and every way a file can
be wrong (not JSON, nested too deep, not a safeplan export, from a newer safeplan) becomes one calm
error that says what to do, and never repeats what is in the file.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import ValidationError

from safeplan.core.errors import SafeplanError
from safeplan.core.migrations import PayloadInvalid, PayloadTooNew, migrate
from safeplan.core.models import SCHEMA_VERSION, VaultPayload

MAX_IMPORT_BYTES = 64 * 1024 * 1024
"""Far beyond years of daily use (90 days of the demo is about 60 KB)."""

NOTHING_CHANGED = "Nothing was changed."


class ImportRefused(SafeplanError):
    """The file cannot be imported. Exit code 1; nothing was changed."""


def export_json(payload: VaultPayload) -> str:
    # The vault's save counter belongs to the vault file, not to the person's data.
    return payload.model_dump_json(indent=2, exclude={"save_count"}) + "\n"


def _refuse(what: str, hint: str) -> ImportRefused:
    return ImportRefused(what, f"{NOTHING_CHANGED} {hint}")


_CHECK_FILE = (
    "Check that this is the file `safeplan export --format json` wrote, and that it is complete."
)


def _refuse_duplicates_and_nul(data: Any, depth: int = 0) -> None:
    """Two entries with one id would be edited and removed together; a NUL character is never
    typed. Both are refused before anything is validated (pydantic refuses deep nesting)."""
    if depth > 64:
        return
    if isinstance(data, str):
        if "\x00" in data:
            raise _refuse(
                "This file holds a NUL character, which safeplan does not keep.", _CHECK_FILE
            )
    elif isinstance(data, dict):
        for value in data.values():
            _refuse_duplicates_and_nul(value, depth + 1)
    elif isinstance(data, list):
        ids = [item["id"] for item in data if isinstance(item, dict) and "id" in item]
        if len(ids) != len({repr(i) for i in ids}):
            raise _refuse("This file has two entries with the same id.", _CHECK_FILE)
        for value in data:
            _refuse_duplicates_and_nul(value, depth + 1)


def import_payload(data: bytes) -> VaultPayload:
    """A payload from the bytes of a JSON export. Raises :class:`ImportRefused`, never anything else
    for bad input."""
    if len(data) > MAX_IMPORT_BYTES:
        raise _refuse(
            f"This file is too large to be a safeplan export (over {MAX_IMPORT_BYTES // 2**20} MB).",
            _CHECK_FILE,
        )
    try:
        text = data.decode("utf-8-sig")
        raw: Any = json.loads(text)
    except (RecursionError, ValueError):
        raise _refuse(
            "This file is not a safeplan JSON export (it is not readable JSON).", _CHECK_FILE
        ) from None
    if not isinstance(raw, dict):
        raise _refuse("This file is not a safeplan JSON export.", _CHECK_FILE)
    try:
        migrated = migrate(raw)
    except PayloadTooNew as exc:
        raise _refuse(
            f"This export was written by a newer safeplan (format {exc.version}; this one reads up "
            f"to {SCHEMA_VERSION}).",
            "Update safeplan, then import it again.",
        ) from None
    except PayloadInvalid:
        raise _refuse("This file is not a safeplan JSON export.", _CHECK_FILE) from None
    _refuse_duplicates_and_nul(migrated)
    try:
        return VaultPayload.model_validate(migrated)
    except (RecursionError, ValueError, TypeError, ValidationError):
        raise _refuse(
            "This file looks like a safeplan export, but parts of it are missing or damaged.",
            _CHECK_FILE,
        ) from None
