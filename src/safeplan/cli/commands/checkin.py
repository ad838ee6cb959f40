"""`safeplan checkin`: mood, urges, sleep, tags and a note, in one line or asked line by line.

With --mood it is one shot (scriptable). Without --mood, on a terminal, it asks one plain question
per line: numbered choices, Enter to skip the optional ones, no colour and no cursor movement (the
plain mode that works with screen readers). Without --mood and without a terminal it stops with exit
code 2 and says what to do.

After a hard check-in (the person's own thresholds) it gently shows what their plan says: the
things they can do on their own, the people they can ask, and crisis lines. Nothing is required.

This module also holds the small plain-prompt helper and the "what your plan says" text that `use`
and `selfcheck` share.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

from safeplan.cli.common import add_command, open_store, out
from safeplan.core import errors

if TYPE_CHECKING:
    from safeplan.core.models import VaultPayload
    from safeplan.core.store import Store

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


def scale(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError("use a whole number from 0 to 10") from None
    if not 0 <= value <= 10:
        raise argparse.ArgumentTypeError("use a whole number from 0 to 10")
    return value


def hours(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError("use a number of hours from 0 to 24, like 6.5") from None
    if not 0 <= value <= 24:
        raise argparse.ArgumentTypeError("use a number of hours from 0 to 24, like 6.5")
    return value


def add_checkin_options(p: argparse.ArgumentParser, *, for_edit: bool = False) -> None:
    p.add_argument("--mood", type=scale, metavar="N", help="0 = very low, 10 = very good")
    p.add_argument("--anxiety", type=scale, metavar="N", help="0 = calm, 10 = very anxious")
    p.add_argument("--self-harm-urge", type=scale, metavar="N", help="0 = none, 10 = very strong")
    p.add_argument(
        "--suicidal-thoughts", type=scale, metavar="N", help="0 = none, 10 = very strong"
    )
    p.add_argument("--use-urge", type=scale, metavar="N", help="urge to use: 0 none, 10 strong")
    p.add_argument("--sleep", type=hours, metavar="H", help="hours slept, like 6.5")
    p.add_argument(
        "--tag",
        action="append",
        metavar="T",
        help="a word for the day (repeat, or separate with commas)"
        + ("; replaces the tags" if for_edit else ""),
    )
    p.add_argument("--note", metavar="TEXT", help="a few words, if you like")
    p.add_argument(
        "--at",
        metavar="WHEN",
        help="when, if not now: '2h ago', 'yesterday 21:00', '21:00' or '2026-10-31 21:00'",
    )


# --- Plain prompts (shared with `use` and `selfcheck`) -------------------------------------------


class Stopped(errors.SafeplanError):
    def __init__(self) -> None:
        super().__init__(
            "Stopped before the end, so nothing was saved.", "Run the command again when you like."
        )


def require_terminal(what: str, flag: str) -> None:
    if not sys.stdin.isatty():
        raise errors.UsageError(
            f"{what} asks its questions on a terminal, and this is not one.",
            f"Give the answers as options instead ({flag}); see --help.",
        )


class Prompter:
    """Plain line-by-line questions: no colour, no cursor movement, numbered choices."""

    def __init__(
        self,
        ask: Callable[[str], str] = input,
        say: Callable[[str], None] = out,
    ) -> None:
        self._ask = ask
        self.say = say

    def _line(self, prompt: str) -> str:
        try:
            return self._ask(prompt).strip()
        except EOFError:
            self.say("")
            raise Stopped() from None

    def scale(self, label: str, ends: tuple[str, str], *, optional: bool) -> int | None:
        hint = f" {SKIP}" if optional else ""
        while True:
            text = self._line(f"{label}, 0 ({ends[0]}) to 10 ({ends[1]}){hint}: ")
            if not text and optional:
                return None
            if text.isdigit() and 0 <= int(text) <= 10:
                return int(text)
            self.say(
                "  Please type a whole number from 0 to 10"
                + (", or press Enter." if optional else ".")
            )

    def number(self, label: str, hi: float) -> float | None:
        while True:
            text = self._line(f"{label} {SKIP}: ").replace(",", ".")
            if not text:
                return None
            try:
                value = float(text)
            except ValueError:
                value = -1.0
            if 0 <= value <= hi:
                return value
            self.say(f"  Please type a number from 0 to {hi:g}, or press Enter.")

    def text(self, label: str, *, optional: bool = True) -> str:
        while True:
            value = self._line(f"{label}{' ' + SKIP if optional else ''}: ")
            if value or optional:
                return value
            self.say("  This one is needed.")

    def choose(self, label: str, options: Sequence[str], *, optional: bool = True) -> int | None:
        """A numbered choice; returns the index chosen (0-based) or None when skipped."""
        self.say(label)
        for i, option in enumerate(options, start=1):
            self.say(f"  {i}) {option}")
        while True:
            text = self._line(f"Number{' ' + SKIP if optional else ''}: ")
            if not text and optional:
                return None
            if text.isdigit() and 1 <= int(text) <= len(options):
                return int(text) - 1
            self.say(f"  Please type a number from 1 to {len(options)}.")

    def yes_no(self, label: str) -> bool | None:
        choice = self.choose(label, ("yes", "no"))
        return None if choice is None else choice == 0


# --- What the plan says, offered gently -----------------------------------------------------------

SUPPORT_INTRO = (
    "That sounds like a hard moment. Thank you for checking in. If it helps, here is what your "
    "plan says. You don't have to do any of it."
)


def _public_help_lines(payload: VaultPayload, width: int) -> list[str]:
    """The public crisis lines for the person's country (guessed from the locale if not set)."""
    try:
        from safeplan.core.crisis.directory import help_for
        from safeplan.core.crisis.locale import guess_country
        from safeplan.core.crisis.render import render_help_text

        country = payload.settings.country or guess_country()
        return render_help_text(help_for(country), width=width)
    except Exception:  # noqa: BLE001 - help text must never stop the check-in from being shown
        return [
            "In danger right now, call your local emergency number.",
            "`safeplan crisis` lists crisis lines; it needs no passphrase.",
        ]


