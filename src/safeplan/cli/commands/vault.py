"""`safeplan vault check|info` and `safeplan backup list|restore`. Nothing personal is printed."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from safeplan.cli.common import (
    LOCK_WAIT_SECONDS,
    add_command,
    add_group,
    err,
    examples,
    out,
    secrets_for,
    vault_path,
)
from safeplan.core import errors


def register(sub: argparse._SubParsersAction[Any], common: argparse.ArgumentParser) -> None:
    vault = add_group(sub, "vault", "check the vault or show facts about it (nothing personal)")
    add_command(
        vault,
        common,
        "check",
        "check that the vault is intact and that your passphrase opens it",
        "safeplan.cli.commands.vault:check",
    )
    add_command(
        vault,
        common,
        "info",
        "show the vault's path, format, key settings, size and counts",
        "safeplan.cli.commands.vault:info",
    )
    backup = add_group(sub, "backup", "list or restore the encrypted backups")
    add_command(
        backup,
        common,
        "list",
        "list the encrypted backups, newest first",
        "safeplan.cli.commands.vault:backup_list",
    )
    restore = add_command(
        backup,
        common,
        "restore",
        "put backup N (or replaced file RN) in place of the vault; the current file is kept",
        "safeplan.cli.commands.vault:backup_restore",
        description="Put backup N in place of the vault, or RN to undo an earlier restore. It asks "
        "for your passphrase (to check that the backup opens) and, on a terminal, whether to go "
        "ahead. The file it replaces is kept, never deleted: `safeplan backup list` shows it.",
        **examples(
            "safeplan backup list",
            "safeplan backup restore 1             # the newest backup",
            "safeplan backup restore R1            # undo that restore",
        ),
    )
    restore.add_argument(
        "number",
        metavar="N",
        help="the backup's number from `backup list` (R1, R2, … for files "
        "an earlier restore replaced)",
    )
    restore.add_argument(
        "-y", "--yes", action="store_true", help="go ahead without asking (for scripts)"
    )


def _no_demo(args: argparse.Namespace) -> None:
    if args.demo:
        raise errors.UsageError(
            "The demo vault lives in memory only: there is no file to check or back up.",
            "Run this command without --demo.",
        )


def _human_size(size: int) -> str:
    for unit in ("bytes", "KiB", "MiB", "GiB"):
        if size < 1024 or unit == "GiB":
            return f"{size} {unit}" if unit == "bytes" else f"{size:.1f} {unit}"
        size = size / 1024  # type: ignore[assignment]
    return str(size)  # pragma: no cover


def _open(args: argparse.Namespace) -> Any:
    from safeplan.core.vault import Vault

    path = vault_path(args)
    if not path.exists():
        raise errors.VaultNotFound(path)
    return Vault.open(path, secrets_for(args).read("Passphrase: "), lock_timeout=LOCK_WAIT_SECONDS)


def check(args: argparse.Namespace) -> int:
    from safeplan.core.vault import inspect

    _no_demo(args)
    path = vault_path(args)
    inspect(path)  # intact: format, checksum and settings, before any passphrase is asked
    with _open(args) as vault:
        counts = vault.payload.counts()
    out(f"The vault at {path} is intact and your passphrase opens it.")
    total = sum(counts.values())
    out(f"It holds {total} {'entry' if total == 1 else 'entries'} in all.")
    return errors.EXIT_OK


def info(args: argparse.Namespace) -> int:
    from safeplan.core.vault import inspect

    _no_demo(args)
    path = vault_path(args)
    facts = inspect(path)
    with _open(args) as vault:  # the passphrase first: nothing is printed before it is known
        schema_version = vault.payload.schema_version
        counts = vault.payload.counts()
    passes = "pass" if facts.kdf.iterations == 1 else "passes"
    out(f"path:                    {facts.path}")
    out(f"size:                    {_human_size(facts.size)}")
    out(f"format version:          {facts.format_version}")
    out(f"encryption:              {facts.aead}")
    out(
        f"key derivation:          argon2id, {facts.kdf.memory_kib // 1024} MiB, "
        f"{facts.kdf.iterations} {passes}, {facts.kdf.lanes} lanes"
    )
    out(f"backups:                 {len(facts.backups)}")
    out(f"schema version:          {schema_version}")
    for name, count in counts.items():
        out(f"{name + ':':<25}{count}")
    return errors.EXIT_OK


def _existing_vault(args: argparse.Namespace) -> Path:
    from safeplan.core.vault_files import real_vault_path

    _no_demo(args)
    path = real_vault_path(vault_path(args))
    if not path.exists():
        raise errors.VaultNotFound(path)
    return path


def _when(file: Path) -> str:
    from datetime import datetime

    return datetime.fromtimestamp(file.stat().st_mtime).strftime("%Y-%m-%d %H:%M")


def backup_list(args: argparse.Namespace) -> int:
    from safeplan.core.vault import list_backups, list_replaced

    path = _existing_vault(args)
    backups = list_backups(path)
    replaced = list_replaced(path)
    if not backups:
        out(f"There are no backups of {path} yet. One is kept each time you save in a new session.")
    else:
        out(f"Backups of {path}, newest first:")
        for number, backup in enumerate(backups, start=1):
            flag = "" if _intact(backup) else " (damaged: cannot be restored)"
            out(f"  {number}. saved {_when(backup)}, {_human_size(backup.stat().st_size)}{flag}")
        out("Restore one with `safeplan backup restore N`.")
    if replaced:
        out("")
        out("Files an earlier restore replaced (kept so that a restore can be undone):")
        for number, file in enumerate(replaced, start=1):
            out(f"  R{number}. saved {_when(file)}, {_human_size(file.stat().st_size)}")
        out("Put one back with `safeplan backup restore RN`.")
    return errors.EXIT_OK


def _intact(file: Path) -> bool:
    from safeplan.core.vault import inspect

    try:
        inspect(file)
    except errors.SafeplanError:
        return False
    return True


def _chosen(path: Path, number: str) -> tuple[str, Path]:
    from safeplan.core.vault import list_backups, list_replaced

    text = number.strip().upper()
    files, label = list_backups(path), "backup"
    if text.startswith("R"):
        files, label, text = list_replaced(path), "replaced file", text[1:]
    if not text.isdigit() or not 1 <= int(text) <= len(files):
        raise errors.UsageError(
            f"There is no {label} number {number}.",
            "Run `safeplan backup list` to see the numbers.",
        )
    return f"{label} {number}", files[int(text) - 1]


def _summary(path: Path, passphrase: str) -> str:
    """What a vault file holds, in counts only; or why it cannot be said."""
    from safeplan.core.vault import read_payload

    try:
        return (
            f"{sum(read_payload(path, passphrase).counts().values())} entries, saved {_when(path)}"
        )
    except errors.SafeplanError:
        return "it cannot be read with this passphrase, or is damaged"


def backup_restore(args: argparse.Namespace) -> int:
    from safeplan.cli.prompts import confirm
    from safeplan.core.vault import read_payload, restore_backup

    path = _existing_vault(args)
    label, chosen = _chosen(path, args.number)
    passphrase = secrets_for(args).read("Passphrase: ")
    # The backup must open with the passphrase: a restore never puts in something unreadable.
    payload = read_payload(chosen, passphrase)
    restored = f"{sum(payload.counts().values())} entries, saved {_when(chosen)}"
    current = _summary(path, passphrase)
    question = (
        f"Replace your vault ({current}) with {label} ({restored})? "
        "The current file is kept and can be put back."
    )
    if not confirm(args, question):
        err("Nothing was changed.")
        return errors.EXIT_OK
    kept = restore_backup(path, chosen, lock_timeout=LOCK_WAIT_SECONDS)
    out(f"{label.capitalize()} is now your vault at {path}.")
    if kept:
        out(f"The file it replaced was kept at {kept}; `safeplan backup list` shows it.")
    return errors.EXIT_OK
