"""Substance names and their classes, for suggestions while typing and for the combination rules.

The names live in ``safeplan/data/substances.json`` (official, brand and street names). A substance
may belong to several classes (tramadol is an opioid and acts on serotonin). Lookup is forgiving
about case and spacing. A name that is not known has no class unless the person gives one: it is
never guessed into a class, and its combinations are then "unknown", never "safe".

This module is on the quick path of ``safeplan combo``: it reads JSON only (no pydantic, no vault).
"""

from __future__ import annotations

import re
from functools import cache
from typing import NamedTuple

from safeplan.core.sourced import load_data

DATA_FILE = "substances.json"


class SubstanceClass(NamedTuple):
    key: str
    label: str
    also: tuple[str, ...] = ()
    """Other classes this one belongs to as well (tramadol is also an opioid)."""
    plain: str = ""
    """The class in plain words, with examples ("opioids (heroin, fentanyl...)")."""
    hidden: bool = False
    """Used by the rules only, never offered as a choice."""


class Substance(NamedTuple):
    name: str
    cls: str
    aliases: tuple[str, ...] = ()
    also: tuple[str, ...] = ()
    """Classes this substance belongs to besides its main one (ayahuasca also acts as an MAOI)."""
    lasts_hours: float = 0.0
    """How long after taking it this substance can still mix; 0 means the default."""
    lasts_why: str = ""


def normalize(text: str) -> str:
    """Lower case, single spaces: the form names are compared in."""
    return " ".join(text.casefold().split())


@cache
def classes() -> dict[str, SubstanceClass]:
    raw = load_data(DATA_FILE)["classes"]
    return {
        key: SubstanceClass(
            key=key,
            label=item["label"],
            also=tuple(item.get("also", ())),
            plain=item.get("plain", ""),
            hidden=bool(item.get("hidden", False)),
        )
        for key, item in raw.items()
    }


CLASS_KEYS: tuple[str, ...] = (
    "opioid",
    "benzodiazepine",
    "z_drug",
    "alcohol",
    "ghb",
    "gabapentinoid",
    "barbiturate",
    "muscle_relaxant",
    "phenibut",
    "xylazine",
    "antihistamine",
    "stimulant",
    "cathinone",
    "mdma",
    "ketamine",
    "dxm",
    "nitrous",
    "tramadol",
    "kratom",
    "ssri",
    "maoi",
    "lithium",
    "psychedelic",
    "pde5",
    "poppers",
    "cannabis",
    "nicotine",
    "other",
)
"""The classes a person can choose, in the order they are offered."""

DOWNERS: frozenset[str] = frozenset(
    {
        "opioid",
        "benzodiazepine",
        "z_drug",
        "alcohol",
        "ghb",
        "gabapentinoid",
        "barbiturate",
        "muscle_relaxant",
        "phenibut",
        "xylazine",
        "antihistamine",
    }
)
"""Classes that slow breathing ("downers"); kratom and tramadol count through their opioid class."""

UNKNOWN_SUPPLY: frozenset[str] = frozenset({"other"})
"""Classes that say nothing about what is in it: treated like an unknown substance."""


@cache
def default_lasts_hours() -> float:
    return float(load_data(DATA_FILE).get("default_lasts_hours", 24))


