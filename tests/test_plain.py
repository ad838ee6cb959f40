"""The plain line-by-line prompt engine: what a screen-reader user reads and types."""

from __future__ import annotations

import io
import re

import pytest

from safeplan.cli.plain import Command, InputClosed, Plain, plain_mode_wanted

ANSI_OR_BOX = re.compile(r"[\x1b\r\u2500-\u257f\u2580-\u259f]")


def engine(text: str, width: int = 80) -> tuple[Plain, io.StringIO]:
    out = io.StringIO()
    return Plain(io.StringIO(text), out, width=width), out


def test_choices_are_numbered_and_picked_by_number_or_words() -> None:
    plain, out = engine("2\n")
    options = [("likely", "Likely"), ("maybe", "Maybe"), ("unlikely", "Not very likely")]
    assert plain.choose("How likely are you to do this?", options) == "maybe"
    lines = out.getvalue().splitlines()
    assert lines == [
        "How likely are you to do this?",
        "1. Likely",
        "2. Maybe",
        "3. Not very likely",
        "Type a number from 1 to 3.",
    ]
    plain, _ = engine("not very likely\n")
    assert plain.choose("How likely?", options) == "unlikely"


def test_an_invalid_choice_gets_a_calm_re_ask() -> None:
    plain, out = engine("7\nbanana\n\n1\n")
    assert plain.choose("Pick one.", [("a", "First"), ("b", "Second")]) == "a"
    text = out.getvalue()
    assert text.count("That is not one of the choices. Type a number from 1 to 2.") == 2
    assert "Nothing was chosen yet. Type a number from 1 to 2." in text
    assert "!" not in text


def test_enter_picks_the_default_choice() -> None:
    plain, out = engine("\n")
    assert plain.choose("Pick.", [(1, "One"), (2, "Two")], default=2) == 2
    assert "or press Enter for Two." in out.getvalue()


def test_command_words_are_returned_as_commands() -> None:
    commands = {"back": "go back", "skip": "skip this"}
    plain, _ = engine("  BACK \n")
    assert plain.ask("What helps?", commands=commands) == Command("back")
    plain, _ = engine("skip\n")
    assert plain.choose("Pick.", [(1, "One")], commands=commands) == Command("skip")
    # Words that are not commands are answers, kept as typed (without surrounding spaces).
    plain, _ = engine("  going back home \n")
    assert plain.ask("What helps?", commands=commands) == "going back home"


def test_help_lists_the_words_and_asks_again() -> None:
    plain, out = engine("help\nA walk\n")
    answer = plain.ask("What helps?", commands={"back": "go back to the step before"})
    assert answer == "A walk"
    text = out.getvalue()
    assert "You can type these words at any question:" in text
    assert "back: go back to the step before." in text
    assert text.count("What helps?") == 2


def test_end_of_input_raises_input_closed_never_a_traceback() -> None:
    plain, _ = engine("")
    with pytest.raises(InputClosed):
        plain.ask("What helps?")
    plain, _ = engine("9\n")
    with pytest.raises(InputClosed):
        plain.choose("Pick.", [(1, "One")])
    plain, _ = engine("")
    with pytest.raises(InputClosed):
        plain.secret("Passphrase.")


def test_confirm_and_secret_read_plain_lines_when_not_a_terminal() -> None:
    plain, _ = engine("yes\nmy words\n")
    assert plain.confirm("Are you sure?") is True
    assert plain.secret("Choose a passphrase.") == "my words"
    plain, _ = engine("2\n")
    assert plain.confirm("Are you sure?") is False


def test_output_is_plain_wrapped_lines_without_escape_codes_or_boxes() -> None:
    long = "This is a long sentence that goes on " * 6
    plain, out = engine("x\n", width=40)
    plain.say(long.strip())
    plain.items(["one", "two"])
    plain.ask("What now?")
    text = out.getvalue()
    assert not ANSI_OR_BOX.search(text)
    assert all(len(line) <= 40 for line in text.splitlines())
    assert "- one\n- two\n" in text


def test_plain_mode_is_chosen_for_accessible_dumb_terminals_and_pipes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    tty = Tty()
    monkeypatch.delenv("ACCESSIBLE", raising=False)
    monkeypatch.setenv("TERM", "xterm-256color")
    assert not plain_mode_wanted(stdin=tty)
    assert plain_mode_wanted(force=True, stdin=tty)
    assert plain_mode_wanted(stdin=io.StringIO())
    monkeypatch.setenv("ACCESSIBLE", "1")
    assert plain_mode_wanted(stdin=tty)
    monkeypatch.setenv("ACCESSIBLE", "0")
    assert not plain_mode_wanted(stdin=tty)
    monkeypatch.setenv("TERM", "dumb")
    assert plain_mode_wanted(stdin=tty)
