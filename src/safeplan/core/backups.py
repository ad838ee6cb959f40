"""The vault's encrypted backups, the copies a restore replaced, and key rotation across all of them.

Everything here lives in the backups folder beside the vault (``<stem>-backups/``):

* ``<stem>-<time>.json``: a backup, kept at the first save of each session (a hard link to the
  previous vault file, so it costs no copy). The newest ``BACKUPS_KEPT`` are kept, and also the
  newest of each of the last ``DAYS_KEPT`` days with a save, so a script's five quick check-ins
  cannot push yesterday's state out.
* ``replaced-<time>.json.old``: the vault file a ``backup restore`` replaced, so that a restore can
  itself be undone. The newest ``REPLACED_KEPT`` are kept. They are vault files under the vault's
  keys, listed and restorable like backups.
* ``.rotation``: present only while a passphrase change is under way (see below).

A passphrase change (``passwd``, ``recover``) gives the vault a new data key and must leave nothing
that opens with the old secrets. Re-encrypting the vault and then every backup is not atomic, so a
small journal makes it so: before the vault is rewritten, the old data key is written to
``.rotation`` encrypted under the *new* data key. After a kill, the next open either finishes the
rotation (the vault already opens with the new key, which unwraps the journal) or rolls it back
(the vault still has the old key, so the journal cannot be opened and the backups were never
touched): the journal is removed either way. The journal never holds anything readable without the
new passphrase or recovery code.
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
from datetime import date, datetime
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from safeplan.core import envelope as env
from safeplan.core import errors
from safeplan.core.paths import backup_dir
from safeplan.core.vault_files import (
    atomic_write,
    clean_leftovers,
    fsync_dir,
    read_bytes,
)

BACKUPS_KEPT = 5
DAYS_KEPT = 7
REPLACED_KEPT = 5
REPLACED_PREFIX = "replaced-"
REPLACED_SUFFIX = ".json.old"
JOURNAL_NAME = ".rotation"
_JOURNAL_AAD = b"safeplan rotation journal v1"


def _stamp() -> str:
    return datetime.now().strftime("%Y%m%dT%H%M%S%f")


def _files(path: Path) -> list[Path]:
    folder = backup_dir(path)
    if not folder.is_dir():
        return []
    return [p for p in folder.iterdir() if p.is_file() and not p.name.startswith(".")]


def list_backups(path: Path) -> list[Path]:
    """Backups of the vault at ``path``, newest first."""
    found = [
        p for p in _files(path) if p.suffix == ".json" and not p.name.startswith(REPLACED_PREFIX)
    ]
    return sorted(found, key=lambda p: p.name, reverse=True)


def list_replaced(path: Path) -> list[Path]:
    """Vault files that a ``backup restore`` replaced, newest first."""
    found = [
        p
        for p in _files(path)
        if p.name.startswith(REPLACED_PREFIX) and p.name.endswith(REPLACED_SUFFIX)
    ]
    return sorted(found, key=lambda p: p.name, reverse=True)


def _day(backup: Path) -> date:
    try:
        return datetime.fromtimestamp(backup.stat().st_mtime).date()
    except OSError:
        return date.min


def backups_to_keep(backups: list[Path]) -> set[Path]:
    """The newest ``BACKUPS_KEPT``, plus the newest backup of each of the ``DAYS_KEPT`` most
    recent days (by when the state it holds was saved). ``backups`` is newest first."""
    keep = set(backups[:BACKUPS_KEPT])
    days: set[date] = set()
    for backup in backups:
        day = _day(backup)
        if day not in days and len(days) < DAYS_KEPT:
            days.add(day)
            keep.add(backup)
    return keep


def keep_backup(path: Path) -> None:
    """Keep the current vault file as a backup (the first save of a session), then prune."""
    folder = backup_dir(path)
    folder.mkdir(mode=0o700, exist_ok=True)
    target = folder / f"{path.stem}-{_stamp()}.json"
    try:
        os.link(path, target)  # the old inode survives the replace: no copy needed
    except OSError:
        atomic_write(target, path.read_bytes())
    fsync_dir(folder)
    backups = list_backups(path)
    keep = backups_to_keep(backups)
    for old in backups:
        if old not in keep:
            with contextlib.suppress(OSError):
                old.unlink()


def _is_another_document(target: Path) -> bool:
    """True for a file a restore must not replace: a JSON document that is not a vault (a plain
    text export saved at the vault's path, say), or anything that is not a regular file. A vault,
    even a damaged or cut-short one, may be replaced (and is kept as a replaced file)."""
    if not target.is_file():
        return target.exists() or target.is_symlink()
    try:
        with target.open("rb") as fh:
            data = fh.read(env.MAX_FILE_BYTES + 1)
    except OSError:
        return True
    if b'"format":"safeplan-vault"' in b"".join(data[:4096].split()):
        return False
    try:
        json.loads(data)
    except (ValueError, RecursionError):
        return False  # not a document of any kind: what is left of a damaged vault
    return True


def restore_backup(path: Path, backup: Path, *, lock_timeout: float = 0.0) -> Path | None:
    """Put ``backup`` in place of the vault at ``path``. The current file (even a damaged one) is
    kept beside the backups first, so restoring never loses anything; returns where it was kept.
    Refuses to write over a file that is not a vault."""
    from safeplan.core.vault_files import acquire, real_vault_path

    path = real_vault_path(path)
    data = read_bytes(backup)
    try:
        env.parse(data)
    except (env.EnvelopeDamaged, env.EnvelopeTooNew):
        raise errors.VaultDamaged(backup, detail="backup not intact") from None
    if (path.exists() or path.is_symlink()) and _is_another_document(path):
        raise errors.UsageError(
            f"{path} is not a safeplan vault (it may be a plain-text export), so a backup will "
            "not be put in its place. Nothing was changed.",
            "Check the path given with --vault, or move that file somewhere else first.",
        )
    lock = acquire(path, timeout=lock_timeout)
    try:
        _forget_rollback_record(path, data)  # an older state put back on purpose: no warning
        kept: Path | None = None
        if path.exists():
            folder = backup_dir(path)
            folder.mkdir(mode=0o700, exist_ok=True)
            kept = folder / f"{REPLACED_PREFIX}{_stamp()}{REPLACED_SUFFIX}"
            atomic_write(kept, path.read_bytes())
            for old in list_replaced(path)[REPLACED_KEPT:]:
                with contextlib.suppress(OSError):
                    old.unlink()
        atomic_write(path, data)
        return kept
    finally:
        lock.release()


def _forget_rollback_record(path: Path, restored: bytes) -> None:
    from safeplan.core import rollback

    for data in (restored, path.read_bytes() if path.is_file() else b""):
        with contextlib.suppress(env.EnvelopeDamaged, env.EnvelopeTooNew):
            rollback.forget(rollback.vault_id(env.parse(data).header))


# --- Key rotation --------------------------------------------------------------------------------


def _journal(path: Path) -> Path:
    return backup_dir(path) / JOURNAL_NAME


def begin_rotation(path: Path, old_key: bytes, new_key: bytes) -> None:
    """Record, before the vault is rewritten, the old data key encrypted under the new one."""
    folder = backup_dir(path)
    folder.mkdir(mode=0o700, exist_ok=True)
    nonce = os.urandom(env.NONCE_LEN)
    sealed = AESGCM(new_key).encrypt(nonce, old_key, _JOURNAL_AAD)
    doc = {
        "format": "safeplan-rotation",
        "version": 1,
        "nonce": env.b64e(nonce),
        "old_key": env.b64e(sealed),
    }
    atomic_write(_journal(path), json.dumps(doc).encode("ascii"))


def _journal_old_key(path: Path, data_key: bytes) -> bytes | None:
    try:
        doc = json.loads(_journal(path).read_bytes())
        nonce = base64.b64decode(doc["nonce"], validate=True)
        sealed = base64.b64decode(doc["old_key"], validate=True)
        return AESGCM(data_key).decrypt(nonce, sealed, _JOURNAL_AAD)
    except (OSError, ValueError, KeyError, TypeError, InvalidTag):
        return None


def resume_rotation(path: Path, keys: env.Keys) -> bool:
    """At open: finish a passphrase change that was interrupted after the vault was rewritten, or
    roll back one interrupted before it. Returns True when there was one to finish."""
    journal = _journal(path)
    if not journal.exists():
        return False
    old_key = _journal_old_key(path, keys.data_key)
    if old_key is None:
        # The vault never got the new key: the backups are all still under the vault's key.
        clean_leftovers(path)
        with contextlib.suppress(OSError):
            journal.unlink()
        return False
    finish_rotation(path, old_key, keys)
    return True


def finish_rotation(path: Path, old_key: bytes, new_keys: env.Keys) -> None:
    """Re-encrypt every backup and replaced file under the new keys (already-done ones are left as
    they are; any other file is removed, since the old secrets must open nothing), then end the
    rotation."""
    for file in (*list_backups(path), *list_replaced(path)):
        _reencrypt(file, old_key, new_keys)
    clean_leftovers(path)
    with contextlib.suppress(OSError):
        _journal(path).unlink()
    fsync_dir(backup_dir(path))


def _reencrypt(file: Path, old_key: bytes, new_keys: env.Keys) -> None:
    try:
        envelope = env.parse(file.read_bytes())
    except (OSError, env.EnvelopeDamaged, env.EnvelopeTooNew):
        envelope = None
    if envelope is not None:
        for key, done in ((old_key, False), (new_keys.data_key, True)):
            try:
                plaintext = env.decrypt_payload(key, envelope)
            except env.EnvelopeDamaged:
                continue
            if not done:
                atomic_write(file, new_keys.seal(plaintext))
            return
    with contextlib.suppress(OSError):
        file.unlink()
