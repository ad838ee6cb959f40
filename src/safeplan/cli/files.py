"""Writing a plain-text file from a CLI command: checked before any passphrase is asked, written
through the core's one guard (:mod:`safeplan.core.private_files`), and every failure said calmly."""

from __future__ import annotations

import argparse
from pathlib import Path

from safeplan.cli.common import vault_path
from safeplan.core import errors
from safeplan.core.private_files import check_target, write_private_file


def _exists(path: Path) -> errors.UsageError:
    return errors.UsageError(
        f"There is already a file at {path}. Nothing was written.",
        "Choose another name, or add --yes to replace it.",
    )


def check_output(args: argparse.Namespace, path: Path) -> None:
    """Refuse a target that could never be written, before anything is asked or read."""
    if not path.parent.is_dir():
        raise errors.UsageError(
            f"The folder {path.parent} does not exist. Nothing was written.",
            "Create it first, or choose another place.",
        )
    try:
        check_target(path, vaults=[vault_path(args)], replace=getattr(args, "yes", False))
    except FileExistsError:
        raise _exists(path) from None


def write_output(args: argparse.Namespace, path: Path, text: str) -> None:
    """Write ``text`` to ``path`` (0600) or raise a calm :class:`errors.SafeplanError`."""
    try:
        write_private_file(
            path, text, replace=getattr(args, "yes", False), vaults=[vault_path(args)]
        )
    except FileExistsError:
        raise _exists(path) from None
    except OSError as exc:
        raise errors.SafeplanError(
            f"The file {path} could not be written ({exc.strerror or 'write error'}). "
            "Nothing was written.",
            "Check that the folder exists and that you can write there.",
        ) from None
