"""Snapshots of the overdose steps at 80x24 (syrupy, SVG): from Get help now, in the dark theme and
with high contrast, for a country with a known number and a Good Samaritan law (CA)."""

from __future__ import annotations

import pytest
from syrupy.assertion import SnapshotAssertion
from syrupy.extensions.image import SVGImageSnapshotExtension

from safeplan.core.models import VaultPayload
from safeplan.core.store import MemoryStore
from safeplan.tui.app import make_app
from safeplan.tui.screens.overdose import OverdoseScreen

from .conftest import FIXED_DAY, SIZE


@pytest.fixture
def svg(snapshot: SnapshotAssertion) -> SnapshotAssertion:
    return snapshot.use_extension(SVGImageSnapshotExtension)


@pytest.mark.parametrize("theme", ["safeplan-dark", "safeplan-high-contrast"])
async def test_overdose_steps(svg: SnapshotAssertion, theme: str) -> None:
    payload = VaultPayload()
    payload.settings.theme = theme
    app = make_app(store=MemoryStore(payload), today=FIXED_DAY, country="CA", environ={})
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(OverdoseScreen())
        await pilot.pause()
        await pilot.pause()
        assert svg == app.export_screenshot()
