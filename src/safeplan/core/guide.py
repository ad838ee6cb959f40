"""The guided session, defined once as data: what to ask at each step of the plan, for the person and
for someone helping them, and the pure functions that apply answers and move through the steps.

Both the plain line-by-line mode and the full-screen guided screen render these same pages. The steps
follow the Safety Planning Intervention (Stanley B, Brown GK. Safety Planning Intervention: A Brief
Intervention to Mitigate Suicide Risk. Cognitive and Behavioral Practice 19(2), 2012): warning signs
first, what matters most last, a barrier check where the method asks "how likely are you to do this,
and what might get in the way", then the questions asked once the plan is written. Every word here is
safeplan's own; none is taken from the official form.

A session's place is kept in ``VaultPayload.guide`` (:class:`GuideProgress`): page indexes 0 to 6 are
the seven steps, 7 is the after-plan questions, and 8 means the plan is written (the handover).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from pydantic import ValidationError

from safeplan.core.errors import SafeplanError
from safeplan.core.models import (
    SHORT,
    STEP_ORDER,
    AfterPlan,
    Clinician,
    Contact,
    CrisisLine,
    EnvironmentStep,
    GuideProgress,
    Item,
    Likelihood,
    Place,
    SafetyPlan,
    StepId,
    StepReflection,
    TextItem,
    UrgentCare,
    VaultPayload,
    Voice,
    now,
)
from safeplan.core.sections import SECTIONS, Section

VOICES: tuple[Voice, ...] = ("with_someone", "on_my_own")
VOICE_NAMES: dict[Voice, str] = {
    "with_someone": "with someone beside me",
    "on_my_own": "on my own",
}

LIKELIHOODS: tuple[Likelihood, ...] = ("likely", "maybe", "unlikely")
LIKELIHOOD_WORDS: dict[str, str] = {
    "likely": "Likely",
    "maybe": "Maybe",
    "unlikely": "Not very likely",
}


@dataclass(frozen=True)
class Voiced:
    """One thing said to the person, in both voices."""

    with_someone: str
    on_my_own: str

    def get(self, voice: Voice) -> str:
        return self.with_someone if voice == "with_someone" else self.on_my_own


def _same(text: str) -> Voiced:
    return Voiced(text, text)


# --- What a step collects ------------------------------------------------------------------------

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

_PHONE = EntryField(
    "phone",
    "Phone",
    "What phone number reaches them? Press Enter to leave it empty.",
)


def _text_collector(plan_field: str, title: str, one: str, ask: Voiced) -> Collector:
    return Collector(
        plan_field,
        "text",
        title,
        ask,
        (EntryField("text", title, f"Type {one}.", required=True),),
        one,
    )


# --- Questions (barrier check and after the plan) -------------------------------------------------

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


BARRIER_QUESTIONS: tuple[Question, ...] = (
    Question(
        "likelihood",
        "likelihood",
        "How likely I am to do this",
        _same("How likely are you to do this in a crisis?"),
        "Ask how likely they are to really do this when things are at their worst. An honest "
        "maybe is more useful than a hopeful yes.",
    ),
    Question(
        "barriers",
        "text",
        "What might get in the way",
        Voiced(
            "What might get in the way? If something might, think together about a way round it, "
            "and write that down too.",
            "What might get in the way? If something might, you can write a way round it too.",
        ),
        "Ask what could stop them, and look for a way round it together. Write the way round "
        "into the plan if it helps.",
        (
            "I might not have the energy. I could keep my shoes by the door.",
            "I might not want to bother anyone. My friend said to call any time.",
            "My phone might be flat. I will keep a charger by the bed.",
        ),
    ),
)


# --- The pages -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class GuideStep:
    """One of the seven steps: what to ask, what it collects, and whether it has a barrier check."""

    step: StepId
    facilitator: str
    """For the person helping: what to ask, in safeplan's own words."""
    prompt: Voiced
    """For the person, in the voice they chose."""
    examples: tuple[str, ...]
    """Shown only when asked for."""
    collects: tuple[Collector, ...]
    barrier_check: bool = False

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
    """The questions asked once the plan is written, stored in ``SafetyPlan.after_plan``."""

    title: str
    facilitator: str
    prompt: Voiced
    questions: tuple[Question, ...]


Page = GuideStep | AfterPlanPage


