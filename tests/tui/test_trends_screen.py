"""The trends screen: periods by key, summaries, charts that fit 80x24 and read without colour."""

from __future__ import annotations

from safeplan.core.models import VaultPayload
from safeplan.core.store import MemoryStore
from safeplan.tui.app import SafeplanApp, make_app
from safeplan.tui.screens.checkin import CheckInSavedScreen, CheckInScreen
from safeplan.tui.screens.trends import TrendsScreen

from .conftest import FIXED_DAY, SIZE, flat, screen_text, settle


async def test_periods_by_key_and_summaries(demo_app: SafeplanApp) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        demo_app.push_screen(TrendsScreen())
        await pilot.pause()
        text = flat(demo_app)
        assert "Days: 7 [30] 90 365" in text
        assert "03 Oct 2026 to 01 Nov 2026: 45 check-ins on 30 of 30 days" in text
        assert "Best day Sat 31 Oct (mood 9), hardest day Fri 16 Oct (mood 1)." in text
        assert "each column one day" in text
        for key, days, per in (("1", 7, "one day"), ("3", 90, "2 days"), ("4", 365, "8 days")):
            await pilot.press(key)
            await pilot.pause()
            text = flat(demo_app)
            assert f"[{days}]" in text
            assert f"each column {per}" in text
        await pilot.press("left")
        await pilot.pause()
        assert "[90]" in flat(demo_app)


async def test_every_period_fits_80_by_24(demo_app: SafeplanApp) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        demo_app.push_screen(TrendsScreen())
        for key in "1234":
            await pilot.press(key)
            await pilot.pause()
            lines = screen_text(demo_app).splitlines()
            assert len(lines) == 24
            body = "\n".join(lines)
            # Everything is on screen at once: the last measure and the footer both show.
            assert "Use days" in body and "esc Back" in lines[-1]
            assert demo_app.screen.query_one("#trends-body").max_scroll_y == 0  # no scrolling


async def test_charts_read_without_colour(demo: VaultPayload) -> None:
    app = make_app(store=MemoryStore(demo), today=FIXED_DAY, environ={"NO_COLOR": "1"})
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(TrendsScreen())
        await pilot.pause()
        assert app.no_color
        text = screen_text(app)
        # Heights are drawn with different characters, not colours.
        mood = next(line for line in text.splitlines() if line.strip().startswith("Mood  "))
        assert len(set(mood.split("avg")[0].split("Mood", 1)[1].strip())) >= 4
        assert "avg 5.3" in mood


async def test_empty_log_is_calm() -> None:
    app = make_app(store=MemoryStore(VaultPayload()), today=FIXED_DAY, environ={})
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(TrendsScreen())
        await pilot.pause()
        text = flat(app)
        assert "0 check-ins on 0 of 30 days" in text
        assert "Charts appear after a check-in" in text


async def test_a_new_check_in_shows_in_trends(demo_app: SafeplanApp) -> None:
    app = make_app(store=MemoryStore(VaultPayload()), environ={})
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(CheckInScreen())
        await pilot.pause()
        await pilot.press("4", "enter")
        await settle(pilot, app)
        assert isinstance(app.screen, CheckInSavedScreen)
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, TrendsScreen)
        assert "1 check-ins on 1 of 30 days" in flat(app)
        assert "avg 4.0" in flat(app)
