"""Country input that forgives, in the commands people type it into, and "local means local": a
person in one country never sees another country's lines."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from safeplan.cli.main import main
from safeplan.core.crisis.directory import builtin_directory
from tests.conftest import subprocess_env


@pytest.fixture(autouse=True)
def _quiet_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No kept country, no override file, no locale guess from the machine running the tests."""
    for name in ("HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME"):
        monkeypatch.setenv(name, str(tmp_path / name.lower()))
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.delenv("SAFEPLAN_CRISIS_OVERRIDES", raising=False)


def crisis(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(["crisis", *args])
    return code, capsys.readouterr().out


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("uk", "GB"),
        ("U.K.", "GB"),
        ("England", "GB"),
        ("scotland", "GB"),
        ("Wales", "GB"),
        ("Northern Ireland", "GB"),
        ("britain", "GB"),
        ("USA", "US"),
        ("america", "US"),
        ("holland", "NL"),
        ("Deutschland", "DE"),
        ("new zealand", "NZ"),
        ("aus", "AU"),
        ("ireland", "IE"),
        ("Côte d'Ivoire", "CI"),
        ("ivory coast", "CI"),
        ("south korea", "KR"),
        ("Czechia", "CZ"),
    ],
)
def test_crisis_takes_names_and_codes(
    capsys: pytest.CaptureFixture[str], typed: str, code: str
) -> None:
    rc, text = crisis(capsys, "--country", typed, "--format", "json")
    assert rc == 0
    data = json.loads(text)
    assert data["country"] == code and data["country_source"] == "option"


def test_uk_shows_the_uk_never_ukraine(capsys: pytest.CaptureFixture[str]) -> None:
    rc, text = crisis(capsys, "--country", "uk")
    assert rc == 0
    assert text.startswith("Help now: United Kingdom (GB)\nIn danger right now? Call 999 or 112.")
    assert "Ukraine" not in text


def test_an_unplaced_country_gets_help_first_then_exit_2(
    capsys: pytest.CaptureFixture[str],
) -> None:
    rc, text = crisis(capsys, "--country", "Atlantis")
    assert rc == 2
    lines = text.splitlines()
    assert lines[0] == "Help now"
    assert "local emergency number" in text and "try 112" in text
    assert "findahelpline.com" in text and "iasp.info" in text
    assert "'Atlantis' is not a country safeplan can place." in text
    assert "safeplan crisis countries" in text
    assert all(len(line) <= 80 for line in lines)
    # the advice to call comes before anything about the typing
    assert text.index("emergency number") < text.index("Atlantis")


def test_a_typo_is_offered_the_closest_country(capsys: pytest.CaptureFixture[str]) -> None:
    rc, text = crisis(capsys, "--country", "Untied Kingdom")
    assert rc == 2
    assert "Did you mean United Kingdom (GB)?" in " ".join(text.split())


def test_an_unplaced_country_in_json_says_what_was_typed(
    capsys: pytest.CaptureFixture[str],
) -> None:
    rc, text = crisis(capsys, "--country", "Congo", "--format", "json")
    assert rc == 2
    data = json.loads(text)
    assert data["country"] is None and data["country_source"] == "unplaced"
    assert data["country_typed"] == "Congo"
    assert set(data["country_suggestions"]) == {"CD", "CG"}
    assert data["international"]


def test_the_card_refuses_a_country_it_cannot_place(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["crisis", "card", "--country", "Germny", "-o", str(tmp_path / "card.txt"), "-y"])
    assert stop.value.code == 2
    assert "Did you mean Germany (DE)?" in capsys.readouterr().err
    assert not (tmp_path / "card.txt").exists()


def test_export_never_passes_a_mistyped_country_on(tmp_path: Path) -> None:
    for args in (
        ("export", "--format", "text"),
        ("print",),
        ("plan", "show"),
    ):
        result = subprocess.run(
            [sys.executable, "-m", "safeplan", "--demo", *args, "--country", "Untied Kingdom"],
            env=subprocess_env(tmp_path),
            capture_output=True,
            text=True,
            timeout=60,
            stdin=subprocess.DEVNULL,
        )
        assert result.returncode == 2, (args, result.stderr)
        assert "Did you mean United Kingdom (GB)?" in result.stderr
        assert "Traceback" not in result.stderr


def test_export_takes_a_country_name(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "safeplan", "--demo", "plan", "show", "--country", "England"],
        env=subprocess_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 0, result.stderr
    assert "116 123" in result.stdout and "988" not in result.stdout


# --- Local means local ----------------------------------------------------------------------------

US_ONLY_WORDS = ("Never Use Alone", "SAMHSA", "Narcan", "In the US", "United States", "741741")


def _marks(code: str) -> set[str]:
    """What identifies a country's lines on screen: names, numbers, text keywords."""
    marks: set[str] = set()
    for service in builtin_directory().services_for(code):
        marks.add(service.name)
        marks.update(p.display for p in service.phones)
        marks.update(t.display for t in service.texts)
    return marks


