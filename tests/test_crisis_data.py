"""The shipped crisis directory, record by record: schema, dialable numbers, sources, dates, the
research table, and the numbers that must never be shipped."""

from __future__ import annotations

import importlib.util
import json
import re
from importlib import resources
from pathlib import Path

import phonenumbers
import pytest
from phonenumbers import PhoneMetadata, shortnumberinfo

from safeplan.core.crisis.directory import DATA_FILES, DATA_PACKAGE, builtin_directory
from safeplan.core.crisis.entries import Service
from safeplan.core.crisis.models import DirectoryFile
from safeplan.core.crisis.models import Service as CheckedService

ROOT = Path(__file__).resolve().parents[1]
D = builtin_directory()
SERVICES = {s.id: s for s in D.services}

# Short codes that libphonenumber's short-number data does not (yet) know, each with the research
# line that supports it. A new short code that libphonenumber does not know must be added here on
# purpose, with its evidence.
NATIONAL_SHORT_CODES: dict[tuple[str, str], str] = {
    ("NL", "113"): "113 Zelfmoordpreventie (nu.nl 2020-07; ANP 2025-10)",
    ("KR", "109"): "109 suicide-prevention line (hankookilbo; newspim 2024-01)",
    ("IN", "14416"): "Tele-MANAS (Lok Sabha replies 2025)",
    ("BR", "188"): "CVV (Globo 2018)",
    ("AR", "135"): "Centro de Asistencia al Suicida (lapostacomodorense 2025-09)",
    ("PH", "1553"): "NCMH Crisis Hotline (doh.gov.ph)",
    ("HK", "18111"): "18111 Mental Health Support Hotline (news.gov.hk)",
    ("PT", "1411"): "Linha Nacional de Prevenção do Suicídio (dn.pt, rtp.pt 2025-09)",
    ("GR", "1018"): "KLIMAKA (reader.gr 2025-10)",
    ("GR", "10306"): "Ministry of Health psychosocial line (reader.gr 2025-10)",
    ("TW", "1925"): "MOHW 1925 (udn 2025-08, 2026-02)",
    ("CL", "*4141"): "MINSAL suicide-prevention line (biobiochile 2023-01; latercera 2025-10)",
    ("PE", "113"): "Línea 113 (infobae 2024-12; larepublica 2025-08)",
    ("UA", "7333"): "Lifeline Ukraine (dzerkalo.media 2019; v-variant 2023)",
    ("EE", "116123"): "EU harmonised emotional-support number (Wikipedia 2026 capture)",
    ("LV", "116123"): "EU harmonised emotional-support number, Skalbes (Wikipedia captures)",
    ("NP", "1166"): "National Suicide Prevention Helpline (lokpath 2020-09)",
}

# Emergency numbers the research table ships (H or M) that libphonenumber does not list for the
# region. Each stays because the table's other source families support it; see the notes column of
# tools/crisis/emergency-numbers.tsv.
EMERGENCY_NOT_IN_LIBPHONENUMBER: dict[str, set[str]] = {
    "AM": {"911"},
    # Reviewed corrections (tools/crisis/build_emergency_numbers.py CORRECTIONS), each with two
    # independent sources checked on 2026-12-01:
    "PE": {"106"},  # SAMU (Agencia Andina; El Comercio 2025-12; Infobae 2026-01)
    "LK": {"1990"},  # Suwa Seriya (Daily FT 2018-01; The Morning 2025-10)
    "SX": {"911"},  # KPSM emergency hotline (721news 2020-03 and 2022-07)
    "BL": {"15", "17"},  # French SAMU and police (Guadeloupe la 1ère 2021-06)
    "CI": {"185"},
    "DZ": {"1548"},
    "EH": {"150"},
    "ES": {"091", "061", "080"},
    "GF": {"112"},
    "GH": {"112"},
    "GP": {"112"},
    "HN": {"911", "195", "198"},
    "HT": {"116", "115"},
    "KG": {"112"},
    "LY": {"1515"},
    "MA": {"190", "150"},
    "MM": {"192", "191"},
    "MU": {"112"},
    "MY": {"994"},
    "NC": {"112"},
    "NG": {"112"},
    "PA": {"104"},
    "PF": {"112"},
    "PM": {"112"},
    "RS": {"192", "194", "193"},
    "RW": {"912"},
    "SA": {"998"},
    "SB": {"911", "988"},
    "SN": {"15"},
    "SZ": {"977", "911", "933"},
    "UY": {"105", "104"},
    "UZ": {"102", "103", "101"},
    "VU": {"111", "113"},
}

