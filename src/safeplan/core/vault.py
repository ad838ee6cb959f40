"""The encrypted vault on disk: open, save without ever losing data, backups, passphrase changes.

The file format lives in :mod:`safeplan.core.envelope` (and ``docs/vault-format.md``). This module
is about the file system:

* A lock on ``<vault>.lock`` is held from open to close, so two safeplan processes can never
  interleave a load and a save (the save replaces the vault's inode, so the vault itself cannot be
  the thing locked).
* Saving writes a temporary file in the same folder (0600), fsyncs it, ``os.replace``-s it over the
  vault and fsyncs the folder: a kill at any moment leaves either the old or the new vault.
* Before replacing, the vault is compared with what was loaded; if something else changed it, the
  save is refused rather than overwriting.
* The first save of each session keeps the previous file as an encrypted backup
  (:mod:`safeplan.core.backups`, which also keeps one per day and rotates keys across all of them).
* A vault in a place that cannot be written (a write-protected USB stick, a read-only share) opens
  read-only, without the lock; saving then says so calmly.
* A symlinked vault path is written through to its target, never replaced by a local file.
"""

from __future__ import annotations

import json
import os
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import filelock
from pydantic import ValidationError

from safeplan.core import backups, errors, rollback
from safeplan.core import envelope as env
from safeplan.core.backups import BACKUPS_KEPT as BACKUPS_KEPT
from safeplan.core.backups import list_backups as list_backups
from safeplan.core.backups import list_replaced as list_replaced
from safeplan.core.backups import restore_backup as restore_backup
from safeplan.core.kdf import calibrate
from safeplan.core.migrations import PayloadInvalid, PayloadTooNew, migrate, payload_version
from safeplan.core.models import SCHEMA_VERSION, VaultPayload
from safeplan.core.paths import TMP_MARK as TMP_MARK
from safeplan.core.paths import backup_dir as backup_dir
from safeplan.core.paths import lock_path as lock_path
from safeplan.core.recovery import RecoveryCodeTypo, new_code, parse_code
from safeplan.core.secret_rules import MIN_PASSPHRASE_LENGTH as MIN_PASSPHRASE_LENGTH
from safeplan.core.secret_rules import check_new_passphrase
from safeplan.core.vault_files import (
    acquire,
    clean_leftovers,
    existing_target_error,
    is_read_only,
    read_bytes,
    real_vault_path,
    stat_key,
)
from safeplan.core.vault_files import atomic_write as atomic_write


def _read(path: Path) -> bytes:
    return read_bytes(path, list_backups(path))


def _parse(path: Path, data: bytes) -> env.Envelope:
    try:
        return env.parse(data)
    except env.EnvelopeTooNew as exc:
        raise errors.VaultTooNew(exc.version, env.FORMAT_VERSION) from None
    except env.EnvelopeDamaged as exc:
        raise errors.VaultDamaged(path, list_backups(path), detail=str(exc)) from None


def decode_payload(path: Path, plaintext: bytes) -> VaultPayload:
    """Payload bytes to models, upgrading older schema versions. Damage is reported as damage."""
    try:
        try:
            # Fast path: the current version validates straight from bytes.
            return VaultPayload.model_validate_json(plaintext)
        except ValidationError:
            data: Any = json.loads(plaintext)
            if not isinstance(data, dict) or payload_version(data) == SCHEMA_VERSION:
                raise
            return VaultPayload.model_validate(migrate(data))
    except PayloadTooNew as exc:
        raise errors.VaultTooNew(exc.version, SCHEMA_VERSION) from None
    except (ValidationError, PayloadInvalid, ValueError, RecursionError):
        raise errors.VaultDamaged(path, list_backups(path), detail="payload not valid") from None


@dataclass(frozen=True)
class VaultInfo:
    """What can be said about a vault without decrypting it. Nothing personal."""

    path: Path
    size: int
    format_version: int
    kdf: env.KdfParams
    aead: str
    backups: list[Path]


def inspect(path: Path) -> VaultInfo:
    data = _read(path)
    envelope = _parse(path, data)
    return VaultInfo(
        path=path,
        size=len(data),
        format_version=int(envelope.header["version"]),
        kdf=envelope.kdf,
        aead=str(envelope.header["aead"]),
        backups=list_backups(path),
    )


def _decrypt(
    path: Path, data: bytes, passphrase: str | None, code: str | None
) -> tuple[env.Envelope, bytes, VaultPayload]:
    """A vault file's bytes to its envelope, data key and payload; every failure a vault error."""
    envelope = _parse(path, data)
    data_key = _unwrap(path, envelope, passphrase, code)
    try:
        plaintext = env.decrypt_payload(data_key, envelope)
    except env.EnvelopeDamaged as exc:
        raise errors.VaultDamaged(path, list_backups(path), detail=str(exc)) from None
    return envelope, data_key, decode_payload(path, plaintext)


