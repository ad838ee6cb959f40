"""The crisis help printed at the end of every export, from the offline crisis directory
(:mod:`safeplan.core.crisis`), where every number carries its source and verified date.

Paper gets a compact form (what to call in danger, one line per crisis line, where to find more, when
it was checked) so that a typical plan still fits one page; Markdown gets the directory's full text
(``render_help_text``); the wallet card gets the emergency number and the first line.
"""

from __future__ import annotations

from safeplan.core.crisis import CountryHelp, Service, guess_country, help_for, render_help_text
from safeplan.core.crisis.render import emergency_lines, fallback_lines, header_lines
from safeplan.core.crisis.wording import hours_words, text_words
from safeplan.core.export.layout import clean, cols, wrap


def help_for_export(country: str | None) -> CountryHelp:
    """The directory's help for ``country``; with no country, the one the locale suggests."""
    return help_for(country or guess_country())


def numbers_warning(used: str | None, *, given: str | None, vault: str | None) -> str | None:
    """What to tell the person when paper carries numbers for a country they did not choose: a
    country other than the kept one (``safeplan country``), or only the locale's guess."""
    from safeplan.core import kept_country
    from safeplan.core.crisis.countries import display_name

    kept = kept_country.read()
    if kept and used and used != kept:
        return (
            f"Note: the crisis numbers in it are for {display_name(used)}, not "
            f"{display_name(kept)}, the country you chose. Use --country to change that."
        )
    if kept is None and not given and not vault:
        if used:
            return (
                f"Note: the crisis numbers in it are for {display_name(used)}, guessed from your "
                "language settings. To choose your country: safeplan country NAME."
            )
        return (
            "Note: safeplan does not know your country, so it has no national crisis line. To "
            "choose it: safeplan country NAME."
        )
    return None


def help_lines(help_: CountryHelp, width: int, *, header: bool = True) -> list[str]:
    """The directory's full help text as plain lines of at most ``width`` columns; without its
    "Help now: COUNTRY" header when the page's own heading already names the country."""
    out: list[str] = []
    text = render_help_text(help_, width)
    if not header:
        text = text[len(header_lines(help_, width)) :]
    for raw in text:
        line = raw.rstrip()
        indent = " " * (len(line) - len(line.lstrip(" ")))
        if not line.strip():
            out.append("")
        elif cols(line) <= width and clean(line) == line.strip():
            out.append(line)
        else:  # trust, but check: nothing we print may be wider than the paper
            out.extend(wrap(line, width, indent))
    while out and not out[-1]:
        out.pop()
    return out


def _join(items: list[str], last: str = "or") -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} {last} {items[-1]}"


def _reach(service: Service) -> str:
    """How to reach a service, in a few words: "call 116 123, free, open day and night, every day"."""
    if service.phones:
        numbers = [f"{p.display} ({p.note})" if p.note else p.display for p in service.phones[:2]]
        words = f"call {_join(numbers)}"
    else:
        words = text_words(service.texts[0])
    extras = []
    if service.free:
        extras.append("free")
    if service.hours:
        extras.append(hours_words(service.hours))
    if service.confidence == "M":
        extras.append("less certain")
    return ", ".join([words, *extras])


def _service_name(service: Service) -> str:
    return f"{service.name} ({service.region})" if service.region else service.name


def first_line(help_: CountryHelp) -> str | None:
    """The first crisis line for the country, in one short line ("Samaritans 116 123")."""
    if not help_.services:
        return None
    service = help_.services[0]
    if service.phones:
        return f"{service.name} {service.phones[0].display}"
    return f"{service.name}: {_reach(service)}"


def emergency_words(help_: CountryHelp) -> str | None:
    """What to call in danger ("999 or 112"), or None when it is not known."""
    found = help_.emergency_numbers()
    return None if found is None else found[0]


def compact_lines(help_: CountryHelp, width: int) -> list[str]:
    """The crisis help for paper, in a few lines. (The full text, with descriptions and web
    addresses, is in ``safeplan crisis`` and the Markdown export.)"""
    out = list(emergency_lines(help_, width))
    if help_.fallback:
        out.extend(fallback_lines(help_, width))
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
