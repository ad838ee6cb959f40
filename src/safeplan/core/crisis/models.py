"""The shape of the crisis directory: every record the shipped data and a local override file hold.

The same models validate the built-in data (``safeplan/data/crisis/*.json``, in the tests and the
build check ``tools/crisis/check_directory.py``) and a person's or an organisation's override file
(whenever it is read), so a local service is held to the same rules as a shipped one: a dialable
number, a source and a verified date on every record, and a confidence level.

At run time the shipped data is not passed through these models (that would cost more than the
interpreter's own start): :mod:`safeplan.core.crisis.entries` holds the plain records built from
it, and a test proves the two agree on every shipped record.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal, Self

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from safeplan.core.crisis import entries
from safeplan.core.crisis.entries import AUDIENCE_LABELS, AUDIENCES, Audience, Confidence

__all__ = [
    "AUDIENCES",
    "AUDIENCE_LABELS",
    "Audience",
    "Confidence",
    "CountryEntry",
    "DirectoryFile",
    "Emergency",
    "InternationalDirectory",
    "PhoneNumber",
    "Service",
    "Source",
    "TextOption",
    "validate_file",
]

SCHEMA_VERSION = 1

CountryCode = Annotated[str, Field(pattern=r"^[A-Z]{2}$")]
Dial = Annotated[str, Field(pattern=r"^(\+[1-9][0-9]{6,14}|\*?[0-9]{2,15})$")]
"""What a phone dials: E.164 (``+4480...``) for full numbers, the digits for a national short code."""
ShortCode = Annotated[str, Field(pattern=r"^[0-9]{2,8}$")]
Verified = Annotated[str, Field(pattern=r"^[0-9]{4}-[0-9]{2}(-[0-9]{2})?$")]
"""The date the record was last checked: YYYY-MM or YYYY-MM-DD."""
Text = Annotated[str, Field(min_length=1, max_length=400)]
LongText = Annotated[str, Field(min_length=1, max_length=1000)]
LanguageCode = Annotated[str, Field(pattern=r"^[a-z]{2,3}$")]


class Record(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        hide_input_in_errors=True,
        str_strip_whitespace=True,
    )


class Source(Record):
    """Where a fact comes from, as the research named it."""

    name: Text
    url: Text | None = None
    date: Text | None = None
    """The source's own date, as it gives it (a year, a month or a day)."""


class PhoneNumber(Record):
    display: Text
    """As written locally, e.g. ``116 123`` or ``0800 111 0 111``."""
    dial: Dial
    note: Text | None = None
    """What to do after dialling, or who the number is for (``then press 1``, ``Swedish``)."""
    hours: Text | None = None
    """Only when this number's hours differ from the service's."""
    free: bool | None = None
    confidence: Confidence | None = None
    """Only when this number is less certain than the service as a whole."""


TextKind = Literal["sms", "whatsapp", "chat", "email"]


class TextOption(Record):
    """A way to reach the service without speaking: SMS, WhatsApp, web chat or e-mail."""

    kind: TextKind
    display: Text
    """The number as written locally (SMS, WhatsApp), the web address (chat) or the e-mail address."""
    dial: Dial | None = None
    keyword: Annotated[str, Field(pattern=r"^[A-Za-z0-9]{1,20}$")] | None = None
    hours: Text | None = None
    note: Text | None = None
    confidence: Confidence | None = None

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        if self.kind in ("sms", "whatsapp") and self.dial is None:
            raise ValueError(f"a {self.kind} option needs a dial number")
        if self.kind in ("chat", "email") and (self.dial is not None or self.keyword is not None):
            raise ValueError(f"a {self.kind} option takes no dial number or keyword")
        if self.kind == "email" and "@" not in self.display:
            raise ValueError("an email option needs an e-mail address")
        if self.keyword is not None and self.kind != "sms":
            raise ValueError("only an sms option takes a keyword")
        return self


