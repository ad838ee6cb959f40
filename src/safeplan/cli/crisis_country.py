"""Which country `safeplan crisis` shows, why, and how to change it: --country, then the kept
country (`safeplan country`), then the vault's saved setting (with --mine), then the locale."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal, NamedTuple

if TYPE_CHECKING:
    from safeplan.core.crisis import CountryHelp, CountryMatch

CHANGE_HINT = (
    "To show another country: safeplan crisis --country NAME",
    "Every country safeplan knows: safeplan crisis countries",
)

CountrySource = Literal["option", "kept", "settings", "locale", "none", "unplaced"]


class Choice(NamedTuple):
    country: str | None
    source: CountrySource
    detail: str = ""
    typed: CountryMatch | None = None
    """What was typed after --country when safeplan could not place it."""


def choose_country(given: str | None, saved: str | None = None) -> Choice:
    """--country, then the kept country (``safeplan country``), then the vault's saved setting
    (only known with --mine), then the locale (:func:`safeplan.core.kept_country.choose`)."""
    from safeplan.core import kept_country

    found = kept_country.choose(given=given, vault=saved)
    source: CountrySource = "settings" if found.source == "vault" else found.source
    return Choice(found.country, source, found.detail)


def choice_lines(choice: Choice, help_: CountryHelp) -> list[str]:
    """Which country is shown and why, and how to change it (each command on a line of its own)."""
    name = f"{help_.country_name} ({help_.country})" if help_.country_name else help_.country
    if choice.source == "option":
        first = f"Showing {name}, as you asked."
    elif choice.source == "kept":
        first = f"Showing {name}, the country you chose (safeplan country changes it)."
    elif choice.source == "settings":
        first = f"Showing {name}, from your saved settings."
    elif choice.source == "locale":
        why = f" ({choice.detail})" if choice.detail else ""
        first = f"Showing {name}, guessed from your language settings{why}."
    elif choice.typed is not None:
        from safeplan.core.crisis.countries import did_you_mean

        offer = did_you_mean(choice.typed)
        first = f"{choice.typed.text[:40]!r} is not a country safeplan can place."
        return [first + (f" {offer}" if offer else ""), *CHANGE_HINT]
    else:  # the help text itself has just said that the country is not known
        return [
            "To see your country's lines: safeplan crisis --country NAME",
            CHANGE_HINT[1],
        ]
    return [first, *CHANGE_HINT]
