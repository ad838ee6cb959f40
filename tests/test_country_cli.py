"""`safeplan country` and the kept country in `safeplan crisis`, as real subprocesses: a UK
person on the common en_US.UTF-8 locale sees UK lines and 999/112."""

from __future__ import annotations

import stat
from pathlib import Path

from safeplan.core import kept_country
from safeplan.core.models import Settings, VaultPayload
from safeplan.core.vault import Vault
from tests.cli_helpers import run

US = {"LANG": "en_US.UTF-8"}
PASSPHRASE = "a calm long passphrase"


def test_country_shows_the_guess_then_keeps_what_was_typed(isolated_home: Path) -> None:
    shown = run(isolated_home, "country", env=US)
    assert shown.returncode == 0
    assert "United States (US), guessed from your language settings (LANG=en_US.UTF-8)" in (
        " ".join(shown.stdout.split())  # wrapped at 80 columns
    )
    kept = run(isolated_home, "country", "England", env=US)
    assert kept.returncode == 0, kept.stderr
    assert "United Kingdom (GB)" in kept.stdout
    path = kept_country.settings_path()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert kept_country.read() == "GB"
    assert "kept on this computer" in run(isolated_home, "country", env=US).stdout


def test_crisis_uses_the_kept_country_over_the_locale(isolated_home: Path) -> None:
    assert run(isolated_home, "country", "uk", env=US).returncode == 0
    result = run(isolated_home, "crisis", env=US)
    assert result.returncode == 0
    assert "Help now: United Kingdom (GB)" in result.stdout
    assert "Call 999 or 112" in result.stdout
    assert "Samaritans" in result.stdout
    assert "911" not in result.stdout and "988" not in result.stdout
    assert "the country you chose" in result.stdout
    # --country still wins for one command
    other = run(isolated_home, "crisis", "--country", "IE", env=US)
    assert "Ireland" in other.stdout
    assert kept_country.read() == "GB"


def test_a_gb_vault_under_en_us_shows_uk_lines_with_mine(
    isolated_home: Path, tmp_path: Path
) -> None:
    vault_path = tmp_path / "v.json"
    vault, _ = Vault.create(vault_path, PASSPHRASE, VaultPayload(settings=Settings(country="GB")))
    vault.close()
    result = run(
        isolated_home,
        "crisis",
        "--mine",
        "--vault",
        str(vault_path),
        "--passphrase-file",
        "-",
        stdin=PASSPHRASE + "\n",
        env=US,
    )
    assert result.returncode == 0, result.stderr
    assert "Call 999 or 112" in result.stdout and "911" not in result.stdout
    # Opening it kept its country: help without the vault now shows the UK too.
    assert kept_country.read() == "GB"
    later = run(isolated_home, "crisis", env=US)
    assert "Call 999 or 112" in later.stdout and "911" not in later.stdout


def test_clear_forgets_it(isolated_home: Path) -> None:
    kept_country.keep("NZ")
    result = run(isolated_home, "country", "--clear", env=US)
    assert result.returncode == 0
    assert "Forgot the kept country" in result.stdout
    assert kept_country.read() is None
    assert "No country was kept" in run(isolated_home, "country", "--clear").stdout


def test_an_unknown_country_still_gets_help_and_exit_2(isolated_home: Path) -> None:
    result = run(isolated_home, "country", "Atlantis", env=US)
    assert result.returncode == 2
    assert "112" in result.stderr and "safeplan crisis" in result.stderr
    assert kept_country.read() is None


def test_demo_keeps_nothing(isolated_home: Path) -> None:
    result = run(isolated_home, "--demo", "country", "GB")
    assert result.returncode == 2
    assert "nothing is written to disk" in result.stderr
    assert not kept_country.settings_path().exists()


def test_init_with_country_keeps_it_in_the_vault_and_outside(
    isolated_home: Path, tmp_path: Path
) -> None:
    secret = tmp_path / "pw"
    secret.write_text(PASSPHRASE + "\n")
    vault_path = tmp_path / "v.json"
    args = ["init", "--vault", str(vault_path), "--passphrase-file", str(secret)]
    result = run(isolated_home, *args, "--country", "england", env=US)
    assert result.returncode == 0, result.stderr
    assert "United Kingdom (GB), also before unlocking" in result.stdout
    assert kept_country.read() == "GB"
    with Vault.open(vault_path, PASSPHRASE) as vault:
        assert vault.payload.settings.country == "GB"


