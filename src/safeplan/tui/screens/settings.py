"""Settings, kept in the vault: how safeplan looks, where crisis help is for, privacy, what it
remembers, when a check-in gently offers the plan, and the regular medicines every use entry is
checked against. Every change is saved at once."""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Horizontal, VerticalScroll
from textual.widgets import Button, Input, Select, Static

from safeplan.tui import help_source
from safeplan.tui.idle import PAUSED_ON
from safeplan.tui.screens.base import SafeplanScreen
from safeplan.tui.screens.confirm import ConfirmDialog
from safeplan.tui.screens.help import CountryPicker
from safeplan.tui.themes import THEME_LABELS
from safeplan.tui.widgets.fields import TextField
from safeplan.tui.widgets.footer import KeysFooter
from safeplan.tui.widgets.on_off import OnOff

# (field, label, lowest, highest) for the number boxes.
NUMBERS: tuple[tuple[str, str, int, int], ...] = (
    ("idle_lock_minutes", "Lock after this many idle minutes (0 = never)", 0, 24 * 60),
    ("review_nudge_days", "Suggest looking over my plan after (days)", 1, 3650),
    ("checkin_nudge_days", "Suggest a check-in after this many quiet days (0 = never)", 0, 365),
    ("hard_checkin_threshold", "Offer my plan when thoughts or urges reach (0-10)", 0, 10),
    ("low_mood_threshold", "Offer my plan when mood is at or below (0-10)", 0, 10),
)
SWITCHES: tuple[tuple[str, str], ...] = (
    ("neutral_title", "Neutral window title (shows “Notes”)"),
    ("lock_screen_help", "Show crisis help on the lock screen"),
    ("remember_what_helped", "Remember what helped when I use my plan"),
    ("harm_reduction_tips", "Show harm-reduction tips when I log use"),
    ("review_after_use_nudge", "Offer to look over my plan after I use it"),
    ("selfcheck_nudge", "Say when a self-check is due"),
)


