"""Use my plan now, once for every front end: the plan one step at a time, in order, empty steps
skipped with a kind word, what has helped before (never what has not), and an ending that asks
"Do you feel safer now?".

The full-screen app (``tui/screens/walkthrough.py``) and the plain walk-through (``safeplan plan
use``, ``cli/walk.py``) only draw what :class:`Walk` says and pass back what the person chose.

What helped is kept only with the person's consent: they are asked once, at the end of their first
walk ("Would you like safeplan to remember what helped?"), or choose in Settings. Until then a walk
leaves nothing in the vault.

Tools from elsewhere in safeplan (a breathing exercise, grounding) can be offered at a step by adding
one line to :data:`STEP_TOOLS`; a tool whose module is not installed is not offered.
"""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass, field, replace
from typing import Literal

from safeplan.core.hope import item_text
from safeplan.core.models import STEP_ORDER, Item, PlanUse, SafetyPlan, StepId, VaultPayload
from safeplan.core.moment.links import linked
from safeplan.core.plan import HelpedStat, finish_plan_use, record_step, start_plan_use, what_helped
from safeplan.core.sections import SECTIONS, item_label, items_in

LAST = len(STEP_ORDER) - 1
TOTAL = len(STEP_ORDER)

INVITE: dict[StepId, str] = {
    "warning_signs": "Do any of these feel familiar right now? Noticing them is the first step.",
    "coping": "Try one of these, in your own time.",
    "distraction": "Could you be with one of these people, or go to one of these places for a while?",
    "help": "Could you reach out to one of these people and tell them how you are?",
    "professionals": "These people and services are there for this. You can call them now.",
    "environment": "Could you take one of these steps now, or ask someone to help with it?",
    "reasons": "These are yours to hold on to, today and tomorrow.",
}
TICK_HINT = "Tick what you try, if you like."
"""Said in the app, where ticking is possible (plain mode asks for a number instead)."""
GLAD = (
    "I'm glad that helped. Stay with it as long as you need. When you are ready, go on, or go "
    "straight to what matters most to you."
)
EMPTY_PLAN = (
    "Your plan has nothing in it yet. That is all right. The crisis lines are there for you right "
    "now, and when you feel ready you can write your plan."
)
TICKED: tuple[StepId, ...] = ("coping", "distraction", "help", "professionals", "environment")
"""The steps where the person can tick what they tried and say whether it helped."""

Feeling = Literal["yes", "a_bit", "no"]
SAFER_QUESTION = "Do you feel safer now?"
SAFER_CHOICES: tuple[tuple[Feeling, str], ...] = (
    ("yes", "Yes"),
    ("a_bit", "A bit"),
    ("no", "No, not yet"),
)
ENDINGS: dict[Feeling, str] = {
    "yes": (
        "I'm glad. You did something hard by going through your plan. It is here whenever you "
        "need it again."
    ),
    "a_bit": (
        "A bit safer is a real step. You can go round your plan again, or stay with what helped "
        "for a while. Help is there too, any time."
    ),
    "no": (
        "Thank you for telling me. You don't have to get through this alone. Please reach out "
        "now: call one of these numbers, or ask someone near you to call with you."
    ),
}
ROUND_AGAIN = "Go round my plan again"
FINISH_FOR_NOW = "Finish for now"
REMEMBER_QUESTION = (
    "Would you like safeplan to remember what helped, to show you next time? "
    "You can change this in Settings."
)
REMEMBER_CHOICES: tuple[tuple[bool, str], ...] = ((True, "Yes, remember"), (False, "No, thank you"))


@dataclass(frozen=True)
class StepTool:
    """Something from elsewhere in safeplan that can help at one step ("Breathe slowly")."""

    step: StepId
    label: str
    command: str
    """The plain command that runs it (``safeplan COMMAND``)."""
    screen: str
    """The app's screen, as ``"module:Class"``."""
    needs: str
    """A module that must be installed for the tool to be offered."""
    linked: bool = False
    """True when one of the person's coping steps points at this tool (offered first)."""


