"""Plain, line-by-line questions for the CLI commands: numbered choices, no colour, no cursor
movement (the plain mode that works with screen readers), and yes/no confirmation."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from safeplan.cli.common import out
from safeplan.core import errors
from safeplan.core.terminal_text import visible

SKIP = "(Enter to skip)"


class Stopped(errors.SafeplanError):
    """ctrl+d (end of input) at a question: stopped calmly, exit 130 like ctrl+c."""

    exit_code = errors.EXIT_STOPPED

    def __init__(self) -> None:
        super().__init__(
            "Stopped before the end, so nothing was saved.", "Run the command again when you like."
        )


def require_terminal(what: str, flag: str) -> None:
    if not sys.stdin.isatty():
        raise errors.UsageError(
            f"{what} asks its questions on a terminal, and this is not one.",
            f"Give the answers as options instead ({flag}); see --help.",
        )


class Prompter:
    """Plain line-by-line questions: no colour, no cursor movement, numbered choices."""

    def __init__(
        self,
        ask: Callable[[str], str] = input,
        say: Callable[[str], None] = out,
    ) -> None:
        self._ask = ask
        self.say = say

    def _line(self, prompt: str) -> str:
        while True:
            try:
                line = self._ask(prompt).strip()
            except EOFError:
                self.say("")
                raise Stopped() from None
            if "\x00" not in line:
                return line
            self.say(
                "  That line held a NUL character, which safeplan does not keep. Again, please."
            )

    def scale(self, label: str, ends: tuple[str, str], *, optional: bool) -> int | None:
        hint = f" {SKIP}" if optional else ""
        while True:
            text = self._line(f"{label}, 0 ({ends[0]}) to 10 ({ends[1]}){hint}: ")
            if not text and optional:
                return None
            if text.isdigit() and 0 <= int(text) <= 10:
                return int(text)
            self.say(
                "  Please type a whole number from 0 to 10"
                + (", or press Enter." if optional else ".")
            )

    def number(self, label: str, hi: float) -> float | None:
        while True:
            text = self._line(f"{label} {SKIP}: ").replace(",", ".")
            if not text:
                return None
            try:
                value = float(text)
            except ValueError:
                value = -1.0
            if 0 <= value <= hi:
                return value
            self.say(f"  Please type a number from 0 to {hi:g}, or press Enter.")

    def answer(self, prompt: str) -> str:
        """One free answer (empty allowed) to the caller's own prompt, for questions whose Enter
        means something other than "skip"."""
        return self._line(prompt)

    def text(self, label: str, *, optional: bool = True) -> str:
        while True:
            value = self._line(f"{label}{' ' + SKIP if optional else ''}: ")
            if value or optional:
                return value
            self.say("  This one needs an answer to go on. To stop instead, press ctrl+c.")

    def choose(
        self, label: str, options: Sequence[str], *, optional: bool = True, ask: str = "Number"
    ) -> int | None:
        """A numbered choice; returns the index chosen (0-based) or None when skipped. An option's
        own word (or the start of it) works as well as its number."""
        self.say(label)
        for i, option in enumerate(options, start=1):
            self.say(f"  {i}) {option}")
        while True:
            text = self._line(f"{ask}{' ' + SKIP if optional else ''}: ")
            if not text and optional:
                return None
            if text.isdigit() and 1 <= int(text) <= len(options):
                return int(text) - 1
            by_word = _option_named(text, options)
            if by_word is not None:
                return by_word
            self.say(f"  Please type a number from 1 to {len(options)}.")

    def yes_no(self, label: str) -> bool | None:
        choice = self.choose(label, ("yes", "no"), ask="Number, or yes or no")
        return None if choice is None else choice == 0


def _option_named(text: str, options: Sequence[str]) -> int | None:
    """The one option that ``text`` names, by its whole wording or the start of it ("y" for
    "yes", "n" for "no"), ignoring case; None when no option, or more than one, fits."""
    typed = text.strip().casefold()
    if not typed:
        return None
    words = [option.casefold() for option in options]
    if typed in words:
        return words.index(typed)
    fits = [i for i, word in enumerate(words) if word.startswith(typed)]
    return fits[0] if len(fits) == 1 else None


def confirm(args: argparse.Namespace, question: str) -> bool:
    """Ask a yes/no question on the terminal. With --yes, yes. Without a terminal, refuse (exit 2)."""
    if getattr(args, "yes", False):
        return True
    if not sys.stdin.isatty():
        raise errors.UsageError(
            "Your confirmation is needed, but this is not running in a terminal. Nothing was "
            "changed.",
            "Add --yes to go ahead without being asked.",
        )
    sys.stderr.write(visible(f"{question} [y/N] "))
    sys.stderr.flush()
    answer = sys.stdin.readline().strip().lower()
    return answer in ("y", "yes")
