"""`safeplan vault check|info` and `safeplan backup list|restore`. Nothing personal is printed."""

from __future__ import annotations

import argparse
from typing import Any

from safeplan.cli.common import (
    LOCK_WAIT_SECONDS,
    add_command,
    add_group,
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
        "put backup N in place of the vault (the current file is kept, never deleted)",
        "safeplan.cli.commands.vault:backup_restore",
    )
    restore.add_argument(
        "number", type=int, metavar="N", help="the backup's number from `backup list`"
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
    out(f"It holds {sum(counts.values())} entries in all.")
    return errors.EXIT_OK


def info(args: argparse.Namespace) -> int:
    from safeplan.core.vault import inspect

    _no_demo(args)
    path = vault_path(args)
    facts = inspect(path)
    out(f"path:                    {facts.path}")
    out(f"size:                    {_human_size(facts.size)}")
    out(f"format version:          {facts.format_version}")
    out(f"encryption:              {facts.aead}")
    out(
        f"key derivation:          argon2id, {facts.kdf.memory_kib // 1024} MiB, "
        f"{facts.kdf.iterations} pass(es), {facts.kdf.lanes} lanes"
    )
    out(f"backups:                 {len(facts.backups)}")
    with _open(args) as vault:
        out(f"schema version:          {vault.payload.schema_version}")
        for name, count in vault.payload.counts().items():
            out(f"{name + ':':<25}{count}")
    return errors.EXIT_OK


def backup_list(args: argparse.Namespace) -> int:
    from safeplan.core.vault import list_backups

    _no_demo(args)
    path = vault_path(args)
    backups = list_backups(path)
    if not backups:
        out(f"There are no backups of {path} yet. One is kept each time you save in a new session.")
        return errors.EXIT_OK
    out(f"Backups of {path}, newest first:")
    for number, backup in enumerate(backups, start=1):
        stat = backup.stat()
        from datetime import datetime

        when = datetime.fromtimestamp(stat.st_mtime).strftime("%Y-%m-%d %H:%M")
        out(f"  {number}. saved {when}, {_human_size(stat.st_size)}")
    out("Restore one with `safeplan backup restore N`.")
    return errors.EXIT_OK


def backup_restore(args: argparse.Namespace) -> int:
    from safeplan.core.vault import list_backups, restore_backup

    _no_demo(args)
    path = vault_path(args)
    backups = list_backups(path)
    if not 1 <= args.number <= len(backups):
        raise errors.UsageError(
            f"There is no backup number {args.number}.",
            "Run `safeplan backup list` to see the numbers.",
        )
    kept = restore_backup(path, backups[args.number - 1], lock_timeout=LOCK_WAIT_SECONDS)
    out(f"Backup {args.number} is now your vault at {path}.")
    if kept:
        out(f"The file it replaced was kept at {kept}, in case you need it.")
    return errors.EXIT_OK
