"""What the home screen offers. To add a place to go, add ONE line to ``HOME_ENTRIES``, in one of
the :data:`GROUPS` (``"now"`` is for what helps in a hard moment; keep it short).

``target`` names a screen as ``"module:Class"``; it is imported only when chosen, and an entry whose
module is not installed yet is not shown. The screen class is constructed without arguments and
reaches the vault through ``self.session`` (see :class:`safeplan.tui.screens.base.SafeplanScreen`).
"""

from __future__ import annotations

import importlib
import importlib.util
from dataclasses import dataclass
from typing import Literal

from textual.screen import Screen

Group = Literal["now", "plan", "more"]
GROUPS: dict[Group, str] = {
    "now": "Right now",
    "plan": "My plan and my records",
    "more": "More",
}
"""The home screen's headings, in order: the first answers "what can I do right now?"."""


@dataclass(frozen=True)
class Entry:
    id: str
    label: str
    hint: str
    target: str
    group: Group = "now"
    letter: str = ""
    """A letter key for an entry past the ninth (the number keys stop at 9); say it in the label's
    words ("t" for Trends), and never one the home screen uses for something else."""


HOME_ENTRIES: list[Entry] = [
    Entry("use-plan", "Use my plan now", "go through your plan one step at a time", "safeplan.tui.screens.walkthrough:WalkthroughScreen"),
    Entry("help", "Get help now", "crisis lines and your own people", "safeplan.tui.screens.help:HelpScreen"),
    Entry("tools", "Tools for right now", "breathe, ground yourself, ride an urge, hope box", "safeplan.tui.screens.tools:ToolsScreen"),
    Entry("checkin", "Check in", "how are you doing today?", "safeplan.tui.screens.checkin:CheckInScreen"),
    Entry("use", "Log use", "substance use, as information for you", "safeplan.tui.screens.use_entry:UseEntryScreen"),
    Entry("plan", "My plan", "write or change your safety plan", "safeplan.tui.screens.plan_editor:PlanEditorScreen", "plan"),
    Entry("guide", "Build my plan step by step", "a guided session, alone or with someone", "safeplan.tui.screens.guide:GuideScreen", "plan"),
    Entry("harm-reduction", "My harm-reduction plan", "goals, safer use, triggers, supporters", "safeplan.tui.screens.harm_reduction:HarmReductionScreen", "plan"),
    Entry("export", "Print or export", "your plan on paper or as a file", "safeplan.tui.screens.export:ExportScreen", "plan"),
    Entry("history", "History and review", "earlier versions of your plan", "safeplan.tui.screens.history:HistoryScreen", "plan", "h"),
    Entry("log", "My log", "check-ins and use entries: change or remove", "safeplan.tui.screens.log:LogScreen", "more", "l"),
    Entry("trends", "Trends", "mood, urges, sleep and use over time", "safeplan.tui.screens.trends:TrendsScreen", "more", "t"),
    Entry("selfcheck", "Self-checks", "optional PHQ-9 and GAD-7", "safeplan.tui.screens.selfcheck:SelfCheckScreen", "more", "c"),
    Entry("hope", "My hope box", "things worth holding on to", "safeplan.tui.screens.hope:HopeScreen", "more", "b"),
    Entry("learn", "Things worth knowing", "naloxone, treatment, stopping safely, testing", "safeplan.tui.screens.learn:LearnScreen", "more", "k"),
    Entry("settings", "Settings", "theme, country, privacy", "safeplan.tui.screens.settings:SettingsScreen", "more", "s"),
]  # fmt: skip


def available(target: str) -> bool:
    module = target.split(":", 1)[0]
    try:
        return importlib.util.find_spec(module) is not None
    except ModuleNotFoundError:
        return False


def entries() -> list[Entry]:
    """What is installed, group by group (the order of the home screen and its number keys)."""
    found = [entry for entry in HOME_ENTRIES if available(entry.target)]
    return [entry for group in GROUPS for entry in found if entry.group == group]


def key_for(number: int, entry: Entry) -> str:
    """The key that opens an entry: its number up to 9, else its letter ("" for none)."""
    return str(number) if number < 10 else entry.letter


def entry_for_key(character: str) -> Entry | None:
    """The entry a key opens on the home screen: 1 to 9 by place, a letter by name."""
    for number, entry in enumerate(entries(), start=1):
        if character and character == key_for(number, entry):
            return entry
    return None


def build(target: str) -> Screen[object]:
    module_name, class_name = target.split(":", 1)
    screen_class = getattr(importlib.import_module(module_name), class_name)
    screen: Screen[object] = screen_class()
    return screen
