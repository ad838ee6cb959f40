"""The hope box: things worth holding on to, kept in the vault. ``a`` adds (what kind, then the
words), ``d`` takes the chosen one out after asking, Escape goes back. Saving runs off the UI
thread (the app's saver)."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from safeplan.core.hope import EMPTY, KIND_LABELS, KINDS, add_item, item_text, remove_item
from safeplan.core.vault_base import HopeKind
from safeplan.tui.screens.base import SafeplanScreen
from safeplan.tui.screens.confirm import ConfirmDialog
from safeplan.tui.widgets.footer import KeysFooter


class HopeScreen(SafeplanScreen[None]):
    CSS_PATH = "../styles/moment.tcss"
    BINDINGS = [
        Binding("a", "add", "Add", id="hope-add"),
        Binding("d", "remove", "Take out", id="hope-remove"),
        Binding("escape", "close", "Back", id="hope-back"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.adding: HopeKind | None = None
        self.said: str | None = None
        """The words of a "said" item while asking who said them."""

    def compose(self) -> ComposeResult:
        with Vertical(classes="moment-body"):
            yield Static("My hope box", classes="screen-title")
            yield Static("", id="hope-empty", classes="moment-text")
            yield OptionList(id="hope-list")
            yield Static("", id="hope-ask", classes="moment-big")
            yield OptionList(*[Option(label, id=k) for k, label in KINDS], id="hope-kinds")
            yield Input(placeholder="In your own words, then Enter", id="hope-input")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.query_one("#hope-kinds", OptionList).display = False
        self.query_one("#hope-input", Input).display = False
        self._fill()

    def _ask(self, words: str) -> None:
        ask = self.query_one("#hope-ask", Static)
        ask.update(words)
        ask.display = bool(words)

    def _fill(self) -> None:
        self._ask("")
        box = self.session.payload.hope_box
        listing = self.query_one("#hope-list", OptionList)
        listing.clear_options()
        listing.add_options(
            [Option(f"{KIND_LABELS[i.kind]}: {item_text(i)}", id=i.id) for i in box]
        )
        empty = self.query_one("#hope-empty", Static)
        empty.update(EMPTY + " Press a to add something." if not box else "")
        empty.display = not box
        listing.display = bool(box)
        if box:
            listing.highlighted = len(box) - 1
            listing.focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "remove":
            return bool(self.session.payload.hope_box) and self.adding is None
        if action == "add":
            return self.adding is None
        return True

    def action_add(self) -> None:
        kinds = self.query_one("#hope-kinds", OptionList)
        self._ask("What would you like to keep? (Escape to stop)")
        kinds.display = True
        kinds.highlighted = 0
        kinds.focus()

    @on(OptionList.OptionSelected, "#hope-kinds")
    def _kind(self, event: OptionList.OptionSelected) -> None:
        kind: HopeKind = event.option.id  # type: ignore[assignment]
        self.adding = kind
        self.query_one("#hope-kinds", OptionList).display = False
        self._ask(f"{KIND_LABELS[kind]}: write it in your own words, then Enter.")
        box = self.query_one("#hope-input", Input)
        box.value = ""
        box.display = True
        box.focus()
        self.refresh_bindings()

    @on(Input.Submitted, "#hope-input")
    def _save(self, event: Input.Submitted) -> None:
        words = event.value.strip()
        if self.adding == "said" and words and self.said is None:
            self.said = words  # then: who said it (optional)
            event.input.value = ""
            self._ask("Who said it? Enter on an empty box leaves it out.")
            return
        if self.said is not None:
            add_item(self.session.payload, "said", self.said, who=words)
            self.request_save()
        elif self.adding is not None and words:
            add_item(self.session.payload, self.adding, words)
            self.request_save()
        self.adding = None
        self.said = None
        event.input.display = False
        self._fill()
        self.refresh_bindings()

    def action_remove(self) -> None:
        listing = self.query_one("#hope-list", OptionList)
        if listing.highlighted is None:
            return
        item = self.session.payload.hope_box[listing.highlighted]

        def done(answer: str | None) -> None:
            if answer == "remove":
                remove_item(self.session.payload, item.id)
                self.request_save()
                self._fill()

        question = f"Take “{item_text(item)[:50]}” out of your hope box?"
        answers = [("keep", "Keep it"), ("remove", "Take it out")]
        self.app.push_screen(ConfirmDialog(question, "", answers), done)

    def action_close(self) -> None:
        if self.adding is not None or self.query_one("#hope-kinds", OptionList).display:
            self.adding = None
            self.said = None
            self.query_one("#hope-kinds", OptionList).display = False
            self.query_one("#hope-input", Input).display = False
            self._fill()
            self.refresh_bindings()
            return
        self.dismiss(None)
