"""`safeplan combo`: check a mix of substances at once, with no vault, passphrase or network.

The same engine as `safeplan use` and the app (:mod:`safeplan.core.combinations`). Each pair gets
its risk (dangerous, unsafe, caution, low, or unknown), a note, what to do and its sources. A pair
without a rule is unknown, never safe. Nothing here imports Textual, pydantic's vault models or the
vault code (a subprocess test holds this).
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from safeplan.cli.common import add_command, out, write_json
from safeplan.cli.formatting import wrap_text
from safeplan.cli.options import country_or_unplaced, typed_country, unplaced_note
from safeplan.core import errors

MAX_NAMES = 12
MAX_NAME_CHARS = 80


def register(sub: argparse._SubParsersAction[Any], common: argparse.ArgumentParser) -> None:
    p = add_command(
        sub,
        common,
        "combo",
        "check how substances mix (no vault or passphrase needed)",
        "safeplan.cli.commands.combo:combo",
        description="Check a mix of two or more substances: each pair's risk, a short note, what "
        "to do, and the sources. Names can be official, brand or street names. A pair safeplan "
        "has no rule for is shown as unknown, never as safe. Works without a vault.",
    )
    p.add_argument(
        "names",
        nargs="+",
        metavar="SUBSTANCE",
        help="two or more substances (quote names with spaces, or separate them with commas)",
    )
    p.add_argument(
        "--format", choices=("text", "json"), default="text", help="text (default) or json"
    )
    p.add_argument(
        "--country",
        type=country_or_unplaced,
        default=None,
        metavar="COUNTRY",
        help="the country for the emergency number shown after a risky mix: a name or code "
        "such as GB, UK or Germany",
    )


def split_names(raw: list[str]) -> list[str]:
    names = [" ".join(part.split()) for item in raw for part in item.split(",")]
    names = [n for n in names if n]
    if len(names) < 2:
        raise errors.UsageError(
            "Give two or more substances to check.",
            'For example: safeplan combo heroin xanax  (or: safeplan combo "nitrous oxide", beer)',
        )
    if len(names) > MAX_NAMES or any(len(n) > MAX_NAME_CHARS for n in names):
        raise errors.UsageError(
            f"safeplan checks up to {MAX_NAMES} substances at once, each name up to "
            f"{MAX_NAME_CHARS} characters.",
            "Check the mix in smaller groups.",
        )
    return names


def combo(args: argparse.Namespace) -> int:
    from safeplan.cli.formatting import crisis_country
    from safeplan.cli.mixing import first_steps, render_notes
    from safeplan.core.combinations import MixSummary, check_names, more_pairs_link, resolve

    names = split_names(args.names)
    resolved = [resolve(n) for n in names]
    notes = check_names(names)
    unknown_names = [r.text for r in resolved if not r.known and not r.classes]
    if args.format == "json":
        data = {
            "substances": [
                {"text": r.text, "name": r.name, "classes": list(r.classes), "known": r.known}
                for r in resolved
            ],
            "pairs": [n.as_json() for n in notes],
            "unknown_names": unknown_names,
            "more_pairs": more_pairs_link(),
        }
        typed = typed_country(args.country)
        if typed is not None:
            data["country_typed"] = typed.text[:100]
            data["country_suggestions"] = list(typed.suggestions)
        write_json(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return errors.EXIT_USAGE if typed is not None else errors.EXIT_OK
    lines = wrap_text("Checking: " + ", ".join(r.describe() for r in resolved), "", "  ")
    for name in unknown_names:
        lines += wrap_text(
            f"safeplan does not know {name!r}, so it is not guessed into any class. Anything in "
            "it could be strong or mixed with something else: test it and start low."
        )
    if not notes:
        lines += wrap_text("These are all names for the same substance, so there is no mix.")
    lines += render_notes(notes, "How these mix:")
    # A country typed wrong never hides the mix notes or the first steps: they come with the
    # general emergency advice, then the closest countries, then exit 2.
    typed = typed_country(args.country)
    if MixSummary.of(notes).urgent:
        lines += first_steps(None if typed else crisis_country(given=args.country))
    if typed is not None:
        lines += unplaced_note(typed, 80)
    for line in lines:
        out(line)
    return errors.EXIT_USAGE if typed is not None else errors.EXIT_OK
