"""`safeplan export`, `print`, `import` and `plan show|review|history` as real subprocesses."""

from __future__ import annotations

import json
import os
import stat
from datetime import date
from pathlib import Path

import pytest

from safeplan.core.demo import demo_payload
from safeplan.core.export import render
from safeplan.core.export.layout import cols
from safeplan.core.models import VaultPayload
from safeplan.core.vault import Vault
from tests.cli_helpers import run
from tests.vault_helpers import PASSPHRASE, make_vault


def _demo_text(fmt: str = "text", width: int = 80) -> str:
    return render(fmt, demo_payload(), width=width, country="GB")


# --- export --------------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["text", "card", "markdown"])
def test_export_to_the_screen_needs_no_confirmation(tmp_path: Path, fmt: str) -> None:
    result = run(tmp_path, "--demo", "export", "--format", fmt, "--country", "GB")
    assert result.returncode == 0, result.stderr
    assert result.stdout == _demo_text(fmt)
    assert result.stderr == ""


def test_export_json_to_the_screen_is_the_whole_payload(tmp_path: Path) -> None:
    result = run(tmp_path, "--demo", "export", "-f", "json")
    assert result.returncode == 0
    assert VaultPayload.model_validate_json(result.stdout).counts() == demo_payload().counts()


def test_export_width(tmp_path: Path) -> None:
    result = run(tmp_path, "--demo", "export", "--width", "50", "--country", "GB")
    assert result.returncode == 0
    assert all(cols(line.lstrip("\f")) <= 50 for line in result.stdout.splitlines())
    bad = run(tmp_path, "--demo", "export", "--width", "10")
    assert bad.returncode == 2
    assert "between 30 and 240" in bad.stderr


def test_writing_a_file_without_a_terminal_asks_for_yes(tmp_path: Path) -> None:
    out = tmp_path / "plan.txt"
    result = run(tmp_path, "--demo", "export", "--output", str(out))
    assert result.returncode == 2
    assert "--yes" in result.stderr and "Nothing was changed" in result.stderr
    assert not out.exists()


def test_writing_a_file_with_yes_warns_once_and_is_private(tmp_path: Path) -> None:
    out = tmp_path / "plan.txt"
    result = run(tmp_path, "--demo", "export", "-o", str(out), "--yes", "--country", "GB")
    assert result.returncode == 0, result.stderr
    assert out.read_text(encoding="utf-8") == _demo_text()
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert result.stderr.count("not encrypted") == 1
    assert result.stdout == ""


def test_an_existing_file_is_replaced_only_with_yes(tmp_path: Path) -> None:
    out = tmp_path / "plan.md"
    out.write_text("keep me")
    os.chmod(out, 0o644)
    refused = run(tmp_path, "--demo", "export", "-f", "markdown", "-o", str(out))
    assert refused.returncode == 2
    assert "already a file" in refused.stderr
    assert out.read_text() == "keep me"
    replaced = run(tmp_path, "--demo", "export", "-f", "markdown", "-o", str(out), "--yes")
    assert replaced.returncode == 0
    assert out.read_text(encoding="utf-8").startswith("# My safety plan")
    assert stat.S_IMODE(out.stat().st_mode) == 0o600


def test_export_to_a_folder_is_refused(tmp_path: Path) -> None:
    result = run(tmp_path, "--demo", "export", "-o", str(tmp_path), "--yes")
    assert result.returncode == 2
    assert "is a folder" in result.stderr


# --- print ---------------------------------------------------------------------------------------


def _fake_printer(folder: Path, name: str, exit_code: int = 0) -> Path:
    folder.mkdir(exist_ok=True)
    received = folder / f"{name}.received"
    script = folder / name
    script.write_text(f'#!/bin/sh\n/bin/cat > "{received}"\nexit {exit_code}\n')
    script.chmod(0o755)
    return received


