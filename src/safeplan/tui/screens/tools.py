"""Tools for right now: breathe, ground, ride an urge, the hope box. One list, one key each; each
tool is also in ctrl+g help and offered at step 2 of "use my plan now"."""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from safeplan.tui.screens.base import SafeplanScreen
from safeplan.tui.widgets.footer import KeysFooter


@dataclass(frozen=True)
class Tool:
    id: str
    label: str
    hint: str
    needs_vault: bool = False


TOOLS: tuple[Tool, ...] = (
    Tool("breathe", "Breathe", "slow breathing: in for 4, out for 6"),
    Tool("ground", "Ground yourself", "5-4-3-2-1, one sense at a time"),
    Tool("urge", "Ride an urge", "watch it rise and fall with a timer"),
    Tool("hope", "My hope box", "things worth holding on to", needs_vault=True),
)


def tool_screen(tool_id: str) -> Screen[None]:
    """The screen for a tool, imported only when it is opened."""
    if tool_id == "breathe":
        from safeplan.tui.screens.breathe import BreatheScreen

        return BreatheScreen()
    if tool_id == "ground":
        from safeplan.tui.screens.ground import GroundScreen

        return GroundScreen()
    if tool_id == "urge":
        from safeplan.tui.screens.urge import UrgeScreen

        return UrgeScreen()
    from safeplan.tui.screens.hope import HopeScreen

    return HopeScreen()


class ToolsScreen(SafeplanScreen[None]):
    CSS_PATH = "../styles/moment.tcss"
    BINDINGS = [Binding("escape", "close", "Back", id="tools-back")]

    def compose(self) -> ComposeResult:
        with Vertical(classes="moment-body"):
            yield Static("Tools for right now", classes="screen-title")
            yield Static("Pick one. Each one stops whenever you want.", classes="moment-text")
            options = [
                Option(f"{n}  {t.label}  ·  {t.hint}", id=t.id)
                for n, t in enumerate(self.tools(), 1)
            ]
            yield OptionList(*options, id="tools-menu")
        yield KeysFooter()

    def tools(self) -> list[Tool]:
        """The hope box is in the vault: it is offered only while the vault is open."""
        return [t for t in TOOLS if self.session.unlocked or not t.needs_vault]

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    def on_key(self, event: object) -> None:
        key = getattr(event, "key", "")
        tools = self.tools()
        if key.isdigit() and 1 <= int(key) <= len(tools):
            self.app.push_screen(tool_screen(tools[int(key) - 1].id))

    @on(OptionList.OptionSelected)
    def _open(self, event: OptionList.OptionSelected) -> None:
        self.app.push_screen(tool_screen(event.option.id or "breathe"))

    def action_close(self) -> None:
        self.dismiss(None)
