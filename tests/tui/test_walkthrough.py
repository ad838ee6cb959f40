"""Use my plan now: one step at a time, what helped remembered (or not), ending on what matters."""

from __future__ import annotations

from safeplan.core.models import PlanUse, SafetyPlan, TextItem, VaultPayload
from safeplan.core.sections import SECTIONS
from safeplan.core.store import MemoryStore
from safeplan.tui.app import make_app
from safeplan.tui.screens.help import HelpScreen
from safeplan.tui.screens.home import HomeScreen
from safeplan.tui.screens.walkthrough import WalkthroughScreen

from .conftest import FIXED_DAY, SIZE, flat, home_key, settle


async def test_from_the_first_step_to_what_matters_most(demo: VaultPayload) -> None:
    store = MemoryStore(demo)
    uses_before = len(demo.plan_uses)
    app = make_app(store=store, today=FIXED_DAY, country="GB", environ={})
    plan = demo.plan
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(home_key("use-plan"))
        await pilot.pause()
        assert isinstance(app.screen, WalkthroughScreen)
        seen_titles = []
        for number in range(1, 8):
            text = flat(app)
            title = SECTIONS[app.screen.step].title
            assert f"Step {number} of 7: {title}" in text
            assert "call 999 or 112" in text, "crisis lines stay in view"
            seen_titles.append(title)
            if app.screen.step == "coping":
                assert plan.coping[0].text in text
                assert "helped 4 of the last 5 times" in text
                await pilot.press("space", "h")  # tick the first, say it helped
                await pilot.pause()
                assert "I'm glad that helped" in flat(app)
            if number < 7:
                await pilot.press("n")
                await pilot.pause()
        assert app.screen.step == "reasons"
        assert plan.reasons[0].text in flat(app)
        assert "Finish" in flat(app)
        await pilot.press("n")
        await settle(pilot, app)
        assert isinstance(app.screen, HomeScreen)
    assert seen_titles == [SECTIONS[s].title for s in SECTIONS]
    assert len(store.payload.plan_uses) == uses_before + 1
    use: PlanUse = store.payload.plan_uses[-1]
    assert use.finished_at is not None
    (coping,) = [o for o in use.outcomes if o.step == "coping"]
    assert coping.helped is True
    assert coping.helped_items == [plan.coping[0].id]
    assert store.saves >= 1


async def test_nothing_is_kept_when_remembering_is_off(demo: VaultPayload) -> None:
    demo.settings.remember_what_helped = False
    store = MemoryStore(demo)
    before = list(demo.plan_uses)
    app = make_app(store=store, today=FIXED_DAY, country="GB", environ={})
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(WalkthroughScreen())
        await pilot.pause()
        assert "helped 4 of the last 5 times" not in flat(app)
        await pilot.press("n", "space", "h", "m")
        await pilot.pause()
        assert app.screen.step == "reasons"
        await pilot.press("escape")
        await settle(pilot, app)
    assert store.payload.plan_uses == before


async def test_empty_steps_are_skipped_with_a_kind_word() -> None:
    payload = VaultPayload(
        plan=SafetyPlan(
            coping=[TextItem(text="Breathe out slowly")],
            reasons=[TextItem(text="My dog, Pepper")],
        )
    )
    app = make_app(store=MemoryStore(payload), today=FIXED_DAY, country="GB", environ={})
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(WalkthroughScreen())
        await pilot.pause()
        text = flat(app)
        assert "Step 2 of 7" in text
        assert "Step 1: No warning signs written yet." in text
        await pilot.press("n")
        await pilot.pause()
        text = flat(app)
        assert "Step 7 of 7" in text and "My dog, Pepper" in text
        for step in ("distraction", "help", "professionals", "environment"):
            assert SECTIONS[step].empty_words.split(".")[0] in text
        await pilot.press("b")
        await pilot.pause()
        assert "Step 2 of 7" in flat(app)


async def test_an_empty_plan_still_offers_help_and_ends_gently() -> None:
    app = make_app(store=MemoryStore(), today=FIXED_DAY, country="GB", environ={})
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(WalkthroughScreen())
        await pilot.pause()
        text = flat(app)
        assert "Step 7 of 7" in text
        assert "Your plan has nothing in it yet" in text
        assert "call 999 or 112" in text


async def test_help_screen_leads_into_the_walkthrough(demo_app) -> None:  # type: ignore[no-untyped-def]
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+g")
        await pilot.pause()
        assert isinstance(demo_app.screen, HelpScreen)
        await pilot.click("#help-walkthrough")
        await pilot.pause()
        assert isinstance(demo_app.screen, WalkthroughScreen)
