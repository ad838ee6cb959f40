"""How fast crisis help appears in process: the path the "get help now" screen takes. (`safeplan
crisis` as a person runs it is measured beside `python -c pass` in bench_quick.py.) Aggregated by
bench/run.py; this module prints nothing."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path


def _in_process_samples(repeats: int) -> tuple[list[float], list[float]]:
    """First load (parse and validate the data) in a fresh interpreter each time, and then the
    cached ``help_for`` + ``render_help_text`` that every later key press costs."""
    code = (
        "import time\n"
        "t0 = time.perf_counter()\n"
        "from safeplan.core.crisis import help_for, render_help_text\n"
        "render_help_text(help_for('GB'), 80)\n"
        "t1 = time.perf_counter()\n"
        "n = 200\n"
        "for _ in range(n):\n"
        "    render_help_text(help_for('US', include_all_audiences=True), 80)\n"
        "print(t1 - t0, (time.perf_counter() - t1) / n)\n"
    )
    first: list[float] = []
    warm: list[float] = []
    with tempfile.TemporaryDirectory() as tmp:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "SAFEPLAN_"))}
        env.update(HOME=tmp, XDG_CONFIG_HOME=str(Path(tmp) / ".config"))
        for _ in range(repeats):
            out = subprocess.run(
                [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
            ).stdout.split()
            first.append(float(out[0]))
            warm.append(float(out[1]))
    return first, warm


def measure(repeats: int) -> list[tuple[str, list[float]]]:
    first, warm = _in_process_samples(repeats)
    return [
        ("crisis directory: import, load and render GB (first time)", first),
        ("crisis directory: help_for + render, cached (US, all lines)", warm),
    ]
