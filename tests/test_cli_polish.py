"""The command line's wording and small edges (review "Confusing" C1-C16 and "Cosmetic" K1-K12),
through the real `safeplan` command as a person or a script meets it."""

from __future__ import annotations

import argparse
import json
import resource
import shlex
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from safeplan.cli.main import prefixed
from safeplan.core.plural import count, plural
from tests.cli_helpers import ROOT, run
from tests.vault_helpers import PASSPHRASE, make_vault


def widest(text: str) -> int:
    return max((len(line) for line in text.splitlines()), default=0)


# K9: a mistyped command or choice gets a suggestion, not a list of everything
def test_a_mistyped_command_gets_a_suggestion(tmp_path: Path) -> None:
    result = run(tmp_path, "chekin")
    assert result.returncode == 2
    assert "'chekin' is not a command safeplan knows. Did you mean checkin?" in result.stderr
    assert "choose from" not in result.stderr


def test_a_mistyped_sub_command_and_choice_get_suggestions(tmp_path: Path) -> None:
    sub = run(tmp_path, "selfcheck", "phq8")
    assert sub.returncode == 2 and "Did you mean phq9?" in sub.stderr
    choice = run(tmp_path, "crisis", "--format", "jsn")
    assert choice.returncode == 2 and "--format does not take 'jsn'. Did you mean json?" in (
        choice.stderr
    )


def test_an_unknown_command_with_nothing_close_lists_the_commands_within_80_columns(
    tmp_path: Path,
) -> None:
    result = run(tmp_path, "zzzz")
    assert result.returncode == 2
    assert "is not a command safeplan knows. It takes:" in result.stderr
    assert "harm-reduction" in result.stderr  # never split at its hyphen
    assert widest(result.stderr) <= 80


# K2: one "safeplan:" at the start of an error line, never two
def test_error_lines_never_double_the_prefix(tmp_path: Path) -> None:
    assert prefixed("safeplan could not read the vault.") == "safeplan could not read the vault."
    assert prefixed("There is no vault.") == "safeplan: There is no vault."
    for args in (("log",), ("export", "-o", str(tmp_path / "x.txt")), ("crisis", "card")):
        result = run(tmp_path, "--vault", str(tmp_path / "none.json"), *args)
        assert result.returncode != 0
        assert "safeplan: safeplan" not in result.stderr


# K5, K8: counted words read right; best and hardest day are not one day
def test_plural_helper() -> None:
    assert count(1, "day") == "1 day" and count(2, "day") == "2 days"
    assert count(1, "entry") == "1 entry" and count(0, "entry") == "0 entries"
    assert plural(3, "pass") == "passes" and plural(2, "backup") == "backups"


def test_one_day_of_trends_reads_right(tmp_path: Path) -> None:
    result = run(tmp_path, "--demo", "trends", "--days", "1")
    assert result.returncode == 0
    assert "(1 day)" in result.stdout and "of 1 day." in result.stdout
    assert "1 days" not in result.stdout
    assert "Best day" not in result.stdout and "Hardest day" not in result.stdout
    assert "the one day with check-ins" in result.stdout
    longer = run(tmp_path, "--demo", "trends", "--days", "30")
    assert "Best day:" in longer.stdout and "Hardest day:" in longer.stdout


def test_one_entry_is_one_entry(tmp_path: Path) -> None:
    vault = tmp_path / "v.json"
    make_vault(vault)
    base = ("--vault", str(vault), "--passphrase-file", "-")
    added = run(tmp_path, *base, "checkin", "--mood", "5", stdin=PASSPHRASE + "\n")
    assert added.returncode == 0, added.stderr
    shown = run(
        tmp_path, *base, "log", "--kind", "checkin", "--since", "1d", stdin=PASSPHRASE + "\n"
    )
    assert "1 entry since" in shown.stdout, shown.stdout


# K4: the log table and the self-check texts fit 80 columns
def test_the_log_table_wraps_within_80_columns(tmp_path: Path) -> None:
    result = run(tmp_path, "--demo", "log", "--since", "all")
    assert result.returncode == 0
    assert widest(result.stdout) <= 80
    lines = result.stdout.splitlines()
    assert lines[0].startswith("ID       When")
    what = lines[0].index("What")
    continued = [line for line in lines[1:] if line.startswith(" " * what) and line.strip()]
    assert continued, "long rows continue under the What column"
    assert "suicidal thoughts" in result.stdout  # wrapped, not cut off


