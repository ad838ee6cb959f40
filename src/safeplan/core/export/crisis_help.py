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
    crisis = _crisis_module()
    return None if crisis is None else crisis.help_for(country)


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
