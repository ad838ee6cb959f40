"""The crisis help as plain text: no colour codes, no box drawing, every line within the width.

Widths are counted in terminal cells (a CJK character takes two), so a service name in its own
script never overflows. The same lines serve the CLI, the "get help now" screen and the printed plan.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from safeplan.core.crisis.country_help import CountryHelp
from safeplan.core.crisis.entries import PhoneNumber, Service, TextOption
from safeplan.core.crisis.wording import (
    OVERDOSE_POINTER,
    hours_words,
    less_certain_words,
    said_plainly,
)

MIN_WIDTH = 1
BULLET = "* "
INDENT = "  "

LANGUAGE_NAMES = {
    "de": "German",
    "en": "English",
    "es": "Spanish",
    "fi": "Finnish",
    "fr": "French",
    "it": "Italian",
    "lb": "Luxembourgish",
    "nl": "Dutch",
    "pt": "Portuguese",
    "ru": "Russian",
    "sv": "Swedish",
    "th": "Thai",
    "uk": "Ukrainian",
}

MOBILE_112 = (
    "From a mobile phone you can also try 112: phones treat it as an emergency number, and in "
    "much of the world the network puts it through to the local emergency services."
)
"""Shown only where safeplan has no emergency number for the country. Sources (verified
2026-12-01): 3GPP TS 22.101 section 10.1.1 (112 and 911 "shall always be available" on every
mobile phone) and Android's EmergencyNumber documentation (112 and 911 always available; see
docs/crisis-directory.md). Whether the network connects it depends on the country."""


def cells(text: str) -> int:
    """How many terminal columns ``text`` takes."""
    width = 0
    for ch in text:
        if unicodedata.combining(ch):
            continue
        width += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return width


def _fit(word: str, room: int) -> str:
    """The longest start of ``word`` within ``room`` cells (at least one character)."""
    piece = word[0]
    for ch in word[1:]:
        if cells(piece + ch) > room:
            break
        piece += ch
    return piece


def wrap(text: str, width: int, first: str = "", rest: str | None = None) -> list[str]:
    """Word-wrap ``text`` to ``width`` cells, with prefixes for the first and following lines.

    Prefixes are dropped when the width is too small for them; a word longer than a line is split.
    """
    rest = first if rest is None else rest
    width = max(MIN_WIDTH, width)
    if cells(first) >= width or cells(rest) >= width:
        first = rest = ""
    lines: list[str] = []
    prefix = first
    current = ""
    for word in text.split():
        candidate = f"{current} {word}" if current else word
        if cells(prefix + candidate) <= width:
            current = candidate
            continue
        if current:
            lines.append(prefix + current)
            prefix, current = rest, ""
        # A word longer than the line: split it, each piece within the room its prefix leaves.
        while word and cells(word) > width - cells(prefix):
            lead = prefix if cells(word[0]) <= width - cells(prefix) else ""
            piece = _fit(word, width - cells(lead))
            lines.append(lead + piece)
            prefix, word = rest, word[len(piece) :]
        current = word
    if current or not lines:
        lines.append((prefix + current).rstrip())
    return lines


def _join(items: list[str], last: str = "or") -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {last} " + items[-1]


def _sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "?", ":")) else text + "."


def _open_words(hours: str | None, free: bool | None) -> str:
    parts: list[str] = []
    if free:
        parts.append("Free")
    if hours:
        parts.append(hours_words(hours))
    if not parts:
        return ""
    text = ", ".join(parts)
    return text[0].upper() + text[1:] + "."


def _plain_phones(service: Service) -> bool:
    """True when every number shares the service's hours and needs no note of its own."""
    return bool(service.phones) and all(
        p.note is None and p.hours is None and p.free is None and p.confidence is None
        for p in service.phones
    )


def _phone_lines(service: Service) -> list[str]:
    """How to call: one line for plain numbers; else one line per number, each with its hours."""
    if _plain_phones(service):
        return ["Call " + _join([p.display for p in service.phones]) + "."]
    return [_one_phone(p, service) for p in service.phones]


def _one_phone(p: PhoneNumber, service: Service) -> str:
    text = f"Call {p.display}"
    if p.note and p.note.startswith("then "):
        text += f", {p.note}"
    elif p.note:
        text += f" ({p.note})"
    text += "."
    free = service.free if p.free is None else p.free
    hours = service.hours if p.hours is None else p.hours
    extra = _open_words(hours, free)
    if free is False:
        extra = (extra + " " if extra else "") + "Charged."
    if extra:
        text += " " + extra
    if p.confidence == "M":
        text += " Less certain."
    return text


def _text_line(t: TextOption) -> str:
    if t.kind == "sms":
        text = f"Text {t.keyword} to {t.display}" if t.keyword else f"Text {t.display}"
    elif t.kind == "whatsapp":
        text = f"WhatsApp {t.display}"
    elif t.kind == "chat":
        text = f"Chat: {t.display}"
    else:
        text = f"Email: {t.display}"
    details = [t.note.rstrip(".")] if t.note else []
    if t.hours:
        details.append(hours_words(t.hours))
    if t.confidence == "M":
        details.append("less certain")
    if details:
        text += f" ({'; '.join(details)})"
    # No full stop straight after a web or e-mail address: it would be copied with it.
    return text if t.kind in ("chat", "email") and not details else _sentence(text)


