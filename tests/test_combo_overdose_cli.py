"""`safeplan combo`, `safeplan overdose` and the mixing part of `safeplan use`, run as real
subprocesses: no vault needed for the first two, light imports, the emergency number for the
country, and the first overdose steps after a dangerous mix is logged."""

from __future__ import annotations

import json
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from safeplan.core.models import Settings, VaultPayload
from safeplan.core.vault import Vault
from tests.cli_helpers import ROOT, run
from tests.conftest import subprocess_env

PASSPHRASE = "a calm long passphrase"
HEAVY = (
    "textual",
    "rich",
    "safeplan.tui",
    "safeplan.core.vault",
    "safeplan.core.envelope",
    "cryptography",
    "filelock",
)


@pytest.fixture
def home(isolated_home: Path) -> Path:
    return isolated_home


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    path = tmp_path / "secret.txt"
    path.write_text(PASSPHRASE + "\n", encoding="utf-8")
    return path


@pytest.fixture
def vault(tmp_path: Path) -> Path:
    path = tmp_path / "vault.json"
    created, _code = Vault.create(path, PASSPHRASE, VaultPayload())
    created.close()
    return path


def sp(
    home: Path, vault: Path, secret: Path, *args: str, **env: str
) -> subprocess.CompletedProcess[str]:
    return run(home, *args, "--vault", str(vault), "--passphrase-file", str(secret), env=env)


@pytest.mark.parametrize(
    "argv",
    [
        ["combo", "heroin", "xanax"],
        ["combo", "weed", "beer", "--format", "json"],
        ["overdose", "--country", "GB"],
        ["overdose", "--format", "json"],
    ],
    ids=["combo", "combo-json", "overdose", "overdose-json"],
)
def test_quick_paths_import_neither_the_ui_nor_the_vault(home: Path, argv: list[str]) -> None:
    code = (
        "import sys, contextlib, io\n"
        "from safeplan.cli.main import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    rc = main({argv!r})\n"
        f"heavy = sorted(m for m in sys.modules if m in {HEAVY!r} or m.split('.')[0] in {HEAVY!r})\n"
        "print(rc, heavy)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=subprocess_env(home),
        timeout=120,
        check=False,
    )
    assert result.stdout.strip() == "0 []", result.stdout + result.stderr


def test_combo_text_names_the_risk_what_to_do_and_the_number(home: Path) -> None:
    result = run(home, "combo", "heroin", "crack", "mystery pill", "--country", "GB")
    assert result.returncode == 0
    out = result.stdout
    assert "heroin and crack: dangerous together." in out
    assert "What to do:" in out and "Source:" in out and "Part:" in out
    assert "safeplan does not know 'mystery pill'" in out
    assert "That does not mean they are safe." in out
    assert "Call 999 or 112 now." in out
    assert max(len(line) for line in out.splitlines() if "://" not in line) <= 80


def test_combo_json_lists_each_pair(home: Path) -> None:
    result = run(home, "combo", "xans", "vallies", "beer", "--format", "json")
    data = json.loads(result.stdout)
    assert [s["name"] for s in data["substances"]] == ["alprazolam", "diazepam", "alcohol"]
    risks = {frozenset((p["first"], p["second"])): p["risk"] for p in data["pairs"]}
    assert risks[frozenset(("xans", "beer"))] == "dangerous"
    assert risks[frozenset(("xans", "vallies"))] == "unsafe"
    resolved = {tuple(p["resolved"]) for p in data["pairs"]}
    assert ("alprazolam", "diazepam") in resolved
    for pair in data["pairs"]:
        assert pair["sources"] and all(s["part"] and s["url"] for s in pair["sources"])
        assert pair["what_to_do"]


def test_combo_needs_two_names(home: Path) -> None:
    result = run(home, "combo", "beer")
    assert result.returncode == 2
    assert "Give two or more substances" in result.stderr