# One line per tool, e.g.
# StepTool("coping", "Breathe slowly for a minute", "breathe", "safeplan.tui.screens.breathe:BreatheScreen", "safeplan.core.learn.breathe"),
STEP_TOOLS: list[StepTool] = [
    StepTool("coping", "Breathe slowly for a minute or two", "breathe", "safeplan.tui.screens.breathe:BreatheScreen", "safeplan.core.moment.breathe"),
    StepTool("coping", "Ground yourself: 5-4-3-2-1", "ground", "safeplan.tui.screens.ground:GroundScreen", "safeplan.core.moment.ground"),
    StepTool("coping", "Ride the urge with a timer", "urge", "safeplan.tui.screens.urge:UrgeScreen", "safeplan.core.moment.urge"),
]  # fmt: skip


def _installed(module: str) -> bool:
    try:
        return importlib.util.find_spec(module) is not None
    except (ModuleNotFoundError, ValueError):
        return False


def tools_for(step: StepId) -> list[StepTool]:
    return [tool for tool in STEP_TOOLS if tool.step == step and _installed(tool.needs)]


def tools_at(plan: SafetyPlan, step: StepId) -> tuple[StepTool, ...]:
    """The tools to offer at a step: those a coping step points at first, named with that step."""
    tools = tools_for(step)
    first: list[StepTool] = []
    for item, name in linked(plan) if step == "coping" else []:
        for tool in tools:
            if tool.command == name and all(f.command != name for f in first):
                label = f"{tool.label}, for “{item_label(item)}”"
                first.append(replace(tool, label=label, linked=True))
    return (*first, *(t for t in tools if all(f.command != t.command for f in first)))


def helped_note(stat: HelpedStat | None) -> str:
    """What has helped before, in a few words; nothing at all for what has not."""
    if stat is None or stat.helped == 0:
        return ""
    last = stat.recent[-5:]
    if len(last) > 1 and all(last):
        return f"helped each of the last {len(last)} times"
    if stat.helped == 1:
        return "helped you before"
    return f"helped you {stat.helped} times before"


@dataclass(frozen=True)
class StepView:
    """One step as a front end shows it."""

    step: StepId
    number: int
    title: str
    invite: str
    items: tuple[Item, ...]
    labels: tuple[str, ...]
    """Each item as a person reads it."""
    notes: tuple[str, ...]
    """Beside each item: what has helped before, or ''."""
    skipped: tuple[str, ...]
    """A kind word for each empty step passed over on the way here."""
    tickable: bool
    last: bool
    tools: tuple[StepTool, ...] = ()
    way_round: str = ""
    """The person's own way around what might get in the way of this step (the guided session)."""
    hope: tuple[str, ...] = ()
    """At the last step, beside what matters most: what the person keeps in their hope box."""

    @property
    def heading(self) -> str:
        return f"Step {self.number} of {TOTAL}: {self.title}"


def way_round_for(plan: SafetyPlan, step: StepId) -> str:
    """What the person wrote, in the guided session, as their way around this step's barrier."""
    reflection = plan.reflections.get(step)
    return reflection.way_round if reflection is not None else ""


