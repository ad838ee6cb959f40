"""A one-line strip, always in view where it matters: the emergency number and where to find a crisis
line. It needs no vault and no passphrase."""

from __future__ import annotations

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
        super().__init__(self._text(country), id=id, markup=False)

    @staticmethod
    def _text(country: str | None) -> str:
        return help_source.strip_text(country)

    def show_country(self, country: str | None) -> None:
        self.update(self._text(country))
