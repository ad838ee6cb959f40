"""How long the full-screen app takes to show its unlock screen, beside the time the smallest
Textual app takes to draw its first screen, both measured the same way in the same run.

Each start runs in its own tmux session at 80x24, as a person's terminal would; the clock runs
from just before tmux starts the command until the screen holds the first screen's words
(polled every 20 ms with ``tmux capture-pane``: often enough to see, rarely enough not to compete with the app for the CPU). The two apps take turns, so load on the machine
falls on both alike. A vault is created first (with the quick test KDF: the KDF runs only after
the passphrase is typed, so it is no part of this).

Aggregated by bench/run.py (``ratios``); without tmux the rows are left out with a note.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from isolated_env import isolated_env  # bench/ is on the path: run.py and these scripts live there

HERE = Path(__file__).resolve().parent
BIN = Path(sys.executable).parent
TARGET = 1.5
POLL = 0.02
TIMEOUT = 30.0


def _env(home: Path) -> dict[str, str]:
    return isolated_env(
        home,
        LANG="C.UTF-8",
        TERM="xterm-256color",
        SAFEPLAN_KDF_PROFILE="test",
        PYTEST_CURRENT_TEST="bench",  # the cheap profile is honoured only in tests and benchmarks
    )


_runs = iter(range(1_000_000))


def time_to_screen(command: list[str], marker: str, env: dict[str, str], name: str) -> float:
    """Seconds from starting ``command`` in a fresh 80x24 tmux session until ``marker`` shows."""
    name = f"{name}-{next(_runs)}"
    tmux = ["tmux", "-L", name]  # a server of its own: nobody else's sessions are touched
    shell_command = " ".join(_quote(part) for part in command)
    start = time.perf_counter()
    subprocess.run(
        [*tmux, "new-session", "-d", "-s", name, "-x", "80", "-y", "24", shell_command],
        env=env,
        check=True,
    )
    try:
        while time.perf_counter() - start < TIMEOUT:
            screen = subprocess.run(
                [*tmux, "capture-pane", "-p", "-t", name], capture_output=True, text=True
            ).stdout
            if marker in screen:
                return time.perf_counter() - start
            time.sleep(POLL)
        raise RuntimeError(f"{marker!r} did not appear within {TIMEOUT:.0f} s")
    finally:
        subprocess.run([*tmux, "kill-server"], capture_output=True)


def _quote(part: str) -> str:
    return "'" + part.replace("'", "'\\''") + "'"


def samples(repeats: int) -> tuple[list[float], list[float]]:
    """(safeplan to its unlock screen, minimal Textual app to its first screen), taking turns."""
    app: list[float] = []
    minimal: list[float] = []
    with tempfile.TemporaryDirectory(prefix="safeplan-start-") as tmp:
        home = Path(tmp)
        env = _env(home)
        vault = home / "vault.json"
        secret = home / "secret"
        secret.write_text("benchmark passphrase\n")
        subprocess.run(
            [
                str(BIN / "safeplan"),
                "init",
                "--vault",
                str(vault),
                "--passphrase-file",
                str(secret),
            ],
            env=env,
            check=True,
            capture_output=True,
        )
        safeplan = [str(BIN / "safeplan"), "--vault", str(vault)]
        yardstick = [sys.executable, str(HERE / "minimal_textual_app.py")]
        name = f"safeplan-bench-{os.getpid()}"
        # One start of each first, not counted: bytecode written, files in the page cache.
        time_to_screen(safeplan, "Welcome back", env, name)
        time_to_screen(yardstick, "Minimal app ready", env, name)
        for _ in range(repeats):
            app.append(time_to_screen(safeplan, "Welcome back", env, name))
            minimal.append(time_to_screen(yardstick, "Minimal app ready", env, name))
    return app, minimal


def ratios(repeats: int) -> list[tuple[str, list[float], str, list[float], float]]:
    if shutil.which("tmux") is None:
        print("tmux is not installed: app start is not measured", file=sys.stderr)
        return []
    app, minimal = samples(max(repeats, 9))  # noisy: more runs for a steady median
    return [
        (
            "`safeplan`: launch to the unlock screen (tmux, 80x24)",
            app,
            "a minimal Textual app: launch to its first screen",
            minimal,
            TARGET,
        )
    ]


if __name__ == "__main__":
    app, minimal = samples(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
    a, m = statistics.median(app) * 1000, statistics.median(minimal) * 1000
    print(f"safeplan {a:.0f} ms, minimal {m:.0f} ms, ratio {a / m:.2f} (target {TARGET})")
