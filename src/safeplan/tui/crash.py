"""When something unexpected breaks inside the app: never a traceback on screen.

Textual's default prints a traceback *with local variables*, which can hold what a person wrote.
Instead safeplan keeps what it can (words typed in an open form, then one last save of the vault),
writes a report without personal data, and says calmly what happened and where help is.
"""

from __future__ import annotations

import contextlib

from rich.text import Text
from textual.app import App

from safeplan.core.crash import write_crash_report

CALM_EXIT = (
    "safeplan stopped because something went wrong that it did not expect.\n"
    "{saved}\n"
    "{report}"
    "If you need help right now, run `safeplan crisis`."
)


class CalmCrash(App[int]):
    """Mixin for the app: replaces Textual's fatal-error traceback with a calm message."""

    def _handle_exception(self, error: Exception) -> None:
        self._return_code = 1
        if self._exception is None:  # Pilot re-raises it for the tests
            self._exception = error
            self._exception_event.set()
        self._fatal_error()

    def _fatal_error(self) -> None:
        saved = self._last_chance_save()
        report = write_crash_report(self._exception) if self._exception is not None else None
        self.bell()
        self._exit_renderables.append(
            Text(
                CALM_EXIT.format(
                    saved=saved,
                    report=(
                        f"A report without any personal words was written to {report}.\n"
                        if report
                        else ""
                    ),
                )
            )
        )
        self._close_messages_no_wait()

    def _last_chance_save(self) -> str:
        session = getattr(self, "session", None)
        store = getattr(session, "store", None)
        if store is None or not store.persistent:
            return "Nothing was written to disk."
        with contextlib.suppress(Exception):
            commit = getattr(self, "_commit_drafts", None)
            if commit is not None:
                commit()
        try:
            store.save()
            store.close()
        except Exception:  # noqa: BLE001 - the vault on disk is still the last good save
            return "Your last saved changes are safe in your vault."
        return "Everything you wrote was saved in your vault."
