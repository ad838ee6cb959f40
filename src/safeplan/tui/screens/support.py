"""The hard-moment screen: what :mod:`safeplan.core.hard_moments` offers, drawn for the app.

Shown at once after a check-in at or above the person's threshold (or a low mood), and after a
PHQ-9 item 9 answer above 0: warm words, what to call in danger and one crisis line, the plan's
own coping steps, people and professionals, then crisis lines, the most important part inside the
first 20 rows at 80x24. Nothing is required: Enter or Escape goes back. The idle lock never fires
while it is open (``PAUSES_IDLE_LOCK``)."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.events import Resize
from textual.widgets import Static

from safeplan.core import hard_moments
from safeplan.tui import menu
from safeplan.tui.screens.base import SafeplanScreen
from safeplan.tui.screens.log_form import FORM_CSS
from safeplan.tui.widgets.footer import KeysFooter

WALKTHROUGH = "safeplan.tui.screens.walkthrough:WalkthroughScreen"

APP_HINTS = hard_moments.Hints(
    help="press g",
    plan="Press w to go through your plan one step at a time",
    country="press g, then c",
)


def offer_lines(offer: hard_moments.Offer, width: int) -> list[str]:
    """The offer as the app shows it (the same words as the CLI, with the app's keys)."""
    return hard_moments.lines(offer, APP_HINTS, width)


class SupportScreen(SafeplanScreen[None]):
    """What to offer now. ``offer`` defaults to the full support for the session's plan."""

    PAUSES_IDLE_LOCK: ClassVar[bool] = True
    DEFAULT_CSS = FORM_CSS
    BINDINGS = [
        Binding("escape,enter", "close", "Back", id="support-back"),
        Binding("g", "app.get_help", "All crisis lines", id="support-help"),
        Binding("w", "walkthrough", "Use my plan", id="support-walkthrough"),
    ]

    def __init__(self, offer: hard_moments.Offer | None = None, *, note: str = "") -> None:
        """``note``: one line above the offer, such as "Saved your check-in."."""
        super().__init__()
        self.offer = offer
        self.note = note

    def _offer(self) -> hard_moments.Offer:
        if self.offer is None:
            self.offer = hard_moments.offer("support", self.session.payload, self.session.country())
        return self.offer

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="log-form", id="support-body"):
            if self.note:
                yield Static(self.note, id="support-note", classes="hint", markup=False)
            yield Static(id="support-offer", markup=False)
        yield KeysFooter()

    def on_mount(self) -> None:
        self._show_offer()
        self.query_one("#support-body").focus()

    def on_resize(self, event: Resize) -> None:
        self._show_offer()

    def _show_offer(self) -> None:
        width = max(30, self.app.size.width - 6)
        self.query_one("#support-offer", Static).update(
            "\n".join(offer_lines(self._offer(), width))
        )

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "walkthrough":
            return (not self._offer().empty_plan and menu.available(WALKTHROUGH)) or None
        return True

    def action_walkthrough(self) -> None:
        self.app.switch_screen(menu.build(WALKTHROUGH))

    def action_close(self) -> None:
        self.dismiss(None)
