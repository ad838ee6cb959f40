"""The Export screen: choose a format, read the preview, save a file (0600, only after saying it is
not encrypted, never over a file without a second answer), print through lp, all from the keyboard."""

from __future__ import annotations

import errno
import os
import shutil
import stat
import threading
from pathlib import Path
from typing import Any

import pytest
from syrupy.assertion import SnapshotAssertion
from syrupy.extensions.image import SVGImageSnapshotExtension
from textual.widgets import TextArea

from safeplan.core.export import render
from safeplan.core.models import TextItem, VaultPayload
from safeplan.core.store import MemoryStore
from safeplan.tui import menu
from safeplan.tui.app import SafeplanApp, make_app
from safeplan.tui.screens.confirm import ConfirmDialog
from safeplan.tui.screens.export import PAGE_BREAK, PREVIEW_LINES, ExportScreen
from safeplan.tui.screens.help import HelpScreen
from safeplan.tui.themes import DARK
from safeplan.tui.widgets.fields import TextField

from .conftest import FIXED_DAY, SIZE, flat, settle, type_text


def exported(payload: VaultPayload, fmt: str) -> str:
    return render(fmt, payload, width=80, today=FIXED_DAY, country="GB")


def preview(app: SafeplanApp) -> str:
    return app.screen.query_one("#export-preview", TextArea).text


def dialog_text(app: SafeplanApp) -> str:
    """The question and what it says under it, as one line (the dialog wraps it on screen)."""
    dialog = app.screen
    assert isinstance(dialog, ConfirmDialog)
    return " ".join(f"{dialog.question} {dialog.detail}".split())


def path_field(app: SafeplanApp) -> TextField:
    return app.screen.query_one("#export-path", TextField)


async def open_export(app: SafeplanApp, pilot) -> None:  # type: ignore[no-untyped-def]
    await app.push_screen(ExportScreen())
    await pilot.pause()


