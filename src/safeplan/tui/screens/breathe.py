"""Breathe: a paced breathing guide (in for 4, out for 6 by default) with a calm bar that fills and
empties. With reduced motion (Textual's animation level "none", e.g. TEXTUAL_ANIMATIONS=none) the
bar is left out and only the words and the count change. Any key stops it.

The clock is a one-second timer; ``tick()`` is the step, so tests drive it without sleeping."""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from safeplan.core.moment.breathe import BreathPattern, Phase, breath_bar, breath_phases
from safeplan.tui.screens.base import SafeplanScreen
from safeplan.tui.widgets.footer import KeysFooter

BAR_WIDTH = 40


class BreatheScreen(SafeplanScreen[None]):
    CSS_PATH = "../styles/moment.tcss"
    PAUSES_IDLE_LOCK = True

    def __init__(
        self, pattern: BreathPattern | None = None, minutes: float = 2, *, autostart: bool = True
    ) -> None:
        super().__init__()
        self.pattern = pattern or BreathPattern()
        self.minutes = minutes
        self.autostart = autostart
        self._phases: list[Phase] = list(breath_phases(self.pattern, minutes))
        self._index = 0
        self._second = 0
        self.finished = False
        self.stopped = False

    @property
    def reduced_motion(self) -> bool:
        return self.app.animation_level == "none"

    def compose(self) -> ComposeResult:
        p = self.pattern
        hold = f", hold {p.hold}" if p.hold else ""
        with Vertical(classes="moment-body"):
            yield Static("Breathe", classes="screen-title")
            yield Static(
                f"In for {p.inhale}{hold}, out for {p.exhale}. "
                f"{len([x for x in self._phases if x.kind == 'in'])} breaths, about "
                f"{self.minutes:g} minutes. Press any key to stop.",
                classes="moment-text",
            )
            yield Static("", id="breathe-words", classes="moment-big")
            yield Static("", id="breathe-bar", classes="moment-bar")
            yield Static("", id="breathe-end", classes="moment-quiet")
        yield KeysFooter()

    def on_mount(self) -> None:
        self._draw()
        if self.autostart:
            self.set_interval(1.0, self.tick, name="breathe-clock")

    def tick(self) -> None:
        """One second passes."""
        if self.finished or self.stopped:
            return
        phase = self._phases[self._index]
        self._second += 1
        if self._second > phase.seconds:
            self._index += 1
            self._second = 1
            if self._index >= len(self._phases):
                self._end("That is the end. Notice how you feel now. Escape goes back.")
                self.finished = True
                return
        self._draw()

    def _draw(self) -> None:
        phase = self._phases[self._index]
        count = f"  {self._second}" if self._second else ""
        self.query_one("#breathe-words", Static).update(f"{phase.words}{count}")
        bar = "" if self.reduced_motion else breath_bar(phase, max(self._second, 0), BAR_WIDTH)
        self.query_one("#breathe-bar", Static).update(bar)

    def _end(self, words: str) -> None:
        self.query_one("#breathe-end", Static).update(words)
        self.query_one("#breathe-bar", Static).update("")

    def on_key(self, event: events.Key) -> None:
        if event.key in ("ctrl+g", "ctrl+l", "ctrl+q"):
            return
        event.stop()
        if self.finished or self.stopped:
            self.dismiss(None)
            return
        self.stopped = True
        self.query_one("#breathe-words", Static).update("")
        self._end("Stopped. That is fine. Any key goes back.")
