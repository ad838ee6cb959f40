"""If someone may be overdosing: the signs, the emergency number for the person's country, and the
numbered steps (naloxone, rescue breaths, the recovery position, stay), with the sources below.

Reached from Get help now (ctrl+g, even before unlocking) and offered with one key after a
dangerous or risky mix is logged. The words are the core's (:mod:`safeplan.core.overdose`), the same
as `safeplan overdose` and the printable card. The idle lock never fires while it is open.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.events import Resize
from textual.widgets import Button, Static

from safeplan.core.overdose import guide
from safeplan.tui.screens.base import SafeplanScreen
from safeplan.tui.widgets.footer import KeysFooter


class OverdoseScreen(SafeplanScreen[None]):
    PAUSES_IDLE_LOCK = True
    DEFAULT_CSS = """
    OverdoseScreen #overdose-call {
        text-style: bold;
        padding: 0 1;
    }
    OverdoseScreen #overdose-body {
        padding: 0 1;
    }
    """
    BINDINGS = [
        Binding("escape", "close", "Close", id="overdose-close"),
    ]

    def compose(self) -> ComposeResult:
        yield Static(id="overdose-call", markup=False)
        with VerticalScroll(id="overdose-scroll"):
            yield Static(id="overdose-body", markup=False)
        with Horizontal(classes="button-row"):
            yield Button("Close", id="overdose-close-button", variant="primary", compact=True)
        yield KeysFooter()

    def on_mount(self) -> None:
        self._show_steps()
        self.query_one("#overdose-scroll").focus()

    def on_resize(self, event: Resize) -> None:
        self._show_steps()

    def _show_steps(self) -> None:
        steps = guide(self.session.country())
        width = max(30, self.app.size.width - 4)
        lines = steps.lines(width)
        self.query_one("#overdose-call", Static).update(lines[0])
        self.query_one("#overdose-body", Static).update("\n".join(lines[2:]))

    def action_close(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#overdose-close-button")
    def _close_pressed(self) -> None:
        self.action_close()
