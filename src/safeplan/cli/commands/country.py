"""`safeplan country [COUNTRY] [--clear]`: which country's crisis lines safeplan shows, kept
outside the vault so they are right before anything is unlocked.

With no argument it says which country is used and why. With a name or code (GB, UK, England,
Germany, ...) it keeps that country in a small settings file (0600) that holds nothing else; the app
copies it into the vault's own setting when the vault is next opened. ``--clear`` removes it.
"""

from __future__ import annotations

import argparse
from typing import Any

from safeplan.cli.common import add_command, err, out, say
from safeplan.core import errors

NO_HELP_LOST = (
    "In danger right now, call your local emergency number (112 works from mobiles in much",
    "of the world). `safeplan crisis` lists crisis lines and international directories.",
)


def register(sub: argparse._SubParsersAction[Any], common: argparse.ArgumentParser) -> None:
    p = add_command(
        sub,
        common,
        "country",
        "show or choose the country whose crisis lines safeplan shows",
        "safeplan.cli.commands.country:country",
        description="Show or choose the country whose crisis lines and emergency numbers "
        "safeplan shows, before and after unlocking. The choice is kept in a small settings "
        "file that holds the country and nothing else (it is not encrypted). Which country is "
        "used: --country on a command, else this kept country, else your vault's setting, else "
        "a guess from your language settings.",
    )
    p.add_argument(
        "name",
        nargs="?",
        metavar="COUNTRY",
        help="a country name or code, such as GB, UK, England, Ireland or DE",
    )
    p.add_argument("--clear", action="store_true", help="forget the kept country")


def _describe() -> list[str]:
    from safeplan.core import kept_country
    from safeplan.core.crisis.countries import display_name

    choice = kept_country.choose()
    if choice.country is None:
        return [
            "safeplan does not know which country you are in, so it shows general advice and "
            "international directories.",
            "To choose one: safeplan country NAME (for example: safeplan country GB).",
        ]
    name = display_name(choice.country)
    why = {
        "kept": f"kept on this computer ({kept_country.settings_path()})",
        "vault": "from your vault's settings",
        "locale": f"guessed from your language settings ({choice.detail})",
        "option": "as asked",
        "none": "",
    }[choice.source]
    lines = [f"Crisis help is shown for {name}, {why}."]
    if choice.source == "kept":
        lines.append("To change it: safeplan country NAME. To forget it: safeplan country --clear.")
    else:
        lines.append(
            "To keep a country (so it is right before unlocking too): safeplan country NAME."
        )
    return lines


def country(args: argparse.Namespace) -> int:
    from safeplan.core import kept_country
    from safeplan.core.crisis.countries import did_you_mean, display_name, match_country

    if args.name is None and not args.clear:
        for line in _describe():
            say(line)
        return errors.EXIT_OK
    if getattr(args, "demo", False):
        raise errors.UsageError(
            "With --demo nothing is written to disk, so the country was not kept.",
            "Run it without --demo to keep it.",
        )
    if args.clear:
        if args.name is not None:
            raise errors.UsageError(
                "Give a country or --clear, not both.", "For example: safeplan country --clear."
            )
        removed = kept_country.clear()
        out("Forgot the kept country." if removed else "No country was kept.")
        for line in _describe():
            out(line)
        return errors.EXIT_OK
    found = match_country(args.name)
    if found.code is None:
        offer = did_you_mean(found)
        err(f"safeplan: {found.text[:40]!r} is not a country safeplan can place.")
        if offer:
            err(offer)
        err("Try a two-letter code such as GB, or `safeplan crisis countries` for the list.")
        for line in NO_HELP_LOST:
            err(line)
        return errors.EXIT_USAGE
    try:
        code = kept_country.keep(found.code)
    except OSError as exc:
        raise errors.SafeplanError(
            f"The country could not be kept ({exc.strerror or 'the settings file'}). Nothing "
            "changed.",
            "Check the folder, or use --country on each command meanwhile.",
        ) from None
    out(f"Crisis help will be shown for {display_name(code)}, before and after unlocking.")
    out("Your vault takes this country too the next time you open it in safeplan.")
    return errors.EXIT_OK
