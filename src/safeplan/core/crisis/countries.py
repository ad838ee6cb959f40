"""One resolver for every place a person types a country: ``--country``, the pickers, ``safeplan
country``.

It forgives: ISO alpha-2 and alpha-3 codes, English names, the names people use (UK, England,
Scotland, Britain, USA, America, Holland, Ivory Coast, South Korea, ...), a few names in the
country's own language, any case, accents optional, dots, spaces and a leading "the" ignored
("U.K.", " the netherlands "). ``uk`` is the United Kingdom, never Ukraine (UA).

What it cannot place gives no code but the closest matches, so the caller can still show help and
ask "Did you mean ...?". The names come from ``data/crisis/country_names.json`` (ISO 3166-1 from
the iso-codes project plus safeplan's aliases; ``tools/crisis/build_country_names.py`` builds it)
and from the crisis directory itself (so a country added by a local override file resolves too).
"""

from __future__ import annotations

import difflib
import json
import re
import unicodedata
from functools import cache
from importlib import resources
from typing import NamedTuple

DATA_PACKAGE = "safeplan.data.crisis"
NAMES_FILE = "country_names.json"
MAX_INPUT = 100
"""Longer input is not a country name; it is not looked at (and never echoed whole)."""

_NOT_WORD = re.compile(r"[\W_]+")
_DROPPED = str.maketrans({"'": None, "\u2019": None, ".": None, "\u00b4": None, "`": None})
_WORDS = {"st": "saint", "ste": "sainte", "and": "and", "&": "and"}


def _words(text: str) -> list[str]:
    decomposed = unicodedata.normalize("NFKD", text[:MAX_INPUT].replace("&", " and "))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _NOT_WORD.sub(" ", plain.casefold().translate(_DROPPED)).split()


def country_key(text: str) -> str:
    """The form names are compared in: no accents, case folded, no dots or apostrophes, words
    joined by one space, a leading "the" dropped, "St" read as "Saint"."""
    words = _words(text)
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    return " ".join(_WORDS.get(w, w) for w in words)


def _variants(name: str) -> list[str]:
    """A name and the forms people type for it: "Korea, Republic of" also gives "Republic of
    Korea" and "Korea"; "Falkland Islands (Malvinas)" also gives "Falkland Islands"."""
    out = [name]
    bare = re.sub(r"\s*\([^)]*\)", "", name).strip()
    if bare and bare != name:
        out.append(bare)
    if ", " in bare:
        head, tail = bare.split(", ", 1)
        out += [head, f"{tail} {head}"]
    return out


class _Index(NamedTuple):
    exact: dict[str, str]
    """Key -> code, for keys that name one country."""
    ambiguous: dict[str, tuple[str, ...]]
    """Keys that name more than one country ("congo", "virgin islands") -> their codes."""
    codes: frozenset[str]
    alpha3: dict[str, str]
    names: dict[str, str]
    """Code -> the name to show."""
    searchable: tuple[tuple[str, str, int], ...]
    """(key, code, weight) of every name and alias, for suggestions and the picker's search; weight
    0 for the shown name and the aliases, 1 for ISO's names, 2 for official names ("United
    Mexican States"), so "united" offers the United Kingdom before Mexico."""


@cache
def _names_file() -> dict[str, object]:
    text = resources.files(DATA_PACKAGE).joinpath(NAMES_FILE).read_text(encoding="utf-8")
    data: dict[str, object] = json.loads(text)
    return data


def _build(shown: tuple[tuple[str, str], ...]) -> _Index:
    data = _names_file()
    iso: dict[str, dict[str, object]] = data["countries"]  # type: ignore[assignment]
    aliases: dict[str, list[str]] = data["aliases"]  # type: ignore[assignment]
    names = dict(shown)
    codes = frozenset(names)
    found: dict[str, set[str]] = {}
    searchable: list[tuple[str, str, int]] = []

    def add(name: str, code: str, weight: int) -> None:
        for variant in _variants(name):
            key = country_key(variant)
            if key and code in codes:
                found.setdefault(key, set()).add(code)
                searchable.append((key, code, weight))

    for code, name in names.items():
        add(name, code, 0)
    for code, entry in iso.items():
        for position, name in enumerate(entry["names"]):  # type: ignore[arg-type]
            add(name, code, min(position + 1, 2))
    exact = {key: next(iter(c)) for key, c in found.items() if len(c) == 1}
    ambiguous = {key: tuple(sorted(c)) for key, c in found.items() if len(c) > 1}
    for code, alias_names in aliases.items():  # aliases settle what plain names leave open
        for name in alias_names:
            key = country_key(name)
            if code in codes:
                exact[key] = code
                ambiguous.pop(key, None)
                searchable.append((key, code, 0))
    alpha3 = {str(entry["alpha3"]).lower(): code for code, entry in iso.items() if code in codes}
    return _Index(exact, ambiguous, codes, alpha3, names, tuple(dict.fromkeys(searchable)))


