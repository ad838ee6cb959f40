"""The app without colour (NO_COLOR): no colour at all, not greyscale, and every state that colour
shows is also a glyph or a word; and the command palette finds the app's own actions."""

from __future__ import annotations

import re

import pytest
from syrupy.assertion import SnapshotAssertion
from syrupy.extensions.image import SVGImageSnapshotExtension
from textual.command import CommandPalette
from textual.filter import Monochrome, NoColor
from textual.widgets import RadioSet

from safeplan.core.models import VaultPayload
from safeplan.core.store import MemoryStore
from safeplan.tui.app import make_app
from safeplan.tui.palette import SafeplanCommands
from safeplan.tui.screens.checkin import CheckInScreen
from safeplan.tui.screens.export import ExportScreen
from safeplan.tui.screens.settings import SettingsScreen
from safeplan.tui.widgets.marks import CHOSEN, NOT_CHOSEN, MarkedRadioButton

from .conftest import FIXED_DAY, SIZE, flat, settle, vault_app

# The two colours of the SVG terminal itself (its default text and background): nothing else.
TERMINAL_DEFAULTS = {"#c5c8c6", "#292929"}


@pytest.fixture
def svg_snapshot(snapshot: SnapshotAssertion) -> SnapshotAssertion:
    return snapshot.use_extension(SVGImageSnapshotExtension)


def colours(svg: str) -> set[str]:
    return set(re.findall(r"fill: (#[0-9a-fA-F]{6})", svg)) - TERMINAL_DEFAULTS


@pytest.mark.parametrize("name", ["settings", "export"])
async def test_no_color_snapshot_has_no_colour_and_states_as_glyphs(
    name: str, demo: VaultPayload, svg_snapshot: SnapshotAssertion
) -> None:
    app = make_app(
        store=MemoryStore(demo), today=FIXED_DAY, country="GB", environ={"NO_COLOR": "1"}
    )
    screen = SettingsScreen() if name == "settings" else ExportScreen()
    async with app.run_test(size=SIZE) as pilot:
        await app.push_screen(screen)
        await pilot.pause()
        assert app.no_color
        assert any(isinstance(f, NoColor) for f in app._filters)
        assert not any(isinstance(f, Monochrome) for f in app._filters), "not greyscale"
        svg = app.export_screenshot()
        assert colours(svg) == set(), "no colour codes at all"
        text = flat(app)
        if name == "settings":
            assert "[x] On" in text and "[ ] Off" in text
        else:
            assert CHOSEN in text and NOT_CHOSEN in text
        assert svg_snapshot == svg


async def test_a_marked_radio_button_shows_its_state_as_a_glyph(demo: VaultPayload) -> None:
    app = make_app(
        store=MemoryStore(demo), today=FIXED_DAY, country="GB", environ={"NO_COLOR": "1"}
    )
    async with app.run_test(size=SIZE) as pilot:
        button = MarkedRadioButton("Maybe", value=False)
        await app.screen.mount(button)
        await pilot.pause()
        assert NOT_CHOSEN in str(button.render())
        button.value = True
        await pilot.pause()
        assert CHOSEN in str(button.render())


async def test_focus_shows_without_colour(demo: VaultPayload) -> None:
    app = make_app(
        store=MemoryStore(demo), today=FIXED_DAY, country="GB", environ={"NO_COLOR": "1"}
    )
    async with app.run_test(size=SIZE) as pilot:
        await app.push_screen(CheckInScreen())
        await pilot.pause()
        focused = app.focused
        assert focused is not None
        style = focused.styles
        assert style.text_style.reverse, "focus is reverse video, not a colour"


async def test_the_palette_finds_the_apps_own_actions(demo_app) -> None:  # type: ignore[no-untyped-def]
    async with demo_app.run_test(size=SIZE) as pilot:
        provider = SafeplanCommands(demo_app.screen)
        for query, label in (
            ("check", "Check in"),
            ("log", "Log use"),
            ("use my plan", "Use my plan now"),
            ("help", "Get help now"),
            ("export", "Print or export"),
            ("settings", "Settings"),
        ):
            hits = [str(hit.text) async for hit in provider.search(query)]
            assert label in hits, (query, hits)
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(demo_app.screen, CommandPalette)
        for ch in "check in":
            await pilot.press("space" if ch == " " else ch)
        await pilot.pause(0.3)
        await pilot.press("enter")
        await settle(pilot, demo_app)
        assert isinstance(demo_app.screen, CheckInScreen)


async def test_before_unlocking_the_palette_offers_only_help(made_vault) -> None:  # type: ignore[no-untyped-def]
    app = vault_app(made_vault)
    async with app.run_test(size=SIZE):
        provider = SafeplanCommands(app.screen)
        found = [str(hit.text) async for hit in provider.search("e")]
        assert found == ["Get help now"]
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert "Screenshot" not in titles


async def test_only_what_has_focus_is_reversed(demo: VaultPayload) -> None:
    """The app itself matches :focus; a rule for every node would reverse the whole screen."""
    import io

    from rich.console import Console

    app = make_app(
        store=MemoryStore(demo), today=FIXED_DAY, country="GB", environ={"NO_COLOR": "1"}
    )
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        console = Console(
            width=80, height=24, file=io.StringIO(), record=True, color_system="standard"
        )
        console.print(app.screen._compositor.render_update(full=True))
        lines = console.export_text(styles=True).splitlines()
        reversed_ = re.compile(r"\x1b\[(?:[0-9]+;)*7[;m]")
        assert not reversed_.search(lines[0]), "the crisis strip is not reversed"
        highlighted = next(line for line in lines if "Use my plan now" in line)
        assert "\x1b[1;4;" in highlighted, "the highlighted row is underlined"


async def test_the_guided_session_app_loads_the_same_sheets_and_shows_focus_without_colour(
    demo: VaultPayload,
) -> None:
    """The guide's own app once loaded only app.tcss, so NO_COLOR's focus rule was missing there."""
    from safeplan.tui.app import SafeplanApp
    from safeplan.tui.screens.guide_app import make_guide_app

    app = make_guide_app(store=MemoryStore(demo), environ={"NO_COLOR": "1"}, country="GB")
    assert app.css_path == make_app(store=MemoryStore(demo), environ={}).css_path
    assert {path.name for path in app.css_path} >= {"app.tcss", "no_color.tcss"}
    assert all(path.is_file() for path in app.css_path)
    assert isinstance(app, SafeplanApp)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        focused = app.focused
        assert isinstance(focused, RadioSet), "the guide opens on the voice choice"
        chosen = focused.query(".-selected").first()
        assert chosen.styles.text_style.reverse, "focus is reverse video in the guide too"
