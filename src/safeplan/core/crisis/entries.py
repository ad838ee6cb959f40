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
from dataclasses import dataclass
from typing import Any, Literal, TypeAlias

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


def _strs(raw: Raw, key: str) -> tuple[str, ...]:
    return tuple(raw.get(key) or ())


@dataclass(frozen=True, slots=True, kw_only=True)
class Source:
    """Where a fact comes from, as the research named it."""

    name: str
    url: str | None = None
    date: str | None = None
    """The source's own date, as it gives it (a year, a month or a day)."""

    @classmethod
    def from_raw(cls, raw: Raw) -> Source:
        return cls(name=raw["name"], url=raw.get("url"), date=raw.get("date"))


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

    @classmethod
    def from_raw(cls, raw: Raw) -> PhoneNumber:
        return cls(
            display=raw["display"],
            dial=raw["dial"],
            note=raw.get("note"),
            hours=raw.get("hours"),
            free=raw.get("free"),
            confidence=raw.get("confidence"),
        )


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

    @classmethod
    def from_raw(cls, raw: Raw) -> TextOption:
        return cls(
            kind=raw["kind"],
            display=raw["display"],
            dial=raw.get("dial"),
            keyword=raw.get("keyword"),
            hours=raw.get("hours"),
            note=raw.get("note"),
            confidence=raw.get("confidence"),
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class Service:
    """One crisis line or help service in one country."""

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

    @classmethod
    def from_raw(cls, raw: Raw) -> Service:
        return cls(
            id=raw["id"],
            country=raw["country"],
            name=raw["name"],
            description=raw.get("description"),
            region=raw.get("region"),
            phones=tuple(PhoneNumber.from_raw(p) for p in raw.get("phones") or ()),
            texts=tuple(TextOption.from_raw(t) for t in raw.get("texts") or ()),
            hours=raw.get("hours"),
            free=raw.get("free"),
            languages=_strs(raw, "languages"),
            audience=_strs(raw, "audience"),  # type: ignore[arg-type]
            website=raw.get("website"),
            notes=_strs(raw, "notes"),
            sources=tuple(Source.from_raw(s) for s in raw["sources"]),
            verified=raw["verified"],
            confidence=raw["confidence"],
        )

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

    @classmethod
    def from_raw(cls, raw: Raw) -> Emergency:
        return cls(
            general=_strs(raw, "general"),
            police=_strs(raw, "police"),
            ambulance=_strs(raw, "ambulance"),
            fire=_strs(raw, "fire"),
            confidence=raw["confidence"],
            note=raw.get("note"),
            sources=_strs(raw, "sources"),
            verified=raw["verified"],
        )

    def numbers(self) -> set[str]:
        return {*self.general, *self.police, *self.ambulance, *self.fire}


@dataclass(frozen=True, slots=True, kw_only=True)
class InternationalDirectory:
    """A directory that covers many countries: the fallback everywhere."""

    id: str
    name: str
    url: str
    display: str
    description: str
    sources: tuple[Source, ...]
    verified: str

    @classmethod
    def from_raw(cls, raw: Raw) -> InternationalDirectory:
        return cls(
            id=raw["id"],
            name=raw["name"],
            url=raw["url"],
            display=raw["display"],
            description=raw["description"],
            sources=tuple(Source.from_raw(s) for s in raw["sources"]),
            verified=raw["verified"],
        )
