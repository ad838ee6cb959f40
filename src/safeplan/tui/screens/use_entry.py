"""Log use: what, how much, how, where, with whom, and the safer-use facts that matter (alone;
naloxone for opioids and unknown supply; tested where testing tells you something). Suggestions
while typing the substance, with its class. After saving: a calm note
when entries close in time make a risky mix (with its source; an unlisted pair is "not known", never
"safe"), and safer-use ideas offered as choices the person can add to their own plan, or turn off.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, VerticalScroll
from textual.suggester import SuggestFromList
from textual.widgets import Input, Select, Static

from safeplan.core import checkins, substances
from safeplan.core.combinations import check_combinations
from safeplan.core.harm_reduction import SAFER_USE_QUESTIONS, asks_about, tips_for
from safeplan.core.models import UseEntry
from safeplan.tui.screens.log_form import FORM_CSS, LogFormScreen, number_text, read_number
from safeplan.tui.screens.use_saved import UseSavedScreen
from safeplan.tui.widgets.fields import TextField
from safeplan.tui.widgets.footer import KeysFooter

USE_HINT = "Without judgment. Only the substance is needed; Enter saves, Tab moves on."
YES_NO: list[tuple[str, bool]] = [("yes", True), ("no", False)]
NOT_SAID = "not said"


def class_words(substance: str, chosen: str) -> str:
    """What safeplan knows about the name, for the line above the boxes."""
    if not substance.strip():
        return ""
    cls = substances.resolve_class(substance, chosen)
    found = substances.lookup(substance)
    if found is not None and not chosen:
        label = substances.class_label(found.cls)
        name = substances.normalize(found.name)
        # "wine: known as alcohol", never "known as alcohol (alcohol)"
        plain = name in (substances.normalize(substance), substances.normalize(label))
        return f"known as {label}" if plain else f"known as {found.name} ({label})"
    if cls:
        return f"class {substances.class_label(cls)}"
    return "not in safeplan's list; choose a class below if you like"


class UseEntryScreen(LogFormScreen[UseEntry]):
    """A new use entry, or (with ``entry``) a change to an earlier one."""

    PREFIX = "use"
    KIND = "use entry"
    REQUIRED = "substance"
    REQUIRED_WORDS = "What you used is the one thing needed."

    DEFAULT_CSS = (
        FORM_CSS
        + """
    #use-known {
        color: $text-muted;
        height: auto;
        min-height: 1;
    }
    """
    )
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="use-cancel"),
        Binding("ctrl+s", "save", "Save", id="use-save"),
    ]

    def compose(self) -> ComposeResult:
        e = self.entry
        known_class = e.substance_class if e and e.substance_class in substances.classes() else ""
        with VerticalScroll(classes="log-form", id="use-form"):
            yield Static("Change this use entry" if e else "Log use", classes="screen-title")
            yield Static(USE_HINT, id="use-known", classes="hint", markup=False)
            with Grid(classes="log-grid"):
                yield Static("What (name or street name)", classes="field-label")
                yield TextField(
                    e.substance if e else "",
                    id="substance",
                    suggester=SuggestFromList(substances.suggestion_words(), case_sensitive=False),
                )
                yield Static("Class", classes="field-label")
                yield Select(
                    [(substances.class_label(k), k) for k in substances.CLASS_KEYS],
                    prompt="from name",  # short enough for a 60-column terminal
                    value=known_class or Select.NULL,
                    id="substance_class",
                    compact=True,
                )
                yield Static("How much (a number)", classes="field-label")
                amount = number_text(e.amount if e else None)
                yield TextField(amount, id="amount", restrict=r"[0-9]*[.,]?[0-9]*")
                yield Static("Unit (drinks, mg, pills...)", classes="field-label")
                yield TextField(e.unit if e else "", id="unit")
                yield Static("How (drank, smoked...)", classes="field-label")
                yield TextField(e.route if e else "", id="route")
                yield Static("Where", classes="field-label")
                yield TextField(e.setting if e else "", id="setting")
                for name, label in (
                    ("used_alone", "Were you alone?"),
                    ("naloxone_at_hand", "Naloxone at hand?"),
                    ("tested", "Tested first?"),
                ):
                    value = getattr(e, name) if e else None
                    yield Static(label, classes="field-label", id=f"{name}-label")
                    yield Select(
                        YES_NO,
                        prompt=NOT_SAID,
                        value=Select.NULL if value is None else value,
                        id=name,
                        compact=True,
                    )
                yield Static("With whom", classes="field-label")
                yield TextField(e.with_whom if e else "", id="with_whom")
                yield Static("Note", classes="field-label")
                yield TextField(e.note if e else "", id="note")
                yield from self.when_box()
            yield from self.form_end()
        yield KeysFooter()

    def on_mount(self) -> None:
        super().on_mount()
        self._show_known()

    @on(Input.Changed, "#substance")
    @on(Select.Changed, "#substance_class")
    def _show_known(self) -> None:
        words = class_words(self._text("substance"), self._chosen_class())
        self.query_one("#use-known", Static).update(
            f"{self._text('substance')}: {words}." if words else USE_HINT
        )
        # Ask about naloxone and testing only where they fit (an answer already given stays).
        asked = asks_about(self._text("substance"), self._chosen_class())
        for name in SAFER_USE_QUESTIONS:
            shown = name in asked or self._flag(name) is not None
            self.query_one(f"#{name}-label").display = shown
            self.query_one(f"#{name}", Select).display = shown

    def _chosen_class(self) -> str:
        value = self.query_one("#substance_class", Select).value
        return value if isinstance(value, str) else ""

    def _flag(self, name: str) -> bool | None:
        value = self.query_one(f"#{name}", Select).value
        return value if isinstance(value, bool) else None

    def values(self) -> dict[str, Any]:
        return {
            "substance": self._text("substance"),
            "substance_class": self._chosen_class(),
            "amount": read_number(self._text("amount")),
            "unit": self._text("unit"),
            "route": self._text("route"),
            "setting": self._text("setting"),
            "used_alone": self._flag("used_alone"),
            "naloxone_at_hand": self._flag("naloxone_at_hand"),
            "tested": self._flag("tested"),
            "with_whom": self._text("with_whom"),
            "note": self._text("note"),
        }

    def create(self, at: datetime | None, values: dict[str, Any]) -> UseEntry:
        return checkins.new_use_entry(at=at, **values)

    def show_next(self, entry: UseEntry) -> None:
        payload = self.session.payload
        notes = check_combinations(
            payload.use_entries, entry, regular=payload.settings.regular_medicines
        )
        tips = tips_for(entry, payload, notes, country=self.session.country())
        self.app.switch_screen(UseSavedScreen(entry, notes, tips))
