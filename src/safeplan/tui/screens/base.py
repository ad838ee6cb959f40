"""The base every safeplan screen shares: a typed way to reach the app and the session."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, TypeVar, cast

from textual.await_complete import AwaitComplete
from textual.binding import Binding
from textual.screen import ModalScreen, Screen

from safeplan.tui.session import Session

if TYPE_CHECKING:
    from safeplan.tui.app import SafeplanApp

ResultT = TypeVar("ResultT")


def _dismiss_if_active(screen: Screen[ResultT], result: ResultT | None) -> AwaitComplete | None:
    """Textual's dismiss() pops whatever screen is on top. A key typed ahead can reach a screen just
    after another was opened over it (or twice, after it already closed); popping then would close
    the wrong screen, down to an empty stack. Only the screen on top may close itself."""
    if not screen.is_active:
        return None
    return Screen.dismiss(screen, result)


class SafeplanScreen(Screen[ResultT]):
    """A full screen. ``self.session`` is what the app holds; ``self.sp`` is the app itself."""

    PAUSES_IDLE_LOCK: ClassVar[bool] = False
    """True for screens a person may leave open in a hard moment (use my plan now, get help, a
    hard-moment offer): the idle lock never fires while one is open (see tui/idle.py)."""

    def dismiss(self, result: ResultT | None = None) -> AwaitComplete:
        return _dismiss_if_active(self, result) or AwaitComplete()

    @property
    def sp(self) -> SafeplanApp:
        return cast("SafeplanApp", self.app)

    @property
    def session(self) -> Session:
        return self.sp.session

    def request_save(self) -> None:
        """Save the vault off the UI thread (after a committed change)."""
        self.sp.saver.request()


class SafeplanModal(ModalScreen[ResultT]):
    """A dialog. Textual hides the app's keys from a modal's footer; these show them again (the app
    still handles them first, as priority bindings)."""

    PAUSES_IDLE_LOCK: ClassVar[bool] = False
    """As for :class:`SafeplanScreen`."""

    BINDINGS = [
        Binding("ctrl+g", "app.get_help", "Get help", priority=True),
        Binding("ctrl+l", "app.hide", "Hide", priority=True),
        Binding("ctrl+q", "app.quit", "Quit", priority=True),
    ]

    def dismiss(self, result: ResultT | None = None) -> AwaitComplete:
        return _dismiss_if_active(self, result) or AwaitComplete()

    @property
    def sp(self) -> SafeplanApp:
        return cast("SafeplanApp", self.app)

    @property
    def session(self) -> Session:
        return self.sp.session
