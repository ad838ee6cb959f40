"""Formatting shared by the CLI commands: wrapping, dates in words, what a plan says in a hard
moment, and whether the terminal can show block characters."""

from __future__ import annotations

import sys
import textwrap
from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from safeplan.cli.common import out

if TYPE_CHECKING:
    from safeplan.core.models import VaultPayload
    from safeplan.core.store import Store


RECOVERY_ADVICE = """\
This is your recovery code. It is shown only this once.

    {code}

If you ever forget your passphrase, this code opens your vault. Write it on paper and keep it
somewhere safe and private, away from this device. Anyone with the code can open your vault.
"""


def when_words(at: datetime) -> str:
    return f"{at:%a %d %b}, {at:%H:%M}"


def saved_words(store: Store, what: str, entry_id: str, at: datetime) -> str:
    where = "" if store.persistent else " (in memory only: nothing is written to disk)"
    return f"Saved your {what} for {when_words(at)}{where}. Its id is {entry_id[:8]}."


def wrap_text(text: str, first: str = "", rest: str = "", width: int = 80) -> list[str]:
    """Lines of at most ``width`` columns; a web address longer than that stays whole."""
    return textwrap.wrap(
        text,
        width,
        initial_indent=first,
        subsequent_indent=rest,
        break_long_words=False,
        break_on_hyphens=False,
    ) or [first.rstrip()]


SUPPORT_INTRO = (
    "That sounds like a hard moment. Thank you for checking in. If it helps, here is what your "
    "plan says. You don't have to do any of it."
)


def _public_help_lines(payload: VaultPayload, width: int) -> list[str]:
    """The public crisis lines for the person's country (guessed from the locale if not set)."""
    try:
        from safeplan.core.crisis.directory import help_for
        from safeplan.core.crisis.locale import guess_country
        from safeplan.core.crisis.render import render_help_text

        country = payload.settings.country or guess_country()
        return render_help_text(help_for(country), width=width)
    except Exception:  # noqa: BLE001 - help text must never stop the check-in from being shown
        return [
            "In danger right now, call your local emergency number.",
            "`safeplan crisis` lists crisis lines; it needs no passphrase.",
        ]


SELFCHECK_INTRO = (
    "Thank you for answering that question. Thoughts like these are worth sharing with someone, "
    "and help is there now if you want it. Here is what your plan says."
)


def support_lines(payload: VaultPayload, width: int = 80, intro: str = SUPPORT_INTRO) -> list[str]:
    """The plan's own coping steps, people and crisis lines, then the public crisis lines."""
    plan = payload.plan
    lines: list[str] = []
    if plan.coping:
        lines += ["", "Things you can do on your own:"]
        lines += [f"  - {item.text}" for item in plan.coping]
    people = [*plan.help_contacts, *payload.harm_reduction.supporters]
    if people:
        lines += ["", "People you can ask for help:"]
        seen: set[str] = set()
        for c in people:
            if c.id in seen:
                continue
            seen.add(c.id)
            extra = ", ".join(x for x in (c.phone, c.relationship) if x)
            lines.append(f"  - {c.name}" + (f" ({extra})" if extra else ""))
    professionals = [*plan.clinicians, *plan.crisis_lines]
    if professionals:
        lines += ["", "Professionals and lines in your plan:"]
        for p in plan.clinicians:
            lines.append(f"  - {p.name}" + (f": {p.phone}" if p.phone else ""))
        for line in plan.crisis_lines:
            lines.append(f"  - {line.name}" + (f": {line.number}" if line.number else ""))
    lines += ["", *_public_help_lines(payload, width)]
    lines += ["", "`safeplan crisis` shows crisis lines again at any time, without a passphrase."]
    return [intro, *lines]


def wrapped(lines: Sequence[str], width: int = 80) -> list[str]:
    """Lines wrapped to ``width``, continuing under their own indent (and under a "- " bullet's
    text); empty lines kept."""
    result: list[str] = []
    for line in lines:
        if not line:
            result.append("")
            continue
        bullet = line.lstrip().startswith("- ")
        indent = " " * (len(line) - len(line.lstrip()) + (2 if bullet else 0))
        result += textwrap.wrap(line, width, subsequent_indent=indent) or [""]
    return result


def print_support(payload: VaultPayload, intro: str = SUPPORT_INTRO) -> None:
    out()
    for line in wrapped(support_lines(payload, intro=intro)):
        out(line)


def can_show_blocks() -> bool:
    encoding = getattr(sys.stdout, "encoding", None) or "ascii"
    try:
        "█▁│└─".encode(encoding)
    except (UnicodeEncodeError, LookupError):
        return False
    return True
