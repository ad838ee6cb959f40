"""The hard-moment rule (one definition in the core), table-driven, and the CLI that renders it:
which answers bring what, the 20-line limit at 80 columns, and an empty plan that is not pretended."""

from __future__ import annotations

from pathlib import Path

import pytest

from safeplan.core import demo, hard_moments
from safeplan.core.models import CheckIn, SelfCheck, Settings, VaultPayload
from safeplan.core.sections import SECTIONS
from tests.cli_helpers import run

THRESHOLD = Settings().hard_checkin_threshold
HINTS = hard_moments.Hints("`safeplan crisis`", "Use my plan now", "`safeplan country GB`")
SCALES = ("suicidal_thoughts", "self_harm_urge")

# (value, level) for each scale, with an ordinary mood; the person's threshold decides.
SCALE_TABLE = [
    (0, "calm"),
    (1, "acknowledge"),
    (THRESHOLD - 1, "acknowledge"),
    (THRESHOLD, "support"),
    (10, "support"),
]


def checkin(**values: int) -> CheckIn:
    return CheckIn(mood=values.pop("mood", 6), **values)


@pytest.mark.parametrize("scale", SCALES)
@pytest.mark.parametrize(("value", "level"), SCALE_TABLE)
def test_the_rule_for_each_scale(scale: str, value: int, level: str) -> None:
    entry = checkin(**{scale: value})
    assert hard_moments.checkin_level(entry, Settings()) == level
    found = hard_moments.for_checkin(entry, demo.demo_payload(), "GB")
    assert found.level == level
    text = hard_moments.lines(found, HINTS, 80)
    if level == "calm":
        assert text == []
        return
    assert "Thank you" in text[0]
    assert any("999 or 112" in line for line in text)
    assert any("Samaritans" in line for line in text)
    assert any("`safeplan crisis`" in line for line in text)
    assert "!" not in "\n".join(text)
    plan_shown = any("Headphones on" in line for line in text)
    assert plan_shown == (level == "support")


def test_the_persons_own_threshold_counts() -> None:
    settings = Settings(hard_checkin_threshold=3, low_mood_threshold=0)
    assert hard_moments.checkin_level(checkin(suicidal_thoughts=2), settings) == "acknowledge"
    assert hard_moments.checkin_level(checkin(self_harm_urge=3), settings) == "support"
    assert hard_moments.checkin_level(checkin(mood=1), settings) == "calm"
    assert hard_moments.checkin_level(checkin(mood=2), Settings()) == "support"


@pytest.mark.parametrize(
    ("answer", "level"), [(0, "calm"), (1, "support"), (2, "support"), (3, "support")]
)
def test_phq9_item_9(answer: int, level: str) -> None:
    assert hard_moments.item_9_level(answer) == level
    check = SelfCheck(instrument="phq9", answers=[0] * 8 + [answer])
    words = hard_moments.selfcheck_result(check)
    if answer:
        assert "range" not in words  # never "minimal range" right after that answer
        assert hard_moments.for_item_9(answer, demo.demo_payload(), "GB").level == "support"
    else:
        assert "minimal range" in words


def test_a_high_score_suggests_a_next_step() -> None:
    check = SelfCheck(instrument="gad7", answers=[3] * 7)
    assert "talking about soon" in hard_moments.selfcheck_result(check)


def test_the_most_important_part_is_inside_the_first_20_lines() -> None:
    payload = demo.demo_payload()
    text = hard_moments.lines(hard_moments.for_checkin(checkin(mood=1), payload, "GB"), HINTS, 80)
    first = "\n".join(text[:20])
    plan = payload.plan
    for needed in (
        "hard moment",
        "Call 999 or 112",
        "Samaritans",
        plan.coping[0].text,
        plan.help_contacts[0].name,
        plan.clinicians[0].name,
        plan.clinicians[0].out_of_hours,
        plan.urgent_care[0].name,
    ):
        assert needed in first, needed
    assert max(len(line) for line in text) <= 80


def test_a_block_taller_than_the_terminal_ends_with_what_to_call() -> None:
    found = hard_moments.for_checkin(checkin(mood=1), demo.demo_payload(), "GB")
    tall = hard_moments.lines(found, HINTS, 80, height=24)
    assert len(tall) > 24
    assert "Call 999 or 112" in tall[-1] or "Call 999 or 112" in tall[-2]
    assert "The rest is above." in " ".join(tall[-3:])
    assert hard_moments.lines(found, HINTS, 80, height=200) == hard_moments.lines(found, HINTS, 80)


@pytest.mark.parametrize("selfcheck", [False, True])
def test_an_empty_plan_is_not_pretended(selfcheck: bool) -> None:
    found = hard_moments.offer("support", VaultPayload(), "GB", selfcheck=selfcheck)
    text = "\n".join(hard_moments.lines(found, HINTS, 80))
    assert found.empty_plan
    assert "here is what your plan says" not in text.lower()
    assert "Samaritans" in text and "999" in text
    assert "Use my plan now" not in text


def test_no_country_still_gives_the_emergency_advice_and_how_to_choose() -> None:
    found = hard_moments.offer("support", VaultPayload(), None)
    text = "\n".join(hard_moments.lines(found, HINTS, 80))
    assert "112" in text and "findahelpline.com" in text
    assert "`safeplan country GB`" in text


# --- The CLI renders the same definition ----------------------------------------------------------


