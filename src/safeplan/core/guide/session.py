"""The guided session as a state machine over one list of pages.

A session's place is kept in ``VaultPayload.guide`` (:class:`GuideProgress`): page 0 is the
opening, 1 the story of a recent crisis, 2 to 8 the seven steps, 9 the questions about the plan,
10 the follow-up, and :data:`FINISHED` means the plan is written (the handover comes next). Each
function returns a new progress; none touches a disk or a screen.
"""

from __future__ import annotations

from safeplan.core.guide.around import AFTER_PLAN, FOLLOW_UP, OPENING_PAGE, STORY
from safeplan.core.guide.later_steps import ENVIRONMENT, PROFESSIONALS, REASONS
from safeplan.core.guide.pages import AfterPlanPage, GuideStep, OpeningPage, Page, StoryPage
from safeplan.core.guide.steps import COPING, DISTRACTION, HELP, WARNING_SIGNS
from safeplan.core.models import (
    STEP_ORDER,
    AfterPlan,
    GuideProgress,
    StepId,
    VaultPayload,
    Voice,
    now,
)

STEPS: tuple[GuideStep, ...] = (
    WARNING_SIGNS,
    COPING,
    DISTRACTION,
    HELP,
    PROFESSIONALS,
    ENVIRONMENT,
    REASONS,
)
PAGES: tuple[Page, ...] = (OPENING_PAGE, STORY, *STEPS, AFTER_PLAN, FOLLOW_UP)
FIRST_STEP = PAGES.index(WARNING_SIGNS)
FINISHED = len(PAGES)
"""The page index that means the plan is written and the handover comes next."""
PAGES_VERSION = 2
_OLD_OFFSET = FIRST_STEP
"""Sessions paused before version 2 counted from step 1; their index moves by this much."""

assert tuple(s.step for s in STEPS) == STEP_ORDER
assert {q.key for q in (*AFTER_PLAN.questions, *FOLLOW_UP.questions)} == set(AfterPlan.model_fields)


def step_for(step: StepId) -> GuideStep:
    return STEPS[STEP_ORDER.index(step)]


def page_at(index: int) -> Page | None:
    """The page at ``index``, or None once the plan is finished."""
    return PAGES[index] if 0 <= index < len(PAGES) else None


def page_position(index: int) -> str:
    """Where the person is, as words: "Step 2 of 7", "Last questions" or "Before we start"."""
    page = page_at(index)
    if isinstance(page, GuideStep):
        return f"Step {page.number} of {len(STEPS)}"
    if isinstance(page, AfterPlanPage):
        return "Last questions"
    if isinstance(page, OpeningPage | StoryPage):
        return "Before we start"
    return "Finished"


def page_title(index: int) -> str:
    """The title line for a page: "Step 2 of 7: Things I can do on my own"."""
    page = page_at(index)
    if page is None:
        return "Your plan is written"
    if isinstance(page, OpeningPage):
        return page.title
    return f"{page_position(index)}: {page.title}"


def new_progress(voice: Voice = "with_someone") -> GuideProgress:
    return GuideProgress(step_index=0, voice=voice, pages_version=PAGES_VERSION)


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


def move(progress: GuideProgress, how: str) -> GuideProgress:
    """``back``, ``skip``, or anything else (``next``, ``forward``): the page it leads to."""
    if how == "back":
        return back(progress)
    if how == "skip":
        return skip(progress)
    return forward(progress)


def go_to(progress: GuideProgress, index: int) -> GuideProgress:
    return _moved(progress, index)


def with_voice(progress: GuideProgress, voice: Voice) -> GuideProgress:
    return progress.model_copy(update={"voice": voice, "updated_at": now()})


def is_finished(progress: GuideProgress) -> bool:
    return progress.step_index >= FINISHED


def upgraded(progress: GuideProgress) -> GuideProgress:
    """A session paused by an older safeplan, moved to the same step in today's pages."""
    if progress.pages_version == PAGES_VERSION:
        return progress
    old_finished = len(STEPS) + 1
    index = FINISHED if progress.step_index >= old_finished else progress.step_index + _OLD_OFFSET
    return progress.model_copy(update={"step_index": index, "pages_version": PAGES_VERSION})


def is_resumable(payload: VaultPayload) -> bool:
    """A paused session is waiting in the payload."""
    return payload.guide is not None and not is_finished(upgraded(payload.guide))


def start(payload: VaultPayload, voice: Voice | None = None) -> GuideProgress:
    """Resume the paused session kept in the payload, or start a new one. ``voice`` overrides the
    voice kept with a paused session; a new session takes the person's voice setting."""
    progress = payload.guide
    if progress is not None:
        progress = upgraded(progress)
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