def _index() -> _Index:
    from safeplan.core.crisis.directory import country_names

    return _build_cached(tuple(country_names().items()))


@cache
def _build_cached(shown: tuple[tuple[str, str], ...]) -> _Index:
    return _build(shown)


class CountryMatch(NamedTuple):
    """What typed text resolved to: a code, or none and the closest countries to offer."""

    text: str
    code: str | None
    suggestions: tuple[str, ...] = ()

    @property
    def found(self) -> bool:
        return self.code is not None


def _lookup(text: str, index: _Index) -> str | None:
    key = country_key(text)
    if key in index.exact:
        return index.exact[key]
    compact = "".join(_words(text))  # codes as typed: "ST" is a code, not "Saint"; "U K" is "uk"
    if compact in index.exact and len(compact) <= 3:
        return index.exact[compact]
    if len(compact) == 2 and compact.upper() in index.codes:
        return compact.upper()
    if len(compact) == 3 and compact in index.alpha3:
        return index.alpha3[compact]
    return None


def search_countries(text: str, limit: int | None = None) -> list[str]:
    """Codes whose names or aliases match what has been typed so far, best first: the country it
    resolves to, then names that start with it, then names with a word that starts with it, then
    names that contain it. Empty text gives every country, by name."""
    index = _index()
    key = country_key(text)
    if not key:
        ranked = sorted(index.codes, key=lambda c: country_key(index.names[c]))
        return ranked[:limit] if limit else ranked
    best: dict[str, int] = {}
    exact = _lookup(text, index)
    if exact is not None:
        best[exact] = 0
    for code in index.ambiguous.get(key, ()):
        best.setdefault(code, 1)
    for name_key, code, weight in index.searchable:
        if name_key.startswith(key):
            rank = 2 + weight
        elif f" {key}" in f" {name_key}":
            rank = 3 + weight
        elif len(key) >= 3 and key in name_key:
            rank = 5 + weight
        else:
            continue
        if rank < best.get(code, 99):
            best[code] = rank
    ranked = sorted(best, key=lambda c: (best[c], country_key(index.names[c])))
    return ranked[:limit] if limit else ranked


def _suggest(key: str, index: _Index, limit: int) -> tuple[str, ...]:
    picked: list[str] = list(index.ambiguous.get(key, ()))
    if len(key) >= 3:
        picked += search_countries(key, limit)
    keys = [k for k, _, _ in index.searchable]
    for close in difflib.get_close_matches(key, keys, n=limit * 3, cutoff=0.75):
        picked += [code for k, code, _ in index.searchable if k == close]
    return tuple(dict.fromkeys(picked))[:limit]


def match_country(text: str | None, limit: int = 3) -> CountryMatch:
    """Resolve typed text to an ISO 3166-1 alpha-2 code safeplan knows, or offer the closest."""
    raw = (text or "").strip()
    if len(raw) == 2 and raw.isascii() and raw.isalpha():
        # A code as typed ("GB", "gb"): found without building the name index, so `safeplan
        # crisis --country GB` stays quick. tests/test_quick_paths.py proves the index gives the
        # same answer for every code.
        from safeplan.core.crisis.directory import country_names

        if raw.upper() in country_names():
            return CountryMatch(raw, raw.upper())
    index = _index()
    key = country_key(raw)
    if not key:
        return CountryMatch(raw, None)
    code = _lookup(raw, index)
    if code is not None:
        return CountryMatch(raw, code)
    return CountryMatch(raw, None, _suggest(key, index, limit))


def resolve_country(text: str | None) -> str | None:
    """The code for typed text ("uk", "U.K.", "England", "gbr", "Côte d'Ivoire"), or None."""
    return match_country(text).code


def display_name(code: str) -> str:
    """ "United Kingdom (GB)" for a code safeplan knows, else the code."""
    name = _index().names.get(code)
    return f"{name} ({code})" if name else code


def short_name(code: str) -> str:
    """What people call a country in few letters, for a one-line label: "UK" for GB, "USA" for
    US (the first all-capital alias that is not the code); else its shown name, else the code."""
    aliases: dict[str, list[str]] = _names_file()["aliases"]  # type: ignore[assignment]
    for alias in aliases.get(code, []):
        if alias.isupper() and alias.isalpha() and alias != code and len(alias) <= 3:
            return alias
    return _index().names.get(code) or code


def did_you_mean(match: CountryMatch) -> str | None:
    """ "Did you mean United Kingdom (GB) or Ukraine (UA)?", or None with nothing to offer."""
    if not match.suggestions:
        return None
    shown = [display_name(code) for code in match.suggestions]
    joined = shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " or " + shown[-1]
    return f"Did you mean {joined}?"
