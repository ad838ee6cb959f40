"""Counted words that read right: "1 day", "2 days", "1 entry", "3 entries" (never "day(s)")."""

from __future__ import annotations

_IRREGULAR = {"entry": "entries", "pass": "passes", "copy": "copies", "this": "these"}


def plural(n: int, word: str, many: str | None = None) -> str:
    """``word`` for exactly one, else its plural (``many``, a known irregular one, or word + s)."""
    if n == 1:
        return word
    return many or _IRREGULAR.get(word, word + "s")


def count(n: int, word: str, many: str | None = None) -> str:
    """The number and its word: ``count(1, "day")`` is "1 day", ``count(0, "entry")`` "0 entries"."""
    return f"{n} {plural(n, word, many)}"
