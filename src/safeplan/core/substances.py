"""Substance names and their classes, for suggestions while typing and for the combination table.

The names live in ``safeplan/data/substances.json`` (official and street names). Lookup is forgiving
about case and spacing. A name that is not known has no class unless the person gives one, and its
combinations are then "unknown", never "safe".
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from safeplan.core.sourced import load_data

DATA_FILE = "substances.json"


@dataclass(frozen=True)
class SubstanceClass:
    key: str
    label: str
    also: tuple[str, ...] = ()
    """Other classes this one belongs to as well (tramadol is also an opioid)."""


@dataclass(frozen=True)
class Substance:
    name: str
    cls: str
    aliases: tuple[str, ...] = ()
    also: tuple[str, ...] = ()
    """Classes this substance belongs to besides its main one (ayahuasca also acts as an MAOI)."""


def normalize(text: str) -> str:
    """Lower case, single spaces: the form names are compared in."""
    return " ".join(text.casefold().split())


@cache
def classes() -> dict[str, SubstanceClass]:
    raw = load_data(DATA_FILE)["classes"]
    return {
        key: SubstanceClass(key=key, label=item["label"], also=tuple(item.get("also", ())))
        for key, item in raw.items()
    }


CLASS_KEYS: tuple[str, ...] = (
    "opioid",
    "benzodiazepine",
    "alcohol",
    "ghb",
    "gabapentinoid",
    "stimulant",
    "mdma",
    "ketamine",
    "dxm",
    "tramadol",
    "ssri",
    "maoi",
    "cannabis",
    "psychedelic",
    "nicotine",
    "other",
)


@cache
def substances() -> tuple[Substance, ...]:
    raw = load_data(DATA_FILE)["substances"]
    return tuple(
        Substance(
            name=item["name"],
            cls=item["class"],
            aliases=tuple(item.get("aliases", ())),
            also=tuple(item.get("also", ())),
        )
        for item in raw
    )


@cache
def _index() -> dict[str, Substance]:
    index: dict[str, Substance] = {}
    for sub in substances():
        for name in (sub.name, *sub.aliases):
            index.setdefault(normalize(name), sub)
    return index


def lookup(text: str) -> Substance | None:
    """The known substance a name refers to, or None."""
    return _index().get(normalize(text))


def class_label(key: str) -> str:
    cls = classes().get(key)
    return cls.label if cls else key


def class_for(text: str) -> str:
    """The class key for a substance name, or "" when the name is not known."""
    sub = lookup(text)
    return sub.cls if sub else ""


def resolve_class(substance: str, given_class: str = "") -> str:
    """The class to store for an entry: the one the person gave if it is a known class, else the
    class of the name, else ""."""
    given = normalize(given_class)
    if given in classes():
        return given
    return class_for(substance)


def canonical_name(text: str) -> str:
    """The main name of a known substance ("xans" -> "alprazolam"), else the normalized text."""
    sub = lookup(text)
    return normalize(sub.name) if sub else normalize(text)


def identifiers(substance: str, substance_class: str = "") -> frozenset[str]:
    """Everything the combination table can match an entry on: its classes (with the classes they
    belong to as well) and its canonical name."""
    keys: set[str] = set()
    sub = lookup(substance)
    for key in (normalize(substance_class), sub.cls if sub else ""):
        if key in classes():
            keys.add(key)
    if sub:
        keys.update(sub.also)
    for key in list(keys):
        keys.update(classes()[key].also)
    keys.add(canonical_name(substance))
    return frozenset(keys)


@cache
def suggestion_words() -> tuple[str, ...]:
    """Every known name and street name, for an input suggester (main names first)."""
    names = [s.name for s in substances()]
    aliases = [a for s in substances() for a in s.aliases if len(a) > 1]
    return tuple(dict.fromkeys(names + aliases))


def describe(text: str) -> str:
    """ "xans (alprazolam, benzodiazepine)" style description, or the text itself."""
    sub = lookup(text)
    if sub is None:
        return text
    label = class_label(sub.cls)
    if normalize(sub.name) == normalize(text):
        return f"{text} ({label})"
    return f"{text} ({sub.name}, {label})"
