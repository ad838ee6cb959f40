"""`safeplan overdose`: what to do if someone may be overdosing, at once, with no vault,
passphrase or network; `--output FILE` writes the same steps as a printable card.

Like `safeplan crisis`, nothing here imports Textual or the vault code (a subprocess test holds
this). The emergency number comes from the crisis directory for the country.
"""

from __future__ import annotations

import argparse
import json
import shutil
from pathlib import Path
from typing import Any

from safeplan.cli.common import add_command, err, out, write_json
from safeplan.cli.options import country_or_unplaced, typed_country, unplaced_note
from safeplan.core import errors


def register(sub: argparse._SubParsersAction[Any], common: argparse.ArgumentParser) -> None:
    p = add_command(
        sub,
        common,
        "overdose",
        "what to do if someone may be overdosing (no vault or passphrase needed)",
        "safeplan.cli.commands.overdose:overdose",
        description="What to do if someone may be overdosing: the signs, the emergency number for "
        "your country, naloxone, rescue breaths, the recovery position, what to tell the "
        "call-taker, and laws that protect people who call, where safeplan knows them. Works "
        "without a vault.",
    )
    p.add_argument(
        "--country",
        type=country_or_unplaced,
        default=None,
        metavar="COUNTRY",
        help="the country: a name or code such as GB, UK or Germany (default: your kept "
        "country, else your language settings)",
    )
    p.add_argument(
        "--format", choices=("text", "json"), default="text", help="text (default) or json"
    )
    p.add_argument(
        "--output",
        "-o",
        metavar="FILE",
        help="also write the steps as a plain-text card to FILE (nothing personal is on it)",
    )
    p.add_argument("--yes", "-y", action="store_true", help="replace FILE if it is already there")


def overdose(args: argparse.Namespace) -> int:
    from safeplan.cli.formatting import crisis_country
    from safeplan.core.overdose import card_text, guide

    # A country typed wrong never hides the steps: they are shown with the general advice, and
    # the closest matches after them (then exit 2).
    typed = typed_country(args.country)
    country = None if typed is not None else crisis_country(given=args.country)
    steps = guide(country)
    if args.output:
        from safeplan.cli.files import check_output, write_output

        path = Path(args.output).expanduser()
        check_output(args, path)
        write_output(args, path, card_text(country))
        err(f"Wrote the overdose card to {path}. It holds no personal words.")
    if args.format == "json":
        data = {
            "country": country,
            "emergency": steps.emergency,
            "emergency_known": steps.known_number,
            "title": steps.title,
            "signs": [{"heading": s.heading, "text": s.text} for s in steps.signs],
            "steps": [s.text for s in steps.steps],
            "tell_the_call_taker": steps.tell.text,
            "laws": [law.text for law in steps.laws],
            "sources": [
                {"publisher": s.publisher, "title": s.title, "url": s.url} for s in steps.sources()
            ],
        }
        write_json(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return errors.EXIT_USAGE if typed is not None else errors.EXIT_OK
    width = max(40, min(100, shutil.get_terminal_size((80, 24)).columns))
    for line in steps.lines(width):
        out(line)
    if typed is not None:
        for line in unplaced_note(typed, width):
            out(line)
    if country is None:
        out("")
        out("To show your country's number: safeplan overdose --country NAME")
    return errors.EXIT_USAGE if typed is not None else errors.EXIT_OK
