"""History and review: every saved version of the plan with its date, what changed from the one
before, the plan as it was then, and "I have looked over my plan" (mark as reviewed)."""

from __future__ import annotations

from datetime import datetime

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, OptionList, Static
from textual.widgets.option_list import Option

from safeplan.core.crisis.render import wrap
from safeplan.core.models import STEP_ORDER, PlanRevision, SafetyPlan
from safeplan.core.plan import days_since_review, diff_plans, mark_reviewed, render_diff
from safeplan.core.sections import SECTIONS, item_label, items_in
from safeplan.tui.screens.base import SafeplanScreen
from safeplan.tui.widgets.footer import KeysFooter


def when(at: datetime | None) -> str:
    """A date and time as a person reads it: "18 October 2026, 14:05"."""
    if at is None:
        return "never"
    return f"{at.day} {at:%B %Y}, {at:%H:%M}"


def day(at: datetime) -> str:
    return f"{at.day} {at:%B %Y}"


def plan_lines(plan: SafetyPlan, width: int) -> list[str]:
    lines: list[str] = []
    for step in STEP_ORDER:
        section = SECTIONS[step]
        lines.append(f"{section.number}. {section.title}")
        items = items_in(plan, step)
        for item in items:
            lines.extend(wrap(item_label(item), width, "   • ", "     "))
        if not items:
            lines.append("   (nothing here then)")
        lines.append("")
    return lines


class HistoryScreen(SafeplanScreen[None]):
    BINDINGS = [
        Binding("escape", "back", "Home", id="history-home"),
        Binding("r", "reviewed", "I looked it over", id="history-reviewed"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(id="history-body"):
            yield Static("History of your plan", classes="screen-title")
            yield Static(id="history-reviewed-line", markup=False)
            yield Static(
                "A copy is kept each time your plan changes. Choose one to see what changed.",
                classes="muted",
            )
            yield OptionList(id="revisions")
            with Horizontal(classes="button-row"):
                yield Button("I have looked it over", id="mark-reviewed", variant="primary")
                yield Button("Home", id="history-home-button")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.refresh_list()
        self.query_one("#revisions", OptionList).focus()

    def on_screen_resume(self) -> None:
        self.refresh_list()

    def refresh_list(self) -> None:
        payload = self.session.payload
        reviewed = payload.plan.last_reviewed_at
        if reviewed is None:
            line = "You have not marked your plan as looked over yet."
        else:
            days = days_since_review(payload, self.session.today()) or 0
            ago = "today" if days == 0 else "yesterday" if days == 1 else f"{days} days ago"
            line = f"Last looked over: {day(reviewed)} ({ago})."
        self.query_one("#history-reviewed-line", Static).update(line)
        options = self.query_one("#revisions", OptionList)
        options.clear_options()
        revisions = payload.plan_revisions
        for index in range(len(revisions) - 1, -1, -1):
            revision = revisions[index]
            note = f"  · {revision.note}" if revision.note else ""
            options.add_option(Option(f"{when(revision.at)}{note}", id=str(index)))
        if not revisions:
            options.add_option(
                Option("No versions yet: they appear as you write your plan.", disabled=True)
            )
        elif options.highlighted is None:
            options.highlighted = 0

    @on(OptionList.OptionSelected, "#revisions")
    def _open(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is not None:
            self.app.push_screen(RevisionScreen(int(event.option.id)))

    def action_reviewed(self) -> None:
        mark_reviewed(self.session.payload, self.session.now())
        self.request_save()
        self.refresh_list()
        self.notify("Noted: you looked over your plan today.")

    def action_back(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#mark-reviewed")
    def _reviewed_pressed(self) -> None:
        self.action_reviewed()

    @on(Button.Pressed, "#history-home-button")
    def _home_pressed(self) -> None:
        self.action_back()


class RevisionScreen(SafeplanScreen[None]):
    """One saved version: what changed from the one before, or the whole plan as it was."""

    BINDINGS = [
        Binding("escape", "back", "Back", id="revision-back"),
        Binding("t", "toggle_view", "Plan / changes", id="revision-toggle"),
        Binding("o", "step(-1)", "Older", id="revision-older"),
        Binding("n", "step(1)", "Newer", id="revision-newer"),
    ]

    def __init__(self, index: int) -> None:
        super().__init__()
        self.index = index
        self.show_changes = True

    def compose(self) -> ComposeResult:
        with Vertical(id="revision-body"):
            yield Static(id="revision-title", classes="screen-title", markup=False)
            with VerticalScroll(id="revision-scroll"):
                yield Static(id="revision-text", markup=False)
            with Horizontal(classes="button-row"):
                yield Button("What changed", id="view-changes")
                yield Button("The plan then", id="view-plan")
                yield Button("Back", id="revision-back-button")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.render_revision()
        self.query_one("#revision-scroll").focus()

    @property
    def revisions(self) -> list[PlanRevision]:
        return self.session.payload.plan_revisions

    def render_revision(self) -> None:
        revision = self.revisions[self.index]
        number = f"Version {self.index + 1} of {len(self.revisions)}"
        view = "what changed" if self.show_changes else "the plan then"
        self.query_one("#revision-title", Static).update(f"{number}, {when(revision.at)}: {view}")
        if self.show_changes:
            before = self.revisions[self.index - 1].plan if self.index else SafetyPlan()
            lines = render_diff(diff_plans(before, revision.plan))
            if self.index == 0:
                lines = ["The first version of your plan.", "", *lines]
        else:
            lines = plan_lines(revision.plan, max(30, self.app.size.width - 6))
        self.query_one("#revision-text", Static).update("\n".join(lines))
        self.query_one("#view-changes", Button).variant = (
            "primary" if self.show_changes else "default"
        )
        self.query_one("#view-plan", Button).variant = "default" if self.show_changes else "primary"

    def action_toggle_view(self) -> None:
        self.show_changes = not self.show_changes
        self.render_revision()

    def action_step(self, step: int) -> None:
        target = self.index + step
        if 0 <= target < len(self.revisions):
            self.index = target
            self.render_revision()

    def action_back(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#view-changes")
    def _changes(self) -> None:
        self.show_changes = True
        self.render_revision()

    @on(Button.Pressed, "#view-plan")
    def _plan(self) -> None:
        self.show_changes = False
        self.render_revision()

    @on(Button.Pressed, "#revision-back-button")
    def _back(self) -> None:
        self.action_back()
