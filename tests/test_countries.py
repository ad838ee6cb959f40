"""The one country resolver (core/crisis/countries.py): every name people type, and what it offers
when it cannot place one."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from safeplan.core.crisis import country_names
from safeplan.core.crisis.countries import (
    country_key,
    did_you_mean,
    match_country,
    resolve_country,
    search_countries,
)

ROOT = Path(__file__).resolve().parents[1]

RESOLVES = [
    # the aliases the issue names
    ("UK", "GB"),
    ("uk", "GB"),
    ("U.K.", "GB"),
    (" u.k ", "GB"),
    ("England", "GB"),
    ("Scotland", "GB"),
    ("Wales", "GB"),
    ("Northern Ireland", "GB"),
    ("Britain", "GB"),
    ("Great Britain", "GB"),
    ("United Kingdom", "GB"),
    ("the UK", "GB"),
    ("USA", "US"),
    ("U.S.A.", "US"),
    ("US", "US"),
    ("us", "US"),
    ("America", "US"),
    ("United States of America", "US"),
    ("Holland", "NL"),
    ("the Netherlands", "NL"),
    ("Czechia", "CZ"),
    ("Czech Republic", "CZ"),
    ("Ivory Coast", "CI"),
    ("Côte d'Ivoire", "CI"),
    ("cote d'ivoire", "CI"),
    ("South Korea", "KR"),
    ("Korea", "KR"),
    ("North Korea", "KP"),
    # ISO codes, both kinds, any case
    ("gb", "GB"),
    ("GBR", "GB"),
    ("usa", "US"),
    ("deu", "DE"),
    ("fra", "FR"),
    ("NZL", "NZ"),
    ("ua", "UA"),
    ("UKR", "UA"),
    ("xk", "XK"),
    # English names, accents optional, "St" for "Saint"
    ("Ukraine", "UA"),
    ("germany", "DE"),
    ("NEW ZEALAND", "NZ"),
    ("Australia", "AU"),
    ("Canada", "CA"),
    ("Ireland", "IE"),
    ("Republic of Ireland", "IE"),
    ("Türkiye", "TR"),
    ("Turkiye", "TR"),
    ("Turkey", "TR"),
    ("Russia", "RU"),
    ("Russian Federation", "RU"),
    ("Vietnam", "VN"),
    ("Viet Nam", "VN"),
    ("Iran", "IR"),
    ("Bolivia", "BO"),
    ("Plurinational State of Bolivia", "BO"),
    ("Republic of Korea", "KR"),
    ("St Lucia", "LC"),
    ("St. Kitts and Nevis", "KN"),
    ("Saint Barthélemy", "BL"),
    ("Saint Barthelemy", "BL"),
    ("Curaçao", "CW"),
    ("Curacao", "CW"),
    ("Réunion", "RE"),
    ("Åland Islands", "AX"),
    ("Sao Tome and Principe", "ST"),
    ("Trinidad & Tobago", "TT"),
    ("Bosnia", "BA"),
    ("Burma", "MM"),
    ("Swaziland", "SZ"),
    ("Eswatini", "SZ"),
    ("Macedonia", "MK"),
    ("East Timor", "TL"),
    ("Cape Verde", "CV"),
    ("UAE", "AE"),
    ("DRC", "CD"),
    ("Falklands", "FK"),
    ("Vatican", "VA"),
    ("Palestine", "PS"),
    ("Taiwan", "TW"),
    ("Kosovo", "XK"),
    ("Gambia", "GM"),
    ("The Gambia", "GM"),
    ("Bahamas", "BS"),
    ("Georgia", "GE"),
    ("Niger", "NE"),
    ("Nigeria", "NG"),
    ("Dominica", "DM"),
    ("Dominican Republic", "DO"),
    ("Aotearoa", "NZ"),
    # names in the country's own language
    ("Deutschland", "DE"),
    ("Österreich", "AT"),
    ("Osterreich", "AT"),
    ("España", "ES"),
    ("Espana", "ES"),
    ("Schweiz", "CH"),
    ("Brasil", "BR"),
    ("Éire", "IE"),
    ("Nederland", "NL"),
    ("Sverige", "SE"),
    ("Cymru", "GB"),
]


@pytest.mark.parametrize(("text", "code"), RESOLVES)
def test_resolves(text: str, code: str) -> None:
    match = match_country(text)
    assert match.code == code, (text, match)
    assert resolve_country(text) == code


def test_uk_is_never_ukraine() -> None:
    for text in ("uk", "UK", "U.K.", "u k", " Uk. "):
        assert resolve_country(text) == "GB"
    assert search_countries("uk")[0] == "GB"


def test_every_code_and_name_safeplan_shows_resolves_to_itself() -> None:
    for code, name in country_names().items():
        assert resolve_country(code) == code
        assert resolve_country(code.lower()) == code
        assert resolve_country(name) == code, name


def test_every_alias_in_the_table_resolves_to_its_country() -> None:
    data = json.loads(
        (ROOT / "src/safeplan/data/crisis/country_names.json").read_text(encoding="utf-8")
    )
    for code, names in data["aliases"].items():
        for name in names:
            assert resolve_country(name) == code, name


@pytest.mark.parametrize(
    ("text", "offered"),
    [
        ("Untied Kingdom", "GB"),
        ("Germny", "DE"),
        ("Swizerland", "CH"),
        ("Nederlands", "NL"),
        ("Autralia", "AU"),
        ("untied states", "US"),
        ("United", "GB"),
        ("Congo", "CD"),
        ("Congo", "CG"),
        ("Virgin Islands", "VI"),
        ("Virgin Islands", "VG"),
    ],
)
def test_what_it_cannot_place_offers_the_closest(text: str, offered: str) -> None:
    match = match_country(text)
    assert match.code is None
    assert offered in match.suggestions
    sentence = did_you_mean(match)
    assert sentence is not None and sentence.startswith("Did you mean ")
    assert f"({offered})" in sentence


@pytest.mark.parametrize(
    "text", ["Atlantis", "", "   ", "...", "zz", "ZZZ", "x" * 5000, "日本", "\x00"]
)
def test_unknown_gives_no_code_and_never_fails(text: str) -> None:
    match = match_country(text)
    assert match.code is None
    assert len(match.suggestions) <= 3


def test_united_offers_the_countries_people_mean_first() -> None:
    assert set(match_country("united").suggestions) == {"GB", "US", "AE"}


def test_key_ignores_case_accents_dots_and_the() -> None:
    assert country_key("  The  Côte D’Ivoire. ") == "cote divoire"
    assert country_key("U.K.") == "uk"
    assert country_key("St. Lucia") == "saint lucia"
    assert country_key("Trinidad & Tobago") == "trinidad and tobago"


def test_search_ranks_what_was_typed_first() -> None:
    assert search_countries("germ")[0] == "DE"
    assert search_countries("kingdom")[0] == "GB"
    assert search_countries("new")[:1] in (["NC"], ["NZ"])
    assert "NZ" in search_countries("new")
    assert search_countries("england") == ["GB"]
    assert search_countries("") == sorted(
        search_countries(""), key=lambda c: country_key(country_names()[c])
    )
    assert len(search_countries("")) == len(country_names())


def test_the_names_table_is_built_from_its_sources() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools/crisis/build_country_names.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