@cache
def substances() -> tuple[Substance, ...]:
    raw = load_data(DATA_FILE)["substances"]
    return tuple(
        Substance(
            name=item["name"],
            cls=item["class"],
            aliases=tuple(item.get("aliases", ())),
            also=tuple(item.get("also", ())),
            lasts_hours=float(item.get("lasts_hours", 0)),
            lasts_why=item.get("lasts_why", ""),
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


def class_keys(substance: str, substance_class: str = "") -> frozenset[str]:
    """Every class an entry belongs to: the given one, the name's own and the ones they imply."""
    keys: set[str] = set()
    sub = lookup(substance)
    known = classes()
    for key in (normalize(substance_class), sub.cls if sub else ""):
        if key in known:
            keys.add(key)
    if sub:
        keys.update(k for k in sub.also if k in known)
    todo = list(keys)
    while todo:
        for extra in known[todo.pop()].also:
            if extra not in keys and extra in known:
                keys.add(extra)
                todo.append(extra)
    return frozenset(keys)


def identifiers(substance: str, substance_class: str = "") -> frozenset[str]:
    """Everything the combination rules can match an entry on: its classes and its canonical name."""
    return class_keys(substance, substance_class) | {canonical_name(substance)}


def lasts_hours(substance: str) -> float:
    """How long after taking it a substance can still mix with another one."""
    sub = lookup(substance)
    if sub is not None and sub.lasts_hours > 0:
        return sub.lasts_hours
    return default_lasts_hours()


def is_downer(substance: str, substance_class: str = "") -> bool:
    return bool(class_keys(substance, substance_class) & DOWNERS)


def is_unknown_supply(substance: str, substance_class: str = "") -> bool:
    """A name safeplan does not know, with no class given or the class "other": it could hold
    anything, so it gets the ideas for an unknown supply (start low, test, not alone)."""
    if lookup(substance) is not None:
        return False
    return normalize(substance_class) in ("", *UNKNOWN_SUPPLY)


MAX_REGULAR = 30
"""How many regular medicines a person can keep (``Settings.regular_medicines``)."""


def parse_names(text: str | list[str], limit: int = MAX_REGULAR, longest: int = 200) -> list[str]:
    """Names typed as a comma-separated list (or several arguments): trimmed, without repeats,
    at most ``limit`` of them, each at most ``longest`` characters. Raises ValueError otherwise."""
    items = [text] if isinstance(text, str) else text
    names = [" ".join(part.split()) for item in items for part in item.split(",")]
    names = list(dict.fromkeys(n for n in names if n))
    if len(names) > limit or any(len(n) > longest for n in names):
        raise ValueError(f"up to {limit} names, each up to {longest} characters")
    return names


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


# --- Naming what was taken -------------------------------------------------------------------------


class Resolved(NamedTuple):
    """A name as the person typed it, and what safeplan knows about it."""

    text: str
    name: str
    """The substance's main name, or the text itself when safeplan does not know it."""
    classes: tuple[str, ...]
    known: bool

    @property
    def ids(self) -> frozenset[str]:
        return frozenset((*self.classes, normalize(self.name)))

    def describe(self) -> str:
        if not self.known and not self.classes:
            return f"{self.text} (not in safeplan's list)"
        said = {normalize(self.text), normalize(self.name)}
        shown = [class_label(k) for k in self.classes if _visible(k)]
        shown = [label for label in shown if normalize(label).split(" (")[0] not in said]
        # "cathinone (a stimulant)" already says stimulant.
        shown = [s for s in shown if not any(_names_inside(o, s) for o in shown if o != s)]
        main = self.name if normalize(self.name) != normalize(self.text) else ""
        inside = ", ".join(dict.fromkeys([main, *shown] if main else shown))
        return f"{self.text} ({inside})" if inside else self.text


def _names_inside(label: str, other: str) -> bool:
    return re.search(rf"\((?:an? )?{re.escape(other)}\)", label) is not None


def _visible(key: str) -> bool:
    cls = classes().get(key)
    return cls is not None and not cls.hidden


def resolve(text: str, given_class: str = "") -> Resolved:
    """What a typed name refers to. An unknown name keeps no class unless one is given."""
    sub = lookup(text)
    keys = class_keys(text, given_class)
    order = list(classes())
    main = resolve_class(text, given_class)
    return Resolved(
        text=" ".join(text.split()),
        name=sub.name if sub else " ".join(text.split()),
        classes=tuple(sorted(keys, key=lambda k: (k != main, order.index(k)))),
        known=sub is not None,
    )
