"""The plan as CommonMark: the same content as the text export, with every word the person wrote
escaped so that it shows exactly as typed (no accidental emphasis, links, headings or HTML)."""

from __future__ import annotations

import re

from safeplan.core.export.content import (
    FOOTER,
    PAGE_ORDER,
    TITLE,
    WAY_ROUND,
    ExportContent,
    Group,
    Piece,
)
from safeplan.core.export.crisis_help import help_lines
from safeplan.core.export.layout import clean

# Every ASCII punctuation character may be backslash-escaped in CommonMark; these are the ones that
# can start markup anywhere in a line.
_INLINE = re.compile(r"([\\`*_\[\]<>&!|~#])")
# These only start markup at the beginning of a line: lists, headings, block quotes, setext lines.
_LINE_START = re.compile(r"^([-+=>#]|\d{1,9}[.)])")


# Markdown readers wrap lines themselves: keep the crisis help's own lines whole.
HELP_WIDTH = 240


def escape(text: str) -> str:
    """``text`` as CommonMark inline content that renders exactly as the characters given."""
    text = _INLINE.sub(r"\\\1", clean(text))
    return _LINE_START.sub(lambda m: m.group(1)[:-1] + "\\" + m.group(1)[-1], text)


def _group(group: Group, level: str) -> list[str]:
    lines: list[str] = []
    if group.heading:
        lines += [f"{level} {escape(group.heading)}", ""]
    for entry in group.entries:
        lines.append(f"- {escape(entry.text)}")
        if entry.notes:
            lines.append(f"  {escape(entry.notes)}")
    lines.append("")
    return lines


def _steps(content: ExportContent) -> list[str]:
    lines: list[str] = []
    for part in content.parts:
        lines += [f"## {part.number}. {escape(part.title)}", ""]
        if part.empty:
            lines += [f"*{escape(part.empty_words)}*", ""]
            continue
        for group in part.groups:
            if group.entries:
                lines += _group(group, "###")
        if part.way_round:
            lines += [f"*{WAY_ROUND}:* {escape(part.way_round)}", ""]
    return lines


def _harm_reduction(content: ExportContent) -> list[str]:
    hr = content.harm_reduction
    if hr is None:
        return []
    lines = ["## My harm-reduction plan", ""]
    for group in hr.groups:
        lines += _group(group, "###")
    if hr.notes:
        lines += [escape(hr.notes), ""]
    return lines


def _crisis(content: ExportContent) -> list[str]:
    lines = [f"## {escape(content.help_title)}", ""]
    paragraph: list[str] = []
    # The heading above names the country: the directory's own "Help now: ..." line would repeat it.
    for line in help_lines(content.crisis, HELP_WIDTH, header=False) + [""]:
        if line.strip():
            paragraph.append(escape(line.strip()))
        elif paragraph:
            # A backslash at the end of a line is a hard line break in CommonMark.
            lines += ["\\\n".join(paragraph), ""]
            paragraph = []
    return lines


def render_markdown(content: ExportContent) -> str:
    """The plan in the order every export shares (``PAGE_ORDER``: the crisis help right after the
    heading). Markdown has no pages, so the page-1 "who I can call" list is not needed."""
    heading = [f"# {TITLE}", ""]
    for paragraph in content.intro():
        heading += [escape(paragraph), ""]
    pieces: dict[Piece, list[str]] = {
        "heading": heading,
        "who_to_call": [],
        "crisis": _crisis(content),
        "steps": _steps(content),
        "harm_reduction": _harm_reduction(content),
        "footer": ["---", "", escape(FOOTER)],
    }
    lines = [line for piece in PAGE_ORDER for line in pieces[piece]]
    return "\n".join(lines) + "\n"
