"""Urge surfing: what the urge is about, how strong (0-10), ride it with a timer and gentle prompts
(any key ends the ride), how strong now, then, only if the person says yes, keep both ratings as a
check-in (with their mood, which a check-in needs). ``tick()`` is one second of the ride."""

from __future__ import annotations

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from safeplan.core.checkins import add_checkin, new_checkin
from safeplan.core.moment.urge import (
    DEFAULT_MINUTES,
    INTRO,
    URGE_KINDS,
    UrgeKind,
    UrgeResult,
    prompt_at,
    urge_checkin_values,
    urge_summary,
)
from safeplan.tui.screens.base import SafeplanScreen
from safeplan.tui.widgets.footer import KeysFooter

ASK_BEFORE = "How strong is the urge right now? 0 (none) to 10 (very strong), then Enter."
ASK_AFTER = "How strong is it now? 0 to 10, then Enter."
ASK_MOOD = "A check-in keeps your mood too. How is your mood, 0 (very low) to 10?"


class UrgeScreen(SafeplanScreen[None]):
    CSS_PATH = "../styles/moment.tcss"
    PAUSES_IDLE_LOCK = True
    BINDINGS = [Binding("escape", "close", "Back", id="urge-back")]

    def __init__(self, minutes: int = DEFAULT_MINUTES, *, autostart: bool = True) -> None:
        super().__init__()
        self.minutes = minutes
        self.autostart = autostart
        self.stage = "kind"
        self.kind: UrgeKind = "other"
        self.before = 0
        self.second = 0
        self.result: UrgeResult | None = None

    def compose(self) -> ComposeResult:
        with Vertical(classes="moment-body"):
            yield Static("Ride the urge", classes="screen-title")
            yield Static(INTRO, classes="moment-text", id="urge-intro")
            yield Static("What is the urge about?", id="urge-ask", classes="moment-big")
            yield OptionList(*[Option(label, id=k) for k, label in URGE_KINDS], id="urge-kinds")
            yield Input(id="urge-input", restrict=r"[0-9]{0,2}", max_length=2)
            yield Static("", id="urge-note", classes="moment-quiet")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.query_one("#urge-input", Input).display = False
        self.query_one("#urge-kinds", OptionList).focus()

    def _ask(self, words: str, note: str = "") -> None:
        self.query_one("#urge-ask", Static).update(words)
        self.query_one("#urge-note", Static).update(note)
        box = self.query_one("#urge-input", Input)
        box.value = ""
        box.display = True
        box.focus()

    @on(OptionList.OptionSelected, "#urge-kinds")
    def _kind(self, event: OptionList.OptionSelected) -> None:
        kinds = self.query_one("#urge-kinds", OptionList)
        kinds.display = False
        if self.stage == "kind":
            self.kind = event.option.id  # type: ignore[assignment]
            self.stage = "before"
            self._ask(ASK_BEFORE)
        elif self.stage == "keep":
            if event.option.id == "yes":
                self.stage = "mood"
                self._ask(ASK_MOOD)
            else:
                self._done("Nothing was kept. Escape goes back.")

    @on(Input.Submitted, "#urge-input")
    def _number(self, event: Input.Submitted) -> None:
        text = event.value.strip()
        if not text.isdigit() or int(text) > 10:
            self.query_one("#urge-note", Static).update("Please type a whole number from 0 to 10.")
            return
        value = int(text)
        if self.stage == "before":
            self.before = value
            self._ride()
        elif self.stage == "after" and self.result is not None:
            self.result = UrgeResult(self.kind, self.before, value, self.result.minutes_ridden)
            self._offer_keep()
        elif self.stage == "mood" and self.result is not None:
            entry = new_checkin(**urge_checkin_values(self.result, value))
            add_checkin(self.session.payload, entry)
            self.request_save()
            self._done("Kept as a check-in. Escape goes back.")

    def _ride(self) -> None:
        self.stage = "ride"
        self.query_one("#urge-input", Input).display = False
        self.query_one("#urge-intro", Static).display = False
        self.query_one("#urge-ask", Static).update(self._clock())
        self.query_one("#urge-note", Static).update(
            "Notice the urge, breathe out slowly, and let it rise and fall. "
            "Press any key when you want to stop the timer."
        )
        self.focus()
        if self.autostart:
            self.set_interval(1.0, self.tick, name="urge-clock")

    def _clock(self) -> str:
        left = self.minutes * 60 - self.second
        return f"Riding it: {left // 60}:{left % 60:02d} left"

    def tick(self) -> None:
        if self.stage != "ride":
            return
        self.second += 1
        self.query_one("#urge-ask", Static).update(self._clock())
        prompt = prompt_at(self.second)
        if prompt:
            self.query_one("#urge-note", Static).update(prompt + " Any key stops the timer.")
        if self.second >= self.minutes * 60:
            self._end_ride()

    def _end_ride(self) -> None:
        self.result = UrgeResult(self.kind, self.before, None, self.second / 60)
        self.stage = "after"
        self._ask(ASK_AFTER)

    def _offer_keep(self) -> None:
        assert self.result is not None
        self.stage = "keep"
        self.query_one("#urge-input", Input).display = False
        self.query_one("#urge-ask", Static).update(
            urge_summary(self.result) + "\n\nKeep these two ratings as a check-in?"
        )
        self.query_one("#urge-note", Static).update("")
        kinds = self.query_one("#urge-kinds", OptionList)
        kinds.clear_options()
        kinds.add_options([Option("No, keep nothing", id="no"), Option("Yes, keep them", id="yes")])
        kinds.display = True
        kinds.highlighted = 0
        kinds.focus()

    def _done(self, words: str) -> None:
        self.stage = "done"
        self.query_one("#urge-input", Input).display = False
        self.query_one("#urge-kinds", OptionList).display = False
        self.query_one("#urge-note", Static).update(words)
        self.focus()

    def on_key(self, event: events.Key) -> None:
        if self.stage == "ride" and event.key not in ("ctrl+g", "ctrl+l", "ctrl+q"):
            event.stop()
            self._end_ride()

    def action_close(self) -> None:
        self.dismiss(None)
