"""Snapshots of the check-in screens at 80x24 with fixed data (syrupy, SVG)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from syrupy.assertion import SnapshotAssertion
from syrupy.extensions.image import SVGImageSnapshotExtension

from safeplan.core import hard_moments
from safeplan.core.models import CheckIn, VaultPayload
from safeplan.core.store import MemoryStore
from safeplan.tui.app import make_app
from safeplan.tui.screens.checkin import CheckInScreen
from safeplan.tui.screens.support import SupportScreen

from .conftest import FIXED_DAY, SIZE


@pytest.fixture
def svg(snapshot: SnapshotAssertion) -> SnapshotAssertion:
    return snapshot.use_extension(SVGImageSnapshotExtension)


async def shot(payload: VaultPayload, screen: object) -> str:
    app = make_app(store=MemoryStore(payload), today=FIXED_DAY, country="GB", environ={})
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(screen)  # type: ignore[arg-type]
        await pilot.pause()
        return app.export_screenshot()


async def test_check_in_form(svg: SnapshotAssertion, demo: VaultPayload) -> None:
    assert await shot(demo, CheckInScreen()) == svg


async def test_check_in_change_form(svg: SnapshotAssertion, demo: VaultPayload) -> None:
    assert await shot(demo, CheckInScreen(demo.checkins[-1])) == svg


async def test_hard_check_in_saved(svg: SnapshotAssertion, demo: VaultPayload) -> None:
    entry = CheckIn(mood=2, suicidal_thoughts=7, at=datetime(2026, 11, 1, 21, 30, tzinfo=UTC))
    demo.checkins.append(entry)
    offer = hard_moments.for_checkin(entry, demo, "GB")
    assert await shot(demo, SupportScreen(offer, note="Saved your check-in.")) == svg


async def test_what_my_plan_says(svg: SnapshotAssertion, demo: VaultPayload) -> None:
    assert await shot(demo, SupportScreen()) == svg
