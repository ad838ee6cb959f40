"""The plan as CommonMark: the same content as the text export, with every word the person wrote
escaped so that it shows exactly as typed (no accidental emphasis, links, headings or HTML)."""

from __future__ import annotations

import re

from safeplan.core.export.content import FOOTER, HOW_TO_USE, TITLE, WAY_ROUND, ExportContent, Group
from safeplan.core.export.crisis_help import help_lines
from safeplan.core.export.layout import clean, long_date

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


def render_markdown(content: ExportContent) -> str:
    lines = [f"# {TITLE}", ""]
    if content.heading_note:
        lines += [escape(content.heading_note), ""]
    reviewed = long_date(content.last_reviewed) if content.last_reviewed else "not yet"
    lines += [f"Printed {long_date(content.printed_on)}. Last reviewed: {reviewed}.", ""]
    lines += [HOW_TO_USE, ""]
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
    hr = content.harm_reduction
    if hr is not None:
        lines += ["## My harm-reduction plan", ""]
        for group in hr.groups:
            lines += _group(group, "###")
        if hr.notes:
            lines += [escape(hr.notes), ""]
    lines += ["## Help, any time", ""]
    paragraph: list[str] = []
    for line in help_lines(content.crisis, HELP_WIDTH) + [""]:
        if line.strip():
            paragraph.append(escape(line.strip()))
        elif paragraph:
            # A backslash at the end of a line is a hard line break in CommonMark.
            lines += ["\\\n".join(paragraph), ""]
            paragraph = []
    lines += ["---", "", escape(FOOTER)]
    return "\n".join(lines) + "\n"