STEPS: tuple[GuideStep, ...] = (
    GuideStep(
        "warning_signs",
        "Ask how they will know it is time to use this plan: what do they notice first when things "
        "start to get hard? Thoughts, pictures in their mind, moods, situations and things they do "
        "all count. Write their words, not a summary.",
        Voiced(
            "Let's start with how you will know it is time to use this plan. Think of the last time "
            "things got very hard. What did you notice first? It can be a thought, a feeling, a "
            "situation or something you did. Say it in your own words; you or the person with you "
            "can type it.",
            "Start with how you will know it is time to use this plan. Think of the last time things "
            "got very hard. What did you notice first? It can be a thought, a feeling, a situation "
            "or something you did. Write it the way you would say it.",
        ),
        (
            "I stop answering messages.",
            "I lie awake going over the same thoughts.",
            "I start to feel like a burden.",
            "Sunday evenings on my own.",
            "After an argument at home.",
            "I use more than I meant to.",
        ),
        (
            _text_collector(
                "warning_signs",
                "Warning signs",
                "a warning sign",
                _same("Type one warning sign on each line."),
            ),
        ),
    ),
    GuideStep(
        "coping",
        "Ask what they could do on their own, without contacting anyone, to get through a hard "
        "moment or an urge for a while. Small and doable matters more than impressive. Then ask "
        "how likely they are to do it in a crisis and what could get in the way, and look for a "
        "way round it together.",
        Voiced(
            "What could you do by yourself to get through a hard moment, even for a little while? "
            "Think of things that have helped before, however small. Talk it through, then add one "
            "thing at a time.",
            "What could you do by yourself to get through a hard moment, even for a little while? "
            "Think of things that have helped before, however small. Add one thing at a time.",
        ),
        (
            "Go for a walk round the block.",
            "Take a hot shower.",
            "Listen to a playlist that calms me.",
            "Hold something cold and breathe out slowly.",
            "Write down what I am feeling.",
            "Play a game on my phone.",
        ),
        (
            _text_collector(
                "coping",
                "Things I can do on my own",
                "one thing you can do on your own",
                _same("Type one thing on each line."),
            ),
        ),
        barrier_check=True,
    ),
    GuideStep(
        "distraction",
        "Ask who they enjoy being around, and where they can go, that helps them feel a bit better "
        "for a while. This is about company and a change of scene, not about talking through the "
        "crisis. Aim for more than one place, somewhere safe and easy to reach.",
        Voiced(
            "Who or where helps you feel a bit better for a while? Think of people who take your "
            "mind off things without needing to talk about how you feel, and places where you can "
            "be around others. Try to think of more than one place. The person with you can help "
            "you remember names and numbers.",
            "Who or where helps you feel a bit better for a while? Think of people who take your "
            "mind off things without needing to talk about how you feel, and places where you can "
            "be around others. Try to think of more than one place. You can come back and add more "
            "later.",
        ),
        (
            "My cousin Jo, who always has something funny to say.",
            "The café on the high street.",
            "The library.",
            "My neighbour, for a cup of tea.",
            "The park where people walk their dogs.",
            "The gym.",
        ),
        (
            Collector(
                "distraction_people",
                "contact",
                "People",
                _same("First, people. Type the name of someone who takes your mind off things."),
                (
                    EntryField("name", "Name", "Type their name.", required=True),
                    _PHONE,
                ),
                "the name of a person",
            ),
            Collector(
                "distraction_places",
                "place",
                "Places",
                _same("Now places. Type the name of a place where you can be around others."),
                (
                    EntryField("name", "Place", "Type the name of the place.", required=True),
                    EntryField(
                        "address",
                        "Where it is",
                        "Where is it? Press Enter to leave it empty.",
                    ),
                ),
                "the name of a place",
            ),
        ),
    ),
    GuideStep(
        "help",
        "Ask who they could tell that they are struggling, and how they would reach each person. "
        "Check the numbers now, while it is calm. Then ask how likely they are to reach out in a "
        "crisis, and what might stop them.",
        Voiced(
            "Who could you tell that you are struggling? Think of people you trust enough to reach "
            "out to when taking your mind off things is not enough. Say why you chose them if you "
            "like; it can help to hear it.",
            "Who could you tell that you are struggling? Think of people you trust enough to reach "
            "out to when taking your mind off things is not enough.",
        ),
        (
            "My sister Amy.",
            "My friend from work, Dev.",
            "My sponsor.",
            "My youth worker.",
        ),
        (
            Collector(
                "help_contacts",
                "contact",
                "People I can ask for help",
                _same("Type the name of someone you could ask for help."),
                (
                    EntryField("name", "Name", "Type their name.", required=True),
                    _PHONE,
                    EntryField(
                        "relationship",
                        "Who they are to you",
                        "Who are they to you, for example friend or sister? Press Enter to leave "
                        "it empty.",
                    ),
                ),
                "the name of a person",
            ),
        ),
        barrier_check=True,
    ),
    GuideStep(
        "professionals",
        "Ask who treats or supports them and how to reach them, out of hours too. Ask where the "
        "nearest urgent care or emergency department is. The national crisis lines for their "
        "country are always shown by safeplan, so add a crisis line here only if they want it in "
        "their own plan.",
        Voiced(
            "Which professionals and services could you contact? Think of who supports you, such "
            "as a doctor, nurse, counsellor or key worker, where the nearest urgent care is, and "
            "any crisis line you would want to call. You can work out the numbers together now, "
            "while things are calm.",
            "Which professionals and services could you contact? Think of who supports you, such "
            "as a doctor, nurse, counsellor or key worker, where the nearest urgent care is, and "
            "any crisis line you would want to call. It helps to add the numbers now, while things "
            "are calm.",
        ),
        (
            "Dr Okafor, my doctor.",
            "The community mental health team duty line.",
            "My key worker, Sam.",
            "St Mary's emergency department.",
            "The crisis line for my country.",
        ),
        (
            Collector(
                "clinicians",
                "clinician",
                "Professionals who support me",
                _same("First, professionals. Type the name of someone who supports you."),
                (
                    EntryField("name", "Name", "Type their name.", required=True),
                    EntryField(
                        "role",
                        "Role",
                        "What is their role, for example doctor or counsellor? Press Enter to "
                        "leave it empty.",
                    ),
                    _PHONE,
                    EntryField(
                        "out_of_hours",
                        "Out of hours",
                        "How can you reach them, or their service, out of hours? Press Enter to "
                        "leave it empty.",
                    ),
                ),
                "the name of a professional",
            ),
            Collector(
                "urgent_care",
                "urgent_care",
                "Urgent care near me",
                _same("Now urgent care. Type the name of an urgent care or emergency service."),
                (
                    EntryField("name", "Name", "Type its name.", required=True),
                    EntryField(
                        "address",
                        "Address",
                        "What is the address? Press Enter to leave it empty.",
                    ),
                    EntryField(
                        "phone",
                        "Phone",
                        "What is the phone number? Press Enter to leave it empty.",
                    ),
                ),
                "the name of a service",
            ),
            Collector(
                "crisis_lines",
                "crisis_line",
                "Crisis lines",
                _same(
                    "Last, crisis lines. The lines for your country are always shown by safeplan "
                    "crisis. Type the name of a line if you want it in your own plan."
                ),
                (
                    EntryField("name", "Name", "Type the name of the line.", required=True),
                    EntryField(
                        "number",
                        "Number",
                        "What is its number? Press Enter to leave it empty.",
                    ),
                ),
                "the name of a crisis line",
            ),
        ),
    ),
    GuideStep(
        "environment",
        "Ask what they could put away, lock up or hand to someone for now, to put time and "
        "distance between them and harm, and who could help with each step. Keep it practical and "
        "general; there is no need to talk about details. Then ask how likely they are to do it, "
        "and what might get in the way.",
        Voiced(
            "What could make where you are safer when things get hard? Think of things you could "
            "put away, lock up or hand to someone for now, and who could help you with each step. "
            "You can talk it through before you write anything.",
            "What could make where you are safer when things get hard? Think of things you could "
            "put away, lock up or hand to someone for now, and who could help you with each step.",
        ),
        (
            "Ask my brother to keep hold of some things for a while.",
            "Keep medicines locked away and give the key to someone I trust.",
            "Not keep alcohol in the house for now.",
            "Go to a friend's place, or somewhere busy, until the feeling passes.",
        ),
        (
            Collector(
                "environment",
                "environment",
                "Steps to make where I am safer",
                _same("Type one step that would make where you are safer."),
                (
                    EntryField("text", "Step", "Type the step.", required=True),
                    EntryField(
                        "who_helps",
                        "Who helps",
                        "Who could help you with this step? Press Enter to leave it empty.",
                    ),
                ),
                "a step",
            ),
        ),
        barrier_check=True,
    ),
    GuideStep(
        "reasons",
        "Ask what matters most to them, what makes life worth living. Let it be in their words, "
        "however small or big. If it is hard to find, there is no rush: it can be one person, one "
        "hope, one thing they want to see.",
        Voiced(
            "What matters most to you? The people, hopes and things that make life worth living for "
            "you, in your own words. It can be one word. There is no rush.",
            "What matters most to you? The people, hopes and things that make life worth living for "
            "you, in your own words. It can be one word, and you can add more another day.",
        ),
        (
            "My kids.",
            "My dog, Biscuit.",
            "Seeing the sea again.",
            "Finishing my course.",
            "My gran.",
            "Music.",
        ),
        (
            _text_collector(
                "reasons",
                "What matters most to me",
                "one thing that matters to you",
                _same("Type one thing on each line."),
            ),
        ),
    ),
)

