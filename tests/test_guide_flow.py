"""The guided flow as data, and the pure functions that apply answers and move through it."""

from __future__ import annotations

import re
from dataclasses import fields, is_dataclass
from pathlib import Path
from typing import Any

import pytest

from safeplan.core import guide as flow
from safeplan.core.models import (
    STEP_ORDER,
    AfterPlan,
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
    assert flow.PAGES[0] is flow.OPENING_PAGE
    assert flow.PAGES[1] is flow.STORY
    assert flow.PAGES[flow.FIRST_STEP : flow.FIRST_STEP + 7] == flow.STEPS
    assert flow.PAGES[-2:] == (flow.AFTER_PLAN, flow.FOLLOW_UP)
    assert flow.FINISHED == 11


@pytest.mark.parametrize("step", flow.STEPS, ids=lambda s: s.step)
def test_every_step_has_a_facilitator_prompt_both_voices_and_examples(
    step: flow.GuideStep,
) -> None:
    # Short cues for the helper (review 7.3): a few lines, none a paragraph.
    assert 2 <= len(step.facilitator) <= 4
    assert all(len(cue.split()) <= 22 for cue in step.facilitator), step.facilitator
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
    # Steps 2 to 6, steps 3 and 5 included (review 1.5).
    assert checked == {"coping", "distraction", "help", "professionals", "environment"}
    coping = flow.step_for("coping")
    assert [q.key for q in coping.questions] == ["likelihood", "barriers", "way_round"]
    assert coping.questions[0].prompt.get("on_my_own").startswith("How likely are you")
    assert coping.questions[1].prompt.get("on_my_own") == "What might get in the way?"
    assert coping.questions[2].only_after == "barriers"
    assert flow.step_for("warning_signs").questions == ()
    assert flow.step_for("reasons").questions == ()


def test_after_plan_questions_cover_the_after_plan_model_in_order() -> None:
    keys = [q.key for q in (*flow.AFTER_PLAN.questions, *flow.FOLLOW_UP.questions)]
    assert keys == [
        "likelihood_of_use",
        "what_might_get_in_the_way",
        "way_round",
        "where_kept",
        "who_has_a_copy",
        "follow_up_when",
        "follow_up_with",
    ]
    assert keys == list(AfterPlan.model_fields)
    for q in (*flow.AFTER_PLAN.questions, *flow.FOLLOW_UP.questions):
        assert q.facilitator.startswith(("Ask ", "Look ", "Agree "))
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
        sentences += [*step.facilitator, step.prompt.with_someone, step.prompt.on_my_own]
        for c in step.collects:
            sentences += [c.ask.with_someone, c.ask.on_my_own]
            sentences += [f.question for f in c.fields]
    for q in (*flow.BARRIER_QUESTIONS, *flow.AFTER_PLAN.questions):
        sentences += [q.facilitator, q.prompt.with_someone, q.prompt.on_my_own]
    for text in sentences:
        assert text[0].isupper(), text
        assert text.endswith((".", "?", '?"')), text


def test_step_6_is_a_conversation_about_means_never_about_methods() -> None:
    env = flow.step_for("environment")
    words = " ".join(all_strings(env)).lower()
    assert "time and distance" in words
    # What and where, asked directly (review 1.3): medicines, firearms, anything else, who holds it.
    assert [t.title for t in env.talk] == [
        "What is there",
        "Medicines",
        "Firearms",
        "Anything else",
    ]
    for needed in ("suicide", "medicines", "gun", "lock", "who could"):
        assert needed in words, needed
    assert "never how" in words
    # Never how: no method is described.
    for word in ("overdose", "hang", "rope", "pills", "cut", "jump", "poison", "knife", "shoot"):
        assert not re.search(rf"\b{word}", words), word


def test_the_guide_names_suicide_plainly_where_the_method_does() -> None:
    assert any("suicide" in cue for cue in flow.OPENING_PAGE.facilitator)
    assert any("suicide" in cue for cue in flow.step_for("warning_signs").facilitator)


def test_the_opening_says_what_is_kept_confidentiality_and_stopping() -> None:
    words = " ".join(all_strings(flow.OPENING_PAGE)).lower()
    for needed in ("stop at any time", "what you would have to share", "where the plan is kept"):
        assert needed in words, needed


# --- Moving through the session -----------------------------------------------------------------


def test_forward_back_and_skip_stay_within_the_pages() -> None:
    p = flow.new_progress("on_my_own")
    assert p.step_index == 0
    assert flow.back(p).step_index == 0
    p = flow.forward(p)
    assert p.step_index == 1
    assert flow.skip(p).step_index == 2
    assert flow.back(p).step_index == 0
    assert p.pages_version == 2
    end = flow.go_to(p, 99)
    assert end.step_index == flow.FINISHED
    assert flow.is_finished(end)
    assert flow.forward(end).step_index == flow.FINISHED
    assert flow.page_at(end.step_index) is None
    # The functions are pure: the original is unchanged.
    assert p.step_index == 1
    assert p.voice == "on_my_own"


def test_page_positions_read_as_words() -> None:
    first = flow.FIRST_STEP
    assert flow.page_position(0) == "Before we start"
    assert flow.page_title(0) == "Before we start"
    assert flow.page_title(1) == "Before we start: What happened last time"
    assert flow.page_position(first) == "Step 1 of 7"
    assert flow.page_position(first + 6) == "Step 7 of 7"
    assert flow.page_position(first + 7) == "Last questions"
    assert flow.page_title(first + 8) == "Last questions: Looking at it again"
    assert flow.page_title(flow.FINISHED) == "Your plan is written"


def test_a_session_paused_by_an_older_safeplan_resumes_at_the_same_step() -> None:
    # Version 1 counted the seven steps from 0 and the last questions at 7.
    payload = VaultPayload(guide=GuideProgress(step_index=3, voice="on_my_own"))
    assert payload.guide is not None and payload.guide.pages_version == 1
    progress = flow.start(payload)
    assert flow.page_at(progress.step_index) is flow.step_for("help")
    assert progress.voice == "on_my_own"
    payload.guide = GuideProgress(step_index=7)
    assert flow.page_at(flow.start(payload).step_index) is flow.AFTER_PLAN
    payload.guide = GuideProgress(step_index=8)  # finished: a new session starts
    assert flow.start(payload).step_index == 0


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
    likelihood, barriers, way_round = coping.questions
    assert not flow.should_ask(payload, coping, way_round), "no barrier yet: no way around"
    flow.set_answer(payload, coping, likelihood, "maybe")
    flow.set_answer(payload, coping, barriers, "I might be too tired")
    assert flow.should_ask(payload, coping, way_round)
    flow.set_answer(payload, coping, way_round, "Shoes by the door")
    r = payload.plan.reflections["coping"]
    assert (r.likelihood, r.barriers, r.way_round) == (
        "maybe",
        "I might be too tired",
        "Shoes by the door",
    )
    assert flow.answer_of(payload, coping, likelihood) == "maybe"
    assert flow.answer_words(likelihood, "unlikely") == "Not very likely"
    # Clearing both answers removes the reflection.
    flow.set_answer(payload, coping, likelihood, None)
    flow.set_answer(payload, coping, barriers, "")
    assert "coping" in payload.plan.reflections, "the way around is still kept"
    flow.set_answer(payload, coping, way_round, "")
    assert "coping" not in payload.plan.reflections
    with pytest.raises(flow.AnswerNotKept):
        flow.set_answer(payload, coping, likelihood, "certainly")


def test_after_plan_answers_are_kept_in_after_plan() -> None:
    payload = VaultPayload()
    page = flow.AFTER_PLAN
    answers = {
        "likelihood_of_use": "likely",
        "what_might_get_in_the_way": "Forgetting",
        "way_round": "A reminder",
        "where_kept": "In my wallet",
        "who_has_a_copy": "My partner",
        "follow_up_when": "In two weeks",
        "follow_up_with": "My support worker",
    }
    for p in (flow.AFTER_PLAN, flow.FOLLOW_UP):
        for q in p.questions:
            flow.set_answer(payload, p, q, answers[q.key])
    assert payload.plan.after_plan.model_dump() == answers
    for q in page.questions:
        assert flow.answer_of(payload, page, q) == answers[q.key]
    with pytest.raises(flow.AnswerNotKept):
        flow.set_answer(payload, page, page.questions[3], "x" * 30_000)
    assert payload.plan.after_plan.where_kept == "In my wallet"


# --- The story, crisis help and the handover ------------------------------------------------------


def test_only_the_chosen_moments_of_the_story_become_warning_signs() -> None:
    payload = VaultPayload()
    moments = ["We argued", "I went quiet", "I stopped eating"]
    assert flow.chosen_numbers("3, 2", 3) == [2, 1]
    assert flow.chosen_numbers("4", 3) is None
    assert flow.chosen_numbers("two", 3) is None
    assert flow.keep_story(payload, moments, [2, 1, 2]) == 2
    assert [i.text for i in payload.plan.warning_signs] == ["I stopped eating", "I went quiet"]


def test_crisis_help_in_the_session_has_the_lines_the_people_and_the_card() -> None:
    from safeplan.core.guide.help import help_lines

    payload = VaultPayload()
    collector_ = collector("help", "help_contacts")
    flow.add_entry(payload, collector_, {"name": "Amy", "phone": "07700 900456"})
    lines = help_lines(payload, "with_someone", "GB", 60)
    text = "\n".join(lines)
    assert lines[0] == "If the person is in danger right now:"
    assert "999" in text and "Samaritans" in text
    assert "Amy (07700 900456)" in text
    assert all(len(line) <= 60 for line in lines), max(lines, key=len)
    alone = "\n".join(help_lines(payload, "on_my_own", "GB"))
    assert "If the person is in danger" not in alone
    assert "emergency number" in alone


def test_the_handover_says_honestly_what_was_kept(tmp_path: Path) -> None:
    from safeplan.core.guide.handover import Handover, passphrase_problem

    memory = Handover(ephemeral=True)
    assert [k for k, _ in memory.options()] == ["show", "print", "file", "vault", "end"]
    assert memory.needs_let_go_question()
    assert "Nothing was written" in memory.what_was_kept()
    with pytest.raises(flow.AnswerNotKept):
        memory.vault_target(str(tmp_path / "missing" / "v.json"))
    target = memory.vault_target(str(tmp_path))
    assert target == tmp_path / "safeplan-vault.json"
    assert passphrase_problem("short") is not None
    assert passphrase_problem("long enough words", "other words") is not None
    assert passphrase_problem("long enough words", "long enough words") is None
    memory.write_copy(tmp_path / "plan.txt", "words", None)
    assert (tmp_path / "plan.txt").stat().st_mode & 0o777 == 0o600
    assert not memory.needs_let_go_question()
    assert str(tmp_path / "plan.txt") in memory.what_was_kept()
    with pytest.raises(flow.AnswerNotKept):
        memory.copy_target(str(tmp_path / "plan.txt"), ".txt")
    vault = Handover(ephemeral=False)
    assert "vault" not in [k for k, _ in vault.options()]


def test_the_way_around_is_shown_with_its_step_when_the_plan_is_used() -> None:
    from safeplan.core.export import render
    from safeplan.core.walkthrough import Walk

    payload = VaultPayload()
    coping = flow.step_for("coping")
    flow.add_entry(payload, coping.collects[0], {"text": "A walk"})
    flow.set_answer(payload, coping, coping.questions[1], "Too tired")
    flow.set_answer(payload, coping, coping.questions[2], "Shoes by the door")
    view = Walk(payload).start()
    assert view.step == "coping" and view.way_round == "Shoes by the door"
    text = " ".join(render("text", payload, country="GB").split())
    assert "A walk My way around what might get in the way: Shoes by the door" in text
    markdown = render("markdown", payload, country="GB")
    assert "*My way around what might get in the way:* Shoes by the door" in markdown
