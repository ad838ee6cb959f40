"""The crisis strip names whose numbers it shows (care review 8.1: "UK: call 999"), and stays one
line at the app's usual widths, shortening the name before it drops the crisis line."""

from __future__ import annotations

import pytest

from safeplan.core.crisis.render import cells
from safeplan.core.models import VaultPayload
from safeplan.core.store import MemoryStore
from safeplan.tui import help_source
from safeplan.tui.app import make_app
from safeplan.tui.widgets.crisis_strip import CrisisStrip

from .conftest import FIXED_DAY, screen_text


@pytest.mark.parametrize(
    ("country", "label"),
    [("GB", "UK: "), ("US", "USA: "), ("IE", "Ireland: "), ("DE", "Germany: ")],
)
def test_the_strip_starts_with_the_country_its_numbers_are_for(country: str, label: str) -> None:
    text = help_source.strip_text(country)
    assert text.startswith(label + "In danger, call ")
    assert text.endswith(" · more: ctrl+g")
    assert cells(text) <= 78


def test_the_uk_strip_reads_as_one_line_with_samaritans() -> None:
    assert help_source.strip_text("GB") == (
        "UK: In danger, call 999 or 112 · Samaritans 116 123 · more: ctrl+g"
    )


def test_a_long_name_gives_way_to_its_code_before_the_crisis_line_goes() -> None:
    text = help_source.strip_text("CA", 78)
    assert text.startswith("CA: In danger, call 911 · 9-8-8"), text


def test_an_unknown_country_gets_no_label_and_the_general_advice() -> None:
    assert help_source.strip_labels(None) == ()
    text = help_source.strip_text(None)
    assert text.startswith("In danger, call your local emergency number")


@pytest.mark.parametrize("width", [60, 80, 120])
async def test_the_strip_is_one_line_at_each_width(demo: VaultPayload, width: int) -> None:
    app = make_app(store=MemoryStore(demo), today=FIXED_DAY, country="GB", environ={})
    async with app.run_test(size=(width, 24)) as pilot:
        await pilot.pause()
        strip = app.screen.query_one(CrisisStrip)
        assert strip.size.height == 1
        first = screen_text(app).splitlines()[0].strip()
        assert first.startswith("UK: In danger, call 999 or 112")
        assert first.endswith("more: ctrl+g")
        assert ("Samaritans 116 123" in first) == (width >= 80)


async def test_changing_the_country_relabels_the_strip(demo: VaultPayload) -> None:
    app = make_app(store=MemoryStore(demo), today=FIXED_DAY, country="GB", environ={})
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        strip = app.screen.query_one(CrisisStrip)
        strip.show_country("IE")
        await pilot.pause()
        assert screen_text(app).splitlines()[0].strip().startswith("Ireland: In danger, call 112")
