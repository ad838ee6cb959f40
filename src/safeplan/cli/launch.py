"""The one place where the command line hands over to the full-screen app.

Everything else in :mod:`safeplan.cli` stays free of Textual (an import-linter contract checks it),
so plain commands start at interpreter speed.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from safeplan.core.models import Voice


def run_app(args: argparse.Namespace) -> int:
    """``safeplan`` with no command: the full-screen app."""
    from safeplan.tui.launch import run_tui

    return int(run_tui(args))


def run_guide_app(args: argparse.Namespace, voice: Voice | None) -> int:
    """``safeplan guide`` in a full terminal."""
    from safeplan.tui.launch import run_guide_tui

    return int(run_guide_tui(args, voice))
