"""History and review: earlier versions with their dates, what changed, mark as reviewed, the nudge."""

from __future__ import annotations

from datetime import date

from safeplan.core.models import VaultPayload
from safeplan.core.store import MemoryStore
from safeplan.tui.app import make_app
from safeplan.tui.screens.history import HistoryScreen, RevisionScreen
from safeplan.tui.screens.home import HomeScreen

from .conftest import FIXED_DAY, SIZE, flat, settle


async def test_history_shows_an_earlier_version_and_what_changed(demo: VaultPayload) -> None:
    app = make_app(store=MemoryStore(demo), today=FIXED_DAY, country="GB", environ={})
    revisions = demo.plan_revisions
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(HistoryScreen())
        await pilot.pause()
        text = flat(app)
        for revision in revisions:
            assert f"{revision.at.day} {revision.at:%B %Y}" in text
        assert "Last looked over: 22 September 2026 (40 days ago)." in text

        await pilot.press("enter")  # the newest version
        await pilot.pause()
        assert isinstance(app.screen, RevisionScreen)
        assert f"Version {len(revisions)} of {len(revisions)}" in flat(app)
        assert "+ Added: Westbridge climbing wall" in flat(app)

        await pilot.press("o")  # one older
        await pilot.pause()
        older = revisions[-2]
        assert f"Version {len(revisions) - 1} of {len(revisions)}" in flat(app)
        await pilot.press("t")  # the plan as it was then
        await pilot.pause()
        text = flat(app)
        assert "the plan then" in text
        assert older.plan.coping[0].text in text
        assert "Westbridge climbing wall" not in text, "added only in the newest version"

        for _ in revisions:
            await pilot.press("o")
        await pilot.press("t")
        await pilot.pause()
        assert "Version 1 of" in flat(app)
        assert "The first version of your plan." in flat(app)


async def test_mark_as_reviewed_keeps_a_dated_revision_and_quiets_the_nudge(
    demo: VaultPayload,
) -> None:
    later = date(2027, 3, 1)
    store = MemoryStore(demo)
    count = len(demo.plan_revisions)
    app = make_app(store=store, today=later, country="GB", environ={})
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, HomeScreen)
        assert "You last looked over your plan 160 days ago." in flat(app)
        app.push_screen(HistoryScreen())
        await pilot.pause()
        await pilot.press("r")
        await settle(pilot, app)
        assert "Last looked over: 1 March 2027 (today)." in flat(app)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert "looked over your plan" not in flat(app)
    assert store.payload.plan.last_reviewed_at is not None
    assert store.payload.plan.last_reviewed_at.date() == later
    assert len(store.payload.plan_revisions) == count + 1
    assert store.payload.plan_revisions[-1].note == "Reviewed"
    assert store.saves >= 1


async def test_no_nudge_for_a_recent_plan_or_when_the_nudge_is_set_far(
    demo: VaultPayload,
) -> None:
    app = make_app(store=MemoryStore(demo), today=FIXED_DAY, country="GB", environ={})
    async with app.run_test(size=SIZE):
        assert "looked over your plan" not in flat(app)
    demo.settings.review_nudge_days = 365
    app = make_app(store=MemoryStore(demo), today=date(2027, 3, 1), country="GB", environ={})
    async with app.run_test(size=SIZE):
        assert "looked over your plan" not in flat(app)
