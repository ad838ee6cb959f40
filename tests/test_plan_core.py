"""The plan over time: revisions, differences, review dates, what helped; and the demo vault."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from safeplan.core import plan as P
from safeplan.core.demo import demo_payload, demo_store
from safeplan.core.models import STEP_ORDER, Contact, SafetyPlan, TextItem, VaultPayload
from safeplan.core.sections import items_in

TODAY = date(2026, 11, 27)


def at(days_ago: int) -> datetime:
    return datetime(2026, 11, 27, 12, tzinfo=UTC) - timedelta(days=days_ago)


# --- demo ----------------------------------------------------------------------------------------


def test_demo_is_deterministic_and_valid() -> None:
    a = demo_payload(TODAY).model_dump_json()
    assert a == demo_payload(TODAY).model_dump_json()
    # It round-trips through the models (so it is a payload the vault can hold).
    assert VaultPayload.model_validate_json(a).model_dump_json() == a
    assert demo_payload(TODAY + timedelta(days=1)).model_dump_json() != a


def test_demo_fills_every_part_of_the_plan() -> None:
    p = demo_payload(TODAY)
    for step in STEP_ORDER:
        assert items_in(p.plan, step), step
    assert all(c.out_of_hours for c in p.plan.clinicians)
    assert all(u.address for u in p.plan.urgent_care)
    assert all(e.who_helps for e in p.plan.environment)
    assert p.plan.after_plan.where_kept and p.plan.after_plan.who_has_a_copy
    assert p.plan.last_reviewed_at is not None
    assert P.days_since_review(p, TODAY) == 40
    assert 5 <= len(p.plan_revisions) <= 7
    assert not p.harm_reduction.is_empty()
    days = {c.at.date() for c in p.checkins}
    assert len(days) == 90
    assert any(c.mood <= 2 for c in p.checkins), "some hard days"
    assert {e.substance for e in p.use_entries} >= {"alcohol", "cannabis"}
    assert sum(e.used_alone is False for e in p.use_entries) > len(p.use_entries) / 2
    assert {s.instrument for s in p.self_checks} == {"phq9", "gad7"}


def test_demo_plan_matches_its_latest_revision() -> None:
    p = demo_payload(TODAY)
    assert not P.plan_changed(p)
    assert P.commit_plan_change(p) is False


def test_demo_store_writes_nothing(isolated_home: Path, tmp_path: Path) -> None:
    def files() -> set[Path]:
        return {p for root in (isolated_home, tmp_path) for p in root.rglob("*")}

    before = files()
    store = demo_store()
    assert store.path is None and store.persistent is False
    store.payload.plan.coping.append(TextItem(text="something new"))
    store.save()
    store.close()
    assert files() == before


# --- revisions -----------------------------------------------------------------------------------


def test_every_change_keeps_one_dated_revision() -> None:
    p = VaultPayload()
    assert P.commit_plan_change(p) is False, "an empty new plan has nothing to keep"
    p.plan.coping.append(TextItem(text="walk"))
    assert P.commit_plan_change(p, at=at(3)) is True
    assert P.commit_plan_change(p) is False, "nothing changed since"
    assert p.plan.updated_at == at(3)
    p.plan.updated_at = at(1)
    assert P.commit_plan_change(p) is False, "only the timestamp moved"
    p.plan.coping[0].text = "walk by the river"
    assert P.commit_plan_change(p, "edited", at=at(0)) is True
    assert [r.at for r in p.plan_revisions] == [at(3), at(0)]
    assert p.plan_revisions[0].plan.coping[0].text == "walk"
    assert p.plan_revisions[1].note == "edited"


def test_revision_is_a_copy_not_a_reference() -> None:
    p = VaultPayload()
    p.plan.reasons.append(TextItem(text="my dog"))
    P.commit_plan_change(p)
    p.plan.reasons[0].text = "my dogs"
    assert p.plan_revisions[-1].plan.reasons[0].text == "my dog"
    assert P.plan_changed(p)


def test_mark_reviewed_records_a_revision_and_resets_the_nudge() -> None:
    p = VaultPayload()
    p.plan.coping.append(TextItem(text="walk"))
    p.plan.created_at = at(120)
    P.commit_plan_change(p, at=at(120))
    assert P.days_since_review(p, TODAY) is None
    assert P.review_due(p, TODAY) is True, "never reviewed and older than 90 days"
    rev = P.mark_reviewed(p, at(0))
    assert rev.note == "Reviewed" and rev.plan.last_reviewed_at == at(0)
    assert len(p.plan_revisions) == 2
    assert P.days_since_review(p, TODAY) == 0
    assert P.review_due(p, TODAY) is False
    assert P.review_due(p, TODAY + timedelta(days=90)) is True
    assert P.review_due(p, TODAY + timedelta(days=89)) is False


def test_review_nudge_follows_the_setting_and_spares_an_empty_plan() -> None:
    p = VaultPayload()
    p.plan.created_at = at(400)
    assert P.review_due(p, TODAY) is False
    p.plan.coping.append(TextItem(text="walk"))
    p.plan.last_reviewed_at = at(20)
    assert P.review_due(p, TODAY) is False
    p.settings.review_nudge_days = 14
    assert P.review_due(p, TODAY) is True


# --- diffs ---------------------------------------------------------------------------------------


def test_diff_names_each_kind_of_change_in_plan_order() -> None:
    a, b, c = TextItem(text="walk"), TextItem(text="music"), TextItem(text="bath")
    sign = TextItem(text="not sleeping")
    old = SafetyPlan(warning_signs=[sign], coping=[a, b, c])
    new = old.model_copy(deep=True)
    new.coping = [new.coping[2], new.coping[0]]  # bath moved up, music taken out
    new.coping[1].text = "walk with the dog"
    new.help_contacts.append(Contact(name="Ana", phone="555-0101", relationship="friend"))
    new.reasons.append(TextItem(text="my garden"))
    changes = P.diff_plans(old, new)
    summary = [(ch.section, ch.kind) for ch in changes]
    assert summary == [
        ("coping", "removed"),
        ("coping", "moved"),
        ("coping", "changed"),
        ("help", "added"),
        ("reasons", "added"),
    ]
    lines = P.render_diff(changes)
    assert lines[0] == "2. Things I can do on my own"
    assert "  - Taken out: music" in lines
    assert "  ~ Moved to number 1: bath" in lines
    assert "  * Changed: walk" in lines and "         to: walk with the dog" in lines
    assert "  + Added: Ana (friend, 555-0101)" in lines
    assert "7. What matters most to me" in lines


def test_diff_of_identical_plans_says_so() -> None:
    p = demo_payload(TODAY).plan
    assert P.diff_plans(p, p.model_copy(deep=True)) == []
    assert P.render_diff([]) == ["No differences between these two versions."]


def test_diff_shows_review_and_after_plan_answers() -> None:
    old = SafetyPlan()
    new = old.model_copy(deep=True)
    new.after_plan.where_kept = "in my wallet"
    new.last_reviewed_at = datetime(2026, 10, 18, 17, tzinfo=UTC)
    lines = P.render_diff(P.diff_plans(old, new))
    assert "About the plan" in lines
    assert "  + Added: Where I keep it: in my wallet" in lines
    assert "         to: Last reviewed: 18 October 2026" in lines


texts = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=20).map(
    str.strip
)


@st.composite
def edited_lists(draw: st.DrawFn) -> tuple[list[TextItem], list[TextItem]]:
    old = [TextItem(id=f"i{n}", text=draw(texts)) for n in range(draw(st.integers(0, 8)))]
    kept = draw(st.permutations(old))
    kept = [i for i in kept if draw(st.booleans())]
    new = [i.model_copy() for i in kept]
    for i in new:
        if draw(st.booleans()):
            i.text = draw(texts)
    for n in range(draw(st.integers(0, 3))):
        new.insert(draw(st.integers(0, len(new))), TextItem(id=f"n{n}", text=draw(texts)))
    return old, new


@given(edited_lists())
@settings(max_examples=200, deadline=None)
def test_diff_accounts_for_every_item(lists: tuple[list[TextItem], list[TextItem]]) -> None:
    old, new = lists
    changes = P.diff_plans(SafetyPlan(coping=old), SafetyPlan(coping=new))
    old_ids, new_ids = {i.id for i in old}, {i.id for i in new}
    assert sum(c.kind == "added" for c in changes) == len(new_ids - old_ids)
    assert sum(c.kind == "removed" for c in changes) == len(old_ids - new_ids)
    by_id = {i.id: i for i in old}
    edited = [i for i in new if i.id in by_id and by_id[i.id].text != i.text]
    assert sum(c.kind == "changed" for c in changes) == len(edited)
    # Applying only the moves to the kept items gives the new order: nothing is reported as moved
    # when the order of the kept items did not change.
    kept_old = [i.id for i in old if i.id in new_ids]
    kept_new = [i.id for i in new if i.id in old_ids]
    moved = sum(c.kind == "moved" for c in changes)
    assert (moved == 0) == (kept_old == kept_new)
    assert moved <= max(0, len(kept_new) - 1)


# --- what helped ---------------------------------------------------------------------------------


def test_what_helped_counts_and_speaks_plainly() -> None:
    p = VaultPayload()
    walk = TextItem(text="walk")
    p.plan.coping.append(walk)
    for helped in (True, False, True, True, True, True):
        use = P.start_plan_use(p)
        P.record_step(use, "warning_signs", True)
        P.record_step(use, "coping", helped, [walk.id, walk.id])
        assert P.finish_plan_use(p, use) is True
    stat = P.what_helped(p)[walk.id]
    assert (stat.used, stat.helped) == (6, 5)
    assert stat.line() == "helped 4 of the last 5 times"
    p2 = VaultPayload()
    for _ in range(3):
        use = P.start_plan_use(p2)
        P.record_step(use, "coping", True, [walk.id])
        P.finish_plan_use(p2, use)
    assert P.what_helped(p2)[walk.id].line() == "helped each of the last 3 times"
    use = P.start_plan_use(p2)
    P.record_step(use, "coping", False, ["other"])
    P.finish_plan_use(p2, use)
    assert P.what_helped(p2)["other"].line() == "used once before"


def test_recording_a_step_twice_keeps_the_last_answer() -> None:
    p = VaultPayload()
    use = P.start_plan_use(p)
    P.record_step(use, "coping", False, ["a"])
    P.record_step(use, "coping", True, ["b"])
    assert [(o.step, o.helped, o.helped_items) for o in use.outcomes] == [("coping", True, ["b"])]
    P.finish_plan_use(p, use)
    P.finish_plan_use(p, use)
    assert len(p.plan_uses) == 1 and use.finished_at is not None


def test_nothing_about_what_helped_is_kept_when_turned_off() -> None:
    p = VaultPayload()
    p.settings.remember_what_helped = False
    use = P.start_plan_use(p)
    P.record_step(use, "coping", True, ["a"])
    assert P.finish_plan_use(p, use) is False
    assert p.plan_uses == [] and use.outcomes == []
    assert P.what_helped(p) == {}


def test_demo_shows_what_helped() -> None:
    p = demo_payload(TODAY)
    walk = p.plan.coping[0]
    assert P.what_helped(p)[walk.id].line() == "helped 4 of the last 5 times"
