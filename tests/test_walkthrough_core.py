"""The walk through the plan, in the core: order, skipped steps, only positive evidence, the ending,
and consent before anything is remembered."""

from __future__ import annotations

from datetime import date

from safeplan.core import walkthrough as flow
from safeplan.core.demo import demo_payload
from safeplan.core.models import PlanUse, SafetyPlan, StepOutcome, TextItem, VaultPayload
from safeplan.core.plan import HelpedStat


def payload() -> VaultPayload:
    return VaultPayload(
        plan=SafetyPlan(
            coping=[TextItem(text="Walk round the block"), TextItem(text="Cold water")],
            reasons=[TextItem(text="My niece")],
        )
    )


def test_steps_in_order_with_empty_ones_skipped_kindly() -> None:
    walk = flow.Walk(payload())
    first = walk.start()
    assert first.step == "coping" and first.heading == "Step 2 of 7: Things I can do on my own"
    assert first.skipped == (
        "Step 1: No warning signs written yet. You can add them when you feel ready.",
    )
    assert first.tickable and not first.last
    end = walk.forward()
    assert end.step == "reasons" and end.last
    assert len(end.skipped) == 4
    assert end.invite == "These are yours to hold on to, today and tomorrow."
    assert walk.back() is not None and walk.step == "coping"


def test_what_has_not_helped_is_never_shown() -> None:
    assert flow.helped_note(None) == ""
    assert flow.helped_note(HelpedStat("a", used=3, helped=0, recent=[False] * 3)) == ""
    assert flow.helped_note(HelpedStat("a", used=1, helped=1, recent=[True])) == "helped you before"
    mixed = HelpedStat("a", used=5, helped=4, recent=[True, False, True, True, True])
    assert flow.helped_note(mixed) == "helped you 4 times before"
    assert (
        flow.helped_note(HelpedStat("a", 2, 2, [True, True])) == "helped each of the last 2 times"
    )
    demo = demo_payload(today=date(2026, 11, 1))
    walk = flow.Walk(demo)
    view = walk.start()
    for _ in range(4):
        for note in view.notes:
            assert " of " not in note.replace("each of the last", "") and "used" not in note
        view = walk.forward()


def test_nothing_is_kept_until_the_person_says_yes() -> None:
    data = payload()
    walk = flow.Walk(data)
    view = walk.start()
    walk.note("coping", [view.items[0].id], helped=True)
    assert walk.asks_to_remember
    assert walk.finish() is False
    assert data.plan_uses == []

    walk = flow.Walk(data)
    view = walk.start()
    walk.note("coping", [view.items[1].id], helped=True)
    walk.answer_remember(True)
    assert walk.finish() is True
    (use,) = data.plan_uses
    assert use.outcomes == [
        StepOutcome(step="coping", helped=True, helped_items=[view.items[1].id])
    ]
    walk = flow.Walk(data)
    walk.start()
    walk.note("coping", [], helped=True)
    assert not walk.asks_to_remember, "asked once only"


def test_saying_no_to_remembering_keeps_nothing_but_the_answer() -> None:
    data = payload()
    walk = flow.Walk(data)
    view = walk.start()
    walk.note("coping", [view.items[0].id])
    walk.answer_remember(False)
    assert walk.finish() is True  # the answer itself is saved
    assert data.plan_uses == []
    assert data.settings.remember_what_helped is False
    assert data.settings.remember_what_helped_asked is True


def test_a_tick_is_kept_when_coming_back_and_helped_stays_said() -> None:
    walk = flow.Walk(payload())
    view = walk.start()
    walk.note("coping", [view.items[0].id], helped=True)
    walk.forward()
    walk.back()
    assert walk.ticked("coping") == [view.items[0].id]
    walk.note("coping", [view.items[0].id])
    (outcome,) = walk.use.outcomes
    assert outcome.helped is True


def test_an_empty_plan_says_so_and_goes_to_the_end() -> None:
    walk = flow.Walk(VaultPayload())
    assert walk.plan_is_empty
    view = walk.start()
    assert view.last and view.invite == flow.EMPTY_PLAN and view.skipped == ()


def test_round_again_starts_from_the_first_step() -> None:
    walk = flow.Walk(payload())
    walk.start()
    walk.to_end()
    assert walk.round_again().step == "coping"
    assert not walk.can_go_back


def test_step_tools_are_offered_only_when_installed(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    here = flow.StepTool("coping", "Breathe", "breathe", "x:Y", "safeplan.core.walkthrough")
    missing = flow.StepTool("coping", "Missing", "missing", "x:Y", "safeplan.no_such_module")
    monkeypatch.setattr(flow, "STEP_TOOLS", [here, missing])
    assert flow.tools_for("coping") == [here]
    assert flow.Walk(payload()).start().tools == (here,)


def test_old_uses_still_count(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    data = payload()
    data.settings.remember_what_helped_asked = True
    item = data.plan.coping[0]
    data.plan_uses.append(
        PlanUse(outcomes=[StepOutcome(step="coping", helped=True, helped_items=[item.id])])
    )
    assert flow.Walk(data).start().notes[0] == "helped you before"