def test_overdose_steps_for_the_country(home: Path) -> None:
    gb = run(home, "overdose", "--country", "GB").stdout
    assert gb.startswith("If someone may be overdosing: call 999 or 112.")
    assert "give it anyway" in gb and "another dose of naloxone" in gb
    assert "on their side" in gb and "wear off" in gb and "Tell the call-taker" in gb
    assert "Good Samaritan" not in gb and "911" not in gb
    ca = run(home, "overdose", "--country", "CA").stdout
    assert "Call 911 now." in ca and "Good Samaritan Drug Overdose Act" in ca
    us = json.loads(run(home, "overdose", "--country", "US", "--format", "json").stdout)
    assert us["emergency"] == "911" and any("Good Samaritan" in law for law in us["laws"])
    # The steps fit an 80-column screen.
    assert max(len(line) for line in gb.splitlines() if "://" not in line) <= 80


def test_overdose_card_is_written_private(home: Path, tmp_path: Path) -> None:
    card = tmp_path / "card.txt"
    result = run(home, "overdose", "--country", "IE", "--output", str(card))
    assert result.returncode == 0, result.stderr
    assert stat.S_IMODE(card.stat().st_mode) == 0o600
    text = card.read_text(encoding="utf-8")
    assert "112" in text and "Sources (checked" in text


def test_use_methadone_yesterday_then_a_benzo_gets_the_note_and_first_steps(
    home: Path, vault: Path, secret: Path
) -> None:
    first = sp(home, vault, secret, "use", "--substance", "methadone", "--at", "30h ago")
    assert first.returncode == 0, first.stderr
    result = sp(home, vault, secret, "use", "--substance", "diazepam", LANG="en_GB.UTF-8")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "methadone and diazepam (about 30 hours apart): dangerous together." in out
    assert "Methadone stays in the body" in out
    assert "Call 999 or 112 now." in out
    assert "Knowing the signs of an overdose" in out


def test_a_regular_medicine_in_settings_is_checked(home: Path, vault: Path, secret: Path) -> None:
    saved = sp(home, vault, secret, "use", "--medicines", "sertraline")
    assert saved.returncode == 0 and "sertraline" in saved.stdout
    with Vault.open(vault, PASSPHRASE) as opened:
        assert opened.payload.settings.regular_medicines == ["sertraline"]
    result = sp(home, vault, secret, "use", "--substance", "tramadol")
    out = " ".join(result.stdout.split())
    assert "sertraline and tramadol (sertraline is one of your regular medicines)" in out
    assert "dangerous together" in out and "serotonin syndrome" in out
    shown = sp(home, vault, secret, "use", "--medicines")
    assert "Your regular medicines: sertraline." in shown.stdout
    cleared = sp(home, vault, secret, "use", "--no-medicines")
    assert "No regular medicines" in cleared.stdout
    with Vault.open(vault, PASSPHRASE) as opened:
        assert opened.payload.settings.regular_medicines == []


def test_old_vaults_open_with_no_regular_medicines() -> None:
    assert Settings().regular_medicines == []


def test_no_first_steps_for_a_mix_logged_days_later(home: Path, vault: Path, secret: Path) -> None:
    sp(home, vault, secret, "use", "--substance", "heroin", "--at", "3 days ago")
    result = sp(home, vault, secret, "use", "--substance", "xanax", "--at", "3 days ago")
    out = " ".join(result.stdout.split())
    assert "dangerous together" in out
    assert "If someone can't be woken" not in out


def test_combo_puts_every_source_address_whole_on_a_line_after_a_short_label(
    tmp_path: Path,
) -> None:
    """A long address (the archived NIAAA page runs past 200 characters) is never wrapped into
    the words around it: a short label, then the address whole, alone on its line."""
    result = run(tmp_path, "combo", "heroin", "alcohol", "xanax", "--country", "GB")
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    addresses = [line.strip() for line in lines if "https://" in line or "http://" in line]
    assert addresses
    long_one = [a for a in addresses if len(a) > 200]
    assert long_one, "the archived NIAAA address is cited for alcohol with an opioid"
    for line in lines:
        if "http" not in line:
            continue
        words = line.split()
        if line.startswith("Web"):
            assert len(words) <= 4 and words[-1].startswith("http"), line  # label + address
        else:
            assert len(words) == 1, line  # the address alone, under its label
    for i, line in enumerate(lines):
        if line.strip() in long_one:
            assert lines[i - 1] == "Web (archived copy):"
        if line.startswith("Source:"):
            assert "http" not in line