@pytest.mark.parametrize("country", ["GB", "CA", "AU", "IE", "NZ"])
def test_no_us_only_line_or_text_for_other_english_speaking_countries(
    capsys: pytest.CaptureFixture[str], country: str
) -> None:
    rc, text = crisis(capsys, "--country", country, "--all")
    assert rc == 0
    us_only = _marks("US") - _marks(country)
    assert us_only  # the test can fail: there is US-only text to look for
    for mark in sorted(us_only) + list(US_ONLY_WORDS):
        assert mark not in text, (country, mark)
    assert "Call 911" not in text or country == "CA"


@pytest.mark.parametrize("country", ["GB", "CA", "AU", "IE", "NZ", "US"])
def test_every_line_shown_is_for_that_country(country: str) -> None:
    for service in builtin_directory().services_for(country):
        assert service.country == country


def test_a_group_with_no_line_in_the_country_is_said_plainly(
    capsys: pytest.CaptureFixture[str],
) -> None:
    rc, text = crisis(capsys, "--country", "GB", "--audience", "substance_use")
    assert rc == 0
    flat = " ".join(text.split())
    assert "safeplan has no line for people who use drugs or alcohol in this country" in flat
    assert "Never Use Alone" not in text and "1-800" not in text
    assert flat.index("no line for people who use drugs") < flat.index("Samaritans")
    rc, text = crisis(capsys, "--country", "US", "--audience", "substance_use")
    assert "no line for" not in text and "Never Use Alone" in text
    rc, text = crisis(capsys, "--country", "GB", "--audience", "substance_use", "--format", "json")
    assert "drugs or alcohol" in json.loads(text)["audience_gap"]


def test_for_a_known_country_without_lines_the_help_comes_before_how_to_change_it(
    capsys: pytest.CaptureFixture[str],
) -> None:
    rc, text = crisis(capsys, "--country", "RO")
    assert rc == 0
    assert text.index("findahelpline.com") < text.index("Showing Romania (RO), as you asked.")


def test_a_guessed_country_says_so_under_the_emergency_number(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # care review 8.1: en_US.UTF-8 is common far from the US, so the guess is named early
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    rc, text = crisis(capsys)
    assert rc == 0
    flat = " ".join(text.split())
    assert flat.index("Call 911") < flat.index("guessed from your language settings")
    assert flat.index("guessed from your language settings") < flat.index("Crisis lines")
    assert flat.index("safeplan crisis --country NAME") < flat.index("Crisis lines")


FOCUS = ["GB", "US", "CA", "AU", "IE", "NZ", "IN", "DE", "FR", "ES", "IT", "NL", "BR", "MX", "JP"]
FOCUS += ["KR", "CN", "ZA", "KE", "NG", "PH", "SG", "HK", "PE", "LK", "AR", "CZ", "ID", "MY"]


@pytest.mark.parametrize("country", FOCUS)
def test_at_80_by_24_the_emergency_number_and_the_first_line_come_first(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, country: str
) -> None:
    # crisis-data review 3 (render check): the first screen holds what to call
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.setenv("LINES", "24")
    rc, text = crisis(capsys, "--country", country)
    assert rc == 0
    lines = text.splitlines()
    assert all(len(line) <= 80 for line in lines)
    assert lines[1].startswith("In danger right now? Call ")
    first_screen = "\n".join(lines[:24])
    first = builtin_directory().services_for(country)[0]
    assert f"* {first.name}" in first_screen, country
    reach = first.phones[0].display if first.phones else first.texts[0].display
    assert reach in first_screen, country


def test_help_taller_than_the_screen_ends_with_what_to_call(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # in a terminal the last rows stay in view: they must say what to call
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.setenv("LINES", "24")
    rc, text = crisis(capsys, "--country", "GB")
    assert text.splitlines()[-1] == (
        "In danger right now? Call 999 or 112. Samaritans 116 123. The rest is above."
    )
    rc, text = crisis(capsys, "--country", "Atlantis")
    assert "try 112" in "\n".join(text.splitlines()[-3:])
    monkeypatch.setenv("LINES", "200")
    rc, text = crisis(capsys, "--country", "GB")
    assert "The rest is above" not in text


def test_overdose_steps_are_never_hidden_by_a_mistyped_country(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code = main(["overdose", "--country", "Untied Kingdom"])
    text = capsys.readouterr().out
    assert code == 2
    assert text.startswith("If someone may be overdosing: call your local emergency number.")
    assert "Did you mean United Kingdom (GB)?" in " ".join(text.split())
    assert main(["overdose", "--country", "England"]) == 0
    assert capsys.readouterr().out.startswith("If someone may be overdosing: call 999 or 112.")


def test_mixing_notes_are_never_hidden_by_a_mistyped_country(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code = main(["combo", "heroin", "alcohol", "--country", "Untied Kingdom"])
    text = capsys.readouterr().out
    assert code == 2
    assert "dangerous together" in text and "local emergency number" in text
    assert "Did you mean United Kingdom (GB)?" in " ".join(text.split())
    code = main(["combo", "heroin", "alcohol", "--country", "Atlantis", "--format", "json"])
    data = json.loads(capsys.readouterr().out)
    assert code == 2 and data["pairs"] and data["country_typed"] == "Atlantis"
    assert main(["combo", "heroin", "alcohol", "--country", "Scotland"]) == 0
    assert "999 or 112" in capsys.readouterr().out