def test_a_check_in_with_many_tags_stays_a_few_lines(tmp_path: Path) -> None:
    vault = tmp_path / "v.json"
    make_vault(vault)
    base = ("--vault", str(vault), "--passphrase-file", "-")
    tags = [arg for i in range(400) for arg in ("--tag", f"t{i}")]
    added = run(tmp_path, *base, "checkin", "--mood", "4", *tags, stdin=PASSPHRASE + "\n")
    assert added.returncode == 0, added.stderr
    shown = run(
        tmp_path, *base, "log", "--kind", "checkin", "--since", "1d", stdin=PASSPHRASE + "\n"
    )
    assert widest(shown.stdout) <= 80
    assert len(shown.stdout.splitlines()) < 12
    assert "…" in shown.stdout


def test_selfcheck_result_comes_before_the_attribution_and_fits(tmp_path: Path) -> None:
    result = run(tmp_path, "--demo", "selfcheck", "phq9", "--answers", "0,0,0,0,0,0,0,0,1")
    assert result.returncode == 0
    assert widest(result.stdout) <= 80
    saved = result.stdout.index("Saved. PHQ-9")
    assert saved < result.stdout.index("This is not a diagnosis") < result.stdout.index("Pfizer")


# C3: a failed save says what happened to this command's input, not the app's "still open"
def test_a_failed_save_says_the_entry_was_not_saved(tmp_path: Path) -> None:
    vault = tmp_path / "v.json"
    make_vault(vault)
    before = vault.read_bytes()

    def small_files() -> None:  # writing the vault fails as on a full disk (EFBIG, not ENOSPC)
        resource.setrlimit(resource.RLIMIT_FSIZE, (512, 512))

    base = ("--vault", str(vault), "--passphrase-file", "-")
    result = run(
        tmp_path, *base, "checkin", "--mood", "5", stdin=PASSPHRASE + "\n", preexec_fn=small_files
    )
    assert result.returncode == 1
    assert "could not be saved" in result.stderr
    assert "What you entered this time was not saved" in result.stderr
    assert "still open" not in result.stderr and "in the app" not in result.stderr
    assert "Traceback" not in result.stderr
    assert vault.read_bytes() == before


# C9: the guide without a vault offers the way that needs none
def test_guide_without_a_vault_mentions_ephemeral(tmp_path: Path) -> None:
    result = run(tmp_path, "--vault", str(tmp_path / "none.json"), "guide", "--plain")
    assert result.returncode == 6
    assert "safeplan guide --ephemeral" in result.stderr
    assert "safeplan init" in result.stderr
    assert widest(result.stderr.split("\n", 1)[1]) <= 80


# C12, K6: no known country is said once on screen, and the written card says what it lacks
def test_crisis_card_without_a_country_warns(tmp_path: Path) -> None:
    card = tmp_path / "card.txt"
    result = run(tmp_path, "crisis", "card", "-o", str(card), "--yes")
    assert result.returncode == 0 and card.exists()
    assert "no national crisis line or emergency number" in result.stderr
    assert "safeplan crisis card --country NAME" in result.stderr
    with_country = run(
        tmp_path, "crisis", "card", "-o", str(tmp_path / "gb.txt"), "--yes", "--country", "GB"
    )
    assert "no national crisis line" not in with_country.stderr


@pytest.mark.parametrize("lang", ["C.UTF-8"])
def test_no_country_is_said_once(tmp_path: Path, lang: str) -> None:
    result = run(tmp_path, "crisis", env={"LANG": lang})
    assert result.returncode == 0
    assert result.stdout.count("which country you are in") == 1


# K1: every command's --help ends with examples that really work
def _commands(parser: argparse.ArgumentParser) -> Iterator[argparse.ArgumentParser]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                yield sub
                yield from _commands(sub)


def test_every_command_has_examples_that_parse() -> None:
    from safeplan.cli.main import build_parser

    commands = list(_commands(build_parser()))
    assert len(commands) > 40
    for command in commands:
        text = command.format_help()
        assert "\nexamples:\n" in text, command.prog
        examples = text.split("\nexamples:\n", 1)[1].splitlines()
        assert examples and all(line.startswith("  safeplan ") for line in examples), command.prog
        for line in examples:
            words = shlex.split(line.split("  #", 1)[0])
            assert words[:2] == command.prog.split()[:2], line  # its own command's examples
            build_parser().parse_args(words[1:])  # a usage error here exits: the test fails
        assert max(len(line) for line in text.splitlines()) <= 100, command.prog


