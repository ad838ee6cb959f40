"""Convert the reviewed emergency-number table into the data file safeplan ships.

    .venv/bin/python tools/crisis/build_emergency_numbers.py          # rewrite the JSON
    .venv/bin/python tools/crisis/build_emergency_numbers.py --check  # exit 1 if it is out of date

Input: ``tools/crisis/emergency-numbers.tsv`` (a copy of the research table: one row per ISO 3166-1
code with general / police / ambulance / fire numbers, reviewer notes, the source families and a
confidence H/M/L/NA; see ``docs/crisis-directory.md``).
Output: ``src/safeplan/data/crisis/emergency.json``.

Rules (the same ones the docs state):

* H and M rows are shipped as they are, with their confidence.
* NA rows (no population or no service) ship the country name only.
* Rows named in ``CORRECTIONS`` below get the reviewed correction laid over them (with its own
  sources and verified date).
* L rows ship nothing as fact, except the fields listed in ``L_ROWS_KEPT`` below. A field is kept only
  when the reviewer's notes do not name it as conflicting, single-source or swapped, the row is not
  marked as conflicting as a whole, and libphonenumber also lists that number as an emergency number
  for the region. Kept fields are shipped at confidence M with a note saying what is missing.

The reviewer notes are for maintainers; they are not shipped (a person in crisis needs numbers, not
a list of disagreeing datasets).
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
TSV = Path(__file__).with_name("emergency-numbers.tsv")
OUT = ROOT / "src" / "safeplan" / "data" / "crisis" / "emergency.json"

VERIFIED = "2026-11"
FIELDS = ("general", "police", "ambulance", "fire")

# Fields of L rows that are shipped (at confidence M), with the reason. Every other field of an L row
# is left out. Rows whose notes say the sources conflict as a whole (CD, CM, CW, ET, GN, GQ, GW, KI,
# LS, BL, SX) or that have no reliable data (KP, NF, TK) ship no number at all.
L_ROWS_KEPT: dict[str, tuple[dict[str, str], str]] = {
    "AF": ({"police": "119", "fire": "119"}, "the ambulance number"),
    "BF": ({"police": "17", "fire": "18"}, "the ambulance number"),
    "BI": ({"police": "117", "ambulance": "112"}, "the fire number"),
    "DJ": ({"police": "17", "fire": "18"}, "the ambulance number"),
    "GA": ({"police": "1730", "fire": "18"}, "the ambulance number"),
    "MG": ({"police": "117", "fire": "118"}, "the ambulance number"),
    # MR: police 117 and fire 118 are not emergency numbers in libphonenumber: nothing kept.
    "NA": ({"police": "10111"}, "the ambulance and fire numbers"),
    "PG": ({"ambulance": "111", "fire": "110"}, "the police number"),
    "TG": ({"police": "117", "fire": "118"}, "the ambulance number"),
    "TL": ({"police": "112", "fire": "115"}, "the ambulance number"),
    "TT": ({"police": "999", "fire": "990"}, "the ambulance number"),
    "TZ": ({"general": "112", "police": "112"}, "the ambulance and fire numbers"),
}

# The source families named in the table's `source` column, described once. Each country's record
# names the families that support it.
SOURCES: dict[str, dict[str, str]] = {
    "WP": {
        "name": "Wikipedia, List of emergency telephone numbers (CC BY-SA 4.0), as captured in "
        "public datasets: nienananas/EmergencyInfo (2025-01-12), roderickhsiao/emergency-numbers "
        "(2023-06-30), fernando-195/emergency-and-helplines-api (2026-08-08), "
        "DennisGross/aidlines (2024-09)",
        "url": "https://en.wikipedia.org/wiki/List_of_emergency_telephone_numbers",
    },
    "AOSP": {
        "name": "Android Open Source Project emergency-number data "
        "(packages/services/Telephony ecc/input/eccdata.txt, Apache-2.0; mirror of 2024-06)",
        "url": "https://android.googlesource.com/platform/packages/services/Telephony/",
        "date": "2024-06",
    },
    "LPN": {
        "name": "Google libphonenumber short-number metadata (Apache-2.0), "
        "from python phonenumbers 9.0.43",
        "url": "https://github.com/google/libphonenumber",
    },
}


# Corrections from the crisis-data review (2026-12-01, items 1, 10, 11 and section 2.2), applied
# over the research table: the table stays a faithful copy of the research, and each change is here
# with its reason. Every corrected number was checked on 2026-12-01 against stored copies of at
# least two independent public pages; what could not be checked on the service's own site is
# recorded in docs/crisis-directory.md. A correction replaces the fields it names, adds its sources
# to the row's, and sets the confidence, the note and the verified date.
CORRECTED = "2026-12-01"
CORRECTIONS: dict[str, dict[str, Any]] = {
    # 117 is in libphonenumber, but SAMU, the health ministry's ambulance service, answers on 106.
    "PE": {"ambulance": ["106"], "sources": ["PE-SAMU"], "confidence": "M"},
    # 108 is the emergency ambulance in most states; 102 transports pregnant women and newborns.
    "IN": {
        "ambulance": ["108"],
        "note": "102 is an ambulance for pregnant women, mothers and newborns.",
        "sources": ["IN-NHM"],
        "confidence": "H",
    },
    # 1990 Suwa Seriya is the free island-wide ambulance; 110 is Colombo's fire and rescue line.
    "LK": {
        "ambulance": ["1990"],
        "note": "1990 is Suwa Seriya, the free ambulance for the whole island.",
        "sources": ["LK-1990"],
        "confidence": "M",
    },
    # The research row conflicted as a whole; 911 is the number both islands' services publish.
    "CW": {"general": ["911"], "sources": ["CW-911"], "confidence": "M"},
    "SX": {"general": ["911"], "fire": ["919"], "sources": ["SX-911"], "confidence": "M"},
    # Saint-Barthélemy uses France's numbers; the SAMU of Guadeloupe answers 15 for the island.
    # 112 is left out: no source names it for Saint-Barthélemy.
    "BL": {
        "police": ["17"],
        "ambulance": ["15"],
        "fire": ["18"],
        "sources": ["BL-FR"],
        "confidence": "M",
    },
}
CORRECTION_SOURCES: dict[str, dict[str, str]] = {
    "PE-SAMU": {
        "name": "Peru's health ministry SAMU on the free 24-hour line 106: Agencia Andina "
        "(state news agency, 2016-10-04), El Comercio (2025-12-21), Infobae (2026-01-06), "
        "Gestión (2025-11-27)",
        "url": "https://andina.pe/agencia/noticia-en-casos-emergencia-medica-poblacion-puede-"
        "acudir-a-linea-gratuita-106-del-samu-633915.aspx",
        "date": "2026-01-06",
    },
    "IN-NHM": {
        "name": "National Health Mission, National Ambulance Service (108 emergency response, "
        "102 patient transport for pregnant women and children); Wikipedia, 102 (ambulance "
        "service)",
        "url": "http://nhm.gov.in/hi/nrhm-components/health-systems-strengthening/"
        "emri-patient-transport-service.html",
    },
    "LK-1990": {
        "name": "1990 Suwa Seriya, free island-wide ambulance: Daily FT (2018-01-04), The Island "
        "and OnLanka (2021-07-28), The Morning (2025-10, the health minister in Parliament)",
        "url": "http://www.ft.lk/front-page/1990-Suwasariya-emergency-ambulance-service-gets-"
        "fresh-boost/44-646455",
        "date": "2025-10",
    },
    "CW-911": {
        "name": "Curaçao police and fire brigade emergency number 911, as reported by "
        "Curaçao.nu (2021-04) and listed by libphonenumber",
        "url": "https://curacao.nu/brandweer-rukt-255-keer-uit-in-de-eerste-drie-maanden-van-2021/",
        "date": "2021-04",
    },
    "SX-911": {
        "name": "Sint Maarten Police Force (KPSM) statements: emergency hotline 911 (721news, "
        "2020-03-20 and 2022-07-19); fire department 919 (The Daily Herald)",
        "url": "https://www.721news.com/2022/07/philipsburg-police-station-closed-for-"
        "sterilization-and-disinfection/",
        "date": "2022-07-19",
    },
    "BL-FR": {
        "name": "France's emergency numbers (15 SAMU, 17 police, 18 fire), with SAMU 15 of "
        "Guadeloupe answering for Saint-Martin and Saint-Barthélemy: Guadeloupe la 1ère "
        "(2021-06-02); fire 18 also in libphonenumber",
        "url": "https://la1ere.francetvinfo.fr/guadeloupe/les-numeros-d-urgence-des-pompiers-du-"
        "samu-et-de-la-police-connaissent-des-dysfonctionnements-dans-plusieurs-departements-"
        "1024690.html",
        "date": "2021-06-02",
    },
}


def apply_correction(code: str, emergency: dict[str, Any] | None, row: dict[str, str]) -> Any:
    """The row's emergency record with the reviewed correction for ``code`` laid over it."""
    fix = CORRECTIONS[code]
    record: dict[str, Any] = dict(emergency or {})
    for field in FIELDS:
        if field in fix:
            record[field] = list(fix[field])
    record = {f: record[f] for f in FIELDS if record.get(f)}
    record["confidence"] = fix["confidence"]
    if "note" in fix:
        record["note"] = fix["note"]
    record["sources"] = [*sources_for(row["source"]), *fix["sources"]]
    record["verified"] = CORRECTED
    return record