SELFCHECK_INTRO = (
    "Thank you for answering that question. Thoughts like these are worth sharing with someone, "
    "and help is there now if you want it. Here is what your plan says."
)


def support_lines(payload: VaultPayload, width: int = 80, intro: str = SUPPORT_INTRO) -> list[str]:
    """The plan's own coping steps, people and crisis lines, then the public crisis lines."""
    plan = payload.plan
    lines: list[str] = []
    if plan.coping:
        lines += ["", "Things you can do on your own:"]
        lines += [f"  - {item.text}" for item in plan.coping]
    people = [*plan.help_contacts, *payload.harm_reduction.supporters]
    if people:
        lines += ["", "People you can ask for help:"]
        seen: set[str] = set()
        for c in people:
            if c.id in seen:
                continue
            seen.add(c.id)
            extra = ", ".join(x for x in (c.phone, c.relationship) if x)
            lines.append(f"  - {c.name}" + (f" ({extra})" if extra else ""))
    professionals = [*plan.clinicians, *plan.crisis_lines]
    if professionals:
        lines += ["", "Professionals and lines in your plan:"]
        for p in plan.clinicians:
            lines.append(f"  - {p.name}" + (f": {p.phone}" if p.phone else ""))
        for line in plan.crisis_lines:
            lines.append(f"  - {line.name}" + (f": {line.number}" if line.number else ""))
    lines += ["", *_public_help_lines(payload, width)]
    lines += ["", "`safeplan crisis` shows crisis lines again at any time, without a passphrase."]
    return [intro, *lines]


def wrapped(lines: Sequence[str], width: int = 80) -> list[str]:
    """Lines wrapped to ``width``, continuing under their own indent (and under a "- " bullet's
    text); empty lines kept."""
    import textwrap

    result: list[str] = []
    for line in lines:
        if not line:
            result.append("")
            continue
        bullet = line.lstrip().startswith("- ")
        indent = " " * (len(line) - len(line.lstrip()) + (2 if bullet else 0))
        result += textwrap.wrap(line, width, subsequent_indent=indent) or [""]
    return result


def print_support(payload: VaultPayload, intro: str = SUPPORT_INTRO) -> None:
    out()
    for line in wrapped(support_lines(payload, intro=intro)):
        out(line)


# --- The command ----------------------------------------------------------------------------------


def when_words(at: datetime) -> str:
    return f"{at:%a %d %b}, {at:%H:%M}"


def saved_words(store: Store, what: str, entry_id: str, at: datetime) -> str:
    where = "" if store.persistent else " (in memory only: nothing is written to disk)"
    return f"Saved your {what} for {when_words(at)}{where}. Its id is {entry_id[:8]}."


def parse_at(text: str | None) -> datetime | None:
    from safeplan.core.checkins import parse_when

    return parse_when(text) if text else None


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
    from safeplan.core import selfchecks
    from safeplan.core.checkins import add_checkin, is_hard_checkin, new_checkin

    interactive = args.mood is None
    if interactive:
        require_terminal("Without --mood, `safeplan checkin`", "for example --mood 5")
    at = parse_at(args.at)
    with open_store(args) as store:
        if interactive:
            values = _ask_checkin(Prompter(), args)
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
        out(saved_words(store, "check-in", entry.id, entry.at))
        if is_hard_checkin(entry, store.payload.settings):
            print_support(store.payload)
            return errors.EXIT_OK
        for q in selfchecks.due(store.payload):
            out(
                f"A {q.name} self-check is there if you want it ({q.about}): "
                f"`safeplan selfcheck {q.key}`."
            )
    return errors.EXIT_OK
