"""Running the real `safeplan` command in a subprocess, as a person or a script would."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from tests.conftest import subprocess_env

ROOT = Path(__file__).resolve().parents[1]


def run(
    home: Path,
    *args: str,
    stdin: str = "",
    env: dict[str, str] | None = None,
    timeout: float = 120,
    preexec_fn: Callable[[], object] | None = None,
) -> subprocess.CompletedProcess[str]:
    """``preexec_fn`` runs in the child first (a resource limit, say)."""
    result = subprocess.run(
        [sys.executable, "-m", "safeplan", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=subprocess_env(home, **(env or {})),
        cwd=ROOT,
        timeout=timeout,
        preexec_fn=preexec_fn,
    )
    assert "Traceback" not in result.stderr, result.stderr
    return result
