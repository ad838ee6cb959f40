"""`safeplan ground [--plain]`: 5-4-3-2-1 grounding, one sense at a time, with a place to type.

Each sense is one question; the person can type what they notice or just press Enter. Nothing typed
is kept or written anywhere. "stop" or the end of the input ends it calmly. No vault needed.
"""

from __future__ import annotations

import argparse
from typing import Any

from safeplan.cli.common import add_command
from safeplan.core import errors


def register(sub: argparse._SubParsersAction[Any], common: argparse.ArgumentParser) -> None:
    p = add_command(
        sub,
        common,
        "ground",
        "5-4-3-2-1 grounding, one sense at a time (nothing is kept)",
        "safeplan.cli.commands.ground:ground",
        description="Bring your attention back to where you are: five things you can see, four "
        "you can hear, three you can touch, two you can smell, one you can taste. Type what you "
        "notice, or just press Enter. Nothing you type is kept. No vault needed.",
    )
    p.add_argument(
        "--plain",
        action="store_true",
        help="plain lines only (this command always is; kept for scripts)",
    )


def ground(args: argparse.Namespace) -> int:
    from safeplan.cli.plain import Plain

    return run(Plain())


def run(io: Any) -> int:
    from safeplan.cli.plain import Command, InputClosed
    from safeplan.core.moment.ground import GROUND_END, GROUND_INTRO, GROUND_STEPS

    commands = {"stop": "end the exercise now"}
    io.say(GROUND_INTRO)
    try:
        for step in GROUND_STEPS:
            io.blank()
            answer = io.ask(
                f"{step.count}. {step.prompt}",
                commands=commands,
                hint=f"{step.hint} Press Enter when you are ready for the next one.",
            )
            if isinstance(answer, Command):
                io.say("Stopped. That is fine. Nothing was kept.")
                return errors.EXIT_OK
    except InputClosed:
        io.blank()
        io.say("The input ended, so the exercise stopped here. Nothing was kept.")
        return errors.EXIT_OK
    io.blank()
    io.say(GROUND_END)
    return errors.EXIT_OK
