"""The vault commands through the real CLI: exit codes and messages a person sees."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from safeplan.core.vault import Vault
from tests.cli_helpers import run
from tests.vault_helpers import PASSPHRASE, make_vault

CODE_RE = re.compile(r"\b([0-9A-Z]{4}(?:-[0-9A-Z]{4}){6})\b")


def init(home: Path, path: Path, passphrase: str = PASSPHRASE) -> str:
    result = run(
        home, "--vault", str(path), "--passphrase-file", "-", "init", stdin=passphrase + "\n"
    )
    assert result.returncode == 0, result.stderr
    match = CODE_RE.search(result.stdout)
    assert match, result.stdout
    return match.group(1)


def test_init_then_check_and_info(tmp_path: Path) -> None:
    path = tmp_path / "v.json"
    init(tmp_path, path)
    check = run(
        tmp_path, "vault", "check", "--vault", str(path), "--passphrase-file", "-", stdin=PASSPHRASE
    )
    assert check.returncode == 0
    assert "intact" in check.stdout
    info = run(
        tmp_path, "vault", "info", "--vault", str(path), "--passphrase-file", "-", stdin=PASSPHRASE
    )
    assert info.returncode == 0
    assert "argon2id, 64 MiB" in info.stdout
    assert "check-ins:" in info.stdout


def test_init_uses_the_environment_and_default_location(tmp_path: Path) -> None:
    env_path = tmp_path / "from-env.json"
    result = run(
        tmp_path,
        "--passphrase-file",
        "-",
        "init",
        stdin=PASSPHRASE,
        env={"SAFEPLAN_VAULT": str(env_path)},
    )
    assert result.returncode == 0
    assert env_path.exists()
    default = run(tmp_path, "--passphrase-file", "-", "init", stdin=PASSPHRASE)
    assert default.returncode == 0
    assert (tmp_path / ".local/share/safeplan/vault.json").exists()


def test_init_twice_is_refused_without_touching_the_vault(tmp_path: Path) -> None:
    path = tmp_path / "v.json"
    init(tmp_path, path)
    before = path.read_bytes()
    again = run(tmp_path, "--vault", str(path), "--passphrase-file", "-", "init", stdin="other")
    assert again.returncode == 1
    assert "already a vault" in again.stderr
    assert path.read_bytes() == before


def test_exit_codes(tmp_path: Path) -> None:
    path = tmp_path / "v.json"
    missing = run(
        tmp_path, "--vault", str(path), "--passphrase-file", "-", "vault", "check", stdin="x"
    )
    assert missing.returncode == 6
    assert "safeplan init" in missing.stderr
    make_vault(path)
    wrong = run(
        tmp_path, "--vault", str(path), "--passphrase-file", "-", "vault", "check", stdin="nope"
    )
    assert wrong.returncode == 3
    assert "does not open" in wrong.stderr
    usage = run(tmp_path, "vault", "frobnicate")
    assert usage.returncode == 2
    with Vault.open(path, PASSPHRASE):
        locked = run(
            tmp_path,
            "--vault",
            str(path),
            "--passphrase-file",
            "-",
            "vault",
            "info",
            stdin=PASSPHRASE,
        )
    assert locked.returncode == 5
    with Vault.open(path, PASSPHRASE) as vault:
        vault.save()  # a second session: one backup exists
    path.write_bytes(path.read_bytes()[:-200])
    damaged = run(
        tmp_path, "--vault", str(path), "--passphrase-file", "-", "vault", "check", stdin=PASSPHRASE
    )
    assert damaged.returncode == 4
    assert "damaged" in damaged.stderr
    assert "passphrase is not the problem" in damaged.stderr
    assert "backup restore" in damaged.stderr
    assert "v-backups" in damaged.stderr  # names the newest backup


def test_no_terminal_and_no_passphrase_file_is_a_clear_usage_error(tmp_path: Path) -> None:
    path = tmp_path / "v.json"
    make_vault(path)
    result = run(tmp_path, "--vault", str(path), "vault", "check")
    assert result.returncode == 2
    assert "--passphrase-file" in result.stderr


def test_missing_passphrase_file(tmp_path: Path) -> None:
    path = tmp_path / "v.json"
    make_vault(path)
    result = run(
        tmp_path,
        "--vault",
        str(path),
        "--passphrase-file",
        str(tmp_path / "nope"),
        "vault",
        "check",
    )
    assert result.returncode == 2
    assert "does not exist" in result.stderr


def test_backup_list_and_restore(tmp_path: Path) -> None:
    path = tmp_path / "v.json"
    make_vault(path)
    empty = run(tmp_path, "backup", "list", "--vault", str(path))
    assert "no backups" in empty.stdout
    with Vault.open(path, PASSPHRASE) as vault:
        vault.payload.plan.warning_signs.clear()
        vault.save()
    listed = run(tmp_path, "backup", "list", "--vault", str(path))
    assert " 1. saved " in listed.stdout
    bad = run(tmp_path, "backup", "restore", "7", "--vault", str(path))
    assert bad.returncode == 2
    restore = ("backup", "restore", "1", "--vault", str(path), "--passphrase-file", "-")
    unasked = run(tmp_path, *restore, stdin=PASSPHRASE)
    assert unasked.returncode == 2  # no terminal to ask on, and no --yes
    assert "Nothing was changed" in unasked.stderr
    wrong = run(tmp_path, *restore, "--yes", stdin="not the passphrase")
    assert wrong.returncode == 3
    restored = run(tmp_path, *restore, "--yes", stdin=PASSPHRASE)
    assert restored.returncode == 0, restored.stderr
    assert "kept at" in restored.stdout
    with Vault.open(path, PASSPHRASE) as vault:
        assert vault.payload.plan.warning_signs  # the state before the clearing is back


def test_passwd_and_recover(tmp_path: Path) -> None:
    path = tmp_path / "v.json"
    first_code = init(tmp_path, path)
    changed = run(
        tmp_path,
        "--vault",
        str(path),
        "--passphrase-file",
        "-",
        "passwd",
        stdin=f"{PASSPHRASE}\nsecond pass\n",
    )
    assert changed.returncode == 0, changed.stderr
    second_code = CODE_RE.search(changed.stdout)
    assert second_code and second_code.group(1) != first_code
    old = run(
        tmp_path,
        "--vault",
        str(path),
        "--passphrase-file",
        "-",
        "recover",
        stdin=f"{first_code}\nthird\n",
    )
    assert old.returncode == 3
    recovered = run(
        tmp_path,
        "--vault",
        str(path),
        "--passphrase-file",
        "-",
        "recover",
        stdin=f"{second_code.group(1).lower()}\nthird pass\n",
    )
    assert recovered.returncode == 0, recovered.stderr
    ok = run(
        tmp_path,
        "--vault",
        str(path),
        "--passphrase-file",
        "-",
        "vault",
        "check",
        stdin="third pass",
    )
    assert ok.returncode == 0


def test_passwd_with_too_few_lines_is_a_usage_error(tmp_path: Path) -> None:
    path = tmp_path / "v.json"
    make_vault(path)
    result = run(
        tmp_path, "--vault", str(path), "--passphrase-file", "-", "passwd", stdin=PASSPHRASE
    )
    assert result.returncode == 2
    assert "fewer lines" in result.stderr
    with Vault.open(path, PASSPHRASE):
        pass  # unchanged


@pytest.mark.parametrize("command", [["init"], ["passwd"], ["recover"], ["vault", "check"]])
def test_demo_refuses_file_commands_calmly(tmp_path: Path, command: list[str]) -> None:
    result = run(tmp_path, "--demo", *command)
    assert result.returncode == 2
    assert "demo" in result.stderr


def test_help_lists_exit_codes_and_version(tmp_path: Path) -> None:
    result = run(tmp_path, "--help")
    assert result.returncode == 0
    for line in (
        "3  wrong passphrase",
        "4  the vault is damaged",
        "5  the vault is open",
        "6  there is no vault",
    ):
        assert line in result.stdout
    version = run(tmp_path, "--version")
    assert version.stdout.startswith("safeplan ")


def test_crash_report_holds_no_personal_words(tmp_path: Path) -> None:
    from safeplan.core.crash import write_crash_report

    try:
        raise ValueError("my secret words")
    except ValueError as exc:
        report = write_crash_report(exc, tmp_path)
    assert report is not None
    text = report.read_text()
    assert "ValueError" in text and "my secret words" not in text
    assert oct(report.stat().st_mode & 0o777) == "0o600"
