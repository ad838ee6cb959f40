"""`safeplan use`: log substance use as information, without judgment.

With --substance it is one shot; without it, on a terminal, it asks line by line (Enter skips).
After saving it says, calmly and with the sources, when the new entry mixes with something still in
the body (each substance has its own window: methadone or diazepam last days) or with one of the
person's regular medicines (a pair without a rule is unknown, never "safe"). After a dangerous or
risky mix it prints the first overdose steps with the country's emergency number. Then it offers a
few safer-use ideas to take or leave, unless the person turned them off (--no-tips, or in settings).
`safeplan use --medicines NAME...` sets the regular medicines (none by default), `--medicines` alone
shows them, `--no-medicines` forgets them.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from safeplan.cli.common import add_command, open_store, out, say
from safeplan.cli.formatting import crisis_country, saved_words, wrap_text
from safeplan.cli.options import CLASS_CHOICES, add_use_options, parse_at
from safeplan.cli.prompts import Prompter, require_terminal
from safeplan.core import errors

if TYPE_CHECKING:
    from safeplan.core.harm_reduction import Strategy


def register(sub: argparse._SubParsersAction[Any], common: argparse.ArgumentParser) -> None:
    p = add_command(
        sub,
        common,
        "use",
        "log substance use (asks line by line without --substance)",
        "safeplan.cli.commands.use:use",
        description="Log substance use, as information for you. Only the substance is needed. "
        "safeplan notes when two entries close in time make a risky mix, with its source, and "
        "offers a safer-use idea or two that you can take or leave.",
    )
    add_use_options(p)
    p.add_argument(
        "--no-tips", action="store_true", help="don't offer safer-use ideas after saving"
    )
    p.add_argument(
        "--medicines",
        nargs="*",
        metavar="NAME",
        help="set your regular medicines instead of logging use (every use is checked against "
        "them); with no names, shows them",
    )
    p.add_argument(
        "--no-medicines", action="store_true", help="forget your regular medicines (none kept)"
    )


def _ask_use(p: Prompter) -> dict[str, Any]:
    from safeplan.core import substances
    from safeplan.core.harm_reduction import asks_about

    p.say("Logging use. Only the first question is needed; press Enter to skip any other.")
    substance = p.text("What did you use", optional=False)
    found = substances.lookup(substance)
    cls = ""
    if found is not None:
        p.say(f"  safeplan knows this as: {substances.describe(substance)}.")
    else:
        labels = [substances.class_label(k) for k in CLASS_CHOICES]
        index = p.choose("safeplan does not know that name. What kind of substance is it?", labels)
        cls = "" if index is None else CLASS_CHOICES[index]
    values: dict[str, Any] = {"substance": substance, "substance_class": cls}
    values["amount"] = p.number("How much, as a number", 1e9)
    values["unit"] = p.text("Unit (drinks, mg, pills...)") if values["amount"] is not None else ""
    values["route"] = p.text("How (drank, smoked, swallowed...)")
    values["setting"] = p.text("Where")
    values["used_alone"] = p.yes_no("Were you alone?")
    asked = asks_about(substance, cls)
    values["naloxone_at_hand"] = (
        p.yes_no("Was naloxone at hand?") if "naloxone_at_hand" in asked else None
    )
    values["tested"] = p.yes_no("Was it tested first?") if "tested" in asked else None
    values["with_whom"] = p.text("Who were you with")
    values["note"] = p.text("A note")
    return values


def render_tips(tips: list[Strategy], country: str | None) -> list[str]:
    if not tips:
        return []
    lines = ["", "Some safer-use ideas, to take or leave (--no-tips turns these off):"]
    for tip in tips:
        lines += wrap_text(f"{tip.title}: {tip.text_for(country)}", "  - ", "    ")
        cites = "; ".join(s.short() for s in tip.sources_for(country))
        lines += wrap_text(f"Source: {cites}, checked {tip.verified}.", "    ", "    ")
    return lines


def set_medicines(args: argparse.Namespace) -> int:
    from safeplan.core.substances import MAX_REGULAR, parse_names

    try:
        names = [] if args.no_medicines else parse_names(args.medicines or [])
    except ValueError:
        raise errors.UsageError(
            f"safeplan keeps up to {MAX_REGULAR} regular medicines, each up to 200 characters.",
            "Give the ones you take most often.",
        ) from None
    showing = not args.no_medicines and not names
    with open_store(args) as store:
        settings = store.payload.settings
        if not showing:
            settings.regular_medicines = names
            store.save()
        names = list(settings.regular_medicines)
    if showing:
        out(
            "Your regular medicines: " + ", ".join(names) + "."
            if names
            else "You have no regular medicines saved. To add some: safeplan use --medicines NAME..."
        )
    elif names:
        out("Your regular medicines are saved: " + ", ".join(names) + ".")
        out("Every use you log is now checked against them. `--no-medicines` forgets them.")
    else:
        out("No regular medicines are kept now.")
    return errors.EXIT_OK


def use(args: argparse.Namespace) -> int:
    from safeplan.cli.mixing import first_steps, render_notes
    from safeplan.core.checkins import add_use_entry, new_use_entry
    from safeplan.core.combinations import MixSummary, check_combinations
    from safeplan.core.harm_reduction import tips_for
    from safeplan.core.models import now

    if args.medicines is not None or args.no_medicines:
        return set_medicines(args)
    interactive = args.substance is None
    plain = getattr(args, "plain_answers", None)  # the plain menu's answers, piped or typed
    if interactive and plain is None:
        require_terminal("Without --substance, `safeplan use`", "for example --substance alcohol")
    at = parse_at(args.at)
    with open_store(args) as store:
        if interactive:
            values = _ask_use(Prompter(plain.ask, plain.say) if plain else Prompter())
        else:
            values = {
                "substance": args.substance,
                "substance_class": args.substance_class or "",
                "amount": args.amount,
                "unit": args.unit or "",
                "route": args.route or "",
                "setting": args.setting or "",
                "used_alone": args.alone,
                "naloxone_at_hand": args.naloxone,
                "tested": args.tested,
                "with_whom": args.with_whom or "",
                "note": args.note or "",
            }
        entry = new_use_entry(at=at, **values)
        payload = store.payload
        add_use_entry(payload, entry)
        store.save()
        say(saved_words(store, "use entry", entry.id, entry.at))
        notes = check_combinations(
            payload.use_entries, entry, regular=payload.settings.regular_medicines
        )
        country = crisis_country(payload)
        tips = [] if args.no_tips else tips_for(entry, payload, notes, country=country)
        lines = render_notes(
            notes, "A note on mixing, from what is still in your body:", full_sources=False
        )
        if MixSummary.of(notes).first_steps_now(entry.at, now()):
            lines += first_steps(country)
        for line in lines + render_tips(tips, country):
            out(line)
    return errors.EXIT_OK
