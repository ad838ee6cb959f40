"""Snapshots at 80x24 of Learn, the tools for right now and the hope box (syrupy, SVG), with fixed
data and a hand-stepped clock."""

from __future__ import annotations

import pytest
from syrupy.assertion import SnapshotAssertion
from syrupy.extensions.image import SVGImageSnapshotExtension
from textual.screen import Screen

from safeplan.core.hope import add_item
from safeplan.core.models import VaultPayload
from safeplan.core.store import MemoryStore
from safeplan.tui.app import make_app
from safeplan.tui.screens.breathe import BreatheScreen
from safeplan.tui.screens.ground import GroundScreen
from safeplan.tui.screens.hope import HopeScreen
from safeplan.tui.screens.learn import LearnCardScreen, LearnScreen
from safeplan.tui.screens.tools import ToolsScreen
from safeplan.tui.screens.urge import UrgeScreen

from .conftest import FIXED_DAY, SIZE


@pytest.fixture
def svg(snapshot: SnapshotAssertion) -> SnapshotAssertion:
    return snapshot.use_extension(SVGImageSnapshotExtension)


async def shot(
    payload: VaultPayload, screen: Screen[None], ticks: int = 0, keys: tuple[str, ...] = ()
) -> str:
    app = make_app(store=MemoryStore(payload), today=FIXED_DAY, country="GB", environ={})
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(screen)
        await pilot.pause()
        if keys:
            await pilot.press(*keys)
            await pilot.pause()
        for _ in range(ticks):
            screen.tick()  # type: ignore[attr-defined]
        await pilot.pause()
        return app.export_screenshot()


async def test_tools(svg: SnapshotAssertion, demo: VaultPayload) -> None:
    assert await shot(demo, ToolsScreen()) == svg


async def test_breathe_mid_breath(svg: SnapshotAssertion, demo: VaultPayload) -> None:
    assert await shot(demo, BreatheScreen(autostart=False), ticks=2) == svg


async def test_ground_first_sense(svg: SnapshotAssertion, demo: VaultPayload) -> None:
    assert await shot(demo, GroundScreen()) == svg


async def test_urge_riding(svg: SnapshotAssertion, demo: VaultPayload) -> None:
    screen = UrgeScreen(autostart=False)
    assert await shot(demo, screen, ticks=60, keys=("enter", "8", "enter")) == svg


async def test_hope_box(svg: SnapshotAssertion, demo: VaultPayload) -> None:
    add_item(demo, "message", "You got through last winter, and the one before.")
    add_item(demo, "said", "I am glad you are here.", who="Sam")
    add_item(demo, "plan", "The coast in June with Alex.")
    assert await shot(demo, HopeScreen()) == svg


async def test_learn_topics(svg: SnapshotAssertion, demo: VaultPayload) -> None:
    assert await shot(demo, LearnScreen()) == svg


async def test_learn_card(svg: SnapshotAssertion, demo: VaultPayload) -> None:
    assert await shot(demo, LearnCardScreen("naloxone")) == svg