def test_init_from_a_script_keeps_no_guess(isolated_home: Path, tmp_path: Path) -> None:
    secret = tmp_path / "pw"
    secret.write_text(PASSPHRASE + "\n")
    vault_path = tmp_path / "v.json"
    result = run(
        isolated_home, "init", "--vault", str(vault_path), "--passphrase-file", str(secret), env=US
    )
    assert result.returncode == 0, result.stderr
    assert "guessed from your language settings. To choose: safeplan country NAME." in result.stderr
    assert kept_country.read() is None
    with Vault.open(vault_path, PASSPHRASE) as vault:
        assert vault.payload.settings.country is None


def _converse(args: list[str], script: list[tuple[str, str]], home: Path) -> tuple[int, str]:
    """Run safeplan on a pseudo-terminal and answer each prompt only once it has been shown
    (typing earlier would be lost: getpass flushes input typed before it restores echo)."""
    import os
    import pty
    import select
    import subprocess
    import sys
    import time

    from tests.cli_helpers import ROOT
    from tests.conftest import subprocess_env

    primary, secondary = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "safeplan", *args],
        stdin=secondary,
        stdout=secondary,
        stderr=secondary,
        env=subprocess_env(home, TERM="dumb"),
        cwd=ROOT,
        close_fds=True,
    )
    os.close(secondary)
    seen = ""
    pending = list(script)
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        ready, _, _ = select.select([primary], [], [], 0.2)
        if ready:
            try:
                chunk = os.read(primary, 4096)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk.decode(errors="replace")
            if pending and seen.count(pending[0][0]) > answered_count(script, pending):
                os.write(primary, (pending.pop(0)[1] + "\n").encode())
        elif proc.poll() is not None:
            break
    code = proc.wait(timeout=30)
    os.close(primary)
    return code, seen.replace("\r\n", "\n")


def answered_count(script: list[tuple[str, str]], pending: list[tuple[str, str]]) -> int:
    """How many times the next prompt has already been answered (the same prompt can repeat)."""
    done = script[: len(script) - len(pending)]
    return sum(1 for prompt, _ in done if prompt == pending[0][0])


def test_init_on_a_terminal_asks_the_country(isolated_home: Path, tmp_path: Path) -> None:
    vault_path = tmp_path / "v.json"
    script = [
        ("New passphrase:", PASSPHRASE),
        ("Type it again", PASSPHRASE),
        ("Country:", "narnia"),
        ("Country:", "ireland"),
    ]
    code, text = _converse(["init", "--vault", str(vault_path)], script, isolated_home)
    assert code == 0, text
    assert "Which country are you in?" in text
    assert "safeplan cannot place that country." in text
    assert "Crisis help will be shown for Ireland (IE)." in text
    assert kept_country.read() == "IE"
    with Vault.open(vault_path, PASSPHRASE) as vault:
        assert vault.payload.settings.country == "IE"


def test_export_warns_when_the_numbers_are_not_for_the_chosen_country(
    isolated_home: Path, tmp_path: Path
) -> None:
    kept_country.keep("GB")
    out = tmp_path / "plan.txt"
    other = run(
        isolated_home, "--demo", "export", "--country", "US", "-o", str(out), "--yes", env=US
    )
    assert other.returncode == 0, other.stderr
    assert "are for United States (US), not United Kingdom (GB)" in other.stderr
    same = run(isolated_home, "--demo", "export", "-o", str(tmp_path / "p2.txt"), "--yes", env=US)
    assert "Note:" not in same.stderr
    assert "Help, any time: United Kingdom" in (tmp_path / "p2.txt").read_text()


def test_export_says_when_the_numbers_are_only_a_guess(isolated_home: Path, tmp_path: Path) -> None:
    out = tmp_path / "plan.txt"
    result = run(isolated_home, "--demo", "export", "-o", str(out), "--yes", env=US)
    assert "guessed from your language settings" in result.stderr
    assert "safeplan country NAME" in result.stderr
