"""Run as a subprocess by test_kill.py: drive the app with Pilot, make one edit, wait until it is
saved, start a second one, then die by SIGKILL (no cleanup, no atexit, no flush)."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from pathlib import Path

from safeplan.tui.app import make_app
from safeplan.tui.screens.plan_editor import PlanEditorScreen


async def main(path: Path, passphrase: str, when: str) -> None:
    app = make_app(vault_path=path, country="GB", environ={})
    async with app.run_test(size=(80, 24)) as pilot:
        app.screen.query_one("#passphrase").value = passphrase  # type: ignore[attr-defined]
        await pilot.press("enter")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        app.push_screen(PlanEditorScreen("reasons"))
        await pilot.pause()
        await pilot.press("a", *"first", "enter")
        await pilot.pause()
        await app.saver.flush()
        print("first saved", flush=True)
        await pilot.press("a", *"second")
        if when == "after-commit":
            await pilot.press("enter")  # committed, its save now running in a thread
        os.kill(os.getpid(), signal.SIGKILL)


if __name__ == "__main__":
    asyncio.run(main(Path(sys.argv[1]), sys.argv[2], sys.argv[3]))
