"""Loading the crisis directory (built-in data plus an optional local override file) and choosing
what to show for a country.

Help must never fail: a missing, unreadable or invalid override file gives a calm warning (in
``Directory.warnings``) and the built-in directory is used as it is.

Help must also be quick. The shipped JSON was validated against the pydantic models at build and
test time, so at run time it is read with ``json`` alone and kept as plain dicts; records
(:mod:`safeplan.core.crisis.entries`) are built only for the country being shown. pydantic is
imported only to validate a local override file, which is a person's own and must be checked.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, NamedTuple

from safeplan.core.crisis.entries import (
    Emergency,
    InternationalDirectory,
    Raw,
    Service,
    Source,
    build,
)

DATA_PACKAGE = "safeplan.data.crisis"
DATA_FILES = ("emergency.json", "services.json")
OVERRIDES_ENV = "SAFEPLAN_CRISIS_OVERRIDES"
OVERRIDES_FILENAME = "crisis-local.json"
OVERRIDES_MAX_BYTES = 1_000_000

ALIASES = {"UK": "GB"}
"""Codes people use that are not ISO 3166-1 (en_UK is a common typo for en_GB)."""


class DirectoryError(ValueError):
    """The data broke a rule that only shows once files are put together (e.g. a duplicate id)."""


class Directory(NamedTuple):
    """The merged directory. Records are held as validated JSON and built on first use, one
    country at a time (``services_for``, ``emergency_for``); the properties that cover every
    country (``services``, ``emergency``) build them all, for listings and tests."""

    names: dict[str, str]
    notes: dict[str, tuple[str, ...]]
    raw_emergency: dict[str, Raw]
    raw_services: dict[str, tuple[Raw, ...]]
    """Country code -> its services, local ones (from the override file) first."""
    raw_international: tuple[Raw, ...]
    raw_sources: dict[str, Raw]
    built: dict[str, Any]
    """Records built so far, by country (shared by copies that differ only in the fields below)."""
    local_ids: frozenset[str] = frozenset()
    warnings: tuple[str, ...] = ()
    override_path: Path | None = None

    def services_for(self, country: str) -> tuple[Service, ...]:
        """The services of one country, local ones (from the override file) first."""
        key = f"services:{country}"
        if key not in self.built:
            raw = self.raw_services.get(country, ())
            self.built[key] = tuple(build(Service, r) for r in raw)
        found: tuple[Service, ...] = self.built[key]
        return found

    def emergency_for(self, country: str) -> Emergency | None:
        raw = self.raw_emergency.get(country)
        return build(Emergency, raw) if raw is not None else None

    def source(self, key: str) -> Source:
        return build(Source, self.raw_sources[key])

    def countries_with_lines(self) -> set[str]:
        return set(self.raw_services)

    @property
    def international(self) -> tuple[InternationalDirectory, ...]:
        if "international" not in self.built:
            self.built["international"] = tuple(
                build(InternationalDirectory, r) for r in self.raw_international
            )
        found: tuple[InternationalDirectory, ...] = self.built["international"]
        return found

    @property
    def services(self) -> tuple[Service, ...]:
        """Every service, country by country."""
        return tuple(s for code in self.raw_services for s in self.services_for(code))

    @property
    def emergency(self) -> dict[str, Emergency]:
        """Every country's emergency numbers."""
        return {code: build(Emergency, raw) for code, raw in self.raw_emergency.items()}

    @property
    def sources(self) -> dict[str, Source]:
        return {key: build(Source, raw) for key, raw in self.raw_sources.items()}


def merge_files(files: Iterable[tuple[Raw, bool]]) -> Directory:
    """Put data files (validated JSON) together in order; a later service with the same id
    replaces an earlier one.

    ``files`` holds (file, is_local) pairs; services from local files are listed first in their
    country.
    """
    names: dict[str, str] = {}
    emergency: dict[str, Raw] = {}
    notes: dict[str, tuple[str, ...]] = {}
    services: dict[str, Raw] = {}
    local_ids: set[str] = set()
    international: dict[str, Raw] = {}
    sources: dict[str, Raw] = {}
    for data, local in files:
        sources.update(data.get("sources") or {})
        for code, entry in (data.get("countries") or {}).items():
            _merge_country(code, entry, names, emergency, notes)
        seen: set[str] = set()
        for service in data.get("services") or ():
            sid = service["id"]
            if sid in seen:
                raise DirectoryError(f"the service id {sid} is used twice")
            seen.add(sid)
            services.pop(sid, None)
            services[sid] = service
            if local:
                local_ids.add(sid)
            else:
                local_ids.discard(sid)
        for item in data.get("international") or ():
            international[item["id"]] = item
    for code, record in emergency.items():
        missing = [key for key in record["sources"] if key not in sources]
        if missing:
            raise DirectoryError(f"the emergency numbers of {code} name unknown sources {missing}")
    by_country: dict[str, list[Raw]] = {}
    for service in services.values():
        if service["country"] not in names:
            raise DirectoryError(f"the service {service['id']} is for an unknown country")
        by_country.setdefault(service["country"], []).append(service)
    ordered = {
        code: tuple(
            sorted(items, key=lambda s: 0 if s["id"] in local_ids else 1)  # stable: file order
        )
        for code, items in by_country.items()
    }
    return Directory(
        names=dict(sorted(names.items())),
        notes=notes,
        raw_emergency=emergency,
        raw_services=ordered,
        raw_international=tuple(international.values()),
        raw_sources=sources,
        built={},
        local_ids=frozenset(local_ids),
    )


