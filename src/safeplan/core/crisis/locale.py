"""Guessing the country from the locale, when the person has not said which country they are in."""

from __future__ import annotations

import os
from collections.abc import Mapping

LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")


def territory(locale: str) -> str | None:
    """The territory part of a locale name, upper case: ``en_GB.UTF-8`` -> ``GB``,
    ``sr_RS@latin`` -> ``RS``, ``pt-BR`` -> ``BR``; None for ``C``, ``POSIX`` or a bare language."""
    base = locale.strip().split("@", 1)[0].split(".", 1)[0]
    parts = base.replace("-", "_").split("_")
    if len(parts) < 2 or not parts[0].isalpha():
        return None
    for part in parts[1:]:
        if len(part) == 2 and part.isascii() and part.isalpha():
            return part.upper()
    return None


def guess_country(environ: Mapping[str, str] | None = None) -> str | None:
    """The country the locale names, as an ISO 3166-1 code safeplan knows, or None.

    ``LC_ALL``, then ``LC_MESSAGES``, then ``LANG``: the first of them that names a country wins
    (so ``LC_ALL=C.UTF-8`` with ``LANG=en_GB.UTF-8`` still gives GB). A territory safeplan does
    not know (``en_ZZ``) gives None.
    """
    from safeplan.core.crisis.directory import country_names, normalise_country

    env = os.environ if environ is None else environ
    known = country_names()
    for var in LOCALE_VARIABLES:
        value = env.get(var) or ""
        code = normalise_country(territory(value))
        if code is not None:
            return code if code in known else None
    return None


def guessed_from(environ: Mapping[str, str] | None = None) -> tuple[str, str] | None:
    """(variable, value) the guess came from, to tell the person why a country was chosen."""
    env = os.environ if environ is None else environ
    for var in LOCALE_VARIABLES:
        value = env.get(var) or ""
        if territory(value) is not None:
            return var, value
    return None
