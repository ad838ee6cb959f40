"""Text fields used everywhere: a compact Textual Input (one line, so forms fit at 80x24) whose cursor
does not blink in headless runs, so tests and snapshots stay stable."""

from __future__ import annotations

from typing import Any

from textual.widgets import Input


class TextField(Input):
    DEFAULT_CSS = """
    TextField {
        background: $panel;
        max-width: 72;
        margin: 0 0 0 0;
    }
    TextField:focus {
        background: $boost;
        text-style: bold;
    }
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("compact", True)
        super().__init__(*args, **kwargs)

    def on_mount(self) -> None:
        if self.app.is_headless:
            self.cursor_blink = False

    # A passphrase never reaches the clipboard (clipboard managers keep a history on disk, and
    # the terminal's OSC 52 clipboard may be shared): copy and cut do nothing in a password field.
    def action_copy(self) -> None:
        if not self.password:
            super().action_copy()

    def action_cut(self) -> None:
        if not self.password:
            super().action_cut()
