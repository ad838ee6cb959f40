"""Use my plan now, in plain text (``safeplan plan use``, and the plain menu's first entry): the walk
from :mod:`safeplan.core.walkthrough`, one step at a time, one line per answer, written for a screen
reader (no symbols to spell out, numbers said as "Step 2 of 7"), ending on what matters most and
"Do you feel safer now?"."""

from __future__ import annotations

import re
from datetime import date

from safeplan.cli.plain_answers import Answers
from safeplan.core import walkthrough as flow
from safeplan.core.crisis import help_for
from safeplan.core.crisis.wording import said_plainly
from safeplan.core.export.crisis_help import compact_lines
from safeplan.core.models import VaultPayload
from safeplan.core.sections import SECTIONS, item_label, items_in

ON_A_STEP = (
    "Press Enter for the next step. If one of these helped, type its number. "
    "You can also type back, or end to go to what matters most."
)
ON_A_LIST = (
    "Press Enter for the next step. You can also type back, or end to go to what matters most."
)
ON_THE_LAST = "Press Enter when you are ready."
SCREEN_LINES = 20
"""A block longer than this scrolls its first line off an 80x24 terminal."""


_NUMBER_GAP = re.compile(r"(?<=\d) (?=\d)")
_COUNTDOWN = re.compile(r"\b\d(?:-\d){2,}\b")
_ISO_DAY = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_ISO_MONTH = re.compile(r"\b(\d{4})-(\d{2})\b")


def for_listening(line: str) -> str:
    """The same words, easier to hear from a screen reader: "24/7" is said as a slash, and a date
    like 2026-11 as "two thousand and twenty-six dash eleven"."""

    def day(m: re.Match[str]) -> str:
        when = date(int(m[1]), int(m[2]), int(m[3]))
        return f"{when.day} {when:%B %Y}"

    def month(m: re.Match[str]) -> str:
        return f"{date(int(m[1]), int(m[2]), 1):%B %Y}"

    line = said_plainly(line)  # "24/7" in the same words as every crisis line
    line = _COUNTDOWN.sub(lambda m: m[0].replace("-", ", "), line)  # 5-4-3-2-1: not "dash"
    return _ISO_MONTH.sub(month, _ISO_DAY.sub(day, line))


def whole_numbers(text: str) -> str:
    """A phone number is never split across two lines: the spaces inside it do not break."""
    return _NUMBER_GAP.sub("\u00a0", text)


def crisis_block(payload: VaultPayload, country: str | None, width: int = 80) -> list[str]:
    """What to call now: the emergency number, the person's own people and professionals, then the
    crisis lines for their country."""
    help_ = help_for(country)
    lines = [for_listening(line) for line in compact_lines(help_, width)]
    own: list[str] = []
    for step in ("help", "professionals"):
        items = items_in(payload.plan, step)
        if items:
            own.append(f"{SECTIONS[step].title}:")
            own.extend(f"- {whole_numbers(item_label(item))}" for item in items)
    if own:
        lines = [*lines[:1], "", *own, "", *lines[1:]]
    if len(lines) > SCREEN_LINES and lines[0].startswith("In danger"):
        lines += ["", lines[0]]  # said again at the end, where the eye (and the ear) is now
    return lines


def _show(answers: Answers, view: flow.StepView) -> None:
    answers.say("", view.heading)
    for skipped in view.skipped:
        answers.say(skipped)
    answers.say(view.invite)
    for number, (label, note) in enumerate(zip(view.labels, view.notes, strict=True), 1):
        answers.say(f"{number}. {whole_numbers(label)}" + (f" ({note})" if note else ""))
    if view.way_round:
        answers.say(f"If something gets in the way: {view.way_round}")
    for tool in view.tools:
        words = for_listening(tool.label)
        answers.say(f"You could also try: {words} (the command safeplan {tool.command}).")
    if view.hope:
        answers.say("From your hope box:", *(f"- {text}" for text in view.hope))


def _step(
    answers: Answers, walk: flow.Walk, view: flow.StepView, country: str | None
) -> flow.StepView | None:
    """Ask what to do at one step; the next view, or None at the end of the last step."""
    how = ON_THE_LAST if view.last else (ON_A_STEP if view.tickable else ON_A_LIST)
    answers.say(how)
    while True:
        text = answers.line().lower()
        if view.tickable and text.isdigit() and 1 <= int(text) <= len(view.items):
            item = view.items[int(text) - 1]
            walk.note(view.step, [*walk.ticked(view.step), item.id], helped=True)
            answers.unsaved = "what helped"
            answers.say(flow.GLAD, how)
            continue
        if text in ("help", "crisis"):
            answers.say("", *crisis_block(walk.payload, country), "", how)
            continue
        if text == "back" and walk.can_go_back:
            back = walk.back()
            if back is not None:
                return back
        if text == "end" and not view.last:
            return walk.to_end()
        if not text:
            return None if view.last else walk.forward()
        answers.say(f"That is not one of the answers here. {how}")


def walk_plain(answers: Answers, payload: VaultPayload, country: str | None) -> bool:
    """The whole walk. Returns True when the vault changed (it needs saving)."""
    walk = flow.Walk(payload)
    if walk.plan_is_empty:
        answers.say(flow.EMPTY_PLAN, "", *crisis_block(payload, country))
        answers.say("", "When you feel ready, `safeplan guide` helps you write your plan.")
        return False
    answers.say(
        "Going through your plan, one step at a time. "
        "Type help at any step to see crisis lines and your people."
    )
    try:
        view = walk.start()
        while True:
            _show(answers, view)
            following = _step(answers, walk, view, country)
            if following is not None:
                view = following
                continue
            feeling = answers.choose(flow.SAFER_QUESTION, flow.SAFER_CHOICES)
            answers.say("", flow.ENDINGS[feeling])
            if feeling == "no":
                answers.say("", *crisis_block(payload, country))
                break
            if feeling == "a_bit":
                again = answers.choose("What would you like to do?", _AGAIN)
                if again:
                    view = walk.round_again()
                    continue
            if walk.asks_to_remember:
                walk.answer_remember(answers.choose(flow.REMEMBER_QUESTION, flow.REMEMBER_CHOICES))
            break
    finally:
        answers.unsaved = ""
        changed = walk.finish()
    return changed


_AGAIN: tuple[tuple[bool, str], ...] = ((True, flow.ROUND_AGAIN), (False, flow.FINISH_FOR_NOW))
