"""The printable plain-text plan: one page when it fits, form feeds between parts when it does not.
The person's own contacts and the crisis lines for their country are always on page 1.

Every line fits ``width`` columns; nothing but printable text, spaces, newlines and form feeds. This is
what ``safeplan export --format text``, ``safeplan print`` and ``safeplan plan show`` all write.
"""

from __future__ import annotations

from safeplan.core.export.content import (
    FOOTER,
    PAGE_ORDER,
    TITLE,
    WAY_ROUND,
    WHO_TO_CALL,
    ExportContent,
    Group,
    Part,
    Piece,
)
from safeplan.core.export.crisis_help import compact_lines
from safeplan.core.export.layout import wrap

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


MOST_CONTACTS = 8
"""Own contacts in the "who I can call" block; the rest are in steps 4 and 5 (page 1 stays page 1)."""


def _who_to_call(content: ExportContent, width: int) -> Block:
    """The person's own people and professionals, one line each, for page 1."""
    own = [*content.part("help").entries(), *content.part("professionals").entries()]
    if not own:
        return []
    lines = wrap(WHO_TO_CALL, width)
    for entry in own[:MOST_CONTACTS]:
        lines.extend(wrap(entry.text, width, "  - ", "    "))
    if len(own) > MOST_CONTACTS:
        lines.extend(wrap(f"(and {len(own) - MOST_CONTACTS} more in steps 4 and 5)", width, "  "))
    return lines


def _crisis_block(content: ExportContent, width: int) -> Block:
    return wrap(content.help_title, width) + compact_lines(content.crisis, width)


def blocks(
    content: ExportContent, width: int = DEFAULT_WIDTH, *, who_to_call: bool = False
) -> list[Block]:
    """The export as blocks that are never split across pages (unless one is longer than a page).

    The crisis lines come right after the heading, before the steps; ``who_to_call`` adds the
    person's own people and professionals, one line each, between them (see :func:`render_text`)."""
    head = wrap(TITLE, width)
    for paragraph in content.intro():
        head += wrap(paragraph, width)
    hr = content.harm_reduction
    hr_block: Block = []
    if hr is not None:
        hr_block = wrap("My harm-reduction plan", width)
        for group in hr.groups:
            hr_block.extend(_entries(group, width, "  "))
        if hr.notes:
            hr_block.extend(wrap(hr.notes, width, "  "))
    pieces: dict[Piece, list[Block]] = {
        "heading": [head],
        "who_to_call": [_who_to_call(content, width)] if who_to_call else [],
        "crisis": [_crisis_block(content, width)],
        "steps": [_part(p, width) for p in content.parts],
        "harm_reduction": [hr_block],
        "footer": [wrap(FOOTER, width)],
    }
    return [block for piece in PAGE_ORDER for block in pieces[piece] if block]


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


def _on_first_page(pages: list[Block], block: Block) -> bool:
    first = pages[0]
    return any(first[i : i + len(block)] == block for i in range(len(first) - len(block) + 1))


def render_text(content: ExportContent, width: int = DEFAULT_WIDTH) -> str:
    """The printable plan. Pages after the first begin with a form feed.

    Page 1 always holds the person's own contacts and the crisis lines for their country, whatever
    the plan's length: the crisis lines come first, and when steps 4 and 5 (the people and
    professionals) would not reach page 1, a short "who I can call" list goes there too."""
    width = max(MIN_WIDTH, min(MAX_WIDTH, width))
    pages = paginate(blocks(content, width))
    contacts = [_part(content.part(step), width) for step in ("help", "professionals")]
    if not all(_on_first_page(pages, block) for block in contacts):
        pages = paginate(blocks(content, width, who_to_call=True))
    return "\n\f".join("\n".join(page) for page in pages) + "\n"