AFTER_PLAN = AfterPlanPage(
    "About your plan",
    "The plan is written. Ask how likely they are to use it, what might get in the way, where "
    "they will keep it, and who should have a copy. If the answer is maybe or not very likely, ask "
    "what would make it easier.",
    Voiced(
        "Your plan is written. A few last questions help make sure it is there when you need it.",
        "Your plan is written. A few last questions help make sure it is there when you need it.",
    ),
    (
        Question(
            "likelihood_of_use",
            "likelihood",
            "How likely I am to use this plan",
            _same("How likely are you to use this plan when things get hard?"),
            "Ask how likely they are to use the plan. If it is maybe or not very likely, ask what "
            "would make it easier.",
        ),
        Question(
            "what_might_get_in_the_way",
            "text",
            "What might get in the way",
            Voiced(
                "What might get in the way of using it? Think together about a way round it.",
                "What might get in the way of using it? You can write a way round it too.",
            ),
            "Ask what might stop them using the plan, and look for a way round it together.",
            (
                "I might forget I have it. I will put a reminder on my phone.",
                "I might feel too low to read it. I will start with step 1 only.",
            ),
        ),
        Question(
            "where_kept",
            "text",
            "Where I keep it",
            _same("Where will you keep your plan, so you can find it quickly?"),
            "Ask where they will keep the plan so it is easy to find in a hard moment. More than "
            "one place is fine.",
            (
                "In my wallet.",
                "A photo on my phone.",
                "On the fridge.",
                "In safeplan on my laptop.",
            ),
        ),
        Question(
            "who_has_a_copy",
            "text",
            "Who has a copy",
            _same("Who should have a copy of your plan, or know where it is?"),
            "Ask who should have a copy or know where it is. It is their choice; nobody needs one.",
            ("My partner.", "My support worker.", "My doctor.", "Nobody for now."),
        ),
    ),
)

