"""Progress for slow work the person waits on (opening a vault: the key derivation is slow on
purpose). Nothing changes for the first second; after that the status line says the work is still
going and counts the seconds, every half second, until it ends."""

from __future__ import annotations

from collections.abc import Callable
from time import monotonic

from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Static

AFTER = 1.0
"""Seconds of waiting before progress is shown."""
EVERY = 0.5

SLOW_ON_PURPOSE = (
    "It is slow on purpose, so that nobody can quickly guess your passphrase or recovery code."
)


def still_words(doing: str, seconds: float) -> str:
    """ "Still opening your vault (2 s). …": what is going on, and for how long."""
    return f"Still {doing} ({seconds:.0f} s). {SLOW_ON_PURPOSE}"


class StillWorking:
    """Counts the seconds on the ``status`` Static of ``owner`` while slow work runs:
    ``start(doing)`` when it begins, ``stop()`` when it ends (either way). ``clock`` is for tests."""

    def __init__(
        self, owner: Widget, status: str = "#status", clock: Callable[[], float] = monotonic
    ) -> None:
        self.owner = owner
        self.status = status
        self.doing = ""
        self.clock = clock
        self._started = 0.0
        self._timer: Timer | None = None

    @property
    def running(self) -> bool:
        return self._timer is not None

    def start(self, doing: str) -> None:
        self.stop()
        self.doing = doing
        self._started = self.clock()
        self._timer = self.owner.set_interval(EVERY, self._tick, name="still-working")

    def stop(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None

    def _tick(self) -> None:
        waited = self.clock() - self._started
        if waited >= AFTER and self.owner.is_attached:
            self.owner.query_one(self.status, Static).update(still_words(self.doing, waited))
