"""`safeplan checkin`: mood, urges, sleep, tags and a note, in one line or asked line by line.

With --mood it is one shot (scriptable). Without --mood, on a terminal, it asks one plain question
per line: numbered choices, Enter to skip the optional ones, no colour and no cursor movement (the
plain mode that works with screen readers). Without --mood and without a terminal it stops with exit
code 2 and says what to do.

After a hard check-in it shows what :mod:`safeplan.core.hard_moments` offers: a warm word and
crisis help for any suicidal-thoughts or self-harm answer above 0, and above the person's threshold
what their plan says, then crisis lines. Nothing is required.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from safeplan.cli.common import add_command, open_store, say
from safeplan.cli.formatting import crisis_country, print_offer, saved_words, sync_kept_country
from safeplan.cli.options import add_checkin_options, parse_at
from safeplan.cli.prompts import Prompter, require_terminal
from safeplan.core import errors

if TYPE_CHECKING:
    pass

SKIP = "(Enter to skip)"


def register(sub: argparse._SubParsersAction[Any], common: argparse.ArgumentParser) -> None:
    p = add_command(
        sub,
        common,
        "checkin",
        "check in: mood, urges, sleep, a note (asks line by line without --mood)",
        "safeplan.cli.commands.checkin:checkin",
        description="Log how you are. With --mood it saves at once; without it, on a terminal, it "
        "asks one plain question at a time (Enter skips the optional ones). Scales run from 0 to "
        "10. This is a personal log, not a test or a score.",
    )
    add_checkin_options(p)


# --- The command ----------------------------------------------------------------------------------


def _ask_checkin(p: Prompter, args: argparse.Namespace) -> dict[str, Any]:
    from safeplan.core.checkins import SCALE_ENDS, normalize_tags

    p.say("Checking in. Only the first question is needed; press Enter to skip any other.")
    values: dict[str, Any] = {"mood": p.scale("Mood right now", SCALE_ENDS["mood"], optional=False)}
    for name, label in (
        ("anxiety", "Anxiety"),
        ("self_harm_urge", "Urge to self-harm"),
        ("suicidal_thoughts", "Suicidal thoughts"),
        ("use_urge", "Urge to use"),
    ):
        values[name] = p.scale(label, SCALE_ENDS[name], optional=True)
    values["sleep_hours"] = p.number("Hours slept last night", 24)
    values["tags"] = normalize_tags([p.text("Tags, separated by commas")])
    values["note"] = p.text("A note")
    return values


def checkin(args: argparse.Namespace) -> int:
    from safeplan.core import hard_moments, selfchecks
    from safeplan.core.checkins import add_checkin, new_checkin

    interactive = args.mood is None
    plain = getattr(args, "plain_answers", None)  # the plain menu's answers, piped or typed
    if interactive and plain is None:
        require_terminal("Without --mood, `safeplan checkin`", "for example --mood 5")
    at = parse_at(args.at)
    with open_store(args) as store:
        if interactive:
            values = _ask_checkin(Prompter(plain.ask, plain.say) if plain else Prompter(), args)
        else:
            values = {
                "mood": args.mood,
                "anxiety": args.anxiety,
                "self_harm_urge": args.self_harm_urge,
                "suicidal_thoughts": args.suicidal_thoughts,
                "use_urge": args.use_urge,
                "sleep_hours": args.sleep,
                "tags": args.tag or [],
                "note": args.note or "",
            }
        entry = new_checkin(at=at, **values)
        add_checkin(store.payload, entry)
        store.save()
        sync_kept_country(store)
        found = hard_moments.for_checkin(entry, store.payload, crisis_country(store.payload))
        hard = found.level != "calm"
        say(saved_words(store, "check-in", entry.id, entry.at, gentle=hard))
        if hard:
            # Warm words and help first; never a questionnaire in the same breath.
            print_offer(found)
            return errors.EXIT_OK
        for q in selfchecks.due(store.payload):
            say(
                f"A {q.name} self-check is there if you want it ({q.about}): "
                f"`safeplan selfcheck {q.key}`."
            )
    return errors.EXIT_OK
