"""A one-line strip, always in view where it matters: whose numbers these are, the emergency number
and where to find a crisis line. It needs no vault and no passphrase."""

from __future__ import annotations

from textual.geometry import Size
from textual.widgets import Static

from safeplan.tui import help_source


class CrisisStrip(Static):
    DEFAULT_CSS = """
    CrisisStrip {
        width: 1fr;
        height: auto;
        padding: 0 1;
        background: $panel;
        color: $foreground;
    }
    """

    def __init__(self, country: str | None, *, id: str | None = None) -> None:  # noqa: A002
        self._country = country
        self._width = 78
        super().__init__(help_source.strip_text(country), id=id, markup=False)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        """Layout asks the height for the width the strip gets: the line is chosen for that width
        first, so it stays one line where it can (a fuller line would wrap to two)."""
        if width and width != self._width:
            self._width = width
            self.update(help_source.strip_text(self._country, width), layout=False)
            self._content_height_cache = (None, 0)
        return super().get_content_height(container, viewport, width)

    def show_country(self, country: str | None) -> None:
        self._country = country
        self._content_height_cache = (None, 0)
        self.update(help_source.strip_text(country, self._width))
