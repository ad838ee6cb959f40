"""The quick paths beside the interpreter itself: `safeplan crisis`, `safeplan combo` and
`safeplan overdose` run as a person runs them (the installed `safeplan` command, a fresh process,
an empty HOME), taking turns with a bare `python -c pass` of the same virtual environment, so both
meet the same load. The ratio of the medians is the figure; the target is 8x.

Bytecode is cached, as after installing (a PYTHONDONTWRITEBYTECODE in this environment is removed
for the runs, and one run of each comes first, uncounted). Aggregated by bench/run.py
(``ratios``).
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from isolated_env import isolated_env  # bench/ is on the path: run.py and these scripts live there

BIN = Path(sys.executable).parent
TARGET = 8.0

COMMANDS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("crisis", "`safeplan crisis --country GB`", ("crisis", "--country", "GB")),
    ("crisis", "`safeplan crisis` (country from the locale, en_GB)", ("crisis",)),
    ("combo", "`safeplan combo alcohol heroin`", ("combo", "alcohol", "heroin")),
    ("overdose", "`safeplan overdose`", ("overdose",)),
)


def _env(home: Path) -> dict[str, str]:
    return isolated_env(home, LANG="en_GB.UTF-8")


def _once(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def available() -> set[str]:
    from safeplan.cli.main import COMMAND_MODULES

    return {m.rsplit(".", 1)[-1] for m in COMMAND_MODULES}


def ratios(repeats: int) -> list[tuple[str, list[float], str, list[float], float]]:
    rows = []
    have = available()
    bare = [sys.executable, "-c", "pass"]
    with tempfile.TemporaryDirectory(prefix="safeplan-quick-") as tmp:
        env = _env(Path(tmp))
        for name, label, args in COMMANDS:
            if name not in have:
                print(
                    f"`safeplan {name}` is not part of this safeplan: not measured", file=sys.stderr
                )
                continue
            command = [str(BIN / "safeplan"), *args]
            _once(command, env)
            _once(bare, env)
            runs = max(repeats, 9)  # short runs: more of them for a steady median
            mine: list[float] = []
            python: list[float] = []
            for _ in range(runs):
                mine.append(_once(command, env))
                python.append(_once(bare, env))
            rows.append((f"{label} (subprocess)", mine, "`python -c pass`", python, TARGET))
    return rows


if __name__ == "__main__":
    for label, mine, _, python, target in ratios(int(sys.argv[1]) if len(sys.argv) > 1 else 9):
        a, b = statistics.median(mine) * 1000, statistics.median(python) * 1000
        print(f"{label}: {a:.0f} ms, python {b:.0f} ms, {a / b:.1f}x (target {target:g}x)")
