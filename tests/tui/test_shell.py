"""The app shell: first run, unlock, recovery, hide and lock, idle lock, privacy of the palette."""

from __future__ import annotations

from pathlib import Path

from safeplan.core.models import VaultPayload
from safeplan.core.vault import Vault
from safeplan.tui.app import make_app
from safeplan.tui.screens.hidden import HiddenScreen
from safeplan.tui.screens.home import HomeScreen
from safeplan.tui.screens.unlock import RecoverScreen, UnlockScreen
from safeplan.tui.screens.welcome import CreateVaultScreen, RecoveryCodeScreen
from safeplan.tui.themes import DARK, HIGH_CONTRAST, LIGHT
from safeplan.tui.widgets.fields import TextField

from .conftest import PASSPHRASE, SIZE, flat, screen_text, settle, type_text, vault_app


async def test_first_run_shows_help_before_asking_then_creates_and_shows_the_code(
    vault_path: Path,
) -> None:
    app = vault_app(vault_path)
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, CreateVaultScreen)
        text = screen_text(app)
        assert "call 999 or 112" in text
        assert "Samaritans 116 123" in text
        assert "nobody can reset this passphrase" in text

        await type_text(pilot, "short")
        await pilot.press("enter")
        await type_text(pilot, "short")
        await pilot.press("enter")
        assert "at least 8 characters" in flat(app)
        assert not vault_path.exists()

        app.screen.query_one("#passphrase", TextField).value = PASSPHRASE
        app.screen.query_one("#passphrase2", TextField).value = PASSPHRASE + "x"
        await pilot.click("#create")
        assert "did not match" in flat(app)
        assert not vault_path.exists()

        app.screen.query_one("#passphrase2", TextField).focus()
        await type_text(pilot, PASSPHRASE)
        await pilot.press("enter")
        await settle(pilot, app)
        assert isinstance(app.screen, RecoveryCodeScreen)
        code = app.screen.code
        assert code and code in flat(app)
        assert "shown only now" in flat(app)
        await pilot.click("#look-around")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert vault_path.exists()
    Vault.open_with_recovery(vault_path, code).close()
    Vault.open(vault_path, PASSPHRASE).close()


async def test_unlock_says_calmly_what_to_do_after_a_wrong_passphrase(made_vault: Path) -> None:
    app = vault_app(made_vault)
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, UnlockScreen)
        assert "call 999 or 112" in flat(app)
        await type_text(pilot, "not it at all")
        await pilot.press("enter")
        await settle(pilot, app)
        text = screen_text(app)
        assert "does not open this vault" in text
        assert "I forgot my passphrase" in text
        assert isinstance(app.screen, UnlockScreen)
        assert app.screen.query_one("#passphrase", TextField).value == ""

        await type_text(pilot, PASSPHRASE)
        await pilot.press("enter")
        await settle(pilot, app)
        assert isinstance(app.screen, HomeScreen)
        assert app.session.unlocked


async def test_a_vault_open_elsewhere_is_named_not_a_wrong_passphrase(made_vault: Path) -> None:
    other = Vault.open(made_vault, PASSPHRASE)
    try:
        app = vault_app(made_vault)
        async with app.run_test(size=SIZE) as pilot:
            app.screen.query_one("#passphrase", TextField).value = PASSPHRASE
            await pilot.press("enter")
            await settle(pilot, app)
            assert "open in another safeplan window" in flat(app)
            assert not app.session.unlocked
    finally:
        other.close()


async def test_forgotten_passphrase_recovery_code_then_a_new_passphrase(
    vault_with_code: tuple[Path, str],
) -> None:
    path, code = vault_with_code
    app = vault_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.click("#forgot")
        await pilot.pause()
        assert isinstance(app.screen, RecoverScreen)
        await type_text(pilot, "0000-0000")
        await pilot.press("enter")
        await settle(pilot, app)
        assert "recovery code looks mistyped" in flat(app)  # too short to be a code

        app.screen.query_one("#code", TextField).value = code.lower().replace("-", " ")
        await pilot.press("enter")
        await settle(pilot, app)
        assert "choose a new passphrase" in flat(app).lower()
        await type_text(pilot, "a brand new phrase")
        await pilot.press("enter")
        await type_text(pilot, "a brand new phrase")
        await pilot.press("enter")
        await settle(pilot, app)
        assert isinstance(app.screen, RecoveryCodeScreen)
        new_code = app.screen.code
        assert new_code and new_code != code
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("ctrl+q")
    Vault.open(path, "a brand new phrase").close()
    Vault.open_with_recovery(path, new_code).close()


async def test_hide_clears_the_screen_and_locks_the_vault(made_vault: Path) -> None:
    app = vault_app(made_vault)
    async with app.run_test(size=SIZE) as pilot:
        app.screen.query_one("#passphrase", TextField).value = PASSPHRASE
        await pilot.press("enter")
        await settle(pilot, app)
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("ctrl+l")
        await settle(pilot, app)
        assert isinstance(app.screen, UnlockScreen)
        assert len(app.screen_stack) == 2  # the blank default screen and the unlock screen
        assert not app.session.unlocked
        Vault.open(made_vault, PASSPHRASE).close()  # the lock was released


async def test_idle_lock_locks_after_the_chosen_minutes_and_not_when_off(made_vault: Path) -> None:
    app = vault_app(made_vault)
    async with app.run_test(size=SIZE) as pilot:
        app.screen.query_one("#passphrase", TextField).value = PASSPHRASE
        await pilot.press("enter")
        await settle(pilot, app)
        app.session.settings.idle_lock_minutes = 0
        app.idle.last_activity -= 10_000
        await app.idle.check()
        assert app.session.unlocked

        app.session.settings.idle_lock_minutes = 5
        app.idle.last_activity -= 4 * 60
        app.idle.last_activity += 10_000
        await app.idle.check()
        assert app.session.unlocked
        app.idle.last_activity -= 60
        await app.idle.check()
        await settle(pilot, app)
        assert not app.session.unlocked
        assert isinstance(app.screen, UnlockScreen)


async def test_hide_in_the_demo_leaves_nothing_personal_on_screen(demo_app, demo) -> None:  # type: ignore[no-untyped-def]
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert isinstance(demo_app.screen, HiddenScreen)
        text = screen_text(demo_app)
        assert demo.plan.help_contacts[0].name not in text
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(demo_app.screen, HomeScreen)


async def test_the_palette_has_no_screenshot_and_screenshots_write_nothing(
    demo_app, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    async with demo_app.run_test(size=SIZE) as pilot:
        titles = [c.title for c in demo_app.get_system_commands(demo_app.screen)]
        assert "Screenshot" not in titles
        assert "Get help now" in titles
        demo_app.action_screenshot()
        assert demo_app.save_screenshot(path=str(tmp_path)) == ""
        assert demo_app.deliver_screenshot(path=str(tmp_path)) is None
        await pilot.pause()
    assert list(tmp_path.iterdir()) == []


async def test_three_themes_and_no_color(demo: VaultPayload) -> None:
    from safeplan.core.store import MemoryStore

    app = make_app(store=MemoryStore(demo), environ={"NO_COLOR": "1"})
    async with app.run_test(size=SIZE):
        assert {DARK, LIGHT, HIGH_CONTRAST} <= set(app.available_themes)
        assert app.theme == DARK
        assert app.no_color
