"""Shared fixtures and helpers for the Pilot tests of the TUI."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from rich.console import Console
from textual.keys import _character_to_key
from textual.pilot import Pilot

from safeplan.core.demo import demo_payload
from safeplan.core.models import VaultPayload
from safeplan.core.store import MemoryStore
from safeplan.core.vault import Vault
from safeplan.tui.app import SafeplanApp, make_app

FIXED_DAY = date(2026, 11, 1)
PASSPHRASE = "correct horse battery"
SIZE = (80, 24)


def home_key(entry_id: str) -> str:
    """The number key that opens a home entry, wherever it stands in the menu."""
    from safeplan.tui import menu

    return str([entry.id for entry in menu.entries()].index(entry_id) + 1)


def screen_text(app: SafeplanApp) -> str:
    """What a person sees right now, as plain text (every screen in the stack that shows)."""
    width, height = app.size
    console = Console(
        width=width, height=height, file=io.StringIO(), record=True, color_system=None
    )
    console.print(
        app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    )
    return console.export_text()


def flat(app: SafeplanApp) -> str:
    """The screen's words with line breaks and runs of spaces folded, so wrapped sentences match.
    The line down the left of a focused page (tests/tui/test_focus_visible.py) is not a word."""
    lines = [line.removeprefix("│") for line in screen_text(app).splitlines()]
    return " ".join(" ".join(lines).split())


async def type_text(pilot: Pilot[object], text: str) -> None:
    """Type like a person: one key per character."""
    await pilot.press(*(_character_to_key(ch) for ch in text))


async def settle(pilot: Pilot[object], app: SafeplanApp) -> None:
    """Let workers (vault open, saves) finish and the screen catch up."""
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()
    await app.saver.flush()
    await pilot.pause()


@pytest.fixture
def demo() -> VaultPayload:
    return demo_payload(today=FIXED_DAY)


@pytest.fixture
def demo_app(demo: VaultPayload) -> SafeplanApp:
    """The app unlocked on the demo data, in memory, on a fixed day, in the United Kingdom."""
    return make_app(store=MemoryStore(demo), today=FIXED_DAY, country="GB", environ={})


@pytest.fixture
def made_vault(vault_path: Path) -> Path:
    """A real (cheap-KDF) vault with an empty payload, closed again."""
    vault, _code = Vault.create(vault_path, PASSPHRASE)
    vault.close()
    return vault_path


@pytest.fixture
def vault_with_code(vault_path: Path) -> tuple[Path, str]:
    vault, code = Vault.create(vault_path, PASSPHRASE)
    vault.close()
    return vault_path, code


def vault_app(path: Path) -> SafeplanApp:
    return make_app(vault_path=path, today=FIXED_DAY, country="GB", environ={})
