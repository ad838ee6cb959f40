"""The one guard every plain-text writer goes through (`safeplan.core.private_files`), alone and
through each writer a person can reach from the command line."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from safeplan.core.crash import write_crash_report
from safeplan.core.paths import backup_dir, lock_path
from safeplan.core.private_files import ProtectedFile, is_protected, write_private_file
from tests.cli_helpers import run
from tests.vault_helpers import PASSPHRASE, make_vault


def _mode(path: Path) -> int:
    return stat.S_IMODE(os.lstat(path).st_mode)


# --- the guard itself ----------------------------------------------------------------------------


def test_a_new_file_is_owner_only(tmp_path: Path) -> None:
    target = tmp_path / "plan.txt"
    write_private_file(target, "words")
    assert target.read_text() == "words"
    assert _mode(target) == 0o600


def test_an_existing_file_is_kept_unless_replace(tmp_path: Path) -> None:
    target = tmp_path / "plan.txt"
    target.write_text("before")
    with pytest.raises(FileExistsError):
        write_private_file(target, "after")
    assert target.read_text() == "before"
    write_private_file(target, "after", replace=True)
    assert target.read_text() == "after"
    assert _mode(target) == 0o600


def test_a_symlink_is_never_followed(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere.txt"
    elsewhere.write_text("someone else's file")
    link = tmp_path / "plan.txt"
    link.symlink_to(elsewhere)
    with pytest.raises(FileExistsError):
        write_private_file(link, "plan")
    write_private_file(link, "plan", replace=True)
    assert elsewhere.read_text() == "someone else's file"
    assert not link.is_symlink()
    assert link.read_text() == "plan"


def test_a_dangling_symlink_is_not_followed_either(tmp_path: Path) -> None:
    link = tmp_path / "plan.txt"
    link.symlink_to(tmp_path / "created-through-the-link.txt")
    with pytest.raises(FileExistsError):
        write_private_file(link, "plan")
    assert not (tmp_path / "created-through-the-link.txt").exists()


def test_the_vault_and_its_companions_are_refused(tmp_path: Path) -> None:
    vault = tmp_path / "vault.json"
    make_vault(vault)
    backups = backup_dir(vault)
    backups.mkdir(exist_ok=True)
    before = vault.read_bytes()
    for target in (
        vault,
        lock_path(vault),
        backups,
        backups / "anything.txt",
        tmp_path / f".{vault.name}.tmp-1234abcd",
    ):
        assert is_protected(target, [vault]), target
        with pytest.raises(ProtectedFile):
            write_private_file(target, "{}", replace=True, vaults=[vault])
    assert vault.read_bytes() == before


def test_any_vault_file_is_refused_by_its_content(tmp_path: Path) -> None:
    """A vault that is not the one in use (another --vault) is still recognised."""
    other = tmp_path / "somewhere" / "my-old-plan.json"
    other.parent.mkdir()
    make_vault(other)
    before = other.read_bytes()
    with pytest.raises(ProtectedFile):
        write_private_file(other, "{}", replace=True)
    assert other.read_bytes() == before


def test_the_vault_through_a_symlink_is_refused(tmp_path: Path) -> None:
    vault = tmp_path / "vault.json"
    make_vault(vault)
    alias = tmp_path / "alias.json"
    alias.symlink_to(vault)
    assert is_protected(alias, [vault])
    assert is_protected(backup_dir(vault) / "x", [alias])


def test_a_failed_replacement_leaves_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "plan.txt"
    target.write_text("before")

    def no_space(*_: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", no_space)
    with pytest.raises(OSError):
        write_private_file(target, "after", replace=True)
    assert target.read_text() == "before"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.txt"]


def test_crash_reports_are_owner_only(tmp_path: Path) -> None:
    try:
        raise ValueError("secret words")
    except ValueError as exc:
        report = write_crash_report(exc, tmp_path / "reports")
    assert report is not None
    assert _mode(report) == 0o600
    assert "secret words" not in report.read_text()


# --- every writer a person can reach -------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["json", "text", "markdown", "card"])
def test_export_cannot_write_over_the_vault(tmp_path: Path, fmt: str) -> None:
    vault = tmp_path / "vault.json"
    make_vault(vault)
    before = vault.read_bytes()
    result = run(
        tmp_path,
        "--vault",
        str(vault),
        "--passphrase-file",
        "-",
        "export",
        "-f",
        fmt,
        "-o",
        str(vault),
        "--yes",
        stdin=PASSPHRASE + "\n",
    )
    assert result.returncode == 2, result.stderr
    assert "will not write over it" in result.stderr
    assert vault.read_bytes() == before
    backups = backup_dir(vault)
    assert not backups.exists() or all(
        p.read_bytes().lstrip().startswith(b"{") and b"safeplan-vault" in p.read_bytes()
        for p in backups.iterdir()
    )


def test_export_cannot_write_into_the_backups_folder(tmp_path: Path) -> None:
    vault = tmp_path / "vault.json"
    make_vault(vault)
    backup_dir(vault).mkdir(exist_ok=True)
    target = backup_dir(vault) / "plan.txt"
    result = run(
        tmp_path,
        "--vault",
        str(vault),
        "--passphrase-file",
        "-",
        "export",
        "-o",
        str(target),
        "--yes",
        stdin=PASSPHRASE + "\n",
    )
    assert result.returncode == 2
    assert not target.exists()


def test_export_cannot_replace_another_vault(tmp_path: Path) -> None:
    other = tmp_path / "other.json"
    make_vault(other)
    before = other.read_bytes()
    result = run(tmp_path, "--demo", "export", "-f", "json", "-o", str(other), "--yes")
    assert result.returncode == 2
    assert other.read_bytes() == before


def test_export_replaces_a_symlink_instead_of_following_it(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere.txt"
    elsewhere.write_text("keep me")
    link = tmp_path / "plan.txt"
    link.symlink_to(elsewhere)
    refused = run(tmp_path, "--demo", "export", "-o", str(link))
    assert refused.returncode == 2
    done = run(tmp_path, "--demo", "export", "-o", str(link), "--yes", "--country", "GB")
    assert done.returncode == 0, done.stderr
    assert elsewhere.read_text() == "keep me"
    assert not link.is_symlink() and _mode(link) == 0o600


def test_crisis_card_cannot_write_over_the_vault(tmp_path: Path) -> None:
    vault = tmp_path / "vault.json"
    make_vault(vault)
    before = vault.read_bytes()
    result = run(
        tmp_path,
        "--vault",
        str(vault),
        "crisis",
        "card",
        "--country",
        "GB",
        "-o",
        str(vault),
        "--yes",
    )
    assert result.returncode == 2, result.stdout + result.stderr
    assert vault.read_bytes() == before


def test_crisis_card_is_owner_only(tmp_path: Path) -> None:
    card = tmp_path / "card.txt"
    result = run(tmp_path, "crisis", "card", "--country", "GB", "-o", str(card), "--yes")
    assert result.returncode == 0, result.stderr
    assert _mode(card) == 0o600
