"""The one line that must still be on screen when long help has scrolled the top away.

In a terminal the last rows of a long output are the ones left in view, so a help text taller than
the screen ends by saying again what to call in danger and the first crisis line.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from safeplan.core.crisis import CountryHelp


def first_line(help_: CountryHelp) -> str | None:
    """The country's first crisis line in a few words ("Samaritans 116 123"), if it has one."""
    if help_.fallback or not help_.services:
        return None
    service = help_.services[0]
    if service.phones:
        return f"{service.name} {service.phones[0].display}"
    if service.texts:
        text = service.texts[0]
        keyword = f"{text.keyword} to " if text.keyword else ""
        return f"{service.name}: text {keyword}{text.display}"
    return None


def closing_reminder(help_: CountryHelp) -> str:
    """ "In danger right now? Call 999 or 112. Samaritans 116 123. The rest is above."."""
    numbers = help_.emergency_summary()
    danger = (
        f"In danger right now? Call {numbers}."
        if numbers
        else "In danger right now? Call your local emergency number (from a mobile, try 112)."
    )
    line = first_line(help_)
    return f"{danger} {line}. The rest is above." if line else f"{danger} The rest is above."
