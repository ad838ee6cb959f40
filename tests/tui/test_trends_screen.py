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
        assert "Best day: Sat 31 Oct (mood 9.0). Hardest day: Fri 16 Oct (mood 1.0)." in text
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
        assert "1 check-in on 1 of 30 days" in flat(app)
        assert "avg 4.0" in flat(app)


async def test_a_days_since_count_shows_only_when_turned_on_and_apart_from_use(
    demo: VaultPayload,
) -> None:
    """Care review 3.6: opt-in only, a plain count from the person's own date, never a streak,
    and never on the line or block that speaks of use."""
    from datetime import date

    app = make_app(store=MemoryStore(demo), today=FIXED_DAY, country="GB", environ={})
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(TrendsScreen())
        await pilot.pause()
        assert " since " not in flat(app), "off unless the person turns it on"
        app.pop_screen()
        demo.settings.days_since_enabled = True
        demo.settings.days_since_start = date(2026, 10, 1)
        demo.settings.days_since_label = "my new job"
        app.push_screen(TrendsScreen())
        await pilot.pause()
        lines = [line.strip() for line in screen_text(app).splitlines()]
        own = next(n for n, line in enumerate(lines) if " since " in line)
        assert lines[own].startswith("31 days since 01 Oct 2026, a date you chose to count")
        assert "(my new job)" in flat(app)
        text = flat(app).lower()
        for word in ("streak", "clean", "sober", "relapse", "reset", "broke"):
            assert word not in text
        assert lines[own + 1] == "", "a line of space under it"
        near = " ".join(lines[max(0, own - 1) : own + 3]).lower()
        assert "use" not in near.replace("a date you chose", ""), "apart from the use line"
