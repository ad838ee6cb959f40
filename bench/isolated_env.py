"""The environment a benchmark runs safeplan in: a HOME of its own (every XDG folder inside it),
no locale, safeplan or tmux settings from outside, and bytecode cached as after installing (a
PYTHONDONTWRITEBYTECODE in this environment is removed)."""

from __future__ import annotations

import os
from pathlib import Path


def isolated_env(home: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "SAFEPLAN_", "TMUX"))}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.update(
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / ".config"),
        XDG_DATA_HOME=str(home / ".local/share"),
        XDG_STATE_HOME=str(home / ".local/state"),
        XDG_CACHE_HOME=str(home / ".cache"),
    )
    env.update(extra)
    return env
