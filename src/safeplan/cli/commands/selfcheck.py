"""`safeplan selfcheck phq9|gad7|history`: the optional PHQ-9 and GAD-7 self-checks.

Asked one plain question at a time (or given with --answers for scripts). A PHQ-9 item 9 answer
above 0 brings crisis support up at once, before anything else. Scores come with their standard band
and a plain reminder that this is not a diagnosis.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from safeplan.cli.common import add_command, add_group, open_store, out, say
from safeplan.cli.formatting import (
    can_show_blocks,
    crisis_country,
    print_offer,
    when_words,
    wrapped,
)
from safeplan.cli.prompts import Prompter, require_terminal
from safeplan.core import errors

if TYPE_CHECKING:
    from safeplan.core.selfchecks import Questionnaire


def register(sub: argparse._SubParsersAction[Any], common: argparse.ArgumentParser) -> None:
    inner = add_group(sub, "selfcheck", "optional PHQ-9 and GAD-7 self-checks, and their history")
    for key, name, about in (
        ("phq9", "PHQ-9", "nine questions about mood over the last two weeks"),
        ("gad7", "GAD-7", "seven questions about anxiety over the last two weeks"),
    ):
        p = add_command(
            inner,
            common,
            key,
            f"the {name}: {about}",
            "safeplan.cli.commands.selfcheck:take",
            description=f"The {name}: {about}. Each answer is 0 (not at all), 1 (several days), 2 "
            "(more than half the days) or 3 (nearly every day). Not a diagnosis.",
        )
        p.set_defaults(instrument=key)
        p.add_argument(
            "--answers",
            metavar="LIST",
            help="all answers at once, separated by commas (for example 0,1,2,...)",
        )
    add_command(
        inner,
        common,
        "history",
        "your earlier self-checks, with their scores and bands",
        "safeplan.cli.commands.selfcheck:history",
    )


def _parse_answers(text: str) -> list[int]:
    try:
        return [int(part) for part in text.replace(" ", "").split(",") if part != ""]
    except ValueError:
        raise errors.UsageError(
            "The answers need to be numbers from 0 to 3, separated by commas.",
            "For example --answers 0,1,0,2,0,0,1,0,0.",
        ) from None


def _ask(p: Prompter, q: Questionnaire, on_item_9: Any) -> list[int]:
    from safeplan.core.selfchecks import ANSWERS, NOT_A_DIAGNOSIS, PHQ9_ITEM_9

    p.say(f"{q.name}. {NOT_A_DIAGNOSIS}")
    p.say(q.stem)
    answers: list[int] = []
    for i, item in enumerate(q.items):
        p.say("")
        p.say(f"{i + 1} of {len(q.items)}. {item}")
        for value, words in enumerate(ANSWERS):
            p.say(f"  {value}) {words}")
        while True:
            text = p.text("Your answer, 0 to 3", optional=False)
            if text in ("0", "1", "2", "3"):
                answers.append(int(text))
                break
            p.say("  Please type 0, 1, 2 or 3.")
        if q.key == "phq9" and i == PHQ9_ITEM_9 and answers[-1] > 0:
            on_item_9()
    return answers


def take(args: argparse.Namespace) -> int:
    from safeplan.core import hard_moments
    from safeplan.core.selfchecks import (
        CITATION,
        NOT_A_DIAGNOSIS,
        add_selfcheck,
        needs_crisis_support,
        new_selfcheck,
        questionnaire,
    )

    q = questionnaire(args.instrument)
    given = _parse_answers(args.answers) if args.answers is not None else None
    if given is None:
        require_terminal(f"`safeplan selfcheck {q.key}`", "--answers 0,1,...")
    with open_store(args) as store:
        shown = False

        def support_now() -> None:
            nonlocal shown
            shown = True
            country = crisis_country(store.payload)
            print_offer(hard_moments.for_item_9(1, store.payload, country))
            out()

        answers = given if given is not None else _ask(Prompter(), q, support_now)
        check = new_selfcheck(q.key, answers)
        if needs_crisis_support(check) and not shown:
            support_now()
        add_selfcheck(store.payload, check)
        store.save()
        # What was saved first, the attribution last: right after a hard answer the next words
        # a person reads are about them, not about a grant.
        for line in wrapped([f"Saved. {hard_moments.selfcheck_result(check)}", NOT_A_DIAGNOSIS]):
            out(line)
        out()
        for line in wrapped([CITATION]):
            out(line)
    return errors.EXIT_OK


def history(args: argparse.Namespace) -> int:
    from safeplan.core.selfchecks import QUESTIONNAIRES, band, history, score
    from safeplan.core.trends import sparkline

    with open_store(args) as store:
        checks = history(store.payload)
        if not checks:
            out("No self-checks yet. `safeplan selfcheck phq9` or `gad7` starts one, if you want.")
            return errors.EXIT_OK
        for key, q in QUESTIONNAIRES.items():
            mine = [c for c in checks if c.instrument == key]
            if not mine:
                continue
            bands = ", ".join(f"{lowest}+ {name}" for lowest, name in q.bands[1:])
            say(f"{q.name} (0 to {q.max_score}; {bands}; ranges, not a diagnosis):")
            for c in mine:
                out(f"  {when_words(c.at):<20}{score(c):>3}  {band(c)}")
            line = sparkline(
                [float(score(c)) for c in mine], hi=q.max_score, plain=not can_show_blocks()
            )
            out(f"  Over time: {line}")
            out()
    return errors.EXIT_OK