# Numbers that are stale or wrong and must never be shipped (research: "never ship them").
STALE_DIALS = {
    "+448457909090",  # UK Samaritans' old number
    "08457909090",
    "+18002738255",  # US Lifeline's old 10-digit number: 988 is the line
    "18002738255",
    "+18334564566",  # Canada Suicide Prevention Service, superseded by 9-8-8
    "18334564566",
    "+27800567567",  # SADAG number seen only in a 2019 article
    "0800567567",
}
STALE_BY_COUNTRY = {("KR", "1393"), ("TR", "183"), ("TR", "182")}


def _all_dials() -> list[tuple[Service, str]]:
    out: list[tuple[Service, str]] = []
    for s in D.services:
        out.extend((s, p.dial) for p in s.phones)
        out.extend((s, t.dial) for t in s.texts if t.dial is not None)
    return out


def test_every_data_file_validates_against_the_schema() -> None:
    for name in DATA_FILES:
        text = resources.files(DATA_PACKAGE).joinpath(name).read_text(encoding="utf-8")
        DirectoryFile.model_validate_json(text)  # raises on any broken record


def test_a_record_with_a_missing_source_or_bad_date_is_refused() -> None:
    good = dict(next(iter(D.raw_services.values()))[0])
    for broken in (
        {**good, "sources": []},
        {**good, "verified": "last year"},
        {**good, "confidence": "L"},
        {**good, "phones": [{"display": "123", "dial": "12-3"}]},
        {**good, "extra_field": 1},
    ):
        with pytest.raises(ValueError):
            CheckedService.model_validate(broken)


@pytest.mark.parametrize("service", D.services, ids=lambda s: s.id)
def test_every_service_has_source_date_confidence_and_a_way_to_reach_it(service: Service) -> None:
    assert service.sources and all(src.name.strip() for src in service.sources)
    assert re.fullmatch(r"\d{4}-\d{2}(-\d{2})?", service.verified)
    assert service.confidence in ("H", "M")
    assert service.phones or service.texts
    assert service.country in D.names


@pytest.mark.parametrize(
    ("service", "dial"), _all_dials(), ids=lambda x: x.id if isinstance(x, Service) else x
)
def test_every_dial_is_valid_for_its_country(service: Service, dial: str) -> None:
    region = service.country
    if dial.startswith("+"):
        number = phonenumbers.parse(dial, None)
        assert phonenumbers.is_valid_number_for_region(number, region), (service.id, dial)
        return
    if (region, dial) in NATIONAL_SHORT_CODES:
        return
    number = phonenumbers.parse(dial, region)
    assert shortnumberinfo.is_valid_short_number_for_region(
        number, region
    ) or phonenumbers.is_valid_number_for_region(number, region), (
        f"{service.id}: {dial} is neither a full number nor a short code libphonenumber knows "
        "for its country; if the research supports it, add it to NATIONAL_SHORT_CODES"
    )


def test_the_short_code_allowance_only_lists_numbers_that_are_shipped() -> None:
    shipped = {(s.country, dial) for s, dial in _all_dials()}
    assert set(NATIONAL_SHORT_CODES) <= shipped


