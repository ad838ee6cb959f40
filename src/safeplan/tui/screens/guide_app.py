"""``safeplan guide`` in a full terminal: the safeplan app, opening the guided session as soon as
the vault is open (or at once, for a session not saved on this computer)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from safeplan.core.guide.handover import Handover
from safeplan.core.models import VaultPayload, Voice
from safeplan.tui.app import SafeplanApp
from safeplan.tui.screens.guide import GuideScreen


class GuideApp(SafeplanApp):
    """The safeplan app, opening the guided session as soon as the vault is open."""

    def __init__(self, session: Any, *, voice: Voice | None, ephemeral: bool) -> None:
        super().__init__(session)
        self.guide_voice = voice
        self.ephemeral = ephemeral
        self._guide_opened = False
        self._quit_confirmed = False
        self.farewell = ""
        """Said in the terminal after the app closes: what a session not saved here left behind."""

    async def action_quit(self) -> None:
        """Not saved on this computer, quitting forgets the plan: ask once more first."""
        screen = self.screen
        store = self.session.store
        unsaved = (
            self.ephemeral
            and isinstance(screen, GuideScreen)
            and not screen.kept
            and store is not None
            and not store.payload.plan.is_empty()
        )
        if unsaved and not self._quit_confirmed:
            self._quit_confirmed = True
            self.notify(
                "This plan is not saved anywhere yet. Press ctrl+q again to quit and let it go, "
                "or press Escape to choose what to keep.",
                title="Not kept anywhere yet",
                severity="warning",
            )
            return
        if self.ephemeral and store is not None:
            state = screen.handover if isinstance(screen, GuideScreen) else None
            self.farewell = (state or Handover(ephemeral=True)).finished_words()
            store.payload = VaultPayload()
        await super().action_quit()

    def show_home(self, then: str | None = None) -> None:
        super().show_home(then)
        if not self._guide_opened:
            self._guide_opened = True
            self.push_screen(GuideScreen(self.guide_voice, exit_when_done=self.ephemeral))


def make_guide_app(
    *,
    vault_path: Path | None = None,
    store: Any = None,
    voice: Voice | None = None,
    ephemeral: bool = False,
    environ: dict[str, str] | None = None,
    country: str | None = None,
) -> GuideApp:
    from safeplan.tui.app import make_app

    base = make_app(vault_path=vault_path, store=store, environ=environ, country=country)
    if ephemeral and base.session.store is not None:
        base.session.store.payload.settings.voice = "with_someone"
    return GuideApp(base.session, voice=voice, ephemeral=ephemeral)
