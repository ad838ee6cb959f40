"""Build the table of country names that ``safeplan.core.crisis.countries`` resolves typed input with.

    .venv/bin/python tools/crisis/build_country_names.py          # rewrite the JSON
    .venv/bin/python tools/crisis/build_country_names.py --check  # exit 1 if it is out of date

Input: the ISO 3166-1 table of the Debian/freedesktop ``iso-codes`` project
(``/usr/share/iso-codes/json/iso_3166-1.json``, package ``iso-codes``; built from 4.15.0), which
gives each country's alpha-2 and alpha-3 code, its short English name and, for some, an official
and a common name. ``--iso FILE`` reads another copy. Without the file, ``--check`` compares the
curated aliases only, so the check still runs on a machine without the package.

Then ``ALIASES`` below: names people type that ISO does not list (UK, England, Holland, Ivory
Coast, ...), and a few names in the country's own language. Every alias here is tested in
``tests/test_countries.py``. An alias must name one country without doubt: "Congo" and "Virgin
Islands" are left ambiguous on purpose (the resolver offers both).

Output: ``src/safeplan/data/crisis/country_names.json``.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ISO_JSON = Path("/usr/share/iso-codes/json/iso_3166-1.json")
OUT = ROOT / "src" / "safeplan" / "data" / "crisis" / "country_names.json"
SOURCE = (
    "ISO 3166-1 codes and English names from the iso-codes project (Debian package iso-codes "
    "4.15.0, https://salsa.debian.org/iso-codes-team/iso-codes), plus safeplan's own aliases "
    "(tools/crisis/build_country_names.py)"
)

# Common names -> ISO 3166-1 alpha-2. Keys are written as people type them; the resolver ignores
# case, accents, dots and a leading "the".
ALIASES: dict[str, tuple[str, ...]] = {
    "GB": (
        "UK",
        "United Kingdom",
        "England",
        "Scotland",
        "Wales",
        "Cymru",
        "Northern Ireland",
        "Britain",
        "Great Britain",
        "GB",
        "Alba",
    ),
    "US": ("USA", "US", "America", "United States", "United States of America", "the States"),
    "NL": ("Holland", "Nederland", "The Netherlands"),
    "CZ": ("Czechia", "Czech Republic", "Cesko", "Česká republika"),
    "CI": ("Ivory Coast", "Côte d'Ivoire", "Cote dIvoire"),
    "KR": ("South Korea", "Korea", "Republic of Korea", "Hanguk"),
    "KP": ("North Korea", "DPRK"),
    "RU": ("Russia", "Russian Federation", "Rossiya"),
    "IR": ("Iran", "Persia"),
    "SY": ("Syria",),
    "LA": ("Laos", "Lao"),
    "VN": ("Vietnam", "Viet Nam"),
    "BO": ("Bolivia",),
    "VE": ("Venezuela",),
    "TZ": ("Tanzania",),
    "MD": ("Moldova",),
    "TW": ("Taiwan",),
    "PS": ("Palestine", "Palestinian Territories", "Gaza", "West Bank"),
    "VA": ("Vatican", "Vatican City", "Holy See"),
    "MK": ("Macedonia", "North Macedonia", "FYROM"),
    "SZ": ("Swaziland", "Eswatini"),
    "MM": ("Burma", "Myanmar"),
    "CV": ("Cape Verde", "Cabo Verde"),
    "TL": ("East Timor", "Timor Leste"),
    "TR": ("Turkey", "Türkiye"),
    "BN": ("Brunei",),
    "FM": ("Micronesia",),
    "AE": ("UAE", "Emirates", "United Arab Emirates"),
    "CD": ("DRC", "DR Congo", "Congo-Kinshasa", "Democratic Republic of Congo", "Zaire"),
    "CG": ("Congo-Brazzaville", "Republic of Congo"),
    "FK": ("Falklands", "Malvinas"),
    "VI": ("US Virgin Islands", "USVI"),
    "VG": ("BVI",),
    "BA": ("Bosnia", "Bosnia Herzegovina"),
    "KN": ("St Kitts", "Saint Kitts", "St Kitts and Nevis"),
    "VC": ("St Vincent", "Saint Vincent"),
    "TT": ("Trinidad", "Tobago"),
    "AG": ("Antigua",),
    "PG": ("PNG",),
    "NZ": ("Aotearoa", "NZ"),
    "IE": ("Eire", "Éire", "Republic of Ireland"),
    "DE": ("Deutschland", "Germany"),
    "AT": ("Österreich",),
    "CH": ("Schweiz", "Suisse", "Svizzera"),
    "ES": ("España",),
    "IT": ("Italia",),
    "SE": ("Sverige",),
    "NO": ("Norge",),
    "DK": ("Danmark",),
    "FI": ("Suomi",),
    "PL": ("Polska",),
    "BE": ("België", "Belgique", "Belgien"),
    "BR": ("Brasil",),
    "JP": ("Nippon", "Nihon"),
    "GR": ("Hellas", "Ellada"),
    "HU": ("Magyarország",),
    "HR": ("Hrvatska",),
    "SK": ("Slovakia", "Slovensko"),
    "SI": ("Slovenija",),
    "CN": ("PRC", "Mainland China"),
    "HK": ("Hong Kong SAR",),
    "MO": ("Macao", "Macau"),
    "XK": ("Kosova",),
    "SA": ("KSA",),
    "DO": ("Dominican Rep",),
    "GM": ("Gambia",),
    "BS": ("Bahamas",),
}


def build(iso_path: Path) -> dict[str, object]:
    rows = json.loads(iso_path.read_text(encoding="utf-8"))["3166-1"]
    countries: dict[str, dict[str, object]] = {}
    for row in sorted(rows, key=lambda r: r["alpha_2"]):
        names = [row["name"]]
        for key in ("common_name", "official_name"):
            if row.get(key) and row[key] not in names:
                names.append(row[key])
        countries[row["alpha_2"]] = {"alpha3": row["alpha_3"], "names": names}
    return {
        "source": SOURCE,
        "countries": countries,
        "aliases": {code: list(names) for code, names in sorted(ALIASES.items())},
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the JSON is out of date")
    parser.add_argument("--iso", type=Path, default=ISO_JSON, help="the iso_3166-1.json to read")
    args = parser.parse_args(argv)
    current = json.loads(OUT.read_text(encoding="utf-8")) if OUT.exists() else None
    if not args.iso.exists():
        if not args.check or current is None:
            print(f"{args.iso} not found: install the iso-codes package", file=sys.stderr)
            return 1
        wanted = {code: list(names) for code, names in sorted(ALIASES.items())}
        ok = current.get("aliases") == wanted
        print("aliases up to date" if ok else "aliases out of date: run without --check")
        return 0 if ok else 1
    data = build(args.iso)
    text = json.dumps(data, ensure_ascii=False, indent=1) + "\n"
    if args.check:
        ok = OUT.exists() and OUT.read_text(encoding="utf-8") == text
        print("up to date" if ok else f"{OUT.name} is out of date: run without --check")
        return 0 if ok else 1
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT} ({len(data['countries'])} countries)")  # type: ignore[arg-type]
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
