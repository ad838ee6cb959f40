"""ctrl+g opens "Get help now" from every screen, even while typing, and help never needs the vault."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual.screen import Screen

import safeplan.tui.screens as screens_pkg
from safeplan.core.models import VaultPayload
from safeplan.tui.app import SafeplanApp
from safeplan.tui.plan_fields import KINDS
from safeplan.tui.screens.base import SafeplanModal, SafeplanScreen
from safeplan.tui.screens.help import CountryPicker, HelpScreen
from safeplan.tui.widgets.fields import TextField

from .conftest import SIZE, flat, screen_text, type_text, vault_app

# Screens whose constructor needs arguments, by class name (a screen added by anyone needs a line
# here); every other screen is built with no arguments.
FACTORIES: dict[str, Callable[[type[Any], VaultPayload], Screen[Any]]] = {
    "RecoveryCodeScreen": lambda cls, _: cls("ABCD-EFGH", first_run=True),
    "CountryPicker": lambda cls, _: cls("GB"),
    "ConfirmDialog": lambda cls, _: cls("Sure?", "", [("yes", "Yes"), ("no", "No")]),
    "ItemForm": lambda cls, _: cls(KINDS["help_contacts"], None, lambda *_: None),
    "PlanEditorScreen": lambda cls, _: cls("help"),
    "RevisionScreen": lambda cls, _: cls(0),
    "UseSavedScreen": lambda cls, payload: cls(payload.use_entries[-1], [], []),
    "FormDialog": lambda cls, _: cls(
        "A title", [importlib.import_module(cls.__module__).FieldSpec("note", "Note")], {}
    ),
    "QuestionsScreen": lambda cls, _: cls("phq9"),
    "SelfCheckResultScreen": lambda cls, payload: cls(payload.self_checks[-1]),
    "CheckInSavedScreen": lambda cls, payload: cls(payload.checkins[-1]),
    "LearnCardScreen": lambda cls, _: cls("treatment"),
}


def all_screen_classes() -> list[type[Screen[object]]]:
    found: dict[str, type[Screen[object]]] = {}
    for info in pkgutil.walk_packages(screens_pkg.__path__, screens_pkg.__name__ + "."):
        module = importlib.import_module(info.name)
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if (
                issubclass(cls, SafeplanScreen | SafeplanModal)
                and cls not in (SafeplanScreen, SafeplanModal)
                and cls.__module__ == module.__name__
                and cls.compose is not Screen.compose  # a shared base, never shown on its own
            ):
                found[f"{cls.__module__}.{cls.__qualname__}"] = cls
    # A class another screen is built from (the export screen's saving and printing parts) is a
    # part, never shown on its own.
    return [
        cls
        for cls in found.values()
        if not any(other is not cls and issubclass(other, cls) for other in found.values())
    ]


def build(cls: type[Screen[Any]], payload: VaultPayload) -> Screen[Any]:
    factory = FACTORIES.get(cls.__name__)
    if factory is not None:
        return factory(cls, payload)
    try:
        return cls()
    except TypeError as exc:
        raise AssertionError(f"add {cls.__name__} to FACTORIES in {__file__}") from exc


def test_the_screen_list_is_complete() -> None:
    names = {cls.__name__ for cls in all_screen_classes()}
    assert {"HomeScreen", "HelpScreen", "UnlockScreen", "CreateVaultScreen"} <= names


async def test_ctrl_g_opens_help_from_every_screen_and_while_typing(
    demo_app: SafeplanApp, demo: VaultPayload
) -> None:
    own_contact = demo.plan.help_contacts[0].name
    async with demo_app.run_test(size=SIZE) as pilot:
        for cls in all_screen_classes():
            for typing in (False, True):
                await demo_app.push_screen(build(cls, demo))
                await pilot.pause()
                screen = demo_app.screen
                assert "^g Get help" in screen_text(demo_app), cls.__name__
                fields = list(screen.query(TextField))
                if typing:
                    if not fields:
                        await demo_app.pop_screen()
                        continue
                    fields[0].focus()
                    await pilot.press("1")
                    assert fields[0].value.endswith("1"), cls.__name__
                depth = len(demo_app.screen_stack)
                await pilot.press("ctrl+g")
                await pilot.pause()
                assert isinstance(demo_app.screen, HelpScreen), cls.__name__
                if cls is HelpScreen:  # already there: ctrl+g does not pile help on help
                    assert len(demo_app.screen_stack) == depth
                    await demo_app.pop_screen()
                    continue
                assert own_contact in flat(demo_app), cls.__name__
                await pilot.press("escape")
                await pilot.pause()
                assert demo_app.screen is screen, cls.__name__
                if typing:
                    assert fields[0].value.endswith("1"), "typed words survive a visit to help"
                await demo_app.pop_screen()
                await pilot.pause()


async def test_help_on_the_unlock_screen_needs_no_passphrase(made_vault: Path) -> None:
    app = vault_app(made_vault)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+g")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = flat(app)
        assert "Call 999 or 112" in text
        assert "Samaritans" in text
        assert "Use my plan now" not in text
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen)


async def test_the_country_can_be_changed_and_is_kept_in_settings(
    demo_app: SafeplanApp,
) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+g")
        await pilot.pause()
        assert "999 or 112" in flat(demo_app)
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(demo_app.screen, CountryPicker)
        await type_text(pilot, "new z")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(demo_app.screen, HelpScreen)
        assert "Call 111" in flat(demo_app)
        assert demo_app.session.settings.country == "NZ"
        await demo_app.saver.flush()
        assert demo_app.saver.saves >= 1
