"""The overdose steps (core): sourced parts, the country's emergency number, laws only where the
sources show them, plain calm words, and the substance list the steps and rules rely on."""

from __future__ import annotations

import re

import pytest

from safeplan.core import overdose, substances

BANNED = re.compile(r"\b(abuse|addict\w*|clean|dirty|relapse\w*|victim)\b|!", re.IGNORECASE)


def test_every_part_is_sourced_and_calm() -> None:
    guide = overdose.guide("GB")
    for part in (*guide.signs, *guide.steps, guide.tell, *guide.laws):
        assert part.sources, part.text
        assert all(s.url.startswith(("https://", "http://")) for s in part.sources)
        assert not BANNED.search(part.text), part.text
    assert overdose.checked().year == 2026


@pytest.mark.parametrize(
    ("country", "number"), [("GB", "999 or 112"), ("US", "911"), ("AU", "000"), ("IE", "112")]
)
def test_the_call_uses_the_countrys_emergency_number(country: str, number: str) -> None:
    guide = overdose.guide(country)
    assert guide.known_number
    assert number in guide.emergency
    assert guide.steps[0].text.startswith(f"Call {guide.emergency} now.")


def test_no_country_still_says_what_to_call() -> None:
    guide = overdose.guide(None)
    assert not guide.known_number and guide.emergency == "your local emergency number"
    assert guide.laws == ()


def test_laws_are_shown_only_where_the_sources_show_them() -> None:
    assert "Good Samaritan Drug Overdose Act" in overdose.guide("CA").laws[0].text
    assert "most states" in overdose.guide("US").laws[0].text
    for country in ("GB", "AU", "DE", "IE", "NZ"):
        assert overdose.guide(country).laws == ()


def test_the_steps_say_what_a_worker_would_insist_on() -> None:
    text = " ".join(step.text for step in overdose.guide("GB").steps)
    for words in (
        "give it anyway",
        "another dose of naloxone",
        "one breath every 5 seconds",
        "on their side",
        "wear off before the drugs do",
        "xylazine",
        "seizure",
    ):
        assert words in text, words


def test_every_line_fits_80_columns_and_the_first_steps_are_short() -> None:
    for country in ("GB", "US", "CA", None):
        lines = overdose.guide(country).lines(78)
        assert all(len(line) <= 78 for line in lines if "://" not in line)
        assert len(overdose.guide(country).first_steps(78)) <= 8
    card = overdose.card_text("GB")
    assert card.endswith("\n") and "Sources (checked 2026-" in card


# The issue's substance list: each name resolves to the classes the rules need.
EXPECTED: list[tuple[str, set[str]]] = [
    ("methadone", {"opioid", "serotonergic_opioid"}),
    ("buprenorphine", {"opioid"}),
    ("fentanyl", {"opioid", "serotonergic_opioid"}),
    ("nitazenes", {"opioid"}),
    ("kratom", {"kratom", "opioid"}),
    ("tramadol", {"tramadol", "opioid", "serotonergic_opioid"}),
    ("etizolam", {"benzodiazepine"}),
    ("bromazolam", {"benzodiazepine"}),
    ("zolpidem", {"z_drug"}),
    ("zopiclone", {"z_drug"}),
    ("pregabalin", {"gabapentinoid"}),
    ("phenobarbital", {"barbiturate"}),
    ("soma", {"muscle_relaxant"}),
    ("phenibut", {"phenibut"}),
    ("gbl", {"ghb"}),
    ("beer", {"alcohol"}),
    ("ketamine", {"ketamine"}),
    ("robo", {"dxm"}),
    ("triple c", {"dxm", "antihistamine"}),
    ("nitrous", {"nitrous"}),
    ("molly", {"mdma"}),
    ("mephedrone", {"cathinone", "stimulant"}),
    ("crack", {"stimulant"}),
    ("meth", {"stimulant"}),
    ("acid", {"psychedelic"}),
    ("shrooms", {"psychedelic"}),
    ("2c-b", {"psychedelic"}),
    ("dmt", {"psychedelic"}),
    ("syrian rue", {"maoi", "psychedelic"}),
    ("moclobemide", {"maoi"}),
    ("sertraline", {"ssri"}),
    ("venlafaxine", {"ssri"}),
    ("lithium", {"lithium"}),
    ("tranq", {"xylazine"}),
    ("viagra", {"pde5"}),
    ("cialis", {"pde5"}),
    ("poppers", {"poppers"}),
    ("benadryl", {"antihistamine"}),
    ("lean", {"opioid", "antihistamine"}),
    ("weed", {"cannabis"}),
]


@pytest.mark.parametrize(("name", "classes"), EXPECTED, ids=[n for n, _ in EXPECTED])
def test_the_substance_list_covers_the_issue(name: str, classes: set[str]) -> None:
    assert substances.class_keys(name) == classes


def test_street_names_never_collide() -> None:
    seen: dict[str, str] = {}
    for sub in substances.substances():
        for alias in (sub.name, *sub.aliases):
            key = substances.normalize(alias)
            assert key not in seen, (alias, sub.name, seen.get(key))
            seen[key] = sub.name
    assert len(substances.substances()) >= 90
