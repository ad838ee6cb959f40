"""What the home screen offers. To add a place to go, add ONE line to ``HOME_ENTRIES``.

``target`` names a screen as ``"module:Class"``; it is imported only when chosen, and an entry whose
module is not installed yet is not shown. The screen class is constructed without arguments and
reaches the vault through ``self.session`` (see :class:`safeplan.tui.screens.base.SafeplanScreen`).
"""

from __future__ import annotations

import importlib
import importlib.util
from dataclasses import dataclass

from textual.screen import Screen


@dataclass(frozen=True)
class Entry:
    id: str
    label: str
    hint: str
    target: str


HOME_ENTRIES: list[Entry] = [
    Entry("use-plan", "Use my plan now", "go through your plan one step at a time", "safeplan.tui.screens.walkthrough:WalkthroughScreen"),
    Entry("help", "Get help now", "crisis lines and your own people", "safeplan.tui.screens.help:HelpScreen"),
    Entry("tools", "Tools for right now", "breathe, ground yourself, ride an urge, hope box", "safeplan.tui.screens.tools:ToolsScreen"),
    Entry("plan", "My plan", "write or change your safety plan", "safeplan.tui.screens.plan_editor:PlanEditorScreen"),
    Entry("guide", "Build my plan step by step", "a guided session, alone or with someone", "safeplan.tui.screens.guide:GuideScreen"),
    Entry("checkin", "Check in", "how are you doing today?", "safeplan.tui.screens.checkin:CheckInScreen"),
    Entry("use", "Log use", "substance use, as information for you", "safeplan.tui.screens.use_entry:UseEntryScreen"),
    Entry("export", "Print or export", "your plan on paper or as a file", "safeplan.tui.screens.export:ExportScreen"),
    Entry("history", "History and review", "earlier versions of your plan", "safeplan.tui.screens.history:HistoryScreen"),
    Entry("trends", "Trends", "mood, urges, sleep and use over time", "safeplan.tui.screens.trends:TrendsScreen"),
    Entry("log", "My log", "check-ins and use entries: change or remove", "safeplan.tui.screens.log:LogScreen"),
    Entry("harm-reduction", "My harm-reduction plan", "goals, safer use, triggers, supporters", "safeplan.tui.screens.harm_reduction:HarmReductionScreen"),
    Entry("selfcheck", "Self-checks", "optional PHQ-9 and GAD-7", "safeplan.tui.screens.selfcheck:SelfCheckScreen"),
    Entry("hope", "My hope box", "things worth holding on to", "safeplan.tui.screens.hope:HopeScreen"),
    Entry("learn", "Things worth knowing", "naloxone, treatment, stopping safely, testing", "safeplan.tui.screens.learn:LearnScreen"),
    Entry("settings", "Settings", "theme, country, privacy", "safeplan.tui.screens.settings:SettingsScreen"),
]  # fmt: skip


def available(target: str) -> bool:
    module = target.split(":", 1)[0]
    try:
        return importlib.util.find_spec(module) is not None
    except ModuleNotFoundError:
        return False


def entries() -> list[Entry]:
    return [entry for entry in HOME_ENTRIES if available(entry.target)]


def build(target: str) -> Screen[object]:
    module_name, class_name = target.split(":", 1)
    screen_class = getattr(importlib.import_module(module_name), class_name)
    screen: Screen[object] = screen_class()
    return screen
