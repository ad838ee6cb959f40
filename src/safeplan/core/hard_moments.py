"""What to offer now, after a hard answer: one definition, rendered by the CLI and the app alike.

The rule (``docs/checkins.md``):

* a check-in with suicidal thoughts or a self-harm urge above 0, but below the person's threshold,
  gets a short, warm acknowledgement and help one key (or one command) away: ``acknowledge``;
* at or above the threshold, a mood at or below the low-mood threshold, or PHQ-9 item 9 above 0,
  gets the support block: ``support``. Its most important part comes first, inside the first 20
  lines of an 80x24 terminal: the warm words, what to call in danger and one crisis line, then the
  plan's own coping steps, people and professionals (urgent care and out-of-hours numbers
  included), one way to be safer and one reason that matters, then the crisis lines;
* a strong urge to use (at or above the threshold) with nothing more to offer: ``urge``, the
  person's own harm-reduction ways and supporters, with the crisis lines one key away;
* anything else: ``calm`` (nothing extra is shown).

An empty plan never hears "here is what your plan says": it hears that the lines below are there
now. The front ends only choose the words for their keys (``Hints``) and how lines are drawn.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Literal

from safeplan.core.crisis import CountryHelp, Service, help_for
from safeplan.core.crisis.wording import said_plainly, text_words
from safeplan.core.models import CheckIn, Item, SelfCheck, Settings, VaultPayload
from safeplan.core.sections import SECTIONS, item_label
from safeplan.core.wrapping import wrap_words

Level = Literal["calm", "acknowledge", "urge", "support"]

_DIGIT_SPACE = re.compile(r"(?<=\d) (?=\+?\d)")
_GLUE = "\x00"


def _wrap(text: str, width: int, first: str = "", rest: str = "") -> list[str]:
    """Words wrapped to ``width``; a phone number ("0113 496 0000") is never split across lines."""
    glued = _DIGIT_SPACE.sub(_GLUE, text.replace(_GLUE, ""))
    return [line.replace(_GLUE, " ") for line in wrap_words(glued, width, first, rest)]


MAX_ITEMS = 2
"""Items shown from each part of the plan (the rest are counted), so the block stays short."""
MAX_PROFESSIONALS = 3
MAX_PUBLIC_LINES = 3

CHECKIN_SUPPORT = (
    "That sounds like a hard moment. Thank you for checking in. Here is what your plan says, if "
    "it helps. You don't have to do any of it."
)
CHECKIN_SUPPORT_EMPTY = (
    "That sounds like a hard moment. Thank you for checking in. Your plan has nothing written in "
    "it yet, and that is all right: the help below is there now, if you want it."
)
ITEM_9_SUPPORT = (
    "Thank you for answering that question. Thoughts like these are worth sharing with someone, "
    "and help is there now if you want it. Here is what your plan says."
)
ITEM_9_SUPPORT_EMPTY = (
    "Thank you for answering that question. Thoughts like these are worth sharing with someone, "
    "and help is there now if you want it. Your plan is empty for now; these lines are not."
)
URGE = (
    "A strong urge is hard to sit with. Thank you for noting it. Here is what you wrote in your "
    "harm-reduction plan, if it helps."
)
URGE_EMPTY = (
    "A strong urge is hard to sit with. Thank you for noting it. When you feel ready, your "
    "harm-reduction plan can hold your own ways through an urge and who supports you."
)
ACKNOWLEDGE = (
    "Thank you for noting how you are. Thoughts like these are worth sharing with someone you "
    "trust. Your plan and crisis lines are here whenever you want them."
)


@dataclass(frozen=True)
class Hints:
    """How each front end says "one key away"."""

    help: str
    """How to see every crisis line, e.g. "`safeplan crisis` (no passphrase needed)"."""
    plan: str
    """How to go through the plan, e.g. "Use my plan now: press w"."""
    country: str = ""
    """How to choose the country when it is not known, e.g. "`safeplan country GB`"."""


@dataclass(frozen=True)
class PlanPart:
    title: str
    items: tuple[str, ...]
    more: int = 0
    way_round: str = ""
    """The person's own way around what might get in the way of this step, in their words."""


@dataclass(frozen=True)
class Offer:
    """What to offer now. ``level == "calm"`` means nothing is shown."""

    level: Level
    intro: str = ""
    danger: str = ""
    first_line: str = ""
    parts: tuple[PlanPart, ...] = ()
    public_title: str = ""
    public_lines: tuple[str, ...] = field(default_factory=tuple)
    empty_plan: bool = False
    country_known: bool = True


# --- The rule --------------------------------------------------------------------------------------


def checkin_level(checkin: CheckIn, settings: Settings) -> Level:
    """``support`` at or above the threshold (or low mood), ``acknowledge`` for any other
    suicidal-thoughts or self-harm answer above 0, else ``calm``."""
    from safeplan.core.checkins import is_hard_checkin

    if is_hard_checkin(checkin, settings):
        return "support"
    urges = [v for v in (checkin.suicidal_thoughts, checkin.self_harm_urge) if v is not None]
    if any(v > 0 for v in urges):
        return "acknowledge"
    return "calm"


