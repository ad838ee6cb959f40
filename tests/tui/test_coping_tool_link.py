"""The plan editor links a coping step to a tool, as ``safeplan tools link N TOOL`` does: the
choice sits in the coping form beside the words, never in them, and "no tool" takes it away."""

from __future__ import annotations

from textual.widgets import Select

from safeplan.core.models import VaultPayload
from safeplan.tui.app import SafeplanApp
from safeplan.tui.screens.item_form import ItemForm
from safeplan.tui.screens.plan_editor import PlanEditorScreen

from .conftest import SIZE, flat, settle


async def test_a_coping_step_gets_a_tool_and_loses_it_again(
    demo: VaultPayload, demo_app: SafeplanApp
) -> None:
    demo.plan.coping_tools = {}
    app, store = demo_app, demo_app.session.store
    assert store is not None
    first = demo.plan.coping[0]
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(PlanEditorScreen("coping"))
        await pilot.pause()
        await pilot.press("enter")  # change the highlighted step
        await pilot.pause()
        assert isinstance(app.screen, ItemForm)
        assert "Tool to offer" in flat(app) and "no tool" in flat(app)
        await pilot.press("tab")  # from the words to the tool choice
        assert app.focused is app.screen.query_one("#field-tool", Select)
        await pilot.press("enter", "down", "enter")  # open it, the first tool, choose it
        await pilot.pause()
        await pilot.click("#form-save")
        await settle(pilot, app)
        assert not isinstance(app.screen, ItemForm)
        assert store.payload.plan.coping_tools == {first.id: "breathe"}
        assert store.payload.plan.coping[0].text == first.text, "the words are unchanged"

        await pilot.press("enter")
        await pilot.pause()
        choice = app.screen.query_one("#field-tool", Select)
        assert choice.value == "breathe", "the form shows the link it has"
        choice.value = Select.NULL
        await pilot.pause()
        await pilot.click("#form-save")
        await settle(pilot, app)
        assert store.payload.plan.coping_tools == {}


async def test_other_parts_have_no_tool_choice_and_keep_the_links(
    demo: VaultPayload, demo_app: SafeplanApp
) -> None:
    demo.plan.coping_tools = {demo.plan.coping[0].id: "ground"}
    app, store = demo_app, demo_app.session.store
    assert store is not None
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(PlanEditorScreen("warning_signs"))
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ItemForm)
        assert not app.screen.query("#field-tool")
        await pilot.press("enter")  # keep it as it is
        await settle(pilot, app)
    assert store.payload.plan.coping_tools == {demo.plan.coping[0].id: "ground"}
