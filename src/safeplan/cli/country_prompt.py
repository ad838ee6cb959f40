"""Asking which country's crisis lines to show, line by line (``safeplan init``, the guided session,
``guide --ephemeral``): the locale's guess is the default, a name or code changes it, and what
cannot be placed is asked again with the closest matches. Shared by the commands that ask it.
"""

from __future__ import annotations

from safeplan.cli.prompts import Prompter

QUESTION = "Which country are you in? Its crisis lines and emergency number are the ones shown"


def ask_country(p: Prompter, guess: str | None) -> str | None:
    """The country the person chose (an ISO code), the guess when they press Enter, or None
    when there is no guess and they skip it."""
    from safeplan.core.crisis.countries import did_you_mean, display_name, match_country

    p.say(QUESTION + ".")
    if guess:
        p.say(f"Press Enter to keep {display_name(guess)}, or type another country.")
    else:
        p.say("Type a country name or code, or press Enter to skip for now.")
    while True:
        typed = p.answer("Country: ")
        if not typed:
            return guess
        found = match_country(typed)
        if found.code is not None:
            p.say(f"  Crisis help will be shown for {display_name(found.code)}.")
            return found.code
        offer = did_you_mean(found)
        p.say(f"  safeplan cannot place that country. {offer or ''}".rstrip())
        p.say("  Try a name or a two-letter code such as GB, IE or US.")


def keep_chosen(code: str | None) -> str | None:
    """Keep ``code`` outside the vault (``core.kept_country``) so help is right before unlocking;
    returns a line to tell the person, or None when nothing was kept."""
    from safeplan.core import kept_country
    from safeplan.core.crisis.countries import display_name

    if code is None or not kept_country.keep_quietly(code):
        return None
    return f"Crisis help is shown for {display_name(code)}, also before unlocking."
