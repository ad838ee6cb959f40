"""Check in: mood first, then optional urges, sleep, tags and a note. Under 30 seconds by keyboard:
type the mood, press Enter, done. Tab (or Enter on an empty box) moves on; Enter on a filled box
saves. The save runs off the UI thread.

After a hard check-in (the person's own thresholds) the next screen gently offers what their plan
says (p) and crisis lines (g). Nothing is required and nothing blocks: Enter goes home.

This module also holds the pieces the other log screens share: the scale field, the form grid, the
"what your plan says" screen, and how an entry's time is shown and read.
"""

from __future__ import annotations

import textwrap
from datetime import datetime
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Checkbox, Input, Static

from safeplan.core import checkins, trends
from safeplan.core.errors import SafeplanError
from safeplan.core.models import CheckIn, VaultPayload
from safeplan.core.sections import SECTIONS, item_label, items_in
from safeplan.tui import help_source, menu
from safeplan.tui.screens.base import SafeplanScreen
from safeplan.tui.widgets.fields import TextField
from safeplan.tui.widgets.footer import KeysFooter

WALKTHROUGH = "safeplan.tui.screens.walkthrough:WalkthroughScreen"
TIME_FORMAT = "%Y-%m-%d %H:%M"

FORM_CSS = """
.log-form {
    padding: 0 2;
    height: 1fr;
}
.log-form .screen-title {
    padding: 0;
}
.log-grid {
    grid-size: 2;
    grid-columns: 38 1fr;
    grid-rows: 1;
    grid-gutter: 0 1;
    height: auto;
    margin: 1 0 0 0;
}
.log-grid .field-label {
    padding: 0;
}
.scale-field {
    width: 6;
}
.hint {
    color: $text-muted;
}
.log-form .button-row {
    padding: 1 0 0 0;
}
.log-form .status {
    padding: 0;
}
"""


class ScaleField(TextField):
    """A 0-10 box: one keystroke for 0-9, two for 10; anything else is not accepted."""

    def __init__(self, value: int | None = None, **kwargs: Any) -> None:
        super().__init__(
            "" if value is None else str(value),
            restrict=r"(10|[0-9])?",
            max_length=2,
            classes="scale-field",
            **kwargs,
        )


class PlainCheckbox(Checkbox):
    """A checkbox whose mark reads without colour: a tick when on, blank when off."""

    @property
    def _button(self) -> Content:
        self.BUTTON_INNER = "✓" if self.value else " "
        return super()._button


def time_text(at: datetime) -> str:
    return at.strftime(TIME_FORMAT)


def read_time(text: str, original: datetime | None) -> datetime | None:
    """The time in a "When" box: "now" (or empty) is now; an unchanged time keeps the original
    exactly (seconds included)."""
    words = text.strip()
    if original is not None and words == time_text(original):
        return original
    if not words or words.casefold() == "now":
        return None
    return checkins.parse_when(words)


def problem_words(error: SafeplanError) -> str:
    return f"{error.message} {error.hint}".strip()


# --- What the plan says, offered gently -----------------------------------------------------------


def plan_support_lines(payload: VaultPayload) -> list[str]:
    """The plan's own coping steps, people and professionals, in the person's words."""
    lines: list[str] = []
    for step in ("coping", "help", "professionals"):
        items = items_in(payload.plan, step)
        if items:
            if lines:
                lines.append("")
            lines.append(SECTIONS[step].title)
            lines += [f"  • {item_label(item)}" for item in items]
    supporters = payload.harm_reduction.supporters
    if supporters:
        lines += ["", "People who support me"]
        lines += [f"  • {item_label(c)}" for c in supporters]
    if not lines:
        lines = ["Your plan has nothing written here yet. The crisis lines below are there now."]
    return lines