class SettingsScreen(SafeplanScreen[None]):
    AUTO_FOCUS = "#theme"
    BINDINGS = [Binding("escape", "back", "Home", id="settings-home")]

    def compose(self) -> ComposeResult:
        yield Static("Settings", classes="screen-title", id="settings-title")
        with VerticalScroll(id="settings-body"):
            yield from self._grid()
        yield Static("", id="settings-status", classes="status", markup=False)
        with Horizontal(classes="button-row", id="settings-buttons"):
            yield Button("Forget what helped so far", id="forget-helped")
            yield Button("Home", id="settings-home-button")
        yield KeysFooter()

    def _grid(self) -> ComposeResult:
        settings = self.session.settings
        with Grid(id="settings-grid"):
            yield Static("Colours", classes="field-label")
            yield Select(
                [(label, name) for name, label in THEME_LABELS.items()],
                value=settings.theme if settings.theme in THEME_LABELS else Select.NULL,
                prompt="Colours",
                id="theme",
                compact=True,
            )
            yield Static("Crisis help for", classes="field-label")
            yield Button(self._country_label(), id="country", compact=True)
            for name, label in SWITCHES:
                yield Static(label, classes="field-label")
                yield OnOff(getattr(settings, name), id=name)
            for name, label, _, _ in NUMBERS:
                yield Static(label, classes="field-label")
                yield TextField(str(getattr(settings, name)), id=name, restrict=r"\d{0,4}")
                if name == "idle_lock_minutes":
                    yield Static(PAUSED_ON, id="idle-lock-note", classes="field-label")
                    yield Static("")
            yield Static(
                "My regular medicines, checked against what I log (commas between)",
                classes="field-label",
            )
            yield TextField(
                ", ".join(settings.regular_medicines),
                id="regular_medicines",
                placeholder="none (for example: sertraline, lithium)",
            )

    def _country_label(self) -> str:
        return help_source.place(self.session.country())

    def _set(self, name: str, value: Any) -> None:
        settings = self.session.settings
        if getattr(settings, name) == value:
            return
        setattr(settings, name, value)
        self.request_save()
        self.query_one("#settings-status", Static).update("Saved.")

    @on(Select.Changed, "#theme")
    def _theme(self, event: Select.Changed) -> None:
        # Select posts Changed as it mounts too: "Saved." only for a real change.
        if isinstance(event.value, str) and event.value != self.app.theme:
            self.app.theme = event.value  # kept in the vault by the app's theme watcher
            self.query_one("#settings-status", Static).update("Saved.")

    @on(OnOff.Changed)
    def _switch(self, event: OnOff.Changed) -> None:
        name = event.switch.id or ""
        if name == "remember_what_helped":  # a choice made here answers the walk-through's question
            self.session.settings.remember_what_helped_asked = True
        self._set(name, event.value)
        if name == "neutral_title":
            self.sp.apply_settings()

    def _number(self, field: Input, keep: bool) -> None:
        """Check a number box as it is typed; keep it on enter or on leaving the box."""
        for name, _label, low, high in NUMBERS:
            if field.id != name:
                continue
            if field.value.isdigit() and low <= int(field.value) <= high:
                if keep:
                    self._set(name, int(field.value))
                else:
                    self.query_one("#settings-status", Static).update("")
            else:
                self.query_one("#settings-status", Static).update(
                    f"That box takes a number from {low} to {high}. It was not changed yet."
                )

    @on(TextField.Changed)
    def _number_typed(self, event: TextField.Changed) -> None:
        self._number(event.input, keep=False)

    @on(TextField.Submitted)
    @on(TextField.Blurred)
    def _number_done(self, event: TextField.Submitted | TextField.Blurred) -> None:
        self._number(event.input, keep=True)

    def commit_draft(self) -> None:
        """Quitting or locking while a box is being typed in: keep it if it is valid."""
        for field in self.query(TextField):
            self._number(field, keep=True)
        self._medicines()

    @on(TextField.Submitted, "#regular_medicines")
    @on(TextField.Blurred, "#regular_medicines")
    def _medicines(self) -> None:
        """Keep the regular medicines (an opt-in list, empty by default)."""
        from safeplan.core.substances import MAX_REGULAR, parse_names

        try:
            names = parse_names(self.query_one("#regular_medicines", TextField).value)
        except ValueError:
            self.query_one("#settings-status", Static).update(
                f"Up to {MAX_REGULAR} medicines, each up to 200 characters. Not changed yet."
            )
            return
        self._set("regular_medicines", names)

    @on(Button.Pressed, "#country")
    def _country(self) -> None:
        self.app.push_screen(CountryPicker(self.session.country()), self._country_chosen)

    def _country_chosen(self, country: str | None) -> None:
        if country:
            # The vault's setting and the country kept for before unlocking agree.
            self.sp.keep_country(self.session.choose_country(country))
            self.request_save()
            self.query_one("#settings-status", Static).update("Saved.")
            self.query_one("#country", Button).label = self._country_label()

    @on(Button.Pressed, "#forget-helped")
    def _forget(self) -> None:
        count = len(self.session.payload.plan_uses)
        self.app.push_screen(
            ConfirmDialog(
                "Forget what helped so far?",
                f"safeplan has kept {count} time(s) you used your plan, and what helped. "
                "Your plan itself stays as it is.",
                [("keep", "Keep them"), ("forget", "Forget them")],
            ),
            self._forget_answer,
        )

    def _forget_answer(self, answer: str | None) -> None:
        if answer == "forget":
            self.session.payload.plan_uses.clear()
            self.request_save()
            self.query_one("#settings-status", Static).update("Forgotten. Your plan is unchanged.")

    @on(Button.Pressed, "#settings-home-button")
    def _home(self) -> None:
        self.action_back()

    def action_back(self) -> None:
        self.dismiss(None)
