"""Review 2f and 5 (top finding 11's neighbours): on the after-save screens the scrolling page is a
Tab stop, so it must show that it has the focus. A person in a hard moment always sees where they are.
Each test goes round every Tab stop of the screen, as a person would, and checks the page's own
stop draws a line down its left side (a glyph, so it shows without colour too) without moving text."""

from __future__ import annotations

from textual.containers import ScrollableContainer
from textual.widget import Widget

from safeplan.core.models import CheckIn, VaultPayload
from safeplan.tui.screens.checkin import CheckInSavedScreen
from safeplan.tui.screens.selfcheck import SelfCheckResultScreen
from safeplan.tui.screens.use_entry import UseEntryScreen, UseSavedScreen
from safeplan.tui.widgets.fields import TextField

from .conftest import SIZE, settle, type_text
from .test_checkin_screens import app_on, small_payload


async def tab_stops(pilot, app) -> list[Widget]:  # type: ignore[no-untyped-def]
    """Every widget Tab reaches, once round."""
    seen: list[Widget] = []
    for _ in range(30):
        focused = app.focused
        if focused is None or focused in seen:
            break
        seen.append(focused)
        await pilot.press("tab")
        await pilot.pause()
    return seen


async def assert_page_stop_is_visible(pilot, app, page_id: str) -> None:  # type: ignore[no-untyped-def]
    page = app.screen.query_one(f"#{page_id}", ScrollableContainer)
    page.focus()
    await pilot.pause()
    stops = await tab_stops(pilot, app)
    assert page in stops, "the page is a Tab stop here, so it must be seen when it has it"
    page.focus()
    await pilot.pause()
    assert page.has_focus
    assert page.styles.border_left[0] == "solid"
    focused_left = page.content_region.x
    app.screen.set_focus(None)
    await pilot.pause()
    assert page.styles.border_left[0] in ("", "none")
    assert page.content_region.x == focused_left, "the words do not move when focus comes"


async def test_the_check_in_saved_page_shows_its_focus() -> None:
    app, _store = app_on(small_payload())
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(CheckInSavedScreen(CheckIn(mood=6)))
        await pilot.pause()
        await assert_page_stop_is_visible(pilot, app, "checkin-saved")


async def test_the_use_saved_page_shows_its_focus() -> None:
    app, _store = app_on(small_payload())
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(UseEntryScreen())
        await pilot.pause()
        await type_text(pilot, "heroin")
        app.screen.query_one("#substance", TextField).value = "heroin"
        await pilot.press("enter")
        await settle(pilot, app)
        assert isinstance(app.screen, UseSavedScreen)
        assert app.focused is app.screen.query_one("#use-saved")  # opens reading from the top
        assert app.screen.query_one("#use-saved").styles.border_left[0] == "solid"
        await assert_page_stop_is_visible(pilot, app, "use-saved")


async def test_the_self_check_result_shows_its_focus() -> None:
    app, _store = app_on(VaultPayload())
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(SelfCheckResultScreen())
        await pilot.pause()
        assert app.focused is app.screen.query_one("#sc-result")
        await assert_page_stop_is_visible(pilot, app, "sc-result")


async def test_without_colour_the_page_shows_the_line_not_a_reversed_page() -> None:
    """NO_COLOR reverses a focused box; a whole page of crisis words in reverse video is hard to
    read, so a focused page shows its line instead, and its words stay plain."""
    from safeplan.core.store import MemoryStore
    from safeplan.tui.app import make_app

    app = make_app(store=MemoryStore(VaultPayload()), environ={"NO_COLOR": "1"}, country="GB")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.push_screen(SelfCheckResultScreen())
        await pilot.pause()
        page = app.screen.query_one("#sc-result", ScrollableContainer)
        assert page.has_focus
        assert page.styles.border_left[0] == "solid"
        assert not page.styles.text_style.reverse


async def test_the_crisis_lines_page_and_a_long_guide_page_show_their_focus() -> None:
    """The crisis lines (ctrl+g) and a guide page too long for the screen open with the page
    itself focused, for reading on: the same line shows it."""
    from safeplan.core import guide as flow
    from safeplan.core.models import TextItem
    from safeplan.tui.screens.guide import GuideScreen

    payload = VaultPayload()
    payload.plan.warning_signs = [TextItem(text=f"A sign written earlier, {n}") for n in range(6)]
    flow.start(payload, "on_my_own")
    assert payload.guide is not None
    payload.guide = flow.move(flow.move(payload.guide, "next"), "next")
    app, _store = app_on(payload)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+g")
        await settle(pilot, app)
        help_page = app.screen.query_one("#help-body", ScrollableContainer)
        assert help_page.has_focus and help_page.styles.border_left[0] == "solid"
        await pilot.press("escape")
        await pilot.pause()
        app.push_screen(GuideScreen())
        await settle(pilot, app)
        body = app.screen.query_one("#guide-body", ScrollableContainer)
        assert body.has_focus and body.styles.border_left[0] == "solid"
