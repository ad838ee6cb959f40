"""Answers read one line at a time, for every plain flow (the plain menu, the plain walk-through, and
check-in and use logging reached from the menu).

* One line per answer, read from the same stream as :class:`safeplan.cli.plain.Plain` (so piped
  answers and a screen reader both work), never a cursor movement.
* Control characters never reach stored text: escape sequences are dropped whole, other control and
  invisible formatting characters are removed, a tab becomes a space (:func:`clean_answer`).
* ctrl+c, or ctrl+d at a terminal, while something is not saved yet asks before letting it go. At
  the end of piped input nothing more can be asked: :class:`InputEnded` says the flow stopped part
  way, and the caller ends with a non-zero exit code.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TypeVar

from safeplan.cli.plain import InputClosed, Plain
from safeplan.core import errors

T = TypeVar("T")

_SEQUENCE = re.compile(r"\x1b(\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)?|[@-_])")
_INVISIBLE = re.compile(
    "[\x00-\x08\x0a-\x1f\x7f-\x9f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff]"
)


def clean_answer(text: str) -> str:
    """What a person typed, without anything a terminal would act on or hide."""
    text = _SEQUENCE.sub("", text).replace("\t", " ")
    return _INVISIBLE.sub("", text).strip()


class InputEnded(errors.SafeplanError):
    """The input ended before the flow did (piped answers ran out, or ctrl+d and "stop")."""

    def __init__(self, what: str = "Stopped before the end.") -> None:
        super().__init__(what, "Run it again when you like.")


class LeftEarly(errors.SafeplanError):
    """The person chose to stop part way (after ctrl+c and "stop")."""

    exit_code = errors.EXIT_STOPPED

    def __init__(self, what: str = "Stopped.") -> None:
        super().__init__(what, "")


class Answers:
    """Questions and answers over a :class:`Plain` pair of streams."""

    def __init__(self, plain: Plain | None = None) -> None:
        self.plain = plain or Plain()
        self.unsaved = ""
        """What would be lost by stopping now, in a few words ("your check-in"); '' when nothing."""
        self.ended = False

    @property
    def terminal(self) -> bool:
        try:
            return bool(self.plain.stdin.isatty())
        except (AttributeError, ValueError):
            return False

    def say(self, *paragraphs: str) -> None:
        self.plain.say(*paragraphs)

    def _raw(self) -> str:
        try:
            return self.plain.read_line()
        except InputClosed:
            if self.terminal and self.unsaved and not self._asked_to_stop("ctrl+d"):
                return self._raw()
            self.ended = True
            raise InputEnded() from None
        except KeyboardInterrupt:
            self.plain.say("")
            if self.unsaved and not self._asked_to_stop("ctrl+c"):
                return self._raw()
            raise LeftEarly() from None

    def _asked_to_stop(self, key: str) -> bool:
        """True when the person wants to stop and let unsaved words go."""
        self.plain.say(
            f"You pressed {key}. {self.unsaved[:1].upper()}{self.unsaved[1:]} is not saved yet.",
            "Type stop to stop without saving it, or press Enter to carry on where you were.",
        )
        try:
            line = self.plain.read_line()
        except (InputClosed, KeyboardInterrupt):
            return True
        return clean_answer(line).lower() in ("stop", "s", "yes", "y")

    def line(self, question: str = "") -> str:
        """One answer, cleaned. ``question`` is said first, on its own line."""
        if question:
            self.say(question)
        return clean_answer(self._raw())

    def ask(self, prompt: str) -> str:
        """Like ``input(prompt)``, for :class:`safeplan.cli.prompts.Prompter` (which turns EOFError
        into a calm stop). The prompt is written on its own line, as plain mode does."""
        try:
            return self.line(prompt.rstrip())
        except InputEnded:
            raise EOFError from None

    def choose(self, question: str, options: Sequence[tuple[T, str]]) -> T:
        """A numbered choice: its number or its words pick it. Asks again calmly otherwise."""
        self.say(question)
        for number, (_value, label) in enumerate(options, 1):
            self.say(f"{number}. {label}")
        how = f"Type a number from 1 to {len(options)}."
        self.say(how)
        while True:
            text = self.line().lower()
            if text.isdigit() and 1 <= int(text) <= len(options):
                return options[int(text) - 1][0]
            for value, label in options:
                if text and text == label.lower():
                    return value
            self.say(f"That is not one of the choices. {how}" if text else how)
