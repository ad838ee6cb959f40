"""Safer-use strategies, tips as choices, and goal alignment without judgment."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta

import pytest

from safeplan.core import harm_reduction as hr
from safeplan.core.checkins import add_use_entry, new_use_entry
from safeplan.core.combinations import check_combinations
from safeplan.core.demo import demo_payload
from safeplan.core.models import HarmReductionGoal, HarmReductionPlan, Settings, VaultPayload

TODAY = date(2026, 11, 1)
NOW = datetime(2026, 11, 1, 22, 0, tzinfo=UTC)
JUDGING = re.compile(
    r"\b(fail\w*|slip\w*|broke|streak|relapse\w*|clean|dirty|abuse|addict\w*|should)\b|!",
    re.IGNORECASE,
)
# Counting lines also never say "only" ("only 2 days..."), which reads as a verdict.
COUNTING = re.compile(JUDGING.pattern + r"|\bonly\b", re.IGNORECASE)


def ours(text: str) -> str:
    """The lines safeplan wrote (the person's own goal text is theirs to word as they like)."""
    return "\n".join(line for line in text.splitlines() if not line.startswith("Your goal"))


def test_every_strategy_is_sourced_dated_tagged_and_calm() -> None:
    found = hr.strategies()
    for key in (
        "never_alone",
        "naloxone",
        "test",
        "start_low",
        "space_doses",
        "no_mixing_depressants",
        "tolerance_after_break",
        "know_the_signs",
        "counterfeit_pills",
        "xylazine_care",
        "stimulant_heat",
        "ghb_dosing",
        "sterile_equipment",
        "testing_hiv_hcv",
        "stopping_safely",
        "treatment_for_opioids",
    ):
        assert key in found
    for s in found.values():
        for source in s.sources_for("US") + s.sources_for("CA"):
            assert source.url.startswith("https://")
            assert "Abuse" not in source.short()
        assert date(2026, 1, 1) <= s.verified <= date(2026, 12, 31)
        assert all(len(c) == 2 and c.isupper() for c in s.countries)
        assert not JUDGING.search(s.title + " " + s.text_for("US") + s.text_for("CA")), s.key
        assert "Source:" in s.render()


def test_no_country_specific_line_reaches_another_country() -> None:
    for s in hr.strategies().values():
        for country in ("GB", "AU", "IE", "NZ", "DE", None):
            text = s.text_for(country)
            assert "In the US" not in text and "1-800" not in text, (s.key, country)
            assert "In Canada" not in text and "1-888" not in text, (s.key, country)
    assert "1-800-484-3731" in hr.strategies()["never_alone"].text_for("US")
    assert "1-888-688-6677" in hr.strategies()["never_alone"].text_for("CA")
    assert "Narcan" in hr.strategies()["naloxone"].text_for("US")


def test_naloxone_wording_never_holds_anyone_back() -> None:
    text = hr.strategies()["naloxone"].text
    assert "give it anyway" in text and "won't harm" in text
    assert "fentanyl" in text and "wear off" in text
    assert "opioids only" not in text


def test_withdrawal_safety_is_said_for_stopping_alcohol_or_benzos() -> None:
    for substance in ("alcohol", "benzos", "xanax", "GHB"):
        goal = HarmReductionGoal(kind="stop", substance=substance, text="")
        assert "seizures" in hr.goal_safety_note(goal), substance
    assert hr.goal_safety_note(HarmReductionGoal(kind="stop", substance="cannabis")) == ""
    assert hr.goal_safety_note(HarmReductionGoal(kind="safer_use", substance="alcohol")) == ""


def test_strategy_title_for_unknown_keys_is_readable() -> None:
    assert hr.strategy_title("never_alone") == "Not using alone"
    assert hr.strategy_title("bring_water") == "Bring water"


def payload_with(*entries: object, strategies: tuple[str, ...] = ()) -> VaultPayload:
    p = VaultPayload(harm_reduction=HarmReductionPlan(strategies=list(strategies)))
    for e in entries:
        add_use_entry(p, e)  # type: ignore[arg-type]
    return p


def use(name: str, hours_ago: float = 0, **kwargs: object) -> object:
    return new_use_entry(substance=name, at=NOW - timedelta(hours=hours_ago), **kwargs)  # type: ignore[arg-type]


def keys(tips: list[hr.Strategy]) -> list[str]:
    return [t.key for t in tips]


def test_tips_can_be_turned_off() -> None:
    entry = use("heroin", used_alone=True)
    p = payload_with(entry)
    p.settings = Settings(harm_reduction_tips=False)
    assert hr.tips_for(entry, p) == []  # type: ignore[arg-type]


def test_opioid_alone_without_naloxone() -> None:
    entry = use("heroin", used_alone=True)
    p = payload_with(entry)
    assert keys(hr.tips_for(entry, p, limit=5)) == ["never_alone", "naloxone", "test", "start_low"]  # type: ignore[arg-type]
    assert len(hr.tips_for(entry, p)) == 3  # type: ignore[arg-type]


def test_after_a_dangerous_mix_the_overdose_signs_come_first() -> None:
    earlier, entry = use("xanax", 2), use("beer")
    p = payload_with(earlier, entry, strategies=("test",))
    notes = check_combinations(p.use_entries, entry)  # type: ignore[arg-type]
    assert keys(hr.tips_for(entry, p, notes))[:2] == ["know_the_signs", "no_mixing_depressants"]  # type: ignore[arg-type]


def test_unknown_supply_gets_safer_use_ideas() -> None:
    for entry in (use("mystery pill"), use("some powder", substance_class="other")):
        p = payload_with(entry)
        found = keys(hr.tips_for(entry, p, limit=6))  # type: ignore[arg-type]
        assert {"naloxone", "counterfeit_pills", "start_low", "test"} <= set(found)


def test_the_tips_fit_the_substance() -> None:
    cases = {
        "GHB": "ghb_dosing",
        "mdma": "stimulant_heat",
        "tranq": "xylazine_care",
    }
    for name, key in cases.items():
        entry = use(name, used_alone=False, tested=True, naloxone_at_hand=True)
        p = payload_with(entry)
        assert key in keys(hr.tips_for(entry, p, limit=6)), name  # type: ignore[arg-type]
    injected = use("heroin", route="injected", used_alone=False, tested=True, naloxone_at_hand=True)
    assert "sterile_equipment" in keys(hr.tips_for(injected, payload_with(injected), limit=6))  # type: ignore[arg-type]


def test_the_persons_own_strategies_come_first_and_are_offered_after_use() -> None:
    entry = use("heroin", used_alone=True)
    p = payload_with(entry, strategies=("test",))
    assert keys(hr.tips_for(entry, p)) == ["test", "never_alone", "naloxone"]  # type: ignore[arg-type]
    beer = use("beer", used_alone=False)
    p = payload_with(use("beer", 48, used_alone=False), beer, strategies=("space_doses",))
    assert keys(hr.tips_for(beer, p)) == ["space_doses"]  # type: ignore[arg-type]


def test_a_redose_soon_after_offers_spacing_doses() -> None:
    kw = {"naloxone_at_hand": True, "tested": True, "used_alone": False}
    entry = use("GHB", **kw)
    p = payload_with(use("GBL", 1, **kw), entry)
    assert "space_doses" in keys(hr.tips_for(entry, p, limit=6))  # type: ignore[arg-type]
    later = use("GHB", **kw)
    p = payload_with(use("GHB", 5, **kw), later)
    assert "space_doses" not in keys(hr.tips_for(later, p, limit=6))  # type: ignore[arg-type]


def test_treatment_is_offered_for_opioids_but_not_for_treatment_itself() -> None:
    goal = HarmReductionGoal(kind="use_less", substance="heroin", text="")
    heroin = use("heroin")
    p = payload_with(heroin)
    assert "treatment_for_opioids" not in keys(hr.tips_for(heroin, p, limit=9))  # type: ignore[arg-type]
    p.harm_reduction.goals = [goal]
    assert "treatment_for_opioids" in keys(hr.tips_for(heroin, p, limit=9))  # type: ignore[arg-type]
    bupe = use("suboxone")
    p = payload_with(bupe)
    p.harm_reduction.goals = [goal]
    assert "treatment_for_opioids" not in keys(hr.tips_for(bupe, p, limit=9))  # type: ignore[arg-type]


def test_no_tip_when_nothing_applies() -> None:
    earlier = use("beer", 48, used_alone=False)
    entry = use("beer", used_alone=False)
    p = payload_with(earlier, entry)
    assert hr.tips_for(entry, p) == []  # type: ignore[arg-type]


def test_tolerance_after_a_break_of_days() -> None:
    kw = {"naloxone_at_hand": True, "tested": True, "used_alone": False}
    earlier = use("heroin", 24 * 5, **kw)
    entry = use("heroin", **kw)
    p = payload_with(earlier, entry)
    assert keys(hr.tips_for(entry, p)) == ["tolerance_after_break", "treatment_for_opioids"]  # type: ignore[arg-type]
    recent = use("heroin", 10, **kw)
    p = payload_with(recent, entry)
    assert hr.tips_for(entry, p) == []  # type: ignore[arg-type]
    # Not only opioids: alcohol too.
    drink = use("beer", used_alone=False)
    p = payload_with(use("wine", 24 * 6, used_alone=False), drink)
    assert keys(hr.tips_for(drink, p)) == ["tolerance_after_break"]  # type: ignore[arg-type]


def test_goal_alignment_counts_days_plainly() -> None:
    p = VaultPayload(
        harm_reduction=HarmReductionPlan(
            goals=[
                HarmReductionGoal(kind="use_less", text="Weekends only.", substance="alcohol"),
                HarmReductionGoal(kind="stop", text="", substance="benzos"),
                HarmReductionGoal(kind="safer_use", text="old goal", active=False),
            ],
            strategies=["never_alone", "naloxone", "test"],
        )
    )
    for days_ago, name, alone in [(0, "beer", False), (0, "wine", True), (3, "gin", False)]:
        add_use_entry(p, use(name, 24 * days_ago, used_alone=alone))
    add_use_entry(p, use("xanax", 24 * 20))  # in the 14 days before
    add_use_entry(p, use("beer", 24 * 15))
    result = hr.goal_alignment(p, 14, TODAY)
    assert (result.days_with_use, result.days_without_use, result.entries) == (2, 12, 3)
    assert result.previous_days_with_use == 2
    assert (result.noted_alone, result.not_alone) == (3, 2)
    text = result.render()
    assert "Your goal (using less, alcohol): Weekends only." in text
    assert "Days with alcohol logged: 2 of 14 (the 14 days before: 1)." in text
    assert "Your goal (stopping, benzos)" in text
    assert "Days without benzos logged: 14 of 14." in text
    assert "With someone around: 2 of 3 times you noted it." in text
    assert "Naloxone at hand" not in text  # never noted: nothing to say
    assert "old goal" not in text
    assert not COUNTING.search(ours(text))


def test_goal_alignment_with_no_goals_and_no_use() -> None:
    result = hr.goal_alignment(VaultPayload(), 7, TODAY)
    assert result.days_with_use == 0
    assert result.lines == (
        "The last 7 days, as you logged them:",
        "  Days with use logged: 0 of 7.",
        "  No use logged in this time.",
    )


def test_goal_alignment_on_the_demo_is_calm() -> None:
    text = hr.goal_alignment(demo_payload(today=TODAY), 30, TODAY).render()
    assert "Your goal" in text
    assert not COUNTING.search(ours(text))


@pytest.mark.parametrize("days", [1, 7, 30, 90, 365])
def test_goal_alignment_periods(days: int) -> None:
    result = hr.goal_alignment(demo_payload(today=TODAY), days, TODAY)
    assert result.days == days
    assert 0 <= result.days_with_use <= days
    assert result.end == TODAY and (result.end - result.start).days == days - 1
