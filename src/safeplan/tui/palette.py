"""The command palette (ctrl+p) finds safeplan's own actions by name: everything on the home menu
(use my plan now, check in, log use, print or export, settings, ...) and get help now. Places that
need the vault are offered only while it is open; get help is offered always. Textual's Screenshot
command stays removed (tui/privacy.py)."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, cast

from textual.command import DiscoveryHit, Hit, Hits, Provider

from safeplan.tui import menu

if TYPE_CHECKING:
    from safeplan.tui.app import SafeplanApp

HELP_ID = "help"


class SafeplanCommands(Provider):
    def _entries(self) -> list[menu.Entry]:
        app = cast("SafeplanApp", self.app)
        unlocked = app.session.unlocked
        return [e for e in menu.entries() if unlocked or e.id == HELP_ID]

    def _open(self, entry: menu.Entry) -> None:
        cast("SafeplanApp", self.app).open_screen(entry.target)

    async def discover(self) -> Hits:
        for entry in self._entries():
            yield DiscoveryHit(entry.label, partial(self._open, entry), help=entry.hint)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for entry in self._entries():
            score = max(matcher.match(entry.label), matcher.match(entry.hint) * 0.5)
            if score > 0:
                yield Hit(
                    score,
                    matcher.highlight(entry.label),
                    partial(self._open, entry),
                    help=entry.hint,
                )
