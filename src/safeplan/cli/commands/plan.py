"""`safeplan plan show|use|review|history`: the plan as printable text, going through it one step
at a time in plain text, marking it reviewed, and its earlier versions with what changed."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from safeplan.cli.common import add_command, add_group, open_store, out, write
from safeplan.cli.options import add_render_options
from safeplan.core import errors

if TYPE_CHECKING:
    from safeplan.core.models import Item, SafetyPlan


def register(sub: argparse._SubParsersAction[Any], common: argparse.ArgumentParser) -> None:
    plan = add_group(sub, "plan", "show your safety plan, mark it reviewed, or see its history")
    show = add_command(
        plan,
        common,
        "show",
        "print your plan as plain text (the same as the printable export)",
        "safeplan.cli.commands.plan:show",
    )
    add_render_options(show)
    use = add_command(
        plan,
        common,
        "use",
        "use your plan now: one step at a time, in plain text, ending on what matters most",
        "safeplan.cli.commands.plan:use",
        description="Use your plan now: one step at a time, one line per answer (it works with a "
        "screen reader and with answers piped in). Type help at any step for crisis lines.",
    )
    use.add_argument("--country", metavar="CODE", help="whose crisis lines to show (e.g. GB)")
    add_command(
        plan,
        common,
        "review",
        "mark your plan as looked over today",
        "safeplan.cli.commands.plan:review",
    )
    history = add_command(
        plan,
        common,
        "history",
        "list the saved versions of your plan, with their dates",
        "safeplan.cli.commands.plan:history",
    )
    which = history.add_mutually_exclusive_group()
    which.add_argument("--show", type=int, metavar="N", help="show version N in full")
    which.add_argument(
        "--diff", type=int, metavar="N", help="show what changed from the version before N to N"
    )
    add_render_options(history)


def show(args: argparse.Namespace) -> int:
    from safeplan.core.export import render

    with open_store(args) as store:
        text = render("text", store.payload, width=args.width, country=args.country)
    write(text)
    return errors.EXIT_OK


def use(args: argparse.Namespace) -> int:
    from safeplan.cli.plain_answers import Answers
    from safeplan.cli.walk import walk_plain
    from safeplan.core.kept_country import country

    answers = getattr(args, "plain_answers", None) or Answers()
    with open_store(args) as store:
        where = country(given=args.country, vault=store.payload.settings.country)
        if walk_plain(answers, store.payload, where):
            store.save()
    return errors.EXIT_OK


def review(args: argparse.Namespace) -> int:
    from safeplan.core.export.layout import long_date
    from safeplan.core.plan import mark_reviewed

    with open_store(args) as store:
        payload = store.payload
        if payload.plan.is_empty():
            out("Your plan has nothing in it yet, so there is nothing to review.")
            out("You can start it with `safeplan guide`, or in the app.")
            return errors.EXIT_OK
        revision = mark_reviewed(payload)
        store.save()
        days = payload.settings.review_nudge_days
    out(f"Marked as reviewed on {long_date(revision.at)}. Thank you for looking after your plan.")
    out(f"safeplan will gently remind you to look at it again in {days} days.")
    if not store.persistent:
        out("(This is the demo vault: nothing was saved.)")
    return errors.EXIT_OK


def _pick(count: int, number: int) -> int:
    if not 1 <= number <= count:
        if count == 0:
            raise errors.UsageError(
                "Your plan has no saved versions yet.",
                "A version is kept each time the plan is saved with a change.",
            )
        raise errors.UsageError(
            f"There is no version {number}; the versions are numbered 1 to {count}.",
            "Run `safeplan plan history` to see them.",
        )
    return number - 1


def history(args: argparse.Namespace) -> int:
    from safeplan.core.export import build_content
    from safeplan.core.export.layout import long_date, wrap
    from safeplan.core.export.text import render_text
    from safeplan.core.models import SafetyPlan
    from safeplan.core.plan import diff_plans, plan_changed, render_diff

    with open_store(args) as store:
        payload = store.payload
        revisions = payload.plan_revisions
        if args.show is not None:
            rev = revisions[_pick(len(revisions), args.show)]
            content = build_content(
                rev.plan,
                None,
                country=args.country or payload.settings.country,
                heading_note=f"Version {args.show}, saved {long_date(rev.at)}.",
            )
            write(render_text(content, args.width))
            return errors.EXIT_OK
        if args.diff is not None:
            index = _pick(len(revisions), args.diff)
            new = revisions[index]
            old = revisions[index - 1].plan if index else SafetyPlan()
            when = f"version {index} to version {args.diff}" if index else "the empty plan"
            out(f"What changed from {when} (saved {long_date(new.at)}):")
            out("")
            for line in render_diff(diff_plans(old, new.plan)):
                body = line.lstrip(" ")
                indent = line[: len(line) - len(body)]
                lead = "         " if body.startswith("to: ") else indent + "    "
                for part in wrap(body, args.width, indent, lead):
                    out(part)
            return errors.EXIT_OK
        if not revisions:
            out("Your plan has no saved versions yet.")
            out("A version is kept, with its date, each time the plan is saved with a change.")
            return errors.EXIT_OK
        out(f"Saved versions of your plan ({len(revisions)}, oldest first):")
        for n, rev in enumerate(revisions, 1):
            count = len(_items(rev.plan))
            note = f"  {rev.note}" if rev.note else ""
            out(f"  {n:>3}  {long_date(rev.at)}, {rev.at:%H:%M}  ({count} items){note}")
        if plan_changed(payload):
            out("Your plan has changes that are not in a saved version yet.")
        out("")
        out("See one with `safeplan plan history --show N`, or what changed with --diff N.")
    return errors.EXIT_OK


def _items(plan: SafetyPlan) -> list[Item]:
    from safeplan.core.models import STEP_ORDER
    from safeplan.core.sections import items_in

    return [i for step in STEP_ORDER for i in items_in(plan, step)]