def read_payload(path: Path, passphrase: str) -> VaultPayload:
    """Decrypt a vault file (a backup, say) without locking or changing anything beside it."""
    return _decrypt(path, _read(path), passphrase, None)[2]


class Vault:
    """An open vault: its payload in memory, its lock held, ready to save."""

    def __init__(
        self,
        path: Path,
        payload: VaultPayload,
        keys: env.Keys,
        lock: filelock.BaseFileLock | None,
        stat_key: tuple[int, int, int] | None,
    ) -> None:
        self._path = path
        self.payload = payload
        self._keys = keys
        self._lock = lock
        self._stat_key = stat_key
        self._save_lock = threading.Lock()
        self._backed_up = False
        self._closed = False
        self.finished_rotation = False
        self.rolled_back: rollback.RolledBack | None = None
        self._count = payload.save_count
        self._remember = True

    # -- the Store protocol --------------------------------------------------------------------

    @property
    def path(self) -> Path:
        return self._path

    @property
    def persistent(self) -> bool:
        return True

    @property
    def read_only(self) -> bool:
        """True when the vault was opened from a place that cannot be written (no lock is held)."""
        return self._lock is None

    def save(self) -> None:
        """Encrypt and write the current payload. Thread-safe; blocks on fsync."""
        with self._save_lock:
            self._check_writable()
            self._write(self._keys.seal(self._plaintext()))

    def _plaintext(self) -> bytes:
        # A payload replaced by an import must not lower the count: the vault object keeps it.
        self._count = max(self._count, self.payload.save_count) + 1
        self.payload.save_count = self._count
        # pydantic-core serialises while holding the GIL, so this is a consistent snapshot
        # even if the UI thread edits the payload a moment later.
        return self.payload.model_dump_json().encode("utf-8")

    def close(self) -> None:
        with self._save_lock:
            if not self._closed:
                self._closed = True
                if self._lock is not None and self._remember:
                    rollback.note(rollback.vault_id(self._keys.header), self._count)
                    self._lock.release()

    def __enter__(self) -> Vault:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- creating and opening ------------------------------------------------------------------

    @classmethod
    def create(
        cls,
        path: Path,
        passphrase: str,
        payload: VaultPayload | None = None,
        *,
        remember: bool = True,
    ) -> tuple[Vault, str]:
        """Create a new vault. Returns it open (lock held) and the one-time recovery code.
        ``remember=False`` keeps this computer's rollback record out of it (an ephemeral
        session's handover to a new vault leaves nothing behind)."""
        path = real_vault_path(Path(path))
        check_new_passphrase(passphrase)
        if path.exists() or path.is_symlink():
            raise existing_target_error(path)
        lock = acquire(path, timeout=0)
        try:
            if path.exists():
                raise errors.VaultExists(path)
            clean_leftovers(path)
            keys, code = _new_keys(passphrase)
            vault = cls(path, payload or VaultPayload(), keys, lock, None)
            vault._backed_up = True  # nothing to back up yet
            vault._remember = remember
            vault.save()
            return vault, code
        except BaseException:
            lock.release()
            raise

    @classmethod
    def open(cls, path: Path, passphrase: str, *, lock_timeout: float = 0.0) -> Vault:
        return cls._open(Path(path), passphrase, None, lock_timeout)

    @classmethod
    def open_with_recovery(cls, path: Path, code: str, *, lock_timeout: float = 0.0) -> Vault:
        return cls._open(Path(path), None, code, lock_timeout)

    @classmethod
    def _open(
        cls, path: Path, passphrase: str | None, code: str | None, lock_timeout: float
    ) -> Vault:
        path = real_vault_path(path)
        if not path.exists():
            raise errors.VaultNotFound(path)
        lock = None if is_read_only(path) else acquire(path, timeout=lock_timeout)
        try:
            if lock is not None:
                clean_leftovers(path)
            data = _read(path)
            key = stat_key(path)
            envelope, data_key, payload = _decrypt(path, data, passphrase, code)
            keys = env.Keys.from_envelope(envelope, data_key)
            vault = cls(path, payload, keys, lock, key)
            vault.rolled_back = _check_rollback(keys, payload.save_count, lock is not None)
            if lock is not None:
                vault.finished_rotation = backups.resume_rotation(path, keys)
            return vault
        except BaseException:
            if lock is not None:
                lock.release()
            raise

    # -- changing the passphrase ---------------------------------------------------------------

    def change_passphrase(self, new_passphrase: str) -> str:
        """New data key, new salt, new recovery code; re-encrypts the vault, every backup and every
        replaced file (or removes what cannot be re-encrypted).

        Afterwards neither the old passphrase nor the old recovery code opens anything. A journal
        makes this all-or-nothing across a kill (:mod:`safeplan.core.backups`). Returns the new
        recovery code.
        """
        check_new_passphrase(new_passphrase)
        with self._save_lock:
            self._check_writable()
            old_keys = self._keys
            new_keys, code = _new_keys(new_passphrase)
            plaintext = self._plaintext()
            try:
                backups.begin_rotation(self._path, old_keys.data_key, new_keys.data_key)
            except OSError as exc:
                raise errors.SaveFailed(self._path, exc.strerror or "write error") from None
            self._write(new_keys.seal(plaintext), backup=False)
            self._keys = new_keys
            try:
                backups.finish_rotation(self._path, old_keys.data_key, new_keys)
            except OSError as exc:
                # The vault has the new key; the next open finishes the backups.
                raise errors.SaveFailed(self._path, exc.strerror or "write error") from None
            return code

    # -- internals -----------------------------------------------------------------------------

    def _check_writable(self) -> None:
        if self._closed:
            raise errors.VaultError(
                "This vault was already closed, so it cannot be saved.",
                "Open it again to keep working.",
            )
        if self._lock is None:
            raise errors.VaultReadOnly(self._path)

    def _write(self, data: bytes, *, backup: bool = True) -> None:
        path = self._path
        try:
            current = stat_key(path) if path.exists() else None
        except OSError:
            current = None
        if current != self._stat_key:
            raise errors.VaultChangedOnDisk(path)
        try:
            if backup and not self._backed_up and current is not None:
                backups.keep_backup(path)
            atomic_write(path, data)
            self._stat_key = stat_key(path)
        except OSError as exc:
            raise errors.SaveFailed(path, exc.strerror or "write error") from None
        self._backed_up = True


