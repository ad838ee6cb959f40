"""Use my plan now: the plan one step at a time, crisis lines always in view, ending on what matters
most and "Do you feel safer now?". The walk itself (order, skipped steps, what helped, the ending,
asking before anything is remembered) is :class:`safeplan.core.walkthrough.Walk`; this screen draws
it. The idle lock never fires while it is open."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Static

from safeplan.core import walkthrough as flow
from safeplan.core.models import StepId
from safeplan.tui import menu
from safeplan.tui.screens.base import SafeplanScreen
from safeplan.tui.widgets.crisis_strip import CrisisStrip
from safeplan.tui.widgets.footer import KeysFooter
from safeplan.tui.widgets.tick_list import TickList

ROWS = ("walk-step-buttons", "walk-safer-buttons", "walk-again-buttons", "walk-remember-buttons")


class WalkthroughScreen(SafeplanScreen[None]):
    PAUSES_IDLE_LOCK = True
    BINDINGS = [
        Binding("escape", "leave", "Leave", id="walk-leave"),
        Binding("h", "helped", "It helped", id="walk-helped"),
        Binding("n", "next", "Next step", id="walk-next"),
        Binding("n", "finish", "Finish", id="walk-finish"),
        Binding("b", "back", "Back", id="walk-back"),
        Binding("m", "to_end", "What matters", show=False, id="walk-end"),
        Binding("t", "tools", "Try a tool", id="walk-tools"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.mode = "step"
        self.helped_here = False

    def compose(self) -> ComposeResult:
        yield CrisisStrip(self.session.country(), id="crisis-strip")
        with Vertical(id="walk-body"):
            yield Static(id="walk-title", classes="screen-title", markup=False)
            yield Static(id="walk-skipped", classes="nudge", markup=False)
            yield Static(id="walk-invite", markup=False)
            yield Static(id="walk-list", markup=False)
            yield TickList(id="walk-items")
            yield Static(id="walk-glad", classes="status", markup=False)
            with Horizontal(classes="button-row", id="walk-step-buttons"):
                yield Button("This helped", id="helped", variant="primary")
                yield Button("Next step", id="next")
                yield Button("What matters most", id="to-end")
                yield Button("Back", id="back")
            with Horizontal(classes="button-row", id="walk-safer-buttons"):
                for key, label in flow.SAFER_CHOICES:
                    yield Button(label, id=f"safer-{key}")
            with Horizontal(classes="button-row", id="walk-again-buttons"):
                yield Button(flow.ROUND_AGAIN, id="again", variant="primary")
                yield Button(flow.FINISH_FOR_NOW, id="finish-now")
                yield Button("Get help now", id="get-help")
            with Horizontal(classes="button-row", id="walk-remember-buttons"):
                for yes, label in flow.REMEMBER_CHOICES:
                    yield Button(label, id="remember-yes" if yes else "remember-no")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.walk = flow.Walk(self.session.payload)
        if self.walk.plan_is_empty:
            # No plan yet: the full crisis help at once, not a list of empty steps.
            self.dismiss(None)
            self.sp.action_get_help()
            return
        self.show(self.walk.start())

    @property
    def step(self) -> StepId:
        return self.walk.step

    def _buttons(self, row: str) -> None:
        for name in ROWS:
            self.query_one(f"#{name}", Horizontal).display = name == row

    def _text(self, title: str, invite: str, list_text: str = "") -> None:
        self.query_one("#walk-title", Static).update(title)
        self.query_one("#walk-invite", Static).update(invite)
        plain = self.query_one("#walk-list", Static)
        plain.update(list_text)
        plain.display = bool(list_text)
        for hidden in ("#walk-skipped", "#walk-items"):
            self.query_one(hidden).display = False
        self.query_one("#walk-glad", Static).update("")

    def show(self, view: flow.StepView) -> None:
        self.mode = "step"
        self.helped_here = view.step in self.walk.helped_at
        self._buttons("walk-step-buttons")
        way = f"\n\nIf something gets in the way: {view.way_round}" if view.way_round else ""
        if view.tools and view.tools[0].linked:
            way += f"\n\nYour plan points at a tool: {view.tools[0].label}. Press t to start it."
        elif view.tools:
            names = ", ".join(t.label for t in view.tools)
            way += f"\n\nYou could also try a tool now (press t): {names}."
        tick = f" {flow.TICK_HINT}" if view.tickable else ""
        self._text(view.heading, view.invite + tick + way)
        note = self.query_one("#walk-skipped", Static)
        note.update("\n".join(view.skipped))
        note.display = bool(view.skipped)
        ticks = self.query_one("#walk-items", TickList)
        rows = []
        for item, label, helped in zip(view.items, view.labels, view.notes, strict=True):
            prompt = Content(label)
            if helped:
                prompt = Content.assemble(prompt, (f"  ({helped})", "italic"))
            rows.append((item.id, prompt))
        ticks.set_rows(rows if view.tickable else [], ticked=self.walk.ticked(view.step))
        ticks.display = view.tickable
        if not view.tickable and view.labels:
            plain = self.query_one("#walk-list", Static)
            plain.update("\n".join(f"• {label}" for label in view.labels))
            plain.display = True
        if view.hope:
            listed = [f"• {label}" for label in view.labels] if not view.tickable else []
            hope = ["From your hope box:", *(f"• {text}" for text in view.hope)]
            plain = self.query_one("#walk-list", Static)
            plain.update("\n".join([*listed, *([""] if listed else []), *hope]))
            plain.display = True
        if self.helped_here:
            self.query_one("#walk-glad", Static).update(flow.GLAD)
        self.query_one("#helped", Button).display = view.tickable and not self.helped_here
        self.query_one("#next", Button).label = "Finish" if view.last else "Next step"
        self.query_one("#to-end", Button).display = self.helped_here and not view.last
        self.query_one("#back", Button).display = self.walk.can_go_back
        (ticks if view.tickable else self.query_one("#next", Button)).focus()
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("helped", "next", "finish", "back", "to_end") and self.mode != "step":
            return False
        if not hasattr(self, "walk") or not self.walk.path:
            return action != "finish"
        if action in ("next", "finish"):  # one key, named for what it does here
            return (action == "finish") == (self.walk.index == flow.LAST)
        if action == "helped":
            return self.step in flow.TICKED and not self.helped_here
        if action == "back":
            return self.walk.can_go_back
        if action == "to_end":
            return self.walk.index != flow.LAST
        if action == "tools":
            return self.mode == "step" and bool(self.walk.view().tools)
        return True

    def _note(self, helped: bool | None = None) -> None:
        ticks = self.query_one("#walk-items", TickList)
        self.walk.note(self.step, ticks.selected if ticks.display else [], helped)

    # --- the steps --------------------------------------------------------------------------------

    def action_helped(self) -> None:
        if self.mode != "step" or self.step not in flow.TICKED:
            return
        self._note(True)
        self.helped_here = True
        self.query_one("#walk-glad", Static).update(flow.GLAD)
        self.query_one("#helped", Button).display = False
        self.query_one("#to-end", Button).display = True
        self.refresh_bindings()

    def action_tools(self) -> None:
        """The tool a coping step points at, else the list of tools."""
        from safeplan.tui.screens.tools import ToolsScreen

        tools = self.walk.view().tools
        linked_first = tools and tools[0].linked and menu.available(tools[0].screen)
        self.app.push_screen(menu.build(tools[0].screen) if linked_first else ToolsScreen())

    def action_to_end(self) -> None:
        if self.mode == "step" and self.walk.index != flow.LAST:
            self._note()
            self.show(self.walk.to_end())

    def action_next(self) -> None:
        if self.mode != "step":
            return
        if self.walk.index == flow.LAST:
            self.ask_safer()
            return
        self._note()
        self.show(self.walk.forward())

    def action_finish(self) -> None:
        self.action_next()

    def action_back(self) -> None:
        if self.mode == "step" and self.walk.can_go_back:
            self._note()
            view = self.walk.back()
            if view is not None:
                self.show(view)

    # --- the ending -------------------------------------------------------------------------------

    def ask_safer(self) -> None:
        self.mode = "safer"
        self._text(flow.SAFER_QUESTION, "Whatever you answer is all right.")
        self._buttons("walk-safer-buttons")
        self.query_one("#safer-a_bit", Button).focus()
        self.refresh_bindings()

    def answered(self, feeling: flow.Feeling) -> None:
        if feeling == "no":
            self._finish()
            self.dismiss(None)
            self.sp.action_get_help()
            return
        self.mode = feeling
        self._text(flow.SAFER_QUESTION, flow.ENDINGS[feeling])
        if feeling == "a_bit":
            self._buttons("walk-again-buttons")
            self.query_one("#again", Button).focus()
        else:
            self.then_remember()

    def then_remember(self) -> None:
        if not self.walk.asks_to_remember:
            self.action_leave()
            return
        ending = flow.ENDINGS["yes" if self.mode == "yes" else "a_bit"]
        self.mode = "remember"
        self.query_one("#walk-invite", Static).update(f"{ending}\n\n{flow.REMEMBER_QUESTION}")
        self._buttons("walk-remember-buttons")
        self.query_one("#remember-yes", Button).focus()

    def action_leave(self) -> None:
        self._finish()
        self.dismiss(None)

    def _finish(self) -> None:
        if self.walk.finish():
            self.request_save()

    def commit_draft(self) -> None:
        """Quitting or locking part-way: keep what helped so far (if the person agreed to that)."""
        if hasattr(self, "walk") and not self.walk.finished and self.walk.use.outcomes:
            self._finish()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        button = event.button.id or ""
        actions = {
            "helped": self.action_helped,
            "next": self.action_next,
            "to-end": self.action_to_end,
            "back": self.action_back,
            "again": lambda: self.show(self.walk.round_again()),
            "finish-now": self.then_remember,
            "get-help": self.sp.action_get_help,
        }
        if button in actions:
            actions[button]()
        elif button.startswith("safer-"):
            self.answered(button.removeprefix("safer-"))  # type: ignore[arg-type]
        elif button.startswith("remember-"):
            self.walk.answer_remember(button == "remember-yes")
            self.action_leave()