@pytest.mark.parametrize("code", sorted(D.emergency))
def test_emergency_numbers_agree_with_libphonenumber(code: str) -> None:
    record = D.emergency[code]
    assert record.sources and all(key in D.sources for key in record.sources)
    assert re.fullmatch(r"\d{4}-\d{2}(-\d{2})?", record.verified)
    if PhoneMetadata.short_metadata_for_region(code) is None:
        pytest.skip(f"libphonenumber has no short-number data for {code}")
    allowed = EMERGENCY_NOT_IN_LIBPHONENUMBER.get(code, set())
    for number in sorted(record.numbers()):
        if number in allowed:
            continue
        assert shortnumberinfo.is_emergency_number(number, code), (code, number)


def test_the_emergency_allowance_only_lists_numbers_that_are_shipped() -> None:
    for code, numbers in EMERGENCY_NOT_IN_LIBPHONENUMBER.items():
        assert numbers <= D.emergency[code].numbers(), code


def test_no_stale_number_is_shipped() -> None:
    for service, dial in _all_dials():
        assert dial not in STALE_DIALS, (service.id, dial)
        assert (service.country, dial) not in STALE_BY_COUNTRY, (service.id, dial)
    text = "\n".join(
        resources.files(DATA_PACKAGE).joinpath(n).read_text(encoding="utf-8") for n in DATA_FILES
    )
    for written in ("08457 90 90 90", "1-800-273-8255", "1-833-456-4566", "0800 567 567"):
        assert written not in text


@pytest.mark.parametrize(("country", "stale"), sorted(STALE_BY_COUNTRY))
def test_no_stale_number_is_shown_for_its_country(country: str, stale: str) -> None:
    from safeplan.core.crisis import help_for, render_help_text

    words = " ".join(render_help_text(help_for(country, include_all_audiences=True), 200)).replace(
        ".", " "
    )
    assert stale not in words.split()


def test_turkey_shows_112_and_never_183() -> None:
    assert "112" in D.emergency["TR"].general
    assert not D.services_for("TR")
    tr_text = json.dumps(D.notes.get("TR", ()))
    assert "183" not in tr_text and "112" in tr_text


def test_ids_are_unique_and_prefixed_by_country() -> None:
    ids = [s.id for s in D.services]
    assert len(ids) == len(set(ids))


