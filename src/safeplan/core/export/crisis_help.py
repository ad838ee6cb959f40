"""The crisis help printed at the end of every export, from the offline crisis directory.

:mod:`safeplan.core.crisis` (``help_for(country)`` and ``render_help_text(help, width)``) holds the
numbers, each with its source and verified date. If it cannot be imported, the exports still end with
the one piece of advice that is true everywhere, and the international directory.
"""

from __future__ import annotations

import importlib
from typing import Any

from safeplan.core.export.layout import clean, cols, wrap

FALLBACK = (
    "If you are in danger or cannot keep yourself safe, call your local emergency number now.",
    "To find a free crisis line in your country: findahelpline.com",
)


def _crisis_module() -> Any:
    try:
        module = importlib.import_module("safeplan.core.crisis")
    except ImportError:
        return None
    if not (hasattr(module, "help_for") and hasattr(module, "render_help_text")):
        return None
    return module


def help_for(country: str | None) -> Any:
    """The directory's help for ``country``; with no country, the one the locale suggests."""
    crisis = _crisis_module()
    if crisis is None:
        return None
    if country is None and hasattr(crisis, "guess_country"):
        country = crisis.guess_country()
    return crisis.help_for(country)


def help_lines(help_: Any, width: int) -> list[str]:
    """The crisis help as plain lines of at most ``width`` columns."""
    if help_ is not None:
        crisis = _crisis_module()
        assert crisis is not None
        rendered = crisis.render_help_text(help_, width)
        lines = rendered.splitlines() if isinstance(rendered, str) else list(rendered)
        # Trust, but check: nothing we print may be wider than the paper.
        out: list[str] = []
        for raw in lines:
            line = raw.rstrip()
            indent = " " * (len(line) - len(line.lstrip(" ")))
            if not line.strip():
                out.append("")
            elif cols(line) <= width and clean(line) == line.strip():
                out.append(line)
            else:
                out.extend(wrap(line, width, indent))
        while out and not out[-1]:
            out.pop()
        return out
    out = []
    for line in FALLBACK:
        out.extend(wrap(line, width))
    return out


def _join(items: list[str], last: str = "or") -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} {last} {items[-1]}"


def _reach(service: Any) -> str:
    """How to reach a service, in a few words: "call 116 123, free, 24/7"."""
    if service.phones:
        numbers = [
            f"{p.display} ({p.note})" if getattr(p, "note", None) else p.display
            for p in service.phones[:2]
        ]
        words = f"call {_join(numbers)}"
    else:
        t = service.texts[0]
        if t.kind == "sms":
            words = f"text {t.keyword} to {t.display}" if t.keyword else f"text {t.display}"
        elif t.kind == "whatsapp":
            words = f"WhatsApp {t.display}"
        elif t.kind == "chat":
            words = f"chat at {t.display}"
        else:
            words = f"email {t.display}"
    extras = []
    if service.free:
        extras.append("free")
    if service.hours:
        extras.append(service.hours if service.hours == "24/7" else f"open {service.hours}")
    if service.confidence == "M":
        extras.append("less certain")
    return ", ".join([words, *extras])


def _service_name(service: Any) -> str:
    return f"{service.name} ({service.region})" if service.region else str(service.name)


def first_line(help_: Any) -> str | None:
    """The first crisis line for the country, in one short line ("Samaritans 116 123")."""
    if help_ is None or not help_.services:
        return None
    service = help_.services[0]
    if service.phones:
        return f"{service.name} {service.phones[0].display}"
    return f"{service.name}: {_reach(service)}"


def emergency_words(help_: Any) -> str | None:
    """What to call in danger ("999 or 112"), or None when it is not known."""
    if help_ is None:
        return None
    found = help_.emergency_numbers()
    return None if found is None else str(found[0])


def compact_lines(help_: Any, width: int) -> list[str]:
    """The crisis help for paper, in a few lines: what to call in danger, one line per crisis line,
    where to find more, and when the numbers were checked. (The full text, with descriptions and
    web addresses, is in ``safeplan crisis`` and the Markdown export.)"""
    if help_ is None:
        return help_lines(None, width)
    crisis = _crisis_module()
    out: list[str] = list(crisis.render.emergency_lines(help_, width))
    if help_.fallback:
        out.extend(crisis.render.fallback_lines(help_, width))
        for item in help_.international:
            out.extend(wrap(f"{item.name}: {item.display}", width, "- ", "  "))
    else:
        for service in help_.services:
            out.extend(wrap(f"{_service_name(service)}: {_reach(service)}", width, "- ", "  "))
        if help_.international:
            out.extend(wrap(f"More helplines: {help_.international[0].display}", width))
    dates = sorted(
        {str(s.verified) for s in help_.services}
        | ({str(help_.emergency.verified)} if help_.emergency else set())
    )
    if dates:
        out.extend(wrap(f"Checked against public sources in {_join(dates, 'and')}.", width))
    return out
