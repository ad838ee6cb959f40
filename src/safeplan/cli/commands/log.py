"""`safeplan log`: your check-ins and use entries as a table, CSV or JSON; `log edit ID` and
`log delete ID` to change one.

The CSV and JSON forms parse back into exactly the same entries (see safeplan.core.log_formats).
Output goes to standard output only; nothing is written to disk except through the vault.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from typing import TYPE_CHECKING, Any

from safeplan.cli.common import add_command, err, open_store, out, write, write_json
from safeplan.cli.formatting import when_words, wrapped
from safeplan.cli.options import add_checkin_options, add_use_options, parse_at
from safeplan.core import errors
from safeplan.core.plural import count

if TYPE_CHECKING:
    from datetime import datetime

    from safeplan.core.checkins import Entry
    from safeplan.core.models import VaultPayload

NOTE_ROOM = 40


def register(sub: argparse._SubParsersAction[Any], common: argparse.ArgumentParser) -> None:
    p = add_command(
        sub,
        common,
        "log",
        "list your check-ins and use entries (table, CSV or JSON); edit or delete one",
        "safeplan.cli.commands.log:show",
        description="List your check-ins and use entries, oldest first. `safeplan log edit ID` "
        "changes one and `safeplan log delete ID` removes one; the ids are in the first column.",
    )
    add_list_options(p)
    inner = p.add_subparsers(dest="log_command", metavar="[edit|delete]", parser_class=type(p))
    edit = add_command(
        inner,
        common,
        "edit",
        "change a check-in or use entry",
        "safeplan.cli.commands.log:edit",
        description="Change a check-in or use entry. Give the id (or its first characters) and "
        "the new values; --clear NAME empties an optional value (for example --clear anxiety).",
    )
    edit.add_argument("id", metavar="ID", help="the entry's id, or its first 4+ characters")
    add_checkin_options(edit, for_edit=True)
    edit_use = edit.add_argument_group("for a use entry")
    add_use_options(edit_use, with_shared=False)
    edit.add_argument(
        "--clear",
        action="append",
        metavar="NAME",
        default=[],
        help="empty this optional value (anxiety, sleep, tags, note, amount, alone...)",
    )
    delete = add_command(
        inner,
        common,
        "delete",
        "remove a check-in or use entry",
        "safeplan.cli.commands.log:delete",
        description="Remove a check-in or use entry. Asks first on a terminal; --yes skips that.",
    )
    delete.add_argument("id", metavar="ID", help="the entry's id, or its first 4+ characters")
    delete.add_argument("-y", "--yes", action="store_true", help="don't ask, just remove it")


def add_list_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--since",
        default="30d",
        metavar="WHEN",
        help="how far back: 7d, 2w, 12h, 1y, a date like 2026-10-01, or 'all' (default 30d)",
    )
    p.add_argument("--kind", choices=("checkin", "use"), help="only check-ins or only use")
    p.add_argument(
        "--format",
        choices=("table", "csv", "json"),
        default="table",
        help="table (default) to read, csv or json to keep or process",
    )
    p.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="write to this file, readable by you only (better than `> FILE`, which other users "
        "may be able to read); it is not encrypted",
    )
    p.add_argument(
        "-y", "--yes", action="store_true", help="with --output: write without asking first"
    )


def _what(entry: Entry) -> str:
    from safeplan.core.checkins import describe_checkin, describe_use
    from safeplan.core.models import CheckIn

    if isinstance(entry, CheckIn):
        text = "check-in: " + describe_checkin(entry)
    else:
        text = "use: " + describe_use(entry)
    if entry.note:
        note = " ".join(entry.note.split())
        if len(note) > NOTE_ROOM:
            note = note[: NOTE_ROOM - 1] + "…"
        text += f' ("{note}")'
    return text


MAX_WHAT_LINES = 4  # a row of very many tags ends in "…" rather than filling the screen


def table_lines(entries: list[Entry], width: int = 80) -> list[str]:
    """The table, each row wrapped to ``width`` with its "What" continuing under itself."""
    import textwrap

    whens = [when_words(e.at) for e in entries]
    when_width = max([17, *map(len, whens)]) + 3  # wider when a time shows its year
    column = 9 + when_width
    room = max(20, width - column)
    lines = [f"{'ID':<9}{'When':<{when_width}}What"]
    for e, when in zip(entries, whens, strict=True):
        what = textwrap.wrap(_what(e), room, break_on_hyphens=False) or [""]
        if len(what) > MAX_WHAT_LINES:
            what = [*what[: MAX_WHAT_LINES - 1], what[MAX_WHAT_LINES - 1][: room - 1] + "…"]
        lines.append(f"{e.id[:8]:<9}{when:<{when_width}}{what[0]}")
        lines += [" " * column + part for part in what[1:]]
    return lines


def _goal_lines(payload: VaultPayload) -> list[str]:
    from safeplan.core.harm_reduction import goal_alignment

    plan = payload.harm_reduction
    if not any(g.active for g in plan.goals) and not plan.strategies:
        return []
    return ["", *wrapped(goal_alignment(payload, 14).lines)]


def show(args: argparse.Namespace) -> int:
    from safeplan.core.checkins import entries_since, parse_since
    from safeplan.core.log_formats import to_csv, to_json

    since = parse_since(args.since)
    if getattr(args, "output", None):
        return _to_file(args, since)
    with open_store(args) as store:
        entries = entries_since(store.payload, since, args.kind)
        if args.format == "csv":
            write(to_csv(entries))
            return errors.EXIT_OK
        if args.format == "json":
            write_json(to_json(entries))
            return errors.EXIT_OK
        period = "ever" if since is None else f"since {when_words(since)}"
        if not entries:
            out(f"Nothing logged {period}. `safeplan log --since all` shows everything.")
            return errors.EXIT_OK
        width = shutil.get_terminal_size().columns if sys.stdout.isatty() else 80
        for line in table_lines(entries, width):
            out(line)
        out(f"\n{count(len(entries), 'entry')} {period}.")
        if args.kind != "checkin":
            for line in _goal_lines(store.payload):
                out(line)
    return errors.EXIT_OK


def _to_file(args: argparse.Namespace, since: datetime | None) -> int:
    """The log written 0600 through the one guard for private files, after a plain warning."""
    from pathlib import Path

    from safeplan.cli.files import check_output, write_output
    from safeplan.cli.prompts import confirm
    from safeplan.core.checkins import entries_since
    from safeplan.core.log_formats import to_csv, to_json

    path = Path(args.output).expanduser()
    check_output(args, path)
    with open_store(args) as store:
        entries = entries_since(store.payload, since, args.kind)
    if args.format == "json":
        text = to_json(entries)
    elif args.format == "csv":
        text = to_csv(entries)
    else:
        text = "\n".join(table_lines(entries)) + "\n"
    if not confirm(
        args, f"{path} will NOT be encrypted: anyone who can open it can read it. Write it?"
    ):
        err("Nothing was written.")
        return errors.EXIT_OK
    write_output(args, path, text)
    err(
        f"Wrote {path} ({count(len(entries), 'entry')}), readable by you only. It is not encrypted."
    )
    return errors.EXIT_OK


_EDIT_FIELDS = {
    "mood": "mood",
    "anxiety": "anxiety",
    "self_harm_urge": "self_harm_urge",
    "suicidal_thoughts": "suicidal_thoughts",
    "use_urge": "use_urge",
    "sleep": "sleep_hours",
    "note": "note",
    "substance": "substance",
    "substance_class": "substance_class",
    "amount": "amount",
    "unit": "unit",
    "route": "route",
    "setting": "setting",
    "alone": "used_alone",
    "naloxone": "naloxone_at_hand",
    "tested": "tested",
    "with_whom": "with_whom",
}
_CLEAR_NAMES = {
    **{k.replace("_", "-"): v for k, v in _EDIT_FIELDS.items()},
    **{v: v for v in _EDIT_FIELDS.values()},
    "tags": "tags",
    "tag": "tags",
    "with": "with_whom",
    "class": "substance_class",
}


def _changes(args: argparse.Namespace) -> dict[str, Any]:
    changes: dict[str, Any] = {}
    for option, field in _EDIT_FIELDS.items():
        value = getattr(args, option, None)
        if value is not None:
            changes[field] = value
    if args.tag is not None:
        changes["tags"] = args.tag
    if args.at is not None:
        changes["at"] = parse_at(args.at)
    for name in args.clear:
        cleared = _CLEAR_NAMES.get(name.strip().casefold())
        if cleared is None or cleared in ("mood", "substance"):
            raise errors.UsageError(
                "That value cannot be cleared.",
                "Optional values can: anxiety, self-harm-urge, suicidal-thoughts, use-urge, "
                "sleep, tags, note, amount, unit, route, setting, alone, naloxone, tested, with.",
            )
        changes[cleared] = None
    return changes


def edit(args: argparse.Namespace) -> int:
    from safeplan.core.checkins import edit_entry

    changes = _changes(args)
    if not changes:
        raise errors.UsageError(
            "Nothing to change was given.",
            "Add the new values, for example `safeplan log edit ID --mood 6`.",
        )
    with open_store(args) as store:
        entry = edit_entry(store.payload, args.id, changes)
        store.save()
        out(f"Changed the entry {entry.id[:8]}. It now reads:")
        out(f"  {when_words(entry.at)}  {_what(entry)}")
    return errors.EXIT_OK


def delete(args: argparse.Namespace) -> int:
    from safeplan.core.checkins import delete_entry, find_entry, kind_of

    if not args.yes and not sys.stdin.isatty():
        raise errors.UsageError(
            "Removing an entry asks first on a terminal, and this is not one.",
            "Add --yes to remove it without asking.",
        )
    with open_store(args) as store:
        entry = find_entry(store.payload, args.id)
        what = "check-in" if kind_of(entry) == "checkin" else "use entry"
        if not args.yes:
            out(f"  {when_words(entry.at)}  {_what(entry)}")
            try:
                answer = input(f"Remove this {what}? It cannot be undone. Type yes to remove it: ")
            except EOFError:
                answer = ""
            if answer.strip().casefold() not in ("yes", "y"):
                out("Nothing was removed.")
                return errors.EXIT_OK
        delete_entry(store.payload, entry.id)
        store.save()
        out(f"Removed the {what} from {when_words(entry.at)}.")
    return errors.EXIT_OK
