"""`safeplan export` and `safeplan print`: the plan as text, a wallet card, Markdown or JSON.

Standard output needs no confirmation. A file is plain text, not encrypted: writing one asks first
(or takes --yes), says so once, never replaces an existing file without --yes, and is created
readable by its owner only (0600).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from safeplan.cli.common import add_command, err, open_store
from safeplan.core import errors

FORMAT_CHOICES = ("text", "card", "markdown", "json")


def _width(value: str) -> int:
    try:
        width = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError("the width must be a whole number, such as 80") from None
    if not 30 <= width <= 240:
        raise argparse.ArgumentTypeError("the width must be between 30 and 240 columns")
    return width


def _country(value: str) -> str:
    code = value.strip().upper()
    if len(code) != 2 or not code.isalpha():
        raise argparse.ArgumentTypeError("give the country as a two-letter code, such as GB or US")
    return code


def add_render_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--width",
        type=_width,
        default=80,
        metavar="N",
        help="the widest line of the text export, in columns (default 80)",
    )
    parser.add_argument(
        "--country",
        type=_country,
        metavar="CC",
        help="whose crisis lines to print, as a two-letter code (default: your settings)",
    )


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


def confirm(args: argparse.Namespace, question: str) -> bool:
    """Ask a yes/no question on the terminal. With --yes, yes. Without a terminal, refuse (exit 2)."""
    if getattr(args, "yes", False):
        return True
    if not sys.stdin.isatty():
        raise errors.UsageError(
            "safeplan needs your confirmation, but is not running in a terminal. Nothing was "
            "changed.",
            "Add --yes to go ahead without being asked.",
        )
    sys.stderr.write(f"{question} [y/N] ")
    sys.stderr.flush()
    answer = sys.stdin.readline().strip().lower()
    return answer in ("y", "yes")


def write_private_file(path: Path, text: str, *, replace: bool) -> None:
    """Create ``path`` readable by its owner only. An existing file is replaced only when asked."""
    if replace and (path.is_file() or path.is_symlink()):
        path.unlink()
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(path, flags, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
        fh.write(text)


def _file_error(path: Path, exc: OSError) -> errors.SafeplanError:
    reason = exc.strerror or "it could not be written"
    return errors.SafeplanError(
        f"The file {path} could not be written ({reason}). Nothing was written.",
        "Check that the folder exists and that you can write there.",
    )


def export(args: argparse.Namespace) -> int:
    from safeplan.core.export import render

    target = args.output if args.output not in (None, "-") else None
    path = Path(target).expanduser() if target else None
    if path is not None:
        if path.is_dir():
            raise errors.UsageError(
                f"{path} is a folder. Nothing was written.",
                "Give a file name, such as safety-plan.txt.",
            )
        if path.exists() and not args.yes:
            raise errors.UsageError(
                f"There is already a file at {path}. Nothing was written.",
                "Choose another name, or add --yes to replace it.",
            )
        if not confirm(
            args,
            f"{path} will NOT be encrypted: anyone who can open it can read it. Write it?",
        ):
            err("Nothing was written.")
            return errors.EXIT_OK

    with open_store(args) as store:
        text = render(args.format, store.payload, width=args.width, country=args.country)

    if path is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return errors.EXIT_OK
    try:
        write_private_file(path, text, replace=args.yes)
    except FileExistsError:
        raise errors.UsageError(
            f"There is already a file at {path}. Nothing was written.",
            "Choose another name, or add --yes to replace it.",
        ) from None
    except OSError as exc:
        raise _file_error(path, exc) from None
    if args.yes:
        err(f"Wrote {path}. It is not encrypted: anyone who can open it can read it.")
    else:
        err(f"Wrote {path}.")
    return errors.EXIT_OK


def print_plan(args: argparse.Namespace) -> int:
    from safeplan.core.export import render
    from safeplan.core.export.printing import print_command, send_to_printer

    if print_command(args.printer) is None:
        # Say so before asking for a passphrase.
        from safeplan.core.export.printing import NO_PRINTER

        err(NO_PRINTER)
        return errors.EXIT_ERROR
    with open_store(args) as store:
        text = render("text", store.payload, width=args.width, country=args.country)
    ok, message = send_to_printer(text, args.printer)
    err(message)
    return errors.EXIT_OK if ok else errors.EXIT_ERROR
