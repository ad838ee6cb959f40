"""The guided session, defined once as data and run as a small state machine; the plain mode and the
full-screen screen only ask and show.

The steps follow the Safety Planning Intervention (Stanley B, Brown GK. Safety Planning
Intervention: A Brief Intervention to Mitigate Suicide Risk. Cognitive and Behavioral Practice
19(2), 2012): an opening that says what the session is and what is kept, an optional story of a
recent crisis, the seven steps with a barrier check (how likely, what might get in the way, a way
around it), the questions about the plan, and a follow-up. Every word is safeplan's own; none is
taken from the official form.

- :mod:`.words`: voices, likelihoods, the opening and the danger card.
- :mod:`.pages`: the shapes of pages and questions.
- :mod:`.steps`, :mod:`.later_steps`, :mod:`.around`: the pages themselves, as data.
- :mod:`.session`: the list of pages and moving through it.
- :mod:`.answers`: applying answers to a payload.
- :mod:`.help`: crisis help from inside the session.
- :mod:`.handover`: what happens to the written plan.
"""

from __future__ import annotations

from safeplan.core.guide.answers import (
    AnswerNotKept,
    add_entry,
    answer_of,
    answer_words,
    chosen_numbers,
    entries,
    keep_story,
    remove_entry,
    set_answer,
    should_ask,
    step_has_entries,
)
from safeplan.core.guide.around import AFTER_PLAN, FOLLOW_UP, OPENING_PAGE, STORY
from safeplan.core.guide.pages import (
    BARRIER_QUESTIONS,
    AfterPlanPage,
    Collector,
    EntryField,
    GuideStep,
    OpeningPage,
    Page,
    Question,
    StoryPage,
    TalkPoint,
)
from safeplan.core.guide.session import (
    FINISHED,
    FIRST_STEP,
    PAGES,
    STEPS,
    back,
    finish,
    forward,
    go_to,
    is_finished,
    is_resumable,
    move,
    new_progress,
    page_at,
    page_position,
    page_title,
    skip,
    start,
    step_for,
    upgraded,
    with_voice,
)
from safeplan.core.guide.words import (
    CRISIS_WORDS,
    LIKELIHOOD_NOT_CHOSEN,
    LIKELIHOOD_WORDS,
    LIKELIHOODS,
    VOICE_CHOICES,
    VOICE_NAMES,
    VOICES,
    Voiced,
    other_voice,
)

__all__ = [
    "AFTER_PLAN",
    "BARRIER_QUESTIONS",
    "CRISIS_WORDS",
    "FINISHED",
    "FIRST_STEP",
    "FOLLOW_UP",
    "LIKELIHOODS",
    "LIKELIHOOD_NOT_CHOSEN",
    "LIKELIHOOD_WORDS",
    "OPENING_PAGE",
    "PAGES",
    "STEPS",
    "STORY",
    "VOICES",
    "VOICE_CHOICES",
    "VOICE_NAMES",
    "AfterPlanPage",
    "AnswerNotKept",
    "Collector",
    "EntryField",
    "GuideStep",
    "OpeningPage",
    "Page",
    "Question",
    "StoryPage",
    "TalkPoint",
    "Voiced",
    "add_entry",
    "answer_of",
    "answer_words",
    "back",
    "chosen_numbers",
    "entries",
    "finish",
    "forward",
    "go_to",
    "is_finished",
    "is_resumable",
    "keep_story",
    "move",
    "new_progress",
    "other_voice",
    "page_at",
    "page_position",
    "page_title",
    "remove_entry",
    "set_answer",
    "should_ask",
    "skip",
    "start",
    "step_for",
    "step_has_entries",
    "upgraded",
    "with_voice",
]