PAGES: tuple[Page, ...] = (*STEPS, AFTER_PLAN)
FINISHED = len(PAGES)
"""The page index that means the plan is written and the handover comes next."""

assert tuple(s.step for s in STEPS) == STEP_ORDER
assert {q.key for q in AFTER_PLAN.questions} == set(AfterPlan.model_fields)


def step_for(step: StepId) -> GuideStep:
    return STEPS[STEP_ORDER.index(step)]


def page_at(index: int) -> Page | None:
    """The page at ``index``, or None once the plan is finished."""
    return PAGES[index] if 0 <= index < len(PAGES) else None


def page_position(index: int) -> str:
    """Where the person is, as words: "Step 2 of 7" or "Last questions"."""
    page = page_at(index)
    if isinstance(page, GuideStep):
        return f"Step {page.number} of {len(STEPS)}"
    if isinstance(page, AfterPlanPage):
        return "Last questions"
    return "Finished"


# --- Moving through the session (pure: each returns a new GuideProgress) ---------------------------


def new_progress(voice: Voice = "with_someone") -> GuideProgress:
    return GuideProgress(step_index=0, voice=voice)


def _moved(progress: GuideProgress, index: int) -> GuideProgress:
    index = max(0, min(FINISHED, index))
    return progress.model_copy(update={"step_index": index, "updated_at": now()})


def forward(progress: GuideProgress) -> GuideProgress:
    """The next page (after the last one: finished)."""
    return _moved(progress, progress.step_index + 1)


def skip(progress: GuideProgress) -> GuideProgress:
    """Leave this page as it is and go on; what is already written stays."""
    return forward(progress)


def back(progress: GuideProgress) -> GuideProgress:
    """The page before (the first page stays the first)."""
    return _moved(progress, progress.step_index - 1)


def go_to(progress: GuideProgress, index: int) -> GuideProgress:
    return _moved(progress, index)


def with_voice(progress: GuideProgress, voice: Voice) -> GuideProgress:
    return progress.model_copy(update={"voice": voice, "updated_at": now()})


def other_voice(voice: Voice) -> Voice:
    return "on_my_own" if voice == "with_someone" else "with_someone"


