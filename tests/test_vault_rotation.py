"""Keys rotate everywhere (issue 12 item 2): passwd and recover leave nothing under the old secrets,
an interrupted rotation is finished or rolled back on the next open (proved with SIGKILL), restore
asks for the passphrase and can itself be undone, and backups are kept per day as well as per
session."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from safeplan.core import errors
from safeplan.core.backups import (
    BACKUPS_KEPT,
    DAYS_KEPT,
    JOURNAL_NAME,
    list_backups,
    list_replaced,
)
from safeplan.core.export.jsonfile import export_json
from safeplan.core.models import CheckIn
from safeplan.core.paths import backup_dir
from safeplan.core.vault import Vault, read_payload, restore_backup
from tests.cli_helpers import ROOT, run
from tests.conftest import subprocess_env
from tests.vault_helpers import PASSPHRASE, make_vault

NEW = "a brand new passphrase 22"


def _sessions(path: Path, count: int, passphrase: str = PASSPHRASE) -> None:
    for i in range(count):
        with Vault.open(path, passphrase) as vault:
            vault.payload.checkins.append(CheckIn(mood=i % 11, note=f"session {i}"))
            vault.save()


def _every_file(path: Path) -> list[Path]:
    return [path, *list_backups(path), *list_replaced(path)]


def _opens(file: Path, passphrase: str) -> bool:
    try:
        read_payload(file, passphrase)
    except errors.WrongPassphrase:
        return False
    return True


def test_passwd_after_restore_revokes_the_replaced_files_too(tmp_path: Path) -> None:
    path = tmp_path / "v.json"
    old_code = make_vault(path)
    _sessions(path, 3)
    restore_backup(path, list_backups(path)[1])
    assert list_replaced(path)
    secrets = tmp_path / "pw"
    secrets.write_text(f"{PASSPHRASE}\n{NEW}\n")
    changed = run(tmp_path, "--vault", str(path), "--passphrase-file", str(secrets), "passwd")
    assert changed.returncode == 0, changed.stderr
    files = _every_file(path)
    assert len(files) >= 4
    for file in files:
        assert not _opens(file, PASSPHRASE), file
        assert _opens(file, NEW), file
        with pytest.raises(errors.WrongPassphrase):
            Vault.open_with_recovery(file, old_code).close()
    assert not (backup_dir(path) / JOURNAL_NAME).exists()


KILL_DURING_ROTATION = textwrap.dedent(
    """
    import os, signal, sys
    from pathlib import Path
    from safeplan.core import backups
    from safeplan.core.vault import Vault

    path, old, new, point = Path(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
    real_write = backups.atomic_write
    calls = []

    def dying_write(target, data):
        calls.append(target)
        if point == "before-vault" and target.name == backups.JOURNAL_NAME:
            real_write(target, data)
            os.kill(os.getpid(), signal.SIGKILL)
        if point == "mid-backups" and len(calls) == 3:
            os.kill(os.getpid(), signal.SIGKILL)
        real_write(target, data)

    backups.atomic_write = dying_write
    with Vault.open(path, old) as vault:
        vault.change_passphrase(new)
    print("not killed")
    """
)


def _kill_rotation(tmp_path: Path, path: Path, point: str) -> None:
    child = subprocess.run(
        [sys.executable, "-c", KILL_DURING_ROTATION, str(path), PASSPHRASE, NEW, point],
        capture_output=True,
        text=True,
        env=subprocess_env(tmp_path),
        cwd=ROOT,
        timeout=120,
    )
    assert child.returncode == -signal.SIGKILL, child.stdout + child.stderr


def _vault_with_history(tmp_path: Path) -> Path:
    path = tmp_path / "v.json"
    make_vault(path)
    _sessions(path, 4)
    restore_backup(path, list_backups(path)[0])
    _sessions(path, 1)
    assert len(list_backups(path)) >= 4 and list_replaced(path)
    return path


def test_a_rotation_killed_part_way_is_finished_on_the_next_open(tmp_path: Path) -> None:
    path = _vault_with_history(tmp_path)
    _kill_rotation(tmp_path, path, "mid-backups")
    journal = backup_dir(path) / JOURNAL_NAME
    assert journal.exists()
    # The vault already has the new key; some backups still have the old one.
    assert any(_opens(f, PASSPHRASE) for f in list_backups(path) + list_replaced(path))
    with Vault.open(path, NEW) as vault:
        assert vault.finished_rotation
    assert not journal.exists()
    for file in _every_file(path):
        assert _opens(file, NEW) and not _opens(file, PASSPHRASE), file
    leftovers = [p for p in backup_dir(path).iterdir() if p.name.startswith(".")]
    assert leftovers == []


def test_a_rotation_killed_before_the_vault_changed_is_rolled_back(tmp_path: Path) -> None:
    path = _vault_with_history(tmp_path)
    before = {f: f.read_bytes() for f in _every_file(path)}
    _kill_rotation(tmp_path, path, "before-vault")
    assert (backup_dir(path) / JOURNAL_NAME).exists()
    with pytest.raises(errors.WrongPassphrase):
        Vault.open(path, NEW)
    with Vault.open(path, PASSPHRASE) as vault:
        assert not vault.finished_rotation
    assert not (backup_dir(path) / JOURNAL_NAME).exists()
    for file, data in before.items():
        assert file.read_bytes() == data  # nothing was touched: the old passphrase opens all
        assert _opens(file, PASSPHRASE)


def test_backups_are_kept_per_day_as_well_as_per_session(tmp_path: Path) -> None:
    path = tmp_path / "v.json"
    make_vault(path)
    day = 24 * 3600
    now = time.time()
    # Ten days with one session each, the oldest first.
    for ago in range(10, 0, -1):
        _sessions(path, 1)
        newest = list_backups(path)[0]
        os.utime(newest, (now - ago * day, now - ago * day))
    # A script's quick check-ins today.
    _sessions(path, BACKUPS_KEPT + 3)
    kept = list_backups(path)
    days = {int((now - f.stat().st_mtime) // day) for f in kept}
    assert len(kept) > BACKUPS_KEPT
    assert {1, 2, 3}.issubset(days)  # yesterday's state survived the script
    assert len(kept) <= BACKUPS_KEPT + DAYS_KEPT


def test_restore_asks_for_the_passphrase_and_can_be_undone(tmp_path: Path) -> None:
    path = tmp_path / "v.json"
    make_vault(path)
    _sessions(path, 2)
    before = read_payload(path, PASSPHRASE)
    base = ("--vault", str(path), "--passphrase-file", "-", "backup")
    restored = run(tmp_path, *base, "restore", "1", "--yes", stdin=PASSPHRASE)
    assert restored.returncode == 0, restored.stderr
    assert len(read_payload(path, PASSPHRASE).checkins) == len(before.checkins) - 1
    listed = run(tmp_path, *base, "list")
    assert "R1. saved" in listed.stdout
    undone = run(tmp_path, *base, "restore", "R1", "--yes", stdin=PASSPHRASE)
    assert undone.returncode == 0, undone.stderr
    assert read_payload(path, PASSPHRASE) == before


def test_restore_never_writes_over_a_document_that_is_not_a_vault(tmp_path: Path) -> None:
    path = tmp_path / "v.json"
    make_vault(path)
    _sessions(path, 1)
    # The F1 accident: a plain-text export saved where the vault was.
    plain = export_json(read_payload(path, PASSPHRASE))
    path.write_text(plain)
    result = run(
        tmp_path,
        *("--vault", str(path), "--passphrase-file", "-", "backup", "restore", "1", "--yes"),
        stdin=PASSPHRASE,
    )
    assert result.returncode == 2
    assert "not a safeplan vault" in result.stderr
    assert path.read_text() == plain
    assert list_replaced(path) == []  # no plain-text copy landed in the backups folder


def test_backup_list_of_a_missing_vault_says_so(tmp_path: Path) -> None:
    result = run(tmp_path, "backup", "list", "--vault", str(tmp_path / "nope.json"))
    assert result.returncode == 6
    assert "There is no vault" in result.stderr


def test_rotation_journal_holds_nothing_readable(tmp_path: Path) -> None:
    path = _vault_with_history(tmp_path)
    _kill_rotation(tmp_path, path, "mid-backups")
    doc = json.loads((backup_dir(path) / JOURNAL_NAME).read_text())
    assert set(doc) == {"format", "version", "nonce", "old_key"}


def test_cleaning_leftovers_touches_only_this_vaults_temporary_files(tmp_path: Path) -> None:
    from safeplan.core.vault_files import clean_leftovers

    odd = tmp_path / "a[bc].json"  # a name that is also a glob pattern
    other = tmp_path / ".ab.json.tmp-1234abcd"  # another vault's save in progress
    mine = tmp_path / ".a[bc].json.tmp-5678ef90"
    other.write_bytes(b"x")
    mine.write_bytes(b"x")
    clean_leftovers(odd)
    assert other.exists()
    assert not mine.exists()
