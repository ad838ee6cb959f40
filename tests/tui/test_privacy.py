"""Nothing the person types leaves the app (issue 12 items 1 and 5): Textual's log, devtools and
screenshot settings are off whatever the environment, a passphrase cannot be copied and does not
linger, and the export screen refuses the vault's own path."""

from __future__ import annotations

import time
from pathlib import Path

from textual import constants

from safeplan.tui.app import SafeplanApp
from safeplan.tui.idle import CLEAR_TYPED_SECRETS_SECONDS
from safeplan.tui.privacy import scrub_environment
from safeplan.tui.screens.export import ExportScreen
from safeplan.tui.screens.unlock import UnlockScreen
from safeplan.tui.widgets.fields import TextField
from tests.test_cli_edges import Pty

from .conftest import PASSPHRASE, SIZE, flat, settle, type_text, vault_app


def test_textual_settings_that_copy_the_screen_or_keys_are_dropped() -> None:
    env = {
        "TEXTUAL_LOG": "/tmp/t.log",
        "TEXTUAL": "devtools,debug,headless",
        "TEXTUAL_SCREENSHOT": "1",
        "TEXTUAL_PRESS": "enter",
        "TEXTUAL_THEME": "textual-light",
    }
    scrub_environment(env)
    assert env == {"TEXTUAL": "headless", "TEXTUAL_THEME": "textual-light"}
    assert constants.LOG_FILE is None
    assert constants.PRESS == ""
    assert constants.SCREENSHOT_DELAY == -1


def test_textual_log_writes_nothing_in_a_real_session(tmp_path: Path) -> None:
    from safeplan.core.vault import Vault

    path = tmp_path / "v.json"
    Vault.create(path, PASSPHRASE)[0].close()
    log = tmp_path / "textual.log"
    term = Pty(
        tmp_path,
        "--vault",
        str(path),
        env={"TEXTUAL_LOG": str(log), "TEXTUAL": "devtools,debug"},
    )
    term.expect("passphrase", timeout=60)
    time.sleep(1.0)
    term.send(PASSPHRASE + "\r")
    time.sleep(3.0)
    term.send("\x11")  # ctrl+q
    term.finish(timeout=30)
    assert not log.exists()
    assert PASSPHRASE.encode() not in term.seen


async def test_a_passphrase_cannot_be_copied(made_vault: Path) -> None:
    app = vault_app(made_vault)
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, UnlockScreen)
        await type_text(pilot, "secret words here")
        field = app.screen.query_one("#passphrase", TextField)
        # The same keys copy from an ordinary field: the test would see a copy if there were one.
        field.password = False
        await pilot.press("shift+home", "ctrl+c")
        await pilot.pause()
        assert app.clipboard == "secret words here"
        app.copy_to_clipboard("")
        field.password = True
        await pilot.press("end", "shift+home", "ctrl+c", "ctrl+x")
        await pilot.pause()
        assert app.clipboard == ""
        assert field.value == "secret words here"


async def test_a_typed_passphrase_left_on_the_unlock_screen_is_cleared(made_vault: Path) -> None:
    app = vault_app(made_vault)
    async with app.run_test(size=SIZE) as pilot:
        await type_text(pilot, "half typed")
        field = app.screen.query_one("#passphrase", TextField)
        assert field.value == "half typed"
        app.idle.last_activity -= CLEAR_TYPED_SECRETS_SECONDS + 1
        await app.idle.check()
        await pilot.pause()
        assert field.value == ""


async def test_the_export_screen_refuses_the_vault_itself(made_vault: Path) -> None:
    app: SafeplanApp = vault_app(made_vault)
    before = made_vault.read_bytes()
    async with app.run_test(size=SIZE) as pilot:
        app.screen.query_one("#passphrase", TextField).value = PASSPHRASE
        await pilot.press("enter")
        await settle(pilot, app)
        assert app.session.unlocked
        await app.push_screen(ExportScreen())
        await pilot.pause()
        for target in (made_vault, made_vault.with_name("vault.json.lock")):
            app.screen.query_one("#export-path", TextField).value = str(target)
            await pilot.press("ctrl+s")
            await settle(pilot, app)
            # Refused at once, before the "it is not encrypted" question is even asked.
            assert isinstance(app.screen, ExportScreen)
            assert "belongs to a safeplan vault, so safeplan will not write over it" in flat(app)
            assert "Nothing was saved" in flat(app)
    assert made_vault.read_bytes() == before
    assert b"safeplan-vault" in made_vault.read_bytes()


async def test_an_older_copy_is_said_after_unlock(made_vault: Path) -> None:
    from safeplan.core.models import CheckIn
    from safeplan.core.vault import Vault

    old_copy = made_vault.read_bytes()
    for mood in (3, 4):
        with Vault.open(made_vault, PASSPHRASE) as vault:
            vault.payload.checkins.append(CheckIn(mood=mood))
            vault.save()
    made_vault.write_bytes(old_copy)
    app = vault_app(made_vault)
    async with app.run_test(size=SIZE) as pilot:
        app.screen.query_one("#passphrase", TextField).value = PASSPHRASE
        await pilot.press("enter")
        await settle(pilot, app)
        assert app.session.unlocked
        said = " ".join(n.message for n in app._notifications)
        assert "older than the newest copy" in said