def item_9_level(answer: int | None) -> Level:
    """PHQ-9 item 9 above 0 brings the support block up at once."""
    return "support" if answer is not None and answer > 0 else "calm"


# --- What is offered -------------------------------------------------------------------------------


WAY_ROUND = "If something gets in the way"
"""The same words as the walk-through's, before the person's own way round a step's barrier."""


def _part(
    title: str, items: list[Item], limit: int = MAX_ITEMS, way_round: str = ""
) -> PlanPart | None:
    if not items:
        return None
    labels = tuple(item_label(i) for i in items[:limit])
    return PlanPart(title, labels, max(0, len(items) - limit), way_round)


def _people(payload: VaultPayload) -> list[Item]:
    seen: set[str] = set()
    people: list[Item] = []
    for c in (*payload.plan.help_contacts, *payload.harm_reduction.supporters):
        if c.id not in seen:
            seen.add(c.id)
            people.append(c)
    return people


def _professionals(payload: VaultPayload) -> list[Item]:
    """The first clinician and the first urgent care before the rest, so that out-of-hours and
    urgent-care numbers are never cut off by a long list."""
    plan = payload.plan
    first: list[Item] = [*plan.clinicians[:1], *plan.urgent_care[:1]]
    rest: list[Item] = [*plan.clinicians[1:], *plan.urgent_care[1:], *plan.crisis_lines]
    return first + rest


def plan_parts(payload: VaultPayload) -> tuple[PlanPart, ...]:
    """The plan's parts for a hard moment, each with the way round the person wrote for its step
    in the guided session (care review 1.2); the likelihood rating stays out (it is for planning)."""
    from safeplan.core.walkthrough import way_round_for

    plan = payload.plan
    found = [
        _part(SECTIONS["coping"].title, list(plan.coping), way_round=way_round_for(plan, "coping")),
        _part(SECTIONS["help"].title, _people(payload), way_round=way_round_for(plan, "help")),
        _part(SECTIONS["professionals"].title, _professionals(payload), MAX_PROFESSIONALS),
        _part(
            SECTIONS["environment"].title,
            list(plan.environment),
            1,
            way_round_for(plan, "environment"),
        ),
        _part(SECTIONS["reasons"].title, list(plan.reasons), 1),
    ]
    return tuple(p for p in found if p is not None)


def service_line(service: Service) -> str:
    """ "Samaritans: 116 123 (free, 24 hours)", or the first way to reach it without a phone."""
    if service.phones:
        phone = service.phones[0]
        extras = [
            x
            for x in (
                "free" if (phone.free or service.free) else "",
                said_plainly(phone.hours or ""),
            )
            if x
        ]
        tail = f" ({', '.join(extras)})" if extras else ""
        return f"{service.name}: {phone.display}{tail}"
    if service.texts:
        return f"{service.name}: {text_words(service.texts[0])}"
    return service.name


def _danger(help_: CountryHelp) -> str:
    summary = help_.emergency_summary()
    where = f" ({help_.country_name})" if help_.country_name and summary else ""
    if summary:
        return f"In danger right now? Call {summary}{where}."
    return "In danger right now? Call your local emergency number (112 works from many mobiles)."


def _public(help_: CountryHelp) -> tuple[str, tuple[str, ...]]:
    if help_.fallback or not help_.services:
        lines = tuple(f"{d.name}: {d.display}" for d in help_.international[:MAX_PUBLIC_LINES])
        return "Crisis lines around the world", lines
    where = help_.country_name or help_.country or ""
    title = f"Crisis lines ({where})" if where else "Crisis lines"
    return title, tuple(service_line(s) for s in help_.services[:MAX_PUBLIC_LINES])


def offer(
    level: Level, payload: VaultPayload, country: str | None, *, selfcheck: bool = False
) -> Offer:
    """Everything to show for ``level``; the country decides the public numbers."""
    if level == "calm":
        return Offer("calm")
    help_ = help_for(country)
    title, public = _public(help_)
    first = public[0] if public and not (help_.fallback or not help_.services) else ""
    known = help_.country_name is not None
    if level == "acknowledge":
        return Offer("acknowledge", ACKNOWLEDGE, _danger(help_), first, country_known=known)
    empty = payload.plan.is_empty() and not payload.harm_reduction.supporters
    if selfcheck:
        intro = ITEM_9_SUPPORT_EMPTY if empty else ITEM_9_SUPPORT
    else:
        intro = CHECKIN_SUPPORT_EMPTY if empty else CHECKIN_SUPPORT
    return Offer(
        "support",
        intro,
        _danger(help_),
        first,
        plan_parts(payload),
        title,
        public,
        empty,
        known,
    )


def harm_reduction_parts(payload: VaultPayload) -> tuple[PlanPart, ...]:
    """The person's own ways through an urge (their safer-use choices) and who supports them."""
    from safeplan.core.harm_reduction import strategy_title

    hr = payload.harm_reduction
    ways = [t.text for t in hr.own_strategies] + [strategy_title(k) for k in hr.strategies]
    found = []
    if ways:
        found.append(
            PlanPart(
                "What I do to stay safer", tuple(ways[:MAX_ITEMS]), max(0, len(ways) - MAX_ITEMS)
            )
        )
    if hr.supporters:
        people = tuple(item_label(c) for c in hr.supporters[:MAX_ITEMS])
        found.append(PlanPart("Who supports me", people, max(0, len(hr.supporters) - MAX_ITEMS)))
    return tuple(found)