def service_lines(service: Service, width: int, *, local: bool = False) -> list[str]:
    """One service: its name, how to reach it, when, for whom, and any caveat."""
    title = service.name
    if service.region:
        title += f" ({service.region})"
    if local:
        title += " [added on this computer]"
    sentences = _phone_lines(service)
    when = _open_words(service.hours, service.free)
    if when and _plain_phones(service):
        sentences[0] += " " + when
    sentences.extend(_text_line(t) for t in service.texts)
    if when and not service.phones:
        sentences.append(when)
    if service.description:
        sentences.append(_sentence(said_plainly(service.description)))
    if service.languages:
        names = [LANGUAGE_NAMES.get(code, code) for code in service.languages]
        sentences.append(f"In {_join(names, 'and')}.")
    sentences.extend(_sentence(said_plainly(n)) for n in service.notes)
    shown_sites = {t.display for t in service.texts if t.kind == "chat"}
    if service.website and service.website not in shown_sites:
        sentences.append(f"Web: {service.website}")
    if service.confidence == "M":
        sentences.append(less_certain_words(service))
    lines = wrap(title, width, BULLET, INDENT)
    for sentence in sentences:
        lines.extend(wrap(sentence, width, INDENT))
    return lines


def emergency_lines(help_: CountryHelp, width: int) -> list[str]:
    """The first thing on screen: what to call in danger."""
    e = help_.emergency
    first = help_.emergency_numbers()
    if e is None or first is None:
        if help_.country_name:
            text = (
                f"safeplan has no confirmed emergency number for {help_.country_name}. "
                "If you are in danger, call your local emergency number, or ask someone near you "
                "to call for you."
            )
        else:
            text = (
                "If you are in danger, call your local emergency number, or ask someone near you "
                "to call for you."
            )
        return wrap(text, width) + wrap(MOBILE_112, width)
    numbers, label = first
    if label == "emergency":
        text = f"In danger right now? Call {numbers}."
    else:
        text = f"In danger right now? Call {numbers} ({label})."
    lines = wrap(text, width)
    shown = set(numbers.split(" or "))
    others: list[str] = []
    for name, values in (("ambulance", e.ambulance), ("police", e.police), ("fire", e.fire)):
        rest = [v for v in values if v not in shown]
        if rest:
            others.append(f"{name} {' or '.join(rest)}")
    if others:
        lines.extend(wrap(f"Also: {'; '.join(others)}.", width, INDENT))
    if e.note:
        lines.extend(wrap(_sentence(e.note), width, INDENT))
    if e.confidence == "M":
        lines.extend(wrap("Less certain: fewer sources agree on these numbers.", width, INDENT))
    return lines


def header_lines(help_: CountryHelp, width: int) -> list[str]:
    if help_.country_name:
        title = f"Help now: {help_.country_name} ({help_.country})"
    elif help_.country:
        title = f"Help now ({help_.country})"
    else:
        title = "Help now"
    return wrap(title, width)


def overdose_lines(width: int) -> list[str]:
    """One line after the emergency number: where the overdose steps are."""
    return wrap(OVERDOSE_POINTER, width)


def fallback_lines(help_: CountryHelp, width: int) -> list[str]:
    if help_.fallback_reason == "no_country":
        text = (
            "safeplan does not know which country you are in, so no national crisis line is shown."
        )
    elif help_.fallback_reason == "unknown_country":
        text = f"safeplan has no information for the country code {help_.country}."
    elif help_.fallback_reason == "no_lines":
        text = (
            f"safeplan has no crisis line it could confirm for {help_.country_name}. "
            "The directories below list services there."
        )
    else:
        return []
    return wrap(text, width)


def lines_section(help_: CountryHelp, width: int) -> list[str]:
    out: list[str] = []
    if help_.services:
        out.extend(wrap("Crisis lines", width))
        for service in help_.services:
            out.extend(service_lines(service, width, local=service.id in help_.local_service_ids))
    for note in help_.notes:
        out.extend(wrap(_sentence(said_plainly(note)), width))
    return out


def directories_section(help_: CountryHelp, width: int) -> list[str]:
    if not help_.international:
        return []
    heading = "Find more help" if not help_.fallback else "Find a crisis line"
    out = wrap(heading, width)
    for item in help_.international:
        out.extend(wrap(f"{item.name}: {item.display}", width, BULLET, INDENT))
        out.extend(wrap(_sentence(item.description), width, INDENT))
    return out


def footer_lines(help_: CountryHelp, width: int) -> list[str]:
    dates = sorted(
        {s.verified for s in help_.services}
        | ({help_.emergency.verified} if help_.emergency else set())
    )
    when = f" in {_join(dates, 'and')}" if dates else ""
    text = (
        f"Checked against public sources{when}. Numbers change: if one does not work, try the next."
    )
    return wrap(text, width)


def join_blocks(blocks: Iterable[list[str]]) -> list[str]:
    """Blocks of lines with one empty line between them (empty blocks are skipped)."""
    out: list[str] = []
    for block in blocks:
        if not block:
            continue
        if out:
            out.append("")
        out.extend(block)
    return out


def render_help_text(help: CountryHelp, width: int = 80) -> list[str]:  # noqa: A002
    """The whole help as plain lines, each at most ``width`` cells: the country, what to call in
    danger, the crisis lines, the international directories, and when it was checked."""
    return join_blocks(
        [
            header_lines(help, width) + emergency_lines(help, width),
            fallback_lines(help, width),
            lines_section(help, width),
            directories_section(help, width),
            footer_lines(help, width),
        ]
    )