@pytest.mark.parametrize("command", ["lp", "lpr"])
def test_print_sends_the_text_export_on_standard_input(tmp_path: Path, command: str) -> None:
    received = _fake_printer(tmp_path / "bin", command)
    result = run(
        tmp_path, "--demo", "print", "--country", "GB", env={"PATH": str(tmp_path / "bin")}
    )
    assert result.returncode == 0, result.stderr
    assert "sent to the printer" in result.stderr
    assert received.read_text(encoding="utf-8") == _demo_text()


def test_print_says_when_the_printer_refuses(tmp_path: Path) -> None:
    _fake_printer(tmp_path / "bin", "lp", exit_code=3)
    result = run(tmp_path, "--demo", "print", env={"PATH": str(tmp_path / "bin")})
    assert result.returncode == 1
    assert "did not accept" in result.stderr


def test_print_without_a_printing_system(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    result = run(tmp_path, "--demo", "print", env={"PATH": str(tmp_path / "empty")})
    assert result.returncode == 1
    assert "no printing system" in result.stderr
    assert "safeplan plan show" in result.stderr


# --- plan show / history / review ----------------------------------------------------------------


def test_plan_show_is_the_printable_text(tmp_path: Path) -> None:
    result = run(tmp_path, "--demo", "plan", "show", "--country", "GB")
    assert result.returncode == 0
    assert result.stdout == _demo_text()


def test_plan_history_lists_shows_and_diffs(tmp_path: Path) -> None:
    listing = run(tmp_path, "--demo", "plan", "history")
    assert listing.returncode == 0
    assert "Saved versions of your plan (6, oldest first):" in listing.stdout
    assert "First draft with Chris" in listing.stdout
    one = run(tmp_path, "--demo", "plan", "history", "--show", "1")
    assert one.returncode == 0
    assert "Version 1, saved" in one.stdout
    assert "I stop answering messages." in one.stdout
    diff = run(tmp_path, "--demo", "plan", "history", "--diff", "3")
    assert diff.returncode == 0
    assert "What changed from version 2 to version 3" in diff.stdout
    assert "~ Moved to number 1: Headphones on" in diff.stdout
    assert "* Changed: I stop answering messages." in diff.stdout
    missing = run(tmp_path, "--demo", "plan", "history", "--show", "99")
    assert missing.returncode == 2
    assert "numbered 1 to 6" in missing.stderr


def test_plan_review_on_the_demo_saves_nothing(tmp_path: Path) -> None:
    result = run(tmp_path, "--demo", "plan", "review")
    assert result.returncode == 0
    assert "Marked as reviewed" in result.stdout and "demo vault" in result.stdout


# --- against a real vault ------------------------------------------------------------------------


def _vault(tmp_path: Path, payload: VaultPayload | None = None) -> Path:
    path = tmp_path / "vault.json"
    make_vault(path, payload if payload is not None else demo_payload())
    return path


def _open(path: Path) -> VaultPayload:
    with Vault.open(path, PASSPHRASE) as vault:
        return vault.payload


def _with_vault(path: Path, *args: str) -> list[str]:
    return ["--vault", str(path), "--passphrase-file", "-", *args]


def test_review_on_a_real_vault_keeps_a_dated_revision(tmp_path: Path) -> None:
    path = _vault(tmp_path)
    result = run(tmp_path, *_with_vault(path, "plan", "review"), stdin=PASSPHRASE)
    assert result.returncode == 0, result.stderr
    payload = _open(path)
    assert payload.plan.last_reviewed_at is not None
    assert payload.plan.last_reviewed_at.date() == date.today()
    assert len(payload.plan_revisions) == 7
    assert payload.plan_revisions[-1].note == "Reviewed"


def test_export_then_import_replace_into_another_vault(tmp_path: Path) -> None:
    source = _vault(tmp_path)
    exported = run(tmp_path, *_with_vault(source, "export", "-f", "json"), stdin=PASSPHRASE)
    assert exported.returncode == 0
    file = tmp_path / "export.json"
    file.write_text(exported.stdout, encoding="utf-8")

    target = tmp_path / "other" / "vault.json"
    target.parent.mkdir()
    make_vault(target, VaultPayload())
    result = run(
        tmp_path,
        *_with_vault(target, "import", str(file), "--replace", "--yes"),
        stdin=PASSPHRASE,
    )
    assert result.returncode == 0, result.stderr
    assert "check-ins: 129 (now 0)" in result.stdout
    assert "Done. Your vault was saved." in result.stdout
    # Everything but the vault's own save counter (the rollback guard's, never exported).
    no_counter = {"save_count"}
    assert _open(target).model_dump_json(exclude=no_counter) == _open(source).model_dump_json(
        exclude=no_counter
    )


def test_import_merge_previews_and_changes_nothing_without_yes(tmp_path: Path) -> None:
    path = _vault(tmp_path, VaultPayload())
    file = tmp_path / "export.json"
    file.write_text(demo_payload().model_dump_json(), encoding="utf-8")
    before = path.read_bytes()
    result = run(tmp_path, *_with_vault(path, "import", str(file)), stdin=PASSPHRASE)
    assert result.returncode == 2
    assert "Merging this file would:" in result.stdout
    assert "  check-ins: add 129" in result.stdout
    assert "--yes" in result.stderr
    assert path.read_bytes() == before

    merged = run(tmp_path, *_with_vault(path, "import", str(file), "--yes"), stdin=PASSPHRASE)
    assert merged.returncode == 0, merged.stderr
    payload = _open(path)
    assert len(payload.checkins) == 129
    assert payload.plan.coping == demo_payload().plan.coping


def test_import_refuses_a_bad_file_before_asking_for_anything(tmp_path: Path) -> None:
    path = _vault(tmp_path)
    before = path.read_bytes()
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"schema_version": 1, "plan": "SECRET-words-here"}))
    result = run(tmp_path, *_with_vault(path, "import", str(bad), "--yes"), stdin=PASSPHRASE)
    assert result.returncode == 1
    assert "Nothing was changed" in result.stderr
    assert "SECRET" not in result.stderr + result.stdout
    assert path.read_bytes() == before
    missing = run(tmp_path, *_with_vault(path, "import", str(tmp_path / "nope.json")))
    assert missing.returncode == 2
    assert "There is no file" in missing.stderr


