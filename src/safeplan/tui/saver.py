"""Saving off the UI thread, one save at a time, in order.

``request()`` is called on the UI thread after every committed change. A thread worker calls
``store.save()`` (slow: encryption and fsync); a request that arrives while a save is running is
folded into one more save right after it, so the last change is always the one on disk.
``flush()`` waits until nothing is pending: quitting and locking await it.
"""

from __future__ import annotations

import asyncio
import contextlib
from typing import TYPE_CHECKING

from safeplan.core.errors import SafeplanError
from safeplan.core.store import Store
from safeplan.tui.messages import SaveFinished

if TYPE_CHECKING:
    from safeplan.tui.app import SafeplanApp

UNEXPECTED = SafeplanError(
    "Your last change could not be saved.",
    "It is still on screen. safeplan will try again with your next change.",
)


class Saver:
    def __init__(self, app: SafeplanApp) -> None:
        self.app = app
        self._running = False
        self._pending = False
        self._idle = asyncio.Event()
        self._idle.set()
        self.last_error: SafeplanError | None = None
        self.saves = 0

    @property
    def busy(self) -> bool:
        return self._running or self._pending

    def request(self) -> None:
        store = self.app.session.store
        if store is None:
            return
        self._idle.clear()
        if self._running:
            self._pending = True
            return
        self._start(store)

    def _start(self, store: Store) -> None:
        self._running = True
        self.app.run_worker(
            lambda: self._save_blocking(store),
            name="save",
            group="save",
            thread=True,
            exit_on_error=False,
        )

    def _save_blocking(self, store: Store) -> None:
        error: SafeplanError | None = None
        try:
            store.save()
        except SafeplanError as exc:
            error = exc
        except Exception:  # noqa: BLE001 - never a traceback on screen; the words stay in memory
            error = UNEXPECTED
        # RuntimeError: the app has already stopped, so there is nobody left to tell.
        with contextlib.suppress(RuntimeError):
            self.app.call_from_thread(self._finished, store, error)

    def _finished(self, store: Store, error: SafeplanError | None) -> None:
        self._running = False
        self.last_error = error
        if error is None:
            self.saves += 1
        if error is not None:
            self.app.notify(
                f"{error.message} {error.hint}", title="Not saved yet", severity="warning"
            )
        for screen in self.app.screen_stack:
            screen.post_message(SaveFinished(error))
        if self._pending and self.app.session.store is store:
            self._pending = False
            self._start(store)
        else:
            self._pending = False
            self._idle.set()

    async def flush(self) -> SafeplanError | None:
        """Wait until every requested save has finished; the last error, if any."""
        await self._idle.wait()
        return self.last_error
