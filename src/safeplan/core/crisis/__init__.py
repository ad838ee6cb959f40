"""The offline crisis directory: emergency numbers for every country, crisis lines for many, and the
international directories as the fallback everywhere. No vault, no passphrase, no network.

Public API (the "get help now" screen, the printed plan and ``safeplan crisis`` all use it)::

    load_directory()          -> Directory        the data (built-in + local override file), cached
    guess_country(environ)    -> str | None       from LC_ALL / LC_MESSAGES / LANG
    help_for(country, ...)    -> CountryHelp      what to show for one country
    render_help_text(help, w) -> list[str]        plain lines, none wider than ``w``
    country_names()           -> dict[str, str]   ISO code -> English name
    resolve_country(text)     -> str | None       "uk", "England", "U.S.A.", "deu" -> ISO code
    match_country(text)       -> CountryMatch     the code, or the closest countries to offer

Where the facts come from and how they are kept current: ``docs/crisis-directory.md``.

Importing this package stays light (no pydantic, no vault code): the records here are the plain
ones of :mod:`.entries`. The pydantic models that validate the data live in :mod:`.models`;
``DirectoryFile`` is still reachable from here, imported on first use.
"""

from typing import Any

from safeplan.core.crisis.countries import (
    CountryMatch,
    did_you_mean,
    match_country,
    resolve_country,
    search_countries,
)
from safeplan.core.crisis.country_help import CountryHelp, help_for
from safeplan.core.crisis.directory import (
    OVERRIDES_ENV,
    Directory,
    country_names,
    load_directory,
    normalise_country,
    overrides_path,
)
from safeplan.core.crisis.entries import (
    AUDIENCE_LABELS,
    AUDIENCES,
    Audience,
    Emergency,
    InternationalDirectory,
    PhoneNumber,
    Service,
    Source,
    TextOption,
)
from safeplan.core.crisis.locale import guess_country, guessed_from
from safeplan.core.crisis.render import render_help_text

__all__ = [
    "AUDIENCES",
    "AUDIENCE_LABELS",
    "OVERRIDES_ENV",
    "Audience",
    "CountryHelp",
    "CountryMatch",
    "Directory",
    "DirectoryFile",
    "Emergency",
    "InternationalDirectory",
    "PhoneNumber",
    "Service",
    "Source",
    "TextOption",
    "country_names",
    "did_you_mean",
    "guess_country",
    "guessed_from",
    "help_for",
    "load_directory",
    "match_country",
    "normalise_country",
    "overrides_path",
    "render_help_text",
    "resolve_country",
    "search_countries",
]


def __getattr__(name: str) -> Any:
    """``DirectoryFile`` (the pydantic model of a data file) is imported only when asked for."""
    if name == "DirectoryFile":
        from safeplan.core.crisis.models import DirectoryFile

        return DirectoryFile
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
