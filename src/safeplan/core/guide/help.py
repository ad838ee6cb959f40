"""Crisis help from inside the guided session: the crisis lines for the person's country, their own
people from the plan, and (with someone helping) the "in danger right now" card. Shown, then the
session returns to the same question. Nothing here needs the passphrase beyond what is open."""

from __future__ import annotations

from collections.abc import Mapping

from safeplan.core.guide.words import DANGER_CARD, DANGER_TITLE, ON_MY_OWN_DANGER
from safeplan.core.models import VaultPayload, Voice


def guide_country(
    payload: VaultPayload,
    *,
    given: str | None = None,
    environ: Mapping[str, str] | None = None,
) -> str | None:
    """The country whose lines are shown: ``--country``, else the kept country, else the vault's
    setting, else the locale's guess (:mod:`safeplan.core.kept_country`)."""
    from safeplan.core.kept_country import choose

    return choose(given=given, vault=payload.settings.country, environ=environ).country


def danger_lines(voice: Voice, width: int = 80) -> list[str]:
    """The short card for the person helping, or one plain sentence for someone on their own."""
    from safeplan.core.crisis.render import wrap

    if voice != "with_someone":
        return wrap(ON_MY_OWN_DANGER, width)
    lines = [f"{DANGER_TITLE}:"]
    for line in DANGER_CARD:
        lines += wrap(line, width, "- ", "  ")
    return lines


def own_people_lines(payload: VaultPayload) -> list[str]:
    """The people and professionals in the person's own plan, with how to reach them."""
    from safeplan.core.sections import item_label

    plan = payload.plan
    people = [*plan.help_contacts, *plan.clinicians, *plan.crisis_lines]
    if not people:
        return []
    return ["People in your own plan:", *(f"- {item_label(p)}" for p in people)]


def help_lines(
    payload: VaultPayload, voice: Voice, country: str | None, width: int = 80
) -> list[str]:
    """Everything the plain guide shows for ``crisis`` or ``help``, as lines of at most ``width``."""
    from safeplan.core.crisis import help_for
    from safeplan.core.crisis.render import render_help_text

    lines = [*danger_lines(voice, width), ""]
    lines += render_help_text(help_for(country), width)
    people = own_people_lines(payload)
    if people:
        lines += ["", *people]
    return lines
