"""Plain word wrapping for terminal output, shared by the core's plain renderers and the CLI."""

from __future__ import annotations

import textwrap


def wrap_words(text: str, width: int = 80, first: str = "", rest: str = "") -> list[str]:
    """Lines of at most ``width`` columns, ``first`` before the first and ``rest`` before the
    others; words are never broken, so a web address longer than a line stays whole."""
    return textwrap.wrap(
        text,
        width,
        initial_indent=first,
        subsequent_indent=rest,
        break_long_words=False,
        break_on_hyphens=False,
    ) or [first.rstrip()]
