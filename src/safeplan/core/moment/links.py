"""A coping step can point at a tool for the moment ("Slow breathing" -> breathe): then "use my
plan now" offers to start that tool at step 2. The link is kept in ``plan.coping_tools`` (item id
-> tool), so the person's own words are never changed."""

from __future__ import annotations

from safeplan.core.models import SafetyPlan, TextItem
from safeplan.core.vault_base import ToolName

TOOL_LABELS: dict[ToolName, str] = {
    "breathe": "Breathe (in for 4, out for 6)",
    "ground": "Ground yourself (5-4-3-2-1)",
    "urge": "Ride the urge (a timer)",
}
TOOL_NAMES: tuple[ToolName, ...] = ("breathe", "ground", "urge")


def link_tool(plan: SafetyPlan, item_id: str, tool: ToolName | None) -> None:
    """Point a coping step at ``tool`` (None takes the link away). Raises KeyError for an id that is
    not a coping step."""
    if all(item.id != item_id for item in plan.coping):
        raise KeyError(item_id)
    links = dict(plan.coping_tools)
    if tool is None:
        links.pop(item_id, None)
    else:
        links[item_id] = tool
    plan.coping_tools = links


def linked(plan: SafetyPlan) -> list[tuple[TextItem, ToolName]]:
    """Coping steps that point at a tool, in the plan's order (links to removed steps are ignored)."""
    return [
        (item, plan.coping_tools[item.id]) for item in plan.coping if item.id in plan.coping_tools
    ]
