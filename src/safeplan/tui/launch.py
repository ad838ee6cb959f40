"""Start the full-screen app from the command line: ``safeplan`` with no command, and ``safeplan guide``.

The CLI reaches the TUI only through this module (an import-linter contract says so)."""

from __future__ import annotations

import argparse
import os
from typing import TYPE_CHECKING

from safeplan.core.paths import resolve_vault_path
from safeplan.tui.privacy import scrub_environment

scrub_environment()  # Textual's log, devtools and screenshot settings, before Textual starts

if TYPE_CHECKING:
    from safeplan.core.models import Voice


def run_tui(args: argparse.Namespace) -> int:
    from safeplan.tui.app import make_app

    environ = dict(os.environ)
    if getattr(args, "demo", False):
        from safeplan.core.demo import demo_store

        app = make_app(store=demo_store(), environ=environ)
    else:
        app = make_app(vault_path=resolve_vault_path(getattr(args, "vault", None)), environ=environ)
    result = app.run()
    return int(result or 0)


def run_guide_tui(args: argparse.Namespace, voice: Voice | None) -> int:
    """``safeplan guide`` in a full terminal."""
    from safeplan.tui.screens.guide_app import make_guide_app

    environ = dict(os.environ)
    country = getattr(args, "country", None)
    if args.ephemeral:
        from safeplan.core.store import MemoryStore

        # Sessions in memory are usually run with a peer worker beside the person.
        voice = voice or "with_someone"

        app = make_guide_app(
            store=MemoryStore(), voice=voice, ephemeral=True, environ=environ, country=country
        )
    elif args.demo:
        from safeplan.core.demo import demo_store

        app = make_guide_app(store=demo_store(), voice=voice, environ=environ, country=country)
    else:
        app = make_guide_app(
            vault_path=resolve_vault_path(args.vault),
            voice=voice,
            environ=environ,
            country=country,
        )
    code = int(app.run() or 0)
    if app.farewell:
        print(app.farewell)  # a goodbye line in the terminal: what was kept, if anything
    return code
