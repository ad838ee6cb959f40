"""The shapes of the guided session's pages, as data: what a step collects, the questions with one
answer, and the pages around the seven steps (the opening, the story, the last questions)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from safeplan.core.guide.words import Voiced, same
from safeplan.core.models import (
    Clinician,
    Contact,
    CrisisLine,
    EnvironmentStep,
    Item,
    Place,
    StepId,
    TextItem,
    UrgentCare,
)
from safeplan.core.sections import SECTIONS, Section

EntryKind = Literal[
    "text", "contact", "place", "clinician", "urgent_care", "crisis_line", "environment"
]


@dataclass(frozen=True)
class EntryField:
    """One field of an entry: ``name`` is the model's field; ``question`` is a complete sentence."""

    name: str
    label: str
    question: str
    required: bool = False


@dataclass(frozen=True)
class Collector:
    """One kind of entry a step collects, stored in ``SafetyPlan.<plan_field>``.

    The first field is the entry's main words and is required; the others may be left empty.
    """

    plan_field: str
    kind: EntryKind
    title: str
    ask: Voiced
    fields: tuple[EntryField, ...]
    one: str
    """How to speak of one entry of this kind, in a sentence: "a warning sign", "a person"."""

    @property
    def model(self) -> type[Item]:
        return _MODELS[self.kind]

    @property
    def main(self) -> EntryField:
        return self.fields[0]


_MODELS: dict[EntryKind, type[Item]] = {
    "text": TextItem,
    "contact": Contact,
    "place": Place,
    "clinician": Clinician,
    "urgent_care": UrgentCare,
    "crisis_line": CrisisLine,
    "environment": EnvironmentStep,
}

PHONE = EntryField(
    "phone",
    "Phone",
    "What phone number reaches them? Press Enter to leave it empty.",
)


def text_collector(plan_field: str, title: str, one: str, ask: Voiced) -> Collector:
    return Collector(
        plan_field,
        "text",
        title,
        ask,
        (EntryField("text", title, f"Type {one}.", required=True),),
        one,
    )


QuestionKind = Literal["likelihood", "text"]


@dataclass(frozen=True)
class Question:
    """A question with one answer: a likelihood (numbered choices) or a line of the person's words."""

    key: str
    kind: QuestionKind
    label: str
    """Short name for the answer, as it appears on the plan: "What might get in the way"."""
    prompt: Voiced
    facilitator: str
    examples: tuple[str, ...] = ()
    only_after: str | None = None
    """Asked only once the question with this key has an answer (the way round follows a barrier)."""


LIKELIHOOD = Question(
    "likelihood",
    "likelihood",
    "How likely I am to do this",
    same("How likely are you to really do this when things are at their worst?"),
    "Ask how likely this is when things are at their worst. An honest maybe helps more than a "
    "hopeful yes.",
)

BARRIERS = Question(
    "barriers",
    "text",
    "What might get in the way",
    same("What might get in the way?"),
    "Ask what could stop them.",
    (
        "I might not have the energy.",
        "I might not want to bother anyone.",
        "My phone might be out of battery.",
    ),
)

WAY_ROUND = Question(
    "way_round",
    "text",
    "My way around it",
    Voiced(
        "What could be a way around that? Think of it together; it will be shown with this step.",
        "What could be a way around that? It will be shown with this step in your plan.",
    ),
    "Look for a way around it together, in their words.",
    (
        "I will keep my shoes by the door.",
        "My friend said to call any time, and meant it.",
        "I will keep a charger by the bed.",
    ),
    only_after="barriers",
)

BARRIER_QUESTIONS: tuple[Question, ...] = (LIKELIHOOD, BARRIERS, WAY_ROUND)


@dataclass(frozen=True)
class TalkPoint:
    """One part of a conversation the step has before anything is written (nothing is stored)."""

    title: str
    ask: Voiced


@dataclass(frozen=True)
class GuideStep:
    """One of the seven steps: what to ask, what it collects, and whether it has a barrier check."""

    step: StepId
    facilitator: tuple[str, ...]
    """For the person helping: short cues, in safeplan's own words."""
    prompt: Voiced
    """For the person, in the voice they chose."""
    examples: tuple[str, ...]
    """Shown only when asked for."""
    collects: tuple[Collector, ...]
    barrier_check: bool = False
    talk: tuple[TalkPoint, ...] = ()
    """A conversation before writing (step 6: the means the person has thought of)."""

    @property
    def section(self) -> Section:
        return SECTIONS[self.step]

    @property
    def number(self) -> int:
        return self.section.number

    @property
    def title(self) -> str:
        return self.section.title

    @property
    def explanation(self) -> str:
        return self.section.explanation

    @property
    def questions(self) -> tuple[Question, ...]:
        return BARRIER_QUESTIONS if self.barrier_check else ()


@dataclass(frozen=True)
class AfterPlanPage:
    """Questions asked once the plan is written, stored in ``SafetyPlan.after_plan``."""

    title: str
    facilitator: tuple[str, ...]
    prompt: Voiced
    questions: tuple[Question, ...]
    examples: tuple[str, ...] = ()


@dataclass(frozen=True)
class OpeningPage:
    """What the session is, what is kept, confidentiality and its limits, and who is here."""

    title: str
    facilitator: tuple[str, ...]
    prompt: Voiced
    examples: tuple[str, ...] = ()
    questions: tuple[Question, ...] = ()


@dataclass(frozen=True)
class StoryPage:
    """The optional story of a recent crisis, told before anything is written. It is held only for
    this page; the person chooses which moments, if any, become warning signs."""

    title: str
    facilitator: tuple[str, ...]
    prompt: Voiced
    ask: Voiced
    keep_question: str
    examples: tuple[str, ...] = ()
    questions: tuple[Question, ...] = ()


Page = OpeningPage | StoryPage | GuideStep | AfterPlanPage
