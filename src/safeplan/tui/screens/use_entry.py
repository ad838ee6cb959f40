"""Log use: what, how much, how, where, with whom, and the safer-use facts that matter (alone,
naloxone, tested). Suggestions while typing the substance, with its class. After saving: a calm note
when entries close in time make a risky mix (with its source; an unlisted pair is "not known", never
"safe"), and safer-use ideas offered as choices the person can add to their own plan, or turn off.
"""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Horizontal, VerticalScroll
from textual.suggester import SuggestFromList
from textual.widgets import Button, Checkbox, Input, Select, Static

from safeplan.core import checkins, substances
from safeplan.core.combinations import RISK_WORDS, CombinationNote, check_combinations
from safeplan.core.errors import SafeplanError
from safeplan.core.harm_reduction import Strategy, tips_for
from safeplan.core.models import UseEntry, now
from safeplan.tui.screens.base import SafeplanScreen
from safeplan.tui.screens.checkin import (
    FORM_CSS,
    PlainCheckbox,
    problem_words,
    read_time,
    time_text,
)
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
        same = substances.normalize(found.name) == substances.normalize(substance)
        return f"known as {label}" if same else f"known as {found.name} ({label})"
    if cls:
        return f"class {substances.class_label(cls)}"
    return "not in safeplan's list; choose a class below if you like"


class UseEntryScreen(SafeplanScreen[None]):
    """A new use entry, or (with ``entry``) a change to an earlier one."""

    DEFAULT_CSS = (
        FORM_CSS
        + """
    #use-known {
        color: $text-muted;
        height: 1;
    }
    """
    )
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="use-cancel"),
        Binding("ctrl+s", "save", "Save", id="use-save"),
    ]

    def __init__(self, entry: UseEntry | None = None) -> None:
        super().__init__()
        self.entry = entry

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
                    prompt="from the name",
                    value=known_class or Select.NULL,
                    id="substance_class",
                    compact=True,
                )
                yield Static("How much (a number)", classes="field-label")
                amount = "" if e is None or e.amount is None else f"{e.amount:g}"
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
                    yield Static(label, classes="field-label")
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
                yield Static("When (now, 2h ago, yesterday 21:00)", classes="field-label")
                yield TextField(time_text(e.at) if e else "now", id="at")
            yield Static("", id="use-status", classes="status", markup=False)
            with Horizontal(classes="button-row"):
                yield Button("Save", id="use-save-button", variant="primary", compact=True)
                yield Button("Cancel", id="use-cancel-button", compact=True)
        yield KeysFooter()

    def on_mount(self) -> None:
        self.query_one("#substance", TextField).focus()
        self._show_known()

    @on(Input.Changed, "#substance")
    @on(Select.Changed, "#substance_class")
    def _show_known(self) -> None:
        words = class_words(self._text("substance"), self._chosen_class())
        self.query_one("#use-known", Static).update(
            f"{self._text('substance')}: {words}." if words else USE_HINT
        )

    def _text(self, name: str) -> str:
        return self.query_one(f"#{name}", Input).value.strip()

    def _chosen_class(self) -> str:
        value = self.query_one("#substance_class", Select).value
        return value if isinstance(value, str) else ""

    def _flag(self, name: str) -> bool | None:
        value = self.query_one(f"#{name}", Select).value
        return value if isinstance(value, bool) else None

    def values(self) -> dict[str, Any]:
        amount = self._text("amount").replace(",", ".")
        return {
            "substance": self._text("substance"),
            "substance_class": self._chosen_class(),
            "amount": float(amount) if amount and amount != "." else None,
            "unit": self._text("unit"),
            "route": self._text("route"),
            "setting": self._text("setting"),
            "used_alone": self._flag("used_alone"),
            "naloxone_at_hand": self._flag("naloxone_at_hand"),
            "tested": self._flag("tested"),
            "with_whom": self._text("with_whom"),
            "note": self._text("note"),
        }

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if event.input.value.strip() or event.input.id == "substance":
            self.action_save()
        else:
            self.focus_next()

    @on(Button.Pressed, "#use-save-button")
    def action_save(self) -> None:
        status = self.query_one("#use-status", Static)
        values = self.values()
        if not values["substance"]:
            status.update("What you used is the one thing needed.")
            self.query_one("#substance", TextField).focus()
            return
        payload = self.session.payload
        try:
            at = read_time(self._text("at"), self.entry.at if self.entry else None)
            if self.entry is None:
                entry = checkins.new_use_entry(at=at, **values)
            else:
                changes = {**values, "at": at or self.entry.at}
                edited = checkins.edit_entry(payload, self.entry.id, changes)
        except SafeplanError as problem:
            status.update(problem_words(problem))
            return
        if self.entry is not None:
            self.request_save()
            self.dismiss(None)
            self.sp.notify(
                f"Changed the use entry from {edited.at:%a %d %b, %H:%M}.", title="Saved"
            )
            return
        checkins.add_use_entry(payload, entry)
        self.request_save()
        notes = check_combinations(payload.use_entries, entry)
        self.app.switch_screen(UseSavedScreen(entry, notes, tips_for(entry, payload, notes)))

    @on(Button.Pressed, "#use-cancel-button")
    def action_cancel(self) -> None:
        self.dismiss(None)


