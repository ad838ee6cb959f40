"""Applying answers to a payload. These change only the payload they are given: no disk, no
screen. The caller saves."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from pydantic import ValidationError

from safeplan.core.errors import SafeplanError
from safeplan.core.guide.pages import AfterPlanPage, Collector, GuideStep, Page, Question
from safeplan.core.guide.steps import WARNING_SIGNS
from safeplan.core.guide.words import LIKELIHOOD_WORDS, LIKELIHOODS
from safeplan.core.models import SHORT, Item, SafetyPlan, StepReflection, VaultPayload, now


class AnswerNotKept(SafeplanError):
    """An answer could not be added; the message says why without repeating the answer."""


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
    except ValidationError as exc:
        # The limit of the answer that was too long: a name or number (500 characters) or a
        # longer text such as a warning sign (20,000), never the other one's.
        found = (e.get("ctx", {}).get("max_length") for e in exc.errors())
        limits = [n for n in found if isinstance(n, int)]
        limit = min(limits) if limits else SHORT
        raise AnswerNotKept(
            "That was too long to keep as one entry, so nothing was added.",
            f"This answer can be up to {limit:,} characters. Please shorten it.",
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


def step_has_entries(plan: SafetyPlan, step: GuideStep) -> bool:
    return any(entries(plan, c) for c in step.collects)


def keep_story(payload: VaultPayload, moments: Sequence[str], chosen: Sequence[int]) -> int:
    """Add the chosen moments of the story (0-based indexes) as warning signs; the rest is let
    go. Returns how many were added."""
    collector = WARNING_SIGNS.collects[0]
    added = 0
    for index in dict.fromkeys(chosen):
        if 0 <= index < len(moments) and moments[index].strip():
            add_entry(payload, collector, {collector.main.name: moments[index]})
            added += 1
    return added


def chosen_numbers(text: str, count: int) -> list[int] | None:
    """Numbers typed as "1 3" or "1, 3" as 0-based indexes, or None when any is not a choice."""
    words = text.replace(",", " ").split()
    if not words or not all(w.isdigit() and 1 <= int(w) <= count for w in words):
        return None
    return [int(w) - 1 for w in words]


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
    elif isinstance(page, AfterPlanPage):
        value = getattr(payload.plan.after_plan, question.key)
    else:
        return None
    return value or None


def should_ask(payload: VaultPayload, page: Page, question: Question) -> bool:
    """A question that follows another (the way around a barrier) is asked once that one has an
    answer, or when it already has an answer of its own."""
    if question.only_after is None:
        return True
    before = next((q for q in page.questions if q.key == question.only_after), None)
    return (
        before is None
        or answer_of(payload, page, before) is not None
        or answer_of(payload, page, question) is not None
    )


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
        if reflection == StepReflection():
            payload.plan.reflections.pop(page.step, None)
        else:
            payload.plan.reflections[page.step] = reflection
    elif isinstance(page, AfterPlanPage):
        setattr(
            payload.plan.after_plan,
            question.key,
            stored or ("" if question.kind == "text" else None),
        )
    else:
        return
    payload.plan.updated_at = now()


def answer_words(question: Question, value: str | None) -> str:
    """An answer as a person reads it."""
    if value is None or value == "":
        return ""
    if question.kind == "likelihood":
        return LIKELIHOOD_WORDS.get(value, value)
    return value
