"""A short question with a few answers, as buttons (keyboard: tab and enter; or a click)."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Static

from safeplan.tui.screens.base import SafeplanModal
from safeplan.tui.widgets.footer import KeysFooter


class ConfirmDialog(SafeplanModal[str | None]):
    """Returns the id of the chosen answer, or None on escape."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="confirm-cancel"),
        Binding("up,left", "app.focus_previous", show=False),
        Binding("down,right", "app.focus_next", show=False),
    ]

    def __init__(
        self, question: str, detail: str, answers: list[tuple[str, str]], *, stacked: bool = False
    ) -> None:
        super().__init__()
        self.stacked = stacked
        self.question = question
        self.detail = detail
        self.answers = answers

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.question, classes="section-title", markup=False)
            if self.detail:
                yield Static(self.detail, markup=False)
            with (Vertical if self.stacked else Horizontal)(classes="button-row"):
                for number, (answer_id, label) in enumerate(self.answers):
                    yield Button(
                        label, id=answer_id, variant="primary" if number == 0 else "default"
                    )
        yield KeysFooter()

    def on_mount(self) -> None:
        self.query_one(Button).focus()

    @on(Button.Pressed)
    def _answered(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
