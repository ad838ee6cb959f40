"""`safeplan crisis`: emergency numbers and crisis lines at once, with no vault, passphrase or network.

Nothing here imports Textual, cryptography or the vault unless --mine asks for the person's own
contacts (a subprocess test holds this). Also `safeplan crisis card` (a plain-text help card the
person chooses to write) and `safeplan crisis countries` (every country code safeplan knows).
"""

from __future__ import annotations

import argparse
import io
import json
import shutil
import sys
from typing import TYPE_CHECKING, Any

from safeplan.cli.common import add_command, err, out
from safeplan.cli.crisis_country import Choice, choice_lines, choose_country
from safeplan.cli.options import country_arg, country_or_unplaced
from safeplan.core import errors

if TYPE_CHECKING:
    from safeplan.core.crisis import CountryHelp

MAX_WIDTH = 100


def _audience(value: str) -> str:
    from safeplan.core.crisis import AUDIENCES

    key = value.strip().lower().replace("-", "_").replace("+", "")
    if key not in AUDIENCES:
        raise argparse.ArgumentTypeError(
            f"{value!r} is not a group safeplan knows. Choose one of: {', '.join(AUDIENCES)}"
        )
    return key


def _add_country(
    parser: argparse.ArgumentParser, *, default: Any, help_text: str, forgiving: bool = True
) -> None:
    """--country; ``forgiving``: a country safeplan cannot place still gets help (then exit 2)."""
    kind = country_or_unplaced if forgiving else country_arg
    parser.add_argument("--country", type=kind, default=default, metavar="COUNTRY", help=help_text)


def register(sub: argparse._SubParsersAction[Any], common: argparse.ArgumentParser) -> None:
    crisis = add_command(
        sub,
        common,
        "crisis",
        "show emergency numbers and crisis lines now (no vault or passphrase needed)",
        "safeplan.cli.commands.crisis:show",
        description="Show the emergency number and crisis lines for your country, then the "
        "international directories. Works without a vault, a passphrase or a network.",
    )
    _add_country(
        crisis,
        default=None,
        help_text="the country: a name or code such as GB, UK, England or Germany (default: your "
        "saved setting with --mine, else a guess from your language settings)",
    )
    crisis.add_argument(
        "--all",
        action="store_true",
        help="also show lines for particular groups (young people, veterans, LGBTQ+ people, ...)",
    )
    crisis.add_argument(
        "--audience",
        type=_audience,
        metavar="GROUP",
        help="put one group's lines first: young_people, veterans, lgbtq, trans, "
        "substance_use, domestic_violence, poisoning, indigenous",
    )
    crisis.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text (the default) or json (with every source and verified date)",
    )
    crisis.add_argument(
        "--mine",
        action="store_true",
        help="also unlock your vault and show your own people and services first",
    )
    inner = crisis.add_subparsers(
        dest="crisis_command", metavar="COMMAND", parser_class=type(crisis)
    )
    card = inner.add_parser(
        "card",
        help="write a plain-text help card to a file you choose (not encrypted)",
        description="Write the public crisis lines, and only what you add, to a plain-text file "
        "outside the vault: for a moment when you cannot remember your passphrase. You see the "
        "whole card before anything is written. The file is NOT encrypted.",
        parents=[common],
    )
    card.set_defaults(handler="safeplan.cli.crisis_card:card")
    _add_country(
        card,
        default=argparse.SUPPRESS,
        help_text="the country: a name or code such as GB, UK or Germany (default: a guess "
        "from your language settings)",
        forgiving=False,
    )
    card.add_argument("--output", "-o", required=True, metavar="FILE", help="where to write it")
    card.add_argument(
        "--add",
        action="append",
        default=[],
        metavar="TEXT",
        help="a line of your own to put on the card (repeat for more); nothing else of yours is",
    )
    card.add_argument(
        "--all",
        action="store_true",
        default=argparse.SUPPRESS,
        help="include lines for particular groups too",
    )
    card.add_argument(
        "--yes",
        "-y",
        action="store_true",
        help="do not ask before writing, and replace a file that is already there",
    )
    countries = inner.add_parser(
        "countries",
        help="list every country code safeplan knows",
        description="List every country code safeplan knows, and which have crisis lines.",
        parents=[common],
    )
    countries.set_defaults(handler="safeplan.cli.commands.crisis:countries")


# --- The person's own contacts (--mine) ----------------------------------------------------------


class Mine:
    """The person's own people and services from their plan, and their saved country."""

    def __init__(self, saved_country: str | None = None) -> None:
        self.groups: list[tuple[str, list[str]]] = []
        self.saved_country = saved_country


def read_mine(args: argparse.Namespace) -> Mine:
    """The person's own people and services (plan steps 4 and 5) and their saved country."""
    from safeplan.cli import common
    from safeplan.cli.formatting import sync_kept_country
    from safeplan.core.sections import SECTIONS, item_label

    with common.open_store(args) as store:
        sync_kept_country(store)  # the vault's country, kept for help before unlocking
        plan = store.payload.plan
        mine = Mine(saved_country=store.payload.settings.country)
        help_people = [item_label(i) for i in plan.help_contacts]
        professionals = [
            item_label(i) for i in (*plan.clinicians, *plan.urgent_care, *plan.crisis_lines)
        ]
    for title, labels in (
        (SECTIONS["help"].title, help_people),
        (SECTIONS["professionals"].title, professionals),
    ):
        if labels:
            mine.groups.append((title, labels))
    return mine


