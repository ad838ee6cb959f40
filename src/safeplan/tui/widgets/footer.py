"""The footer every screen uses: compact, so that the keys that work everywhere (ctrl+g help, ctrl+l
hide, ctrl+q quit) always fit at 80 columns next to the screen's own keys. Narrower than that, not
every key fits: then Get help comes first, so it is never the one cut off."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widget import Widget
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

FULL_WIDTH = 80
"""From this width every screen's keys fit, in their own order."""
HELP_ACTION = "get_help"


class KeysFooter(Footer):
    def __init__(self, *, show_palette: bool = False) -> None:
        super().__init__(compact=True, show_command_palette=show_palette)
        self._narrow = False

    def compose(self) -> ComposeResult:
        keys: list[Widget] = list(super().compose())
        self._narrow = self.app.size.width < FULL_WIDTH
        if self._narrow:
            keys.sort(
                key=lambda key: not (isinstance(key, FooterKey) and key.action == HELP_ACTION)
            )
        yield from keys

    def on_resize(self) -> None:
        if (self.app.size.width < FULL_WIDTH) != self._narrow:
            self.refresh(recompose=True)
