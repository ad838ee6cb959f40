"""What is left on screen after "hide" when there is no passphrase to lock with (the demo)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Static

from safeplan.tui.screens.base import SafeplanScreen
from safeplan.tui.widgets.footer import KeysFooter


class HiddenScreen(SafeplanScreen[None]):
    BINDINGS = [Binding("enter", "back", "Come back", id="hidden-back")]

    def compose(self) -> ComposeResult:
        yield Static("Press enter to continue.", classes="screen-title")
        yield KeysFooter()

    def action_back(self) -> None:
        self.sp.show_home()
