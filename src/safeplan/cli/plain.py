"""Plain mode: questions and answers one line at a time, for screen readers and simple terminals.

No box drawing, no colour, no cursor movement, nothing redrawn: every line is written once and stays.
Choices are numbered. Every prompt is a complete sentence. Commands are typed as words ("back",
"skip", "pause", "examples", "done", "help"); which words a question accepts is up to the caller.
When the input ends (end of file), :class:`InputClosed` is raised so that the caller can pause or
finish gracefully.

Used by ``safeplan guide`` and meant for any command that asks questions line by line.
"""

from __future__ import annotations

import getpass
import os
import sys
import textwrap
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TextIO, TypeVar

from safeplan.core.terminal_text import visible

T = TypeVar("T")

WIDTH = 80
MAX_LINE = 64 * 1024  # far more than anyone types on one line; a stream without line ends stops
NUL_REFUSED = "That line held a NUL character, which safeplan does not keep. Please type it again."


def plain_mode_wanted(force: bool = False, stdin: TextIO | None = None) -> bool:
    """Plain mode is used when asked for, when ``ACCESSIBLE`` is set to something other than 0,
    when ``TERM`` is ``dumb``, or when standard input is not a terminal."""
    if force:
        return True
    if os.environ.get("ACCESSIBLE", "").strip() not in ("", "0"):
        return True
    if os.environ.get("TERM", "") == "dumb":
        return True
    stream = stdin if stdin is not None else sys.stdin
    try:
        return not stream.isatty()
    except (AttributeError, ValueError):
        return True


class InputClosed(Exception):
    """The input ended (end of file): nothing more can be asked."""


@dataclass(frozen=True)
class Command:
    """A command word the person typed instead of an answer."""

    word: str


class Plain:
    """Line-by-line questions on a pair of text streams (standard input and output by default)."""

    def __init__(
        self,
        stdin: TextIO | None = None,
        stdout: TextIO | None = None,
        *,
        width: int = WIDTH,
    ) -> None:
        self.stdin = stdin if stdin is not None else sys.stdin
        self.stdout = stdout if stdout is not None else sys.stdout
        self.width = width

    # --- Output ----------------------------------------------------------------------------------

    def say(self, *paragraphs: str) -> None:
        """Write paragraphs, each wrapped to the width, each line written once."""
        for paragraph in paragraphs:
            if not paragraph:
                self.stdout.write("\n")
                continue
            for line in visible(paragraph).split("\n"):
                wrapped = textwrap.wrap(
                    line, self.width, break_long_words=False, break_on_hyphens=False
                )
                self.stdout.write("\n".join(wrapped or [""]) + "\n")
        self.stdout.flush()

    def blank(self) -> None:
        self.stdout.write("\n")
        self.stdout.flush()

    def items(self, lines: Sequence[str], *, numbered: bool = False) -> None:
        """A list, one entry per line, numbered or with a dash."""
        for i, line in enumerate(lines, 1):
            mark = f"{i}." if numbered else "-"
            self.say(f"{mark} {line}")

    # --- Input -----------------------------------------------------------------------------------

    def read_line(self) -> str:
        """One line of input, without its line ending. Raises InputClosed at end of input.
        A line holding a NUL character (never typed, and never kept) is asked for again."""
        while True:
            self.stdout.flush()
            try:
                line = self.stdin.readline(MAX_LINE)
            except (OSError, ValueError, AttributeError):  # closed, or no standard input at all
                raise InputClosed from None
            if line == "":
                raise InputClosed
            if "\x00" not in line:
                return line.rstrip("\r\n")
            self.say(NUL_REFUSED)

    def _command(self, text: str, commands: Mapping[str, str]) -> Command | None:
        word = text.strip().lower()
        if word in commands:
            return Command(word)
        if word == "help" and commands:
            return Command("help")
        return None

    def show_commands(self, commands: Mapping[str, str]) -> None:
        self.say("You can type these words at any question:")
        for word, meaning in commands.items():
            self.say(f"{word}: {meaning}.")

    def ask(
        self,
        question: str,
        *,
        commands: Mapping[str, str] | None = None,
        hint: str = "",
    ) -> str | Command:
        """Ask for a line of words. Returns the words (stripped, possibly empty) or a Command.

        ``commands`` maps each accepted word to what it does. "help" lists them and asks again,
        unless the caller lists "help" itself.
        """
        commands = commands or {}
        self.say(question)
        if hint:
            self.say(hint)
        while True:
            line = self.read_line()
            command = self._command(line, commands)
            if command is None:
                return line.strip()
            if command.word == "help" and "help" not in commands:
                self.show_commands(commands)
                self.say(question)
                continue
            return command

    def choose(
        self,
        question: str,
        options: Sequence[tuple[T, str]],
        *,
        commands: Mapping[str, str] | None = None,
        default: T | None = None,
        also: str = "",
    ) -> T | Command:
        """Ask the person to pick one of numbered options. Typing the number, or the option's words,
        picks it; an empty line picks ``default`` when there is one. Anything else gets a calm
        re-ask. ``also`` adds another way to answer to the instruction ("or type skip ...")."""
        commands = commands or {}
        self.say(question)
        self.items([label for _, label in options], numbered=True)
        how = f"Type a number from 1 to {len(options)}"
        if default is not None:
            label = next(lab for value, lab in options if value == default)
            how += f", or press Enter for {label}"
        if also:
            how += f", {also}"
        how += "."
        self.say(how)
        while True:
            line = self.read_line()
            text = line.strip()
            if not text and default is not None:
                return default
            if text.isdigit() and 1 <= int(text) <= len(options):
                return options[int(text) - 1][0]
            for value, label in options:
                if text.lower() == label.lower().rstrip("."):
                    return value
            command = self._command(text, commands)
            if command is not None:
                if command.word == "help" and "help" not in commands:
                    self.show_commands(commands)
                    self.say(how)
                    continue
                return command
            if not text:
                self.say(f"Nothing was chosen yet. {how}")
            else:
                self.say(f"That is not one of the choices. {how}")

    def confirm(self, question: str, *, default: bool | None = None) -> bool:
        """A yes or no question."""
        answer = self.choose(question, [(True, "Yes"), (False, "No")], default=default)
        return bool(answer)

    def secret(self, prompt: str) -> str:
        """A secret: asked without echo on a terminal, read as a plain line otherwise."""
        if self.stdin is sys.stdin and _isatty(self.stdin):
            # getpass writes its prompt as one line: a long one is wrapped here, and only its
            # last line is left for getpass, so nothing runs past the width.
            lines = textwrap.wrap(
                visible(prompt), self.width, break_long_words=False, break_on_hyphens=False
            ) or [""]
            for line in lines[:-1]:
                self.stdout.write(line + "\n")
            self.stdout.flush()
            try:
                return getpass.getpass(lines[-1] + " ")
            except EOFError:
                raise InputClosed from None
        self.say(prompt)
        return self.read_line()


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
