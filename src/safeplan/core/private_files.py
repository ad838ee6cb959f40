"""The one way safeplan writes a file that is not the vault itself.

Exports, print spools, wallet and crisis cards, handover files and crash reports all go through
:func:`write_private_file`, which keeps four promises:

* never the vault: not a vault file (any file that starts like a safeplan vault envelope, whichever
  vault it is), not the vault in use or the default one, their ``.lock`` files, their backups
  folders or anything inside them, and not a safeplan temporary file;
* never over an existing file unless the person said so for that file (``replace=True``);
* never through a symlink the person did not choose: a symlink at the target is replaced by a new
  file only with ``replace=True``, and is never followed;
* always readable and writable by the owner only (0600), and never half-written: a replacement is
  written to a temporary file in the same folder and moved into place, so a failed write leaves the
  old file as it was.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable
from pathlib import Path

from safeplan.core import errors
from safeplan.core.paths import TMP_MARK, backup_dir, default_vault_path, lock_path

# The first bytes of every vault envelope safeplan writes (compact JSON, format name first).
_VAULT_MAGIC = b'"format":"safeplan-vault"'
_SNIFF_BYTES = 256


class ProtectedFile(errors.UsageError):
    """The chosen file is the vault, one of its companions, or a vault of another name."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            f"{path} belongs to a safeplan vault, so safeplan will not write over it. Nothing was "
            "written.",
            "Choose another file name, such as safety-plan.txt in your documents folder.",
        )


def _companions(vault: Path) -> list[Path]:
    """The vault file, its lock and its backups folder (symlinks resolved too)."""
    found: list[Path] = []
    for base in {vault, _resolved(vault)}:
        found += [base, lock_path(base), backup_dir(base)]
    return found


def _resolved(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return path.absolute()


def _looks_like_vault(path: Path) -> bool:
    try:
        with path.open("rb") as fh:
            head = fh.read(_SNIFF_BYTES)
    except OSError:
        return False
    return _VAULT_MAGIC in b"".join(head.split())


def is_protected(path: Path, vaults: Iterable[Path | None] = ()) -> bool:
    """True when ``path`` is a vault, a vault's lock, backups folder or anything inside them, or a
    safeplan temporary file."""
    candidates = [v for v in (*vaults, default_vault_path()) if v is not None]
    target = _resolved(Path(path).expanduser().absolute().parent) / Path(path).name
    targets = {target, _resolved(target)}
    for vault in candidates:
        for companion in _companions(Path(vault).expanduser().absolute()):
            for t in targets:
                if t == companion or companion in t.parents:
                    return True
    if target.name.startswith(".") and TMP_MARK in target.name:
        # ``.vault.json.tmp-XXXX`` files are vaults being written.
        return True
    return any(t.is_file() and _looks_like_vault(t) for t in targets)


def check_target(path: Path, *, vaults: Iterable[Path | None] = (), replace: bool = False) -> None:
    """Refuse, with a calm message, a target that :func:`write_private_file` would refuse."""
    if is_protected(path, vaults):
        raise ProtectedFile(path)
    if path.is_dir():
        raise errors.UsageError(
            f"{path} is a folder. Nothing was written.",
            "Give a file name, such as safety-plan.txt.",
        )
    if os.path.lexists(path) and not replace:
        raise FileExistsError(str(path))


def write_private_file(
    path: Path,
    content: str | bytes,
    *,
    replace: bool = False,
    vaults: Iterable[Path | None] = (),
) -> None:
    """Write ``content`` to ``path`` (0600) under the promises above.

    Raises :class:`ProtectedFile` for a vault or its companions, :class:`FileExistsError` when a
    file (or symlink) is there and ``replace`` is false, and :class:`OSError` when the write fails
    (the target is then unchanged).
    """
    path = Path(path).expanduser()
    vaults = list(vaults)
    check_target(path, vaults=vaults, replace=replace)
    data = content.encode("utf-8") if isinstance(content, str) else content
    if not replace:
        _write_new(path, data)
        return
    tmp = path.with_name(f".{path.name}.safeplan-{os.getpid()}.part")
    with contextlib.suppress(FileNotFoundError):
        tmp.unlink()
    _write_new(tmp, data)
    try:
        # Checked again right before the move: the target may have changed meanwhile.
        check_target(path, vaults=vaults, replace=True)
        os.replace(tmp, path)  # replaces a symlink itself, never what it points to
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


def _write_new(path: Path, data: bytes) -> None:
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(path, flags, 0o600)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
    except BaseException:
        with contextlib.suppress(OSError):
            path.unlink()
        raise
