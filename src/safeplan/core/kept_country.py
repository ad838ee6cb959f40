"""The country kept outside the vault, so the right crisis lines show before anything is unlocked.

One small, non-secret settings file under the platform's config folder (``SAFEPLAN_CONFIG``
overrides the path) holds one thing: a country code, such as ``{"country": "GB"}``. It reveals a
country and nothing else (``docs/threat-model.md``). It is written 0600 through
:func:`safeplan.core.private_files.write_private_file` and read forgivingly: a missing, damaged or
oversized file simply means "no kept country", never an error in front of a person in a crisis.

Which country decides the numbers shown (``docs/crisis-directory.md``)::

    --country  >  the kept country  >  the vault's setting  >  the locale's guess

The vault's ``settings.country`` and the kept country agree: the front ends call :func:`keep`
whenever the vault's country is set, and :func:`sync_from_vault` when a vault is opened.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Literal, NamedTuple

import platformdirs

from safeplan.core import errors
from safeplan.core.paths import APP_NAME
from safeplan.core.private_files import write_private_file

CONFIG_ENV = "SAFEPLAN_CONFIG"
FILENAME = "settings.json"
FORMAT = "safeplan-settings"
_MAX_BYTES = 4096

CountrySource = Literal["option", "kept", "vault", "locale", "none"]


def settings_path() -> Path:
    """Where the kept country lives: ``$SAFEPLAN_CONFIG``, else ``<config folder>/settings.json``."""
    env = os.environ.get(CONFIG_ENV, "").strip()
    if env:
        return Path(env).expanduser()
    return platformdirs.user_config_path(APP_NAME, appauthor=False) / FILENAME


def _known(code: str | None) -> str | None:
    from safeplan.core.crisis import country_names, normalise_country

    value = normalise_country(code)
    return value if value is not None and value in country_names() else None


def read(path: Path | None = None) -> str | None:
    """The kept country's ISO code, or None when there is none (or the file cannot be used)."""
    target = path or settings_path()
    try:
        with target.open("rb") as fh:
            raw = fh.read(_MAX_BYTES + 1)
    except OSError:
        return None
    if len(raw) > _MAX_BYTES:
        return None
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return None
    if not isinstance(data, dict) or not isinstance(data.get("country"), str):
        return None
    return _known(data["country"])


def keep(code: str, path: Path | None = None) -> str:
    """Keep ``code`` (an ISO 3166-1 alpha-2 code safeplan knows) and return it, normalised.

    Raises :class:`safeplan.core.errors.UsageError` for a code safeplan does not know and
    :class:`OSError` when the file cannot be written (the old one is then unchanged).
    """
    known = _known(code)
    if known is None:
        raise errors.UsageError(
            f"safeplan does not know the country code {code.strip()[:12]!r}.",
            "Use a two-letter code such as GB, US or IE (`safeplan crisis --list` shows them all).",
        )
    target = path or settings_path()
    target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    content = json.dumps({"format": FORMAT, "version": 1, "country": known}, indent=2) + "\n"
    write_private_file(target, content, replace=True)
    return known


def clear(path: Path | None = None) -> bool:
    """Remove the kept country; True when there was a file to remove."""
    target = path or settings_path()
    try:
        target.unlink()
    except FileNotFoundError:
        return False
    return True


def keep_quietly(code: str | None, path: Path | None = None) -> bool:
    """Keep ``code`` if it is a known country; never raises (for syncing from a vault's setting)."""
    if _known(code) is None:
        return False
    with contextlib.suppress(OSError, errors.SafeplanError):
        keep(code or "", path)
        return True
    return False


def sync_from_vault(vault_country: str | None, path: Path | None = None) -> str | None:
    """After a vault is opened: keep its country if none is kept yet. Returns the kept country."""
    kept = read(path)
    if kept is None and keep_quietly(vault_country, path):
        return read(path)
    return kept


class CountryChoice(NamedTuple):
    """The country whose numbers are shown, and why (to tell the person and let them change it)."""

    country: str | None
    source: CountrySource
    detail: str = ""


def choose(
    *,
    given: str | None = None,
    vault: str | None = None,
    environ: Mapping[str, str] | None = None,
    path: Path | None = None,
) -> CountryChoice:
    """``given`` (e.g. ``--country``, already resolved) > kept > ``vault`` > locale guess."""
    from safeplan.core.crisis import guess_country, guessed_from

    if given:
        return CountryChoice(given, "option")
    kept = read(path)
    if kept:
        return CountryChoice(kept, "kept")
    known_vault = _known(vault)
    if known_vault:
        return CountryChoice(known_vault, "vault")
    guess = guess_country(environ)
    if guess:
        origin = guessed_from(environ)
        return CountryChoice(guess, "locale", f"{origin[0]}={origin[1]}" if origin else "")
    return CountryChoice(None, "none")


def country(
    *,
    given: str | None = None,
    vault: str | None = None,
    environ: Mapping[str, str] | None = None,
) -> str | None:
    """Just the code from :func:`choose`."""
    return choose(given=given, vault=vault, environ=environ).country
