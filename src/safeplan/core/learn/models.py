"""The shape of the Learn cards and of the treatment and support lines, as pydantic records.

The cards live in ``safeplan/data/learn/<key>.json`` (one file a card) and the lines in
``safeplan/data/treatment/lines.json``. The lines reuse the crisis directory's records (a service,
its phone numbers and text options, sources, a verified date, a confidence level), so they are
held to the same rules: a dialable number, at least one source, a date, H or M confidence.
"""

from __future__ import annotations

from typing import Annotated, Literal, Self

from pydantic import Field, model_validator

from safeplan.core.crisis.models import (
    Confidence,
    CountryCode,
    InternationalDirectory,
    LongText,
    Record,
    Service,
    Source,
    Text,
    Verified,
)

Key = Annotated[str, Field(pattern=r"^[a-z][a-z0-9-]{1,40}$")]
SourceKey = Annotated[str, Field(pattern=r"^[a-z0-9-]{1,40}$")]
Summary = Annotated[str, Field(min_length=1, max_length=70)]
Title = Annotated[str, Field(min_length=1, max_length=60)]


class WhereToGet(Record):
    """Where to get this, for the countries a source names (never applied to everyone)."""

    countries: tuple[CountryCode, ...] = Field(min_length=1)
    text: LongText
    sources: tuple[SourceKey, ...] = Field(min_length=1)


class Card(Record):
    """One short card: plain paragraphs, what to try next, where to get it, and its sources."""

    schema_version: Literal[1]
    key: Key
    title: Title
    summary: Summary
    """One line for the list of topics."""
    paragraphs: tuple[LongText, ...] = Field(min_length=1, max_length=8)
    see_also: tuple[Text, ...] = ()
    """Commands or screens that go with the card, such as ``safeplan overdose``."""
    where: tuple[WhereToGet, ...] = ()
    elsewhere: LongText
    """Where to get this in a country with no line of its own (said kindly, with no promise)."""
    sources: dict[SourceKey, Source] = Field(min_length=1)
    verified: Verified

    @model_validator(mode="after")
    def _sources_known(self) -> Self:
        for line in self.where:
            for key in line.sources:
                if key not in self.sources:
                    raise ValueError(f"a where-to-get line names an unknown source {key!r}")
        seen: set[str] = set()
        for line in self.where:
            for code in line.countries:
                if code in seen:
                    raise ValueError(f"country {code} has two where-to-get lines")
                seen.add(code)
        return self

    def where_for(self, country: str | None) -> WhereToGet | None:
        if country is None:
            return None
        return next((w for w in self.where if country in w.countries), None)


class Finder(InternationalDirectory):
    """A national treatment finder: a website that lists local treatment, for one country."""

    id: Annotated[str, Field(pattern=r"^[a-z]{2}-[a-z0-9-]{1,60}$")]
    country: CountryCode
    confidence: Confidence


class Unconfirmed(Record):
    """A line the research looked for and could not confirm: named so nobody guesses it later."""

    country: CountryCode
    name: Text
    reason: LongText


class TreatmentFile(Record):
    schema_version: Literal[1]
    services: tuple[Service, ...] = ()
    finders: tuple[Finder, ...] = ()
    international: tuple[InternationalDirectory, ...] = Field(min_length=1)
    not_confirmed: tuple[Unconfirmed, ...] = ()

    @model_validator(mode="after")
    def _unique(self) -> Self:
        ids = [s.id for s in self.services] + [f.id for f in self.finders]
        if len(ids) != len(set(ids)):
            raise ValueError("an id is used twice")
        for service in self.services:
            if "substance_use" not in service.audience:
                raise ValueError(f"{service.id} is a treatment line but not for substance use")
        return self
