"""Use my plan now: the plan one step at a time, in order, crisis lines always in view. Empty steps are
skipped with a kind word; the walk always ends on what matters most. What helped is kept only if the
person has not turned that off (Settings)."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Static

from safeplan.core.models import STEP_ORDER, StepId
from safeplan.core.plan import finish_plan_use, record_step, start_plan_use, what_helped
from safeplan.core.sections import SECTIONS, item_label, items_in
from safeplan.tui.screens.base import SafeplanScreen
from safeplan.tui.widgets.crisis_strip import CrisisStrip
from safeplan.tui.widgets.footer import KeysFooter
from safeplan.tui.widgets.tick_list import TickList

LAST = len(STEP_ORDER) - 1
INVITE: dict[StepId, str] = {
    "warning_signs": "Do any of these feel familiar right now? Noticing them is the first step.",
    "coping": "Try one of these, in your own time. Tick what you try, if you like.",
    "distraction": "Could you be with one of these people, or go to one of these places for a while?",
    "help": "Could you reach out to one of these people and tell them how you are?",
    "professionals": "These people and services are there for this. You can call them now.",
    "environment": "Could you take one of these steps now, or ask someone to help with it?",
    "reasons": "Whatever happens next, these matter to you.",
}
GLAD = (
    "I'm glad that helped. Stay with it as long as you need. When you are ready, go on, or go "
    "straight to what matters most to you."
)
TICKED: tuple[StepId, ...] = ("coping", "distraction", "help", "professionals", "environment")
"""The steps where the person can tick what they tried and say whether it helped."""


class WalkthroughScreen(SafeplanScreen[None]):
    BINDINGS = [
        Binding("escape", "leave", "Leave", id="walk-leave"),
        Binding("h", "helped", "It helped", id="walk-helped"),
        Binding("n", "next", "Next step", id="walk-next"),
        Binding("b", "back", "Back", id="walk-back"),
        Binding("m", "to_end", "What matters", show=False, id="walk-end"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.index = -1
        self.shown: list[int] = []
        self.helped_here = False
        self.finished = False

    def compose(self) -> ComposeResult:
        yield CrisisStrip(self.session.country(), id="crisis-strip")
        with Vertical(id="walk-body"):
            yield Static(id="walk-title", classes="screen-title", markup=False)
            yield Static(id="walk-skipped", classes="nudge", markup=False)
            yield Static(id="walk-invite", markup=False)
            yield Static(id="walk-list", markup=False)
            yield TickList(id="walk-items")
            yield Static(id="walk-glad", classes="status", markup=False)
            with Horizontal(classes="button-row"):
                yield Button("This helped", id="helped", variant="primary")
                yield Button("Next step", id="next")
                yield Button("What matters most", id="to-end")
                yield Button("Back", id="back")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.use = start_plan_use(self.session.payload)
        self.helped = (
            what_helped(self.session.payload) if self.session.settings.remember_what_helped else {}
        )
        self.go_forward()

    @property
    def step(self) -> StepId:
        return STEP_ORDER[self.index]

    def go_forward(self) -> None:
        plan = self.session.payload.plan
        skipped: list[str] = []
        index = self.index + 1
        while index < LAST and not items_in(plan, STEP_ORDER[index]):
            section = SECTIONS[STEP_ORDER[index]]
            skipped.append(f"Step {section.number}: {section.empty_words}")
            index += 1
        self.shown.append(index)
        self.show(index, skipped)

    def show(self, index: int, skipped: list[str]) -> None:
        self.index = index
        self.helped_here = False
        section = SECTIONS[self.step]
        items = items_in(self.session.payload.plan, self.step)
        self.query_one("#walk-title", Static).update(
            f"Step {section.number} of {len(STEP_ORDER)}: {section.title}"
        )
        note = self.query_one("#walk-skipped", Static)
        note.update("\n".join(skipped))
        note.display = bool(skipped)
        invite = INVITE[self.step] if items else section.empty_words
        if not items and self.plan_is_empty():
            invite = (
                "Your plan has nothing in it yet. That is all right. For now, the crisis lines "
                "above are there for you, and when you feel ready you can write your plan."
            )
        self.query_one("#walk-invite", Static).update(invite)
        ticking = self.step in TICKED and bool(items)
        ticks = self.query_one("#walk-items", TickList)
        rows = []
        for item in items:
            prompt = Content(item_label(item))
            stat = self.helped.get(item.id)
            if stat and stat.line():
                prompt = Content.assemble(prompt, (f"  ({stat.line()})", "italic"))
            rows.append((item.id, prompt))
        ticks.set_rows(rows if ticking else [])
        ticks.display = ticking
        plain = self.query_one("#walk-list", Static)
        plain.update("\n".join(f"• {item_label(item)}" for item in items))
        plain.display = bool(items) and not ticking
        self.query_one("#walk-glad", Static).update("")
        last = self.index == LAST
        self.query_one("#helped", Button).display = ticking
        self.query_one("#next", Button).label = "Finish" if last else "Next step"
        self.query_one("#to-end", Button).display = False
        self.query_one("#back", Button).display = len(self.shown) > 1
        (ticks if ticking else self.query_one("#next", Button)).focus()
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if self.index < 0:
            return True
        if action == "helped":
            return self.step in TICKED and not self.helped_here
        if action == "back":
            return len(self.shown) > 1
        if action == "to_end":
            return self.index != LAST
        return True

    def plan_is_empty(self) -> bool:
        return self.session.payload.plan.is_empty()

    def _record(self, helped: bool | None) -> None:
        if self.step not in TICKED:
            return
        ticked = self.query_one("#walk-items", TickList).selected
        if helped is None and ticked:
            helped = False
        if helped is not None or ticked:
            record_step(self.use, self.step, helped, ticked)

    def action_helped(self) -> None:
        if self.step not in TICKED or not items_in(self.session.payload.plan, self.step):
            return
        self._record(True)
        self.helped_here = True
        self.query_one("#walk-glad", Static).update(GLAD)
        self.query_one("#helped", Button).display = False
        self.query_one("#to-end", Button).display = True
        self.refresh_bindings()

    def action_to_end(self) -> None:
        if self.index != LAST:
            if not self.helped_here:
                self._record(None)
            self.shown.append(LAST)
            self.show(LAST, [])

    def action_next(self) -> None:
        if self.index == LAST:
            self.action_leave()
            return
        if not self.helped_here:
            self._record(None)
        self.go_forward()

    def action_back(self) -> None:
        if len(self.shown) > 1:
            self.shown.pop()
            self.show(self.shown[-1], [])

    def action_leave(self) -> None:
        self._finish()
        self.dismiss(None)

    def _finish(self) -> None:
        if self.finished:
            return
        self.finished = True
        if finish_plan_use(self.session.payload, self.use):
            self.request_save()

    def commit_draft(self) -> None:
        """Quitting or locking part-way: keep what helped so far (if the person allows it)."""
        if not self.finished and self.use.outcomes:
            self._finish()

    @on(Button.Pressed, "#helped")
    def _helped_pressed(self) -> None:
        self.action_helped()

    @on(Button.Pressed, "#next")
    def _next_pressed(self) -> None:
        self.action_next()

    @on(Button.Pressed, "#to-end")
    def _to_end_pressed(self) -> None:
        self.action_to_end()

    @on(Button.Pressed, "#back")
    def _back_pressed(self) -> None:
        self.action_back()