def test_help_states_the_width_range_exit_130_and_short_yes(tmp_path: Path) -> None:
    assert "30 to 240" in " ".join(run(tmp_path, "export", "--help").stdout.split())
    assert "130" in run(tmp_path, "--help").stdout
    assert "-y, --yes" in run(tmp_path, "log", "delete", "--help").stdout
    examples = run(tmp_path, "checkin", "--help").stdout.split("examples:")[1]
    assert "safeplan checkin --mood 6" in examples


def test_the_no_printer_message_fits_80_columns(tmp_path: Path) -> None:
    result = run(tmp_path, "--demo", "print", env={"PATH": str(tmp_path / "no-bin")})
    assert result.returncode == 1
    assert "no printing system" in result.stderr
    assert widest(result.stderr) <= 80


# K12: the demo's check-ins never repeat the note of the one before
def test_demo_check_ins_do_not_repeat_a_note_in_a_row(tmp_path: Path) -> None:
    result = run(
        tmp_path, "--demo", "log", "--since", "all", "--kind", "checkin", "--format", "json"
    )
    assert result.returncode == 0
    rows = json.loads(result.stdout)
    rows = rows if isinstance(rows, list) else rows["entries"]
    notes = [row["note"] for row in rows if row.get("note")]
    assert len(notes) > 30
    assert all(a != b for a, b in zip(notes, notes[1:], strict=False))


# C15: a too-long answer hears its own limit (a warning sign is not a name or a number)
def test_a_too_long_answer_hears_its_own_limit() -> None:
    from safeplan.core import guide as flow
    from safeplan.core.guide.answers import AnswerNotKept
    from safeplan.core.guide.handover import NEW_VAULT_NOTE
    from safeplan.core.models import VaultPayload

    def collector(step: str, plan_field: str) -> flow.Collector:
        return next(c for c in flow.step_for(step).collects if c.plan_field == plan_field)  # type: ignore[arg-type]

    with pytest.raises(AnswerNotKept) as sign:
        flow.add_entry(
            VaultPayload(), collector("warning_signs", "warning_signs"), {"text": "x" * 20_001}
        )
    assert "20,000 characters" in sign.value.hint and "Names" not in sign.value.hint
    with pytest.raises(AnswerNotKept) as name:
        flow.add_entry(VaultPayload(), collector("help", "help_contacts"), {"name": "x" * 501})
    assert "500 characters" in name.value.hint
    assert "the person" not in NEW_VAULT_NOTE  # read in either voice


# C14: one rule for exit codes, as `safeplan --help` and the README state it
@pytest.fixture
def vault(tmp_path: Path) -> Path:
    path = tmp_path / "v.json"
    make_vault(path)
    return path


@pytest.mark.parametrize(
    ("args", "stdin", "code"),
    [
        (("chekin",), "", 2),  # an unknown command
        (("checkin", "--mood", "11"), "", 2),  # a value out of range
        (("import", "--yes", "{tmp}/missing.json"), "{pass}", 2),  # a file that is not there
        (("log",), "", 2),  # a passphrase that cannot be asked without a terminal
        (("vault", "info"), "", 2),
        (("crisis", "--mine"), "", 2),
        (("export", "-o", "{tmp}/out.txt", "--passphrase-file", "-"), "{pass}", 2),  # no --yes
        (("import", "--yes", "{tmp}/not-json.json", "--passphrase-file", "-"), "{pass}", 1),
        (("vault", "check", "--passphrase-file", "-"), "not the passphrase\n", 3),
        (("backup", "list", "--vault", "{tmp}/none.json"), "", 6),
        (("log", "--vault", "{tmp}/none.json", "--passphrase-file", "-"), "{pass}", 6),
    ],
)
def test_exit_codes_follow_one_rule(
    tmp_path: Path, vault: Path, args: tuple[str, ...], stdin: str, code: int
) -> None:
    (tmp_path / "not-json.json").write_text("garbage", encoding="utf-8")
    words = [a.replace("{tmp}", str(tmp_path)) for a in args]
    if "--vault" not in words:
        words = ["--vault", str(vault), *words]
    result = run(tmp_path, *words, stdin=stdin.replace("{pass}", PASSPHRASE + "\n"))
    assert result.returncode == code, result.stderr
    assert result.stderr.startswith(("safeplan: ", "usage: ")), result.stderr
    if code == 2 and args[0] in ("log", "vault"):
        assert result.stdout == ""  # nothing before the passphrase


def test_exit_code_rule_is_in_help_and_readme(tmp_path: Path) -> None:
    helped = run(tmp_path, "--help").stdout
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for text in (" ".join(helped.split()), readme):
        assert "a file that is not a safeplan export" in text
        assert "a file to import that is not there" in text
    assert widest(helped) <= 80


