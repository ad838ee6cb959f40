"""The guided flow as data, and the pure functions that apply answers and move through it."""

from __future__ import annotations

import re
from dataclasses import fields, is_dataclass
from typing import Any

import pytest

from safeplan.core import guide as flow
from safeplan.core.models import (
    STEP_ORDER,
    Contact,
    EnvironmentStep,
    GuideProgress,
    SafetyPlan,
    Settings,
    TextItem,
    VaultPayload,
)
from safeplan.core.sections import SECTIONS


def all_strings(obj: Any) -> list[str]:
    """Every string the flow data holds, however deeply nested."""
    found: list[str] = []
    if isinstance(obj, str):
        found.append(obj)
    elif isinstance(obj, tuple | list):
        for x in obj:
            found.extend(all_strings(x))
    elif is_dataclass(obj):
        for f in fields(obj):
            found.extend(all_strings(getattr(obj, f.name)))
    return found


# --- The data ------------------------------------------------------------------------------------


def test_the_seven_steps_are_in_plan_order_with_the_section_titles() -> None:
    assert tuple(s.step for s in flow.STEPS) == STEP_ORDER
    for step in flow.STEPS:
        assert step.title == SECTIONS[step.step].title
        assert step.explanation == SECTIONS[step.step].explanation
    assert flow.PAGES[-1] is flow.AFTER_PLAN
    assert flow.FINISHED == 8


@pytest.mark.parametrize("step", flow.STEPS, ids=lambda s: s.step)
def test_every_step_has_a_facilitator_prompt_both_voices_and_examples(
    step: flow.GuideStep,
) -> None:
    assert len(step.facilitator) > 40
    assert step.facilitator.startswith("Ask ")
    assert step.prompt.with_someone and step.prompt.on_my_own
    assert step.prompt.with_someone != step.prompt.on_my_own
    assert step.prompt.get("with_someone") == step.prompt.with_someone
    assert step.prompt.get("on_my_own") == step.prompt.on_my_own
    assert len(step.examples) >= 3
    assert "?" in step.prompt.with_someone and "?" in step.prompt.on_my_own


@pytest.mark.parametrize("step", flow.STEPS, ids=lambda s: s.step)
def test_each_step_collects_exactly_the_plan_fields_of_its_section(step: flow.GuideStep) -> None:
    assert tuple(c.plan_field for c in step.collects) == SECTIONS[step.step].fields
    for collector in step.collects:
        model_fields = collector.model.model_fields
        assert collector.main.required
        assert not any(f.required for f in collector.fields[1:])
        for f in collector.fields:
            assert f.name in model_fields, (collector.plan_field, f.name)
        # Every required model field is asked for.
        required = {n for n, info in model_fields.items() if info.is_required()}
        assert required <= {f.name for f in collector.fields}
        # The plan field holds this model.
        annotation = SafetyPlan.model_fields[collector.plan_field].annotation
        assert annotation == list[collector.model]  # type: ignore[name-defined]


def test_the_step_collectors_cover_every_kind_of_entry() -> None:
    kinds = {c.kind for s in flow.STEPS for c in s.collects}
    assert kinds == {
        "text",
        "contact",
        "place",
        "clinician",
        "urgent_care",
        "crisis_line",
        "environment",
    }


def test_barrier_check_where_the_method_asks_it() -> None:
    checked = {s.step for s in flow.STEPS if s.barrier_check}
    assert "coping" in checked
    assert checked <= {"coping", "distraction", "help", "environment"}
    coping = flow.step_for("coping")
    assert [q.kind for q in coping.questions] == ["likelihood", "text"]
    assert (
        coping.questions[0].prompt.get("on_my_own") == "How likely are you to do this in a crisis?"
    )
    assert coping.questions[1].prompt.get("on_my_own").startswith("What might get in the way?")
    assert flow.step_for("warning_signs").questions == ()


def test_after_plan_questions_cover_the_after_plan_model_in_order() -> None:
    keys = [q.key for q in flow.AFTER_PLAN.questions]
    assert keys == [
        "likelihood_of_use",
        "what_might_get_in_the_way",
        "where_kept",
        "who_has_a_copy",
    ]
    for q in flow.AFTER_PLAN.questions:
        assert q.facilitator.startswith("Ask ")
        assert q.prompt.with_someone and q.prompt.on_my_own
        assert q.prompt.get("on_my_own").rstrip().endswith(("?", "."))