class Service(Record):
    """One crisis line or help service in one country."""

    id: Annotated[str, Field(pattern=r"^[a-z]{2}-[a-z0-9-]{1,60}$")]
    country: CountryCode
    name: Text
    description: LongText | None = None
    region: Text | None = None
    """Where it works, when that is less than the whole country."""
    phones: tuple[PhoneNumber, ...] = ()
    texts: tuple[TextOption, ...] = ()
    hours: Text | None = None
    """``24/7``, or the opening hours in words; None when no source confirmed them."""
    free: bool | None = None
    languages: tuple[LanguageCode, ...] = ()
    """ISO 639-1 codes, only where a source says so; empty means not recorded."""
    audience: tuple[Audience, ...] = Field(min_length=1)
    website: Text | None = None
    notes: tuple[LongText, ...] = ()
    """Caveats a person should know (hours unconfirmed, what to try if there is no answer)."""
    sources: tuple[Source, ...] = Field(min_length=1)
    verified: Verified
    confidence: Confidence

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        if not self.id.startswith(self.country.lower() + "-"):
            raise ValueError("a service id starts with its country code in lower case and a dash")
        if not self.phones and not self.texts:
            raise ValueError("a service needs at least one phone number or text option")
        if len(set(self.audience)) != len(self.audience):
            raise ValueError("an audience is listed twice")
        return self

    @property
    def always_open(self) -> bool:
        return self.hours == "24/7"

    def plain(self) -> entries.Service:
        """The same service as the plain record the renderers take."""
        return entries.build(entries.Service, self.model_dump(mode="json"))


class Emergency(Record):
    """A country's emergency numbers. ``general`` reaches every service; the others where they differ."""

    general: tuple[ShortCode, ...] = ()
    police: tuple[ShortCode, ...] = ()
    ambulance: tuple[ShortCode, ...] = ()
    fire: tuple[ShortCode, ...] = ()
    confidence: Confidence
    note: LongText | None = None
    sources: tuple[Annotated[str, Field(pattern=r"^[A-Za-z0-9_-]{1,40}$")], ...] = Field(
        min_length=1
    )
    """Keys into the ``sources`` table of the data file."""
    verified: Verified

    @model_validator(mode="after")
    def _some_number(self) -> Self:
        if not (self.general or self.police or self.ambulance or self.fire):
            raise ValueError("an emergency record needs at least one number")
        return self

    def numbers(self) -> set[str]:
        return {*self.general, *self.police, *self.ambulance, *self.fire}


class CountryEntry(Record):
    name: Text | None = None
    emergency: Emergency | None = None
    notes: tuple[LongText, ...] = ()


class InternationalDirectory(Record):
    """A directory that covers many countries: the fallback everywhere."""

    id: Annotated[str, Field(pattern=r"^[a-z0-9-]{1,40}$")]
    name: Text
    url: Text
    display: Text
    description: LongText
    sources: tuple[Source, ...] = Field(min_length=1)
    verified: Verified


class DirectoryFile(Record):
    """One data file: the built-in ones and a local override file share this shape."""

    schema_version: Literal[1]
    sources: dict[Annotated[str, Field(pattern=r"^[A-Za-z0-9_-]{1,40}$")], Source] = Field(
        default_factory=dict
    )
    countries: dict[CountryCode, CountryEntry] = Field(default_factory=dict)
    services: tuple[Service, ...] = ()
    international: tuple[InternationalDirectory, ...] = ()


def _validation_summary(exc: ValidationError) -> str:
    first = exc.errors()[0]
    where = ".".join(str(p) for p in first["loc"]) or "the top level"
    more = f" (and {exc.error_count() - 1} more)" if exc.error_count() > 1 else ""
    return f"{where}: {first['msg']}{more}"


def validate_file(data: Any, *, intro: str, after: str) -> tuple[dict[str, Any] | None, str | None]:
    """A data file checked by :class:`DirectoryFile`: (its validated JSON, None), or (None, a calm
    warning that starts with ``intro`` and ends with ``after``)."""
    try:
        checked = DirectoryFile.model_validate(data)
    except ValidationError as exc:
        return None, f"{intro}: {_validation_summary(exc)}. {after}"
    return checked.model_dump(mode="json"), None
