"""Use my plan now: one step at a time, only what has helped shown, "Do you feel safer now?" at the
end, what helped remembered only when the person agreed, and no idle lock while it is open."""

from __future__ import annotations

from textual.pilot import Pilot

from safeplan.core.models import PlanUse, SafetyPlan, TextItem, VaultPayload
from safeplan.core.sections import SECTIONS
from safeplan.core.store import MemoryStore
from safeplan.tui.app import SafeplanApp, make_app
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
                assert "helped you 4 times before" in text
                await pilot.press("space", "h")  # tick the first, say it helped
                await pilot.pause()
                assert "I'm glad that helped" in flat(app)
            if number < 7:
                await pilot.press("n")
                await pilot.pause()
        assert app.screen.step == "reasons"
        text = flat(app)
        assert plan.reasons[0].text in text
        assert "Whatever happens next" not in text
        assert "These are yours to hold on to" in text
        await pilot.press("n")
        await pilot.pause()
        assert "Do you feel safer now?" in flat(app)
        await pilot.click("#safer-yes")
        await pilot.pause()
        text = flat(app)
        assert "You did something hard" in text
        assert "remember what helped" in text, "asked, not silently on"
        await pilot.click("#remember-yes")
        await settle(pilot, app)
        assert isinstance(app.screen, HomeScreen)
    assert seen_titles == [SECTIONS[s].title for s in SECTIONS]
    assert store.payload.settings.remember_what_helped_asked
    assert len(store.payload.plan_uses) == uses_before + 1
    use: PlanUse = store.payload.plan_uses[-1]
    assert use.finished_at is not None
    (coping,) = [o for o in use.outcomes if o.step == "coping"]
    assert coping.helped is True
    assert coping.helped_items == [plan.coping[0].id]
    assert store.saves >= 1


async def test_only_what_has_helped_is_shown_never_a_count_of_what_has_not(
    demo: VaultPayload,
) -> None:
    app = make_app(store=MemoryStore(demo), today=FIXED_DAY, country="GB", environ={})
    never_helped = "Make a hot chocolate"  # used once in the demo, and it did not help
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(WalkthroughScreen())
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        text = flat(app)
        assert app.screen.step == "coping"
        line = next(part for part in text.split("[ ]") if never_helped in part)
        assert "helped" not in line and "used" not in line
        assert " 0 of " not in text and "of the last" not in text.replace("each of the last", "")


async def answer_safer(app: SafeplanApp, pilot: Pilot[object], answer: str) -> None:
    """Open the walk-through, go to what matters most, finish, and answer "Do you feel safer?"."""
    app.push_screen(WalkthroughScreen())
    await pilot.pause()
    await pilot.press("m", "n")
    await pilot.pause()
    assert "Do you feel safer now?" in flat(app)
    await pilot.click(f"#safer-{answer}")
    await pilot.pause()


async def test_not_safer_shows_the_crisis_lines_at_once(demo: VaultPayload) -> None:
    app = make_app(store=MemoryStore(demo), today=FIXED_DAY, country="GB", environ={})
    async with app.run_test(size=SIZE) as pilot:
        await answer_safer(app, pilot, "no")
        assert isinstance(app.screen, HelpScreen)
        text = flat(app)
        assert "Call 999 or 112" in text
        assert "Samaritans" in text
        assert demo.plan.help_contacts[0].name in text, "their own people too"


async def test_a_bit_safer_offers_to_go_round_again(demo: VaultPayload) -> None:
    app = make_app(store=MemoryStore(demo), today=FIXED_DAY, country="GB", environ={})
    async with app.run_test(size=SIZE) as pilot:
        await answer_safer(app, pilot, "a_bit")
        assert "A bit safer is a real step" in flat(app)
        await pilot.click("#again")
        await pilot.pause()
        assert "Step 1 of 7" in flat(app)