def fake_printer(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An `lp` on PATH that keeps what it is given, so a test can read what was printed."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    printed = tmp_path / "printed.txt"
    lp = bin_dir / "lp"
    cat = shutil.which("cat")
    assert cat is not None
    lp.write_text(f'#!/bin/sh\nexec "{cat}" > "{printed}"\n')
    lp.chmod(0o755)
    monkeypatch.setenv("PATH", str(bin_dir))
    return printed


async def test_export_opens_from_home_with_the_printable_text(
    demo_app: SafeplanApp, demo: VaultPayload
) -> None:
    number = [entry.id for entry in menu.entries()].index("export") + 1
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.press(str(number))
        await pilot.pause()
        assert isinstance(demo_app.screen, ExportScreen)
        text = flat(demo_app)
        assert "Print or save a copy of your plan" in text
        assert "crisis lines for United Kingdom" in text
        assert preview(demo_app) == exported(demo, "text").replace("\f", PAGE_BREAK)
        assert "My safety plan" in text
        assert path_field(demo_app).value == "~/safety-plan.txt"

        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(demo_app.screen, ExportScreen)


async def test_switching_format_changes_the_preview_and_the_file_name(
    demo_app: SafeplanApp, demo: VaultPayload
) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        await open_export(demo_app, pilot)
        await pilot.press("right")  # the formats have the focus: the arrows choose
        await pilot.pause()
        assert preview(demo_app) == exported(demo, "card")
        assert preview(demo_app).startswith("MY SAFETY PLAN")
        assert path_field(demo_app).value == "~/safety-plan-card.txt"

        await pilot.press("3")
        await pilot.pause()
        assert preview(demo_app) == exported(demo, "markdown")
        assert path_field(demo_app).value == "~/safety-plan.md"

        await pilot.press("4")
        await pilot.pause()
        assert preview(demo_app) == exported(demo, "json")
        assert path_field(demo_app).value == "~/safety-plan.json"
        text = flat(demo_app)
        assert "everything in your vault, not only your plan" in text
        assert "check-ins, the use log" in text
        assert "To print, choose the printable text, a card or the hope box." in text

        await pilot.press("left")
        await pilot.pause()
        assert preview(demo_app) == exported(demo, "markdown")

        await pilot.press("1")
        await pilot.pause()
        assert preview(demo_app).startswith("My safety plan")


async def test_a_path_the_person_typed_is_kept_when_the_format_changes(
    demo_app: SafeplanApp, tmp_path: Path
) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        await open_export(demo_app, pilot)
        path_field(demo_app).value = str(tmp_path / "mine.txt")
        await pilot.press("2")
        await pilot.pause()
        assert path_field(demo_app).value == str(tmp_path / "mine.txt")


async def test_a_key_pressed_after_tabbing_to_the_path_never_replaces_it(
    demo_app: SafeplanApp,
) -> None:
    # Found under tmux: Tab, Tab, then 4 (meant for the formats) replaced the whole path with "4".
    async with demo_app.run_test(size=SIZE) as pilot:
        await open_export(demo_app, pilot)
        suggested = path_field(demo_app).value
        assert suggested
        while demo_app.focused is not path_field(demo_app):
            await pilot.press("tab")
        await pilot.press("4")
        await pilot.pause()
        assert path_field(demo_app).value != "4"
        assert path_field(demo_app).value.startswith(suggested)


async def test_saving_writes_exactly_the_export_0600_only_after_the_confirmation(
    demo_app: SafeplanApp, demo: VaultPayload, tmp_path: Path
) -> None:
    target = tmp_path / "plan.txt"
    async with demo_app.run_test(size=SIZE) as pilot:
        await open_export(demo_app, pilot)
        path_field(demo_app).focus()
        path_field(demo_app).value = ""
        await type_text(pilot, str(target))
        await pilot.press("enter")
        await pilot.pause()
        text = dialog_text(demo_app)
        assert "NOT be encrypted" in text
        assert "anyone who can open that folder can read it" in text
        assert "NOT be encrypted" in flat(demo_app), "and it is on screen"
        assert not target.exists(), "nothing is written before the answer"

        await pilot.press("right", "enter")  # "Save it"
        await settle(pilot, demo_app)
        assert isinstance(demo_app.screen, ExportScreen)
        assert target.read_text(encoding="utf-8") == exported(demo, "text")
        assert stat.S_IMODE(target.stat().st_mode) == 0o600
        assert "Saved to" in flat(demo_app)
        assert "It is not encrypted" in flat(demo_app)


async def test_a_very_long_export_shows_its_start_and_saves_whole(
    demo: VaultPayload, tmp_path: Path
) -> None:
    demo.checkins = demo.checkins * 20  # years of check-ins
    app = make_app(store=MemoryStore(demo), today=FIXED_DAY, country="GB", environ={})
    whole = exported(demo, "json")
    total = len(whole.splitlines())
    assert total > PREVIEW_LINES
    target = tmp_path / "everything.json"
    async with app.run_test(size=SIZE) as pilot:
        await open_export(app, pilot)
        await pilot.press("4")
        await pilot.pause()
        shown = preview(app).splitlines()
        assert shown[:PREVIEW_LINES] == whole.splitlines()[:PREVIEW_LINES]
        assert shown[-1] == f"(and {total - PREVIEW_LINES:,} more lines: the file holds them all)"
        assert "lines 1-" in flat(app) and f"of {total}" in flat(app)
        path_field(app).value = str(target)
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("right", "enter")
        await settle(pilot, app)
    assert target.read_text(encoding="utf-8") == whole


async def test_ctrl_s_saves_the_chosen_format(
    demo_app: SafeplanApp, demo: VaultPayload, tmp_path: Path
) -> None:
    target = tmp_path / "everything.json"
    async with demo_app.run_test(size=SIZE) as pilot:
        await open_export(demo_app, pilot)
        await pilot.press("4")
        path_field(demo_app).value = str(target)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "everything in your vault" in dialog_text(demo_app)
        await pilot.press("right", "enter")
        await settle(pilot, demo_app)
        assert target.read_text(encoding="utf-8") == exported(demo, "json")
        assert stat.S_IMODE(target.stat().st_mode) == 0o600


@pytest.mark.parametrize("keys", [("enter",), ("escape",)], ids=["dont-save", "escape"])
async def test_cancelling_the_confirmation_writes_nothing(
    demo_app: SafeplanApp, tmp_path: Path, keys: tuple[str, ...]
) -> None:
    target = tmp_path / "plan.txt"
    async with demo_app.run_test(size=SIZE) as pilot:
        await open_export(demo_app, pilot)
        path_field(demo_app).value = str(target)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(demo_app.screen, ConfirmDialog)
        await pilot.press(*keys)
        await settle(pilot, demo_app)
        assert isinstance(demo_app.screen, ExportScreen)
        assert "Nothing was saved." in flat(demo_app)
    assert list(tmp_path.iterdir()) == []


async def test_an_existing_file_is_replaced_only_after_a_second_answer(
    demo_app: SafeplanApp, demo: VaultPayload, tmp_path: Path
) -> None:
    target = tmp_path / "plan.txt"
    target.write_text("my shopping list\n")
    async with demo_app.run_test(size=SIZE) as pilot:
        await open_export(demo_app, pilot)
        path_field(demo_app).value = str(target)
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("right", "enter")  # not encrypted: "Save it"
        await pilot.pause()
        assert "There is already a file with that name" in dialog_text(demo_app)
        await pilot.press("enter")  # "Keep that file", the first answer
        await settle(pilot, demo_app)
        assert target.read_text() == "my shopping list\n"
        assert "that file is unchanged" in flat(demo_app)

        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("right", "enter")
        await pilot.pause()
        await pilot.press("right", "enter")  # "Replace it"
        await settle(pilot, demo_app)
        assert target.read_text(encoding="utf-8") == exported(demo, "text")
        assert stat.S_IMODE(target.stat().st_mode) == 0o600


async def test_a_missing_folder_or_an_empty_path_is_said_calmly(
    demo_app: SafeplanApp, tmp_path: Path
) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        await open_export(demo_app, pilot)
        path_field(demo_app).value = str(tmp_path / "no-such-folder" / "plan.txt")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(demo_app.screen, ExportScreen)
        assert "There is no folder" in flat(demo_app)

        path_field(demo_app).value = "   "
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Type where to save the file first" in flat(demo_app)
    assert list(tmp_path.iterdir()) == []


async def test_a_folder_gets_the_file_name_of_the_format(
    demo_app: SafeplanApp, demo: VaultPayload, tmp_path: Path
) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        await open_export(demo_app, pilot)
        await pilot.press("3")
        path_field(demo_app).value = str(tmp_path)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert str(tmp_path / "safety-plan.md") in dialog_text(demo_app)
        await pilot.press("right", "enter")
        await settle(pilot, demo_app)
    assert (tmp_path / "safety-plan.md").read_text(encoding="utf-8") == exported(demo, "markdown")


async def test_a_write_that_fails_says_what_to_do(demo_app: SafeplanApp, tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root can write into a read-only folder")
    folder = tmp_path / "read-only"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        async with demo_app.run_test(size=SIZE) as pilot:
            await open_export(demo_app, pilot)
            path_field(demo_app).value = str(folder / "plan.txt")
            await pilot.press("ctrl+s")
            await pilot.pause()
            await pilot.press("right", "enter")
            await settle(pilot, demo_app)
            text = flat(demo_app)
            assert "could not be saved" in text
            assert "Check that you can write to that folder" in text
            assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o700)


async def test_a_disk_that_fills_up_leaves_no_half_file(
    demo_app: SafeplanApp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import safeplan.core.private_files as private_files

    def full_disk(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    # The real writer runs; the disk fills up under it, after some bytes went out.
    monkeypatch.setattr(private_files.os, "fsync", full_disk)
    target = tmp_path / "plan.txt"
    async with demo_app.run_test(size=SIZE) as pilot:
        await open_export(demo_app, pilot)
        path_field(demo_app).value = str(target)
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("right", "enter")
        await settle(pilot, demo_app)
        text = flat(demo_app)
        assert "could not be saved (No space left on device)" in text
        assert "that there is space" in text
        assert isinstance(demo_app.screen, ExportScreen)
    assert not target.exists()


async def test_leaving_while_it_saves_still_saves_and_shows_no_path(
    demo_app: SafeplanApp, demo: VaultPayload, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import safeplan.core.private_files as private_files

    real_write = private_files.write_private_file
    go_on = threading.Event()

    def slow_write(path: Path, text: str, **kwargs: Any) -> None:
        assert threading.current_thread() is not threading.main_thread(), "never on the UI thread"
        go_on.wait(timeout=10)
        real_write(path, text, **kwargs)

    monkeypatch.setattr(private_files, "write_private_file", slow_write)
    target = tmp_path / "plan.txt"
    async with demo_app.run_test(size=SIZE) as pilot:
        await open_export(demo_app, pilot)
        path_field(demo_app).value = str(target)
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("right", "enter")
        await pilot.pause()
        assert "Saving…" in flat(demo_app)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(demo_app.screen, ExportScreen)
        go_on.set()
        await settle(pilot, demo_app)
        said = [note.message for note in demo_app._notifications]
        assert said == ["Done: your copy is ready."], "no path where someone else could read it"
    assert target.read_text(encoding="utf-8") == exported(demo, "text")


async def test_printing_sends_the_printable_text_to_lp(
    demo_app: SafeplanApp, demo: VaultPayload, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    printed = fake_printer(tmp_path, monkeypatch)
    async with demo_app.run_test(size=SIZE) as pilot:
        await open_export(demo_app, pilot)
        await pilot.press("p")
        await pilot.pause()
        assert "default printer" in dialog_text(demo_app)
        await pilot.press("right", "enter")  # "Print it"
        await settle(pilot, demo_app)
        assert "Your plan was sent to the printer." in flat(demo_app)
    assert printed.read_text(encoding="utf-8") == exported(demo, "text")


async def test_printing_the_wallet_card_and_changing_ones_mind(
    demo_app: SafeplanApp, demo: VaultPayload, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    printed = fake_printer(tmp_path, monkeypatch)
    async with demo_app.run_test(size=SIZE) as pilot:
        await open_export(demo_app, pilot)
        await pilot.press("2", "p")
        await pilot.pause()
        await pilot.press("enter")  # "Don't print"
        await settle(pilot, demo_app)
        assert "Nothing was printed." in flat(demo_app)
        assert not printed.exists()

        await pilot.press("p")
        await pilot.pause()
        await pilot.press("right", "enter")
        await settle(pilot, demo_app)
    assert printed.read_text(encoding="utf-8") == exported(demo, "card")


async def test_json_and_markdown_are_not_printed(
    demo_app: SafeplanApp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    printed = fake_printer(tmp_path, monkeypatch)
    async with demo_app.run_test(size=SIZE) as pilot:
        await open_export(demo_app, pilot)
        await pilot.press("4", "p")
        await settle(pilot, demo_app)
        assert isinstance(demo_app.screen, ExportScreen)
    assert not printed.exists()


async def test_printing_without_a_printing_system_says_so_calmly(
    demo_app: SafeplanApp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    empty = tmp_path / "empty-bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    async with demo_app.run_test(size=SIZE) as pilot:
        await open_export(demo_app, pilot)
        await pilot.press("p")
        await settle(pilot, demo_app)
        assert isinstance(demo_app.screen, ExportScreen), "no question when it cannot print"
        text = flat(demo_app)
        assert "There is no printing system on this computer" in text
        assert "Nothing was printed." in text
        assert "save a copy as a file instead" in text


async def test_ctrl_g_opens_help_and_escape_comes_back(demo_app: SafeplanApp) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        await open_export(demo_app, pilot)
        path_field(demo_app).focus()
        await pilot.press("ctrl+g")
        await pilot.pause()
        assert isinstance(demo_app.screen, HelpScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(demo_app.screen, ExportScreen)
        assert preview(demo_app).startswith("My safety plan")


async def test_the_sample_plan_says_it_is_the_sample(demo_app: SafeplanApp) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        await open_export(demo_app, pilot)
        assert "This is the sample plan (--demo), not yours." in flat(demo_app)


async def test_a_plan_in_memory_says_a_file_stays_on_this_computer() -> None:
    payload = VaultPayload()
    payload.plan.coping.append(TextItem(text="Walk to the river and back."))
    app = make_app(store=MemoryStore(payload), today=FIXED_DAY, country="GB", environ={})
    async with app.run_test(size=SIZE) as pilot:
        await open_export(app, pilot)
        text = flat(app)
        assert "sample plan" not in text
        assert "held in memory only" in text
        assert "Walk to the river and back." in preview(app)


async def test_the_suggested_file_is_never_in_the_vaults_folder(
    demo: VaultPayload, isolated_home: Path
) -> None:
    def app_with_vault_at_home() -> SafeplanApp:
        return make_app(
            vault_path=isolated_home / "vault.json",
            store=MemoryStore(demo),
            today=FIXED_DAY,
            country="GB",
            environ={},
        )

    app = app_with_vault_at_home()
    async with app.run_test(size=SIZE) as pilot:
        await open_export(app, pilot)
        assert path_field(app).value == ""
    (isolated_home / "Documents").mkdir()
    app = app_with_vault_at_home()
    async with app.run_test(size=SIZE) as pilot:
        await open_export(app, pilot)
        assert path_field(app).value == "~/Documents/safety-plan.txt"


async def test_snapshot(demo: VaultPayload, snapshot: SnapshotAssertion) -> None:
    """The screen at 80x24 with the sample plan, in the default theme. Update with
    `pytest tests/tui/test_export_screen.py --snapshot-update` after a deliberate change."""
    app = make_app(store=MemoryStore(demo), today=FIXED_DAY, country="GB", environ={})
    async with app.run_test(size=SIZE) as pilot:
        await open_export(app, pilot)
        await pilot.pause()
        assert app.theme == DARK
        assert app.export_screenshot() == snapshot.use_extension(SVGImageSnapshotExtension)
