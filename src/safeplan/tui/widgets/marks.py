"""Choices whose state is a character, never a colour alone: a radio button shows ● when chosen and
○ when not, so the choice reads the same without colour (NO_COLOR), in greyscale, on a monochrome
screen and to a screen reader's review of the screen."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import RadioButton

CHOSEN = "●"
NOT_CHOSEN = "○"


class MarkedRadioButton(RadioButton):
    @property
    def _button(self) -> Content:
        self.BUTTON_INNER = CHOSEN if self.value else NOT_CHOSEN
        return super()._button