async def test_nothing_is_kept_when_remembering_is_off(demo: VaultPayload) -> None:
    demo.settings.remember_what_helped = False
    demo.settings.remember_what_helped_asked = True
    store = MemoryStore(demo)
    before = list(demo.plan_uses)
    app = make_app(store=store, today=FIXED_DAY, country="GB", environ={})
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(WalkthroughScreen())
        await pilot.pause()
        assert "helped you" not in flat(app)
        await pilot.press("n", "space", "h", "m")
        await pilot.pause()
        assert app.screen.step == "reasons"
        await pilot.press("escape")
        await settle(pilot, app)
    assert store.payload.plan_uses == before


async def test_nothing_is_kept_before_the_person_is_asked(demo: VaultPayload) -> None:
    store = MemoryStore(demo)
    before = list(demo.plan_uses)
    app = make_app(store=store, today=FIXED_DAY, country="GB", environ={})
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(WalkthroughScreen())
        await pilot.pause()
        await pilot.press("n", "space", "h")
        await pilot.pause()
        await pilot.press("escape")  # leaves before the question at the end
        await settle(pilot, app)
    assert store.payload.plan_uses == before
    assert not store.payload.settings.remember_what_helped_asked


async def test_a_tick_survives_going_back(demo: VaultPayload) -> None:
    app = make_app(store=MemoryStore(demo), today=FIXED_DAY, country="GB", environ={})
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(WalkthroughScreen())
        await pilot.pause()
        await pilot.press("n", "space", "n", "b")
        await pilot.pause()
        assert app.screen.step == "coping"
        assert f"[x] {demo.plan.coping[0].text}" in flat(app)


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


async def test_an_empty_plan_goes_straight_to_help() -> None:
    app = make_app(store=MemoryStore(), today=FIXED_DAY, country="GB", environ={})
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(home_key("use-plan"))
        await settle(pilot, app)
        assert isinstance(app.screen, HelpScreen)
        text = flat(app)
        assert "Call 999 or 112" in text
        assert "No warning signs written yet" not in text


async def test_help_screen_leads_into_the_walkthrough(demo_app) -> None:  # type: ignore[no-untyped-def]
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+g")
        await pilot.pause()
        assert isinstance(demo_app.screen, HelpScreen)
        await pilot.click("#help-walkthrough")
        await pilot.pause()
        assert isinstance(demo_app.screen, WalkthroughScreen)


async def test_the_idle_lock_waits_while_the_walkthrough_or_help_is_open(
    demo: VaultPayload,
) -> None:
    app = make_app(store=MemoryStore(demo), today=FIXED_DAY, country="GB", environ={})
    app.session.settings.idle_lock_minutes = 1
    async with app.run_test(size=SIZE) as pilot:
        for open_it in (lambda: app.push_screen(WalkthroughScreen()), app.action_get_help):
            open_it()
            await pilot.pause()
            app.idle.last_activity -= 10 * 60
            assert not app.idle.due()
            await app.idle.check()
            await pilot.pause()
            assert app.session.unlocked
            assert isinstance(app.screen, WalkthroughScreen | HelpScreen)
        await pilot.press("escape")  # help closes; the walk-through is still open under it
        await pilot.pause()
        app.idle.last_activity -= 10 * 60
        assert not app.idle.due()
        await pilot.press("escape")
        await settle(pilot, app)
        assert isinstance(app.screen, HomeScreen)
        app.idle.last_activity -= 10 * 60
        assert app.idle.due(), "on an ordinary screen the lock still works"


async def test_the_footer_says_finish_on_the_last_step(demo: VaultPayload) -> None:
    app = make_app(store=MemoryStore(demo), today=FIXED_DAY, country="GB", environ={})
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(WalkthroughScreen())
        await pilot.pause()
        assert "n Next step" in flat(app) and "n Finish" not in flat(app)
        await pilot.press("m")
        await pilot.pause()
        assert "n Finish" in flat(app) and "n Next step" not in flat(app)
        await pilot.press("n")
        await pilot.pause()
        assert "Do you feel safer now?" in flat(app)
