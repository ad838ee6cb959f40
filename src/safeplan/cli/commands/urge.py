"""`safeplan urge [--minutes N] [--plain]`: urge surfing with a timer and gentle prompts.

Rate the urge (0 to 10), ride it for a while (15 minutes unless you say; any key ends the ride
early), rate it again. The two ratings are kept as a check-in only if the person says yes, and only
then is the vault opened. "stop" or the end of the input ends it calmly with nothing kept.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from safeplan.cli.common import add_command
from safeplan.core import errors


def register(sub: argparse._SubParsersAction[Any], common: argparse.ArgumentParser) -> None:
    p = add_command(
        sub,
        common,
        "urge",
        "urge surfing: rate an urge, ride it with a timer, rate it again",
        "safeplan.cli.commands.urge:urge",
        description="Watch an urge rise and fall like a wave, without acting on it. You rate it, "
        "ride it with a timer and gentle prompts (any key ends the ride), and rate it again. The "
        "two ratings are kept as a check-in only if you say yes.",
    )
    p.add_argument("--minutes", type=_minutes, default=15, metavar="N", help="1 to 60 (default 15)")
    p.add_argument(
        "--plain",
        action="store_true",
        help="plain lines only (this command always is; kept for scripts)",
    )


def _minutes(text: str) -> int:
    if not text.strip().isdigit() or not 1 <= int(text) <= 60:
        raise argparse.ArgumentTypeError("use a whole number of minutes from 1 to 60")
    return int(text)


class _Stop(Exception):
    pass


def urge(args: argparse.Namespace) -> int:
    from safeplan.cli.plain import Plain
    from safeplan.cli.waiting import KeyWait

    return run(args, Plain(), KeyWait())


def _rating(io: Any, question: str) -> int:
    from safeplan.cli.plain import Command

    while True:
        answer = io.ask(question, commands={"stop": "end now, keeping nothing"})
        if isinstance(answer, Command):
            raise _Stop
        if answer.isdigit() and 0 <= int(answer) <= 10:
            return int(answer)
        io.say("Please type a whole number from 0 to 10, or stop.")


def _ride(io: Any, minutes: int, wait: Callable[[float], bool]) -> float:
    """The timer: a prompt each minute; returns the minutes ridden (ended early by any key)."""
    from safeplan.core.moment.urge import prompt_at

    total = minutes * 60
    io.say(f"Ride it for up to {minutes} minutes. Press any key when you want to stop the timer.")
    for second in range(1, total + 1):
        if wait(1.0):
            return (second - 1) / 60
        prompt = prompt_at(second)
        if prompt:
            left = (total - second) // 60
            io.say(f"{prompt} ({left} min left)" if left else prompt)
    return float(minutes)


def run(args: argparse.Namespace, io: Any, waiter: Any) -> int:
    from safeplan.cli.plain import Command, InputClosed
    from safeplan.core.moment.urge import INTRO, URGE_KINDS, UrgeResult, urge_summary

    io.say(INTRO)
    io.blank()
    try:
        kind = io.choose(
            "What is the urge about?",
            list(URGE_KINDS),
            commands={"stop": "end now, keeping nothing"},
        )
        if isinstance(kind, Command):
            raise _Stop
        before = _rating(io, "How strong is the urge right now, from 0 (none) to 10 (very strong)?")
        io.blank()
        with waiter.keys():
            ridden = _ride(io, args.minutes, waiter)
        if getattr(waiter, "ended", False):
            raise InputClosed
        io.blank()
        after = _rating(io, "How strong is it now, from 0 to 10?")
        result = UrgeResult(kind, before, after, ridden)
        io.say(urge_summary(result))
        io.blank()
        if io.confirm("Keep these two ratings as a check-in?", default=False):
            _keep(args, io, result)
    except _Stop:
        io.say("Stopped. Nothing was kept.")
    except InputClosed:
        io.blank()
        io.say("The input ended, so nothing was kept.")
    io.say("If you need more help right now, `safeplan crisis` shows who you can call.")
    return errors.EXIT_OK


def _keep(args: argparse.Namespace, io: Any, result: Any) -> None:
    from safeplan.cli.common import open_store
    from safeplan.core.checkins import add_checkin, new_checkin
    from safeplan.core.moment.urge import urge_checkin_values

    mood = _rating(io, "A check-in keeps your mood too. How is your mood, from 0 (very low) to 10?")
    with open_store(args) as store:
        entry = new_checkin(**urge_checkin_values(result, mood))
        add_checkin(store.payload, entry)
        store.save()
    io.say("Kept as a check-in. You can see it with `safeplan log`.")
