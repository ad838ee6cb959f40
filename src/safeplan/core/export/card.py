"""A wallet card: at most 40 columns and 20 lines. The first warning signs, the top things to do,
two people to call, the one thing that matters most (when it fits), and a crisis line with the
country its numbers are for. Long lines are shortened with "..." rather than dropped."""

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


def _named(template: str, help_: CountryHelp) -> str | None:
    """``template`` with the country's name, or its code when the name is too long for the card."""
    for where in (help_.country_name, help_.country):
        if where and len(text := template.format(where)) <= CARD_WIDTH:
            return text
    return None


def _own_line(plan: SafetyPlan) -> bool:
    return any(c.number for c in plan.crisis_lines)


def _crisis_heading(help_: CountryHelp, plan: SafetyPlan) -> str:
    """ "Crisis line (United Kingdom):": the card names the country its numbers are for. A line the
    person chose is theirs, whatever the country, so it is not labelled with one."""
    if _own_line(plan):
        return "My crisis line:"
    return _named("Crisis line ({}):", help_) or "Crisis line:"


def _emergency(help_: CountryHelp, plan: SafetyPlan) -> list[str]:
    numbers = emergency_words(help_)
    if not numbers:
        return ["In danger now: call your local", "emergency number."]
    # Under the person's own line, the emergency number names its country itself.
    named = _named(f"In danger now ({{}}): call {numbers}", help_) if _own_line(plan) else None
    return [named or truncate(f"In danger now: call {numbers}", CARD_WIDTH)]


def _reason(content: ExportContent) -> str | None:
    """The first thing the person wrote under what matters most, in their words."""
    reasons = content.part("reasons").entries()
    return reasons[0].text if reasons else None


def render_card(content: ExportContent, plan: SafetyPlan) -> str:
    """The card: signs, things to do, people, the one thing that matters most (when it fits),
    then the crisis line and what to call in danger, which are always there."""
    signs = [e.text for e in content.part("warning_signs").entries()]
    coping = [e.text for e in content.part("coping").entries()]
    contacts = _contacts(plan)
    reason = _reason(content)
    crisis = _crisis(plan, content.crisis)
    emergency = _emergency(content.crisis, plan)

    def item(text: str, most: int) -> list[str]:
        return clip(wrap(text, CARD_WIDTH, "- ", "  "), most, CARD_WIDTH)

    def build(n_signs: int, n_coping: int, most: int, with_reason: bool) -> list[str]:
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
        if reason and with_reason:
            lines.append(f"{content.part('reasons').title}:")
            lines += item(reason, most)
        lines.append(_crisis_heading(content.crisis, plan))
        lines += [truncate(f"- {c}", CARD_WIDTH) for c in crisis]
        lines += emergency
        return lines

    # As many signs and steps as fit, each in up to two lines; the fewest is one of each. What
    # matters most stays while one sign and one step still fit beside it; else it is left out.
    for with_reason in (True, False):
        for most in (2, 1):
            n_signs, n_coping = 3, 4
            lines = build(n_signs, n_coping, most, with_reason)
            while len(lines) > CARD_LINES and (n_signs > 1 or n_coping > 1):
                if n_coping > n_signs or n_signs == 1:
                    n_coping -= 1
                else:
                    n_signs -= 1
                lines = build(n_signs, n_coping, most, with_reason)
            if len(lines) <= CARD_LINES:
                return "\n".join(lines) + "\n"
    return "\n".join(lines[:CARD_LINES]) + "\n"
