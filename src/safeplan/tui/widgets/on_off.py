"""A yes/no setting whose state is written in words ("[x] On" / "[ ] Off"), never shown by colour
alone. Space, enter or a click changes it."""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Static


class OnOff(Static, can_focus=True):
    DEFAULT_CSS = """
    OnOff {
        width: auto;
        min-width: 10;
        padding: 0 1;
        background: $panel;
    }
    OnOff:focus {
        background: $boost;
        text-style: bold reverse;
    }
    """
    BINDINGS = [Binding("space,enter", "flip", "Change", show=False)]

    value: reactive[bool] = reactive(False)

    @dataclass
    class Changed(Message):
        switch: OnOff
        value: bool

        @property
        def control(self) -> OnOff:
            return self.switch

    def __init__(self, value: bool, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id, markup=False)
        self.set_reactive(OnOff.value, value)

    def render(self) -> str:
        return "[x] On" if self.value else "[ ] Off"

    def action_flip(self) -> None:
        self.value = not self.value
        self.post_message(self.Changed(self, self.value))

    def on_click(self) -> None:
        self.action_flip()
