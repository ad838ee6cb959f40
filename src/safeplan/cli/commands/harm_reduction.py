"""`safeplan harm-reduction`: your own harm-reduction plan in plain text: see it, and add to it one
line at a time (a goal in your words, a safer-use idea, your own way, something that can set things
off, someone who supports you). Each addition is saved at once. Works with a screen reader and with
answers piped in; `--show` only shows it."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from safeplan.cli.common import add_command, open_store
from safeplan.core import errors

if TYPE_CHECKING:
    from safeplan.cli.plain_answers import Answers
    from safeplan.core.models import HarmReductionPlan

DONE = "done"
ADD_CHOICES: tuple[tuple[str, str], ...] = (
    ("goal", "A goal, in my own words"),
    ("strategy", "A safer-use idea"),
    ("own", "Something I do to stay safer, in my own words"),
    ("trigger", "Something that can set things off"),
    ("supporter", "Someone who supports me"),
    (DONE, "Nothing more for now"),
)


def register(sub: argparse._SubParsersAction[Any], common: argparse.ArgumentParser) -> None:
    p = add_command(
        sub,
        common,
        "harm-reduction",
        "your harm-reduction plan: see it, and add to it line by line",
        "safeplan.cli.commands.harm_reduction:harm_reduction",
        description="Your own harm-reduction plan: your goals (safer use, using less or stopping: "
        "your choice), the safer-use ideas you picked, your own ways, what can set things off and "
        "who supports you. It asks one plain question per line; each addition is saved at once.",
    )
    p.add_argument("--show", action="store_true", help="only show the plan; ask nothing")


def summary(hr: HarmReductionPlan) -> list[str]:
    from safeplan.core.harm_reduction import GOAL_KIND_LABELS, strategy_title
    from safeplan.core.sections import item_label

    if hr.is_empty():
        return ["Your harm-reduction plan has nothing in it yet. You can start it below."]
    goals = [
        f"{g.text or GOAL_KIND_LABELS[g.kind]} ({', '.join(x for x in (g.substance, GOAL_KIND_LABELS[g.kind]) if x)})"
        for g in hr.goals
        if g.active
    ]
    groups = (
        ("My goals", goals),
        (
            "What I do to stay safer",
            [strategy_title(k) for k in hr.strategies] + [t.text for t in hr.own_strategies],
        ),
        ("What can set things off", [t.text for t in hr.triggers]),
        ("Who supports me", [item_label(c) for c in hr.supporters]),
    )
    lines = ["My harm-reduction plan"]
    for title, entries in groups:
        if entries:
            lines += ["", f"{title}:", *(f"- {entry}" for entry in entries)]
    return lines


def _words(answers: Answers, question: str, limit: int) -> str:
    while True:
        text = answers.line(question)
        if len(text) <= limit:
            return text
        answers.say(f"That is longer than {limit} characters. Could you say it more briefly?")


def _goal(answers: Answers, hr: HarmReductionPlan, country: str | None) -> bool:
    from safeplan.core.harm_reduction import GOAL_KIND_LABELS, goal_safety_note
    from safeplan.core.models import LONG, SHORT, HarmReductionGoal

    kinds = [(key, label.capitalize()) for key, label in GOAL_KIND_LABELS.items()]
    kind = answers.choose("What kind of goal is it? You can change it any time.", kinds)
    text = _words(answers, "In your own words (or press Enter to skip):", LONG)
    substance = _words(answers, "Which substance, if it is about one (or press Enter):", SHORT)
    goal = HarmReductionGoal(kind=kind, text=text, substance=substance)
    hr.goals.append(goal)
    note = goal_safety_note(goal)
    if note:
        answers.say(note)
    return True


def _strategy(answers: Answers, hr: HarmReductionPlan, country: str | None) -> bool:
    from safeplan.core.harm_reduction import strategies

    offered = [
        s for s in strategies().values() if s.applies_in(country) and s.key not in hr.strategies
    ]
    if not offered:
        answers.say("You have every idea safeplan knows already.")
        return False
    options: list[tuple[str, str]] = [(s.key, s.title) for s in offered]
    key = answers.choose("Which one fits you?", [*options, ("", "None of these")])
    if not key:
        return False
    chosen = next(s for s in offered if s.key == key)
    hr.strategies.append(key)
    cites = "; ".join(source.short() for source in chosen.sources_for(country))
    answers.say(chosen.text_for(country), f"Source: {cites}, checked {chosen.verified}.")
    return True


def _text_item(
    field: str, question: str
) -> Callable[[Answers, HarmReductionPlan, str | None], bool]:
    def add(answers: Answers, hr: HarmReductionPlan, country: str | None) -> bool:
        from safeplan.core.models import LONG, TextItem

        text = _words(answers, question, LONG)
        if text:
            getattr(hr, field).append(TextItem(text=text))
        return bool(text)

    return add


def _supporter(answers: Answers, hr: HarmReductionPlan, country: str | None) -> bool:
    from safeplan.core.models import SHORT, Contact

    name = _words(answers, "Their name (or press Enter to go back):", SHORT)
    if not name:
        return False
    phone = _words(answers, "Their phone number (or press Enter to skip):", SHORT)
    relationship = _words(
        answers, "Who they are to you, like friend or key worker (or Enter):", SHORT
    )
    hr.supporters.append(Contact(name=name, phone=phone, relationship=relationship))
    return True


ADDERS: dict[str, Callable[[Answers, HarmReductionPlan, str | None], bool]] = {
    "goal": _goal,
    "strategy": _strategy,
    "own": _text_item("own_strategies", "What do you do to stay safer? (or press Enter):"),
    "trigger": _text_item("triggers", "What can set things off for you? (or press Enter):"),
    "supporter": _supporter,
}


def harm_reduction(args: argparse.Namespace) -> int:
    from safeplan.cli.plain_answers import Answers, InputEnded
    from safeplan.core.kept_country import country
    from safeplan.core.models import now

    answers: Answers = getattr(args, "plain_answers", None) or Answers()
    with open_store(args) as store:
        hr = store.payload.harm_reduction
        answers.say(*summary(hr))
        if args.show:
            return errors.EXIT_OK
        where = country(vault=store.payload.settings.country)
        while True:
            answers.say("")
            try:
                what = answers.choose("What would you like to add?", ADD_CHOICES)
            except InputEnded:
                return errors.EXIT_OK  # nothing was part way
            if what == DONE:
                return errors.EXIT_OK
            answers.unsaved = "this part of your harm-reduction plan"
            try:
                added = ADDERS[what](answers, hr, where)
            finally:
                answers.unsaved = ""
            if added:
                hr.updated_at = now()
                store.save()
                answers.say(
                    "Saved." if store.persistent else "Kept for now (the demo saves nothing)."
                )
            else:
                answers.say("Nothing was added.")
