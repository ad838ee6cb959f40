"""`safeplan hope [show|add|remove]`: the hope box, kept in the vault.

``show`` (the default) prints it; ``show -o FILE`` writes it as plain text after saying that the
file will not be encrypted. ``add`` takes the words as arguments (with --kind and --who), or asks
line by line on a terminal. ``remove N`` takes out item N as numbered by ``show --numbered``.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from safeplan.cli.common import add_command, err, open_store, out
from safeplan.core import errors

KIND_CHOICES = ("message", "said", "memory", "plan", "quote", "other")


def register(sub: argparse._SubParsersAction[Any], common: argparse.ArgumentParser) -> None:
    p = add_command(
        sub,
        common,
        "hope",
        "your hope box: messages to yourself, things people said, memories, plans, quotes",
        "safeplan.cli.commands.hope:hope",
        description="Things worth holding on to, kept encrypted in your vault. `safeplan hope` "
        "shows them; `safeplan hope add` adds one (asked line by line, or give the words); "
        "`safeplan hope remove N` takes one out. `safeplan hope show -o FILE` writes them to a "
        "plain-text file you can print (not encrypted; you are asked first).",
    )
    p.set_defaults(action="show", numbered=False, output=None, yes=False)
    inner = p.add_subparsers(dest="action", metavar="ACTION", parser_class=type(p))
    show = inner.add_parser("show", help="show the hope box", parents=[common])
    show.add_argument("--numbered", action="store_true", help="number the items")
    show.add_argument("-o", "--output", metavar="FILE", help="write to this plain-text file")
    show.add_argument("--yes", action="store_true", help="do not ask before writing the file")
    add = inner.add_parser("add", help="add something to the hope box", parents=[common])
    add.add_argument("words", nargs="*", help="the words (asked for when left out)")
    add.add_argument("--kind", choices=KIND_CHOICES, help="what kind of thing it is")
    add.add_argument("--who", metavar="NAME", help="who said it, if anyone")
    remove = inner.add_parser("remove", help="take something out (by its number)", parents=[common])
    remove.add_argument("words", nargs=1, metavar="N", help="its number in `show --numbered`")
    remove.add_argument("--yes", action="store_true", help="do not ask first")


def hope(args: argparse.Namespace) -> int:
    if args.action == "add":
        return _add(args)
    if args.action == "remove":
        return _remove(args)
    return _show(args)


def _show(args: argparse.Namespace) -> int:
    from safeplan.cli.files import check_output, write_output
    from safeplan.cli.formatting import wrapped
    from safeplan.cli.prompts import confirm
    from safeplan.core.hope import hope_lines, item_text

    path = Path(args.output).expanduser() if args.output not in (None, "-") else None
    if path is not None:
        check_output(args, path)
        if not confirm(
            args, f"{path} will NOT be encrypted: anyone who can open it can read it. Write it?"
        ):
            err("Nothing was written.")
            return errors.EXIT_OK
    with open_store(args) as store:
        box = store.payload.hope_box
        if args.numbered and box:
            lines = [f"{n}. {item_text(item)}" for n, item in enumerate(box, 1)]
        else:
            lines = hope_lines(store.payload)
    if path is None:
        for line in wrapped(lines):
            out(line)
        return errors.EXIT_OK
    write_output(args, path, "\n".join(lines) + "\n")
    err(f"Wrote {path}. It is not encrypted: anyone who can open it can read it.")
    return errors.EXIT_OK


def _ask(args: argparse.Namespace) -> tuple[str, str, str] | None:
    from safeplan.cli.plain import Plain
    from safeplan.cli.prompts import require_terminal
    from safeplan.core.hope import KINDS

    require_terminal(
        "Without words, `safeplan hope add`", 'the words, like safeplan hope add "..."'
    )
    io = Plain()
    kind = args.kind or io.choose("What would you like to keep?", list(KINDS), default="message")
    text = io.ask("Write it in your own words (Enter on an empty line to stop without keeping).")
    if not isinstance(text, str) or not text:
        return None
    who = args.who or ""
    if kind == "said" and not who:
        answer = io.ask("Who said it? (Enter to leave out)")
        who = answer if isinstance(answer, str) else ""
    return str(kind), text, who


def _add(args: argparse.Namespace) -> int:
    from safeplan.cli.plain import InputClosed
    from safeplan.core.hope import add_item

    if args.words:
        answer: tuple[str, str, str] | None = (
            args.kind or "message",
            " ".join(args.words),
            args.who or "",
        )
    else:
        try:
            answer = _ask(args)
        except InputClosed:
            answer = None
    if answer is None:
        out("Nothing was added.")
        return errors.EXIT_OK
    kind, text, who = answer
    with open_store(args) as store:
        try:
            add_item(store.payload, kind, text, who)  # type: ignore[arg-type]
        except ValueError:
            raise errors.UsageError(
                "A hope box item needs some words. Nothing was added."
            ) from None
        store.save()
        count = len(store.payload.hope_box)
    out(f"Kept in your hope box ({count} {'thing' if count == 1 else 'things'} now).")
    return errors.EXIT_OK


def _remove(args: argparse.Namespace) -> int:
    from safeplan.cli.prompts import confirm
    from safeplan.core.hope import item_text, remove_item

    if len(args.words) != 1 or not args.words[0].isdigit():
        raise errors.UsageError(
            "Say which one to remove by its number, like `safeplan hope remove 2`.",
            "`safeplan hope show --numbered` shows the numbers.",
        )
    number = int(args.words[0])
    with open_store(args) as store:
        box = store.payload.hope_box
        if not 1 <= number <= len(box):
            raise errors.UsageError(
                f"There is no item {number} in your hope box (it holds {len(box)}).",
                "`safeplan hope show --numbered` shows the numbers.",
            )
        item = box[number - 1]
        if not confirm(args, f"Remove “{item_text(item)[:60]}” from your hope box?"):
            out("Nothing was removed.")
            return errors.EXIT_OK
        remove_item(store.payload, item.id)
        store.save()
    out("Removed.")
    return errors.EXIT_OK