class SupportScreen(SafeplanScreen[None]):
    """What the plan says, and crisis lines: offered, never forced. Escape goes back."""

    DEFAULT_CSS = FORM_CSS
    BINDINGS = [
        Binding("escape,enter", "close", "Back", id="support-back"),
        Binding("w", "walkthrough", "Use my plan", id="support-walkthrough"),
    ]

    def __init__(self, intro: str = "") -> None:
        super().__init__()
        self.intro = intro

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="log-form", id="support-body"):
            yield Static("What your plan says", classes="screen-title")
            if self.intro:
                yield Static(self.intro, classes="hint", markup=False)
            yield Static(id="support-plan", markup=False)
            yield Static("Crisis lines", classes="section-title")
            yield Static(id="support-public", markup=False)
        yield KeysFooter()

    def on_mount(self) -> None:
        country = self.session.country()
        width = max(30, self.app.size.width - 6)
        plan_lines: list[str] = []
        for line in plan_support_lines(self.session.payload):
            indent = " " * (len(line) - len(line.lstrip()) + (2 if line.lstrip()[:1] == "•" else 0))
            plan_lines += textwrap.wrap(line, width, subsequent_indent=indent) or [""]
        self.query_one("#support-plan", Static).update("\n".join(plan_lines))
        self.query_one("#support-public", Static).update(
            f"If you are in danger right now, call {help_source.emergency_number(country)}.\n"
            + "\n".join(help_source.help_lines(country, width))
        )
        self.query_one("#support-body").focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "walkthrough":
            return menu.available(WALKTHROUGH)
        return True

    def action_walkthrough(self) -> None:
        self.app.switch_screen(menu.build(WALKTHROUGH))

    def action_close(self) -> None:
        self.dismiss(None)


# --- After saving ---------------------------------------------------------------------------------

HARD_WORDS = (
    "That sounds like a hard moment. Thank you for checking in.\n"
    "If it helps, press p to see what your plan says: the things you can do on your own and the "
    "people you can ask. Press g for crisis lines. You don't have to do anything."
)


class CheckInSavedScreen(SafeplanScreen[None]):
    DEFAULT_CSS = FORM_CSS
    BINDINGS = [
        Binding("enter,escape", "home", "Home", id="checkin-home"),
        Binding("p", "plan", "My plan says", id="checkin-plan"),
        Binding("g", "app.get_help", "Crisis lines", id="checkin-help"),
        Binding("t", "trends", "Trends", id="checkin-trends"),
    ]

    def __init__(self, entry: CheckIn, hard: bool) -> None:
        super().__init__()
        self.entry = entry
        self.hard = hard

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="log-form"):
            yield Static("Saved", classes="screen-title")
            yield Static(
                f"{self.entry.at:%a %d %b, %H:%M}: {checkins.describe_checkin(self.entry)}.",
                markup=False,
            )
            if self.hard:
                yield Static(HARD_WORDS, id="checkin-hard", classes="status", markup=False)
            else:
                yield Static("Thank you for checking in.", classes="status")
            yield Static(self._week(), id="checkin-week", classes="status", markup=False)
            with Horizontal(classes="button-row"):
                if self.hard:
                    yield Button(
                        "What my plan says", id="saved-plan", variant="primary", compact=True
                    )
                    yield Button("Crisis lines", id="saved-help", compact=True)
                yield Button(
                    "Home",
                    id="saved-home",
                    variant="default" if self.hard else "primary",
                    compact=True,
                )
        yield KeysFooter()

    def _week(self) -> str:
        series = trends.daily_series(self.session.payload, 7, self.session.today())
        line = trends.sparkline(series.values["mood"])
        return f"Mood over the last 7 days (gaps: no check-in): {line}"

    def on_mount(self) -> None:
        self.query_one(Button).focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "plan":
            return self.hard or None
        return True

    def action_home(self) -> None:
        self.dismiss(None)

    def action_plan(self) -> None:
        self.app.push_screen(SupportScreen())

    def action_trends(self) -> None:
        from safeplan.tui.screens.trends import TrendsScreen

        self.app.switch_screen(TrendsScreen())

    @on(Button.Pressed)
    def _button(self, event: Button.Pressed) -> None:
        if event.button.id == "saved-plan":
            self.action_plan()
        elif event.button.id == "saved-help":
            self.sp.action_get_help()
        else:
            self.action_home()


# --- The check-in form ----------------------------------------------------------------------------