def _check_rollback(keys: env.Keys, count: int, writable: bool) -> rollback.RolledBack | None:
    """Compare the vault's save count with the highest this computer has seen; remember it."""
    identifier = rollback.vault_id(keys.header)
    newest = rollback.seen(identifier)
    if not writable:
        return None if newest is None or count >= newest else rollback.RolledBack(count, newest)
    if newest is not None and count < newest:
        rollback.forget(identifier)  # said once; from now on this state is the newest
        rollback.note(identifier, count)
        return rollback.RolledBack(count, newest)
    rollback.note(identifier, count)
    return None


def _new_keys(passphrase: str) -> tuple[env.Keys, str]:
    salt = os.urandom(env.SALT_LEN)
    recovery_salt = os.urandom(env.SALT_LEN)
    params, pkey = calibrate(passphrase, salt)
    raw_code, code_text = new_code()
    rkey = env.derive_recovery_key(raw_code, recovery_salt)
    return env.Keys.new(pkey, rkey, params, salt, recovery_salt), code_text


def _unwrap(path: Path, envelope: env.Envelope, passphrase: str | None, code: str | None) -> bytes:
    """The data key, or an error that tells a wrong secret apart from a changed file: when the
    secret does not open the vault but does open its newest backup, the vault's header or key slot
    was changed (the checksum is no MAC, so anyone can recompute it)."""
    slot = env.SLOT_PASSPHRASE if passphrase is not None else env.SLOT_RECOVERY
    if passphrase is not None:
        key = env.derive_passphrase_key(passphrase, envelope.salt, envelope.kdf)
    else:
        try:
            raw = parse_code(code or "")
        except RecoveryCodeTypo:
            raise errors.RecoveryCodeMistyped() from None
        key = env.derive_recovery_key(raw, envelope.recovery_salt)
    try:
        return env.unwrap_key(key, envelope, slot)
    except env.UnwrapFailed:
        pass
    found = list_backups(path)
    if found and _opens_backup(found[0], envelope, key, slot, passphrase, code):
        raise errors.VaultDamaged(path, found, detail="header changed", changed=True)
    raise errors.WrongPassphrase(
        "passphrase" if passphrase is not None else "recovery code", backups=found
    )


def _opens_backup(
    backup: Path,
    vault: env.Envelope,
    key: bytes,
    slot: str,
    passphrase: str | None,
    code: str | None,
) -> bool:
    try:
        other = env.parse(read_bytes(backup))
    except (errors.SafeplanError, env.EnvelopeDamaged, env.EnvelopeTooNew):
        return False
    if passphrase is not None and (other.salt, other.kdf) != (vault.salt, vault.kdf):
        key = env.derive_passphrase_key(passphrase, other.salt, other.kdf)
    elif passphrase is None and other.recovery_salt != vault.recovery_salt:
        key = env.derive_recovery_key(parse_code(code or ""), other.recovery_salt)
    try:
        env.unwrap_key(key, other, slot)
    except env.UnwrapFailed:
        return False
    return True
