"""``safeplan`` in plain mode: a numbered menu instead of the full-screen app.

Used with ``--plain``, ``ACCESSIBLE=1``, ``TERM=dumb``, or when input is not a terminal (so
``safeplan </dev/null`` prints the menu and ends, never hangs). The emergency number comes first,
before anything is asked. Each entry runs the plain form of a command; the passphrase is asked
once, the first time an entry opens the vault. To add an entry, add ONE line to :data:`MENU`; an
entry whose command is not installed is not shown.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import dataclass

from safeplan.cli.plain_answers import Answers, InputEnded, LeftEarly
from safeplan.core import errors


@dataclass(frozen=True)
class MenuEntry:
    label: str
    argv: tuple[str, ...]
    """The command it runs, as typed after ``safeplan``."""
    asks_for: str = ""
    """What would be lost by stopping while it asks ("your check-in"): ctrl+c asks first."""


MENU: tuple[MenuEntry, ...] = (
    MenuEntry("Use my plan now", ("plan", "use")),
    MenuEntry("Crisis lines", ("crisis",)),
    MenuEntry("Check in", ("checkin",), asks_for="your check-in"),
    MenuEntry("Log use", ("use",), asks_for="this use entry"),
    MenuEntry("My plan", ("plan", "show")),
    MenuEntry("My harm-reduction plan", ("harm-reduction",)),
    MenuEntry("Build my plan step by step (the guided session)", ("guide", "--plain")),
    MenuEntry("Learn: short cards, with their sources", ("learn",)),
    MenuEntry("Breathe slowly along with a count", ("breathe", "--plain")),
    MenuEntry("Ground yourself: five things you notice", ("ground",)),
    MenuEntry("Ride out an urge", ("urge",)),
    MenuEntry("Things worth holding on to", ("hope",)),
)
LEAVE = "Leave safeplan"


class CachedSecret:
    """Stands in for the CLI's secret reader: the passphrase typed once, given to each command."""

    def __init__(self, ask: Callable[[], str]) -> None:
        self._ask = ask
        self.value: str | None = None

    def read(self, prompt: str, *, confirm: bool = False) -> str:
        if self.value is None:
            self.value = self._ask()
        return self.value


def _commands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:  # argparse keeps its sub-commands here
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def installed(entry: MenuEntry, parser: argparse.ArgumentParser) -> bool:
    """Whether ``safeplan`` has the command (and the sub-command) the entry runs."""
    found = _commands(parser)
    for word in entry.argv:
        if word.startswith("-"):
            break
        if word not in found:
            return False
        found = _commands(found[word])
    return True


def _global_argv(args: argparse.Namespace) -> list[str]:
    argv: list[str] = []
    if getattr(args, "vault", None):
        argv += ["--vault", str(args.vault)]
    if getattr(args, "demo", False):
        argv.append("--demo")
    return argv


class PlainMenu:
    def __init__(self, args: argparse.Namespace, answers: Answers | None = None) -> None:
        from safeplan.cli.main import build_parser

        self.args = args
        self.answers = answers or Answers()
        self.parser = build_parser()
        self.entries = [entry for entry in MENU if installed(entry, self.parser)]
        self.secret = CachedSecret(self._ask_passphrase)

    def _ask_passphrase(self) -> str:
        if getattr(self.args, "passphrase_file", None):
            from safeplan.cli.common import secrets_for

            return secrets_for(self.args).read("Passphrase: ")
        try:
            return self.answers.plain.secret("Your passphrase:")
        except Exception as exc:  # InputClosed, or ctrl+d at getpass
            raise InputEnded("No passphrase was given.") from exc

    def _opening(self) -> None:
        from safeplan.core.crisis import help_for
        from safeplan.core.export.crisis_help import emergency_words
        from safeplan.core.kept_country import country

        numbers = emergency_words(help_for(country()))
        first = f"Call {numbers}" if numbers else "Call your local emergency number"
        where = [n for n, entry in enumerate(self.entries, 1) if entry.argv == ("crisis",)]
        lines = f" Crisis lines are number {where[0]} below." if where else ""
        self.answers.say("safeplan, in plain mode.", f"In danger right now? {first}.{lines}")

    def run(self) -> int:
        if getattr(self.args, "passphrase_file", None) == "-":
            self.secret.read("")  # before any answer is read from the same standard input
        self._opening()
        options = [(n, entry.label) for n, entry in enumerate(self.entries)]
        options.append((-1, LEAVE))
        first = True
        while True:
            self.answers.say("")
            try:
                chosen = self._choose(options, first)
            except InputEnded:
                return errors.EXIT_OK  # nothing was part way: the input simply ended
            except LeftEarly:
                self.answers.say("Goodbye. Take care.")
                return errors.EXIT_STOPPED
            if chosen < 0:
                self.answers.say("Goodbye. Take care.")
                return errors.EXIT_OK
            first = False
            code = self.run_entry(self.entries[chosen])
            if code is not None:
                return code

    def _choose(self, options: list[tuple[int, str]], first: bool) -> int:
        """The whole list the first time; after that a short line, so that a screen reader does
        not read every choice again (Enter reads them)."""
        if not first:
            how = f"Back at the menu. Type a number from 1 to {len(options)}, or press Enter to "
            text = self.answers.line(how + "hear the choices again.")
            if text.isdigit() and 1 <= int(text) <= len(options):
                return options[int(text) - 1][0]
        return self.answers.choose("What would you like to do?", options)

    def run_entry(self, entry: MenuEntry) -> int | None:
        """Run one entry. None: back to the menu. A number: the menu ends with it."""
        from safeplan.cli.main import _run, parse_args

        args = parse_args([*entry.argv, *_global_argv(self.args)])
        args.plain_answers = self.answers
        args._secret_reader = self.secret  # asked only if the command opens the vault
        self.answers.unsaved = entry.asks_for
        try:
            _run(args)
        except InputEnded as exc:
            self.answers.say("", exc.message, "Anything you did not finish was not saved.")
            return errors.EXIT_ERROR
        except (LeftEarly, KeyboardInterrupt):  # ctrl+c inside an entry: back to the menu
            self.answers.say("", "Stopped. Back to the menu.")
        except errors.WrongPassphrase as exc:
            self.secret.value = None
            self.answers.say("", exc.message, "Choose the entry again to try once more.")
        except errors.SafeplanError as exc:
            if self.answers.ended:
                self.answers.say("", exc.message)
                return errors.EXIT_ERROR
            self.answers.say("", exc.message, exc.hint)
        except SystemExit as exc:  # a command's own usage message (already written)
            if exc.code not in (0, None):
                self.answers.say("That did not work. Back to the menu.")
        finally:
            self.answers.unsaved = ""
        return None


def run_plain_menu(args: argparse.Namespace) -> int:
    return PlainMenu(args).run()
