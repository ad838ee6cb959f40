"""A checkbox whose mark reads without colour: a tick when on, blank when off."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Checkbox


class PlainCheckbox(Checkbox):
    """A checkbox whose mark reads without colour: a tick when on, blank when off."""

    @property
    def _button(self) -> Content:
        self.BUTTON_INNER = "✓" if self.value else " "
        return super()._button
