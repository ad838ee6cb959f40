"""`safeplan trends`: a summary of recent days, a small chart of mood and sparklines of the rest.

Every chart has a plain ASCII form (--plain, chosen on its own when the terminal cannot show block
characters), and nothing depends on colour. The summary comes first as plain sentences, so a screen
reader gets the numbers without the pictures.
"""

from __future__ import annotations

import argparse
from typing import Any

from safeplan.cli.common import add_command, out
from safeplan.cli.formatting import can_show_blocks, wrapped
from safeplan.core import errors


def register(sub: argparse._SubParsersAction[Any], common: argparse.ArgumentParser) -> None:
    p = add_command(
        sub,
        common,
        "trends",
        "a summary and small charts of your check-ins and use days",
        "safeplan.cli.commands.trends:trends",
        description="A summary of the last N days (averages, best and hardest days, days with use) "
        "and small text charts. Gaps are days without a check-in.",
    )
    p.add_argument(
        "--days",
        type=_days,
        default=30,
        metavar="N",
        help="how many days to look back, 1 to 3650 (default 30; try 7, 90 or 365)",
    )
    p.add_argument(
        "--plain", action="store_true", help="ASCII characters only, for any terminal or printer"
    )


def _days(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError("use a whole number of days, like 30") from None
    if not 1 <= value <= 3650:
        raise argparse.ArgumentTypeError("use a number of days from 1 to 3650")
    return value


def trends(args: argparse.Namespace) -> int:
    from safeplan.cli.common import open_store
    from safeplan.core.harm_reduction import goal_alignment
    from safeplan.core.trends import render_trends_text

    plain = args.plain or not can_show_blocks()
    with open_store(args) as store:
        payload = store.payload
        out(render_trends_text(payload, args.days, plain=plain))
        hr = payload.harm_reduction
        if any(g.active for g in hr.goals) or hr.strategies:
            out()
            for line in wrapped(goal_alignment(payload, args.days).lines):
                out(line)
    return errors.EXIT_OK
