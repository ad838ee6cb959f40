"""Idle auto-lock: after ``settings.idle_lock_minutes`` without a key or a click, save and lock.
Passphrase fields are emptied then too, and also on the unlock screen after a few idle minutes.

It never fires while a screen a person may leave open in a hard moment is anywhere on the screen
stack: such a screen sets ``PAUSES_IDLE_LOCK = True`` (use my plan now, get help, a hard-moment
offer). Someone making a call with their plan open must not come back to a passphrase prompt."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from safeplan.tui.app import SafeplanApp

PAUSED_ON = (
    "The app stays unlocked while one of these is open: Use my plan now, Get help, a hard "
    "moment's offer of your plan, the overdose steps, and the tools for right now (breathe, "
    "ground yourself, ride an urge)."
)
"""Said under the idle-lock setting. A test keeps it true to the screens that set
``PAUSES_IDLE_LOCK``."""
CHECK_EVERY_SECONDS = 10.0
# Before the vault is open there is no setting to read: a passphrase typed but not submitted is
# cleared after this long without a key or a click.
CLEAR_TYPED_SECRETS_SECONDS = 5 * 60


class IdleLock:
    def __init__(self, app: SafeplanApp, clock: Callable[[], float] = time.monotonic) -> None:
        self.app = app
        self.clock = clock
        self.last_activity = clock()

    def start(self) -> None:
        self.app.set_interval(CHECK_EVERY_SECONDS, self.check, name="idle-lock")

    def touch(self) -> None:
        self.last_activity = self.clock()

    def paused(self) -> bool:
        """A screen that keeps the vault open is showing (or waiting under a dialog)."""
        return any(getattr(screen, "PAUSES_IDLE_LOCK", False) for screen in self.app.screen_stack)

    def due(self) -> bool:
        session = self.app.session
        minutes = session.settings.idle_lock_minutes
        if not session.unlocked or minutes <= 0:
            return False
        if self.paused():
            self.touch()  # the full time again once that screen is closed
            return False
        return self.clock() - self.last_activity >= minutes * 60

    def clear_secrets(self) -> None:
        """Empty every passphrase field on any screen: a passphrase typed and left is never there
        for someone else to submit."""
        from safeplan.tui.widgets.fields import TextField

        for screen in self.app.screen_stack:
            for field in screen.query(TextField):
                if field.password and field.value:
                    field.value = ""

    async def check(self) -> None:
        idle_for = self.clock() - self.last_activity
        if not self.app.session.unlocked and idle_for >= CLEAR_TYPED_SECRETS_SECONDS:
            self.clear_secrets()
        if self.due():
            self.touch()
            self.clear_secrets()
            await self.app.lock(idle=True)
