"""The sample log for ``--demo``: when the plan was used, the harm-reduction plan, 90 days of
check-ins and use entries, and self-checks, all from seeded random numbers and times relative to
``today`` (see ``safeplan.core.demo``). Everything here is invented."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, time, timedelta

from safeplan.core.models import (
    CheckIn,
    HarmReductionGoal,
    HarmReductionPlan,
    PlanUse,
    SafetyPlan,
    SelfCheck,
    StepId,
    StepOutcome,
    TextItem,
    UseEntry,
)

DAYS_OF_LOG = 90


class Clock:
    """Times relative to ``today``, in UTC so the sample is the same on every machine."""

    def __init__(self, today: date) -> None:
        self.today = today

    def at(self, days_ago: int, hour: int, minute: int = 0) -> datetime:
        day = self.today - timedelta(days=days_ago)
        return datetime.combine(day, time(hour, minute), tzinfo=UTC)


def plan_uses(clock: Clock, plan: SafetyPlan, rng: random.Random, ids: list[str]) -> list[PlanUse]:
    walk, breathe, cocoa, write, game = (i.id for i in plan.coping)
    sam, jordan = (c.id for c in plan.help_contacts)
    library, cafe = plan.distraction_places[0].id, plan.distraction_places[1].id
    priya = plan.distraction_people[0].id
    # (days ago, hour, outcomes as (step, helped, item ids))
    story: list[tuple[int, int, list[tuple[StepId, bool | None, list[str]]]]] = [
        (118, 23, [("warning_signs", True, []), ("coping", True, [walk])]),
        (97, 2, [("warning_signs", True, []), ("coping", False, [walk]), ("help", True, [sam])]),
        (71, 22, [("warning_signs", True, []), ("coping", True, [walk, breathe])]),
        (
            52,
            21,
            [
                ("warning_signs", True, []),
                ("coping", False, [cocoa]),
                ("distraction", True, [priya, cafe]),
            ],
        ),
        (33, 1, [("warning_signs", None, []), ("coping", True, [walk, breathe, write])]),
        (
            12,
            20,
            [
                ("warning_signs", True, []),
                ("coping", True, [walk, game]),
                ("distraction", None, [library]),
                ("help", True, [jordan]),
            ],
        ),
    ]
    uses: list[PlanUse] = []
    for n, (days, hour, outcomes) in enumerate(story):
        start = clock.at(days, hour, rng.randrange(0, 60, 5))
        uses.append(
            PlanUse(
                id=ids[150 + n],
                started_at=start,
                finished_at=start + timedelta(minutes=rng.randrange(12, 55)),
                outcomes=[
                    StepOutcome(
                        step=step,
                        helped=helped,
                        helped_items=items,
                    )
                    for step, helped, items in outcomes
                ],
            )
        )
    return uses


def harm_reduction_plan(clock: Clock, plan: SafetyPlan, ids: list[str]) -> HarmReductionPlan:
    it = iter(ids[170:])
    sam = plan.help_contacts[0].model_copy()
    jordan = plan.help_contacts[1].model_copy()
    return HarmReductionPlan(
        goals=[
            HarmReductionGoal(
                id=next(it),
                kind="use_less",
                text="Keep drinking to Friday and Saturday, and stop at four.",
                substance="alcohol",
                set_at=clock.at(120, 19),
            ),
            HarmReductionGoal(
                id=next(it),
                kind="safer_use",
                text="Only smoke with friends, never before work.",
                substance="cannabis",
                set_at=clock.at(120, 19),
            ),
            HarmReductionGoal(
                id=next(it),
                kind="stop",
                text="No drinking on my own when I feel low.",
                substance="alcohol",
                set_at=clock.at(160, 18),
                active=False,
            ),
        ],
        strategies=["never_alone", "no_mixing_depressants", "test", "naloxone"],
        own_strategies=[
            TextItem(id=next(it), text="Eat a proper meal before I go out."),
            TextItem(id=next(it), text="Text Jordan when I am on my way home."),
            TextItem(id=next(it), text="Water between every drink."),
        ],
        triggers=[
            TextItem(id=next(it), text="Sunday evenings on my own."),
            TextItem(id=next(it), text="After a late shift when I can't sleep."),
            TextItem(id=next(it), text="Phone calls with Dad that go badly."),
        ],
        supporters=[jordan, sam],
        notes="Jordan carries naloxone when we go to festivals.",
        updated_at=clock.at(62, 18),
    )


_CHECKIN_NOTES_GOOD = (
    "Walked to the library, felt OK.",
    "Climbing with Priya. Tired in a good way.",
    "Called Maya for her school news.",
    "Slept better. Cooked a real dinner.",
    "",
    "",
    "",
)
_CHECKIN_NOTES_HARD = (
    "Couldn't get out of bed till midday.",
    "Bad call with Dad. Went for a walk after.",
    "Everything felt heavy today. Texted Sam.",
    "Didn't sleep. Used the breathing thing.",
)
_TAGS = ("work", "friends", "family", "outside", "tired", "alone", "exercise")


def checkins(clock: Clock, rng: random.Random, ids_rng: random.Random) -> list[CheckIn]:
    hard_days = {days for days in range(DAYS_OF_LOG) if rng.random() < 0.09}
    hard_days |= {33, 12, 52}  # the days the plan was used were hard too
    out: list[CheckIn] = []
    last_note = ""
    for days in range(DAYS_OF_LOG - 1, -1, -1):
        hard = days in hard_days
        times = [(rng.randint(8, 11), rng.randrange(0, 60, 5))]
        if hard or rng.random() < 0.35:
            times.append((rng.randint(19, 22), rng.randrange(0, 60, 5)))
        for k, (hour, minute) in enumerate(times):
            if hard:
                mood = rng.randint(1, 3)
                thoughts = rng.randint(3, 7)
                note = rng.choice(_CHECKIN_NOTES_HARD)
            else:
                # A slow climb over the three months, with ordinary ups and downs.
                base = 5 + (DAYS_OF_LOG - days) / 45
                mood = max(3, min(9, round(rng.gauss(base, 1.1))))
                thoughts = rng.choice((0, 0, 0, 1, 1, 2))
                note = rng.choice(_CHECKIN_NOTES_GOOD)
            morning = k == 0
            if not (morning or hard):
                note = ""
            elif note == last_note:  # two check-ins in a row never say the same words
                pool = _CHECKIN_NOTES_HARD if hard else _CHECKIN_NOTES_GOOD
                note = pool[(pool.index(note) + 1) % len(pool)]
            last_note = note or last_note
            sleep = (
                round(max(2.5, min(10.0, rng.gauss(5.0 if hard else 7.0, 1.0))) * 2) / 2
                if morning
                else None
            )
            out.append(
                CheckIn(
                    id=f"{ids_rng.getrandbits(48):012x}",
                    at=clock.at(days, hour, minute),
                    mood=mood,
                    anxiety=max(0, min(10, 10 - mood + rng.randint(-2, 1))),
                    self_harm_urge=max(0, thoughts - rng.randint(0, 2)),
                    suicidal_thoughts=thoughts,
                    use_urge=max(0, min(10, rng.randint(0, 4) + (3 if hard else 0))),
                    sleep_hours=sleep,
                    tags=sorted(rng.sample(_TAGS, rng.randint(0, 2))),
                    note=note,
                )
            )
    return out


def use_entries(clock: Clock, rng: random.Random, ids_rng: random.Random) -> list[UseEntry]:
    out: list[UseEntry] = []
    for days in range(DAYS_OF_LOG - 1, -1, -1):
        weekday = (clock.today - timedelta(days=days)).weekday()
        weekend = weekday in (4, 5)
        entries: list[UseEntry] = []
        if (weekend and rng.random() < 0.8) or (not weekend and rng.random() < 0.1):
            alone = rng.random() < (0.1 if weekend else 0.6)
            entries.append(
                UseEntry(
                    id=f"{ids_rng.getrandbits(48):012x}",
                    at=clock.at(days, rng.randint(19, 22), rng.randrange(0, 60, 5)),
                    substance="alcohol",
                    substance_class="alcohol",
                    amount=float(rng.randint(2, 4) if weekend else rng.randint(1, 3)),
                    unit="drinks",
                    route="drank",
                    setting="pub" if weekend and not alone else "home",
                    used_alone=alone,
                    with_whom="" if alone else rng.choice(("Jordan", "Priya and work lot")),
                    note=rng.choice(("", "", "Had water in between.", "Left before last orders.")),
                )
            )
        if rng.random() < (0.2 if weekend else 0.04):
            entries.append(
                UseEntry(
                    id=f"{ids_rng.getrandbits(48):012x}",
                    at=clock.at(days, rng.randint(20, 23), rng.randrange(0, 60, 5)),
                    substance="cannabis",
                    substance_class="cannabis",
                    amount=1.0,
                    unit="joint (shared)",
                    route="smoked",
                    setting="a friend's flat",
                    used_alone=False,
                    with_whom="Jordan",
                )
            )
        if days in (71, 29):
            entries.append(
                UseEntry(
                    id=f"{ids_rng.getrandbits(48):012x}",
                    at=clock.at(days, 22, 30),
                    substance="MDMA",
                    substance_class="mdma",
                    amount=0.5,
                    unit="pill",
                    route="swallowed",
                    setting="festival" if days == 71 else "club night",
                    used_alone=False,
                    naloxone_at_hand=True,
                    tested=True,
                    with_whom="Jordan and Priya",
                    note="Tested it first. Started with half. Lots of water, took breaks outside.",
                )
            )
        out.extend(sorted(entries, key=lambda e: e.at))
    return out


def self_checks(clock: Clock, ids: list[str]) -> list[SelfCheck]:
    return [
        SelfCheck(
            id=ids[190],
            at=clock.at(84, 18),
            instrument="phq9",
            answers=[2, 2, 3, 2, 1, 2, 2, 1, 1],
        ),
        SelfCheck(
            id=ids[191], at=clock.at(84, 18, 5), instrument="gad7", answers=[2, 2, 1, 2, 1, 2, 1]
        ),
        SelfCheck(
            id=ids[192],
            at=clock.at(27, 17),
            instrument="phq9",
            answers=[1, 1, 2, 1, 1, 1, 1, 0, 0],
        ),
        SelfCheck(
            id=ids[193], at=clock.at(27, 17, 6), instrument="gad7", answers=[1, 1, 1, 1, 0, 1, 1]
        ),
    ]