def test_export_of_a_real_vault_matches_the_core_renderer(tmp_path: Path) -> None:
    path = _vault(tmp_path)
    result = run(
        tmp_path, *_with_vault(path, "export", "-f", "card", "--country", "GB"), stdin=PASSPHRASE
    )
    assert result.returncode == 0
    assert result.stdout == render("card", demo_payload(), country="GB")


def _run_on_a_terminal(home: Path, answer: str, *args: str) -> tuple[int, str]:
    """Run safeplan with a pseudo-terminal as standard input and answer its question."""
    import subprocess
    import sys

    from tests.cli_helpers import ROOT
    from tests.conftest import subprocess_env

    pty = pytest.importorskip("pty")
    master, slave = pty.openpty()
    try:
        proc = subprocess.Popen(
            [sys.executable, "-m", "safeplan", *args],
            stdin=slave,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=subprocess_env(home),
            cwd=ROOT,
        )
        os.write(master, answer.encode() + b"\n")
        _, stderr = proc.communicate(timeout=120)
    finally:
        os.close(master)
        os.close(slave)
    return proc.returncode, stderr.decode()


def test_writing_a_file_on_a_terminal_asks_once_and_respects_no(tmp_path: Path) -> None:
    out = tmp_path / "plan.txt"
    code, stderr = _run_on_a_terminal(tmp_path, "n", "--demo", "export", "-o", str(out))
    assert code == 0
    assert stderr.count("NOT be encrypted") == 1
    assert "Nothing was written." in stderr
    assert not out.exists()
    code, stderr = _run_on_a_terminal(tmp_path, "y", "--demo", "export", "-o", str(out))
    assert code == 0, stderr
    assert stderr.count("encrypted") == 1, "the warning is said once"
    assert out.read_text(encoding="utf-8").startswith("My safety plan")
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
