"""Shared CLI rendering of mixing notes and overdose first steps, for `safeplan use` and
`safeplan combo` (one engine, :mod:`safeplan.core.combinations`; command modules stay leaves).

Imports only the JSON-reading core modules, so `safeplan combo` stays light.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from safeplan.cli.formatting import wrap_text

if TYPE_CHECKING:
    from safeplan.core.combinations import CombinationNote


def render_notes(
    notes: Sequence[CombinationNote], intro: str, *, full_sources: bool = True
) -> list[str]:
    """The known notes (most serious first), then one line for every pair without a rule;
    ``full_sources`` off gives each note's sources in one short line (``safeplan use``)."""
    from safeplan.core.combinations import MixSummary

    summary = MixSummary.of(notes)
    lines: list[str] = []
    if summary.known:
        lines += ["", intro]
        for note in summary.known:
            lines.append("")
            for line in note.render(full_sources=full_sources).splitlines():
                lines += wrap_text(line, "", "  ")
    if summary.unknown:
        lines += ["", *wrap_text(summary.unknown_line())]
    return lines


def first_steps(country: str | None) -> list[str]:
    """What to do right now if the mix goes wrong, with the emergency number for the country."""
    from safeplan.core.overdose import guide

    lines = ["", *guide(country).first_steps(80)]
    lines += wrap_text("Every step: safeplan overdose")
    return lines