def for_checkin(checkin: CheckIn, payload: VaultPayload, country: str | None) -> Offer:
    """The rule above; a strong urge to use (at or above the threshold) also brings the person's
    own harm-reduction plan when nothing more is offered."""
    level = checkin_level(checkin, payload.settings)
    urge = (
        checkin.use_urge is not None and checkin.use_urge >= payload.settings.hard_checkin_threshold
    )
    if level == "support" or not urge:
        return offer(level, payload, country)
    base = offer("acknowledge", payload, country)
    parts = harm_reduction_parts(payload)
    words = URGE if parts else URGE_EMPTY
    intro = f"{base.intro} {words}" if level == "acknowledge" else words
    return replace(base, level="urge", intro=intro, parts=parts)


def for_item_9(answer: int | None, payload: VaultPayload, country: str | None) -> Offer:
    return offer(item_9_level(answer), payload, country, selfcheck=True)


FOLLOW_UP_SCORE = 15
"""From this PHQ-9 or GAD-7 score on, a result suggests talking with someone soon."""


def selfcheck_result(check: SelfCheck) -> str:
    """The words after a self-check. After PHQ-9 item 9 above 0 no band word follows (a "minimal
    range" right after that answer reads as dismissive); a high score suggests a next step."""
    from safeplan.core.selfchecks import describe, needs_crisis_support, questionnaire, score

    if needs_crisis_support(check):
        q = questionnaire(check.instrument)
        return (
            f"{q.name}: {score(check)} of {q.max_score}. The help above is there whenever you "
            "need it, today or any day."
        )
    if score(check) >= FOLLOW_UP_SCORE:
        return (
            f"{describe(check)}. Scores in this range are worth talking about soon with a doctor "
            "or someone who supports you."
        )
    return f"{describe(check)}."


def after_locked_out(error: Exception) -> tuple[str, ...]:
    """What to add after a wrong passphrase or code, or a damaged vault, in the CLI (review 4.4):
    a next step, and that help still works without the passphrase. The app has ctrl+g in view."""
    from safeplan.core import errors

    lines: list[str] = []
    if isinstance(error, errors.VaultDamaged) and not error.backups:
        lines.append(
            "Your printed or exported plan still works. You can start a new vault with "
            "`safeplan init --vault NEW.json`; the damaged file stays as it is."
        )
    if isinstance(error, errors.WrongPassphrase | errors.VaultDamaged):
        lines.append("Crisis help needs no passphrase: `safeplan crisis`.")
    return tuple(lines)


# --- Plain lines (the CLI prints them; the app shows them) ------------------------------------------


def lines(found: Offer, hints: Hints, width: int = 80, height: int | None = None) -> list[str]:
    """The offer as plain lines no wider than ``width`` (a web address longer than that stays
    whole). Empty for ``calm``. With ``height`` (a terminal's rows), a block taller than that ends
    by repeating what to call, since its top has scrolled out of view."""
    out = _lines(found, hints, max(30, width))
    if height is not None and len(out) > height - 1 and found.level == "support":
        again = found.danger + (f" Or {found.first_line}." if found.first_line else "")
        out += ["", *_wrap(again + " The rest is above.", max(30, width))]
    return out


def _part_lines(part: PlanPart, width: int) -> list[str]:
    more = f" (and {part.more} more in your plan)" if part.more else ""
    out = _wrap(part.title + more, width)
    for label in part.items:
        out += _wrap(label, width, "  - ", "    ")
    if part.way_round:
        out += _wrap(f"{WAY_ROUND}: {part.way_round}", width, "  ", "    ")
    return out


def _lines(found: Offer, hints: Hints, width: int) -> list[str]:
    if found.level == "calm":
        return []
    out = _wrap(found.intro, width) + [""] + _wrap(found.danger, width)
    if found.first_line:
        out += _wrap(f"Or talk to {found.first_line}.", width)
    if not found.country_known and hints.country:
        out += _wrap(f"To see your country's crisis lines: {hints.country}.", width)
    if found.level == "acknowledge":
        return [*out, *_wrap(f"All crisis lines: {hints.help}. {hints.plan}.", width)]
    if found.level == "urge":
        for part in found.parts:
            out += ["", *_part_lines(part, width)]
        return [*out, "", *_wrap(f"All crisis lines: {hints.help}. {hints.plan}.", width)]
    for part in found.parts:
        out += ["", *_part_lines(part, width)]
    if found.public_lines:
        out += ["", found.public_title]
        for label in found.public_lines:
            out += _wrap(label, width, "  - ", "    ")
    out += ["", *_wrap(f"All crisis lines: {hints.help}.", width)]
    if not found.empty_plan:
        out += _wrap(f"{hints.plan}.", width)
    return out
