"""`safeplan export` and `safeplan print`: the plan as text, a wallet card, Markdown or JSON.

Standard output needs no confirmation. A file is plain text, not encrypted: writing one asks first
(or takes --yes), says so once, never replaces an existing file without --yes, and is created
readable by its owner only (0600).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from safeplan.cli.common import add_command, err, open_store, write, write_json
from safeplan.cli.files import check_output, write_output
from safeplan.cli.options import add_render_options
from safeplan.cli.prompts import confirm
from safeplan.core import errors

FORMAT_CHOICES = ("text", "card", "markdown", "json")


def register(sub: argparse._SubParsersAction[Any], common: argparse.ArgumentParser) -> None:
    export = add_command(
        sub,
        common,
        "export",
        "write your plan as plain text, a wallet card, Markdown, or the whole vault as JSON",
        "safeplan.cli.commands.export:export",
        description="Write your plan as plain text, a wallet card, Markdown, or the whole vault "
        "as JSON (which `safeplan import` can read back). Without --output it goes to the "
        "screen. A file is NOT encrypted.",
    )
    export.add_argument(
        "--format",
        "-f",
        choices=FORMAT_CHOICES,
        default="text",
        help="text (printable, the default), card (wallet size), markdown, or json",
    )
    add_render_options(export)
    export.add_argument(
        "--output",
        "-o",
        metavar="FILE",
        help="write to this file instead of the screen ('-' is the screen)",
    )
    export.add_argument(
        "--yes",
        "-y",
        action="store_true",
        help="do not ask before writing a file, and replace one that is already there",
    )

    printing = add_command(
        sub,
        common,
        "print",
        "print your plan on paper (through lp or lpr)",
        "safeplan.cli.commands.export:print_plan",
    )
    add_render_options(printing)
    printing.add_argument("--printer", metavar="NAME", help="the printer to use (default: yours)")


def export(args: argparse.Namespace) -> int:
    from safeplan.core.export import render

    target = args.output if args.output not in (None, "-") else None
    path = Path(target).expanduser() if target else None
    if path is not None:
        check_output(args, path)

    with open_store(args) as store:
        text = render(args.format, store.payload, width=args.width, country=args.country)
        warning = _numbers_warning(args, store.payload.settings.country)

    # Asked after the passphrase, never before it: a passphrase typed ahead must not land, echoed,
    # in a yes/no answer (command-line review C16).
    if path is not None and not confirm(
        args,
        f"{path} will NOT be encrypted: anyone who can open it can read it. Write it?",
    ):
        err("Nothing was written.")
        return errors.EXIT_OK

    if path is None:
        (write_json if args.format == "json" else write)(text)
        sys.stdout.flush()
        return errors.EXIT_OK
    write_output(args, path, text)
    if args.yes:
        err(f"Wrote {path}. It is not encrypted: anyone who can open it can read it.")
    else:
        err(f"Wrote {path}.")
    if warning:
        err(warning)
    return errors.EXIT_OK


def _numbers_warning(args: argparse.Namespace, vault_country: str | None) -> str | None:
    """Paper with another country's numbers than the one chosen (or only a guess) says so."""
    if getattr(args, "format", "text") not in ("text", "card", "markdown"):
        return None
    from safeplan.core import kept_country
    from safeplan.core.export.crisis_help import numbers_warning

    used = kept_country.country(given=args.country, vault=vault_country)
    return numbers_warning(used, given=args.country, vault=vault_country)


def print_plan(args: argparse.Namespace) -> int:
    from safeplan.core.export import render
    from safeplan.core.export.printing import print_command, send_to_printer

    if print_command(args.printer) is None:
        # Say so before asking for a passphrase.
        from safeplan.cli.formatting import wrapped
        from safeplan.core.export.printing import NO_PRINTER

        for line in wrapped([NO_PRINTER]):
            err(line)
        return errors.EXIT_ERROR
    with open_store(args) as store:
        text = render("text", store.payload, width=args.width, country=args.country)
        warning = _numbers_warning(args, store.payload.settings.country)
    ok, message = send_to_printer(text, args.printer)
    err(message)
    if ok and warning:
        err(warning)
    return errors.EXIT_OK if ok else errors.EXIT_ERROR
