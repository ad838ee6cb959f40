"""Snapshots of the trends screen at 80x24 for each period, with fixed data (syrupy, SVG)."""

from __future__ import annotations

import pytest
from syrupy.assertion import SnapshotAssertion
from syrupy.extensions.image import SVGImageSnapshotExtension

from safeplan.core.models import VaultPayload
from safeplan.core.store import MemoryStore
from safeplan.tui.app import make_app
from safeplan.tui.screens.trends import TrendsScreen

from .conftest import FIXED_DAY, SIZE


@pytest.mark.parametrize("days", [7, 30, 90, 365])
async def test_trends(snapshot: SnapshotAssertion, demo: VaultPayload, days: int) -> None:
    app = make_app(store=MemoryStore(demo), today=FIXED_DAY, country="GB", environ={})
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(TrendsScreen(days))
        await pilot.pause()
        assert app.export_screenshot() == snapshot.use_extension(SVGImageSnapshotExtension)
