"""My plan: one part at a time, in the person's own words. Every committed change keeps a dated
revision and is saved at once, off the UI thread."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, OptionList, Static
from textual.widgets.option_list import Option

from safeplan.core import guide
from safeplan.core.models import STEP_ORDER, Item, StepId
from safeplan.core.plan import commit_plan_change, what_helped
from safeplan.core.sections import SECTIONS, item_label
from safeplan.tui import plan_edits
from safeplan.tui.messages import SaveFinished
from safeplan.tui.plan_fields import SHORT_TITLES, EntryKind, kinds_for
from safeplan.tui.screens.base import SafeplanScreen
from safeplan.tui.screens.confirm import ConfirmDialog
from safeplan.tui.screens.item_form import ItemForm
from safeplan.tui.widgets.footer import KeysFooter


class Bulleted:
    """An entry of the list: a bullet, its words wrapped under themselves (a hanging indent), and
    a phone number never split across two lines (review 2b). Wrapped for the width it is given."""

    def __init__(self, words: str, note: str = "") -> None:
        self.words = words
        self.note = note

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        from safeplan.core.export.layout import wrap

        note = f" ({self.note})" if self.note else ""
        for line in wrap(self.words + note, max(12, options.max_width), "• ", "  "):
            yield Text(line)

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement(12, options.max_width)


class PlanEditorScreen(SafeplanScreen[None]):
    # Below 72 columns the Up and Down buttons give way (alt+↑↓ still move), so Remove stays in view.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (72, "-roomy")]
    BINDINGS = [
        Binding("escape", "back", "Home", id="plan-home"),
        Binding("a", "add", "Add", id="plan-add"),
        Binding("e", "edit", "Edit", id="plan-edit"),
        Binding("d,delete", "remove", "Remove", id="plan-remove"),
        Binding("alt+up", "move(-1)", "Move", key_display="alt+↑↓", id="plan-up"),
        Binding("alt+down", "move(1)", "Down", show=False, id="plan-down"),
        Binding("question_mark", "ideas", "Ideas", key_display="?", id="plan-ideas"),
        Binding("left", "focus_list('sections')", show=False),
        Binding("right", "focus_list('items')", show=False),
        *(Binding(str(n), f"go({n})", show=False) for n in range(1, 8)),
    ]

    def __init__(self, step: StepId = "warning_signs") -> None:
        super().__init__()
        self.step: StepId = step
        self.rows: list[tuple[EntryKind, Item | None]] = []
        self.dialog_open = False

    def compose(self) -> ComposeResult:
        with Horizontal():
            yield OptionList(
                *(Option(f"{SECTIONS[s].number} {SHORT_TITLES[s]}", id=s) for s in STEP_ORDER),
                id="sections",
            )
            with Vertical(id="section-pane"):
                yield Static(id="section-title", classes="screen-title", markup=False)
                yield Static(id="section-explanation", markup=False)
                yield Static(id="section-ideas", classes="ideas", markup=False)
                yield OptionList(id="items")
                with Horizontal(classes="button-row"):
                    yield Button("Add", id="add", variant="primary")
                    yield Button("Edit", id="edit")
                    yield Button("Up", id="up")
                    yield Button("Down", id="down")
                    yield Button("Remove", id="remove")
                yield Static(id="save-status", classes="status", markup=False)
        yield KeysFooter()

    def on_mount(self) -> None:
        self.query_one("#section-ideas").display = False
        sections = self.query_one("#sections", OptionList)
        sections.highlighted = STEP_ORDER.index(self.step)
        self.show_step(self.step)
        self.query_one("#items", OptionList).focus()
        self._show_save_state()

    def on_screen_resume(self) -> None:
        self.show_step(self.step)

    # --- showing a part --------------------------------------------------------------------------

    @on(OptionList.OptionHighlighted, "#sections")
    def _section_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        step = event.option.id
        if step and step != self.step:
            self.show_step(step)  # type: ignore[arg-type]

    @on(OptionList.OptionSelected, "#sections")
    def _section_chosen(self) -> None:
        self.query_one("#items", OptionList).focus()

    def show_step(self, step: StepId, keep: str | None = None) -> None:
        self.step = step
        section = SECTIONS[step]
        self.query_one("#section-title", Static).update(f"{section.number}. {section.title}")
        reflection = self.session.payload.plan.reflections.get(step)
        way = (
            f"\nMy way around what might get in the way: {reflection.way_round}"
            if (reflection is not None and reflection.way_round)
            else ""
        )
        self.query_one("#section-explanation", Static).update(section.explanation + way)
        ideas = guide.step_for(step)
        examples = "\n".join(f"  “{e}”" for e in ideas.examples[:3])
        self.query_one("#section-ideas", Static).update(
            f"{ideas.prompt.get('on_my_own')}\nFor example:\n{examples}"
        )
        self._fill_items(keep)
        # A part with nothing in it yet shows the questions and examples that help to start.
        self.query_one("#section-ideas").display = not any(item for _, item in self.rows)

    def _fill_items(self, keep: str | None) -> None:
        plan = self.session.payload.plan
        settings = self.session.settings
        helped = what_helped(self.session.payload) if settings.remember_what_helped else {}
        kinds = kinds_for(self.step)
        items = self.query_one("#items", OptionList)
        old_index = items.highlighted
        items.clear_options()
        self.rows = []
        for kind in kinds:
            entries = plan_edits.entries(plan, kind)
            if len(kinds) > 1:
                self.rows.append((kind, None))
                items.add_option(Option(Content.styled(kind.group, "bold"), disabled=True))
            for item in entries:
                stat = helped.get(item.id)
                note = stat.line() if stat else ""
                self.rows.append((kind, item))
                items.add_option(Option(Bulleted(item_label(item), note or ""), id=item.id))
        if not any(item for _, item in self.rows):
            self.rows.append((kinds[0], None))
            items.add_option(
                Option(Content.styled(SECTIONS[self.step].empty_words, "italic"), disabled=True)
            )
        self._highlight(keep, old_index)

    def _highlight(self, keep: str | None, old_index: int | None) -> None:
        items = self.query_one("#items", OptionList)
        for index, (_, item) in enumerate(self.rows):
            if keep and item is not None and item.id == keep:
                items.highlighted = index
                return
        selectable = [i for i, (_, item) in enumerate(self.rows) if item is not None]
        if selectable:
            wanted = old_index if old_index is not None else 0
            items.highlighted = min(selectable, key=lambda i: abs(i - wanted))

    def current(self) -> tuple[EntryKind, Item] | None:
        index = self.query_one("#items", OptionList).highlighted
        if index is None or index >= len(self.rows):
            return None
        kind, item = self.rows[index]
        return (kind, item) if item is not None else None

    def action_focus_list(self, which: str) -> None:
        self.query_one(f"#{which}", OptionList).focus()

    def action_go(self, number: int) -> None:
        self.query_one("#sections", OptionList).highlighted = number - 1
        self.action_focus_list("items")

    def action_ideas(self) -> None:
        ideas = self.query_one("#section-ideas")
        ideas.display = not ideas.display

    def action_back(self) -> None:
        self.dismiss(None)

    # --- changing it -----------------------------------------------------------------------------

    def _open(self, screen: Screen[Any], callback: Callable[[Any], None] | None = None) -> None:
        """Open a form or a question over the editor, once: keys typed ahead while it opens must
        not open a second one."""
        if self.dialog_open:
            return
        self.dialog_open = True

        def closed(result: Any) -> None:
            self.dialog_open = False
            if callback is not None:
                callback(result)

        self.app.push_screen(screen, closed)

    def action_add(self) -> None:
        kinds = kinds_for(self.step)
        if len(kinds) == 1:
            self._open(ItemForm(kinds[0], None, self.keep))
            return
        chosen = self.current()
        answers = [(k.plan_field, f"Add {k.one}") for k in kinds]
        if chosen is not None:  # the kind under the cursor first
            answers.sort(key=lambda a: a[0] != chosen[0].plan_field)
        self._open(
            ConfirmDialog("What would you like to add?", "", answers, stacked=True),
            self._add_kind,
        )

    def _add_kind(self, answer: str | None) -> None:
        for kind in kinds_for(self.step):
            if kind.plan_field == answer:
                self._open(ItemForm(kind, None, self.keep))

    def action_edit(self) -> None:
        chosen = self.current()
        if chosen is None:
            self.action_add()
        else:
            kind, item = chosen
            tool = self.session.payload.plan.coping_tools.get(item.id, "")
            self._open(ItemForm(kind, item, self.keep, tool=tool))

    def keep(self, kind: EntryKind, old: Item | None, values: dict[str, str]) -> str | None:
        """The form's commit: validate, put into the plan, keep a revision, save. Synchronous, so a
        quit right after it still saves it."""
        try:
            item = plan_edits.build(kind, values, old)
        except plan_edits.NotKept as problem:
            return f"{problem.message} {problem.hint}".strip()
        plan_edits.put(self.session.payload.plan, kind, item)
        plan_edits.link(self.session.payload.plan, kind, item, values)
        what = "Changed" if old else "Added"
        self._committed(f"{what}: {SECTIONS[self.step].title}", keep=item.id)
        return None

    def action_remove(self) -> None:
        chosen = self.current()
        if chosen is None:
            return
        kind, item = chosen
        self._open(
            ConfirmDialog(
                "Take this out of your plan?",
                f"{item_label(item)}\n\nEarlier versions of your plan keep it in your history.",
                [("keep", "Keep it"), ("remove", "Take it out")],
            ),
            lambda answer: self._remove(kind, item, answer),
        )

    def _remove(self, kind: EntryKind, item: Item, answer: str | None) -> None:
        if answer == "remove" and plan_edits.remove(self.session.payload.plan, kind, item.id):
            self._committed(f"Took out: {SECTIONS[self.step].title}")

    def action_move(self, step: int) -> None:
        chosen = self.current()
        if chosen is not None and plan_edits.move(
            self.session.payload.plan, chosen[0], chosen[1].id, step
        ):
            self._committed(f"Moved: {SECTIONS[self.step].title}", keep=chosen[1].id)

    def _committed(self, note: str, keep: str | None = None) -> None:
        commit_plan_change(self.session.payload, note)
        self.request_save()
        self._show_save_state()
        self.show_step(self.step, keep)

    # --- buttons and saving ----------------------------------------------------------------------

    @on(OptionList.OptionSelected, "#items")
    def _item_chosen(self) -> None:
        self.action_edit()

    @on(Button.Pressed)
    def _button(self, event: Button.Pressed) -> None:
        button = event.button.id
        if button == "add":
            self.action_add()
        elif button == "edit":
            self.action_edit()
        elif button in ("up", "down"):
            self.action_move(-1 if button == "up" else 1)
        elif button == "remove":
            self.action_remove()

    def on_save_finished(self, message: SaveFinished) -> None:
        self._show_save_state()

    def _show_save_state(self) -> None:
        status = self.query_one("#save-status", Static)
        saver = self.sp.saver
        if saver.busy:
            status.update("Saving…")
        elif saver.last_error is not None:
            status.update(f"Not saved yet. {saver.last_error.hint}")
        elif not self.session.persistent:
            status.update("Demo: nothing you change here is written to disk.")
        else:
            status.update("Every change is saved as you go.")
