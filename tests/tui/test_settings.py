"""Settings are saved in the vault at once and take effect at once."""

from __future__ import annotations

from safeplan.core.models import VaultPayload
from safeplan.core.store import MemoryStore
from safeplan.tui.app import make_app
from safeplan.tui.screens.confirm import ConfirmDialog
from safeplan.tui.screens.settings import SettingsScreen
from safeplan.tui.themes import HIGH_CONTRAST
from safeplan.tui.widgets.fields import TextField
from safeplan.tui.widgets.on_off import OnOff

from .conftest import FIXED_DAY, SIZE, flat, settle, type_text


async def test_each_setting_is_kept_and_applied(demo: VaultPayload) -> None:
    store = MemoryStore(demo)
    app = make_app(store=store, today=FIXED_DAY, country="GB", environ={})
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(SettingsScreen())
        await pilot.pause()
        await pilot.press("enter")  # open the colours list (focused first)
        await pilot.press("down", "down", "enter")
        await settle(pilot, app)
        assert app.theme == HIGH_CONTRAST
        assert store.payload.settings.theme == HIGH_CONTRAST

        switch = app.screen.query_one("#neutral_title", OnOff)
        switch.focus()
        await pilot.press("space")
        await settle(pilot, app)
        assert store.payload.settings.neutral_title is True
        assert app.title == "Notes"
        assert "[x] On" in flat(app)

        remember = app.screen.query_one("#remember_what_helped", OnOff)
        await pilot.click("#remember_what_helped")
        await settle(pilot, app)
        assert remember.value is False
        assert store.payload.settings.remember_what_helped is False

        minutes = app.screen.query_one("#idle_lock_minutes", TextField)
        minutes.focus()
        await pilot.press("backspace", "backspace")
        await type_text(pilot, "5")
        await pilot.press("enter")
        await settle(pilot, app)
        assert store.payload.settings.idle_lock_minutes == 5

        threshold = app.screen.query_one("#hard_checkin_threshold", TextField)
        threshold.focus()
        await pilot.press("end", "backspace")
        await type_text(pilot, "12")
        await pilot.pause()
        assert "takes a number from 0 to 10" in flat(app)
        assert store.payload.settings.hard_checkin_threshold == 7, "a wrong number is not kept"
    assert store.saves >= 4


async def test_forget_what_helped_asks_first(demo: VaultPayload) -> None:
    store = MemoryStore(demo)
    plan_before = demo.plan.model_copy(deep=True)
    app = make_app(store=store, today=FIXED_DAY, country="GB", environ={})
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(SettingsScreen())
        await pilot.pause()
        await pilot.click("#forget-helped")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.click("#forget")
        await settle(pilot, app)
    assert store.payload.plan_uses == []
    assert store.payload.plan == plan_before


def test_the_idle_lock_note_names_every_screen_that_keeps_the_app_unlocked() -> None:
    """The sentence under the idle-lock box stays true to the screens that pause it."""
    from safeplan.tui.idle import PAUSED_ON
    from tests.tui.test_get_help import all_screen_classes

    pausing = {cls.__name__ for cls in all_screen_classes() if cls.PAUSES_IDLE_LOCK}
    named = {
        "WalkthroughScreen": "Use my plan now",
        "HelpScreen": "Get help",
        "SupportScreen": "a hard moment",
        "OverdoseScreen": "the overdose steps",
        "BreatheScreen": "breathe",
        "GroundScreen": "ground yourself",
        "UrgeScreen": "ride an urge",
    }
    assert pausing == set(named), "a screen that pauses the lock is named in Settings"
    for words in named.values():
        assert words in PAUSED_ON


async def test_settings_say_where_the_app_stays_unlocked(demo: VaultPayload) -> None:
    app = make_app(store=MemoryStore(demo), today=FIXED_DAY, country="GB", environ={})
    async with app.run_test(size=(80, 40)) as pilot:
        await app.push_screen(SettingsScreen())
        await pilot.pause()
        assert "The app stays unlocked while one of these is open: Use my plan now" in flat(app)
        assert "Saved." not in flat(app), "nothing is said to be saved before a change"
