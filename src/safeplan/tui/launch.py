"""Start the full-screen app from the command line (``safeplan`` with no command)."""

from __future__ import annotations

import argparse
import os

from safeplan.cli.common import vault_path


def run_tui(args: argparse.Namespace) -> int:
    from safeplan.tui.app import make_app

    environ = dict(os.environ)
    if getattr(args, "demo", False):
        from safeplan.core.demo import demo_store

        app = make_app(store=demo_store(), environ=environ)
    else:
        app = make_app(vault_path=vault_path(args), environ=environ)
    result = app.run()
    return int(result or 0)
