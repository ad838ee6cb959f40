"""The check-in, use entry, log, harm-reduction and self-check screens, driven by keyboard."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from textual.widgets import DataTable

from safeplan.core.checkins import add_use_entry, new_use_entry
from safeplan.core.models import (
    CheckIn,
    Contact,
    HarmReductionPlan,
    SafetyPlan,
    TextItem,
    VaultPayload,
    now,
)
from safeplan.core.store import MemoryStore
from safeplan.core.vault import Vault
from safeplan.tui.app import SafeplanApp, make_app
from safeplan.tui.screens.checkin import (
    CheckInSavedScreen,
    CheckInScreen,
    ScaleField,
    SupportScreen,
)
from safeplan.tui.screens.confirm import ConfirmDialog
from safeplan.tui.screens.harm_reduction import FormDialog, HarmReductionScreen
from safeplan.tui.screens.help import HelpScreen
from safeplan.tui.screens.home import HomeScreen
from safeplan.tui.screens.log import LogScreen
from safeplan.tui.screens.selfcheck import QuestionsScreen, SelfCheckResultScreen, SelfCheckScreen
from safeplan.tui.screens.use_entry import UseEntryScreen, UseSavedScreen
from safeplan.tui.widgets.fields import TextField

from .conftest import FIXED_DAY, PASSPHRASE, SIZE, flat, settle, type_text, vault_app


def small_payload() -> VaultPayload:
    return VaultPayload(
        plan=SafetyPlan(
            coping=[TextItem(text="Stand outside and name five things I can see.")],
            help_contacts=[Contact(name="Robin", phone="555 0101", relationship="brother")],
        )
    )


def app_on(payload: VaultPayload) -> tuple[SafeplanApp, MemoryStore]:
    store = MemoryStore(payload)
    return make_app(store=store, today=FIXED_DAY, country="GB", environ={}), store


async def open_from_home(pilot, app: SafeplanApp, label: str) -> None:  # type: ignore[no-untyped-def]
    """Choose a home entry by its number key, as a person would."""
    from safeplan.tui import menu

    index = [e.label for e in menu.entries()].index(label)
    if index < 9:
        await pilot.press(str(index + 1))
    else:  # past the number keys: down the list, then enter
        await pilot.press("home", *(["down"] * index), "enter")
    await pilot.pause()


# --- Check-in ---------------------------------------------------------------------------------------


async def test_a_check_in_takes_three_keys_from_home() -> None:
    app, store = app_on(small_payload())
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, HomeScreen)
        await open_from_home(pilot, app, "Check in")
        assert isinstance(app.screen, CheckInScreen)
        assert app.focused is app.screen.query_one("#mood", ScaleField)
        await pilot.press("6", "enter")
        await settle(pilot, app)
        assert isinstance(app.screen, CheckInSavedScreen)
        assert "Thank you for checking in." in flat(app)
        assert "hard moment" not in flat(app)
        [c] = store.payload.checkins
        assert c.mood == 6 and c.anxiety is None
        assert store.saves == 1
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_tab_moves_through_every_question_and_enter_saves() -> None:
    app, store = app_on(small_payload())
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(CheckInScreen())
        await pilot.pause()
        await pilot.press("4", "tab", "5", "tab", "0", "tab", "1", "tab", "3", "tab")
        await type_text(pilot, "6.5")
        await pilot.press("tab")
        await type_text(pilot, "work, tired")
        await pilot.press("tab")
        await type_text(pilot, "Long shift.")
        await pilot.press("tab")
        app.screen.query_one("#at", TextField).value = "yesterday 21:00"
        await pilot.press("enter")
        await settle(pilot, app)
        [c] = store.payload.checkins
        assert (c.mood, c.anxiety, c.self_harm_urge, c.suicidal_thoughts, c.use_urge) == (
            4, 5, 0, 1, 3,
        )  # fmt: skip
        assert (c.sleep_hours, c.tags, c.note) == (6.5, ["work", "tired"], "Long shift.")
        assert (c.at.hour, c.at.minute) == (21, 0)
        assert c.at.date() == (now() - timedelta(days=1)).date()


async def test_enter_on_an_empty_optional_box_moves_on() -> None:
    app, store = app_on(small_payload())
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(CheckInScreen())
        await pilot.pause()
        await pilot.press("5", "tab", "enter")
        await pilot.pause()
        assert app.focused is app.screen.query_one("#self_harm_urge", ScaleField)
        assert store.payload.checkins == []


async def test_the_scale_takes_only_0_to_10() -> None:
    app, _ = app_on(small_payload())
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(CheckInScreen())
        await pilot.pause()
        mood = app.screen.query_one("#mood", ScaleField)
        await pilot.press("1", "0")
        assert mood.value == "10"
        await pilot.press("backspace", "backspace", "x")
        assert mood.value == ""
        # 11 is kept as typed (never quietly 1, which would read as a very low mood) and refused
        # with what the box takes; nothing is saved.
        await pilot.press("1", "1", "1")
        assert mood.value == "11"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, CheckInScreen)
        assert "0 to 10" in flat(app)
        assert app.session.payload.checkins == []


async def test_problems_are_said_calmly_and_nothing_is_saved() -> None:
    app, store = app_on(small_payload())
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(CheckInScreen())
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Mood is the one thing needed" in flat(app)
        await pilot.press("5")
        app.screen.query_one("#at", TextField).value = "next tuesday"
        await pilot.press("enter")
        await pilot.pause()
        assert "That time was not understood." in flat(app)
        assert isinstance(app.screen, CheckInScreen)
        assert store.payload.checkins == []
        assert store.saves == 0


async def test_a_hard_check_in_shows_the_plan_and_help_at_once_and_never_blocks() -> None:
    app, store = app_on(small_payload())
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(CheckInScreen())
        await pilot.pause()
        await pilot.press("5", "tab", "tab", "tab", "8", "enter")
        await settle(pilot, app)
        assert isinstance(app.screen, SupportScreen)
        text = flat(app)
        assert "Saved your check-in." in text
        assert "That sounds like a hard moment." in text
        assert "You don't have to do any of it." in text
        assert "Stand outside and name five things I can see." in text
        assert "Robin" in text and "555 0101" in text
        assert "999 or 112" in text
        assert "!" not in text
        assert len(store.payload.checkins) == 1  # saved before anything is offered

        await pilot.press("g")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, SupportScreen)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_thoughts_below_the_threshold_get_warm_words_and_help_one_key_away() -> None:
    app, _store = app_on(small_payload())
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(CheckInScreen())
        await pilot.pause()
        await pilot.press("6", "tab", "tab", "tab", "3", "enter")
        await settle(pilot, app)
        assert isinstance(app.screen, CheckInSavedScreen)
        text = flat(app)
        assert "Thank you for noting how you are." in text
        assert "999 or 112" in text and "Samaritans" in text
        assert "Mood over the last 7 days" not in text  # no history in a hard moment
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, SupportScreen)
        assert "Stand outside" in flat(app)


async def test_low_mood_alone_is_hard_by_the_persons_threshold() -> None:
    payload = small_payload()
    payload.settings.low_mood_threshold = 3
    app, _ = app_on(payload)
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(CheckInScreen())
        await pilot.pause()
        await pilot.press("3", "enter")
        await settle(pilot, app)
        assert "hard moment" in flat(app)


async def test_a_check_in_is_saved_to_a_real_vault_off_the_ui_thread(made_vault: Path) -> None:
    app = vault_app(made_vault)
    async with app.run_test(size=SIZE) as pilot:
        await type_text(pilot, PASSPHRASE)
        await pilot.press("enter")
        await settle(pilot, app)
        assert isinstance(app.screen, HomeScreen)
        await open_from_home(pilot, app, "Check in")
        await pilot.press("7", "enter")
        await settle(pilot, app)
        assert app.saver.saves == 1 and app.saver.last_error is None
        await pilot.press("ctrl+q")
        await pilot.pause()
    with Vault.open(made_vault, PASSPHRASE) as vault:
        assert [c.mood for c in vault.payload.checkins] == [7]


# --- Use entry --------------------------------------------------------------------------------------


async def test_use_entry_suggests_names_and_notes_a_mix_with_its_source() -> None:
    payload = small_payload()
    add_use_entry(payload, new_use_entry(substance="beer", at=now() - timedelta(hours=2)))
    app, store = app_on(payload)
    async with app.run_test(size=SIZE) as pilot:
        await open_from_home(pilot, app, "Log use")
        assert isinstance(app.screen, UseEntryScreen)
        await type_text(pilot, "xan")
        await pilot.pause()
        assert app.screen.query_one("#substance", TextField)._suggestion == "xanax"
        await pilot.press("right")  # accept the suggestion
        await pilot.pause()
        assert "known as alprazolam (benzodiazepine)" in flat(app)
        await pilot.press("enter")
        await settle(pilot, app)
        assert isinstance(app.screen, UseSavedScreen)
        text = flat(app)
        assert "beer and xanax (about 2 hours apart): dangerous together." in text
        assert "Source: DailyMed: Xanax (alprazolam) prescribing information" in text
        assert "NIAAA" in [c.source.shown for c in app.screen.notes[0].sources]
        assert "Abuse" not in text
        assert app.screen.tips  # the ideas follow, below the first steps and the note
        entry = store.payload.use_entries[-1]
        assert (entry.substance, entry.substance_class) == ("xanax", "benzodiazepine")


async def test_a_tip_can_be_added_to_my_plan_or_tips_turned_off() -> None:
    payload = small_payload()
    app, store = app_on(payload)
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(UseEntryScreen())
        await pilot.pause()
        await type_text(pilot, "heroin")
        app.screen.query_one("#substance", TextField).value = "heroin"
        await pilot.press("enter")
        await settle(pilot, app)
        screen = app.screen
        assert isinstance(screen, UseSavedScreen)
        first = screen.tips[0].key
        screen.query_one(f"#tip-{first}").focus()
        await pilot.press("space")
        await settle(pilot, app)
        assert store.payload.harm_reduction.strategies == [first]
        await pilot.press("o")
        await settle(pilot, app)
        assert store.payload.settings.harm_reduction_tips is False


async def test_an_unlisted_pair_is_not_known_never_safe() -> None:
    payload = small_payload()
    add_use_entry(payload, new_use_entry(substance="cannabis", at=now() - timedelta(hours=1)))
    app, _ = app_on(payload)
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(UseEntryScreen())
        await pilot.pause()
        app.screen.query_one("#substance", TextField).value = "nicotine"
        await pilot.press("enter")
        await settle(pilot, app)
        text = flat(app)
        assert "safeplan has no rule for this pair: cannabis and nicotine." in text
        assert "does not mean it is safe" in text


# --- Log: change and remove -------------------------------------------------------------------------


async def test_log_changes_and_removes_with_confirmation(demo_app: SafeplanApp) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        payload = demo_app.session.payload
        before = len(payload.checkins) + len(payload.use_entries)
        await open_from_home(pilot, demo_app, "My log")
        screen = demo_app.screen
        assert isinstance(screen, LogScreen)
        assert "The last 14 days, as you logged them" in flat(demo_app)
        newest = screen.rows[0]
        assert isinstance(newest, CheckIn)
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(demo_app.screen, CheckInScreen)
        mood = demo_app.screen.query_one("#mood", ScaleField)
        assert mood.value == str(newest.mood)
        mood.value = "9"
        await pilot.press("enter")
        await settle(pilot, demo_app)
        assert demo_app.screen is screen
        changed = next(c for c in payload.checkins if c.id == newest.id)
        assert changed.mood == 9 and changed.at == newest.at

        table = screen.query_one(DataTable)
        assert table.cursor_row == 0
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(demo_app.screen, ConfirmDialog)
        await pilot.press("enter")  # "Keep it" is first
        await pilot.pause()
        assert len(payload.checkins) + len(payload.use_entries) == before
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("tab", "enter")  # "Remove it"
        await settle(pilot, demo_app)
        assert len(payload.checkins) + len(payload.use_entries) == before - 1
        assert all(c.id != newest.id for c in payload.checkins)


# --- My harm-reduction plan -------------------------------------------------------------------------


def app_without_a_harm_reduction_plan() -> tuple[SafeplanApp, MemoryStore]:
    payload = small_payload()
    payload.harm_reduction = HarmReductionPlan()
    return app_on(payload)


async def test_harm_reduction_goals_strategies_and_recent_days() -> None:
    app, store = app_without_a_harm_reduction_plan()
    async with app.run_test(size=SIZE) as pilot:
        await open_from_home(pilot, app, "My harm-reduction plan")
        assert isinstance(app.screen, HarmReductionScreen)
        assert "No goal yet" in flat(app)
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, FormDialog)
        await type_text(pilot, "Fewer drinks on weekdays")
        await pilot.press("enter")
        await type_text(pilot, "alcohol")
        await pilot.press("enter")
        await settle(pilot, app)
        [goal] = store.payload.harm_reduction.goals
        assert (goal.kind, goal.text, goal.substance, goal.active) == (
            "safer_use", "Fewer drinks on weekdays", "alcohol", True,
        )  # fmt: skip
        assert "Fewer drinks on weekdays" in flat(app)

        await pilot.press("2")
        await pilot.pause()
        app.screen.query_one("#strategy-naloxone").focus()
        await pilot.press("space")
        await settle(pilot, app)
        assert store.payload.harm_reduction.strategies == ["naloxone"]

        await pilot.press("6")
        await pilot.pause()
        text = flat(app)
        assert "Days with alcohol logged: 0 of 14" in text
        assert "not a score" in text
        assert store.saves >= 2


# --- Self-checks ------------------------------------------------------------------------------------


async def test_phq9_item_9_brings_support_up_at_once_then_saves() -> None:
    app, store = app_on(small_payload())
    async with app.run_test(size=SIZE) as pilot:
        await open_from_home(pilot, app, "Self-checks")
        assert isinstance(app.screen, SelfCheckScreen)
        await pilot.press("enter")  # PHQ-9
        await pilot.pause()
        assert isinstance(app.screen, QuestionsScreen)
        for _ in range(8):
            await pilot.press("0")
            await pilot.pause()
        assert "better off dead" in flat(app)
        await pilot.press("1")
        await pilot.pause()
        assert isinstance(app.screen, SupportScreen)
        assert "Stand outside and name five things" in flat(app)
        assert store.payload.self_checks == []
        await pilot.press("escape")
        await settle(pilot, app)
        assert isinstance(app.screen, SelfCheckResultScreen)
        assert "PHQ-9: 1 of 27. The help above is there" in flat(app)
        assert "minimal range" not in flat(app).split("Saved")[1].split("not a diagnosis")[0]
        assert "not a diagnosis" in flat(app)
        [check] = store.payload.self_checks
        assert check.answers == [0] * 8 + [1]


async def test_stopping_a_self_check_saves_nothing() -> None:
    app, store = app_on(small_payload())
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(QuestionsScreen("gad7"))
        await pilot.pause()
        await pilot.press("2", "3", "escape")
        await pilot.pause()
        assert store.payload.self_checks == []


async def test_add_a_goal_starts_in_the_first_box_and_tab_goes_down_in_order() -> None:
    """Review 2g: the first Tab skipped "Kind of goal" and words landed in "About"."""
    from textual.widgets import Button

    app, _store = app_without_a_harm_reduction_plan()
    async with app.run_test(size=SIZE) as pilot:
        await open_from_home(pilot, app, "My harm-reduction plan")
        await pilot.press("a")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, FormDialog)
        order = [f"hr-{f.key}" for f in dialog.fields]
        seen = [app.focused.id if app.focused else None]
        for _ in order[1:]:
            await pilot.press("tab")
            seen.append(app.focused.id if app.focused else None)
        assert seen == order, "focus starts at the top and Tab goes down the rows as shown"
        assert flat(app).index("In my words") < flat(app).index("Kind of goal")
        keep = dialog.query_one("#hr-form-keep", Button)
        assert not keep.compact, "a full button with its border"
        assert keep.styles.border_top[0] != "", "the button has a border"


def test_a_name_whose_class_is_its_own_name_is_said_once() -> None:
    """Review 8: "wine: known as alcohol (alcohol)" said alcohol twice."""
    from safeplan.tui.screens.use_entry import class_words

    assert class_words("wine", "") == "known as alcohol"
    assert class_words("xanax", "") == "known as alprazolam (benzodiazepine)"
