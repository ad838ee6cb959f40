"""Facts that carry their source: the shared record for a cited source, and the loader for the data
files shipped in :mod:`safeplan.data`.

Every harm-reduction fact and every row of the combination table names where it comes from and when
that was last checked, so that a person (or a reviewer) can follow it back and judge it.
"""

from __future__ import annotations

import json
from datetime import date
from functools import cache
from importlib import resources
from typing import Any, NamedTuple


class Source(NamedTuple):
    """A public source a fact rests on."""

    key: str
    publisher: str
    title: str
    url: str
    published: str = ""
    """When the source itself was published, as the source gives it (may be a year only)."""
    name: str = ""
    """The short name shown on screen (an agency's acronym, so that names such as "Substance Abuse
    and Mental Health Services Administration" are not printed after every note); "" = publisher."""
    covers: str = ""
    """What this source covers, in a sentence."""

    @property
    def shown(self) -> str:
        return self.name or self.publisher

    def cite(self) -> str:
        """One line: short name, title, date, address."""
        when = f" ({self.published})" if self.published else ""
        return f"{self.shown}: {self.title}{when}. {self.url}"

    def short(self) -> str:
        """Short name and title only, for tight spaces."""
        return f"{self.shown}: {self.title}"


@cache
def load_data(name: str) -> Any:
    """Parse a JSON file shipped in ``safeplan/data`` (cached: the files never change at run time)."""
    text = resources.files("safeplan.data").joinpath(name).read_text(encoding="utf-8")
    return json.loads(text)


def parse_sources(raw: dict[str, dict[str, str]]) -> dict[str, Source]:
    return {
        key: Source(
            key=key,
            publisher=item["publisher"],
            title=item["title"],
            url=item["url"],
            published=item.get("published", ""),
            name=item.get("name", ""),
            covers=item.get("covers", ""),
        )
        for key, item in raw.items()
    }


def parse_date(text: str) -> date:
    return date.fromisoformat(text)
