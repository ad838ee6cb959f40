"""A wallet card: at most 40 columns and 20 lines. The first warning signs, the top things to do,
two people to call, and a crisis line with the country its numbers are for. Long lines are shortened
with "..." rather than dropped."""

from __future__ import annotations

from safeplan.core.crisis import CountryHelp
from safeplan.core.export.content import ExportContent
from safeplan.core.export.crisis_help import emergency_words, first_line
from safeplan.core.export.layout import clip, truncate, wrap
from safeplan.core.models import Contact, CrisisLine, SafetyPlan

CARD_WIDTH = 40
CARD_LINES = 20


def _contacts(plan: SafetyPlan) -> list[str]:
    people: list[Contact] = [c for c in plan.help_contacts if c.phone]
    people += [c for c in plan.distraction_people if c.phone]
    people += [c for c in plan.help_contacts + plan.distraction_people if not c.phone]
    return [f"{c.name} {c.phone}".strip() for c in people[:2]]


def _crisis(plan: SafetyPlan, help_: CountryHelp) -> list[str]:
    """The person's own crisis line first; else the first lines of the directory's help."""
    own: list[CrisisLine] = [c for c in plan.crisis_lines if c.number]
    if own:
        return [f"{own[0].name} {own[0].number}"]
    line = first_line(help_)
    if line:
        return [line]
    if help_.international:
        return [f"Find one: {help_.international[0].display}"]
    return ["Find one: findahelpline.com"]


def _crisis_heading(help_: CountryHelp) -> str:
    """ "Crisis line (United Kingdom):": the card names the country its numbers are for (the
    code when the name is too long for the card)."""
    for where in (help_.country_name, help_.country):
        if where and len(heading := f"Crisis line ({where}):") <= CARD_WIDTH:
            return heading
    return "Crisis line:"


def _emergency(help_: CountryHelp) -> list[str]:
    numbers = emergency_words(help_)
    if numbers:
        return [truncate(f"In danger now: call {numbers}", CARD_WIDTH)]
    return ["In danger now: call your local", "emergency number."]


def render_card(content: ExportContent, plan: SafetyPlan) -> str:
    signs = [e.text for e in content.part("warning_signs").entries()]
    coping = [e.text for e in content.part("coping").entries()]
    contacts = _contacts(plan)
    crisis = _crisis(plan, content.crisis)
    emergency = _emergency(content.crisis)

    def item(text: str, most: int) -> list[str]:
        return clip(wrap(text, CARD_WIDTH, "- ", "  "), most, CARD_WIDTH)

    def build(n_signs: int, n_coping: int, most: int) -> list[str]:
        lines = ["MY SAFETY PLAN"]
        if signs:
            lines.append("When I notice:")
            lines += [x for s in signs[:n_signs] for x in item(s, most)]
        if coping:
            lines.append("I can:")
            lines += [x for s in coping[:n_coping] for x in item(s, most)]
        if contacts:
            lines.append("I can call:")
            lines += [truncate(f"- {c}", CARD_WIDTH) for c in contacts]
        lines.append(_crisis_heading(content.crisis))
        lines += [truncate(f"- {c}", CARD_WIDTH) for c in crisis]
        lines += emergency
        return lines

    # As many signs and steps as fit, each in up to two lines; the fewest is one of each.
    for most in (2, 1):
        n_signs, n_coping = 3, 4
        lines = build(n_signs, n_coping, most)
        while len(lines) > CARD_LINES and (n_signs > 1 or n_coping > 1):
            if n_coping > n_signs or n_signs == 1:
                n_coping -= 1
            else:
                n_signs -= 1
            lines = build(n_signs, n_coping, most)
        if len(lines) <= CARD_LINES:
            break
    return "\n".join(lines[:CARD_LINES]) + "\n"
