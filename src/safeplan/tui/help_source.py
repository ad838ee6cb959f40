"""Where the "Get help now" screen gets its crisis facts.

The offline crisis directory (:mod:`safeplan.core.crisis`) supplies emergency numbers and crisis
lines for every country, each with its source and verified date. Until that module is in place this
adapter shows the local emergency number from a small table and the international directory, so
that help is on screen from the first day. Switching over is only this module.
"""

from __future__ import annotations

import os
import textwrap
from collections.abc import Mapping

# A stopgap until safeplan.core.crisis lands: general emergency numbers, each "H" confidence in
# /work/shared/research/emergency-numbers.tsv (Wikipedia lists, AOSP, libphonenumber; checked 2026-11).
_EMERGENCY: dict[str, tuple[str, str]] = {
    "AU": ("Australia", "000 (112 from mobiles)"),
    "CA": ("Canada", "911"),
    "DE": ("Germany", "112"),
    "FR": ("France", "112"),
    "GB": ("United Kingdom", "999 or 112"),
    "IE": ("Ireland", "112 or 999"),
    "IN": ("India", "112"),
    "IT": ("Italy", "112"),
    "NL": ("Netherlands", "112"),
    "NZ": ("New Zealand", "111"),
    "US": ("United States", "911"),
    "ZA": ("South Africa", "112 (10111 police)"),
}
_SOURCE = "Emergency numbers: national listings, checked 2026-11."
DIRECTORY = "Find A Helpline: findahelpline.com (crisis lines in many countries, free)"


def guess_country(environ: Mapping[str, str] | None = None) -> str | None:
    """The country from the locale (LC_ALL, LC_MESSAGES, LANG), e.g. en_GB.UTF-8 -> GB."""
    env = os.environ if environ is None else environ
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(var, "")
        lang = value.split(".")[0].split("@")[0]
        if "_" in lang:
            code = lang.split("_", 1)[1].upper()
            if len(code) == 2 and code.isalpha():
                return code
    return None


def country_names() -> dict[str, str]:
    """Country code -> name, for the country picker."""
    return {code: name for code, (name, _) in sorted(_EMERGENCY.items())}


def country_name(country: str | None) -> str:
    if country and country in _EMERGENCY:
        return _EMERGENCY[country][0]
    return country or "your country"


def emergency_number(country: str | None) -> str:
    """The number to call in immediate danger, or the best general advice when unknown."""
    if country and country in _EMERGENCY:
        return _EMERGENCY[country][1]
    return "your local emergency number (112 works in many countries)"


def strip_text(country: str | None) -> str:
    """One short line, always in view: the emergency number and where to find a crisis line."""
    number = (
        _EMERGENCY[country][1]
        if country and country in _EMERGENCY
        else "your local emergency number"
    )
    return f"Help now: call {number} · crisis lines: findahelpline.com"


def help_lines(country: str | None, width: int) -> list[str]:
    """The public crisis help for a country, wrapped to ``width``, with where each fact came from."""
    if country and country in _EMERGENCY:
        lines = [f"Emergency number in {country_name(country)}: {emergency_number(country)}."]
    else:
        lines = ["112 reaches emergency services from mobile phones in many countries."]
    lines.append("")
    lines.append(DIRECTORY)
    lines.append("")
    lines.append(_SOURCE)
    wrapped: list[str] = []
    for line in lines:
        wrapped.extend(textwrap.wrap(line, width) or [""])
    return wrapped
