"""The vault's file-system primitives: atomic writes, the lock, reading bounded, and telling a
read-only place apart. Used by :mod:`safeplan.core.vault` and :mod:`safeplan.core.backups`."""

from __future__ import annotations

import contextlib
import errno
import glob
import os
import secrets
from pathlib import Path
from typing import BinaryIO

import filelock

from safeplan.core import envelope as env
from safeplan.core import errors
from safeplan.core.paths import TMP_MARK, backup_dir, lock_path

# errno values that mean "this place cannot be written", not "something is wrong".
_READ_ONLY_ERRNOS = {errno.EROFS, errno.EACCES, errno.EPERM}


def real_vault_path(path: Path) -> Path:
    """The file a vault path stands for. A symlinked vault is written through to its target (and
    its lock and backups live beside the target), never replaced by a local file."""
    path = Path(path).expanduser()
    if path.is_symlink():
        return Path(os.path.realpath(path))
    return path


def fsync_dir(folder: Path) -> None:
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
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
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
    fsync_dir(folder)


def stat_key(path: Path) -> tuple[int, int, int]:
    st = path.stat()
    return (st.st_ino, st.st_size, st.st_mtime_ns)


def is_read_only(path: Path) -> bool:
    """True when the vault's folder (or the vault itself) cannot be written by this process: a
    write-protected USB stick, a read-only share, a folder without write permission."""
    folder = path.parent
    if not os.access(folder, os.W_OK):
        return True
    return path.exists() and not os.access(path, os.W_OK)


def make_private_folders(folder: Path) -> None:
    """Create ``folder`` and any missing parents, each owner-only (0700)."""
    missing: list[Path] = []
    current = folder
    while not current.exists() and current != current.parent:
        missing.append(current)
        current = current.parent
    for part in reversed(missing):
        part.mkdir(mode=0o700, exist_ok=True)


def shared_place_warning(path: Path) -> str | None:
    """A warning when the vault's folder or file can be changed by other users of this computer
    (they could swap in an older copy, or hold the lock), else None."""
    if not hasattr(os, "geteuid"):  # pragma: no cover - not POSIX
        return None
    me = os.geteuid()
    try:
        folder = path.parent.stat()
        vault = path.stat() if path.exists() else None
    except OSError:
        return None
    others_write = folder.st_mode & 0o002 and not folder.st_mode & 0o1000
    not_mine = folder.st_uid != me or (vault is not None and vault.st_uid != me)
    backups = backup_dir(path)
    if backups.is_symlink():
        return (
            f"Note: the backups folder {backups} is a link to somewhere else, so the vault's "
            "backups are kept there. If you did not set that up, remove the link."
        )
    if not (others_write or not_mine) or (me == 0 and not others_write):
        return None
    return (
        f"Note: other users of this computer can change the folder of the vault at {path}. "
        "Keep your vault in a folder only you can write (your home folder, say)."
    )


def existing_target_error(path: Path) -> errors.SafeplanError:
    """What to say when a new vault's path is taken."""
    if path.is_dir():
        return errors.UsageError(
            f"{path} is a folder. Nothing was created.",
            "Give a file name for the vault, such as vault.json inside that folder.",
        )
    if path.is_file() and path.stat().st_size == 0:
        return errors.UsageError(
            f"There is an empty file at {path}, not a vault. Nothing was created.",
            "Choose another place with --vault PATH, or remove that file if you do not need it.",
        )
    return errors.VaultExists(path)


def acquire(path: Path, timeout: float) -> filelock.BaseFileLock:
    make_private_folders(path.parent)
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
            f"The vault at {path} could not be locked ({exc.strerror or 'not allowed'}).",
            "Check that the folder exists and that you may write to it.",
        ) from None
    return lock


def clean_leftovers(path: Path) -> None:
    """Remove temporary files a killed save left, beside the vault and in its backups folder."""
    pattern = f".{glob.escape(path.name)}{TMP_MARK}*"
    for leftover in path.parent.glob(pattern):
        with contextlib.suppress(OSError):
            leftover.unlink()
    folder = backup_dir(path)
    if folder.is_dir() and not folder.is_symlink():
        for leftover in folder.glob(f".*{TMP_MARK}*"):
            with contextlib.suppress(OSError):
                leftover.unlink()


def _read_at_most(fh: BinaryIO, size: int, limit: int) -> bytes:
    """Up to ``limit`` bytes. Never one read of the limit itself: CPython allocates a read's whole
    size up front (512 MiB for a 2 KiB vault), so ask for what the file says it holds, then read on
    in small pieces (a file that grew, or one whose size the system does not report)."""
    parts = [fh.read(min(size + 1, limit))] if size else []
    total = len(parts[0]) if parts else 0
    while total < limit:
        chunk = fh.read(min(1 << 16, limit - total))
        if not chunk:
            break
        parts.append(chunk)
        total += len(chunk)
    return b"".join(parts)


def read_bytes(path: Path, backups: list[Path] | None = None) -> bytes:
    """A vault file's bytes, refused before reading when larger than any vault safeplan writes."""
    try:
        with open(path, "rb") as fh:
            size = os.fstat(fh.fileno()).st_size
            if size > env.MAX_FILE_BYTES:
                raise errors.VaultDamaged(path, backups, detail="file too large")
            data = _read_at_most(fh, size, env.MAX_FILE_BYTES + 1)
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
    if len(data) > env.MAX_FILE_BYTES:
        raise errors.VaultDamaged(path, backups, detail="file too large")
    return data


def cannot_write(exc: OSError) -> bool:
    return exc.errno in _READ_ONLY_ERRNOS
