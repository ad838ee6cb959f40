"""Optional self-checks: the PHQ-9 (depression) and GAD-7 (anxiety) questionnaires.

Both were developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and colleagues, with
an educational grant from Pfizer Inc., and may be reproduced, translated, displayed or distributed
without permission. Items, answers, scoring and bands below follow the published instruments.

safeplan does not diagnose: a score is something to look at over time and, if the person wants, to
bring to someone who supports them. The self-checks are offered every 14 days only when the person
turned them on. A PHQ-9 item 9 answer above 0 brings crisis support up at once. No other scale is
included (the C-SSRS, for one, needs a licence for electronic use).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from safeplan.core.errors import UsageError
from safeplan.core.models import Instrument, SelfCheck, VaultPayload, now

CITATION = (
    "PHQ-9 and GAD-7: developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and "
    "colleagues, with an educational grant from Pfizer Inc. No permission required to reproduce, "
    "translate, display or distribute."
)

NOT_A_DIAGNOSIS = (
    "This is not a diagnosis. It is a way to notice how things change over time, and something you "
    "can bring to a doctor or someone who supports you if you want to."
)

DUE_EVERY = timedelta(days=14)

ANSWERS: tuple[str, ...] = (
    "Not at all",
    "Several days",
    "More than half the days",
    "Nearly every day",
)


@dataclass(frozen=True)
class Questionnaire:
    key: Instrument
    name: str
    about: str
    stem: str
    items: tuple[str, ...]
    bands: tuple[tuple[int, str], ...]
    """(lowest score, band name), ascending."""

    @property
    def max_score(self) -> int:
        return 3 * len(self.items)


PHQ9 = Questionnaire(
    key="phq9",
    name="PHQ-9",
    about="nine questions about mood over the last two weeks",
    stem="Over the last 2 weeks, how often have you been bothered by any of the following problems?",
    items=(
        "Little interest or pleasure in doing things",
        "Feeling down, depressed, or hopeless",
        "Trouble falling or staying asleep, or sleeping too much",
        "Feeling tired or having little energy",
        "Poor appetite or overeating",
        "Feeling bad about yourself, or that you are a failure or have let yourself or your "
        "family down",
        "Trouble concentrating on things, such as reading the newspaper or watching television",
        "Moving or speaking so slowly that other people could have noticed? Or the opposite, "
        "being so fidgety or restless that you have been moving around a lot more than usual",
        "Thoughts that you would be better off dead or of hurting yourself in some way",
    ),
    bands=(
        (0, "minimal"),
        (5, "mild"),
        (10, "moderate"),
        (15, "moderately severe"),
        (20, "severe"),
    ),
)

GAD7 = Questionnaire(
    key="gad7",
    name="GAD-7",
    about="seven questions about anxiety over the last two weeks",
    stem="Over the last 2 weeks, how often have you been bothered by the following problems?",
    items=(
        "Feeling nervous, anxious or on edge",
        "Not being able to stop or control worrying",
        "Worrying too much about different things",
        "Trouble relaxing",
        "Being so restless that it is hard to sit still",
        "Becoming easily annoyed or irritable",
        "Feeling afraid as if something awful might happen",
    ),
    bands=((0, "minimal"), (5, "mild"), (10, "moderate"), (15, "severe")),
)

QUESTIONNAIRES: dict[Instrument, Questionnaire] = {"phq9": PHQ9, "gad7": GAD7}

PHQ9_ITEM_9 = 8  # zero-based index of "thoughts that you would be better off dead..."


def questionnaire(instrument: str) -> Questionnaire:
    wanted = instrument.replace("-", "").casefold()
    for key, q in QUESTIONNAIRES.items():
        if key == wanted:
            return q
    raise UsageError("safeplan knows two self-checks: phq9 and gad7.", "Choose one of those.")


def new_selfcheck(instrument: str, answers: Sequence[int], at: datetime | None = None) -> SelfCheck:
    """A checked self-check: one answer from 0 to 3 for every item."""
    q = questionnaire(instrument)
    if len(answers) != len(q.items):
        raise UsageError(
            f"The {q.name} has {len(q.items)} questions, so it needs {len(q.items)} answers.",
            "Give one answer from 0 to 3 for each question.",
        )
    if any(isinstance(a, bool) or not isinstance(a, int) or not 0 <= a <= 3 for a in answers):
        raise UsageError(
            "Each answer needs to be 0, 1, 2 or 3.",
            "0 not at all, 1 several days, 2 more than half the days, 3 nearly every day.",
        )
    return SelfCheck(instrument=q.key, answers=list(answers), at=at or now())


def score(check: SelfCheck) -> int:
    return sum(check.answers)


def band_for(instrument: str, total: int) -> str:
    q = questionnaire(instrument)
    name = q.bands[0][1]
    for lowest, band in q.bands:
        if total >= lowest:
            name = band
    return name


def band(check: SelfCheck) -> str:
    return band_for(check.instrument, score(check))


def needs_crisis_support(check: SelfCheck) -> bool:
    """True when PHQ-9 item 9 was answered above 0: crisis support is offered at once."""
    return (
        check.instrument == "phq9"
        and len(check.answers) > PHQ9_ITEM_9
        and check.answers[PHQ9_ITEM_9] > 0
    )


def last_of(payload: VaultPayload, instrument: Instrument) -> SelfCheck | None:
    found = [c for c in payload.self_checks if c.instrument == instrument]
    return max(found, key=lambda c: c.at) if found else None


def is_due(payload: VaultPayload, instrument: Instrument, today: date | None = None) -> bool:
    """Due when the person turned self-checks on and the last one is 14 or more days old (or none)."""
    if not payload.settings.self_checks_enabled:
        return False
    last = last_of(payload, instrument)
    if last is None:
        return True
    return (today or now().date()) - last.at.date() >= DUE_EVERY


def due(payload: VaultPayload, today: date | None = None) -> list[Questionnaire]:
    return [q for key, q in QUESTIONNAIRES.items() if is_due(payload, key, today)]


def add_selfcheck(payload: VaultPayload, check: SelfCheck) -> SelfCheck:
    payload.self_checks.append(check)
    payload.self_checks.sort(key=lambda c: c.at)
    return check


def history(payload: VaultPayload, instrument: Instrument | None = None) -> list[SelfCheck]:
    return sorted(
        (c for c in payload.self_checks if instrument is None or c.instrument == instrument),
        key=lambda c: c.at,
    )


def describe(check: SelfCheck) -> str:
    q = questionnaire(check.instrument)
    return f"{q.name}: {score(check)} of {q.max_score} ({band(check)} range)"
