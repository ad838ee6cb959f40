"""The hard-moment rule in the app, table-driven (the same table as the CLI's in
tests/test_hard_moments.py): what each answer brings, the 20-row limit at 80x24, PHQ-9 item 9, an
empty plan, and the idle lock never firing on the hard-moment screen."""

from __future__ import annotations

import pytest

from safeplan.core.demo import demo_payload
from safeplan.core.models import Settings, VaultPayload
from safeplan.core.store import MemoryStore
from safeplan.tui.app import SafeplanApp, make_app
from safeplan.tui.screens.checkin import CheckInSavedScreen, CheckInScreen
from safeplan.tui.screens.selfcheck import QuestionsScreen, SelfCheckResultScreen
from safeplan.tui.screens.support import SupportScreen
from safeplan.tui.widgets.fields import TextField

from .conftest import FIXED_DAY, SIZE, flat, screen_text, settle

THRESHOLD = Settings().hard_checkin_threshold
SCALE_TABLE = [
    (0, "calm"),
    (1, "acknowledge"),
    (THRESHOLD - 1, "acknowledge"),
    (THRESHOLD, "support"),
    (10, "support"),
]


def app_on(payload: VaultPayload) -> SafeplanApp:
    return make_app(store=MemoryStore(payload), today=FIXED_DAY, country="GB", environ={})


async def check_in(pilot, app: SafeplanApp, **values: int) -> None:  # type: ignore[no-untyped-def]
    app.push_screen(CheckInScreen())
    await pilot.pause()
    for name, value in {"mood": 6, **values}.items():
        app.screen.query_one(f"#{name}", TextField).value = str(value)
    await pilot.press("ctrl+s")
    await settle(pilot, app)


@pytest.mark.parametrize("scale", ["suicidal_thoughts", "self_harm_urge"])
@pytest.mark.parametrize(("value", "level"), SCALE_TABLE)
async def test_the_rule_in_the_app(scale: str, value: int, level: str) -> None:
    payload = demo_payload(today=FIXED_DAY)
    app = app_on(payload)
    async with app.run_test(size=SIZE) as pilot:
        await check_in(pilot, app, **{scale: value})
        rows = screen_text(app).splitlines()
        first = " ".join(" ".join(rows[:20]).split())
        if level == "calm":
            assert isinstance(app.screen, CheckInSavedScreen)
            assert "999" not in first and "Thank you for checking in." in first
            return
        assert "Call 999 or 112" in first and "Samaritans" in first
        assert "!" not in flat(app)
        if level == "acknowledge":
            assert isinstance(app.screen, CheckInSavedScreen)
            assert "Thank you for noting how you are." in first
            assert payload.plan.coping[0].text not in flat(app)
            return
        assert isinstance(app.screen, SupportScreen)
        assert SupportScreen.PAUSES_IDLE_LOCK
        plan = payload.plan
        for needed in (
            "hard moment",
            plan.coping[0].text,
            plan.help_contacts[0].name,
            plan.clinicians[0].name,
            plan.urgent_care[0].name,
        ):
            assert needed in first, needed


@pytest.mark.parametrize("answer", [0, 1, 2, 3])
async def test_phq9_item_9_in_the_app(answer: int) -> None:
    payload = demo_payload(today=FIXED_DAY)
    app = app_on(payload)
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(QuestionsScreen("phq9"))
        await pilot.pause()
        for _ in range(8):
            await pilot.press("0")
            await pilot.pause()
        await pilot.press(str(answer))
        await settle(pilot, app)
        if answer:
            assert isinstance(app.screen, SupportScreen)
            first = " ".join(" ".join(screen_text(app).splitlines()[:20]).split())
            assert "Thank you for answering that question." in first
            assert "Call 999 or 112" in first and payload.plan.coping[0].text in first
            await pilot.press("escape")
            await settle(pilot, app)
        assert isinstance(app.screen, SelfCheckResultScreen)
        result = flat(app).split("Saved", 1)[1]
        assert ("minimal range" in result) == (answer == 0)


async def test_an_empty_plan_gets_help_that_does_not_pretend() -> None:
    app = app_on(VaultPayload())
    async with app.run_test(size=SIZE) as pilot:
        await check_in(pilot, app, mood=1)
        assert isinstance(app.screen, SupportScreen)
        text = flat(app)
        assert "Your plan has nothing written in it yet" in text
        assert "what your plan says" not in text.lower()
        assert "Call 999 or 112" in text and "Samaritans" in text
        await pilot.press("w")  # no walk through an empty plan from here
        await pilot.pause()
        assert isinstance(app.screen, SupportScreen)


async def test_the_idle_lock_waits_while_the_hard_moment_screen_is_open() -> None:
    app = app_on(demo_payload(today=FIXED_DAY))
    async with app.run_test(size=SIZE) as pilot:
        await check_in(pilot, app, suicidal_thoughts=9)
        assert isinstance(app.screen, SupportScreen)
        app.session.settings.idle_lock_minutes = 1
        app.idle.last_activity -= 600
        assert not app.idle.due()


async def test_a_strong_urge_to_use_shows_the_harm_reduction_plan_in_the_app() -> None:
    payload = demo_payload(today=FIXED_DAY)
    app = app_on(payload)
    async with app.run_test(size=SIZE) as pilot:
        await check_in(pilot, app, use_urge=THRESHOLD)
        assert isinstance(app.screen, CheckInSavedScreen)
        text = flat(app)
        assert "A strong urge is hard to sit with." in text
        assert payload.harm_reduction.own_strategies[0].text in text
        assert "Mood over the last 7 days" not in text
