"""What to show for one country: its emergency numbers, its crisis lines in the order a person
needs them (one audience first when asked, the lines for everyone always), and the international
directories; the fallback when safeplan has no line for it. Never the person's own contacts."""

from __future__ import annotations

from typing import Any, Literal, NamedTuple

from safeplan.core.crisis.directory import load_directory, normalise_country
from safeplan.core.crisis.entries import (
    AUDIENCES,
    Audience,
    Emergency,
    InternationalDirectory,
    Service,
    Source,
    as_json,
)

FallbackReason = Literal["no_country", "unknown_country", "no_lines"]


class CountryHelp(NamedTuple):
    """Everything the "get help now" views show for one country (never the person's own contacts)."""

    country: str | None
    country_name: str | None
    emergency: Emergency | None
    emergency_sources: tuple[Source, ...] = ()
    services: tuple[Service, ...] = ()
    local_service_ids: tuple[str, ...] = ()
    audience: Audience | None = None
    hidden_audiences: tuple[Audience, ...] = ()
    """Audiences with lines for this country that the current view leaves out."""
    international: tuple[InternationalDirectory, ...] = ()
    notes: tuple[str, ...] = ()
    fallback: bool = False
    """True when safeplan has no crisis line for this country: the international directories lead."""
    fallback_reason: FallbackReason | None = None

    def as_dict(self) -> dict[str, Any]:
        """Every field as plain JSON values (for ``safeplan crisis --json``)."""
        data: dict[str, Any] = as_json(self)
        return data

    def emergency_numbers(self) -> tuple[str, str] | None:
        """(numbers, what they reach) to call first in danger, e.g. ("999 or 112", "emergency")."""
        e = self.emergency
        if e is None:
            return None
        for label, numbers in (
            ("emergency", e.general),
            ("ambulance", e.ambulance),
            ("police", e.police),
            ("fire", e.fire),
        ):
            if numbers:
                return " or ".join(numbers), label
        return None

    def emergency_summary(self) -> str | None:
        """A short phrase for a status line: "999 or 112", "119 (ambulance)", or None."""
        first = self.emergency_numbers()
        if first is None:
            return None
        numbers, label = first
        return numbers if label == "emergency" else f"{numbers} ({label})"


def _order(
    services: tuple[Service, ...], audience: Audience | None, include_all: bool
) -> tuple[list[Service], set[Audience]]:
    everyone = [s for s in services if "everyone" in s.audience]
    chosen = (
        [s for s in services if audience in s.audience]
        if audience is not None and audience != "everyone"
        else []
    )
    first = chosen + [s for s in everyone if s not in chosen]  # the group asked for leads
    # --all adds every other group's lines after them (command-line review F21)
    shown = first + [s for s in services if s not in first] if include_all else first
    shown_ids = {s.id for s in shown}
    hidden: set[Audience] = {
        a for s in services if s.id not in shown_ids for a in s.audience if a != "everyone"
    }
    return shown, hidden


def help_for(
    country: str | None,
    *,
    audience: str | None = None,
    include_all_audiences: bool = False,
) -> CountryHelp:
    """What to show for ``country`` (an ISO code, or None when it is not known).

    By default the lines for everyone; ``audience`` puts that group's lines first (then the lines
    for everyone); ``include_all_audiences`` shows every line. An unknown country, or one without a
    confirmed line, falls back to its emergency number (when known) and the international
    directories.
    """
    d = load_directory()
    code = normalise_country(country)
    chosen: Audience | None = None
    if audience is not None:
        key = audience.strip().lower().replace("-", "_")
        by_name = {a: a for a in AUDIENCES}
        if key not in by_name:
            raise ValueError(f"unknown audience {audience!r}")
        chosen = by_name[key]
    reason: FallbackReason | None = None
    if code is None:
        reason = "no_country"
    elif code not in d.names:
        reason = "unknown_country"
    all_services = d.services_for(code) if code and reason is None else ()
    if reason is None and not all_services:
        reason = "no_lines"
    shown, hidden = _order(all_services, chosen, include_all_audiences)
    emergency = d.emergency_for(code) if code else None
    return CountryHelp(
        country=code,
        country_name=d.names.get(code) if code else None,
        emergency=emergency,
        emergency_sources=tuple(d.source(k) for k in emergency.sources) if emergency else (),
        services=tuple(shown),
        local_service_ids=tuple(s.id for s in shown if s.id in d.local_ids),
        audience=chosen,
        hidden_audiences=tuple(a for a in AUDIENCES if a in hidden),
        international=d.international,
        notes=d.notes.get(code, ()) if code else (),
        fallback=reason is not None,
        fallback_reason=reason,
    )
