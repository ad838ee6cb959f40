"""Plain-text layout shared by the text and card exports: terminal columns, safe characters, wrapping.

Widths are counted in terminal columns, not characters: East Asian wide characters take two, combining
marks and format characters none, so a line of Japanese or emoji still fits the paper.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime

_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

# Bidirectional overrides and isolates can make printed text read differently from what was typed.
_BIDI_CONTROLS = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def char_cols(ch: str) -> int:
    if ch == _GLUE:
        return 1
    if unicodedata.category(ch) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def cols(text: str) -> int:
    """How many terminal columns ``text`` takes."""
    return sum(char_cols(ch) for ch in text)


def clean(text: str) -> str:
    """The person's words with control characters (escape codes, form feeds, NULs, bidi overrides)
    turned into spaces, and all whitespace runs made single spaces: safe to print, one line."""
    out = [
        " " if unicodedata.category(ch) == "Cc" or ch in _BIDI_CONTROLS or ch.isspace() else ch
        for ch in text
    ]
    return " ".join("".join(out).split())


# A space between two digits (as in "0113 496 0000") is kept: a phone number is never split across
# lines. NUL stands in for that space while wrapping; ``clean`` guarantees there is no other NUL.
_GLUE = "\x00"
_DIGIT_SPACE = re.compile(r"(?<=\d) (?=\+?\d)")


def _split_word(word: str, room: int) -> list[str]:
    """Cut a word that is too long for a line into pieces of at most ``room`` columns."""
    pieces: list[str] = []
    current, used = "", 0
    for ch in word:
        w = char_cols(ch)
        if used + w > room and current:
            pieces.append(current)
            current, used = "", 0
        current += ch
        used += w
    if current:
        pieces.append(current)
    return pieces


def wrap(text: str, width: int, first: str = "", rest: str | None = None) -> list[str]:
    """Wrap ``text`` (cleaned first) to ``width`` columns, with ``first`` before the first line and
    ``rest`` (default: as many spaces as ``first``) before the others. Long words are broken.
    Always returns at least one line."""
    rest = " " * cols(first) if rest is None else rest
    words = _DIGIT_SPACE.sub(_GLUE, clean(text)).split(" ")
    lines: list[str] = []
    line, used = first, cols(first)
    empty = True
    for word in words:
        if not word:
            continue
        w = cols(word)
        gap = 0 if empty else 1
        if used + gap + w <= width:
            line += (" " if gap else "") + word
            used += gap + w
            empty = False
            continue
        if not empty:
            lines.append(line)
            line, used, empty = rest, cols(rest), True
        room = max(2, width - used)
        pieces = _split_word(word, room) if w > room else [word]
        for piece in pieces[:-1]:
            lines.append(line + piece)
            line, used = rest, cols(rest)
            room = max(2, width - used)
        line += pieces[-1]
        used += cols(pieces[-1])
        empty = False
    lines.append(line.rstrip() if empty else line)
    return [x.replace(_GLUE, " ") for x in lines]


def clip(lines: list[str], count: int, width: int) -> list[str]:
    """At most ``count`` of ``lines``; when some are left out, the last kept one ends in "..."."""
    if len(lines) <= count:
        return lines
    kept = lines[:count]
    last = kept[-1]
    while cols(last) > width - 3:
        last = last[:-1]
    kept[-1] = last.rstrip() + "..."
    return kept


def truncate(text: str, width: int) -> str:
    """One line of at most ``width`` columns, ending in "..." when something had to be left out."""
    text = clean(text)
    if cols(text) <= width:
        return text
    out, used = "", 0
    for ch in text:
        w = char_cols(ch)
        if used + w > width - 3:
            break
        out += ch
        used += w
    return out.rstrip() + "..."


def long_date(day: date | datetime) -> str:
    """ "27 November 2026", the same in every locale (the golden files depend on it)."""
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"
