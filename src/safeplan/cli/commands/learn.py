"""`safeplan learn [TOPIC] [--country CC]`: short cards of things worth knowing, offline.

No vault and no passphrase: the cards and the drug and alcohol lines are public facts. With no
topic it lists the topics. `safeplan learn treatment` lists drug and alcohol lines and treatment
finders for the country (from --country, the kept country or the locale), and the directories that
cover many countries. An unknown topic exits with code 2 and lists the topics.
"""

from __future__ import annotations

import argparse
from typing import Any

from safeplan.cli.common import add_command, out
from safeplan.cli.options import country_arg
from safeplan.core import errors


def register(sub: argparse._SubParsersAction[Any], common: argparse.ArgumentParser) -> None:
    p = add_command(
        sub,
        common,
        "learn",
        "things worth knowing: naloxone, stopping safely, treatment, testing and more",
        "safeplan.cli.commands.learn:learn",
        description="Short cards in plain words, each with its sources and the date they were "
        "checked, ending with where to get help in your country. With no topic, lists the "
        "topics. `safeplan learn treatment` lists drug and alcohol lines and treatment finders. "
        "No vault or passphrase needed.",
    )
    p.add_argument("topic", nargs="?", metavar="TOPIC", help="a topic, such as naloxone")
    p.add_argument(
        "--country",
        type=country_arg,
        metavar="COUNTRY",
        help="whose services to show: a name or code such as GB, US or Australia "
        "(default: your kept country, else a guess from your language settings)",
    )
    p.add_argument("--sources", action="store_true", help="with `treatment`: every source and date")
    p.add_argument(
        "--no-sources", action="store_true", help="leave out the list of sources under a card"
    )


def learn(args: argparse.Namespace) -> int:
    from safeplan.core import kept_country
    from safeplan.core.learn import (
        NOT_ADVICE,
        TREATMENT,
        card,
        card_lines,
        resolve_topic,
        topic_lines,
        treatment_lines,
        treatment_source_lines,
    )

    if args.topic is None:
        for line in topic_lines():
            out(line)
        return errors.EXIT_OK
    key = resolve_topic(args.topic)
    if key is None:
        raise errors.UsageError(
            f"safeplan has no card called {args.topic.strip()[:40]!r}.",
            "Run `safeplan learn` to see the topics, such as naloxone, stopping or treatment.",
        )
    country = kept_country.country(given=args.country)
    if key == TREATMENT:
        lines = treatment_source_lines(args.country) if args.sources else treatment_lines(country)
    else:
        lines = card_lines(card(key), country, sources=not args.no_sources)
        lines += ["", *_wrap(NOT_ADVICE)]
    for line in lines:
        out(line)
    return errors.EXIT_OK


def _wrap(text: str) -> list[str]:
    import textwrap

    return textwrap.wrap(text, 80, break_long_words=False, break_on_hyphens=False)
