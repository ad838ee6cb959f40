"""The overdose steps in the app: from Get help now (ctrl+g), and offered with one key after a
dangerous or risky mix is logged (never after an unknown one)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from safeplan.core.checkins import add_use_entry, new_use_entry
from safeplan.core.models import VaultPayload, now
from safeplan.core.store import MemoryStore
from safeplan.tui.app import SafeplanApp, make_app
from safeplan.tui.screens.help import HelpScreen
from safeplan.tui.screens.overdose import OverdoseScreen
from safeplan.tui.screens.use_entry import UseEntryScreen
from safeplan.tui.screens.use_saved import UseSavedScreen
from safeplan.tui.widgets.fields import TextField

from .conftest import FIXED_DAY, SIZE, flat, settle, vault_app


def app_with(*earlier: tuple[str, float]) -> SafeplanApp:
    payload = VaultPayload()
    for name, hours_ago in earlier:
        add_use_entry(payload, new_use_entry(substance=name, at=now() - timedelta(hours=hours_ago)))
    return make_app(store=MemoryStore(payload), today=FIXED_DAY, country="GB", environ={})


async def log(pilot, app: SafeplanApp, name: str) -> None:  # type: ignore[no-untyped-def]
    app.push_screen(UseEntryScreen())
    await pilot.pause()
    app.screen.query_one("#substance", TextField).value = name
    await pilot.press("enter")
    await settle(pilot, app)


async def test_get_help_opens_the_overdose_steps_with_one_key() -> None:
    app = app_with()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+g")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, OverdoseScreen)
        text = flat(app)
        assert "If someone may be overdosing: call 999 or 112." in text
        assert "1. Call 999 or 112 now." in text
        assert "give it anyway" in text
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)


async def test_a_dangerous_mix_shows_first_steps_and_offers_every_step_with_one_key() -> None:
    app = app_with(("heroin", 2))
    async with app.run_test(size=SIZE) as pilot:
        await log(pilot, app, "xanax")
        assert isinstance(app.screen, UseSavedScreen)
        text = flat(app)
        assert "If someone can't be woken, or is breathing slowly or not at all:" in text
        assert "1. Call 999 or 112 now." in text
        assert "Press h for every step." in text
        await pilot.press("h")
        await pilot.pause()
        assert isinstance(app.screen, OverdoseScreen)
        assert "Put them on their side" in flat(app) or "on their side" in flat(app)


async def test_a_regular_medicine_mix_is_noted_in_the_app() -> None:
    app = app_with()
    app.session.payload.settings.regular_medicines = ["sertraline"]
    async with app.run_test(size=SIZE) as pilot:
        await log(pilot, app, "tramadol")
        assert isinstance(app.screen, UseSavedScreen)
        assert [n.regular for n in app.screen.notes] == ["sertraline"]
        assert "Press h for every step." in flat(app)


async def test_no_overdose_offer_after_an_unknown_mix() -> None:
    app = app_with(("cannabis", 1))
    async with app.run_test(size=SIZE) as pilot:
        await log(pilot, app, "nicotine")
        assert isinstance(app.screen, UseSavedScreen)
        text = flat(app)
        assert "safeplan has no rule for this pair: cannabis and nicotine." in text
        assert "does not mean it is safe" in text
        assert "Press h" not in text
        await pilot.press("h")
        await pilot.pause()
        assert isinstance(app.screen, UseSavedScreen)


async def test_regular_medicines_are_set_in_settings() -> None:
    from safeplan.tui.screens.settings import SettingsScreen

    app = app_with()
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(SettingsScreen())
        await pilot.pause()
        field = app.screen.query_one("#regular_medicines", TextField)
        assert field.value == ""
        field.focus()
        field.value = "sertraline,  lithium, sertraline"
        await pilot.press("enter")
        await settle(pilot, app)
        assert app.session.payload.settings.regular_medicines == ["sertraline", "lithium"]
        assert "Saved." in flat(app)


async def test_the_form_asks_about_naloxone_and_testing_only_where_they_fit() -> None:
    app = app_with()
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(UseEntryScreen())
        await pilot.pause()
        screen = app.screen
        field = screen.query_one("#substance", TextField)
        for name, naloxone, tested in (
            ("beer", False, False),
            ("xanax", False, True),
            ("heroin", True, True),
            ("mystery pill", True, True),
        ):
            field.value = name
            await pilot.pause()
            assert screen.query_one("#naloxone_at_hand").display is naloxone, name
            assert screen.query_one("#tested").display is tested, name
            assert screen.query_one("#used_alone").display is True


async def test_the_overdose_steps_need_no_passphrase(made_vault: Path) -> None:
    app = vault_app(made_vault)
    async with app.run_test(size=SIZE) as pilot:
        assert not app.session.unlocked
        await pilot.press("ctrl+g")
        await pilot.pause()
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, OverdoseScreen)
        assert "1. Call 999 or 112 now." in flat(app)