def _mine_lines(mine: Mine, width: int) -> list[str]:
    from safeplan.core.crisis.render import BULLET, INDENT, wrap

    if not mine.groups:
        return wrap(
            "Your plan has no people or services in it yet (steps 4 and 5). The public lines "
            "below are always here.",
            width,
        )
    lines: list[str] = []
    for title, labels in mine.groups:
        lines.extend(wrap(f"From your plan: {title}", width))
        for label in labels:
            lines.extend(wrap(label, width, BULLET, INDENT))
    return lines


# --- Output ----------------------------------------------------------------------------------------


def _terminal_width() -> int:
    return max(20, min(MAX_WIDTH, shutil.get_terminal_size((80, 24)).columns))


def _fit_screen(help_: CountryHelp, lines: list[str]) -> list[str]:
    """Help taller than the terminal ends by repeating what to call: the top has scrolled away."""
    from safeplan.core.crisis.reminder import closing_reminder
    from safeplan.core.crisis.render import wrap

    if len(lines) < shutil.get_terminal_size((80, 24)).lines:
        return lines
    return [*lines, "", *wrap(closing_reminder(help_), _terminal_width())]


def _never_fail_on_encoding() -> None:
    """A terminal that cannot show a character gets a replacement mark, never a crash."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="replace")


def _hidden_line(help_: CountryHelp) -> str | None:
    from safeplan.core.crisis import AUDIENCE_LABELS

    if not help_.hidden_audiences:
        return None
    groups = ", ".join(AUDIENCE_LABELS[a] for a in help_.hidden_audiences)
    return f"There are more lines for particular groups ({groups})."


def text_output(
    help_: CountryHelp, choice: Choice, width: int, mine: Mine | None = None
) -> list[str]:
    """Emergency number first, then (with --mine) the person's own, the crisis lines, the
    international directories, and how the country was chosen."""
    from safeplan.core.crisis.render import (
        directories_section,
        emergency_lines,
        fallback_lines,
        footer_lines,
        header_lines,
        join_blocks,
        lines_section,
        overdose_lines,
        wrap,
    )

    hidden = _hidden_line(help_)
    hidden_block = (
        wrap(hidden, width) + wrap("To see them: safeplan crisis --all", width) if hidden else []
    )
    from safeplan.core.crisis.gaps import audience_gap

    choice_block = [line for text in choice_lines(choice, help_) for line in wrap(text, width)]
    # What was typed wrong, that no country is known, or that the country is only a guess from
    # the language settings (en_US is common far from the US) is said early, under the emergency
    # number (care review 8.1); a country the person chose is named at the top and the lines on
    # how to change it come last, after the help (crisis-data review 3).
    early = (
        choice.typed is not None
        or help_.fallback_reason == "no_country"
        or choice.source == "locale"
    )
    gap = audience_gap(help_)
    return join_blocks(
        [
            header_lines(help_, width) + emergency_lines(help_, width),
            overdose_lines(width),
            _mine_lines(mine, width) if mine is not None else [],
            fallback_lines(help_, width) + (wrap(gap, width) if gap else []),
            choice_block if early else [],
            lines_section(help_, width),
            hidden_block,
            directories_section(help_, width),
            footer_lines(help_, width),
            [] if early else choice_block,
        ]
    )


def json_output(help_: CountryHelp, choice: Choice, mine: Mine | None, warnings: list[str]) -> str:
    data: dict[str, Any] = help_.as_dict()
    data["country_source"] = choice.source
    from safeplan.core.crisis.gaps import audience_gap

    data["audience_gap"] = audience_gap(help_)
    if choice.typed is not None:
        data["country_typed"] = choice.typed.text[:100]
        data["country_suggestions"] = list(choice.typed.suggestions)
    if mine is not None:
        data["mine"] = [{"title": t, "items": labels} for t, labels in mine.groups]
    data["warnings"] = warnings
    return json.dumps(data, ensure_ascii=False, indent=2)


def show(args: argparse.Namespace) -> int:
    _never_fail_on_encoding()
    from safeplan.core.crisis import help_for, load_directory

    directory = load_directory()
    warnings = list(directory.warnings)
    mine: Mine | None = None
    vault_problem: errors.SafeplanError | None = None
    if args.mine:
        try:
            mine = read_mine(args)
        except errors.SafeplanError as exc:
            vault_problem = exc
        except (KeyboardInterrupt, EOFError):
            # Stopping at the passphrase never hides help: the public lines are shown anyway.
            vault_problem = errors.StoppedAtPrompt()
    if isinstance(args.country, str) or args.country is None:
        choice = choose_country(args.country, mine.saved_country if mine else None)
    else:  # typed but not placed: general help, the closest matches, then exit 2
        choice = Choice(None, "unplaced", typed=args.country)
    help_ = help_for(choice.country, audience=args.audience, include_all_audiences=args.all)
    for warning in warnings:
        err(f"safeplan: {warning}")
    if vault_problem is not None:
        err(
            f"safeplan: {vault_problem.message} Your own contacts are not shown; the public lines are."
        )
        if vault_problem.hint:
            err(vault_problem.hint)
    if args.format == "json":
        out(json_output(help_, choice, mine, warnings))
    else:
        for line in _fit_screen(help_, text_output(help_, choice, _terminal_width(), mine)):
            out(line)
    if vault_problem is not None:
        return vault_problem.exit_code
    return errors.EXIT_USAGE if choice.typed is not None else errors.EXIT_OK


def countries(args: argparse.Namespace) -> int:
    _never_fail_on_encoding()
    from safeplan.core.crisis import load_directory

    d = load_directory()
    with_lines = d.countries_with_lines()
    out("* = crisis lines listed; the others show emergency numbers and directories.")
    out("Code  Country")
    for code, name in d.names.items():
        out(f"{code}  {'*' if code in with_lines else ' '} {name}")
    return errors.EXIT_OK