def split_numbers(cell: str) -> list[str]:
    return [part.strip() for part in cell.split("/") if part.strip()]


def sources_for(cell: str) -> list[str]:
    out: list[str] = []
    for part in (p.strip() for p in cell.split(";")):
        if not part:
            continue
        family = part.split("[", 1)[0]
        if family not in SOURCES:
            raise SystemExit(f"Unknown source family {part!r}: add it to SOURCES.")
        out.append(family)
    return out


def is_lpn_emergency(number: str, region: str) -> bool:
    from phonenumbers import shortnumberinfo

    return bool(shortnumberinfo.is_emergency_number(number, region))


def build(rows: list[dict[str, str]]) -> dict[str, Any]:
    countries: dict[str, Any] = {}
    for row in rows:
        code = row["iso2"].strip()
        conf = row["confidence"].strip()
        entry: dict[str, Any] = {"name": row["country_name"].strip()}
        numbers: dict[str, list[str]] = {f: split_numbers(row[f]) for f in FIELDS}
        emergency: dict[str, Any] | None = None
        if conf in ("H", "M"):
            emergency = {f: numbers[f] for f in FIELDS if numbers[f]}
            emergency["confidence"] = conf
        elif conf == "L" and code in L_ROWS_KEPT:
            kept, missing = L_ROWS_KEPT[code]
            for field, number in kept.items():
                if number not in numbers[field]:
                    raise SystemExit(f"{code}: {field} {number} is not in the table any more.")
                if not is_lpn_emergency(number, code):
                    raise SystemExit(
                        f"{code}: {number} is not an emergency number in libphonenumber."
                    )
            emergency = {f: [kept[f]] for f in FIELDS if f in kept}
            emergency["confidence"] = "M"
            emergency["note"] = f"safeplan could not confirm {missing} here."
        elif conf not in ("L", "NA"):
            raise SystemExit(f"{code}: unknown confidence {conf!r}.")
        if emergency is not None:
            emergency["sources"] = sources_for(row["source"])
            emergency["verified"] = VERIFIED
        if code in CORRECTIONS:
            emergency = apply_correction(code, emergency, row)
        if emergency is not None:
            entry["emergency"] = emergency
        countries[code] = entry
    return {
        "schema_version": 1,
        "sources": {**SOURCES, **CORRECTION_SOURCES},
        "countries": dict(sorted(countries.items())),
    }


def render() -> str:
    """The JSON text: the sources indented, then one line per country (easy to review in a diff)."""
    with TSV.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    data = build(rows)
    sources = json.dumps(data["sources"], ensure_ascii=False, indent=1).replace("\n", "\n ")
    lines = [
        json.dumps(code) + ": " + json.dumps(entry, ensure_ascii=False)
        for code, entry in data["countries"].items()
    ]
    return (
        '{\n "schema_version": 1,\n "sources": '
        + sources
        + ',\n "countries": {\n  '
        + ",\n  ".join(lines)
        + "\n }\n}\n"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--check", action="store_true", help="only check the JSON is up to date")
    args = parser.parse_args(argv)
    text = render()
    if args.check:
        current = OUT.read_text(encoding="utf-8") if OUT.exists() else ""
        if current != text:
            sys.stderr.write(f"{OUT} is out of date: run this script without --check.\n")
            return 1
        return 0
    OUT.write_text(text, encoding="utf-8")
    sys.stdout.write(f"Wrote {OUT.relative_to(ROOT)} ({len(text)} bytes).\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
