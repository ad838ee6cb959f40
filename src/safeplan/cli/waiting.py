"""Waiting that stops at any key: the clock for `safeplan breathe` and `safeplan urge`.

On a terminal the keyboard is put in cbreak mode (keys arrive one at a time, ctrl+c still works)
for the length of the ``with`` block and restored after, and a wait ends early when a key is
pressed. When standard input is not a terminal (piped or closed), there is nobody to press a key:
each wait reads one line, and a line or the end of the input stops the tool at once, so nothing
ever hangs or sleeps in a pipe.
"""

from __future__ import annotations

import contextlib
import os
import select
import sys
from collections.abc import Iterator
from typing import TextIO


class KeyWait:
    """``wait(seconds) -> True`` when the person pressed a key (or the input ended)."""

    def __init__(self, stdin: TextIO | None = None) -> None:
        self.stdin = stdin if stdin is not None else sys.stdin
        self.ended = False

    def _tty(self) -> bool:
        try:
            return self.stdin.isatty()
        except (AttributeError, ValueError):
            return False

    @contextlib.contextmanager
    def keys(self) -> Iterator[KeyWait]:
        """cbreak mode on a terminal for the block; nothing to do otherwise."""
        if not self._tty():
            yield self
            return
        try:
            import termios
            import tty

            fd = self.stdin.fileno()
            saved = termios.tcgetattr(fd)
        except (ImportError, OSError, ValueError):  # pragma: no cover - not a POSIX terminal
            yield self
            return
        try:
            tty.setcbreak(fd)
            yield self
        finally:
            termios.tcsetattr(fd, termios.TCSADRAIN, saved)

    def __call__(self, seconds: float) -> bool:
        if self.ended:
            return True
        if not self._tty():
            try:
                line = self.stdin.readline()
            except (OSError, ValueError):
                line = ""
            self.ended = line == ""
            return True
        try:
            ready, _, _ = select.select([self.stdin], [], [], seconds)
        except (OSError, ValueError):  # pragma: no cover - the terminal went away
            self.ended = True
            return True
        if not ready:
            return False
        if os.read(self.stdin.fileno(), 64) == b"":
            self.ended = True
        return True