SCALES: tuple[tuple[str, str], ...] = (
    ("mood", "Mood now (0 very low, 10 very good)"),
    ("anxiety", "Anxiety (0 calm, 10 very anxious)"),
    ("self_harm_urge", "Urge to self-harm (0 none, 10 strong)"),
    ("suicidal_thoughts", "Suicidal thoughts (0 none, 10 strong)"),
    ("use_urge", "Urge to use (0 none, 10 strong)"),
)


class CheckInScreen(SafeplanScreen[None]):
    """A new check-in, or (with ``entry``) a change to an earlier one."""

    DEFAULT_CSS = FORM_CSS
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="checkin-cancel"),
        Binding("ctrl+s", "save", "Save", id="checkin-save"),
    ]

    def __init__(self, entry: CheckIn | None = None) -> None:
        super().__init__()
        self.entry = entry

    def compose(self) -> ComposeResult:
        e = self.entry
        with VerticalScroll(classes="log-form", id="checkin-form"):
            yield Static("Change this check-in" if e else "Check in", classes="screen-title")
            yield Static(
                "A personal log, not a score. Only mood is needed: type it and press Enter to "
                "save, or Tab to add more.",
                classes="hint",
            )
            with Grid(classes="log-grid"):
                for name, label in SCALES:
                    yield Static(label, classes="field-label")
                    yield ScaleField(getattr(e, name) if e else None, id=name)
                yield Static("Hours slept", classes="field-label")
                sleep = "" if e is None or e.sleep_hours is None else f"{e.sleep_hours:g}"
                yield TextField(sleep, id="sleep", restrict=r"[0-9]*[.,]?[0-9]*", max_length=5)
                yield Static("Tags (commas between)", classes="field-label")
                yield TextField(", ".join(e.tags) if e else "", id="tags")
                yield Static("Note", classes="field-label")
                yield TextField(e.note if e else "", id="note")
                yield Static("When (now, 2h ago, yesterday 21:00)", classes="field-label")
                yield TextField(time_text(e.at) if e else "now", id="at")
            yield Static("", id="checkin-status", classes="status", markup=False)
            with Horizontal(classes="button-row"):
                yield Button("Save", id="checkin-save-button", variant="primary", compact=True)
                yield Button("Cancel", id="checkin-cancel-button", compact=True)
        yield KeysFooter()

    def on_mount(self) -> None:
        self.query_one("#mood", ScaleField).focus()

    def _value(self, name: str) -> str:
        return self.query_one(f"#{name}", Input).value.strip()

    def values(self) -> dict[str, Any]:
        scales = {name: int(v) if (v := self._value(name)) else None for name, _ in SCALES}
        sleep = self._value("sleep").replace(",", ".")
        return {
            **scales,
            "sleep_hours": float(sleep) if sleep and sleep != "." else None,
            "tags": checkins.normalize_tags([self._value("tags")]),
            "note": self._value("note"),
        }

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if event.input.value.strip() or event.input.id == "mood":
            self.action_save()
        else:
            self.focus_next()

    @on(Button.Pressed, "#checkin-save-button")
    def action_save(self) -> None:
        status = self.query_one("#checkin-status", Static)
        values = self.values()
        if values["mood"] is None:
            status.update("Mood is the one thing needed: a number from 0 to 10.")
            self.query_one("#mood", ScaleField).focus()
            return
        try:
            at = read_time(self._value("at"), self.entry.at if self.entry else None)
            if self.entry is None:
                entry = checkins.new_checkin(at=at, **values)
            else:
                changes = {**values, "at": at or self.entry.at}
                edited = checkins.edit_entry(self.session.payload, self.entry.id, changes)
        except SafeplanError as problem:
            status.update(problem_words(problem))
            return
        if self.entry is not None:
            self.request_save()
            self.dismiss(None)
            self.sp.notify(f"Changed the check-in from {edited.at:%a %d %b, %H:%M}.", title="Saved")
            return
        payload = self.session.payload
        checkins.add_checkin(payload, entry)
        self.request_save()
        hard = checkins.is_hard_checkin(entry, payload.settings)
        self.app.switch_screen(CheckInSavedScreen(entry, hard))

    @on(Button.Pressed, "#checkin-cancel-button")
    def action_cancel(self) -> None:
        self.dismiss(None)
