"""Loading the Learn cards and the treatment lines shipped in ``safeplan/data`` (validated, cached).

A small loader of its own (not the crisis directory's): these files are read only when a Learn
page or ``safeplan learn`` asks for them, and a broken file is a bug caught by the tests, so it
raises rather than hides.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources

from safeplan.core.learn.models import Card, TreatmentFile

# The order the topics are listed in: the ones that keep people alive first.
ORDER: tuple[str, ...] = (
    "naloxone",
    "stopping",
    "opioid-medicines",
    "alcohol-medicines",
    "tolerance",
    "mixing",
    "drug-checking",
    "injecting",
    "testing",
    "mental-health",
)

TREATMENT = "treatment"
"""The topic that lists drug and alcohol lines and treatment finders (``safeplan learn treatment``)."""

# Other words a person might type for a topic.
ALIASES: dict[str, str] = {
    "overdose": "naloxone",
    "narcan": "naloxone",
    "withdrawal": "stopping",
    "stop": "stopping",
    "detox": "stopping",
    "methadone": "opioid-medicines",
    "buprenorphine": "opioid-medicines",
    "moud": "opioid-medicines",
    "opioids": "opioid-medicines",
    "alcohol": "alcohol-medicines",
    "naltrexone": "alcohol-medicines",
    "acamprosate": "alcohol-medicines",
    "breaks": "tolerance",
    "mix": "mixing",
    "combo": "mixing",
    "checking": "drug-checking",
    "test-strips": "drug-checking",
    "strips": "drug-checking",
    "needles": "injecting",
    "syringes": "injecting",
    "hepatitis": "testing",
    "hep-c": "testing",
    "hiv": "testing",
    "prep": "testing",
    "mental": "mental-health",
    "mood": "mental-health",
    "lines": TREATMENT,
    "helplines": TREATMENT,
    "help": TREATMENT,
}


def _read(path: str) -> str:
    return resources.files("safeplan.data").joinpath(path).read_text(encoding="utf-8")


@cache
def cards() -> tuple[Card, ...]:
    """Every card, in :data:`ORDER`."""
    loaded = [Card.model_validate(json.loads(_read(f"learn/{key}.json"))) for key in ORDER]
    for key, card in zip(ORDER, loaded, strict=True):
        if card.key != key:
            raise ValueError(f"learn/{key}.json holds the card {card.key!r}")
    return tuple(loaded)


def resolve_topic(text: str) -> str | None:
    """The topic key for what someone typed ("Methadone", "hep c", "withdrawal"), or None."""
    word = "-".join(text.strip().lower().replace("_", " ").split())
    if word == TREATMENT or word in ORDER:
        return word
    return ALIASES.get(word)


def card(key: str) -> Card:
    for c in cards():
        if c.key == key:
            return c
    raise KeyError(key)


@cache
def treatment() -> TreatmentFile:
    return TreatmentFile.model_validate(json.loads(_read("treatment/lines.json")))
