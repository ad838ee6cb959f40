"""The country picker matches the way --country does: codes, names and the names people use."""

from __future__ import annotations

import pytest
from textual.pilot import Pilot
from textual.widgets import OptionList

from safeplan.tui.app import SafeplanApp
from safeplan.tui.screens.help import CountryPicker, HelpScreen

from .conftest import SIZE, flat, type_text


async def open_picker(pilot: Pilot[object]) -> None:
    """ctrl+g opens Get help now; c opens the country picker."""
    await pilot.press("ctrl+g")
    await pilot.pause()
    await pilot.press("c")
    await pilot.pause()


def first_option(app: SafeplanApp) -> str | None:
    options = app.screen.query_one("#country-list", OptionList)
    if options.highlighted is None:
        return None
    return options.get_option_at_index(options.highlighted).id


@pytest.mark.parametrize(
    ("typed", "code"),
    [("uk", "GB"), ("england", "GB"), ("usa", "US"), ("holland", "NL"), ("deu", "DE")],
)
async def test_typing_a_name_people_use_highlights_that_country(
    demo_app: SafeplanApp, typed: str, code: str
) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        await open_picker(pilot)
        assert isinstance(demo_app.screen, CountryPicker)
        await type_text(pilot, typed)
        await pilot.pause()
        assert first_option(demo_app) == code


async def test_uk_then_enter_is_the_uk_never_ukraine(demo_app: SafeplanApp) -> None:
    demo_app.session.settings.country = "IE"
    async with demo_app.run_test(size=SIZE) as pilot:
        await open_picker(pilot)
        assert first_option(demo_app) in ("IE", "GB")  # opens on the country in use
        await type_text(pilot, "uk")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(demo_app.screen, HelpScreen)
        assert "United Kingdom (GB)" in flat(demo_app)
        assert "999 or 112" in flat(demo_app)


async def test_nothing_matching_says_so_and_enter_keeps_the_picker_open(
    demo_app: SafeplanApp,
) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        await open_picker(pilot)
        await type_text(pilot, "atlantis")
        await pilot.pause()
        assert "No country matches" in flat(demo_app)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(demo_app.screen, CountryPicker)


async def test_a_typo_offers_the_closest_country(demo_app: SafeplanApp) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        await open_picker(pilot)
        await type_text(pilot, "germny")
        await pilot.pause()
        assert first_option(demo_app) == "DE"
