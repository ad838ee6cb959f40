"""An unexpected error inside the app: a calm message, no traceback, no personal words, and one
last save so nothing committed is lost."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.console import Console

from safeplan.core.models import TextItem
from safeplan.core.vault import Vault
from safeplan.tui.app import make_app
from tests.vault_helpers import CANARY, PASSPHRASE, make_vault


def _render(renderables: list[object]) -> str:
    console = Console(width=100, record=True, file=open("/dev/null", "w"))  # noqa: SIM115
    for renderable in renderables:
        console.print(renderable)
    return console.export_text()


async def test_crash_is_calm_and_saves_first(tmp_path: Path) -> None:
    path = tmp_path / "v.json"
    make_vault(path)
    store = Vault.open(path, PASSPHRASE)
    app = make_app(store=store, vault_path=path)
    seen: list[object] = []

    def boom() -> None:
        store.payload.plan.reasons.append(TextItem(text="kept after a crash"))
        raise RuntimeError(f"internal detail {CANARY}")

    with pytest.raises(RuntimeError):
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            original = app._print_error_renderables

            def capture() -> None:
                seen.extend(app._exit_renderables)
                original()

            app._print_error_renderables = capture  # type: ignore[method-assign]
            app.call_later(boom)
            await pilot.pause()
    text = _render(seen or app._exit_renderables)
    assert "did not expect" in text
    assert "saved in your vault" in text
    assert CANARY not in text
    assert "Traceback" not in text
    with Vault.open(path, PASSPHRASE) as vault:
        assert vault.payload.plan.reasons[-1].text == "kept after a crash"
    reports = list((Path.home() / ".local/state/safeplan").glob("crash-*.txt"))
    assert reports and CANARY not in reports[0].read_text()
