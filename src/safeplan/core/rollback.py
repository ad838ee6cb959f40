"""The rollback guard: notice when a vault is older than the newest copy this computer has opened.

Anyone who can write the vault's folder (a sync tool's conflict copy, an old copy put back, someone
else on a shared folder) can put an older but genuine vault file in its place: it opens with the
same passphrase, and entries made since are silently gone. The vault payload counts its saves
(``VaultPayload.save_count``, inside the encryption, so it cannot be changed without the key), and
this computer keeps, outside the vault, the highest count it has seen for each vault. Opening a
vault whose count is lower gives a warning; nothing is refused, since restoring an older state on
purpose is allowed (``backup restore`` forgets the record, so a restore does not warn).

The record (``seen-vaults.json`` in the platform's user state folder) holds nothing personal: for
each vault an opaque identifier (a hash of the vault's two random salts, which change with every
passphrase change) and a number. It is written through :func:`write_private_file` (0600, atomic).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from pathlib import Path
from typing import Any

from safeplan.core.paths import crash_report_dir

RECORD_NAME = "seen-vaults.json"
MAX_RECORDS = 64


def record_path() -> Path:
    return crash_report_dir() / RECORD_NAME


def vault_id(header: dict[str, Any]) -> str:
    """An opaque identifier for a vault's keys, from its header (no secret, nothing personal)."""
    salts = f"{header['kdf']['salt']}|{header['recovery_kdf']['salt']}".encode("ascii")
    return hashlib.sha256(b"safeplan seen v1|" + salts).hexdigest()[:32]


def _load() -> dict[str, int]:
    try:
        with open(record_path(), "rb") as fh:
            data = json.loads(fh.read(64 * 1024))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {k: v for k, v in data.items() if isinstance(k, str) and type(v) is int}


def _store(records: dict[str, int]) -> None:
    from safeplan.core.private_files import write_private_file

    path = record_path()
    newest = dict(list(records.items())[-MAX_RECORDS:])
    with contextlib.suppress(OSError, ValueError):
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        write_private_file(path, json.dumps(newest, sort_keys=False), replace=True)


def seen(identifier: str) -> int | None:
    return _load().get(identifier)


def note(identifier: str, count: int) -> None:
    """Remember that this vault has reached ``count`` saves (never lowers the record)."""
    records = _load()
    if records.get(identifier, -1) >= count:
        return
    records.pop(identifier, None)
    records[identifier] = count
    _store(records)


def forget(identifier: str) -> None:
    """Drop the record for a vault, after an older state was put back on purpose."""
    records = _load()
    if records.pop(identifier, None) is not None:
        _store(records)


class RolledBack:
    """What the warning says: the vault's count and the highest count seen here."""

    def __init__(self, found: int, newest: int) -> None:
        self.found = found
        self.newest = newest

    def message(self, path: Path) -> str:
        return (
            f"Note: the vault at {path} is older than the newest copy of it this computer has "
            f"opened (saved {self.found} times; a copy here reached {self.newest}). If you did not "
            "restore an older copy, someone or something may have put one in its place: "
            "`safeplan backup list` shows the backups."
        )
