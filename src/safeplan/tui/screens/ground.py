"""Ground: 5-4-3-2-1, one sense at a time, with a box to type in if the person wants. Nothing typed
is kept. Enter goes to the next sense; Escape goes back."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, Static

from safeplan.core.moment.ground import GROUND_END, GROUND_INTRO, GROUND_STEPS
from safeplan.tui.screens.base import SafeplanScreen
from safeplan.tui.widgets.footer import KeysFooter


class GroundScreen(SafeplanScreen[None]):
    CSS_PATH = "../styles/moment.tcss"
    PAUSES_IDLE_LOCK = True
    BINDINGS = [Binding("escape", "close", "Back", id="ground-back")]

    def __init__(self) -> None:
        super().__init__()
        self.step = 0

    def compose(self) -> ComposeResult:
        with Vertical(classes="moment-body"):
            yield Static("Ground yourself: 5-4-3-2-1", classes="screen-title")
            yield Static(GROUND_INTRO, classes="moment-text")
            yield Static("", id="ground-prompt", classes="moment-big")
            yield Static("", id="ground-hint", classes="moment-quiet")
            yield Input(placeholder="Type here if you like, or just press Enter", id="ground-input")
        yield KeysFooter()

    def on_mount(self) -> None:
        self._show()
        self.query_one("#ground-input", Input).focus()

    def _show(self) -> None:
        s = GROUND_STEPS[self.step]
        self.query_one("#ground-prompt", Static).update(f"{s.count}. {s.prompt}")
        self.query_one("#ground-hint", Static).update(f"{s.hint} Enter for the next one.")

    @on(Input.Submitted, "#ground-input")
    def _next(self) -> None:
        box = self.query_one("#ground-input", Input)
        box.value = ""  # nothing typed is kept
        if self.step >= len(GROUND_STEPS):
            self.dismiss(None)
            return
        self.step += 1
        if self.step < len(GROUND_STEPS):
            self._show()
            return
        self.query_one("#ground-prompt", Static).update(GROUND_END)
        self.query_one("#ground-hint", Static).update("Enter or Escape goes back.")
        box.display = False
        self.focus()

    def on_key(self, event: object) -> None:
        key = getattr(event, "key", "")
        if self.step >= len(GROUND_STEPS) and key == "enter":
            self.dismiss(None)

    def action_close(self) -> None:
        self.dismiss(None)
