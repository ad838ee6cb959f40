"""`safeplan breathe [--minutes N] [--in S] [--out S] [--hold S] [--plain]`: a paced breathing guide.

In for 4 and out for 6 by default. On a terminal one line is redrawn as a filling and emptying bar;
with --plain (or a screen reader setting, or no terminal) each phase is written once as a line of
counted seconds. Any key stops it; the end of the input stops it too. Nothing is kept.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import Any

from safeplan.cli.common import add_command, out
from safeplan.core import errors


def register(sub: argparse._SubParsersAction[Any], common: argparse.ArgumentParser) -> None:
    p = add_command(
        sub,
        common,
        "breathe",
        "a slow breathing guide: in for 4, out for 6 (any key stops it)",
        "safeplan.cli.commands.breathe:breathe",
        description="Breathe along with a slow count: in for 4 seconds, out for 6 (a longer "
        "out-breath), for 2 minutes unless you say otherwise. Any key stops it. No vault needed, "
        "and nothing is kept.",
    )
    p.add_argument("--minutes", type=_minutes, default=2.0, metavar="N", help="1 to 30 (default 2)")
    p.add_argument(
        "--in", dest="inhale", type=_secs, default=4, metavar="S", help="seconds in, 2 to 10"
    )
    p.add_argument(
        "--out", dest="exhale", type=_secs, default=6, metavar="S", help="seconds out, 2 to 10"
    )
    p.add_argument(
        "--hold",
        type=_hold,
        default=0,
        metavar="S",
        help="seconds to hold after breathing in, 0 to 10",
    )
    p.add_argument("--plain", action="store_true", help="one line per breath, nothing redrawn")


def _number(text: str, lo: float, hi: float, what: str) -> float:
    try:
        value = float(text.replace(",", "."))
    except ValueError:
        value = lo - 1
    if not lo <= value <= hi:
        raise argparse.ArgumentTypeError(f"use {what} from {lo:g} to {hi:g}")
    return value


def _minutes(text: str) -> float:
    return _number(text, 0.5, 30, "a number of minutes")


def _secs(text: str) -> int:
    return int(_number(text, 2, 10, "a whole number of seconds"))


def _hold(text: str) -> int:
    return int(_number(text, 0, 10, "a whole number of seconds"))


def breathe(args: argparse.Namespace) -> int:
    from safeplan.cli.plain import plain_mode_wanted
    from safeplan.cli.waiting import KeyWait

    waiter = KeyWait()
    with waiter.keys():
        return run(args, waiter, plain=plain_mode_wanted(args.plain), write=_write)


def _write(text: str) -> None:
    sys.stdout.write(text)
    sys.stdout.flush()


def run(
    args: argparse.Namespace,
    wait: Callable[[float], bool],
    *,
    plain: bool,
    write: Callable[[str], None],
) -> int:
    from safeplan.core.moment.breathe import BreathPattern, Phase, breath_bar, run_breathing

    pattern = BreathPattern(inhale=args.inhale, exhale=args.exhale, hold=args.hold)
    breaths = pattern.cycles_in(args.minutes)
    hold = f", hold for {pattern.hold}" if pattern.hold else ""
    out(
        f"Breathe with the count: in for {pattern.inhale}{hold}, out for {pattern.exhale}. "
        f"{breaths} breaths, about {args.minutes:g} min."
    )
    out(
        "Press any key to stop. Breathe in through your nose and out through your mouth, if you can."
    )
    out()

    def phase_start(phase: Phase) -> None:
        if plain:
            write(f"{phase.words}:")

    def second(phase: Phase, n: int) -> None:
        if plain:
            write(f" {n}" + ("\n" if n == phase.seconds else ""))
        else:
            bar = breath_bar(phase, n, 30)
            write(f"\r{phase.words:<20} [{bar}] {n} ")
            if phase.kind == "out" and n == phase.seconds:
                write("\r" + " " * 60 + "\r")

    finished = run_breathing(pattern, args.minutes, wait, phase_start, second)
    write("\n" if plain and not finished else "")
    if not plain:
        write("\r" + " " * 60 + "\r")
    out("That is the end. Notice how you feel now." if finished else "Stopped. That is fine.")
    out("Breathe again any time with `safeplan breathe`.")
    return errors.EXIT_OK