# C10, C11: questions take words as well as numbers, and a needed answer says how to stop
def test_interactive_use_takes_yes_and_no_as_words(tmp_path: Path) -> None:
    from tests.test_cli_edges import Pty

    vault = tmp_path / "v.json"
    make_vault(vault)
    secret = tmp_path / "pass"
    secret.write_text(PASSPHRASE + "\n", encoding="utf-8")
    secret.chmod(0o600)
    base = ("--vault", str(vault), "--passphrase-file", str(secret))
    session = Pty(tmp_path, *base, "use", "--no-tips")
    session.expect("What did you use")
    session.send("\r")
    session.expect("ctrl+c")  # C11: an empty needed answer says how to stop instead
    session.send("heroin\r")
    for prompt in ("How much", "How (", "Where"):
        session.expect(prompt)
        session.send("\r")
    session.expect("Were you alone?")
    session.expect("Number, or yes or no")
    session.send("n\r")
    answers = {"Was naloxone at hand?": "YES\r", "Was it tested first?": "maybe\r"}
    session.expect("Was naloxone at hand?")
    session.expect("Number")
    session.send(answers["Was naloxone at hand?"])
    session.expect("Was it tested first?")
    session.expect("Number")
    session.send(answers["Was it tested first?"])
    session.expect("Please type a number from 1 to 2.")  # not a yes or a no: asked again
    session.send("y\r")
    for prompt in ("Who were you with", "A note"):
        session.expect(prompt)
        session.send("\r")
    assert session.finish() == 0
    shown = run(tmp_path, *base, "log", "--kind", "use", "--since", "1d").stdout
    assert "heroin" in shown and "not alone" in shown and "naloxone at hand" in shown, shown
    assert "; tested" in " ".join(shown.split())


# C6: a folder or an empty file where the new vault would go is named for what it is
def test_init_over_a_folder_or_an_empty_file_says_which(tmp_path: Path) -> None:
    folder = tmp_path / "folder"
    folder.mkdir()
    empty = tmp_path / "empty.json"
    empty.write_bytes(b"")
    on_folder = run(tmp_path, "--vault", str(folder), "init", "--passphrase-file", "-")
    on_empty = run(tmp_path, "--vault", str(empty), "init", "--passphrase-file", "-")
    assert on_folder.returncode == 2 and "is a folder" in on_folder.stderr
    assert on_empty.returncode == 2 and "an empty file" in on_empty.stderr
    for result in (on_folder, on_empty):
        assert "already a vault" not in result.stderr
    assert empty.read_bytes() == b""


# K4: a long secret prompt on a terminal is wrapped; getpass gets only its last line
def test_a_long_secret_prompt_is_wrapped_before_getpass(monkeypatch: pytest.MonkeyPatch) -> None:
    import getpass
    import io

    from safeplan.cli.plain import Plain

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    asked: list[str] = []
    monkeypatch.setattr(sys, "stdin", Terminal())
    monkeypatch.setattr(getpass, "getpass", lambda prompt: asked.append(prompt) or "my words")
    shown = io.StringIO()
    prompt = (
        "Choose a passphrase for the new vault. A few ordinary words work well. Nobody can reset "
        "it; the recovery code shown next is the only other way in."
    )
    assert Plain(stdout=shown).secret(prompt) == "my words"
    assert widest(shown.getvalue()) <= 80 and len(asked[0]) <= 81
    assert " ".join((shown.getvalue() + asked[0]).split()) == prompt


@pytest.mark.parametrize(
    "args",
    [
        ("crisis", "countries"),
        ("country",),
        ("selfcheck", "history"),
        ("checkin", "--mood", "5"),
        ("use", "--substance", "cannabis"),
        ("log",),
        ("trends",),
        ("plan", "show"),
    ],
)
def test_everyday_output_fits_80_columns(tmp_path: Path, args: tuple[str, ...]) -> None:
    result = run(tmp_path, "--demo", *args)
    assert result.returncode == 0, result.stderr
    lines = (result.stdout + result.stderr).splitlines()
    assert max(len(line) for line in lines if "http" not in line) <= 80


def test_a_wrong_word_in_a_commands_own_place_is_named_plainly(tmp_path: Path) -> None:
    result = run(tmp_path, "hope", "shw")
    assert result.returncode == 2
    assert "'shw' is not a command safeplan knows here. Did you mean show?" in result.stderr
    logged = run(tmp_path, "log", "-f", "json").stderr.splitlines()
    said = next(line for line in logged if line.startswith("safeplan: "))
    assert said == "safeplan: 'json' is not a command safeplan knows here. It takes: edit, delete."
