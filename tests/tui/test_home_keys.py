"""Every home entry has a key: 1 to 9 for the first nine, a letter in the label's words for the
rest (review: home items 10 and on had none), shown beside it."""

from __future__ import annotations

import pytest

from safeplan.tui import menu
from safeplan.tui.app import SafeplanApp
from safeplan.tui.screens.home import HomeScreen

from .conftest import screen_text


def test_every_entry_has_one_key_and_no_two_share_one() -> None:
    found = menu.entries()
    keys = [menu.key_for(number, entry) for number, entry in enumerate(found, start=1)]
    assert all(keys), dict(zip([e.id for e in found], keys, strict=True))
    assert len(set(keys)) == len(keys)
    for number, entry in enumerate(found, start=1):
        if number >= 10:
            assert entry.letter.isalpha() and entry.letter.islower()
            assert entry.letter in entry.label.lower(), "a letter from the label's words"


@pytest.mark.parametrize("entry_id", ["history", "log", "trends", "selfcheck", "hope", "settings"])
async def test_a_letter_opens_its_entry_and_is_shown_beside_it(
    demo_app: SafeplanApp, entry_id: str
) -> None:
    entry = next(e for e in menu.entries() if e.id == entry_id)
    number = menu.entries().index(entry) + 1
    key = menu.key_for(number, entry)
    async with demo_app.run_test(size=(80, 40)) as pilot:
        await pilot.pause()
        row = next(line for line in screen_text(demo_app).splitlines() if entry.label in line)
        assert row.split()[0] == key, row
        await pilot.press(key)
        await pilot.pause()
        screen = demo_app.screen
        assert not isinstance(screen, HomeScreen)
        assert type(screen).__name__ == entry.target.split(":")[1]
