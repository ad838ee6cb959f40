"""What the plan says, and crisis lines: offered after a hard check-in or a self-check answer,
never forced. Escape (or Enter) goes back."""

from __future__ import annotations

import textwrap

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from safeplan.core.models import VaultPayload
from safeplan.core.sections import SECTIONS, item_label, items_in
from safeplan.tui import help_source, menu
from safeplan.tui.screens.base import SafeplanScreen
from safeplan.tui.screens.log_form import FORM_CSS
from safeplan.tui.widgets.footer import KeysFooter

WALKTHROUGH = "safeplan.tui.screens.walkthrough:WalkthroughScreen"


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