# --- The language guide ---------------------------------------------------------------------------

BANNED = re.compile(
    r"\b(abuse|abuser|addict|addicts|clean|dirty|relapse|relapsed|committed suicide|"
    r"junkie|user)\b",
    re.IGNORECASE,
)


def test_every_word_follows_the_language_guide() -> None:
    strings = all_strings(flow.PAGES) + all_strings(flow.BARRIER_QUESTIONS)
    strings += list(flow.LIKELIHOOD_WORDS.values()) + list(flow.VOICE_NAMES.values())
    assert len(strings) > 100
    for text in strings:
        assert "!" not in text, text
        assert not BANNED.search(text), text
        assert "  " not in text, text
        assert text == text.strip(), text


def test_prompts_and_field_questions_are_complete_sentences() -> None:
    sentences = []
    for step in flow.STEPS:
        sentences += [step.facilitator, step.prompt.with_someone, step.prompt.on_my_own]
        for c in step.collects:
            sentences += [c.ask.with_someone, c.ask.on_my_own]
            sentences += [f.question for f in c.fields]
    for q in (*flow.BARRIER_QUESTIONS, *flow.AFTER_PLAN.questions):
        sentences += [q.facilitator, q.prompt.with_someone, q.prompt.on_my_own]
    for text in sentences:
        assert text[0].isupper(), text
        assert text.endswith((".", "?")), text


def test_environment_step_talks_about_distance_not_methods() -> None:
    env = flow.step_for("environment")
    words = " ".join(all_strings(env)).lower()
    assert "distance" in words or "safer" in words
    for word in ("overdose", "hang", "gun", "rope", "pills", "cut", "jump", "poison", "knife"):
        assert not re.search(rf"\b{word}", words), word


# --- Moving through the session -----------------------------------------------------------------


def test_forward_back_and_skip_stay_within_the_pages() -> None:
    p = flow.new_progress("on_my_own")
    assert p.step_index == 0
    assert flow.back(p).step_index == 0
    p = flow.forward(p)
    assert p.step_index == 1
    assert flow.skip(p).step_index == 2
    assert flow.back(p).step_index == 0
    end = flow.go_to(p, 99)
    assert end.step_index == flow.FINISHED
    assert flow.is_finished(end)
    assert flow.forward(end).step_index == flow.FINISHED
    assert flow.page_at(end.step_index) is None
    # The functions are pure: the original is unchanged.
    assert p.step_index == 1
    assert p.voice == "on_my_own"


def test_page_positions_read_as_words() -> None:
    assert flow.page_position(0) == "Step 1 of 7"
    assert flow.page_position(6) == "Step 7 of 7"
    assert flow.page_position(7) == "Last questions"


def test_start_uses_the_voice_setting_and_resumes_a_paused_session() -> None:
    payload = VaultPayload(settings=Settings(voice="on_my_own"))
    progress = flow.start(payload)
    assert progress.voice == "on_my_own"
    assert payload.guide == progress

    payload.guide = flow.go_to(progress, 3)
    again = flow.start(payload)
    assert again.step_index == 3
    assert flow.start(payload, "with_someone").voice == "with_someone"
    assert payload.guide is not None and payload.guide.step_index == 3

    payload.guide = GuideProgress(step_index=flow.FINISHED)
    assert flow.start(payload).step_index == 0


def test_switching_voice_keeps_the_place() -> None:
    p = flow.go_to(flow.new_progress("with_someone"), 4)
    q = flow.with_voice(p, flow.other_voice(p.voice))
    assert (q.voice, q.step_index) == ("on_my_own", 4)
    assert flow.other_voice("on_my_own") == "with_someone"


def test_finish_forgets_the_place_and_marks_the_plan_reviewed() -> None:
    payload = VaultPayload()
    flow.start(payload)
    flow.finish(payload)
    assert payload.guide is None
    assert payload.plan.last_reviewed_at is not None


# --- Applying answers ----------------------------------------------------------------------------


def collector(step: str, plan_field: str) -> flow.Collector:
    return next(c for c in flow.step_for(step).collects if c.plan_field == plan_field)  # type: ignore[arg-type]


