"""Exports of the plan: printable text, a wallet card, Markdown, and the whole vault as JSON.

Every format except JSON is rendered from one :class:`~safeplan.core.export.content.ExportContent`,
so the plan reads the same on paper, on a card and in Markdown. Only JSON holds everything (check-ins,
the use log, history); it is also the only format that can be imported again.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from safeplan.core import kept_country
from safeplan.core.export.card import render_card
from safeplan.core.export.content import ExportContent, build_content
from safeplan.core.export.jsonfile import export_json, import_payload
from safeplan.core.export.markdown import render_markdown
from safeplan.core.export.printing import send_to_printer
from safeplan.core.export.text import DEFAULT_WIDTH, render_text
from safeplan.core.models import VaultPayload

Format = Literal["text", "card", "markdown", "json"]
FORMATS: tuple[Format, ...] = ("text", "card", "markdown", "json")


def content_for(
    payload: VaultPayload, *, today: date | None = None, country: str | None = None
) -> ExportContent:
    return build_content(
        payload.plan,
        payload.harm_reduction,
        today=today,
        # --country > the kept country > the vault's setting > the locale (core.kept_country)
        country=kept_country.country(given=country, vault=payload.settings.country),
    )


def render(
    fmt: Format | str,
    payload: VaultPayload,
    *,
    width: int = DEFAULT_WIDTH,
    today: date | None = None,
    country: str | None = None,
) -> str:
    """The export of ``payload`` in one format, as text."""
    if fmt == "json":
        return export_json(payload)
    content = content_for(payload, today=today, country=country)
    if fmt == "text":
        return render_text(content, width)
    if fmt == "card":
        return render_card(content, payload.plan)
    if fmt == "markdown":
        return render_markdown(content)
    raise ValueError(f"unknown export format: {fmt}")


__all__ = [
    "FORMATS",
    "ExportContent",
    "Format",
    "build_content",
    "content_for",
    "export_json",
    "import_payload",
    "render",
    "send_to_printer",
]
