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

    def lines(self, part: str) -> list[str]:
        """The source in two lines: what it is and ``part`` (what covers the fact), then its
        address on a line of its own after a short label, so that a long address (an archived
        copy can run past 200 characters) never breaks the words around it and copies whole."""
        when = f" ({self.published})" if self.published else ""
        archived = any(a in self.url for a in _ARCHIVES)
        label = "Web (archived copy):" if archived else "Web:"
        return [f"Source: {self.short()}{when}. {part}", f"{label} {self.url}"]


_ARCHIVES = ("webharvest.gov/", "web.archive.org/")


def brief_sources(sources: list[Source], first: str, second: str, checked: str = "") -> str:
    """Sources in one short line ("Sources: FDA (2016-08-31), NIAAA, checked 2026-12-01."), with
    where to read them in full: after a use is logged, what to do comes before titles and addresses."""
    import shlex

    names = ", ".join(
        dict.fromkeys(f"{s.shown} ({s.published})" if s.published else s.shown for s in sources)
    )
    command = f"safeplan combo {shlex.quote(first)} {shlex.quote(second)}"
    return f"Sources: {names}{checked}. In full, with addresses: {command}"


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
