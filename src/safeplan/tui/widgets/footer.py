"""The footer every screen uses: compact, so that the keys that work everywhere (ctrl+g help, ctrl+l
hide, ctrl+q quit) always fit at 80 columns next to the screen's own keys."""

from __future__ import annotations

from textual.widgets import Footer


class KeysFooter(Footer):
    def __init__(self, *, show_palette: bool = False) -> None:
        super().__init__(compact=True, show_command_palette=show_palette)