@pytest.mark.parametrize(("value", "level"), SCALE_TABLE)
def test_cli_checkin_follows_the_rule(isolated_home: Path, value: int, level: str) -> None:
    result = run(
        isolated_home,
        "--demo",
        "checkin",
        "--mood",
        "6",
        "--suicidal-thoughts",
        str(value),
        env={"LANG": "en_GB.UTF-8", "COLUMNS": "80", "LINES": "24"},
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    text = result.stdout
    if level == "calm":
        assert "999" not in text and "Its id is" in text
        return
    assert "Its id is" not in text
    first = "\n".join(lines[:20])
    assert "Thank you" in first and "Call 999 or 112" in first and "Samaritans" in first
    assert ("Headphones on" in first) == (level == "support")
    assert "self-check is there" not in text
    assert max(len(line) for line in lines) <= 80
    # What stays in view at 80x24 (the last 23 lines) still says what to call.
    assert "Call 999 or 112" in "\n".join(lines[-23:])


def test_cli_checkin_uses_the_kept_country(isolated_home: Path) -> None:
    from safeplan.core import kept_country

    kept_country.keep("GB")  # the test's own config folder, shared with the subprocess
    result = run(
        isolated_home,
        "--demo",
        "checkin",
        "--mood",
        "1",
        env={"LANG": "en_US.UTF-8", "COLUMNS": "80"},
    )
    assert "Call 999 or 112 (United Kingdom)" in result.stdout
    assert "911" not in result.stdout and "988" not in result.stdout


def test_locked_out_always_ends_with_a_next_step_and_help(
    isolated_home: Path, tmp_path: Path
) -> None:
    from tests.vault_helpers import make_vault

    vault = tmp_path / "v.json"
    make_vault(vault)
    wrong = run(
        isolated_home,
        "--vault",
        str(vault),
        "--passphrase-file",
        "-",
        "plan",
        "show",
        stdin="not it at all\n",
    )
    assert wrong.returncode == 3
    assert "`safeplan crisis`" in wrong.stderr
    damaged = tmp_path / "d.json"
    damaged.write_text('{"format":"safeplan-vault", "oops"')
    broken = run(
        isolated_home,
        "--vault",
        str(damaged),
        "--passphrase-file",
        "-",
        "plan",
        "show",
        stdin="whatever it is\n",
    )
    assert broken.returncode == 4, broken.stderr
    assert "safeplan init --vault NEW.json" in broken.stderr
    assert "`safeplan crisis`" in broken.stderr


def test_a_strong_urge_to_use_brings_the_persons_own_harm_reduction_plan() -> None:
    payload = demo.demo_payload()
    hr = payload.harm_reduction
    found = hard_moments.for_checkin(checkin(use_urge=THRESHOLD), payload, "GB")
    assert found.level == "urge"
    text = "\n".join(hard_moments.lines(found, HINTS, 80))
    assert "A strong urge is hard to sit with." in text
    assert hr.own_strategies[0].text in text
    assert hr.supporters[0].name in text
    assert "Call 999 or 112" in text and "!" not in text
    assert hard_moments.for_checkin(checkin(use_urge=THRESHOLD - 1), payload, "GB").level == "calm"
    both = hard_moments.for_checkin(checkin(use_urge=9, suicidal_thoughts=2), payload, "GB")
    assert both.level == "urge" and both.intro.startswith("Thank you for noting how you are.")
    high = hard_moments.for_checkin(checkin(use_urge=9, suicidal_thoughts=9), payload, "GB")
    assert high.level == "support"


def test_a_strong_urge_with_no_harm_reduction_plan_yet() -> None:
    found = hard_moments.for_checkin(checkin(use_urge=10), VaultPayload(), "GB")
    text = " ".join(hard_moments.lines(found, HINTS, 80))
    assert found.level == "urge" and "When you feel ready" in text
    assert "Here is what you wrote" not in text


def _with_ways_round() -> VaultPayload:
    from safeplan.core.models import StepReflection

    payload = demo.demo_payload()
    payload.plan.reflections.update(
        {
            "coping": StepReflection(likelihood="maybe", way_round="Headphones live in my coat."),
            "help": StepReflection(likelihood="unlikely", way_round="Sam said to call any time."),
            "environment": StepReflection(way_round="Sam has a spare key."),
            "distraction": StepReflection(way_round="Not shown: step 3 is not in this block."),
        }
    )
    return payload


def test_what_my_plan_says_shows_the_persons_way_round_with_its_step() -> None:
    payload = _with_ways_round()
    text = hard_moments.lines(hard_moments.for_checkin(checkin(mood=1), payload, "GB"), HINTS, 80)
    joined = "\n".join(text)
    for step, words in (
        ("coping", "Headphones live in my coat."),
        ("help", "Sam said to call any time."),
        ("environment", "Sam has a spare key."),
    ):
        line = next(i for i, x in enumerate(text) if words in x)
        title = next(i for i, x in enumerate(text) if x.startswith(SECTIONS[step].title))
        assert title < line, step  # under its own step
        assert text[line].startswith("  If something gets in the way: ")
    assert "Not shown" not in joined
    assert "unlikely" not in joined and "maybe" not in joined  # the rating is for planning only
    first = "\n".join(text[:20])
    for needed in ("Call 999 or 112", "Samaritans", payload.plan.clinicians[0].name):
        assert needed in first, needed


def test_no_way_round_adds_nothing() -> None:
    payload = demo.demo_payload()
    text = hard_moments.lines(hard_moments.for_checkin(checkin(mood=1), payload, "GB"), HINTS, 80)
    assert not any("gets in the way" in line for line in text)


@pytest.mark.parametrize("width", [40, 60, 72, 80])
def test_a_phone_number_is_never_split_across_lines(width: int) -> None:
    found = hard_moments.for_checkin(checkin(mood=1), demo.demo_payload(), "GB")
    text = hard_moments.lines(found, HINTS, width)
    for number in ("0113 496 0000", "0113 496 0777", "0113 496 0999", "07700 900132"):
        assert any(number in line for line in text), (width, number)
