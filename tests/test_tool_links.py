"""A coping step can point at a tool for the moment: linked in the core, offered first at step 2 of
"use my plan now" (plain mode and the app), kept through export, import and merge, and set with
`safeplan tools link`."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import pytest

from safeplan.cli.plain import Plain
from safeplan.cli.plain_answers import Answers, InputEnded
from safeplan.cli.walk import walk_plain
from safeplan.core import walkthrough as flow
from safeplan.core.export import export_json, import_payload
from safeplan.core.export.merge import merge_payloads
from safeplan.core.models import SafetyPlan, TextItem, VaultPayload
from safeplan.core.moment.links import link_tool, linked
from tests.cli_helpers import run
from tests.moment_helpers import vault_args


def payload() -> VaultPayload:
    return VaultPayload(
        plan=SafetyPlan(
            coping=[TextItem(text="Walk round the block"), TextItem(text="Slow breathing")],
            reasons=[TextItem(text="My niece")],
        )
    )


def test_link_and_unlink_a_coping_step() -> None:
    p = payload()
    step = p.plan.coping[1]
    link_tool(p.plan, step.id, "breathe")
    assert linked(p.plan) == [(step, "breathe")]
    link_tool(p.plan, step.id, None)
    assert linked(p.plan) == []
    with pytest.raises(KeyError):
        link_tool(p.plan, p.plan.reasons[0].id, "ground")


def test_the_linked_tool_is_offered_first_and_named_with_its_step() -> None:
    p = payload()
    link_tool(p.plan, p.plan.coping[1].id, "urge")
    tools = flow.Walk(p).start().tools
    assert tools[0].command == "urge" and tools[0].linked
    assert tools[0].label.endswith("for “Slow breathing”")
    assert [t.command for t in tools] == ["urge", "breathe", "ground"]


def test_plain_walk_offers_the_linked_tool() -> None:
    p = payload()
    link_tool(p.plan, p.plan.coping[1].id, "breathe")
    out = io.StringIO()
    with contextlib.suppress(InputEnded):
        walk_plain(Answers(Plain(io.StringIO("\n"), out)), p, "GB")
    text = " ".join(out.getvalue().split())
    assert "You could also try: Breathe slowly for a minute or two, for “Slow breathing”" in text


def test_links_survive_export_import_and_merge() -> None:
    p = payload()
    link_tool(p.plan, p.plan.coping[0].id, "ground")
    back = import_payload(export_json(p).encode())
    assert back.plan.coping_tools == p.plan.coping_tools
    mine = payload()
    merged, _ = merge_payloads(mine, p)
    assert merged.plan.coping_tools == {p.plan.coping[0].id: "ground"}


def test_tools_commands(tmp_path: Path) -> None:
    listing = run(tmp_path, "tools")
    assert listing.returncode == 0 and "safeplan breathe" in listing.stdout
    _vault, common = vault_args(tmp_path, payload())
    linked_now = run(tmp_path, "tools", "link", "2", "breathe", *common)
    assert linked_now.returncode == 0 and "Coping step 2 now points at Breathe" in linked_now.stdout
    shown = run(tmp_path, "tools", "links", *common)
    assert "2. Slow breathing  ->  Breathe" in shown.stdout
    assert run(tmp_path, "tools", "link", "7", "ground", *common).returncode == 2
    assert run(tmp_path, "tools", "unlink", "2", *common).returncode == 0
    assert "->" not in run(tmp_path, "tools", "links", *common).stdout
