"""Idle auto-lock: after ``settings.idle_lock_minutes`` without a key or a click, save and lock."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from safeplan.tui.app import SafeplanApp

CHECK_EVERY_SECONDS = 10.0


class IdleLock:
    def __init__(self, app: SafeplanApp, clock: Callable[[], float] = time.monotonic) -> None:
        self.app = app
        self.clock = clock
        self.last_activity = clock()

    def start(self) -> None:
        self.app.set_interval(CHECK_EVERY_SECONDS, self.check, name="idle-lock")

    def touch(self) -> None:
        self.last_activity = self.clock()

    def due(self) -> bool:
        session = self.app.session
        minutes = session.settings.idle_lock_minutes
        if not session.unlocked or minutes <= 0:
            return False
        return self.clock() - self.last_activity >= minutes * 60

    async def check(self) -> None:
        if self.due():
            self.touch()
            await self.app.lock()
