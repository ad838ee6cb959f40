"""Below 80 columns not every key fits in the footer: Get help comes first there, on every screen,
so it is never the key cut off (it was on four screens at 60x20); at 80 the order is as it was."""

from __future__ import annotations

from safeplan.core.models import VaultPayload
from safeplan.core.store import MemoryStore
from safeplan.tui.app import make_app

from .conftest import FIXED_DAY, screen_text
from .test_get_help import all_screen_classes, build


async def test_get_help_is_in_view_in_every_footer_at_60_columns(demo: VaultPayload) -> None:
    app = make_app(store=MemoryStore(demo), today=FIXED_DAY, country="GB", environ={})
    async with app.run_test(size=(60, 20)) as pilot:
        for cls in all_screen_classes():
            await app.push_screen(build(cls, demo))
            await pilot.pause()
            footer = screen_text(app).splitlines()[-1]
            assert footer.lstrip().startswith("^g Get help"), (cls.__name__, footer)
            await app.pop_screen()
            await pilot.pause()


async def test_at_80_columns_the_screens_own_keys_come_first_and_a_resize_reorders(
    demo: VaultPayload,
) -> None:
    from safeplan.tui.screens.plan_editor import PlanEditorScreen

    app = make_app(store=MemoryStore(demo), today=FIXED_DAY, country="GB", environ={})
    async with app.run_test(size=(80, 24)) as pilot:
        await app.push_screen(PlanEditorScreen("coping"))
        await pilot.pause()
        assert screen_text(app).splitlines()[-1].startswith("esc Home")
        await pilot.resize_terminal(60, 20)
        await pilot.pause()
        await pilot.pause()
        assert screen_text(app).splitlines()[-1].startswith("^g Get help")
