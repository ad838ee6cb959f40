"""Learn cards and treatment lines: every record validates, cites sources with a date, reads at
grade 8 or below (measured), and renders for a country without applying it to everyone."""

from __future__ import annotations

import json
from importlib import resources

import pytest
from pydantic import ValidationError

from safeplan.core.learn import (
    ORDER,
    TREATMENT,
    Card,
    card,
    card_lines,
    cards,
    grade,
    resolve_topic,
    topic_lines,
    treatment,
    treatment_lines,
)
from safeplan.core.learn.models import TreatmentFile
from safeplan.core.learn.readability import measure, sentence_count, syllables, words_of

GRADE_LIMIT = 8.0
REQUIRED_TOPICS = {
    "naloxone",
    "tolerance",
    "mixing",
    "drug-checking",
    "injecting",
    "testing",
    "opioid-medicines",
    "alcohol-medicines",
    "stopping",
    "mental-health",
}


# --- Readability: the formula, tested on hand-counted text --------------------------------------


@pytest.mark.parametrize(
    ("word", "count"),
    [
        ("cat", 1),
        ("water", 2),
        ("table", 2),
        ("little", 2),
        ("make", 1),
        ("makes", 1),
        ("walked", 1),
        ("wanted", 2),
        ("used", 1),
        ("places", 2),
        ("alone", 2),
        ("before", 2),
        ("free", 1),
        ("tolerance", 3),
        ("dangerous", 3),
        ("medicine", 3),
        ("naloxone", 3),
        ("buprenorphine", 4),
        ("overdose", 3),
        ("treatment", 2),
        ("hospital", 3),
        ("information", 4),
    ],
)
def test_syllables_of_hand_counted_words(word: str, count: int) -> None:
    assert syllables(word) == count


def test_flesch_kincaid_on_a_hand_counted_passage() -> None:
    # Counted by hand: 3 sentences; 7 + 8 + 7 = 22 words; 7 + 11 + 8 = 26 syllables.
    text = (
        "The cat sat on the warm mat. It was a quiet morning in the garden. "
        "Later the dog came out and barked."
    )
    m = measure(text)
    assert (m.sentences, m.words) == (3, 22)
    assert m.syllables == 26
    expected = 0.39 * (22 / 3) + 11.8 * (26 / 22) - 15.59
    assert m.grade == pytest.approx(expected)
    assert m.grade < 3


def test_harder_text_scores_higher() -> None:
    plain = "Call for help. Stay with them. Give the spray."
    dense = (
        "Pharmacological intervention utilising opioid antagonists necessitates "
        "subsequent continuous observation, considering pharmacokinetic differences."
    )
    assert grade(plain) < 2 < 12 < grade(dense)


def test_numbers_and_addresses_are_not_words() -> None:
    assert words_of("Call 1-800-662-4357 or see findtreatment.gov today.") == [
        "Call",
        "or",
        "see",
        "today",
    ]
    assert sentence_count("It costs 2.5 dollars. Then stop.") == 2
    assert measure("").grade == 0.0


# --- The cards -------------------------------------------------------------------------------------


def test_every_card_file_validates_and_the_required_topics_are_there() -> None:
    files = sorted(
        p.name
        for p in resources.files("safeplan.data").joinpath("learn").iterdir()
        if p.name.endswith(".json")
    )
    assert files == sorted(f"{k}.json" for k in ORDER)
    assert {c.key for c in cards()} >= REQUIRED_TOPICS


@pytest.mark.parametrize("key", ORDER)
def test_each_card_has_sources_a_date_and_reads_at_grade_8_or_below(key: str) -> None:
    c = card(key)
    assert c.sources and c.verified.startswith("2026-")
    for s in c.sources.values():
        assert s.url, f"{key}: every card source has an address"
    body = " ".join(c.paragraphs + (c.elsewhere,) + tuple(w.text for w in c.where))
    assert grade(body) <= GRADE_LIMIT, (key, round(grade(body), 1))
    for paragraph in c.paragraphs:
        assert grade(paragraph) <= 10, (key, paragraph)


@pytest.mark.parametrize("key", ORDER)
def test_cards_keep_the_language_guide(key: str) -> None:
    text = " ".join(card_lines(card(key), None, 80, sources=False)).lower()
    for word in ("abuse", "addict", "clean", "dirty", "junkie", "relapse"):
        assert word not in text.split(), (key, word)
    assert "!" not in text


def test_a_card_rejects_unknown_fields_and_unknown_sources_without_echoing_input() -> None:
    raw = json.loads(
        resources.files("safeplan.data").joinpath("learn/naloxone.json").read_text("utf-8")
    )
    with pytest.raises(ValidationError):
        Card.model_validate({**raw, "extra": "SECRET-WORDS"})
    bad = {**raw, "where": [{"countries": ["US"], "text": "x", "sources": ["nope"]}]}
    with pytest.raises(ValidationError) as info:
        Card.model_validate(bad)
    assert "SECRET" not in str(info.value)
    with pytest.raises(ValidationError):
        Card.model_validate({**raw, "sources": {}})


def test_where_to_get_names_the_country_and_is_never_applied_to_everyone() -> None:
    c = card("naloxone")
    us = "\n".join(card_lines(c, "US"))
    assert "Where to get this in United States" in us
    gb = "\n".join(card_lines(c, "GB"))
    assert "without a prescription" not in gb  # the US rule is not shown as if it held in the UK
    assert "Where to get this: Ask at a pharmacy" in gb
    nowhere = "\n".join(card_lines(c, None))
    assert "United States: A naloxone nose spray" in nowhere


def test_topics_resolve_from_what_people_type() -> None:
    assert resolve_topic("Methadone") == "opioid-medicines"
    assert resolve_topic("hep c") == "testing"
    assert resolve_topic(" Withdrawal ") == "stopping"
    assert resolve_topic("treatment") == TREATMENT
    assert resolve_topic("spaceships") is None
    listing = "\n".join(topic_lines())
    for key in ORDER:
        assert key in listing
    assert all(len(line) <= 80 for line in topic_lines())


# --- Treatment and support lines -------------------------------------------------------------------


def test_treatment_lines_validate_with_two_sources_for_every_number() -> None:
    data = treatment()
    assert isinstance(data, TreatmentFile)
    countries = {s.country for s in data.services} | {f.country for f in data.finders}
    assert {"US", "AU", "NZ", "GB"} <= countries
    for s in data.services:
        assert len(s.sources) >= 2, s.id
        assert s.verified == "2026-12-01"
    for f in data.finders:
        assert len(f.sources) >= 2, f.id
    # What could not be confirmed is recorded, not guessed.
    assert {u.country for u in data.not_confirmed} >= {"IE", "GB"}


def test_treatment_for_a_country_and_for_an_unknown_one() -> None:
    us = "\n".join(treatment_lines("US"))
    assert "1-800-662-4357" in us and "findtreatment.gov" in us and "Find A Helpline" in us
    ie = "\n".join(treatment_lines("IE"))
    assert "no confirmed drug and alcohol line for Ireland" in ie
    assert "1800 459 459" in ie  # named only as not confirmed, with the reason
    assert "Not shown: HSE Drugs and Alcohol Helpline" in ie
    unknown = "\n".join(treatment_lines("FR"))
    assert "findahelpline.com" in unknown
    none = "\n".join(treatment_lines(None))
    assert "No country is set" in none and "1-800-662-4357" not in none
    for country in ("US", "AU", "NZ", "GB", "IE", None):
        assert all(len(line) <= 80 for line in treatment_lines(country, 80))
