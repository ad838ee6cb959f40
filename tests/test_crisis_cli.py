"""`safeplan crisis` as a person runs it: a real subprocess, an empty HOME, no vault, no passphrase."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from safeplan.cli.main import main
from safeplan.core.models import (
    Clinician,
    Contact,
    CrisisLine,
    Settings,
    UrgentCare,
    VaultPayload,
)
from safeplan.core.store import MemoryStore
from tests.conftest import subprocess_env


def run(
    home: Path, *args: str, stdin: str | None = None, **env: str
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "safeplan", "crisis", *args],
        env=subprocess_env(home, COLUMNS="80", **env),
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.fixture
def empty_home(tmp_path: Path) -> Path:
    home = tmp_path / "empty-home"
    home.mkdir()
    return home


def files_under(path: Path) -> list[Path]:
    return [p for p in path.rglob("*") if p.is_file()]


# --- Several countries, from an empty HOME -------------------------------------------------------

CASES = {
    "US": ("Call 911.", ["988 Suicide & Crisis Lifeline", "Call 988.", "Text HOME to 741741"]),
    "GB": ("Call 999 or 112.", ["Samaritans", "Call 116 123.", "Text SHOUT to 85258"]),
    "AU": ("Call 000 or 112.", ["Lifeline", "Call 13 11 14.", "Text 0477 13 11 14"]),
    "DE": ("Call 112.", ["TelefonSeelsorge", "0800 111 0 111", "police 110"]),
    "JP": ("Call 119 (ambulance).", ["0120-279-338", "police 110"]),
    "TR": ("Call 112.", ["no crisis line it could confirm"]),
}


@pytest.mark.parametrize("country", sorted(CASES))
def test_crisis_prints_the_right_lines_with_no_vault(empty_home: Path, country: str) -> None:
    result = run(empty_home, "--country", country)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    emergency, expected = CASES[country]
    lines = result.stdout.splitlines()
    assert lines[1] == f"In danger right now? {emergency}"
    for text in expected:
        assert text in result.stdout, text
    assert "findahelpline.com" in result.stdout
    assert result.stdout.index(emergency) < result.stdout.index("findahelpline.com")
    assert f"({country}), as you asked" in result.stdout
    assert "safeplan crisis --country NAME" in result.stdout
    assert all(len(line) <= 80 for line in lines)
    assert files_under(empty_home) == []  # nothing written: no vault, no config, no crash report
    if country == "TR":
        assert "183" not in result.stdout


def test_unknown_country_from_the_locale_shows_the_directories_and_how_to_choose(
    empty_home: Path,
) -> None:
    result = run(empty_home, LANG="C.UTF-8")
    assert result.returncode == 0
    assert "local emergency number" in result.stdout
    assert "findahelpline.com" in result.stdout
    assert "safeplan crisis --country NAME" in result.stdout
    assert "does not know which country" in result.stdout
    assert "could not tell which country" not in result.stdout  # said once (review K6)


def test_the_locale_picks_the_country_and_says_so(empty_home: Path) -> None:
    result = run(empty_home, LANG="en_NZ.UTF-8")
    assert result.returncode == 0
    assert "Help now: New Zealand (NZ)" in result.stdout
    assert "guessed from your language settings (LANG=en_NZ.UTF-8)" in " ".join(
        result.stdout.split()
    )


def test_a_country_it_cannot_place_still_gets_help_then_exit_2(empty_home: Path) -> None:
    for bad in ("XX", "Atlantis", "1", "Untied Kingdom"):
        result = run(empty_home, "--country", bad)
        assert result.returncode == 2, bad
        assert "Traceback" not in result.stderr
        assert "is not a country safeplan can place" in result.stdout
        assert "findahelpline.com" in result.stdout
        assert "try 112" in result.stdout


def test_bad_audience_is_a_usage_error(empty_home: Path) -> None:
    result = run(empty_home, "--country", "US", "--audience", "astronauts")
    assert result.returncode == 2 and "veterans" in result.stderr


def test_json_output_parses_and_carries_sources(empty_home: Path) -> None:
    result = run(empty_home, "--country", "GB", "--format", "json")
    assert result.returncode == 0
    data = json.loads(result.stdout)
    assert data["country"] == "GB" and data["country_source"] == "option"
    assert data["emergency"]["general"] == ["999", "112"]
    first = data["services"][0]
    assert first["id"] == "gb-samaritans" and first["sources"] and first["verified"]
    assert data["fallback"] is False and data["warnings"] == []


def test_all_and_audience_change_what_is_listed(empty_home: Path) -> None:
    default = run(empty_home, "--country", "US").stdout
    assert "* Veterans Crisis Line" not in default
    assert "safeplan crisis --all" in default
    everything = run(empty_home, "--country", "US", "--all").stdout
    assert "* Veterans Crisis Line" in everything and "* Never Use Alone" in everything
    veterans = run(empty_home, "--country", "US", "--audience", "veterans").stdout
    assert veterans.index("* Veterans Crisis Line") < veterans.index("* 988 Suicide & Crisis")


@pytest.mark.parametrize("columns", ["20", "40", "100"])
def test_output_fits_the_terminal(empty_home: Path, columns: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "safeplan", "crisis", "--country", "US", "--all"],
        env=subprocess_env(empty_home, COLUMNS=columns),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0
    assert all(len(line) <= int(columns) for line in result.stdout.splitlines())


def test_an_ascii_only_terminal_still_gets_help(empty_home: Path) -> None:
    result = run(empty_home, "--country", "JP", PYTHONIOENCODING="ascii")
    assert result.returncode == 0 and "0120-279-338" in result.stdout


def test_a_bad_override_file_warns_and_help_is_still_shown(empty_home: Path) -> None:
    override = empty_home / "local.json"
    override.write_text("{ this is not json", encoding="utf-8")
    result = run(empty_home, "--country", "GB", SAFEPLAN_CRISIS_OVERRIDES=str(override))
    assert result.returncode == 0
    assert "was not used" in result.stderr and "Traceback" not in result.stderr
    assert "Samaritans" in result.stdout


def test_the_crisis_command_imports_neither_textual_nor_the_vault(empty_home: Path) -> None:
    code = (
        "import sys\n"
        "from safeplan.cli.main import main\n"
        "rc = main(['crisis', '--country', 'GB'])\n"
        "rc2 = main(['crisis', '--country', 'US', '--format', 'json'])\n"
        "heavy = [m for m in ('textual', 'cryptography', 'safeplan.core.vault', 'safeplan.tui')\n"
        "         if m in sys.modules]\n"
        "print('HEAVY', heavy, file=sys.stderr)\n"
        "sys.exit(rc or rc2 or (3 if heavy else 0))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        env=subprocess_env(empty_home),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert "HEAVY []" in result.stderr, result.stderr
    assert result.returncode == 0


def test_countries_lists_every_code(empty_home: Path) -> None:
    result = run(empty_home, "countries")
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert any(line.startswith("GB  * United Kingdom") for line in lines)
    assert any(line.startswith("TR    Türkiye") for line in lines)
    assert len(lines) > 240


# --- --mine: the person's own contacts from the vault ---------------------------------------------


@contextmanager
def fake_store(payload: VaultPayload) -> Iterator[MemoryStore]:
    yield MemoryStore(payload)


def _payload() -> VaultPayload:
    payload = VaultPayload(settings=Settings(country="IE"))
    payload.plan.help_contacts.append(
        Contact(name="Aoife", phone="087 000 0000", relationship="sister")
    )
    payload.plan.clinicians.append(Clinician(name="Dr Byrne", role="GP", phone="01 000 0000"))
    payload.plan.urgent_care.append(UrgentCare(name="St Vincent's ED", phone="01 221 4000"))
    payload.plan.crisis_lines.append(CrisisLine(name="My local line", number="01 234 5678"))
    return payload


def test_mine_shows_own_contacts_first_and_uses_the_saved_country(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from safeplan.cli import common

    monkeypatch.setattr(common, "open_store", lambda args: fake_store(_payload()))
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    assert main(["crisis", "--mine"]) == 0
    text = capsys.readouterr().out
    assert "Help now: Ireland (IE)" in text and "from your saved settings" in text
    assert "Aoife (sister, 087 000 0000)" in text
    assert "Dr Byrne (GP, 01 000 0000)" in text and "My local line: 01 234 5678" in text
    assert text.index("Call 112 or 999") < text.index("Aoife") < text.index("Pieta")


def test_country_option_beats_the_saved_setting(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from safeplan.cli import common

    monkeypatch.setattr(common, "open_store", lambda args: fake_store(_payload()))
    assert main(["crisis", "--mine", "--country", "FR", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["country"] == "FR" and data["country_source"] == "option"
    assert data["mine"][0]["items"] == ["Aoife (sister, 087 000 0000)"]


def test_mine_without_a_vault_still_shows_the_public_lines(empty_home: Path) -> None:
    result = run(empty_home, "--mine", "--country", "GB", "--vault", str(empty_home / "none.json"))
    assert result.returncode == 6
    assert "There is no vault" in result.stderr and "public lines are" in result.stderr
    assert "Samaritans" in result.stdout


# --- The help card --------------------------------------------------------------------------------


def test_card_is_shown_then_written_readable_by_its_owner_only(empty_home: Path) -> None:
    path = empty_home / "card.txt"
    result = run(
        empty_home, "card", "--country", "GB", "--output", str(path), "--add", "Call Sam", "--yes"
    )
    assert result.returncode == 0, result.stderr
    written = path.read_text(encoding="utf-8")
    assert "----- start of card -----\n" + written + "----- end of card -----" in result.stdout
    assert "Call Sam" in written and "Samaritans" in written and "999" in written
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert "not encrypted" in result.stderr.lower()


def test_card_holds_only_what_the_person_adds(empty_home: Path) -> None:
    path = empty_home / "card.txt"
    assert run(empty_home, "card", "--country", "AU", "-o", str(path), "--yes").returncode == 0
    text = path.read_text(encoding="utf-8")
    assert "My own notes" not in text and "Lifeline" in text


def test_card_asks_first_and_writes_nothing_on_no(empty_home: Path) -> None:
    path = empty_home / "card.txt"
    code = (
        "import sys, io\n"
        "sys.stdin = io.StringIO('n\\n'); sys.stdin.isatty = lambda: True\n"
        "from safeplan.cli.main import main\n"
        f"sys.exit(main(['crisis', 'card', '--country', 'GB', '-o', {str(path)!r}]))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        env=subprocess_env(empty_home),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0
    assert "NOT encrypted" in result.stderr and "Nothing was written." in result.stderr
    assert "Samaritans" in result.stdout
    assert not path.exists()


def test_card_without_a_terminal_or_yes_writes_nothing(empty_home: Path) -> None:
    path = empty_home / "card.txt"
    result = run(empty_home, "card", "--country", "GB", "-o", str(path), stdin="y\n")
    assert result.returncode == 2
    assert "--yes" in result.stderr and not path.exists()


def test_card_never_overwrites_without_yes(empty_home: Path) -> None:
    path = empty_home / "card.txt"
    path.write_text("mine", encoding="utf-8")
    result = run(empty_home, "card", "--country", "GB", "-o", str(path))
    assert result.returncode == 2 and "already a file" in result.stderr
    assert path.read_text(encoding="utf-8") == "mine"
    assert run(empty_home, "card", "--country", "GB", "-o", str(path), "--yes").returncode == 0
    assert "Samaritans" in path.read_text(encoding="utf-8")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_card_refuses_the_vault_a_folder_and_control_characters(empty_home: Path) -> None:
    vault = empty_home / "vault.json"
    vault.write_text("{}", encoding="utf-8")
    result = run(empty_home, "card", "-o", str(vault), "--vault", str(vault), "--yes")
    assert result.returncode == 2 and "will not write over it" in result.stderr
    assert vault.read_text(encoding="utf-8") == "{}"
    result = run(empty_home, "card", "-o", str(empty_home), "--yes")
    assert result.returncode == 2 and "is a folder" in result.stderr
    result = run(empty_home, "card", "-o", str(empty_home / "c.txt"), "--add", "a\x1bb", "--yes")
    assert result.returncode == 2 and not (empty_home / "c.txt").exists()


@pytest.mark.skipif(os.name != "posix", reason="symlinks and modes are POSIX here")
def test_card_does_not_follow_a_symlink_it_did_not_make(empty_home: Path) -> None:
    target = empty_home / "elsewhere.txt"
    target.write_text("keep", encoding="utf-8")
    link = empty_home / "card.txt"
    link.symlink_to(target)
    result = run(empty_home, "card", "--country", "GB", "-o", str(link))
    assert result.returncode == 2
    assert target.read_text(encoding="utf-8") == "keep"