def note_text(note: CombinationNote) -> str:
    lines = [f"{note.first} and {note.second}: {RISK_WORDS[note.risk]}.", note.text]
    if note.source is not None:
        lines.append(f"Source: {note.source.short()}, checked {note.verified}. {note.source.url}")
    return "\n".join(lines)


class UseSavedScreen(SafeplanScreen[None]):
    """Saved: the mixing notes, and ideas to take or leave (a tick adds one to my plan)."""

    DEFAULT_CSS = (
        FORM_CSS
        + """
    .mix-note {
        padding: 1 0 0 0;
    }
    .tip-text {
        padding: 0 0 0 4;
        color: $text-muted;
    }
    """
    )
    BINDINGS = [
        Binding("escape,enter", "home", "Home", id="use-saved-home"),
        Binding("o", "tips_off", "Ideas off", id="use-tips-off"),
    ]

    def __init__(self, entry: UseEntry, notes: list[CombinationNote], tips: list[Strategy]) -> None:
        super().__init__()
        self.entry = entry
        self.notes = notes
        self.tips = tips

    def compose(self) -> ComposeResult:
        chosen = set(self.session.payload.harm_reduction.strategies)
        with VerticalScroll(classes="log-form", id="use-saved"):
            yield Static("Saved", classes="screen-title")
            yield Static(
                f"{self.entry.at:%a %d %b, %H:%M}: {checkins.describe_use(self.entry)}.",
                markup=False,
            )
            known = [n for n in self.notes if n.known]
            unknown = [n for n in self.notes if not n.known]
            if known:
                yield Static("A note on mixing", classes="section-title")
                for note in known:
                    yield Static(note_text(note), classes="mix-note", markup=False)
            if unknown:
                pairs = "; ".join(f"{n.first} and {n.second}" for n in unknown)
                yield Static(
                    f"Not in safeplan's table: {pairs}. {unknown[0].text}",
                    classes="mix-note",
                    markup=False,
                )
            if self.tips:
                yield Static("Ideas to take or leave", classes="section-title")
                yield Static("Tick one to add it to your harm-reduction plan.", classes="hint")
                for tip in self.tips:
                    yield PlainCheckbox(
                        tip.title, tip.key in chosen, id=f"tip-{tip.key}", compact=True
                    )
                    yield Static(
                        f"{tip.text}\nSource: {tip.source.short()}, checked {tip.verified}.",
                        classes="tip-text",
                        markup=False,
                    )
            with Horizontal(classes="button-row"):
                yield Button("Home", id="use-saved-home-button", variant="primary", compact=True)
                yield Button("Log another", id="use-another", compact=True)
                if self.tips:
                    yield Button("Turn ideas off", id="use-tips-off-button", compact=True)
        yield KeysFooter()

    def on_mount(self) -> None:
        self.query_one("#use-saved").focus()

    @on(Checkbox.Changed)
    def _tip_chosen(self, event: Checkbox.Changed) -> None:
        key = (event.checkbox.id or "").removeprefix("tip-")
        plan = self.session.payload.harm_reduction
        if event.value and key not in plan.strategies:
            plan.strategies = [*plan.strategies, key]
        elif not event.value and key in plan.strategies:
            plan.strategies = [k for k in plan.strategies if k != key]
        else:
            return
        plan.updated_at = now()
        self.request_save()

    def action_tips_off(self) -> None:
        self.session.payload.settings.harm_reduction_tips = False
        self.request_save()
        self.sp.notify(
            "Safer-use ideas are off. You can turn them on again in My harm-reduction plan."
        )
        self.dismiss(None)

    def action_home(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed)
    def _button(self, event: Button.Pressed) -> None:
        if event.button.id == "use-another":
            self.app.switch_screen(UseEntryScreen())
        elif event.button.id == "use-tips-off-button":
            self.action_tips_off()
        else:
            self.action_home()
