"""`safeplan` in plain mode: a numbered menu from piped input (or ACCESSIBLE, TERM=dumb, --plain),
every entry driven line by line, no escape byte written, control characters never stored, end of
input never a hang; and `safeplan plan use`, the walk-through in plain text."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest

from safeplan.cli import plain_menu
from safeplan.cli.main import build_parser
from safeplan.cli.plain import Plain
from safeplan.cli.plain_answers import Answers, clean_answer
from safeplan.core.models import (
    Contact,
    HarmReductionPlan,
    SafetyPlan,
    TextItem,
    VaultPayload,
)
from safeplan.core.vault import Vault
from tests.cli_helpers import ROOT, run
from tests.conftest import subprocess_env
from tests.vault_helpers import PASSPHRASE, make_vault


def payload() -> VaultPayload:
    data = VaultPayload(
        plan=SafetyPlan(
            warning_signs=[TextItem(text="I stop answering messages")],
            coping=[TextItem(text="Walk round the block"), TextItem(text="Cold water")],
            help_contacts=[Contact(name="Robin", phone="555 0101", relationship="brother")],
            reasons=[TextItem(text="My niece Maya")],
        ),
        harm_reduction=HarmReductionPlan(),
    )
    data.settings.country = "GB"
    return data


def reopen(path: Path) -> VaultPayload:
    with Vault.open(path, PASSPHRASE) as vault:
        return vault.payload


@pytest.fixture
def vault(tmp_path: Path) -> Path:
    path = tmp_path / "vault.json"
    make_vault(path, payload())
    return path


def menu_number(*argv: str) -> str:
    parser = build_parser()
    shown = [e for e in plain_menu.MENU if plain_menu.installed(e, parser)]
    return str([e.argv for e in shown].index(argv) + 1)


def sp(home: Path, vault: Path, stdin: str, *args: str) -> subprocess.CompletedProcess[str]:
    return run(home, "--vault", str(vault), *args, stdin=stdin, timeout=60)


def no_escapes(result: subprocess.CompletedProcess[str]) -> None:
    assert "\x1b" not in result.stdout and "\x1b" not in result.stderr


def test_no_terminal_and_no_input_prints_the_menu_and_ends(
    isolated_home: Path, vault: Path
) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "safeplan", "--vault", str(vault)],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        env=subprocess_env(isolated_home, LANG="en_GB.UTF-8"),
        cwd=ROOT,
        timeout=30,
    )
    assert result.returncode == 0
    no_escapes(result)
    first = result.stdout.splitlines()[:2]
    assert first[1].startswith("In danger right now? Call 999 or 112."), "help before any question"
    assert "1. Use my plan now" in result.stdout


@pytest.mark.parametrize("env", [{"ACCESSIBLE": "1"}, {"TERM": "dumb"}])
def test_accessible_and_dumb_terminals_get_the_menu(isolated_home: Path, vault: Path, env) -> None:  # type: ignore[no-untyped-def]
    result = run(isolated_home, "--vault", str(vault), stdin="", env=env)
    assert result.returncode == 0 and "What would you like to do?" in result.stdout
    no_escapes(result)


def test_plain_flag_is_in_help(isolated_home: Path) -> None:
    assert "--plain" in run(isolated_home, "--help").stdout


def test_every_entry_is_reached_with_piped_answers(isolated_home: Path, vault: Path) -> None:
    """Each entry in turn, one session per entry, as a script or a screen-reader user would."""
    parser = build_parser()
    for entry in plain_menu.MENU:
        if not plain_menu.installed(entry, parser):
            continue
        number = menu_number(*entry.argv)
        answers = {
            ("checkin",): "5\n\n\n\n\n\n\n\n",
            ("use",): "coffee\n\n\n\n\n\n\n\n\n\n\n",
            ("plan", "use"): "\n\n\n1\n2\n",
        }.get(entry.argv, "")
        stdin = f"{number}\n{PASSPHRASE}\n{answers}"
        result = sp(isolated_home, vault, stdin)
        no_escapes(result)
        assert "Traceback" not in result.stdout
        assert result.returncode in (0, 1), (entry, result.stdout[-600:], result.stderr)
        assert "What would you like to do?" in result.stdout


def test_check_in_from_the_menu_is_saved_without_control_characters(
    isolated_home: Path, vault: Path
) -> None:
    stdin = f"{menu_number('checkin')}\n{PASSPHRASE}\n6\n\n\n\n\n\n\nA \x1b[31mred\x1b[0m day\x07\n"
    result = sp(isolated_home, vault, stdin + "\n")  # the last Enter ends the menu's input
    assert result.returncode == 0, result.stdout + result.stderr
    no_escapes(result)
    (checkin,) = reopen(vault).checkins
    assert checkin.mood == 6
    assert checkin.note == "A red day"


def test_input_ending_part_way_is_a_calm_non_zero_stop(isolated_home: Path, vault: Path) -> None:
    result = sp(isolated_home, vault, f"{menu_number('checkin')}\n{PASSPHRASE}\n")
    assert result.returncode == 1
    assert "nothing was saved" in result.stdout
    assert reopen(vault).checkins == []


def test_a_wrong_passphrase_goes_back_to_the_menu(isolated_home: Path, vault: Path) -> None:
    result = sp(isolated_home, vault, f"{menu_number('plan', 'show')}\nnot it at all\n")
    assert result.returncode == 0
    assert "does not open this vault" in result.stdout
    assert "Back at the menu." in result.stdout


def test_plain_walkthrough_reaches_what_matters_most(isolated_home: Path, vault: Path) -> None:
    # step 1 Enter; step 2: "1" (it helped) then Enter; step 4 Enter; step 7 Enter; Yes; remember.
    stdin = f"{PASSPHRASE}\n\n1\n\n\n\n1\n1\n"
    result = run(
        isolated_home,
        "plan", "use", "--vault", str(vault), "--passphrase-file", "-", stdin=stdin,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    no_escapes(result)
    out = result.stdout
    assert "Step 7 of 7: What matters most to me" in out and "My niece Maya" in out
    assert "Step 1: " not in out and "Do you feel safer now?" in out
    assert "I'm glad that helped" in out
    payload = reopen(vault)
    assert payload.settings.remember_what_helped_asked
    (use,) = payload.plan_uses
    assert use.outcomes[0].helped_items == [payload.plan.coping[0].id]


def test_not_safer_in_plain_mode_shows_the_numbers_and_the_persons_people(
    isolated_home: Path, vault: Path
) -> None:
    stdin = f"{PASSPHRASE}\nend\n\n3\n"
    result = run(
        isolated_home,
        "plan", "use", "--vault", str(vault), "--passphrase-file", "-", stdin=stdin,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    after = result.stdout.split("Do you feel safer now?")[1]
    assert "Call 999 or 112" in after and "Samaritans" in after and "Robin" in after
    assert reopen(vault).plan_uses == [], "nothing kept without being asked"


def test_help_at_a_step_shows_crisis_lines_and_stays(isolated_home: Path, vault: Path) -> None:
    result = run(
        isolated_home,
        "plan", "use", "--vault", str(vault), "--passphrase-file", "-",
        stdin=f"{PASSPHRASE}\nhelp\n",
    )  # fmt: skip
    out = result.stdout
    assert "Call 999 or 112" in out.split("Step 1 of 7")[1]
    assert result.returncode == 1, "the input ended part way"


def test_an_empty_plan_gets_help_not_a_list_of_empty_steps(
    isolated_home: Path, tmp_path: Path
) -> None:
    path = tmp_path / "empty.json"
    make_vault(path, VaultPayload())
    result = run(
        isolated_home, "plan", "use", "--vault", str(path), "--passphrase-file", "-",
        stdin=f"{PASSPHRASE}\n", env={"LANG": "en_GB.UTF-8"},
    )  # fmt: skip
    assert result.returncode == 0
    assert "nothing in it yet" in result.stdout and "999" in result.stdout
    assert "No warning signs written yet" not in result.stdout


def test_clean_answer_drops_what_a_terminal_would_act_on() -> None:
    assert clean_answer("\x1b[8mhidden\x1b[0m text\x07") == "hidden text"
    assert clean_answer("a\tb\u202ec\u200b") == "a bc"
    assert clean_answer("\x1b]0;title\x07name") == "name"
    assert clean_answer("  café 🙂 ") == "café 🙂"


def test_ctrl_c_with_unsaved_words_asks_first() -> None:
    class Interrupting(io.StringIO):
        def __init__(self, text: str) -> None:
            super().__init__(text)
            self.first = True

        def readline(self, size: int = -1) -> str:
            if self.first:
                self.first = False
                raise KeyboardInterrupt
            return super().readline(size)

    out = io.StringIO()
    answers = Answers(Plain(Interrupting("\nmy words\n"), out))
    answers.unsaved = "your check-in"
    assert answers.line("A note?") == "my words"
    assert "Your check-in is not saved yet" in out.getvalue()


def test_the_menu_is_data_one_line_per_entry() -> None:
    parser = build_parser()
    missing = plain_menu.MenuEntry("Not here", ("no-such-command",))
    assert not plain_menu.installed(missing, parser)
    assert plain_menu.installed(plain_menu.MenuEntry("Use", ("plan", "use")), parser)


def run_hr(home: Path, vault: Path, stdin: str, *extra: str) -> subprocess.CompletedProcess[str]:
    """`safeplan harm-reduction` with the passphrase as the first line of standard input."""
    argv = ("harm-reduction", *extra, "--vault", str(vault), "--passphrase-file", "-")
    return run(home, *argv, stdin=f"{PASSPHRASE}\n{stdin}")


def test_the_harm_reduction_plan_can_be_built_in_plain_mode(
    isolated_home: Path, vault: Path
) -> None:
    stdin = (
        "1\n2\nFewer drinks on weeknights\x1b[2J\nalcohol\n"  # a goal: using less
        "3\nWater between every drink\n"  # my own way
        "4\nSunday evenings\n"  # a trigger
        "5\nAlex\n555 0199\nfriend\n"  # a supporter
        "6\n"
    )
    result = run_hr(isolated_home, vault, stdin)
    assert result.returncode == 0, result.stdout + result.stderr
    no_escapes(result)
    assert "stopping suddenly can be dangerous" in result.stdout
    hr = reopen(vault).harm_reduction
    (goal,) = hr.goals
    assert (goal.kind, goal.text, goal.substance) == (
        "use_less",
        "Fewer drinks on weeknights",
        "alcohol",
    )
    assert [t.text for t in hr.own_strategies] == ["Water between every drink"]
    assert [t.text for t in hr.triggers] == ["Sunday evenings"]
    assert [(c.name, c.phone, c.relationship) for c in hr.supporters] == [
        ("Alex", "555 0199", "friend")
    ]
    shown = run_hr(isolated_home, vault, "", "--show")
    assert "- Fewer drinks on weeknights (alcohol, using less)" in shown.stdout
    assert "What would you like to add?" not in shown.stdout


def test_a_safer_use_idea_is_picked_from_the_list_with_its_source(
    isolated_home: Path, vault: Path
) -> None:
    result = run_hr(isolated_home, vault, "2\n1\n6\n")
    assert result.returncode == 0
    assert "Source: " in result.stdout
    assert len(reopen(vault).harm_reduction.strategies) == 1


def test_input_ending_inside_an_addition_is_a_non_zero_stop(
    isolated_home: Path, vault: Path
) -> None:
    result = run_hr(isolated_home, vault, "5\n")
    assert result.returncode == 1
    assert reopen(vault).harm_reduction.supporters == []


def test_crisis_lines_in_the_walkthrough_read_well_aloud() -> None:
    from safeplan.cli.walk import for_listening

    assert (
        for_listening("call 116 123, free, 24/7") == "call 116 123, free, day and night, every day"
    )
    assert (
        for_listening("Checked against public sources in 2026-11 and 2026-12-01.")
        == "Checked against public sources in November 2026 and 1 December 2026."
    )
    assert for_listening("Ground yourself: 5-4-3-2-1") == "Ground yourself: 5, 4, 3, 2, 1"
    assert for_listening("call 0800-123-456") == "call 0800-123-456", (
        "phone numbers stay as they are"
    )


def test_a_phone_number_is_never_split_across_lines() -> None:
    from safeplan.cli.walk import whole_numbers

    out = io.StringIO()
    Plain(io.StringIO(), out).say(whole_numbers("x" * 70 + " call 0113 496 0000 today"))
    lines = out.getvalue().splitlines()
    assert len(lines) == 2 and lines[1].startswith("0113\u00a0496\u00a00000")


def test_a_long_help_block_says_the_emergency_number_again_at_the_end(vault: Path) -> None:
    from safeplan.cli.walk import crisis_block

    payload = reopen(vault)
    payload.plan.help_contacts += [Contact(name=f"Friend {n}", phone="555 0100") for n in range(12)]
    lines = crisis_block(payload, "GB")
    assert lines[0] == lines[-1] == "In danger right now? Call 999 or 112."


def test_passphrase_on_the_first_line_then_answers(isolated_home: Path, vault: Path) -> None:
    """`(echo PASS; cat answers) | safeplan --plain --passphrase-file -`: the secret is one line,
    the rest of standard input is the menu's answers."""
    stdin = f"{PASSPHRASE}\n{menu_number('plan', 'show')}\n"
    result = run(
        isolated_home, "--plain", "--vault", str(vault), "--passphrase-file", "-", stdin=stdin
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Walk round the block" in result.stdout
    assert "Your passphrase" not in result.stdout


def test_back_at_the_menu_the_choices_are_not_read_again_unless_asked(
    isolated_home: Path, vault: Path
) -> None:
    crisis = menu_number("crisis")
    result = sp(isolated_home, vault, f"{crisis}\n{crisis}\n\n")
    assert result.returncode == 0
    assert result.stdout.count("Back at the menu.") == 2
    assert result.stdout.count("1. Use my plan now") == 2, "once at the start, once on Enter"


def test_ctrl_c_inside_an_entry_comes_back_to_the_menu(monkeypatch: pytest.MonkeyPatch) -> None:
    import argparse

    out = io.StringIO()
    answers = Answers(Plain(io.StringIO(""), out))
    menu = plain_menu.PlainMenu(argparse.Namespace(demo=True, vault=None), answers)

    def interrupted(args: argparse.Namespace) -> int:
        raise KeyboardInterrupt

    monkeypatch.setattr("safeplan.cli.main._run", interrupted)
    assert menu.run_entry(menu.entries[0]) is None
    assert "Stopped. Back to the menu." in out.getvalue()
