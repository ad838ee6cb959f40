"""The guided session on screen, driven with Pilot like a person would: keys, Enter, buttons."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import RadioSet

from safeplan.core import guide as flow
from safeplan.core.models import Voice
from safeplan.core.store import MemoryStore
from safeplan.core.vault import Vault
from safeplan.tui import menu
from safeplan.tui.app import SafeplanApp
from safeplan.tui.screens.guide import GUIDE_TARGET, GuideScreen
from safeplan.tui.screens.guide_app import GuideApp, make_guide_app
from safeplan.tui.screens.guide_handover import HandoverPanel
from safeplan.tui.screens.home import HomeScreen
from safeplan.tui.widgets.fields import TextField
from tests.guide_helpers import (
    AFTER,
    CLINICIAN,
    COPING,
    COPING_BARRIER,
    COPING_WAY,
    ENV_BARRIER,
    ENVIRONMENT,
    FOLLOW_UP,
    HELP_BARRIER,
    HELP_WAY,
    HELPER,
    LINE,
    PASSPHRASE,
    PERSON,
    PLACE,
    REASONS,
    URGENT,
    WARNING_SIGNS,
    assert_full_plan,
)

from .conftest import SIZE, flat, home_key, settle, type_text

# Enter chooses only once the arrow keys have moved (nothing is ever chosen for the person).
LIKELY, MAYBE, UNLIKELY = ("down", "up"), ("down",), ("down", "down")


def guide_app(store: object, **kwargs: object) -> GuideApp:
    return make_guide_app(store=store, environ={}, country="GB", **kwargs)  # type: ignore[arg-type]


def screen(app: SafeplanApp) -> GuideScreen:
    assert isinstance(app.screen, GuideScreen), type(app.screen).__name__
    return app.screen


async def to_answers(pilot: Pilot[object]) -> None:
    """A page longer than the screen opens at its top, for reading: Tab goes to the first answer."""
    focused = pilot.app.focused
    if focused is not None and focused.id == "guide-body":
        await pilot.press("tab")
        await pilot.pause()


async def entry(pilot: Pilot[object], *values: str) -> None:
    """Type one entry: its main words and details, Enter after each."""
    await to_answers(pilot)
    for value in values:
        await put(pilot, value)
        await pilot.press("enter")
    await pilot.pause()


async def press(pilot: Pilot[object], button_id: str) -> None:
    """Press a button from the keyboard (Tab to it, Enter), wherever the page is scrolled."""
    button = pilot.app.screen.query_one(f"#{button_id}")
    for _ in range(40):  # a button ignores a second press while it still shows the first one
        if not button.has_class("-active"):
            break
        await pilot.pause(0.05)
    button.focus()
    await pilot.pause()
    await pilot.press("enter")
    await pilot.pause()


async def put(pilot: Pilot[object], value: str) -> None:
    """Put words into the focused field (typing each key of long answers would be slow)."""
    field = pilot.app.focused
    assert isinstance(field, TextField), field
    field.insert_text_at_cursor(value)
    await pilot.pause()


async def done_and_next(pilot: Pilot[object]) -> None:
    """Enter on an empty line ends this part; the next part of the page gets the focus."""
    await pilot.press("enter")
    await pilot.pause()


async def done_and_next_page(pilot: Pilot[object]) -> None:
    """Enter on an empty line, with nothing else asked on the page: the next page opens."""
    title = str(pilot.app.screen.query_one("#guide-title").render())
    await pilot.press("enter")
    await settle(pilot, pilot.app)  # type: ignore[arg-type]
    assert str(pilot.app.screen.query_one("#guide-title").render()) != title


async def barrier(
    pilot: Pilot[object], keys: tuple[str, ...], words: str, way_round: str = ""
) -> None:
    """How likely (arrow keys, Enter), what might get in the way, and a way around it."""
    app = pilot.app
    assert isinstance(app.focused, RadioSet)
    await pilot.press(*keys, "enter", "tab")
    for answer in (words, way_round):
        if answer:
            await put(pilot, answer)
        await pilot.press("enter")
        await pilot.pause()


async def to_first_step(pilot: Pilot[object]) -> None:
    """Past the opening and the story (told nothing) to step 1."""
    await press(pilot, "nav-next")
    await press(pilot, "nav-next")
    assert "Step 1 of 7: My warning signs" in flat(pilot.app)  # type: ignore[arg-type]
    await to_answers(pilot)


async def press_next(pilot: Pilot[object]) -> None:
    assert pilot.app.focused is not None and pilot.app.focused.id == "nav-next"
    await pilot.press("enter")
    await pilot.pause()


async def write_the_whole_plan(pilot: Pilot[object]) -> None:
    app = pilot.app
    for words in WARNING_SIGNS:
        await entry(pilot, words)
    await done_and_next_page(pilot)

    assert "Step 2 of 7: Things I can do on my own" in flat(app)  # type: ignore[arg-type]
    for words in COPING:
        await entry(pilot, words)
    await done_and_next(pilot)
    await barrier(pilot, MAYBE, COPING_BARRIER, COPING_WAY)
    await press_next(pilot)

    await entry(pilot, *PERSON)
    await done_and_next(pilot)
    await entry(pilot, *PLACE)
    await done_and_next(pilot)
    assert isinstance(app.focused, RadioSet)
    await pilot.press("enter")  # not moved to an answer: nothing is chosen
    await pilot.pause()
    await press(pilot, "nav-next")

    await entry(pilot, *HELPER)
    await done_and_next(pilot)
    await barrier(pilot, LIKELY, HELP_BARRIER, HELP_WAY)
    await press_next(pilot)

    await entry(pilot, *CLINICIAN)
    await done_and_next(pilot)
    await entry(pilot, *URGENT)
    await done_and_next(pilot)
    await entry(pilot, *LINE)
    await done_and_next(pilot)
    await press(pilot, "nav-next")

    await entry(pilot, *ENVIRONMENT)
    await done_and_next(pilot)
    await barrier(pilot, UNLIKELY, ENV_BARRIER)  # an empty last box: on to the next page

    for words in REASONS:
        await entry(pilot, words)
    await done_and_next_page(pilot)

    assert "Last questions: About your plan" in flat(app)  # type: ignore[arg-type]
    await to_answers(pilot)
    await pilot.press(*MAYBE, "enter", "tab")
    for key in ("what_might_get_in_the_way", "way_round", "where_kept", "who_has_a_copy"):
        await entry(pilot, AFTER[key])
    await press_next(pilot)

    assert "Last questions: Looking at it again" in flat(app)  # type: ignore[arg-type]
    for key in ("follow_up_when", "follow_up_with"):
        await entry(pilot, FOLLOW_UP[key])
    await press_next(pilot)


async def test_a_complete_session_in_memory_saved_into_a_new_vault(tmp_path: Path) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    store = MemoryStore()
    app = guide_app(store, ephemeral=True, voice="with_someone")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "Before we start" in flat(app)
        assert "what you would have to share if you were worried about their life" in flat(app)
        await press(pilot, "nav-next")
        await press(pilot, "nav-next")
        # A long page opens at its top, for reading, with the helper's cues in view.
        assert "Step 1 of 7: My warning signs" in flat(app)
        assert "For the person helping: - Ask how they will know" in flat(app)
        await to_answers(pilot)
        assert isinstance(app.focused, TextField)
        await write_the_whole_plan(pilot)

        assert "Your plan is written" in flat(app)
        assert "not saved on this computer" in flat(app)
        page = screen(app)
        printed = page.query_one(HandoverPanel).render_text()
        assert f"My way around what might get in the way: {COPING_WAY}" in " ".join(printed.split())
        page.query_one("#vault-path", TextField).value = str(usb)
        page.query_one("#vault-pass", TextField).value = PASSPHRASE
        page.query_one("#vault-pass2", TextField).value = PASSPHRASE
        await press(pilot, "create-vault")
        await settle(pilot, app)
        await pilot.pause()  # the recovery code is scrolled into view after the next refresh
        target = usb / "safeplan-vault.json"
        assert target.exists()
        assert "The plan is saved in a new vault at" in flat(app)
        assert "shown only now" in flat(app)
        await press(pilot, "finish")
        await pilot.pause()
    assert app.return_code == 0
    assert f"a vault at {target}" in app.farewell, "the goodbye line says what was kept"
    with Vault.open(target, PASSPHRASE) as vault:
        assert_full_plan(vault.payload)
    assert store.payload.plan.is_empty(), "the session in memory is let go at the end"


async def test_letting_go_asks_once_more_and_writes_nothing(tmp_path: Path) -> None:
    home = Path(os.environ["HOME"])
    before = sorted(home.rglob("*"))
    store = MemoryStore()
    app = guide_app(store, ephemeral=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await to_first_step(pilot)
        await entry(pilot, "GUIDECANARY a sign")
        await pilot.press("escape")  # in memory: straight to choosing what to keep
        await pilot.pause()
        assert "Choose what to keep" in flat(app)
        await press(pilot, "finish")
        await pilot.pause()
        assert "cannot be brought back" in flat(app)
        assert isinstance(app.screen, GuideScreen)
        await press(pilot, "finish")
        await pilot.pause()
    assert store.payload.plan.is_empty()
    assert app.farewell == "The plan was let go. Nothing of it was written to this computer."
    assert sorted(home.rglob("*")) == before


async def test_show_the_plan_on_the_handover_page() -> None:
    store = MemoryStore()
    app = guide_app(store, ephemeral=True)
    async with app.run_test(size=(100, 60)) as pilot:
        await pilot.pause()
        await to_first_step(pilot)
        await entry(pilot, "GUIDECANARY shown sign")
        await pilot.press("escape")
        await pilot.pause()
        assert "GUIDECANARY" not in flat(app)
        await press(pilot, "show-plan")
        await pilot.pause()
        await pilot.pause()  # scrolled into view after the next refresh
        assert "My safety plan" in flat(app)
        assert "GUIDECANARY shown sign" in flat(app)


async def test_pause_keeps_everything_in_the_vault_and_resume_carries_on(
    made_vault: Path,
) -> None:
    vault = Vault.open(made_vault, "correct horse battery")
    app = guide_app(vault, voice="on_my_own")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await to_first_step(pilot)
        assert "For the person helping" not in flat(app)
        await entry(pilot, "GUIDECANARY first sign")
        await done_and_next_page(pilot)
        await type_text(pilot, "typed")
        await put(pilot, " GUIDECANARY, not yet added")
        await pilot.press("escape")
        await settle(pilot, app)
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("ctrl+q")
        await pilot.pause()

    with Vault.open(made_vault, "correct horse battery") as reopened:
        payload = reopened.payload
        assert payload.guide is not None
        assert (payload.guide.step_index, payload.guide.voice) == (flow.FIRST_STEP + 1, "on_my_own")
        assert [i.text for i in payload.plan.warning_signs] == ["GUIDECANARY first sign"]
        assert [i.text for i in payload.plan.coping] == ["typed GUIDECANARY, not yet added"]
        assert payload.plan_revisions, "pausing keeps a dated revision"

    again = guide_app(Vault.open(made_vault, "correct horse battery"))
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        text = flat(again)
        assert "Step 2 of 7: Things I can do on my own" in text
        assert "typed GUIDECANARY, not yet added" in text
        assert "Welcome back" in text
        await pilot.press("ctrl+q")
        await pilot.pause()


async def test_back_skip_examples_and_voice() -> None:
    store = MemoryStore()
    app = guide_app(store, voice="on_my_own")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await to_first_step(pilot)
        page = screen(app)
        example = flow.step_for("warning_signs").examples[0]
        assert example not in flat(app)
        await pilot.press("f2")
        await pilot.pause()
        assert example in flat(app)
        await pilot.press("f2")
        await pilot.pause()
        assert example not in flat(app)

        assert not page.query_one("#guide-facilitator").display
        await pilot.press("f3")
        await pilot.pause()
        assert page.query_one("#guide-facilitator").display
        assert "Now speaking with someone beside me." in flat(app)
        assert store.payload.guide is not None and store.payload.guide.voice == "with_someone"

        await press(pilot, "nav-skip")
        await press(pilot, "nav-skip")
        assert "Step 3 of 7" in flat(app)
        await press(pilot, "nav-back")
        assert "Step 2 of 7" in flat(app)
        assert store.payload.guide.step_index == flow.FIRST_STEP + 1


async def test_the_home_menu_offers_the_guided_session(demo_app: SafeplanApp) -> None:
    assert any(e.target == GUIDE_TARGET for e in menu.entries())
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "Build my plan step by step" in flat(demo_app)
        demo_app.open_screen(GUIDE_TARGET)
        await pilot.pause()
        assert isinstance(demo_app.screen, GuideScreen)
        await to_first_step(pilot)
        # The demo plan's own words are shown as already in the plan.
        sign = demo_app.session.payload.plan.warning_signs[0].text
        assert sign in flat(demo_app)


async def test_help_is_one_key_away_and_typed_words_survive_it(demo_app: SafeplanApp) -> None:
    from safeplan.tui.screens.help import HelpScreen

    async with demo_app.run_test(size=SIZE) as pilot:
        await demo_app.push_screen(GuideScreen())
        await pilot.pause()
        await to_first_step(pilot)
        assert "^g Get help" in flat(demo_app)
        field = demo_app.focused
        assert isinstance(field, TextField)
        await pilot.press("a", "b")
        await pilot.press("ctrl+g")
        await pilot.pause()
        assert isinstance(demo_app.screen, HelpScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(demo_app.screen, GuideScreen)
        assert field.value == "ab"


async def test_ctrl_g_at_a_question_comes_back_to_the_same_question() -> None:
    from safeplan.tui.screens.help import HelpScreen

    store = MemoryStore()
    app = guide_app(store, ephemeral=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await to_first_step(pilot)
        await press(pilot, "nav-next")
        await entry(pilot, "GUIDECANARY a walk")
        await done_and_next(pilot)
        question = app.focused
        assert isinstance(question, RadioSet) and question.id == "answer-0"
        await pilot.press("ctrl+g")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert "999" in flat(app), "the crisis lines for the country"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, GuideScreen)
        assert "Step 2 of 7: Things I can do on my own" in flat(app)
        assert app.focused is question


async def test_an_unanswered_likelihood_is_never_saved() -> None:
    store = MemoryStore()
    app = guide_app(store, ephemeral=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await to_first_step(pilot)
        await press(pilot, "nav-next")
        await entry(pilot, "GUIDECANARY a walk")
        await done_and_next(pilot)
        assert isinstance(app.focused, RadioSet)
        await pilot.press("enter")
        await pilot.pause()
        assert store.payload.plan.reflections.get("coping") is None
        assert "Nothing was chosen yet" in flat(app)
        await press(pilot, "nav-next")
        assert "coping" not in store.payload.plan.reflections
        # Chosen on purpose, it is kept.
        await press(pilot, "nav-back")
        await pilot.pause()
        app.screen.query_one("#answer-0").focus()
        await pilot.press("down", "enter")
        await pilot.pause()
        assert store.payload.plan.reflections["coping"].likelihood == "maybe"


async def test_the_story_is_kept_only_where_the_person_ticks_it() -> None:
    store = MemoryStore()
    app = guide_app(store, ephemeral=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await press(pilot, "nav-next")
        assert "What happened last time" in flat(app)
        for moment in ("GUIDECANARY we argued", "GUIDECANARY I went quiet"):
            await put(pilot, moment)
            await pilot.press("enter")
            await pilot.pause()
        await pilot.press("enter")  # an empty line: on to choosing what to keep
        await pilot.pause()
        await pilot.press("down", "space")
        await pilot.pause()
        assert "[x] GUIDECANARY I went quiet" in flat(app)
        await press(pilot, "nav-next")
        assert "Step 1 of 7" in flat(app)
    signs = [i.text for i in store.payload.plan.warning_signs]
    assert signs == ["GUIDECANARY I went quiet"]


async def test_f4_shows_the_danger_card_in_the_helpers_voice() -> None:
    app = guide_app(MemoryStore(), ephemeral=True, voice="with_someone")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        card = app.screen.query_one("#guide-danger")
        assert not card.display
        await pilot.press("f4")
        await pilot.pause()
        assert card.display
        assert "Stay with them" in flat(app)


async def test_quitting_an_unsaved_session_in_memory_asks_once_more() -> None:
    store = MemoryStore()
    app = guide_app(store, ephemeral=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await to_first_step(pilot)
        await entry(pilot, "GUIDECANARY a sign")
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert app.return_code is None
        assert isinstance(app.screen, GuideScreen)
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert app.return_code == 0
    assert store.payload.plan.is_empty()


async def test_start_my_plan_on_first_run_opens_the_guided_session(demo_app: SafeplanApp) -> None:
    from safeplan.tui.screens.plan_editor import PlanEditorScreen
    from safeplan.tui.screens.welcome import RecoveryCodeScreen

    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await demo_app.push_screen(RecoveryCodeScreen("ABCD-EFGH", first_run=True))
        await pilot.pause()
        assert "Write it myself" in flat(demo_app)
        await press(pilot, "start-plan")
        await pilot.pause()
        assert isinstance(demo_app.screen, GuideScreen)
        assert "Before we start" in flat(demo_app)
        await demo_app.push_screen(RecoveryCodeScreen("ABCD-EFGH", first_run=True))
        await pilot.pause()
        await press(pilot, "write-plan")
        await pilot.pause()
        assert isinstance(demo_app.screen, PlanEditorScreen), "the editor is one choice away"


async def test_the_opening_names_the_country_and_f5_goes_on() -> None:
    store = MemoryStore()
    app = guide_app(store, ephemeral=True)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        assert "Crisis lines are shown for United Kingdom (GB)." in flat(app)
        assert "press ctrl+g, then c" in flat(app)
        await pilot.press("f5")
        await pilot.pause()
        assert "What happened last time" in flat(app)
        assert store.payload.guide is not None and store.payload.guide.step_index == 1


@pytest.mark.parametrize("voice", ["on_my_own", "with_someone"])
async def test_enter_on_who_is_here_never_changes_it(voice: Voice) -> None:
    """Review 2i: the highlight sat on "Someone is beside me" while "on my own" was chosen, and
    Enter (meant as "go on") switched the voice. Enter now changes it only after the arrow keys."""
    store = MemoryStore()
    app = guide_app(store, ephemeral=True, voice=voice)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        choice = app.screen.query_one("#voice-choice", RadioSet)
        assert app.focused is choice
        before = store.payload.guide.voice if store.payload.guide else None
        assert before == voice
        pressed = choice.pressed_index
        await pilot.press("enter")
        await pilot.pause()
        assert store.payload.guide is not None and store.payload.guide.voice == before
        assert choice.pressed_index == pressed
        assert "Kept as it was" in flat(app)
        await pilot.press("space")
        await pilot.pause()
        assert store.payload.guide.voice == before
        # Chosen on purpose, it changes.
        await pilot.press("up" if pressed else "down", "enter")
        await pilot.pause()
        assert store.payload.guide.voice == flow.other_voice(before)


async def test_enter_never_swaps_an_earlier_likelihood() -> None:
    """Review 2i / top finding 11: an earlier "maybe" was overwritten with "likely" by Enter."""
    store = MemoryStore()
    app = guide_app(store, ephemeral=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await to_first_step(pilot)
        await press(pilot, "nav-next")
        await entry(pilot, "GUIDECANARY a walk")
        await done_and_next(pilot)
        await pilot.press(*MAYBE, "enter")
        await pilot.pause()
        assert store.payload.plan.reflections["coping"].likelihood == "maybe"
        await press(pilot, "nav-next")
        await press(pilot, "nav-back")
        question = app.screen.query_one("#answer-0", RadioSet)
        question.focus()
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert store.payload.plan.reflections["coping"].likelihood == "maybe"
        assert "Your answer stays as it was" in flat(app)
        assert app.focused is not question  # Enter went on


async def test_a_resumed_step_opens_at_its_top_at_80x24() -> None:
    """Review 2i: from home at 80x24 the guide opened scrolled, the first line a fragment."""
    from textual.containers import VerticalScroll

    from safeplan.core.models import TextItem, VaultPayload
    from safeplan.tui.app import make_app

    payload = VaultPayload()
    signs = [f"GUIDECANARY a warning sign written earlier, number {n}" for n in range(6)]
    payload.plan.warning_signs = [TextItem(text=words) for words in signs]
    flow.start(payload, "on_my_own")
    assert payload.guide is not None
    payload.guide = flow.move(
        flow.move(payload.guide, "next"), "next"
    )  # a session paused at step 1
    app = make_app(store=MemoryStore(payload), environ={}, country="GB")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await pilot.press(home_key("guide"))
        await settle(pilot, app)
        body = screen(app).query_one("#guide-body", VerticalScroll)
        assert body.scroll_y == 0
        assert "Step 1 of 7: My warning signs Thoughts, feelings" in flat(app)


async def test_next_is_first_in_the_footer_and_an_empty_line_goes_on() -> None:
    """Review 2i and 5: from a text box Next was up to 14 Tabs away, with no key shown for it.
    F5 (Next) comes first in the footer at 80 columns, and Enter on an empty line goes on: to the
    next part of the page, or to the next page when nothing else is asked there."""
    from textual.widgets import Footer

    store = MemoryStore()
    app = guide_app(store, ephemeral=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        footer = " ".join(str(k.render()) for k in app.screen.query_one(Footer).children)
        assert footer.split()[:2] == ["f5", "Next"], footer
        await to_first_step(pilot)
        await entry(pilot, "GUIDECANARY first sign")
        await pilot.press("enter")  # an empty line, and step 1 asks nothing else
        await settle(pilot, app)
        assert "Step 2 of 7: Things I can do on my own" in flat(app)
        await press(pilot, "nav-next")
        assert "Step 3 of 7" in flat(app)
        await to_answers(pilot)
        assert app.focused is not None and app.focused.id == "entry-0-0"
        await pilot.press("enter")  # an empty line: on to the places, on the same page
        await pilot.pause()
        assert "Step 3 of 7" in flat(app)
        assert app.focused is not None and app.focused.id == "entry-1-0"
