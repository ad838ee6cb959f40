"""Print or export also holds the overdose card and the hope box (the CLI's ``safeplan overdose
-o`` and ``safeplan hope show -o``): the same text, saved through the same guarded writer after
the same "not encrypted" question, and printable."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from textual.widgets import TextArea

from safeplan.core.hope import add_item, hope_lines
from safeplan.core.models import VaultPayload
from safeplan.core.overdose import card_text
from safeplan.core.store import MemoryStore
from safeplan.tui.app import SafeplanApp, make_app
from safeplan.tui.screens.confirm import ConfirmDialog
from safeplan.tui.screens.export import ExportScreen
from safeplan.tui.widgets.fields import TextField

from .conftest import FIXED_DAY, SIZE, flat, settle
from .test_export_screen import dialog_text, fake_printer

LONG = (
    "A message from me on a good day: you have got through every hard night so far, and the "
    "morning has always come."
)


def hope_app(demo: VaultPayload) -> SafeplanApp:
    add_item(demo, "message", LONG)
    add_item(demo, "said", "You matter to me.", who="Amy")
    return make_app(store=MemoryStore(demo), today=FIXED_DAY, country="GB", environ={})


async def save_as(app: SafeplanApp, pilot, key: str, target: Path) -> None:  # type: ignore[no-untyped-def]
    await app.push_screen(ExportScreen())
    await pilot.pause()
    await pilot.press(key)
    await pilot.pause()
    app.screen.query_one("#export-path", TextField).value = str(target)
    await pilot.press("ctrl+s")
    await pilot.pause()


async def test_the_overdose_card_is_saved_after_the_not_encrypted_question(
    demo_app: SafeplanApp, tmp_path: Path
) -> None:
    target = tmp_path / "overdose.txt"
    async with demo_app.run_test(size=SIZE) as pilot:
        await save_as(demo_app, pilot, "5", target)
        preview = demo_app.screen_stack[-2].query_one("#export-preview", TextArea).text
        text = dialog_text(demo_app)
        assert text.startswith("Save your overdose card as a file?")
        assert "NOT be encrypted" in text
        assert not target.exists(), "nothing before the answer"
        await pilot.press("right", "enter")
        await settle(pilot, demo_app)
        assert "Saved to" in flat(demo_app)
    written = target.read_text(encoding="utf-8")
    assert written == card_text("GB") == preview.rstrip("\n") + "\n"
    assert written.startswith("If someone may be overdosing: call 999 or 112.")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


async def test_the_hope_box_is_saved_in_the_persons_words_wrapped_for_paper(
    demo: VaultPayload, tmp_path: Path
) -> None:
    app = hope_app(demo)
    target = tmp_path / "hope.txt"
    async with app.run_test(size=SIZE) as pilot:
        await save_as(app, pilot, "6", target)
        assert dialog_text(app).startswith("Save your hope box as a file?")
        await pilot.press("enter")  # "Don't save"
        await settle(pilot, app)
        assert not target.exists()
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("right", "enter")
        await settle(pilot, app)
    written = target.read_text(encoding="utf-8")
    lines = written.splitlines()
    assert lines[0] == hope_lines(demo)[0] == "My hope box"
    assert all(len(line) <= 80 for line in lines)
    assert " ".join(written.split()).count(LONG) == 1, "every word kept, in order"
    bullet = next(n for n, line in enumerate(lines) if line.startswith("- A message"))
    assert lines[bullet + 1].startswith("  "), "a wrapped item continues under its words"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


@pytest.mark.parametrize(("key", "label"), [("5", "overdose card"), ("6", "hope box")])
async def test_both_can_be_printed(
    demo: VaultPayload,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    key: str,
    label: str,
) -> None:
    printed = fake_printer(tmp_path, monkeypatch)
    app = hope_app(demo)
    async with app.run_test(size=SIZE) as pilot:
        await app.push_screen(ExportScreen())
        await pilot.pause()
        await pilot.press(key, "p")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert dialog_text(app).startswith(f"Print your {label}?")
        await pilot.press("right", "enter")
        await settle(pilot, app)
        said = "The overdose card" if key == "5" else "Your hope box"
        assert f"{said} was sent to the printer" in flat(app)
    expected = card_text("GB") if key == "5" else None
    text = printed.read_text(encoding="utf-8")
    assert text == expected if expected else text.startswith("My hope box\n")


async def test_all_six_formats_are_in_view_at_80_columns(demo_app: SafeplanApp) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        await demo_app.push_screen(ExportScreen())
        await pilot.pause()
        shown = flat(demo_app)
        for label in (
            "Printable text",
            "Wallet card",
            "Markdown",
            "Everything (JSON)",
            "Overdose card",
            "Hope box",
        ):
            assert label in shown
        assert "1-6 Format" in shown
