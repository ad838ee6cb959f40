"""The safeplan app: a thin shell. Screens do the work; this holds the session, the saver, the keys
that work everywhere (ctrl+g help, ctrl+l hide and lock, ctrl+q quit) and the screen stack."""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from datetime import date
from pathlib import Path, PurePath
from typing import ClassVar

from textual import events
from textual._path import CSSPathType
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from safeplan.core import kept_country
from safeplan.core.paths import resolve_vault_path
from safeplan.core.store import Store
from safeplan.tui.crash import CalmCrash
from safeplan.tui.idle import IdleLock
from safeplan.tui.lifecycle import VaultLifecycle
from safeplan.tui.palette import SafeplanCommands
from safeplan.tui.saver import Saver
from safeplan.tui.session import Session
from safeplan.tui.themes import DARK, THEMES, start_in_theme, without_colour
from safeplan.tui.warm_up import warm_up

STYLES = Path(__file__).resolve().parent / "styles"
STYLE_SHEETS: list[str | PurePath] = [STYLES / "app.tcss", STYLES / "no_color.tcss"]
"""Every app-wide sheet, in one place. Absolute paths, so an app class defined in another folder
(the guided session's :class:`~safeplan.tui.screens.guide_app.GuideApp`) loads the same ones."""


class SafeplanApp(CalmCrash, VaultLifecycle, inherit_bindings=False):
    CSS_PATH: ClassVar[CSSPathType | None] = STYLE_SHEETS
    COMMANDS = App.COMMANDS | {SafeplanCommands}
    TITLE = "safeplan"
    BINDINGS = [
        Binding("ctrl+g", "get_help", "Get help", priority=True, id="get-help"),
        Binding("ctrl+l", "hide", "Hide", priority=True, id="hide"),
        Binding("ctrl+q", "quit", "Quit", priority=True, id="quit"),
        Binding("ctrl+c", "help_quit", show=False, system=True),
    ]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.saver = Saver(self)
        self.idle = IdleLock(self)
        self._quit_despite_error = False
        for theme in THEMES:
            self.register_theme(theme)
        start_in_theme(self, DARK)
        if "NO_COLOR" in session.environ:
            self.no_color = True  # no colour at all, not greyscale (Textual's own default)
            self._filters = without_colour(self._filters)

    def on_mount(self) -> None:
        from safeplan.tui.screens.unlock import UnlockScreen
        from safeplan.tui.screens.welcome import CreateVaultScreen

        self.idle.start()
        self.theme_changed_signal.subscribe(self, self._theme_changed)
        if self.session.unlocked:
            self.apply_settings()
            self.show_home()
        elif self.session.vault_exists():
            self.push_screen(UnlockScreen())
        else:
            self.push_screen(CreateVaultScreen())
        # Once the first screen is drawn: the vault code loads in the background (see warm_up).
        self.call_after_refresh(
            self.run_worker, warm_up, thread=True, group="warm-up", exit_on_error=False
        )

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key | events.MouseDown) and not event.is_forwarded:
            self.idle.touch()
        await super().on_event(event)

    def watch_title(self, title: str) -> None:
        if not self.is_headless and self._driver is not None:
            self._driver.write(f"\x1b]2;{title}\x07")

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield SystemCommand(
            "Get help now", "Crisis lines and your own people", self.action_get_help
        )
        yield SystemCommand("Hide and lock", "Clear the screen and lock", self.action_hide)

    # --- the keys that work everywhere ------------------------------------------------------------

    async def action_hide(self) -> None:
        await self.lock()

    async def action_quit(self) -> None:
        self._commit_drafts()
        error = await self.saver.flush()
        if error is not None and not self._quit_despite_error:
            self._quit_despite_error = True
            self.notify(
                "Your last change is not saved yet. Press ctrl+q again to quit anyway.",
                title="Not saved yet",
                severity="warning",
            )
            return
        await self._close_store()
        self.exit(0)


def make_app(
    *,
    vault_path: Path | None = None,
    store: Store | None = None,
    today: date | None = None,
    country: str | None = None,
    environ: Mapping[str, str] | None = None,
) -> SafeplanApp:
    """The one way to build the app: the CLI and every test use it."""
    if vault_path is None and store is None:
        vault_path = resolve_vault_path(None)
    session = Session(
        vault_path=vault_path,
        store=store,
        today=(lambda: today) if today is not None else date.today,
        country=country,
        environ=dict(os.environ if environ is None else environ),
        kept=kept_country.read(),  # before the app runs: no disk I/O on the UI thread
    )
    return SafeplanApp(session)
