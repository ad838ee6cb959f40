"""Plain text for the Learn cards and the treatment lines: the same lines in the CLI and the app.

Every card ends with where to get this: the line for the person's country when a source gives one
(the country is named), or a kind general pointer that promises nothing. Countries are never
silently applied to everyone: with no country known, each country's line is shown with its name.
"""

from __future__ import annotations

from safeplan.core.crisis import country_names
from safeplan.core.crisis.models import Source
from safeplan.core.crisis.render import service_lines, wrap
from safeplan.core.learn.cards import TREATMENT, cards, treatment
from safeplan.core.learn.models import Card, Finder

NOT_ADVICE = (
    "safeplan is not a doctor. These cards are general facts with their sources; a doctor, "
    "pharmacist or drug service can tell you what fits you."
)


def _name(code: str) -> str:
    return country_names().get(code, code)


def _names(codes: tuple[str, ...]) -> str:
    names = [_name(c) for c in codes]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def topic_lines(width: int = 80) -> list[str]:
    """The list of topics, one line each, then how to open one."""
    lines = ["Things worth knowing. Each card is short and says where its facts come from.", ""]
    rows = [(c.key, c.summary) for c in cards()]
    rows.append((TREATMENT, "Drug and alcohol lines and treatment finders"))
    pad = max(len(key) for key, _ in rows) + 2
    for key, summary in rows:
        lines.extend(wrap(summary, width, f"  {key.ljust(pad)}", " " * (pad + 2)))
    lines += [
        "",
        "Open one with `safeplan learn TOPIC`, for example `safeplan learn naloxone`.",
        "Add --country CC for the lines and services in your country.",
    ]
    return lines


def where_lines(c: Card, country: str | None, width: int) -> list[str]:
    """The closing "where to get this" part of a card."""
    head = "Where to get this"
    line = c.where_for(country)
    if line is not None:
        return wrap(f"{head} in {_name(country or '')}: {line.text}", width)
    out = wrap(f"{head}: {c.elsewhere}", width)
    if country is not None:
        return out
    for w in c.where:
        out.extend(wrap(f"{_names(w.countries)}: {w.text}", width, "  ", "  "))
    return out


def source_lines(c: Card, width: int) -> list[str]:
    out = [f"Sources (checked {c.verified}):"]
    for s in c.sources.values():
        text = s.name + (f" ({s.date})" if s.date and s.date not in s.name else "")
        out.extend(wrap(text, width, "  - ", "    "))
        if s.url:
            out.append(f"    {s.url}")  # whole, so it can be copied
    return out


def card_lines(
    c: Card, country: str | None = None, width: int = 80, *, sources: bool = True
) -> list[str]:
    """One card as plain lines: title, paragraphs, see also, where to get this, sources."""
    lines = [c.title, ""]
    for paragraph in c.paragraphs:
        lines.extend(wrap(paragraph, width))
        lines.append("")
    if c.see_also:
        lines.extend(wrap("See also: " + ", ".join(f"`{s}`" for s in c.see_also) + ".", width))
        lines.append("")
    lines.extend(where_lines(c, country, width))
    if sources:
        lines.append("")
        lines.extend(source_lines(c, width))
    return lines


def _finder_lines(f: Finder, width: int) -> list[str]:
    lines = wrap(f.name, width, "* ", "  ")
    lines.extend(wrap(f"Web: {f.display}", width, "  "))
    lines.extend(wrap(f.description, width, "  ", "  "))
    if f.confidence == "M":
        lines.extend(wrap("Less certain: check it before you rely on it.", width, "  "))
    return lines


def treatment_lines(country: str | None, width: int = 80) -> list[str]:
    """Drug and alcohol lines and finders for ``country``; the international directories always."""
    data = treatment()
    services = [s for s in data.services if s.country == country]
    finders = [f for f in data.finders if f.country == country]
    lines: list[str] = []
    if country is None:
        lines.extend(
            wrap(
                "No country is set, so here are the directories that cover many countries. "
                "Add --country CC (for example --country US) for your country's lines.",
                width,
            )
        )
    elif services or finders:
        lines.append(f"Drug and alcohol help in {_name(country)}:")
    else:
        lines.extend(
            wrap(
                f"safeplan has no confirmed drug and alcohol line for {_name(country)} yet. "
                "These directories cover many countries:",
                width,
            )
        )
    for service in services:
        lines.append("")
        lines.extend(service_lines(service.plain(), width))
    for f in finders:
        lines.append("")
        lines.extend(_finder_lines(f, width))
    lines.append("")
    lines.append("Directories for many countries:")
    for d in data.international:
        lines.extend(wrap(f"{d.name}: {d.display}. {d.description}", width, "* ", "  "))
    missing = [u for u in data.not_confirmed if u.country == country]
    for u in missing:
        lines.append("")
        lines.extend(wrap(f"Not shown: {u.name}. {u.reason}", width))
    lines.append("")
    lines.extend(
        wrap(
            "In danger right now? Call your emergency number, or run `safeplan crisis`. "
            "Sources and dates: `safeplan learn treatment --sources`.",
            width,
        )
    )
    return lines


def treatment_source_lines(country: str | None, width: int = 80) -> list[str]:
    data = treatment()
    lines: list[str] = []
    records = [s for s in data.services if country in (None, s.country)]
    for s in records:
        lines.append(f"{s.name} ({s.country}), checked {s.verified}, confidence {s.confidence}:")
        lines.extend(_cited(s.sources, width))
    for f in data.finders:
        if country in (None, f.country):
            lines.append(
                f"{f.name} ({f.country}), checked {f.verified}, confidence {f.confidence}:"
            )
            lines.extend(_cited(f.sources, width))
    return lines


def _cited(sources: tuple[Source, ...], width: int) -> list[str]:
    lines: list[str] = []
    for src in sources:
        lines.extend(wrap(src.name, width, "  - ", "    "))
        if src.url:
            lines.append(f"    {src.url}")
    return lines
