"""`safeplan tools`: the tools for the moment, and which coping steps point at them.

``safeplan tools`` lists the tools and their commands (no vault needed). ``safeplan tools links``
shows which of your coping steps point at a tool; ``safeplan tools link N TOOL`` points coping step
N at a tool, so that "use my plan now" offers to start it at step 2; ``safeplan tools unlink N``
takes the link away. Your own words are never changed.
"""

from __future__ import annotations

import argparse
from typing import Any

from safeplan.cli.common import add_command, open_store, out
from safeplan.core import errors

TOOLS = ("breathe", "ground", "urge")


def register(sub: argparse._SubParsersAction[Any], common: argparse.ArgumentParser) -> None:
    p = add_command(
        sub,
        common,
        "tools",
        "tools for the moment (breathe, ground, urge), and linking them to your coping steps",
        "safeplan.cli.commands.tools:tools",
        description="Lists the tools for the moment. `safeplan tools link N TOOL` points coping "
        "step N of your plan at a tool, so that `safeplan plan use` and the app offer to start it "
        "at step 2; `safeplan tools unlink N` takes that away; `safeplan tools links` shows them.",
    )
    p.set_defaults(action="list")
    inner = p.add_subparsers(dest="action", metavar="ACTION", parser_class=type(p))
    inner.add_parser("links", help="which coping steps point at a tool", parents=[common])
    link = inner.add_parser("link", help="point a coping step at a tool", parents=[common])
    link.add_argument("number", type=int, metavar="N", help="the coping step's number")
    link.add_argument("tool", choices=TOOLS, help="the tool")
    unlink = inner.add_parser("unlink", help="take a coping step's link away", parents=[common])
    unlink.add_argument("number", type=int, metavar="N", help="the coping step's number")


def tools(args: argparse.Namespace) -> int:
    from safeplan.core.moment.links import TOOL_LABELS

    if args.action in (None, "list"):
        out("Tools for the moment (each stops whenever you want):")
        for name, label in TOOL_LABELS.items():
            out(f"  safeplan {name:<8} {label}")
        out("  safeplan hope     your hope box")
        out("Point a coping step at one with `safeplan tools link N TOOL`.")
        return errors.EXIT_OK
    with open_store(args) as store:
        plan = store.payload.plan
        if args.action == "links":
            _show_links(plan)
            return errors.EXIT_OK
        item = _coping_step(plan, args.number)
        _change(store, item.id, getattr(args, "tool", None))
        words = (
            f"now points at {TOOL_LABELS[args.tool]}"
            if args.action == "link"
            else "has no tool now"
        )
        out(f"Coping step {args.number} {words}.")
    return errors.EXIT_OK


def _coping_step(plan: Any, number: int) -> Any:
    if not 1 <= number <= len(plan.coping):
        raise errors.UsageError(
            f"Your plan has no coping step {number} (it has {len(plan.coping)}).",
            "`safeplan tools links` shows them with their numbers.",
        )
    return plan.coping[number - 1]


def _change(store: Any, item_id: str, tool: Any) -> None:
    from safeplan.core.moment.links import link_tool
    from safeplan.core.plan import commit_plan_change

    link_tool(store.payload.plan, item_id, tool)
    commit_plan_change(store.payload, note="A coping step's tool changed")
    store.save()


def _show_links(plan: Any) -> None:
    from safeplan.core.moment.links import TOOL_LABELS
    from safeplan.core.sections import item_label

    if not plan.coping:
        out("Your plan has no coping steps yet.")
        return
    for number, item in enumerate(plan.coping, 1):
        tool = plan.coping_tools.get(item.id)
        out(f"{number}. {item_label(item)}" + (f"  ->  {TOOL_LABELS[tool]}" if tool else ""))
