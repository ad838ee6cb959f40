"""Formatting shared by the CLI commands: wrapping, dates in words, the country whose crisis lines
are shown, what to offer in a hard moment, and whether the terminal can show block characters."""

from __future__ import annotations

import shutil
import sys
import textwrap
from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from safeplan.cli.common import out
from safeplan.core.wrapping import wrap_words

if TYPE_CHECKING:
    from safeplan.core.hard_moments import Offer
    from safeplan.core.models import VaultPayload
    from safeplan.core.store import Store


RECOVERY_ADVICE = """\
This is your recovery code. It is shown only this once.

    {code}

If you ever forget your passphrase, this code opens your vault. Write it on paper
and keep it somewhere safe and private, away from this device. Anyone with the
code can open your vault.
"""


def when_words(at: datetime) -> str:
    """A moment in this computer's time zone, with the year when it is not this year."""
    local = at.astimezone() if at.tzinfo is not None else at
    if local.year != datetime.now().year:
        return f"{local:%a %d %b %Y}, {local:%H:%M}"
    return f"{local:%a %d %b}, {local:%H:%M}"


def saved_words(
    store: Store, what: str, entry_id: str, at: datetime, *, gentle: bool = False
) -> str:
    """ "Saved your check-in for …", with its id for later changes (left out after a hard
    moment, where an id reads as clinical)."""
    where = "" if store.persistent else " (in memory only: nothing is written to disk)"
    if gentle:
        return f"Saved your {what}{where}."
    return f"Saved your {what} for {when_words(at)}{where}. Its id is {entry_id[:8]}."


def wrap_text(text: str, first: str = "", rest: str = "", width: int = 80) -> list[str]:
    """Lines of at most ``width`` columns; a web address longer than that stays whole."""
    return wrap_words(text, width, first, rest)


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


CLI_HINTS_WORDS = (
    "`safeplan crisis` (no passphrase needed)",
    "To go through your plan one step at a time: `safeplan`, then Use my plan now",
    "`safeplan country CODE`, for example `safeplan country GB`",
)


def crisis_country(payload: VaultPayload | None = None, given: str | None = None) -> str | None:
    """The country whose numbers are shown: --country, the kept country, the vault's, the locale."""
    from safeplan.core import kept_country

    vault = payload.settings.country if payload is not None else None
    return kept_country.country(given=given, vault=vault)


def sync_kept_country(store: Store) -> None:
    """A vault opened from the CLI whose country is set, on a computer that keeps none yet: keep
    it, so help before unlocking (the app's unlock screen, `safeplan crisis`) shows the same
    country. Never for the demo or an in-memory vault, and never over a kept country."""
    from safeplan.core import kept_country

    if store.persistent:
        kept_country.sync_from_vault(store.payload.settings.country)


def print_offer(found: Offer) -> None:
    """What to offer now (:mod:`safeplan.core.hard_moments`), printed as plain lines."""
    from safeplan.core.hard_moments import Hints, lines

    if found.level == "calm":
        return
    size = shutil.get_terminal_size((80, 24))
    width = min(100, max(40, size.columns))
    out()
    for line in lines(found, Hints(*CLI_HINTS_WORDS), width, height=size.lines):
        out(line)


def can_show_blocks() -> bool:
    encoding = getattr(sys.stdout, "encoding", None) or "ascii"
    try:
        "█▁│└─".encode(encoding)
    except (UnicodeEncodeError, LookupError):
        return False
    return True
