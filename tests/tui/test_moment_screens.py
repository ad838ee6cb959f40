"""Pilot tests: Learn, the tools for right now (breathe, ground, urge) and the hope box, as a person
uses them at 80x24. The tools' clocks are stepped by hand (``tick()``), never slept on."""

from __future__ import annotations

from textual.pilot import Pilot
from textual.widgets import OptionList

from safeplan.core.models import VaultPayload
from safeplan.tui.app import SafeplanApp
from safeplan.tui.screens.breathe import BreatheScreen
from safeplan.tui.screens.ground import GroundScreen
from safeplan.tui.screens.hope import HopeScreen
from safeplan.tui.screens.learn import LearnCardScreen, LearnScreen
from safeplan.tui.screens.tools import ToolsScreen
from safeplan.tui.screens.urge import UrgeScreen

from .conftest import SIZE, flat, settle, type_text


async def test_home_opens_tools_hope_and_learn(demo_app: SafeplanApp) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot, demo_app)
        for entry, screen_type in (
            ("tools", ToolsScreen),
            ("hope", HopeScreen),
            ("learn", LearnScreen),
        ):
            menu = demo_app.screen.query_one("#home-menu", OptionList)
            menu.focus()
            menu.highlighted = menu.get_option_index(entry)
            await pilot.pause()
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(demo_app.screen, screen_type)
            await pilot.press("escape")
            await pilot.pause()


async def test_learn_opens_a_card_for_the_country(demo_app: SafeplanApp) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot, demo_app)
        demo_app.push_screen(LearnScreen())
        await pilot.pause()
        assert "Things worth knowing" in flat(demo_app)
        await pilot.press("down", "enter")  # the second card: stopping safely
        await pilot.pause()
        assert isinstance(demo_app.screen, LearnCardScreen)
        text = flat(demo_app)
        assert "Stopping safely" in text and "Where to get this in United Kingdom" in text
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(demo_app.screen, LearnScreen)


async def test_treatment_card_names_what_is_missing(demo_app: SafeplanApp) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot, demo_app)
        demo_app.push_screen(LearnCardScreen("treatment"))
        await pilot.pause()
        assert "FRANK" in flat(demo_app)


async def test_breathe_counts_fills_and_stops_at_any_key(demo_app: SafeplanApp) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot, demo_app)
        screen = BreatheScreen(minutes=1, autostart=False)
        demo_app.push_screen(screen)
        await pilot.pause()
        for _ in range(4):
            screen.tick()
        await pilot.pause()
        assert "Breathe in 4" in flat(demo_app) and "#" * 40 in flat(demo_app)
        screen.tick()
        await pilot.pause()
        assert "Breathe out slowly 1" in flat(demo_app)
        await pilot.press("x")
        await pilot.pause()
        assert screen.stopped and "Stopped. That is fine." in flat(demo_app)
        await pilot.press("x")
        await pilot.pause()
        assert not isinstance(demo_app.screen, BreatheScreen)


async def test_breathe_runs_to_the_end_and_respects_reduced_motion(demo_app: SafeplanApp) -> None:
    demo_app.animation_level = "none"
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot, demo_app)
        screen = BreatheScreen(minutes=1, autostart=False)
        demo_app.push_screen(screen)
        await pilot.pause()
        screen.tick()
        await pilot.pause()
        assert "#" not in flat(demo_app)
        for _ in range(60):
            screen.tick()
        await pilot.pause()
        assert screen.finished and "That is the end" in flat(demo_app)


async def test_ground_one_sense_at_a_time_and_nothing_kept(
    demo_app: SafeplanApp, demo: VaultPayload
) -> None:
    before = demo_app.session.payload.model_dump_json()
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot, demo_app)
        demo_app.push_screen(GroundScreen())
        await pilot.pause()
        assert "5. Look around" in flat(demo_app)
        await type_text(pilot, "the lamp")
        await pilot.press("enter")
        await pilot.pause()
        assert "4. Listen" in flat(demo_app) and "the lamp" not in flat(demo_app)
        for _ in range(4):
            await pilot.press("enter")
            await pilot.pause()
        assert "You did it." in flat(demo_app)
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(demo_app.screen, GroundScreen)
    assert demo_app.session.payload.model_dump_json() == before