@dataclass
class Walk:
    """One walk through the plan. Nothing is written to the vault until :meth:`finish`."""

    payload: VaultPayload
    use: PlanUse = field(init=False)
    helped: dict[str, HelpedStat] = field(init=False)
    path: list[int] = field(default_factory=list)
    ticks: dict[StepId, list[str]] = field(default_factory=dict)
    helped_at: set[StepId] = field(default_factory=set)
    finished: bool = False
    settings_changed: bool = False

    def __post_init__(self) -> None:
        self.use = start_plan_use(self.payload)
        remember = self.payload.settings.remember_what_helped
        self.helped = what_helped(self.payload) if remember else {}

    # --- where we are ---------------------------------------------------------------------------

    @property
    def plan_is_empty(self) -> bool:
        return self.payload.plan.is_empty()

    @property
    def index(self) -> int:
        return self.path[-1] if self.path else -1

    @property
    def step(self) -> StepId:
        return STEP_ORDER[max(self.index, 0)]

    @property
    def can_go_back(self) -> bool:
        return len(self.path) > 1

    def view(self, skipped: tuple[str, ...] = ()) -> StepView:
        step = self.step
        section = SECTIONS[step]
        items = tuple(items_in(self.payload.plan, step))
        if items:
            invite = INVITE[step]
        elif self.plan_is_empty:
            invite = EMPTY_PLAN
        else:
            invite = section.empty_words
        return StepView(
            step=step,
            number=section.number,
            title=section.title,
            invite=invite,
            items=items,
            labels=tuple(item_label(item) for item in items),
            notes=tuple(helped_note(self.helped.get(item.id)) for item in items),
            skipped=skipped,
            tickable=step in TICKED and bool(items),
            last=self.index == LAST,
            tools=tools_at(self.payload.plan, step),
            way_round=way_round_for(self.payload.plan, step),
            hope=tuple(item_text(i) for i in self.payload.hope_box) if step == "reasons" else (),
        )

    # --- moving ---------------------------------------------------------------------------------

    def start(self) -> StepView:
        """The first step with something in it (or what matters most)."""
        self.path = []
        return self.forward()

    def forward(self) -> StepView:
        plan = self.payload.plan
        skipped: list[str] = []
        index = self.index + 1
        while index < LAST and not items_in(plan, STEP_ORDER[index]):
            section = SECTIONS[STEP_ORDER[index]]
            skipped.append(f"Step {section.number}: {section.empty_words}")
            index += 1
        self.path.append(min(index, LAST))
        return self.view(tuple(skipped) if not self.plan_is_empty else ())

    def back(self) -> StepView | None:
        if not self.can_go_back:
            return None
        self.path.pop()
        return self.view()

    def to_end(self) -> StepView:
        if self.index != LAST:
            self.path.append(LAST)
        return self.view()

    # --- what the person said --------------------------------------------------------------------

    def ticked(self, step: StepId) -> list[str]:
        return list(self.ticks.get(step, []))

    def note(self, step: StepId, ticked: list[str], helped: bool | None = None) -> None:
        """What was ticked at a step, and whether it helped (None: not said). Saying it helped
        stays said, even if the person comes back to the step later."""
        if step not in TICKED:
            return
        self.ticks[step] = list(ticked)
        if helped:
            self.helped_at.add(step)
        said = True if step in self.helped_at else (False if ticked else None)
        if said is not None or ticked:
            record_step(self.use, step, said, ticked)
        else:
            self.use.outcomes = [o for o in self.use.outcomes if o.step != step]

    def round_again(self) -> StepView:
        """Go round the plan again from the start (what was ticked is kept)."""
        return self.start()

    # --- the ending -----------------------------------------------------------------------------

    @property
    def asks_to_remember(self) -> bool:
        """Ask once, when there is something to remember and the person has not answered yet."""
        settings = self.payload.settings
        return not settings.remember_what_helped_asked and bool(self.use.outcomes)

    def answer_remember(self, yes: bool) -> None:
        settings = self.payload.settings
        settings.remember_what_helped = yes
        settings.remember_what_helped_asked = True
        self.settings_changed = True

    def finish(self) -> bool:
        """End the walk. Returns True when the vault changed (so it needs saving).

        What helped is kept only when the person said yes to remembering it."""
        if self.finished:
            return False
        self.finished = True
        if not self.payload.settings.remember_what_helped_asked:
            self.use.outcomes = []
            return self.settings_changed
        return finish_plan_use(self.payload, self.use) or self.settings_changed