def test_emergency_json_is_what_the_converter_makes_of_the_table() -> None:
    spec = importlib.util.spec_from_file_location(
        "build_emergency_numbers", ROOT / "tools" / "crisis" / "build_emergency_numbers.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    shipped = resources.files(DATA_PACKAGE).joinpath("emergency.json").read_text(encoding="utf-8")
    assert module.render() == shipped, "run tools/crisis/build_emergency_numbers.py"


def test_low_confidence_emergency_rows_ship_only_the_fields_kept_on_purpose() -> None:
    # Rows the table rates L: whole-row conflicts ship nothing; others only the kept fields, at M.
    for code in (
        "CD",
        "CM",
        "ET",
        "GN",
        "GQ",
        "GW",
        "KI",
        "LS",
        "KP",
        "NF",
        "MR",
    ):
        assert code in D.names and code not in D.emergency, code
    assert D.emergency["TZ"].general == ("112",) and not D.emergency["TZ"].ambulance
    assert D.emergency["TZ"].confidence == "M" and D.emergency["TZ"].note
    assert D.emergency["AF"].police == ("119",) and not D.emergency["AF"].ambulance
    assert D.emergency["TT"].fire == ("990",) and not D.emergency["TT"].ambulance


# --- Every country of the research table, against its numbers -----------------------------------

# country: (emergency numbers that must be listed, crisis-line dials that must be listed)
RESEARCH_TABLE: dict[str, tuple[set[str], set[str]]] = {
    "US": ({"911"}, {"988", "741741"}),
    "CA": ({"911"}, {"988", "+18006686868", "686868"}),
    "GB": ({"999", "112"}, {"116123", "85258"}),
    "IE": ({"112", "999"}, {"116123", "+3531800247247", "50808", "51444"}),
    "AU": ({"000", "112"}, {"131114", "+61477131114"}),
    "NZ": ({"111"}, {"1737", "+64800543354", "4357"}),
    "DE": ({"112", "110"}, {"+498001110111", "+498001110222"}),
    "AT": ({"112"}, {"142"}),
    "FR": ({"112", "15"}, {"3114"}),
    "ES": ({"112"}, {"024"}),
    "IT": ({"112"}, {"+390223272327"}),
    "NL": ({"112"}, {"113", "+318000113"}),
    "BE": ({"112"}, {"1813", "+3280032123"}),
    "SE": ({"112"}, {"90101", "90390"}),
    "NO": ({"113", "112"}, {"116123", "+4722400040"}),
    "DK": ({"112"}, {"+4570201201"}),
    "FI": ({"112"}, {"+358925250111"}),
    "JP": ({"119", "110"}, {"+81120279338"}),
    "KR": ({"119", "112"}, {"109"}),
    "IN": ({"112", "108"}, {"14416", "+9118008914416"}),
    "ZA": ({"10111", "10177", "112"}, {"+27800456789", "31393"}),
    "BR": ({"192", "190"}, {"188"}),
    "MX": ({"911"}, {"+528009112000"}),
    "AR": ({"911"}, {"135", "+541152751135"}),
    "SG": ({"995", "999"}, {"1767", "1771", "+6591511767"}),
    "PH": ({"911"}, {"1553", "+639190571553", "+639178998727"}),
    "HK": ({"999"}, {"18111", "+85228960000"}),
    "PT": ({"112"}, {"1411"}),
    "CH": ({"112", "144", "117"}, {"143", "147"}),
    "GR": ({"112"}, {"1018"}),
    "TW": ({"119", "110"}, {"1925", "1995"}),
    "CN": ({"120", "110"}, {"12356"}),
    "TH": ({"1669", "191"}, {"1323"}),
    "KE": ({"999", "112"}, {"1199"}),
    "CO": ({"123"}, {"106", "+573007548933"}),
    "CL": ({"131", "133"}, {"*4141"}),
    "PE": ({"105", "106"}, {"113"}),
    "UA": ({"112"}, {"7333"}),
    "HU": ({"112"}, {"116123"}),
    "IS": ({"112"}, {"1717"}),
    "LT": ({"112"}, {"116123", "+37080028888"}),
    "LK": ({"1990", "119"}, {"1926"}),
    "GH": ({"112"}, {"+233800678678"}),
}

# Lines the research marks M: shipped, but marked M.
RESEARCH_M_SERVICES = {"za-sadag", "se-hjalplinjen", "ar-casbsas", "dk-livslinien"}


@pytest.mark.parametrize("code", sorted(RESEARCH_TABLE))
def test_research_table_country_has_its_numbers(code: str) -> None:
    emergency, dials = RESEARCH_TABLE[code]
    assert code in D.emergency, f"no emergency numbers for {code}"
    assert emergency <= D.emergency[code].numbers(), code
    shipped = {dial for s, dial in _all_dials() if s.country == code}
    assert dials <= shipped, (code, dials - shipped)


def test_research_m_lines_are_marked_m() -> None:
    for service_id in RESEARCH_M_SERVICES:
        assert SERVICES[service_id].confidence == "M", service_id


def test_the_specialised_us_lines_are_shipped() -> None:
    expected = {
        "us-veterans-crisis-line": {"988", "838255"},
        "us-trevor-project": {"+18664887386", "678678"},
        "us-trans-lifeline": {"+18775658860"},
        "us-samhsa-helpline": {"+18006624357"},
        "us-poison-help": {"+18002221222"},
        "us-never-use-alone": {"+18004843731"},
        "us-domestic-violence-hotline": {"+18007997233", "88788"},
    }
    for service_id, dials in expected.items():
        s = SERVICES[service_id]
        got = {p.dial for p in s.phones} | {t.dial for t in s.texts if t.dial}
        assert dials <= got, service_id
        assert "everyone" not in s.audience, service_id
    assert {p.dial for p in SERVICES["ca-trans-lifeline"].phones} == {"+18773306366"}
    assert {p.dial for p in SERVICES["ca-nors"].phones} == {"+18886886677"}
    trevor_text = SERVICES["us-trevor-project"].texts[0]
    assert trevor_text.keyword == "START" and trevor_text.confidence == "M"


def test_livslinien_claims_no_hours() -> None:
    s = SERVICES["dk-livslinien"]
    assert s.hours is None and s.confidence == "M"
    assert any("livslinien.dk" in n for n in s.notes)
    assert not s.texts  # skrivdet.dk is not confirmed anywhere else


def test_telefono_amico_is_not_24_7_and_has_no_whatsapp() -> None:
    s = SERVICES["it-telefono-amico"]
    assert not s.always_open and s.hours and "10:00" in s.hours
    assert not any(t.kind == "whatsapp" for t in s.texts)


def test_the_reviewed_emergency_corrections_are_shipped() -> None:
    # crisis-data review 2026-12-01, items 1, 10, 11 and section 2.2
    assert D.emergency["PE"].ambulance == ("106",) and "117" not in D.emergency["PE"].numbers()
    assert D.emergency["IN"].ambulance == ("108",) and "102" in (D.emergency["IN"].note or "")
    assert D.emergency["LK"].ambulance == ("1990",)
    assert D.emergency["CW"].general == ("911",)
    assert D.emergency["SX"].general == ("911",)
    assert D.emergency["BL"].ambulance == ("15",) and D.emergency["BL"].fire == ("18",)
    for code in ("PE", "IN", "LK", "CW", "SX", "BL"):
        assert D.emergency[code].verified == "2026-12-01", code
        assert len(D.emergency[code].sources) >= 2, code


def _best(service: Service) -> bool:
    """A free, 24/7, national line that two sources confirm."""
    return (
        service.hours == "24/7"
        and bool(service.free)
        and service.region is None
        and service.confidence == "H"
    )


@pytest.mark.parametrize("country", sorted(D.countries_with_lines()))
def test_a_free_24_7_national_line_comes_before_lines_with_fewer_hours_or_less_certainty(
    country: str,
) -> None:
    # "a free 24/7 national line is listed before lines with fewer hours or less certainty"
    everyone = [s for s in D.services_for(country) if "everyone" in s.audience]
    for i, service in enumerate(everyone):
        if _best(service):
            lesser = [s.id for s in everyone[:i] if s.hours != "24/7" or s.confidence != "H"]
            assert not lesser, (country, service.id, lesser)


def test_a_24_7_line_comes_before_an_office_hours_one() -> None:
    assert [s.id for s in D.services_for("ID")][:2] == ["id-dpatens-24", "id-sejiwa"]
    assert [s.id for s in D.services_for("AR")][0] == "ar-salud-mental"
    assert [s.id for s in D.services_for("CZ")][0] == "cz-prazska-linka-duvery"


def test_the_reviewed_lines_are_shipped() -> None:
    # crisis-data review 2026-12-01, items 14, 15 and 17, and section 1.4
    dials = {(s.country, p.dial) for s in D.services for p in s.phones}
    for expected in (
        ("DE", "116123"),
        ("GB", "+448088088000"),
        ("GB", "+448000684141"),
        ("GB", "+448001111"),
        ("AU", "+611300224636"),
        ("AU", "+611300659467"),
        ("AU", "+611800551800"),
        ("NZ", "+64508828865"),
        ("AU", "139276"),
        ("CA", "+18552423310"),
    ):
        assert expected in dials, expected
    nhs = SERVICES["gb-nhs-111"]
    assert nhs.region == "England and Wales" and "Wales, press 2" in (nhs.phones[0].note or "")
    for sid in ("gb-shout", "gb-nhs-111", "ie-samaritans", "fr-3114", "es-024"):
        assert SERVICES[sid].hours == "24/7" and SERVICES[sid].free, sid
    assert SERVICES["nz-1737"].hours == "24/7" and SERVICES["nz-lifeline"].hours == "24/7"
    assert "English or French" not in (SERVICES["ca-988"].description or "")
    for sid in ("au-13yarn", "ca-hope-for-wellness"):
        assert SERVICES[sid].audience == ("indigenous",), sid
