"""Snapshots of the main screens at 80x24 with fixed data, a fixed day and a fixed country, in the
three themes. Update with `pytest tests/tui/test_snapshots.py --snapshot-update` after a deliberate
change, and look at the SVGs before committing them."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from syrupy.assertion import SnapshotAssertion
from syrupy.extensions.image import SVGImageSnapshotExtension
from textual.screen import Screen

from safeplan.core.models import VaultPayload
from safeplan.core.store import MemoryStore
from safeplan.tui import menu
from safeplan.tui.app import make_app
from safeplan.tui.screens.help import HelpScreen
from safeplan.tui.screens.history import HistoryScreen
from safeplan.tui.screens.plan_editor import PlanEditorScreen
from safeplan.tui.screens.walkthrough import WalkthroughScreen
from safeplan.tui.themes import DARK, HIGH_CONTRAST, LIGHT

from .conftest import FIXED_DAY, SIZE

# The home screen's list grows as other parts of safeplan add entries; its snapshot uses this
# fixed list so that it shows the layout, not whoever added the latest entry.
HOME_FOR_SNAPSHOT = [
    e for e in menu.HOME_ENTRIES if e.id in {"plan", "use-plan", "help", "history"}
]

SCREENS: dict[str, tuple[Callable[[], Screen[Any] | None], tuple[str, ...]]] = {
    "home": (lambda: None, ()),
    "plan-editor": (lambda: PlanEditorScreen("coping"), ()),
    "help": (HelpScreen, ()),
    "walkthrough": (WalkthroughScreen, ("n",)),  # step 2, with what helped before
    "history": (HistoryScreen, ()),
}


@pytest.fixture
def svg_snapshot(snapshot: SnapshotAssertion) -> SnapshotAssertion:
    return snapshot.use_extension(SVGImageSnapshotExtension)


@pytest.mark.parametrize("theme", [DARK, LIGHT, HIGH_CONTRAST])
@pytest.mark.parametrize("name", list(SCREENS))
async def test_main_screens(
    name: str,
    theme: str,
    demo: VaultPayload,
    svg_snapshot: SnapshotAssertion,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(menu, "HOME_ENTRIES", HOME_FOR_SNAPSHOT)
    demo.settings.theme = theme
    app = make_app(store=MemoryStore(demo), today=FIXED_DAY, country="GB", environ={})
    build, keys = SCREENS[name]
    async with app.run_test(size=SIZE) as pilot:
        screen = build()
        if screen is not None:
            await app.push_screen(screen)
        await pilot.pause()
        if keys:
            await pilot.press(*keys)
        await pilot.pause()
        assert app.theme == theme
        assert svg_snapshot == app.export_screenshot()
