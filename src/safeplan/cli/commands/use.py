"""`safeplan use`: log substance use as information, without judgment.

With --substance it is one shot; without it, on a terminal, it asks line by line (Enter skips).
After saving it says, calmly and with the source, when entries close in time make a high-risk mix
(a pair safeplan has no data on is "not known", never "safe"), and offers one or two safer-use ideas
to take or leave, unless the person turned tips off (--no-tips, or in settings).
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from safeplan.cli.common import add_command, open_store, out
from safeplan.cli.formatting import saved_words, wrap_text
from safeplan.cli.options import CLASS_CHOICES, add_use_options, parse_at
from safeplan.cli.prompts import Prompter, require_terminal
from safeplan.core import errors

if TYPE_CHECKING:
    from safeplan.core.combinations import CombinationNote
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


def _ask_use(p: Prompter) -> dict[str, Any]:
    from safeplan.core import substances

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
    values["naloxone_at_hand"] = p.yes_no("Was naloxone at hand?")
    values["tested"] = p.yes_no("Was it tested first?")
    values["with_whom"] = p.text("Who were you with")
    values["note"] = p.text("A note")
    return values


def render_notes(notes: list[CombinationNote]) -> list[str]:
    lines: list[str] = []
    known = [n for n in notes if n.known]
    unknown = [n for n in notes if not n.known]
    if known:
        lines += ["", "A note on mixing, from your entries close in time:"]
        for note in known:
            lines += [""]
            for line in note.render().splitlines():
                lines += wrap_text(line)
    if unknown:
        pairs = "; ".join(f"{n.first} and {n.second}" for n in unknown)
        lines += ["", *wrap_text(f"Not in safeplan's table: {pairs}."), *wrap_text(unknown[0].text)]
    return lines


def render_tips(tips: list[Strategy]) -> list[str]:
    if not tips:
        return []
    lines = ["", "Some safer-use ideas, to take or leave (--no-tips turns these off):"]
    for tip in tips:
        lines += wrap_text(f"{tip.title}: {tip.text}", "  - ", "    ")
        lines += wrap_text(f"Source: {tip.source.short()}, checked {tip.verified}.", "    ", "    ")
    return lines


def use(args: argparse.Namespace) -> int:
    from safeplan.core.checkins import add_use_entry, new_use_entry
    from safeplan.core.combinations import check_combinations
    from safeplan.core.harm_reduction import tips_for

    interactive = args.substance is None
    if interactive:
        require_terminal("Without --substance, `safeplan use`", "for example --substance alcohol")
    at = parse_at(args.at)
    with open_store(args) as store:
        if interactive:
            values = _ask_use(Prompter())
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
        out(saved_words(store, "use entry", entry.id, entry.at))
        notes = check_combinations(payload.use_entries, entry)
        tips = [] if args.no_tips else tips_for(entry, payload, notes)
        for line in render_notes(notes) + render_tips(tips):
            out(line)
    return errors.EXIT_OK
