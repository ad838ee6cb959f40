"""`safeplan crisis card`: a plain-text help card the person chooses to write, outside the vault,
for a moment when they cannot remember their passphrase. The whole card is shown before anything
is written, and only what the person adds (no plan contents) goes on it besides the public lines."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from safeplan.cli.common import err, out, write
from safeplan.cli.crisis_country import choose_country
from safeplan.core import errors

if TYPE_CHECKING:
    from safeplan.core.crisis import CountryHelp

CARD_WIDTH = 72
MAX_ADDED = 20
MAX_ADDED_CHARS = 300


def _clean_added(lines: list[str]) -> list[str]:
    added = [" ".join(line.split()) for line in lines]
    added = [line for line in added if line]
    if len(added) > MAX_ADDED:
        raise errors.UsageError(
            f"A card holds at most {MAX_ADDED} lines of your own. Nothing was written.",
            "Keep the ones that matter most.",
        )
    if any(len(line) > MAX_ADDED_CHARS for line in added):
        raise errors.UsageError(
            f"Each line you add can be at most {MAX_ADDED_CHARS} characters. Nothing was written.",
            "Split a long line into two --add lines.",
        )
    if any(not line.isprintable() for line in added):
        raise errors.UsageError(
            "A line you added holds a control character. Nothing was written.",
            "Use plain text only.",
        )
    return added


def card_text(help_: CountryHelp, added: list[str], today: date, width: int = CARD_WIDTH) -> str:
    """The card: a title, what the person added (only that), then the public crisis help."""
    from safeplan.core.crisis import render_help_text
    from safeplan.core.crisis.render import BULLET, INDENT, wrap

    lines = wrap(f"Help card, made with safeplan on {today.isoformat()}", width)
    if added:
        lines.append("")
        lines.extend(wrap("My own notes", width))
        for line in added:
            lines.extend(wrap(line, width, BULLET, INDENT))
    lines.append("")
    lines.extend(render_help_text(help_, width))
    return "\n".join(lines) + "\n"


def card(args: argparse.Namespace) -> int:
    # safeplan.cli.main has already made standard output forgiving of characters it cannot show.
    from safeplan.cli.files import check_output, write_output
    from safeplan.cli.prompts import confirm
    from safeplan.core.crisis import help_for

    path = Path(args.output).expanduser()
    check_output(args, path)
    added = _clean_added(args.add)
    choice = choose_country(getattr(args, "country", None))
    help_ = help_for(choice.country, include_all_audiences=getattr(args, "all", False))
    text = card_text(help_, added, date.today())

    out("This is the whole card:")
    out("----- start of card -----")
    write(text)
    out("----- end of card -----")
    sys.stdout.flush()
    if not confirm(
        args,
        f"{path} will be plain text, NOT encrypted: anyone who can open it can read it. Write it?",
    ):
        err("Nothing was written.")
        return errors.EXIT_OK
    write_output(args, path, text)
    err(f"Wrote {path} (readable by you only). It is not encrypted.")
    if help_.country is None:
        err(
            "This card has no national crisis line or emergency number, because safeplan does not\n"
            "know your country. To make one that has them: safeplan crisis card --country NAME"
        )
    return errors.EXIT_OK
