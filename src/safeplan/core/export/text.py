"""The printable plain-text plan: one page when it fits, form feeds between parts when it does not.

Every line fits ``width`` columns; nothing but printable text, spaces, newlines and form feeds. This is
what ``safeplan export --format text``, ``safeplan print`` and ``safeplan plan show`` all write.
"""

from __future__ import annotations

from safeplan.core.export.content import (
    FOOTER,
    HOW_TO_USE,
    TITLE,
    WAY_ROUND,
    ExportContent,
    Group,
    Part,
)
from safeplan.core.export.crisis_help import compact_lines
from safeplan.core.export.layout import long_date, wrap

DEFAULT_WIDTH = 80
MIN_WIDTH = 30
MAX_WIDTH = 240
PAGE_LINES = 60
WRITE_ON = 3
"""Lines to write on under a part that is still empty."""

Block = list[str]


def _write_line(width: int) -> str:
    return "  " + "_" * min(46, width - 2)


def _entries(group: Group, width: int, indent: str) -> Block:
    lines: Block = []
    if group.heading:
        lines.extend(wrap(f"{group.heading}:", width, indent))
    for entry in group.entries:
        lines.extend(wrap(entry.text, width, f"{indent}- "))
        if entry.notes:
            lines.extend(wrap(entry.notes, width, f"{indent}  "))
    return lines


def _part(part: Part, width: int) -> Block:
    number = f"{part.number}. "
    lines = wrap(part.title, width, number, " " * len(number))
    if part.empty:
        return lines + [_write_line(width)] * WRITE_ON
    for group in part.groups:
        if group.entries:
            lines.extend(_entries(group, width, "  "))
    if part.way_round:
        lines.extend(wrap(f"{WAY_ROUND}: {part.way_round}", width, "  ", "    "))
    lines.append(_write_line(width))
    return lines


def blocks(content: ExportContent, width: int = DEFAULT_WIDTH) -> list[Block]:
    """The export as blocks that are never split across pages (unless one is longer than a page)."""
    head = wrap(TITLE, width)
    if content.heading_note:
        head += wrap(content.heading_note, width)
    reviewed = long_date(content.last_reviewed) if content.last_reviewed else "not yet"
    head += wrap(f"Printed {long_date(content.printed_on)}. Last reviewed: {reviewed}.", width)
    head += wrap(HOW_TO_USE, width)
    out = [head] + [_part(p, width) for p in content.parts]
    hr = content.harm_reduction
    if hr is not None:
        lines = wrap("My harm-reduction plan", width)
        for group in hr.groups:
            lines.extend(_entries(group, width, "  "))
        if hr.notes:
            lines.extend(wrap(hr.notes, width, "  "))
        out.append(lines)
    name = content.crisis.country_name
    title = f"Help, any time: {name}" if name else "Help, any time"
    out.append(wrap(title, width) + compact_lines(content.crisis, width))
    out.append(wrap(FOOTER, width))
    return out


def paginate(parts: list[Block], page_lines: int = PAGE_LINES) -> list[Block]:
    """Pack blocks into pages of at most ``page_lines`` lines, a blank line between blocks; a block
    that does not fit on the current page starts a new one."""
    pages: list[Block] = [[]]
    for block in parts:
        page = pages[-1]
        needed = len(block) + (1 if page else 0)
        if page and len(page) + needed > page_lines:
            pages.append([])
            page = pages[-1]
        if page:
            page.append("")
        for line in block:
            if len(page) >= page_lines:
                pages.append([])
                page = pages[-1]
            page.append(line)
    return pages


def render_text(content: ExportContent, width: int = DEFAULT_WIDTH) -> str:
    """The printable plan. Pages after the first begin with a form feed."""
    width = max(MIN_WIDTH, min(MAX_WIDTH, width))
    pages = paginate(blocks(content, width))
    return "\n\f".join("\n".join(page) for page in pages) + "\n"
