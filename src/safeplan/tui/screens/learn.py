"""Learn: the list of cards, and one card at a time (offline, with its sources and dates).

No vault is needed: the cards and the drug and alcohol lines are public facts. The country for
"where to get this" is the session's (see :mod:`safeplan.tui.session`)."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from safeplan.core.learn import NOT_ADVICE, TREATMENT, card, card_lines, cards, treatment_lines
from safeplan.tui.screens.base import SafeplanScreen
from safeplan.tui.widgets.footer import KeysFooter

CSS = "../styles/moment.tcss"


class LearnScreen(SafeplanScreen[None]):
    """The topics: Enter opens one, Escape goes back."""

    CSS_PATH = CSS
    BINDINGS = [Binding("escape", "close", "Back", id="learn-back")]

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="moment-body"):
            yield Static("Things worth knowing", classes="screen-title")
            yield Static(
                "Short cards in plain words. Each one says where its facts come from.",
                classes="moment-text",
            )
            options = [Option(c.title, id=c.key) for c in cards()]
            options.append(Option("Drug and alcohol lines and treatment finders", id=TREATMENT))
            yield OptionList(*options, id="learn-menu")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.query_one("#learn-menu", OptionList).focus()

    @on(OptionList.OptionSelected, "#learn-menu")
    def _open(self, event: OptionList.OptionSelected) -> None:
        key = event.option.id or ""
        self.app.push_screen(LearnCardScreen(key))

    def action_close(self) -> None:
        self.dismiss(None)


class LearnCardScreen(SafeplanScreen[None]):
    """One card, or the treatment lines. Arrows or PageUp/PageDown scroll; Escape goes back."""

    CSS_PATH = CSS
    BINDINGS = [Binding("escape", "close", "Back", id="learn-card-back")]

    def __init__(self, key: str) -> None:
        super().__init__()
        self.key = key

    def lines(self, width: int) -> list[str]:
        country = self.session.country()
        if self.key == TREATMENT:
            return treatment_lines(country, width)
        return [*card_lines(card(self.key), country, width), "", NOT_ADVICE]

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="moment-body", id="learn-card"):
            yield Static(id="learn-card-text", markup=False)
        yield KeysFooter()

    def on_mount(self) -> None:
        width = max(30, self.app.size.width - 6)
        self.query_one("#learn-card-text", Static).update("\n".join(self.lines(width)))
        self.query_one("#learn-card").focus()

    def action_close(self) -> None:
        self.dismiss(None)
