"""What the "Get help now" screen and the crisis strip show, from the offline crisis directory
(:mod:`safeplan.core.crisis`), where every number carries its source and verified date."""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache

from safeplan.core import crisis
from safeplan.core.crisis import render
from safeplan.core.crisis.render import cells


@lru_cache(maxsize=32)
def _help(country: str | None) -> crisis.CountryHelp:
    return crisis.help_for(country)


def guess_country(environ: Mapping[str, str] | None = None) -> str | None:
    """The country from the locale (LC_ALL, LC_MESSAGES, LANG), e.g. en_GB.UTF-8 -> GB."""
    return crisis.guess_country(environ)


def country_names() -> dict[str, str]:
    """Country code -> name, for the country picker, sorted by name."""
    return dict(sorted(crisis.country_names().items(), key=lambda kv: kv[1]))


def emergency_number(country: str | None) -> str:
    """The number to call in immediate danger, or the best general advice when unknown."""
    return _help(country).emergency_summary() or "your local emergency number"


def first_line(country: str | None) -> str | None:
    """The country's first crisis line in a few words ("Samaritans 116 123"), if it has one."""
    from safeplan.core.crisis.reminder import first_line as first

    return first(_help(country))


def strip_labels(country: str | None) -> tuple[str, ...]:
    """Whose numbers the strip shows, longest first ("UK", then "GB"; "Canada", then "CA"), or
    nothing when the country is not known (the strip's general advice then needs no label)."""
    from safeplan.core.crisis.countries import short_name

    found = _help(country)
    if not (found.country_name and found.country):
        return ()
    return tuple(dict.fromkeys((short_name(found.country), found.country)))


def strip_text(country: str | None, width: int = 78) -> str:
    """One line, always in view and within ``width`` cells when it can be: whose numbers these
    are, what to call in danger, a crisis line, and where to find more. A crisis line matters
    more than a long country name, so the name shortens to its code before the line goes."""
    danger = f"In danger, call {emergency_number(country)}"
    heads = [f"{label}: {danger}" for label in strip_labels(country)] or [danger]
    line = first_line(country)
    candidates = [f"{head} · {line} · more: ctrl+g" for head in heads if line] + [
        f"{heads[0]} · findahelpline.com · more: ctrl+g",
        f"{heads[0]} · more: ctrl+g",
        f"{heads[-1]} · more: ctrl+g",
    ]
    return next((text for text in candidates if cells(text) <= width), candidates[-2])


def help_lines(country: str | None, width: int) -> list[str]:
    """The full public crisis help for a country, each line within ``width`` cells."""
    return crisis.render_help_text(_help(country), width)


def emergency_lines(country: str | None, width: int) -> list[str]:
    """What to call in danger, first on the help screen."""
    return render.emergency_lines(_help(country), width)


def place(country: str | None) -> str:
    """Where the help below is for: "United Kingdom (GB)", or that the country is not known."""
    found = _help(country)
    if found.country_name:
        return f"{found.country_name} ({found.country})"
    return found.country or "Country not known"


def public_lines(country: str | None, width: int) -> list[str]:
    """The crisis lines, the international directories and when it was all checked."""
    found = _help(country)
    return render.join_blocks(
        [
            render.fallback_lines(found, width),
            render.lines_section(found, width),
            render.directories_section(found, width),
            render.footer_lines(found, width),
        ]
    )
