"""The core never imports the UI: importing every core module leaves Textual unloaded."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import safeplan.core


def test_core_imports_without_textual() -> None:
    modules = [m.name for m in pkgutil.walk_packages(safeplan.core.__path__, "safeplan.core.")]
    assert "safeplan.core.vault" in modules
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich') "
        "or m.startswith(('safeplan.tui', 'safeplan.cli')))\n"
        "print(bad)\n"
        "raise SystemExit(1 if bad else 0)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