def test_add_entry_puts_each_kind_where_the_plan_keeps_it() -> None:
    payload = VaultPayload()
    flow.add_entry(payload, collector("warning_signs", "warning_signs"), {"text": "  Sundays  "})
    flow.add_entry(
        payload,
        collector("help", "help_contacts"),
        {"name": "Amy", "phone": "0123", "relationship": "sister"},
    )
    flow.add_entry(
        payload,
        collector("environment", "environment"),
        {"text": "Ask my brother to hold on to things", "who_helps": "my brother"},
    )
    flow.add_entry(payload, collector("professionals", "urgent_care"), {"name": "St Mary's"})
    plan = payload.plan
    assert plan.warning_signs == [TextItem(id=plan.warning_signs[0].id, text="Sundays")]
    assert isinstance(plan.help_contacts[0], Contact)
    assert (plan.help_contacts[0].phone, plan.help_contacts[0].relationship) == ("0123", "sister")
    assert isinstance(plan.environment[0], EnvironmentStep)
    assert plan.environment[0].who_helps == "my brother"
    assert plan.urgent_care[0].name == "St Mary's"
    assert flow.step_has_entries(plan, flow.step_for("professionals"))
    assert not flow.step_has_entries(plan, flow.step_for("coping"))
    # Still a valid payload, and it survives the trip through JSON.
    assert VaultPayload.model_validate_json(payload.model_dump_json()) == payload


def test_an_empty_or_overlong_entry_is_refused_calmly_without_repeating_it() -> None:
    payload = VaultPayload()
    people = collector("distraction", "distraction_people")
    with pytest.raises(flow.AnswerNotKept) as empty:
        flow.add_entry(payload, people, {"name": "   ", "phone": "123"})
    assert "nothing was added" in empty.value.message
    secret = "CANARY-" + "x" * 600
    with pytest.raises(flow.AnswerNotKept) as long:
        flow.add_entry(payload, people, {"name": secret})
    assert "CANARY" not in str(long.value)
    assert payload.plan.distraction_people == []


def test_remove_entry_takes_out_only_that_entry() -> None:
    payload = VaultPayload()
    coping = collector("coping", "coping")
    a = flow.add_entry(payload, coping, {"text": "walk"})
    b = flow.add_entry(payload, coping, {"text": "music"})
    assert flow.remove_entry(payload, coping, a.id)
    assert not flow.remove_entry(payload, coping, a.id)
    assert [i.id for i in payload.plan.coping] == [b.id]


def test_barrier_answers_are_kept_as_step_reflections() -> None:
    payload = VaultPayload()
    coping = flow.step_for("coping")
    likelihood, barriers = coping.questions
    flow.set_answer(payload, coping, likelihood, "maybe")
    flow.set_answer(payload, coping, barriers, "I might be too tired")
    r = payload.plan.reflections["coping"]
    assert (r.likelihood, r.barriers) == ("maybe", "I might be too tired")
    assert flow.answer_of(payload, coping, likelihood) == "maybe"
    assert flow.answer_words(likelihood, "unlikely") == "Not very likely"
    # Clearing both answers removes the reflection.
    flow.set_answer(payload, coping, likelihood, None)
    flow.set_answer(payload, coping, barriers, "")
    assert "coping" not in payload.plan.reflections
    with pytest.raises(flow.AnswerNotKept):
        flow.set_answer(payload, coping, likelihood, "certainly")


def test_after_plan_answers_are_kept_in_after_plan() -> None:
    payload = VaultPayload()
    page = flow.AFTER_PLAN
    answers = {
        "likelihood_of_use": "likely",
        "what_might_get_in_the_way": "Forgetting",
        "where_kept": "In my wallet",
        "who_has_a_copy": "My partner",
    }
    for q in page.questions:
        flow.set_answer(payload, page, q, answers[q.key])
    assert payload.plan.after_plan.model_dump() == answers
    for q in page.questions:
        assert flow.answer_of(payload, page, q) == answers[q.key]
    with pytest.raises(flow.AnswerNotKept):
        flow.set_answer(payload, page, page.questions[2], "x" * 30_000)
    assert payload.plan.after_plan.where_kept == "In my wallet"
