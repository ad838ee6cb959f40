"""Option types and option groups that several CLI commands share (check-in, use entry, rendering)."""

from __future__ import annotations

import argparse
from datetime import datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from safeplan.core.crisis.countries import CountryMatch


# Words given as arguments stay in the shell's history and, while the command runs, are visible to
# other users in the process list: '-' reads them from standard input instead.
NOTE_HELP = (
    "a few words, if you like. Arguments stay in your shell history: give '-' to type or pipe "
    "them on standard input instead, or leave the options out to be asked"
)
FROM_STDIN = ("note", "substance", "with_whom")
MAX_STDIN_TEXT = 20_000


def read_dash_texts(args: argparse.Namespace) -> None:
    """Replace a '-' given for --note, --substance or --with by standard input's text."""
    import sys

    from safeplan.core import errors

    wanted = [name for name in FROM_STDIN if getattr(args, name, None) == "-"]
    if not wanted:
        return
    if len(wanted) > 1 or getattr(args, "passphrase_file", None) == "-":
        raise errors.UsageError(
            "Only one thing can be read from standard input at a time.",
            "Give the passphrase with --passphrase-file PATH, or the other words as options.",
        )
    text = sys.stdin.read(MAX_STDIN_TEXT + 1)
    if len(text) > MAX_STDIN_TEXT:
        raise errors.UsageError(
            f"That text is longer than safeplan keeps ({MAX_STDIN_TEXT:,} characters).",
            "Shorten it and try again.",
        )
    setattr(args, wanted[0], text.rstrip("\r\n"))


