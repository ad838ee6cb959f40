"""App start and a slow unlock: the unlock screen comes up before the vault code is loaded (it warms
up in the background), and an unlock that takes more than a second says it is still working,
counting the seconds, until it ends."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from textual.app import App
from textual.pilot import Pilot

from safeplan.core import vault as vault_module
from safeplan.tui.screens.home import HomeScreen
from safeplan.tui.screens.unlock import OPENING, UnlockScreen
from safeplan.tui.widgets.still_working import SLOW_ON_PURPOSE, still_words

from .conftest import PASSPHRASE, SIZE, flat, type_text, vault_app


def slow_open(monkeypatch: pytest.MonkeyPatch, seconds: float) -> threading.Event:
    """Vault.open takes ``seconds`` longer (as on a slow computer); the event is set when done."""
    real = vault_module.Vault.open
    done = threading.Event()

    def slower(*args: object, **kwargs: object) -> object:
        time.sleep(seconds)
        try:
            return real(*args, **kwargs)  # type: ignore[arg-type]
        finally:
            done.set()

    monkeypatch.setattr(vault_module.Vault, "open", slower)
    return done


async def home_within(pilot: Pilot[object], app: App[object], seconds: float) -> None:
    for _ in range(int(seconds * 10)):
        await pilot.pause(0.1)
        if isinstance(app.screen, HomeScreen):
            return
    raise AssertionError(f"the home screen did not come within {seconds} s")


async def test_a_slow_unlock_shows_that_it_is_still_working(
    made_vault: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    done = slow_open(monkeypatch, 2.2)
    app = vault_app(made_vault)
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, UnlockScreen)
        await type_text(pilot, PASSPHRASE)
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert OPENING in flat(app)  # at once: what is happening
        assert "Still opening" not in flat(app)  # and no more than that in the first second
        await pilot.pause(1.4)
        text = flat(app)
        assert "Still opening your vault (1 s)" in text or "Still opening your vault (2 s)" in text
        assert SLOW_ON_PURPOSE.split(",")[0] in text
        while not done.is_set():
            await pilot.pause(0.1)
        await home_within(pilot, app, seconds=3)


async def test_a_quick_unlock_shows_no_progress_and_stops_counting(made_vault: Path) -> None:
    app = vault_app(made_vault)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, UnlockScreen)
        await type_text(pilot, PASSPHRASE)
        await pilot.press("enter")
        await home_within(pilot, app, seconds=5)
        assert not screen.still.running


async def test_a_wrong_passphrase_stops_the_count(
    made_vault: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    done = slow_open(monkeypatch, 1.3)
    app = vault_app(made_vault)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, UnlockScreen)
        await type_text(pilot, "not the passphrase")
        await pilot.press("enter")
        while not done.is_set():
            await pilot.pause(0.1)
        await pilot.pause(0.8)
        assert not screen.still.running
        assert "does not open this vault" in flat(app)
        assert "Still opening" not in flat(app)


def test_the_words_name_the_work_and_the_seconds() -> None:
    assert still_words("opening your vault", 2.4).startswith("Still opening your vault (2 s).")


async def test_the_app_starts_in_its_own_theme_without_parsing_its_styles_twice(
    made_vault: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from textual.css.stylesheet import Stylesheet

    from safeplan.tui.themes import DARK, THEMES

    reparsed: list[int] = []
    real = Stylesheet.reparse

    def counted(self: Stylesheet) -> None:
        reparsed.append(1)
        real(self)

    monkeypatch.setattr(Stylesheet, "reparse", counted)
    app = vault_app(made_vault)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, UnlockScreen)
        assert reparsed == []
        dark = next(t for t in THEMES if t.name == DARK)
        assert app.theme == DARK and app.current_theme is dark
        assert app.stylesheet._variables["primary"] == dark.primary
        assert app.screen.styles.background.hex.upper() == dark.background
        assert {"-theme-safeplan-dark", "-dark-mode"} <= set(app.classes)