async def test_urge_rate_ride_rate_and_keep_only_on_yes(demo_app: SafeplanApp) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot, demo_app)
        count = len(demo_app.session.payload.checkins)
        screen = UrgeScreen(minutes=2, autostart=False)
        demo_app.push_screen(screen)
        await pilot.pause()
        await pilot.press("enter")  # to use alcohol or drugs
        await type_text(pilot, "8")
        await pilot.press("enter")
        await pilot.pause()
        assert screen.stage == "ride" and "2:00 left" in flat(demo_app)
        for _ in range(60):
            screen.tick()
        await pilot.pause()
        assert "1:00 left" in flat(demo_app) and "Notice where you feel" in flat(demo_app)
        await pilot.press("space")  # any key ends the ride
        await type_text(pilot, "5")
        await pilot.press("enter")
        await pilot.pause()
        assert "from 8 to 5" in flat(demo_app)
        await pilot.press("down", "enter")  # yes, keep them
        await type_text(pilot, "4")
        await pilot.press("enter")
        await settle(pilot, demo_app)
        kept = demo_app.session.payload.checkins
        assert len(kept) == count + 1
        assert any(c.use_urge == 5 and c.mood == 4 and "urge-surfing" in c.tags for c in kept)


async def test_urge_keeps_nothing_on_no(demo_app: SafeplanApp) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot, demo_app)
        count = len(demo_app.session.payload.checkins)
        screen = UrgeScreen(minutes=1, autostart=False)
        demo_app.push_screen(screen)
        await pilot.pause()
        await pilot.press("enter", "7", "enter")
        for _ in range(60):
            screen.tick()
        await pilot.pause()
        await pilot.press("7", "enter")
        await pilot.pause()
        await pilot.press("enter")  # no, keep nothing
        await pilot.pause()
        assert "Nothing was kept" in flat(demo_app)
        assert len(demo_app.session.payload.checkins) == count


async def test_hope_box_add_and_take_out(demo_app: SafeplanApp) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot, demo_app)
        demo_app.push_screen(HopeScreen())
        await pilot.pause()
        assert "Your hope box is empty" in flat(demo_app)
        await pilot.press("a", "down", "enter")  # something someone said
        await type_text(pilot, "You matter to me")
        await pilot.press("enter")
        await pilot.pause()
        assert "Who said it?" in flat(demo_app)
        await type_text(pilot, "Sam")
        await pilot.press("enter")
        await settle(pilot, demo_app)
        box = demo_app.session.payload.hope_box
        assert [(i.kind, i.text, i.who) for i in box] == [("said", "You matter to me", "Sam")]
        assert "Something someone said to me: You matter to me (said by Sam)" in flat(demo_app)
        await pilot.press("d")
        await pilot.pause()
        await pilot.click("#remove")
        await settle(pilot, demo_app)
        assert demo_app.session.payload.hope_box == []


async def test_ctrl_g_help_offers_the_tools_even_before_unlocking(made_vault: object) -> None:
    from pathlib import Path

    from safeplan.tui.screens.help import HelpScreen

    from .conftest import vault_app

    app = vault_app(Path(str(made_vault)))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        await pilot.press("ctrl+g")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, ToolsScreen)
        text = flat(app)
        assert "Breathe" in text and "Ride an urge" in text and "hope box" not in text
        await pilot.press("2")
        await pilot.pause()
        assert isinstance(app.screen, GroundScreen)


async def test_walkthrough_step_two_offers_tools_and_the_end_shows_the_hope_box(
    demo_app: SafeplanApp,
) -> None:
    from safeplan.core.hope import add_item

    add_item(demo_app.session.payload, "message", "You got through last winter.")
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot, demo_app)
        await walk_to_step_two(pilot, demo_app)
        assert "You could also try a tool now (press t)" in flat(demo_app)
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(demo_app.screen, ToolsScreen)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("m")
        await pilot.pause()
        text = flat(demo_app)
        assert "From your hope box:" in text and "You got through last winter." in text


async def test_home_shows_one_gentle_nudge_only_while_unlocked(demo_app: SafeplanApp) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot, demo_app)
        text = flat(demo_app)
        assert "You used your plan recently" in text
        assert "self-check is there" not in text  # one at a time
        demo_app.session.settings.review_after_use_nudge = False
        demo_app.screen.refresh_nudge()  # type: ignore[attr-defined]
        await pilot.pause()
        assert "self-check is there if you want it" in flat(demo_app)
        await pilot.press("ctrl+l")  # hide: nothing personal shows
        await pilot.pause()
        assert "self-check" not in flat(demo_app)


async def test_a_linked_coping_step_starts_its_tool_from_the_walkthrough(
    demo_app: SafeplanApp,
) -> None:
    from safeplan.core.moment.links import link_tool

    plan = demo_app.session.payload.plan
    link_tool(plan, plan.coping[1].id, "breathe")
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot, demo_app)
        await walk_to_step_two(pilot, demo_app)
        assert "Your plan points at a tool" in flat(demo_app)
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(demo_app.screen, BreatheScreen)


async def walk_to_step_two(pilot: Pilot[object], app: SafeplanApp) -> None:
    """Open "use my plan now" and go on to step 2 (things I can do on my own)."""
    from safeplan.tui.screens.walkthrough import WalkthroughScreen

    app.push_screen(WalkthroughScreen())
    await pilot.pause()
    while "Step 2 of 7" not in flat(app):
        await pilot.press("n")
        await pilot.pause()
