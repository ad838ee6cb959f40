"""The crisis directory's records as they are used at run time: plain named tuples (immutable, and
made without the cost of dataclasses), built only for the country being shown.

``safeplan crisis`` must appear at the speed of the interpreter, so the quick path never imports
pydantic. The pydantic models in :mod:`safeplan.core.crisis.models` stay the source of truth: they
validate the shipped data in the tests and the build check (``tools/crisis/check_directory.py``),
and a person's override file whenever it is read. A test proves that building these records from
the raw JSON gives exactly what the models give, field for field, for every shipped record.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, NamedTuple, TypeAlias, TypeVar

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
    ``NESTED``) are built too, and a field the JSON leaves out keeps its default."""
    nested = NESTED.get(cls, {})
    values: dict[str, Any] = {}
    for name in cls._fields:  # type: ignore[attr-defined]
        value = raw.get(name)
        if value is None:
            continue
        if name in nested:
            value = tuple(build(nested[name], item) for item in value)
        elif isinstance(value, list):
            value = tuple(value)
        values[name] = value
    return cls(**values)


def as_json(record: object) -> Any:
    """A record (and the records in it) as plain JSON values: dicts, lists, strings, numbers."""
    if hasattr(record, "_asdict"):
        return {key: as_json(value) for key, value in record._asdict().items()}
    if isinstance(record, tuple | list):
        return [as_json(item) for item in record]
    return record


class Source(NamedTuple):
    """Where a fact comes from, as the research named it."""

    name: str
    url: str | None = None
    date: str | None = None
    """The source's own date, as it gives it (a year, a month or a day)."""


class PhoneNumber(NamedTuple):
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


class TextOption(NamedTuple):
    """A way to reach the service without speaking: SMS, WhatsApp, web chat or e-mail."""

    kind: TextKind
    display: str
    """The number as written locally (SMS, WhatsApp), the web address (chat) or the e-mail address."""
    dial: str | None = None
    keyword: str | None = None
    hours: str | None = None
    note: str | None = None
    confidence: Confidence | None = None


class Service(NamedTuple):
    """One crisis line or help service in one country."""

    id: str
    country: str
    name: str
    audience: tuple[Audience, ...]
    sources: tuple[Source, ...]
    verified: str
    confidence: Confidence
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
    website: str | None = None
    notes: tuple[str, ...] = ()
    """Caveats a person should know (hours unconfirmed, what to try if there is no answer)."""

    @property
    def always_open(self) -> bool:
        return self.hours == "24/7"


class Emergency(NamedTuple):
    """A country's emergency numbers. ``general`` reaches every service; the others where they differ."""

    confidence: Confidence
    sources: tuple[str, ...]
    """Keys into the ``sources`` table of the data file."""
    verified: str
    general: tuple[str, ...] = ()
    police: tuple[str, ...] = ()
    ambulance: tuple[str, ...] = ()
    fire: tuple[str, ...] = ()
    note: str | None = None

    def numbers(self) -> set[str]:
        return {*self.general, *self.police, *self.ambulance, *self.fire}


class InternationalDirectory(NamedTuple):
    """A directory that covers many countries: the fallback everywhere."""

    id: str
    name: str
    url: str
    display: str
    description: str
    sources: tuple[Source, ...]
    verified: str


NESTED: dict[type, dict[str, type]] = {
    Service: {"phones": PhoneNumber, "texts": TextOption, "sources": Source},
    InternationalDirectory: {"sources": Source},
}
"""The fields of a record that hold records of their own, for :func:`build`."""
