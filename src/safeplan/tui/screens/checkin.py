"""Check in: mood first, then optional urges, sleep, tags and a note. Under 30 seconds by keyboard:
type the mood, press Enter, done. Tab (or Enter on an empty box) moves on; Enter on a filled box
saves. The save runs off the UI thread.

After it is saved, :mod:`safeplan.core.hard_moments` decides what to offer: at or above the
person's threshold (or a low mood) the hard-moment screen (``support``) with the plan and crisis
lines at once; thoughts or urges above 0 below it, warm words with crisis lines one key (g) away.
Nothing is required and nothing blocks: Enter goes home.

The form's save path and scaffolding are shared with the use-entry form (``log_form``); what the
plan says is ``support``.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Horizontal, VerticalScroll
from textual.widgets import Button, Static

from safeplan.core import checkins, hard_moments, trends
from safeplan.core.models import CheckIn
from safeplan.tui.screens.base import SafeplanScreen
from safeplan.tui.screens.log_form import (
    FORM_CSS,
    LogFormScreen,
    ScaleField,
    number_text,
    read_number,
)
from safeplan.tui.screens.support import SupportScreen, offer_lines
from safeplan.tui.widgets.fields import TextField
from safeplan.tui.widgets.footer import KeysFooter

# --- After saving ---------------------------------------------------------------------------------


class CheckInSavedScreen(SafeplanScreen[None]):
    """After a check-in that is not a hard moment; with ``offer`` at the ``acknowledge`` level
    (thoughts or urges above 0, below the threshold) it shows the warm words and help one key
    away instead of the week's moods."""

    DEFAULT_CSS = FORM_CSS
    BINDINGS = [
        Binding("enter,escape", "home", "Home", id="checkin-home"),
        Binding("p", "plan", "My plan says", id="checkin-plan"),
        Binding("g", "app.get_help", "Crisis lines", id="checkin-help"),
        Binding("t", "trends", "Trends", id="checkin-trends"),
    ]

    def __init__(self, entry: CheckIn, offer: hard_moments.Offer | None = None) -> None:
        super().__init__()
        self.entry = entry
        self.offer = offer or hard_moments.Offer("calm")

    @property
    def hard(self) -> bool:
        return self.offer.level != "calm"

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="log-form", id="checkin-saved"):
            yield Static("Saved", classes="screen-title")
            yield Static(
                f"{self.entry.at:%a %d %b, %H:%M}: {checkins.describe_checkin(self.entry)}.",
                markup=False,
            )
            if self.hard:
                width = max(30, self.app.size.width - 6)
                words = "\n".join(offer_lines(self.offer, width))
                yield Static(words, id="checkin-hard", classes="status", markup=False)
            else:
                yield Static("Thank you for checking in.", classes="status")
                yield Static(self._week(), id="checkin-week", classes="status", markup=False)
            with Horizontal(classes="button-row"):
                if self.hard:
                    yield Button("Crisis lines", id="saved-help", variant="primary", compact=True)
                    yield Button("What my plan says", id="saved-plan", compact=True)
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


class CheckInScreen(LogFormScreen[CheckIn]):
    """A new check-in, or (with ``entry``) a change to an earlier one."""

    PREFIX = "checkin"
    KIND = "check-in"
    REQUIRED = "mood"
    REQUIRED_WORDS = "Mood is the one thing needed: a number from 0 to 10."
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="checkin-cancel"),
        Binding("ctrl+s", "save", "Save", id="checkin-save"),
    ]

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
                sleep = number_text(e.sleep_hours if e else None)
                yield TextField(sleep, id="sleep", restrict=r"[0-9]*[.,]?[0-9]*", max_length=5)
                yield Static("Tags (commas between)", classes="field-label")
                yield TextField(", ".join(e.tags) if e else "", id="tags")
                yield Static("Note", classes="field-label")
                yield TextField(e.note if e else "", id="note")
                yield from self.when_box()
            yield from self.form_end()
        yield KeysFooter()

    def values(self) -> dict[str, Any]:
        scales = {name: int(v) if (v := self._text(name)) else None for name, _ in SCALES}
        return {
            **scales,
            "sleep_hours": read_number(self._text("sleep")),
            "tags": checkins.normalize_tags([self._text("tags")]),
            "note": self._text("note"),
        }

    def create(self, at: datetime | None, values: dict[str, Any]) -> CheckIn:
        return checkins.new_checkin(at=at, **values)

    def show_next(self, entry: CheckIn) -> None:
        offer = hard_moments.for_checkin(entry, self.session.payload, self.session.country())
        if offer.level == "support":  # the plan and help at once, never a questionnaire
            self.app.switch_screen(SupportScreen(offer, note="Saved your check-in."))
        else:
            self.app.switch_screen(CheckInSavedScreen(entry, offer))
