"""The crisis directory's records as they are used at run time: plain frozen dataclasses, built only
for the country being shown.

``safeplan crisis`` must appear at the speed of the interpreter, so the quick path never imports
pydantic. The pydantic models in :mod:`safeplan.core.crisis.models` stay the source of truth: they
validate the shipped data in the tests and the build check (``tools/crisis/check_directory.py``),
and a person's override file whenever it is read. A test proves that building these records from
the raw JSON gives exactly what the models give, field for field, for every shipped record.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from typing import Any, ClassVar, Literal, TypeAlias, TypeVar

Confidence: TypeAlias = Literal["H", "M"]
"""H: an official source, or two independent sources agree. M: one good source, or a few years old.
Entries the research rated L (unconfirmed or conflicting) are never shipped."""

Audience: TypeAlias = Literal[
    "everyone",
    "young_people",
    "veterans",
    "lgbtq",
    "trans",
    "substance_use",
    "domestic_violence",
    "poisoning",
    "indigenous",
]

AUDIENCES: tuple[Audience, ...] = (
    "everyone",
    "young_people",
    "veterans",
    "lgbtq",
    "trans",
    "substance_use",
    "domestic_violence",
    "poisoning",
    "indigenous",
)

AUDIENCE_LABELS: dict[Audience, str] = {
    "everyone": "everyone",
    "young_people": "young people",
    "veterans": "veterans and service members",
    "lgbtq": "LGBTQ+ people",
    "trans": "trans people",
    "substance_use": "substance use",
    "domestic_violence": "domestic violence",
    "poisoning": "poisoning and overdose of medicines",
    "indigenous": "First Nations and Indigenous peoples",
}

TextKind: TypeAlias = Literal["sms", "whatsapp", "chat", "email"]

Raw: TypeAlias = Mapping[str, Any]
"""One record as it stands in the JSON (already validated by the models)."""


R = TypeVar("R")


def build(cls: type[R], raw: Raw) -> R:
    """The record ``cls`` from its validated JSON: lists become tuples, nested records (named in
    the class's ``NESTED``) are built too, and a field the JSON leaves out keeps its default."""
    nested: Mapping[str, type] = getattr(cls, "NESTED", {})
    values: dict[str, Any] = {}
    for f in fields(cls):  # type: ignore[arg-type]
        value = raw.get(f.name)
        if value is None:
            continue
        if f.name in nested:
            value = tuple(build(nested[f.name], item) for item in value)
        elif isinstance(value, list):
            value = tuple(value)
        values[f.name] = value
    return cls(**values)


@dataclass(frozen=True, slots=True, kw_only=True)
class Source:
    """Where a fact comes from, as the research named it."""

    name: str
    url: str | None = None
    date: str | None = None
    """The source's own date, as it gives it (a year, a month or a day)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class PhoneNumber:
    display: str
    """As written locally, e.g. ``116 123`` or ``0800 111 0 111``."""
    dial: str
    note: str | None = None
    """What to do after dialling, or who the number is for (``then press 1``, ``Swedish``)."""
    hours: str | None = None
    """Only when this number's hours differ from the service's."""
    free: bool | None = None
    confidence: Confidence | None = None
    """Only when this number is less certain than the service as a whole."""


@dataclass(frozen=True, slots=True, kw_only=True)
class TextOption:
    """A way to reach the service without speaking: SMS, WhatsApp, web chat or e-mail."""

    kind: TextKind
    display: str
    """The number as written locally (SMS, WhatsApp), the web address (chat) or the e-mail address."""
    dial: str | None = None
    keyword: str | None = None
    hours: str | None = None
    note: str | None = None
    confidence: Confidence | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Service:
    """One crisis line or help service in one country."""

    NESTED: ClassVar[dict[str, type]] = {
        "phones": PhoneNumber,
        "texts": TextOption,
        "sources": Source,
    }

    id: str
    country: str
    name: str
    description: str | None = None
    region: str | None = None
    """Where it works, when that is less than the whole country."""
    phones: tuple[PhoneNumber, ...] = ()
    texts: tuple[TextOption, ...] = ()
    hours: str | None = None
    """``24/7``, or the opening hours in words; None when no source confirmed them."""
    free: bool | None = None
    languages: tuple[str, ...] = ()
    """ISO 639-1 codes, only where a source says so; empty means not recorded."""
    audience: tuple[Audience, ...]
    website: str | None = None
    notes: tuple[str, ...] = ()
    """Caveats a person should know (hours unconfirmed, what to try if there is no answer)."""
    sources: tuple[Source, ...]
    verified: str
    confidence: Confidence

    @property
    def always_open(self) -> bool:
        return self.hours == "24/7"


@dataclass(frozen=True, slots=True, kw_only=True)
class Emergency:
    """A country's emergency numbers. ``general`` reaches every service; the others where they differ."""

    general: tuple[str, ...] = ()
    police: tuple[str, ...] = ()
    ambulance: tuple[str, ...] = ()
    fire: tuple[str, ...] = ()
    confidence: Confidence
    note: str | None = None
    sources: tuple[str, ...]
    """Keys into the ``sources`` table of the data file."""
    verified: str

    def numbers(self) -> set[str]:
        return {*self.general, *self.police, *self.ambulance, *self.fire}


@dataclass(frozen=True, slots=True, kw_only=True)
class InternationalDirectory:
    """A directory that covers many countries: the fallback everywhere."""

    NESTED: ClassVar[dict[str, type]] = {"sources": Source}

    id: str
    name: str
    url: str
    display: str
    description: str
    sources: tuple[Source, ...]
    verified: str
