"""The vault's life inside the app: unlocked, home, locked, closed. A mixin of the app, kept apart so
that app.py stays a thin shell."""

from __future__ import annotations

import asyncio
from functools import partial
from typing import TYPE_CHECKING, Any

from textual.screen import Screen
from textual.theme import Theme

from safeplan.core.store import Store
from safeplan.tui import menu
from safeplan.tui.privacy import PrivateApp
from safeplan.tui.session import keep_on_disk
from safeplan.tui.themes import DARK

if TYPE_CHECKING:
    from safeplan.tui.idle import IdleLock
    from safeplan.tui.saver import Saver
    from safeplan.tui.session import Session

NEUTRAL_TITLE = "Notes"
HELP = "safeplan.tui.screens.help:HelpScreen"


class VaultLifecycle(PrivateApp):
    session: Session
    saver: Saver
    idle: IdleLock

    def action_get_help(self) -> None:
        if type(self.screen).__name__ != "HelpScreen":
            self.push_screen(menu.build(HELP))

    # --- the vault's life: unlocked, home, locked -------------------------------------------------

    def unlocked(self, store: Store) -> None:
        self.session.store = store
        self.idle.touch()
        self.apply_settings()
        changed, keep = self.session.after_unlock()  # the vault and the kept country agree
        if changed:
            self.saver.request()
        if keep:
            self.keep_country(keep)

    def keep_country(self, code: str | None) -> None:
        """Write the kept country off the UI thread (see Session.choose_country)."""
        if code:
            self.run_worker(partial(keep_on_disk, code), thread=True, group="keep-country")

    def apply_settings(self) -> None:
        settings = self.session.settings
        self.theme = settings.theme if settings.theme in self.available_themes else DARK
        self.title = NEUTRAL_TITLE if settings.neutral_title else type(self).TITLE or "safeplan"

    def _theme_changed(self, theme: Theme) -> None:
        """A theme chosen anywhere (Settings, or the command palette) is kept in the vault."""
        if self.session.unlocked and self.session.settings.theme != theme.name:
            self.session.settings.theme = theme.name
            self.saver.request()

    def show_home(self, then: str | None = None) -> None:
        from safeplan.tui.screens.home import HomeScreen

        help_on_top = type(self.screen).__name__ == "HelpScreen"
        self._reset_stack(HomeScreen())
        if then and menu.available(then):
            self.push_screen(menu.build(then))
        if help_on_top:
            self.push_screen(menu.build(HELP))

    def open_screen(self, target: str) -> None:
        if target == HELP:
            self.action_get_help()
        else:
            self.push_screen(menu.build(target))

    async def lock(self, *, idle: bool = False) -> None:
        """Clear the screen at once, save what is pending, close the vault, ask for the passphrase.
        ``idle``: the idle lock did it, and the lock screen says so (in neutral words)."""
        from safeplan.tui.screens.hidden import HiddenScreen
        from safeplan.tui.screens.unlock import UnlockScreen

        self._commit_drafts()
        persistent = self.session.persistent
        # Discreet unless the person chose otherwise: nothing on the lock screen (or in the
        # window title) says what safeplan is for. ctrl+g still opens help there.
        discreet = not self.session.settings.lock_screen_help
        if discreet:
            self.title = NEUTRAL_TITLE
        screen = UnlockScreen(discreet=discreet, after_idle=idle) if persistent else HiddenScreen()
        self._reset_stack(screen)
        if persistent:
            await self.saver.flush()
            await self._close_store()

    def _reset_stack(self, screen: Screen[Any]) -> None:
        while len(self.screen_stack) > 1:
            self.pop_screen()
        self.push_screen(screen)

    def _commit_drafts(self) -> None:
        """Screens with words typed but not yet committed keep them (see PlanEditorScreen)."""
        for screen in self.screen_stack:
            commit = getattr(screen, "commit_draft", None)
            if commit is not None:
                commit()

    async def _close_store(self) -> None:
        store, self.session.store = self.session.store, None
        if store is not None:
            await asyncio.to_thread(store.close)