def __getattr__(name: str) -> tuple[str, ...]:
    """``CLASS_CHOICES`` (the substance classes) is read on first use: the quick commands import
    this module too, and need no substance list (see ``safeplan.cli.quick``)."""
    if name == "CLASS_CHOICES":
        from safeplan.core.substances import CLASS_KEYS

        return CLASS_KEYS
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def scale(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError("use a whole number from 0 to 10") from None
    if not 0 <= value <= 10:
        raise argparse.ArgumentTypeError("use a whole number from 0 to 10")
    return value


def hours(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError("use a number of hours from 0 to 24, like 6.5") from None
    if not 0 <= value <= 24:
        raise argparse.ArgumentTypeError("use a number of hours from 0 to 24, like 6.5")
    return value


def add_checkin_options(p: argparse.ArgumentParser, *, for_edit: bool = False) -> None:
    p.add_argument("--mood", type=scale, metavar="N", help="0 = very low, 10 = very good")
    p.add_argument("--anxiety", type=scale, metavar="N", help="0 = calm, 10 = very anxious")
    p.add_argument("--self-harm-urge", type=scale, metavar="N", help="0 = none, 10 = very strong")
    p.add_argument(
        "--suicidal-thoughts", type=scale, metavar="N", help="0 = none, 10 = very strong"
    )
    p.add_argument("--use-urge", type=scale, metavar="N", help="urge to use: 0 none, 10 strong")
    p.add_argument("--sleep", type=hours, metavar="H", help="hours slept, like 6.5")
    p.add_argument(
        "--tag",
        action="append",
        metavar="T",
        help="a word for the day (repeat, or separate with commas)"
        + ("; replaces the tags" if for_edit else ""),
    )
    p.add_argument("--note", metavar="TEXT", help=NOTE_HELP)
    p.add_argument(
        "--at",
        metavar="WHEN",
        help="when, if not now: '2h ago', 'yesterday 21:00', '21:00' or '2026-10-31 21:00'",
    )


def parse_at(text: str | None) -> datetime | None:
    from safeplan.core.checkins import parse_when

    return parse_when(text) if text else None


def yes_no(text: str) -> bool:
    word = text.strip().casefold()
    if word in ("yes", "y"):
        return True
    if word in ("no", "n"):
        return False
    raise argparse.ArgumentTypeError("answer yes or no")


def amount(text: str) -> float:
    try:
        value = float(text.replace(",", "."))
    except ValueError:
        raise argparse.ArgumentTypeError("use a number of 0 or more, like 2 or 0.5") from None
    if not 0 <= value < 1e9:  # also refuses inf and nan, which could not be kept
        raise argparse.ArgumentTypeError("use a number of 0 or more, like 2 or 0.5")
    return value


def add_use_options(
    p: argparse.ArgumentParser | argparse._ArgumentGroup, *, with_shared: bool = True
) -> None:
    """The use-entry options; ``with_shared=False`` leaves out --note and --at (for `log edit`,
    which has them from the check-in options already)."""
    from safeplan.core.substances import CLASS_KEYS

    p.add_argument(
        "--substance", metavar="S", help="what you used, in your words ('-': from standard input)"
    )
    p.add_argument(
        "--class",
        dest="substance_class",
        choices=CLASS_KEYS,
        metavar="C",
        help="its class, if safeplan does not know the name: " + ", ".join(CLASS_KEYS),
    )
    p.add_argument("--amount", type=amount, metavar="X", help="how much, as a number")
    p.add_argument("--unit", metavar="U", help="the unit for the amount (drinks, mg, pills...)")
    p.add_argument("--route", metavar="R", help="how (drank, smoked, swallowed...)")
    p.add_argument("--setting", metavar="S", help="where, or what kind of place")
    p.add_argument("--alone", type=yes_no, metavar="yes|no", help="whether you were alone")
    p.add_argument("--naloxone", type=yes_no, metavar="yes|no", help="whether naloxone was at hand")
    p.add_argument("--tested", type=yes_no, metavar="yes|no", help="whether it was tested first")
    p.add_argument(
        "--with", dest="with_whom", metavar="WHO", help="who you were with ('-': standard input)"
    )
    if not with_shared:
        return
    p.add_argument("--note", metavar="TEXT", help=NOTE_HELP)
    p.add_argument(
        "--at",
        metavar="WHEN",
        help="when, if not now: '2h ago', 'yesterday 21:00', '21:00' or '2026-10-31 21:00'",
    )


def _width(value: str) -> int:
    try:
        width = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError("the width must be a whole number, such as 80") from None
    if not 30 <= width <= 240:
        raise argparse.ArgumentTypeError("the width must be between 30 and 240 columns")
    return width


def country_arg(value: str) -> str:
    """A country as people type it ("GB", "uk", "England", "U.S.A.", "deu") -> its ISO code.

    What cannot be placed is refused with the closest matches, never passed on as if it were a
    country (an export would otherwise print no crisis lines for it)."""
    from safeplan.core.crisis.countries import did_you_mean, match_country

    match = match_country(value)
    if match.code is not None:
        return match.code
    offer = did_you_mean(match)
    shown = value.strip()[:40] or "an empty name"
    raise argparse.ArgumentTypeError(
        f"{shown!r} is not a country safeplan can place. "
        + (f"{offer} " if offer else "")
        + "Give a name or code such as GB, United Kingdom or US; "
        "`safeplan crisis countries` lists them all"
    )


def country_or_unplaced(value: str) -> str | CountryMatch:
    """For `safeplan crisis`, where a country typed wrong must never mean no help: the ISO code,
    or the match (with the closest countries) for the command to show general help with."""
    from safeplan.core.crisis.countries import match_country

    match = match_country(value)
    return match.code if match.code is not None else match


def typed_country(value: object) -> CountryMatch | None:
    """The match when --country (read by `country_or_unplaced`) held a country safeplan could not
    place, else None."""
    from safeplan.core.crisis.countries import CountryMatch

    return value if isinstance(value, CountryMatch) else None


def unplaced_note(match: CountryMatch, width: int) -> list[str]:
    """Said after the help, never instead of it: what was typed, and the closest countries."""
    from safeplan.core.crisis.countries import did_you_mean
    from safeplan.core.crisis.render import wrap

    offer = did_you_mean(match) or ""
    return ["", *wrap(f"{match.text[:40]!r} is not a country safeplan can place. {offer}", width)]


def add_render_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--width",
        type=_width,
        default=80,
        metavar="N",
        help="the widest line of the text export, in columns: 30 to 240 (default 80)",
    )
    parser.add_argument(
        "--country",
        type=country_arg,
        metavar="COUNTRY",
        help="whose crisis lines to print: a name or code such as GB, UK or Germany "
        "(default: your settings)",
    )