def _merge_country(
    code: str,
    entry: Raw,
    names: dict[str, str],
    emergency: dict[str, Raw],
    notes: dict[str, tuple[str, ...]],
) -> None:
    if entry.get("name") is not None:
        names[code] = entry["name"]
    if entry.get("emergency") is not None:
        emergency[code] = entry["emergency"]
    if entry.get("notes"):
        notes[code] = notes.get(code, ()) + tuple(entry["notes"])


def read_builtin(name: str) -> Raw:
    """One shipped data file as JSON (validated against the models by the tests and the build
    check, not here)."""
    text = resources.files(DATA_PACKAGE).joinpath(name).read_text(encoding="utf-8")
    data: Raw = json.loads(text)
    return data


@cache
def _builtin_files() -> tuple[Raw, ...]:
    return tuple(read_builtin(name) for name in DATA_FILES)


@cache
def builtin_directory() -> Directory:
    """The shipped directory alone (what every test of the data checks)."""
    return merge_files((f, False) for f in _builtin_files())


def overrides_path(environ: dict[str, str] | None = None) -> Path:
    """Where a local override file is looked for: ``$SAFEPLAN_CRISIS_OVERRIDES``, else
    ``crisis-local.json`` in safeplan's config folder (``$XDG_CONFIG_HOME/safeplan`` on Linux)."""
    env = os.environ if environ is None else environ
    given = env.get(OVERRIDES_ENV, "").strip()
    if given:
        return Path(given).expanduser()
    import platformdirs

    return platformdirs.user_config_path("safeplan", appauthor=False) / OVERRIDES_FILENAME


# What to do next, for a person who installed safeplan with pip (no docs/ folder beside them).
FIX_OVERRIDES = (
    "The built-in crisis lines are shown. Rename or remove that file to stop this note; the file's "
    "format is the crisis-directory guide in safeplan's source (docs/crisis-directory.md)."
)


def _load_overrides(path: Path) -> tuple[Raw | None, str | None]:
    """The override file, validated and as JSON, or (None, a calm warning) when it cannot be used.
    No file: (None, None)."""
    intro = f"Your local crisis file {path} was not used"
    after = FIX_OVERRIDES
    try:
        if not path.is_file():
            if path.exists():
                return None, f"{intro}: it is not a file. {after}"
            return None, None
        if path.stat().st_size > OVERRIDES_MAX_BYTES:
            return None, f"{intro}: it is larger than 1 MB. {after}"
        raw = path.read_bytes()
    except OSError as exc:
        return None, f"{intro}: it could not be read ({exc.strerror or 'error'}). {after}"
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        where = f" at line {exc.lineno}" if isinstance(exc, json.JSONDecodeError) else ""
        return None, f"{intro}: it is not valid UTF-8 JSON{where}. {after}"
    except RecursionError:
        return None, f"{intro}: it is nested too deeply to be crisis data. {after}"
    # A person's own file is checked by the same models as the shipped data (pydantic is
    # imported only here, so the quick path without an override file stays light).
    from safeplan.core.crisis.models import validate_file

    return validate_file(data, intro=intro, after=after)


_override_cache: dict[tuple[str, int, int], Directory] = {}


def load_directory() -> Directory:
    """The directory to show: the built-in data, with the local override file on top when there is
    one and it is valid. Cached; the override file is read again only when it changes."""
    base = builtin_directory()
    path = overrides_path()
    try:
        st = path.stat()
    except OSError:
        return base._replace(override_path=path)
    key = (str(path), st.st_mtime_ns, st.st_size)
    cached = _override_cache.get(key)
    if cached is not None:
        return cached
    data, warning = _load_overrides(path)
    if data is None:
        result = base._replace(override_path=path, warnings=(warning,) if warning else ())
    else:
        try:
            result = merge_files([*((f, False) for f in _builtin_files()), (data, True)])
            result = result._replace(override_path=path)
        except DirectoryError as exc:
            warning = f"Your local crisis file {path} was not used: {exc}. {FIX_OVERRIDES}"
            result = base._replace(override_path=path, warnings=(warning,))
    _override_cache.clear()
    _override_cache[key] = result
    return result


def country_names() -> dict[str, str]:
    """ISO 3166-1 alpha-2 code -> English name, for every country safeplan knows (for a picker)."""
    return dict(load_directory().names)


def normalise_country(code: str | None) -> str | None:
    """Upper case, trimmed, with known aliases (UK -> GB); None for empty."""
    if code is None:
        return None
    value = code.strip().upper()
    if not value:
        return None
    return ALIASES.get(value, value)
