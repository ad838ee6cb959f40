"""The country kept outside the vault (before unlocking, on the welcome screen, in settings) and
the discreet lock screen."""

from __future__ import annotations

from pathlib import Path

from safeplan.core import kept_country
from safeplan.core.models import Settings, VaultPayload
from safeplan.core.vault import Vault
from safeplan.tui.app import make_app
from safeplan.tui.screens.help import HelpScreen
from safeplan.tui.screens.home import HomeScreen
from safeplan.tui.screens.unlock import UnlockScreen
from safeplan.tui.screens.welcome import CreateVaultScreen, RecoveryCodeScreen
from safeplan.tui.widgets.fields import TextField

from .conftest import FIXED_DAY, PASSPHRASE, SIZE, flat, screen_text, settle, type_text

US_LOCALE = {"LANG": "en_US.UTF-8"}


def us_app(path: Path):  # type: ignore[no-untyped-def]
    """The app as a person starts it on a machine whose locale says the United States."""
    return make_app(vault_path=path, today=FIXED_DAY, environ=US_LOCALE)


def gb_vault(path: Path, **settings: object) -> Path:
    vault, _code = Vault.create(
        path, PASSPHRASE, VaultPayload(settings=Settings(country="GB", **settings))
    )
    vault.close()
    return path


async def unlock(pilot, app) -> None:  # type: ignore[no-untyped-def]
    app.screen.query_one("#passphrase", TextField).value = PASSPHRASE
    await pilot.press("enter")
    await settle(pilot, app)
    assert isinstance(app.screen, HomeScreen)


async def test_a_gb_vault_under_en_us_shows_uk_help_before_unlocking(vault_path: Path) -> None:
    gb_vault(vault_path)
    first = us_app(vault_path)
    async with first.run_test(size=SIZE) as pilot:
        assert "911" in screen_text(first)  # nothing kept yet: only the locale to go by
        assert "a guess from your language settings" in flat(first)
        await unlock(pilot, first)
        assert "999 or 112" in screen_text(first)
        await pilot.press("ctrl+q")
        await settle(pilot, first)
    assert kept_country.read() == "GB"  # opening the vault kept its country

    again = us_app(vault_path)
    async with again.run_test(size=SIZE) as pilot:
        assert isinstance(again.screen, UnlockScreen)
        text = flat(again)
        assert "call 999 or 112" in text and "Samaritans" in text
        assert "United Kingdom (GB)" in text and "a guess" not in text
        assert "911" not in text and "988" not in text
        await pilot.press("ctrl+g")
        await pilot.pause()
        assert isinstance(again.screen, HelpScreen)
        assert "Call 999 or 112" in flat(again) and "911" not in flat(again)


async def test_the_kept_country_wins_and_the_vault_follows(vault_path: Path) -> None:
    gb_vault(vault_path)
    kept_country.keep("IE")
    app = us_app(vault_path)
    async with app.run_test(size=SIZE) as pilot:
        assert "Ireland" in flat(app)
        await unlock(pilot, app)
        await settle(pilot, app)
        assert app.session.settings.country == "IE"
        await pilot.press("ctrl+q")
        await settle(pilot, app)
    with Vault.open(vault_path, PASSPHRASE) as vault:
        assert vault.payload.settings.country == "IE"


async def test_welcome_asks_the_country_prefilled_from_the_locale(vault_path: Path) -> None:
    app = us_app(vault_path)
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, CreateVaultScreen)
        assert "Crisis help for: United States (US) (a guess" in flat(app)
        await pilot.click("#welcome-country")
        await pilot.pause()
        await type_text(pilot, "england")
        await pilot.press("enter")
        await settle(pilot, app)
        assert "Crisis help for:  United Kingdom (GB)" in screen_text(app)  # no stale width
        assert "call 999 or 112" in flat(app)
        app.screen.query_one("#passphrase", TextField).value = PASSPHRASE
        app.screen.query_one("#passphrase2", TextField).value = PASSPHRASE
        await pilot.click("#create")
        await settle(pilot, app)
        assert isinstance(app.screen, RecoveryCodeScreen)
        await pilot.press("ctrl+q")
        await settle(pilot, app)
    assert kept_country.read() == "GB"
    with Vault.open(vault_path, PASSPHRASE) as vault:
        assert vault.payload.settings.country == "GB"


async def test_settings_country_sets_the_vault_and_the_kept_country(vault_path: Path) -> None:
    gb_vault(vault_path)
    app = us_app(vault_path)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot, app)
        from safeplan.tui.screens.settings import SettingsScreen

        await app.push_screen(SettingsScreen())
        await pilot.pause()
        await pilot.click("#country")
        await pilot.pause()
        await type_text(pilot, "new zealand")
        await pilot.press("enter")
        await settle(pilot, app)
        assert app.session.settings.country == "NZ"
        assert kept_country.read() == "NZ"


async def test_the_lock_screen_after_ctrl_l_is_neutral_and_help_still_opens(
    vault_path: Path,
) -> None:
    gb_vault(vault_path)
    app = us_app(vault_path)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot, app)
        await pilot.press("ctrl+l")
        await settle(pilot, app)
        assert isinstance(app.screen, UnlockScreen)
        text = flat(app).lower()
        for telling in ("crisis", "danger", "samaritans", "999", "safeplan", "welcome", "plan"):
            assert telling not in text, telling
        assert app.title == "Notes"
        await pilot.press("ctrl+g")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert "Call 999 or 112" in flat(app)
        await pilot.press("escape")
        await pilot.pause()
        await unlock(pilot, app)
        assert app.title != "Notes"


async def test_the_lock_screen_shows_help_when_the_person_turned_it_on(vault_path: Path) -> None:
    gb_vault(vault_path, lock_screen_help=True)
    app = us_app(vault_path)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot, app)
        await pilot.press("ctrl+l")
        await settle(pilot, app)
        assert isinstance(app.screen, UnlockScreen)
        assert "call 999 or 112" in flat(app)


async def test_idle_lock_is_discreet_too(vault_path: Path) -> None:
    gb_vault(vault_path)
    app = us_app(vault_path)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot, app)
        app.idle.last_activity -= 16 * 60
        await app.idle.check()
        await settle(pilot, app)
        assert isinstance(app.screen, UnlockScreen)
        assert "crisis" not in flat(app).lower()
        assert "Locked after a while without use." in flat(app)