def is_finished(progress: GuideProgress) -> bool:
    return progress.step_index >= FINISHED


# --- Applying answers to a payload ---------------------------------------------------------------
# These change only the payload they are given: no disk, no screen. The caller saves.


class AnswerNotKept(SafeplanError):
    """An answer could not be added; the message says why without repeating the answer."""


def start(payload: VaultPayload, voice: Voice | None = None) -> GuideProgress:
    """Resume the paused session kept in the payload, or start a new one. ``voice`` overrides the
    voice kept with a paused session; a new session takes the person's voice setting."""
    progress = payload.guide
    if progress is None or is_finished(progress):
        progress = new_progress(voice or payload.settings.voice)
    elif voice is not None and voice != progress.voice:
        progress = with_voice(progress, voice)
    payload.guide = progress
    return progress


def finish(payload: VaultPayload) -> None:
    """The session is over: forget where it stood, and note that the plan was just looked over."""
    payload.guide = None
    stamp = now()
    payload.plan.last_reviewed_at = stamp
    payload.plan.updated_at = stamp


def entries(plan: SafetyPlan, collector: Collector) -> list[Item]:
    items: list[Item] = getattr(plan, collector.plan_field)
    return items


def add_entry(payload: VaultPayload, collector: Collector, values: Mapping[str, str]) -> Item:
    """Add one entry, in the person's words, at the end of its part of the plan."""
    cleaned = {f.name: values.get(f.name, "").strip() for f in collector.fields}
    if not cleaned[collector.main.name]:
        raise AnswerNotKept(
            f"{collector.main.label} cannot be empty, so nothing was added.",
            "Type a few words, or leave this part for now.",
        )
    try:
        item = collector.model.model_validate(cleaned)
    except ValidationError:
        raise AnswerNotKept(
            "That was too long to keep as one entry, so nothing was added.",
            f"Names, numbers and addresses can be up to {SHORT} characters. Please shorten it.",
        ) from None
    entries(payload.plan, collector).append(item)
    payload.plan.updated_at = now()
    return item


def remove_entry(payload: VaultPayload, collector: Collector, item_id: str) -> bool:
    """Take one entry out of the plan. Returns False when it was not there."""
    items = entries(payload.plan, collector)
    for i, item in enumerate(items):
        if item.id == item_id:
            del items[i]
            payload.plan.updated_at = now()
            return True
    return False


def _check_text(value: str) -> str:
    value = value.strip()
    try:
        StepReflection(barriers=value)
    except ValidationError:
        raise AnswerNotKept(
            "That answer was too long to keep, so it was not changed.",
            "Please shorten it a little.",
        ) from None
    return value


def answer_of(payload: VaultPayload, page: Page, question: Question) -> str | None:
    """The answer already kept for a question, as stored (a likelihood key or the person's words)."""
    if isinstance(page, GuideStep):
        reflection = payload.plan.reflections.get(page.step)
        if reflection is None:
            return None
        value: str | None = getattr(reflection, question.key)
    else:
        value = getattr(payload.plan.after_plan, question.key)
    return value or None


def set_answer(payload: VaultPayload, page: Page, question: Question, value: str | None) -> None:
    """Keep the answer to one question: a likelihood key (``likely``/``maybe``/``unlikely``) or the
    person's words. None or empty words clear it."""
    if question.kind == "likelihood":
        if value is not None and value not in LIKELIHOODS:
            raise AnswerNotKept(
                "That is not one of the choices, so nothing was changed.",
                "Choose likely, maybe or not very likely.",
            )
        stored: str | None = value
    else:
        stored = _check_text(value or "")
    if isinstance(page, GuideStep):
        old = payload.plan.reflections.get(page.step) or StepReflection()
        reflection = StepReflection.model_validate({**old.model_dump(), question.key: stored})
        if reflection.likelihood is None and not reflection.barriers:
            payload.plan.reflections.pop(page.step, None)
        else:
            payload.plan.reflections[page.step] = reflection
    else:
        setattr(
            payload.plan.after_plan,
            question.key,
            stored or ("" if question.kind == "text" else None),
        )
    payload.plan.updated_at = now()


def answer_words(question: Question, value: str | None) -> str:
    """An answer as a person reads it."""
    if value is None or value == "":
        return ""
    if question.kind == "likelihood":
        return LIKELIHOOD_WORDS.get(value, value)
    return value


def step_has_entries(plan: SafetyPlan, step: GuideStep) -> bool:
    return any(entries(plan, c) for c in step.collects)
