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
* The first save of each session keeps the previous file as an encrypted backup; the newest
  ``BACKUPS_KEPT`` are kept.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import threading
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import filelock
from pydantic import ValidationError

from safeplan.core import envelope as env
from safeplan.core import errors
from safeplan.core.kdf import calibrate
from safeplan.core.migrations import PayloadInvalid, PayloadTooNew, migrate, payload_version
from safeplan.core.models import SCHEMA_VERSION, VaultPayload
from safeplan.core.paths import TMP_MARK as TMP_MARK
from safeplan.core.paths import backup_dir as backup_dir
from safeplan.core.paths import lock_path as lock_path
from safeplan.core.recovery import RecoveryCodeTypo, new_code, parse_code
from safeplan.core.secret_rules import MIN_PASSPHRASE_LENGTH as MIN_PASSPHRASE_LENGTH
from safeplan.core.secret_rules import check_new_passphrase

BACKUPS_KEPT = 5


def list_backups(path: Path) -> list[Path]:
    """Backups of the vault at ``path``, newest first."""
    folder = backup_dir(path)
    if not folder.is_dir():
        return []
    found = [p for p in folder.iterdir() if p.is_file() and p.suffix == ".json"]
    return sorted(found, key=lambda p: p.name, reverse=True)


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # pragma: no cover - platforms without directory fds
        return
    try:
        os.fsync(fd)
    except OSError:  # pragma: no cover
        pass
    finally:
        os.close(fd)


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that a crash leaves either the old file or the new one."""
    folder = path.parent
    tmp = folder / f".{path.name}{TMP_MARK}{secrets.token_hex(4)}"
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        try:
            view = memoryview(data)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    _fsync_dir(folder)


def _stat_key(path: Path) -> tuple[int, int, int]:
    st = path.stat()
    return (st.st_ino, st.st_size, st.st_mtime_ns)


def _acquire(path: Path, timeout: float) -> filelock.BaseFileLock:
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    lock = filelock.FileLock(
        str(lock_path(path)),
        timeout=timeout,
        mode=0o600,
        thread_local=False,
        fallback_to_soft=False,
    )
    try:
        lock.acquire()
    except filelock.Timeout:
        raise errors.VaultLocked(path) from None
    except OSError as exc:
        raise errors.VaultError(
            f"safeplan could not lock the vault at {path} ({exc.strerror or 'not allowed'}).",
            "Check that the folder exists and that you may write to it.",
        ) from None
    return lock


def _clean_leftovers(path: Path) -> None:
    for leftover in path.parent.glob(f".{path.name}{TMP_MARK}*"):
        with contextlib.suppress(OSError):
            leftover.unlink()


def _read(path: Path) -> bytes:
    try:
        with open(path, "rb") as fh:
            if os.fstat(fh.fileno()).st_size > env.MAX_FILE_BYTES:
                raise errors.VaultDamaged(path, list_backups(path), detail="file too large")
            return fh.read()
    except FileNotFoundError:
        raise errors.VaultNotFound(path) from None
    except IsADirectoryError:
        raise errors.VaultError(
            f"{path} is a folder, not a vault file.", "Point --vault at the vault file itself."
        ) from None
    except OSError as exc:
        raise errors.VaultError(
            f"safeplan could not read the vault at {path} ({exc.strerror}).",
            "Check the file's permissions and try again.",
        ) from None


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


class Vault:
    """An open vault: its payload in memory, its lock held, ready to save."""

    def __init__(
        self,
        path: Path,
        payload: VaultPayload,
        keys: env.Keys,
        lock: filelock.BaseFileLock,
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

    # -- the Store protocol --------------------------------------------------------------------

    @property
    def path(self) -> Path:
        return self._path

    @property
    def persistent(self) -> bool:
        return True

    def save(self) -> None:
        """Encrypt and write the current payload. Thread-safe; blocks on fsync."""
        with self._save_lock:
            if self._closed:
                raise errors.VaultError(
                    "This vault was already closed, so it cannot be saved.",
                    "Open it again to keep working.",
                )
            # pydantic-core serialises while holding the GIL, so this is a consistent snapshot
            # even if the UI thread edits the payload a moment later.
            plaintext = self.payload.model_dump_json().encode("utf-8")
            self._write(self._keys.seal(plaintext))

    def close(self) -> None:
        with self._save_lock:
            if not self._closed:
                self._closed = True
                self._lock.release()

    def __enter__(self) -> Vault:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- creating and opening ------------------------------------------------------------------

    @classmethod
    def create(
        cls, path: Path, passphrase: str, payload: VaultPayload | None = None
    ) -> tuple[Vault, str]:
        """Create a new vault. Returns it open (lock held) and the one-time recovery code."""
        path = Path(path)
        check_new_passphrase(passphrase)
        if path.exists():
            raise errors.VaultExists(path)
        lock = _acquire(path, timeout=0)
        try:
            if path.exists():
                raise errors.VaultExists(path)
            _clean_leftovers(path)
            keys, code = _new_keys(passphrase)
            vault = cls(path, payload or VaultPayload(), keys, lock, None)
            vault._backed_up = True  # nothing to back up yet
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
        if not path.exists():
            raise errors.VaultNotFound(path)
        lock = _acquire(path, timeout=lock_timeout)
        try:
            _clean_leftovers(path)
            data = _read(path)
            stat_key = _stat_key(path)
            envelope = _parse(path, data)
            data_key = _unwrap(envelope, passphrase, code)
            try:
                plaintext = env.decrypt_payload(data_key, envelope)
            except env.EnvelopeDamaged as exc:
                raise errors.VaultDamaged(path, list_backups(path), detail=str(exc)) from None
            payload = decode_payload(path, plaintext)
            return cls(path, payload, env.Keys.from_envelope(envelope, data_key), lock, stat_key)
        except BaseException:
            lock.release()
            raise

    # -- changing the passphrase ---------------------------------------------------------------

    def change_passphrase(self, new_passphrase: str) -> str:
        """New data key, new salt, new recovery code; re-encrypts the vault and every backup.

        Afterwards neither the old passphrase nor the old recovery code opens the vault or any
        backup. Returns the new recovery code.
        """
        check_new_passphrase(new_passphrase)
        with self._save_lock:
            old_keys = self._keys
            new_keys, code = _new_keys(new_passphrase)
            plaintext = self.payload.model_dump_json().encode("utf-8")
            self._write(new_keys.seal(plaintext), backup=False)
            self._keys = new_keys
            for backup in list_backups(self._path):
                _reencrypt_backup(backup, old_keys.data_key, new_keys)
            return code

    # -- internals -----------------------------------------------------------------------------

    def _write(self, data: bytes, *, backup: bool = True) -> None:
        path = self._path
        try:
            current = _stat_key(path) if path.exists() else None
        except OSError:
            current = None
        if current != self._stat_key:
            raise errors.VaultChangedOnDisk(path)
        try:
            if backup and not self._backed_up and current is not None:
                _keep_backup(path)
            atomic_write(path, data)
            self._stat_key = _stat_key(path)
        except OSError as exc:
            raise errors.SaveFailed(path, exc.strerror or "write error") from None
        self._backed_up = True


def _new_keys(passphrase: str) -> tuple[env.Keys, str]:
    salt = os.urandom(env.SALT_LEN)
    recovery_salt = os.urandom(env.SALT_LEN)
    params, pkey = calibrate(passphrase, salt)
    raw_code, code_text = new_code()
    rkey = env.derive_recovery_key(raw_code, recovery_salt)
    return env.Keys.new(pkey, rkey, params, salt, recovery_salt), code_text


def _unwrap(envelope: env.Envelope, passphrase: str | None, code: str | None) -> bytes:
    if passphrase is not None:
        key = env.derive_passphrase_key(passphrase, envelope.salt, envelope.kdf)
        try:
            return env.unwrap_key(key, envelope, env.SLOT_PASSPHRASE)
        except env.UnwrapFailed:
            raise errors.WrongPassphrase() from None
    try:
        raw = parse_code(code or "")
    except RecoveryCodeTypo:
        raise errors.WrongPassphrase("recovery code") from None
    key = env.derive_recovery_key(raw, envelope.recovery_salt)
    try:
        return env.unwrap_key(key, envelope, env.SLOT_RECOVERY)
    except env.UnwrapFailed:
        raise errors.WrongPassphrase("recovery code") from None


def _keep_backup(path: Path) -> None:
    folder = backup_dir(path)
    folder.mkdir(mode=0o700, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%dT%H%M%S%f")
    target = folder / f"{path.stem}-{stamp}.json"
    try:
        os.link(path, target)  # the old inode survives the replace: no copy needed
    except OSError:
        atomic_write(target, path.read_bytes())
    _fsync_dir(folder)
    for old in list_backups(path)[BACKUPS_KEPT:]:
        with contextlib.suppress(OSError):
            old.unlink()


def _reencrypt_backup(backup: Path, old_data_key: bytes, new_keys: env.Keys) -> None:
    """Re-encrypt one backup under the new keys, or remove it if it cannot be read."""
    try:
        envelope = env.parse(backup.read_bytes())
        plaintext = env.decrypt_payload(old_data_key, envelope)
    except (OSError, env.EnvelopeDamaged, env.EnvelopeTooNew):
        with contextlib.suppress(OSError):
            backup.unlink()
        return
    atomic_write(backup, new_keys.seal(plaintext))


def restore_backup(path: Path, backup: Path, *, lock_timeout: float = 0.0) -> Path | None:
    """Put ``backup`` in place of the vault at ``path``; the current file (even a damaged one) is
    kept beside the backups first, so restoring never loses anything. Returns where it was kept."""
    data = _read(backup)
    _parse(backup, data)  # refuse to restore a damaged backup
    lock = _acquire(path, timeout=lock_timeout)
    try:
        kept: Path | None = None
        if path.exists():
            folder = backup_dir(path)
            folder.mkdir(mode=0o700, exist_ok=True)
            stamp = datetime.now().strftime("%Y%m%dT%H%M%S%f")
            kept = folder / f"replaced-{stamp}.json.old"
            atomic_write(kept, path.read_bytes())
        atomic_write(path, data)
        return kept
    finally:
        lock.release()
