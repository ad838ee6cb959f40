"""A sample vault for ``--demo``, screenshots and tests: one fictional person's plan and 90 days of log.

Everything here is invented. Names are fictional and phone numbers come from ranges set aside for
drama (Ofcom's 07700 900xxx and 0113 496 0xxx), except one public crisis line the person chose to keep
(Samaritans, 116 123, checked against samaritans.org, 2026-11). The data is deterministic: a seeded
``random.Random`` and times derived from ``today``, so the same ``today`` always gives the same
payload, byte for byte. Nothing here is ever written to disk.
"""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, time, timedelta

from safeplan.core.models import (
    AfterPlan,
    CheckIn,
    Clinician,
    Contact,
    CrisisLine,
    EnvironmentStep,
    HarmReductionGoal,
    HarmReductionPlan,
    Place,
    PlanRevision,
    PlanUse,
    SafetyPlan,
    SelfCheck,
    Settings,
    StepId,
    StepOutcome,
    StepReflection,
    TextItem,
    UrgentCare,
    UseEntry,
    VaultPayload,
)
from safeplan.core.store import MemoryStore

SEED = 20261127
DAYS_OF_LOG = 90


class _Clock:
    """Times relative to ``today``, in UTC so the sample is the same on every machine."""

    def __init__(self, today: date) -> None:
        self.today = today

    def at(self, days_ago: int, hour: int, minute: int = 0) -> datetime:
        day = self.today - timedelta(days=days_ago)
        return datetime.combine(day, time(hour, minute), tzinfo=UTC)


def _ids(rng: random.Random) -> list[str]:
    return [f"{rng.getrandbits(48):012x}" for _ in range(200)]


def _full_plan(ids: list[str]) -> SafetyPlan:
    """The plan as it stands today, in the person's own words."""
    it = iter(ids)
    return SafetyPlan(
        warning_signs=[
            TextItem(
                id=next(it), text="I stop answering messages and tell myself nobody would notice."
            ),
            TextItem(id=next(it), text="Lying awake after 3am, going over everything I got wrong."),
            TextItem(id=next(it), text="Not eating properly and staying in my room all day."),
            TextItem(id=next(it), text="Wanting a drink on my own just to switch my head off."),
        ],
        coping=[
            TextItem(id=next(it), text="Headphones on and walk the long way round the park."),
            TextItem(
                id=next(it), text="Cold water on my face, then breathe in for 4 and out for 6."
            ),
            TextItem(id=next(it), text="Make a hot chocolate and sit with Biscuit on my lap."),
            TextItem(
                id=next(it),
                text="Write the thought down, then write what I would say to a friend who had it.",
            ),
            TextItem(id=next(it), text="Play a level of a game I know by heart."),
        ],
        distraction_people=[
            Contact(
                id=next(it),
                name="Priya",
                phone="07700 900417",
                relationship="friend from work",
                notes="Always up for a walk and never asks too many questions.",
            ),
            Contact(id=next(it), name="Uncle Dev", phone="07700 900263", relationship="uncle"),
        ],
        distraction_places=[
            Place(id=next(it), name="Harbour Lane Library", address="12 Harbour Lane, Westbridge"),
            Place(
                id=next(it),
                name="The Green Kettle café",
                address="3 Mill Street, Westbridge",
                notes="Quiet corner at the back. Open till 8.",
            ),
            Place(id=next(it), name="Westbridge climbing wall", notes="Tuesday social climb."),
        ],
        help_contacts=[
            Contact(
                id=next(it),
                name="Sam",
                phone="07700 900132",
                relationship="my sister",
                notes="Knows about my plan. Said it is fine to call late.",
            ),
            Contact(id=next(it), name="Jordan", phone="07700 900855", relationship="best friend"),
        ],
        clinicians=[
            Clinician(
                id=next(it),
                name="Dr Eleanor Marsh",
                role="GP",
                phone="0113 496 0321",
                out_of_hours="NHS 111",
            ),
            Clinician(
                id=next(it),
                name="Chris Adebayo",
                role="community mental health nurse",
                phone="0113 496 0777",
                out_of_hours="crisis team 0113 496 0999",
                notes="Sees me every other Thursday.",
            ),
        ],
        urgent_care=[
            UrgentCare(
                id=next(it),
                name="Westbridge General Hospital A&E",
                address="Riverside Road, Westbridge WB1 4QT",
                phone="0113 496 0000",
                notes="Open all night. Bus 42 stops outside.",
            )
        ],
        crisis_lines=[
            CrisisLine(
                id=next(it),
                name="Samaritans",
                number="116 123",
                notes="Free, day or night. I can also email jo@samaritans.org.",
            )
        ],
        environment=[
            EnvironmentStep(
                id=next(it),
                text="Keep only a week of my medication at home; Sam looks after the rest.",
                who_helps="Sam",
            ),
            EnvironmentStep(
                id=next(it),
                text="No alcohol in the flat on weeknights.",
                who_helps="Jordan",
            ),
            EnvironmentStep(
                id=next(it),
                text="When I notice two warning signs together, go and stay at Sam's for the night.",
                who_helps="Sam",
            ),
        ],
        reasons=[
            TextItem(id=next(it), text="My niece Maya. I want to be at all her birthdays."),
            TextItem(id=next(it), text="Biscuit, who would not understand where I went."),
            TextItem(id=next(it), text="Finishing the coastal walk with Jordan next summer."),
            TextItem(id=next(it), text="The lighter days. They do come back."),
        ],
        reflections={
            "coping": StepReflection(
                likelihood="likely", barriers="When it is late and raining I don't go out."
            ),
            "help": StepReflection(
                likelihood="maybe", barriers="Worrying that I am being a bother to Sam."
            ),
            "environment": StepReflection(likelihood="likely"),
        },
        after_plan=AfterPlan(
            likelihood_of_use="likely",
            what_might_get_in_the_way="Thinking I am not bad enough to need it.",
            where_kept="On my phone, and a printed copy in my wallet.",
            who_has_a_copy="Sam, and Chris at the mental health team.",
        ),
    )


def _plan_at_stage(full: SafetyPlan, stage: int) -> SafetyPlan:
    """Earlier versions of the plan, as it grew: stage 1 is the first draft, stage 6 is today."""
    p = full.model_copy(deep=True)
    if stage <= 1:
        p.warning_signs = p.warning_signs[:2]
        p.coping = [p.coping[1], p.coping[0]]
        p.distraction_people = []
        p.distraction_places = []
        p.help_contacts = p.help_contacts[:1]
        p.clinicians = p.clinicians[:1]
        p.urgent_care = []
        p.environment = []
        p.reasons = p.reasons[:1]
        p.reflections = {}
        p.after_plan = AfterPlan()
    elif stage == 2:
        p.warning_signs = p.warning_signs[:3]
        p.coping = [p.coping[1], p.coping[0], p.coping[2]]
        p.distraction_places = p.distraction_places[:2]
        p.distraction_people = p.distraction_people[:1]
        p.clinicians = p.clinicians[:1]
        p.urgent_care = []
        p.environment = p.environment[:1]
        p.reasons = p.reasons[:2]
        p.reflections = {}
    elif stage == 3:
        p.coping = [p.coping[0], p.coping[1], p.coping[2], p.coping[3]]
        p.warning_signs = p.warning_signs[:3]
        p.environment = p.environment[:2]
        p.reasons = p.reasons[:3]
        p.reflections.pop("environment", None)
    elif stage == 4:
        p.warning_signs = p.warning_signs[:3]
        p.reasons = p.reasons[:3]
        p.reflections.pop("environment", None)
    elif stage == 5:
        p.distraction_places = p.distraction_places[:2]
    if stage <= 2:
        # The first drafts had the warning sign in fewer words; the person rewrote it later.
        p.warning_signs[0] = TextItem(id=p.warning_signs[0].id, text="I stop answering messages.")
    return p


# (days ago, hour, stage, note) for each saved version of the plan.
_REVISIONS = (
    (150, 15, 1, "First draft with Chris"),
    (141, 20, 2, ""),
    (126, 11, 3, "Added urgent care and Chris's numbers"),
    (104, 19, 4, ""),
    (63, 16, 5, "Went through it with Sam"),
    (40, 17, 6, "Reviewed"),
)


def _uses(clock: _Clock, plan: SafetyPlan, rng: random.Random, ids: list[str]) -> list[PlanUse]:
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


def _harm_reduction(clock: _Clock, plan: SafetyPlan, ids: list[str]) -> HarmReductionPlan:
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


def _checkins(clock: _Clock, rng: random.Random, ids_rng: random.Random) -> list[CheckIn]:
    hard_days = {days for days in range(DAYS_OF_LOG) if rng.random() < 0.09}
    hard_days |= {33, 12, 52}  # the days the plan was used were hard too
    out: list[CheckIn] = []
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
                    note=note if morning or hard else "",
                )
            )
    return out


def _use_entries(clock: _Clock, rng: random.Random, ids_rng: random.Random) -> list[UseEntry]:
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


def _self_checks(clock: _Clock, ids: list[str]) -> list[SelfCheck]:
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


def demo_payload(today: date | None = None) -> VaultPayload:
    """A full, realistic, fictional vault. The same ``today`` always gives the same payload."""
    day = today or date.today()
    clock = _Clock(day)
    rng = random.Random(SEED)
    ids = _ids(rng)
    full = _full_plan(ids)

    revisions: list[PlanRevision] = []
    created = clock.at(_REVISIONS[0][0], _REVISIONS[0][1])
    for n, (days, hour, stage, note) in enumerate(_REVISIONS):
        at = clock.at(days, hour, 10 * n)
        snapshot = _plan_at_stage(full, stage)
        snapshot.created_at = created
        snapshot.updated_at = at
        snapshot.last_reviewed_at = at if note == "Reviewed" else None
        revisions.append(PlanRevision(id=ids[140 + n], at=at, plan=snapshot, note=note))

    plan = revisions[-1].plan.model_copy(deep=True)

    return VaultPayload(
        created_at=clock.at(_REVISIONS[0][0] + 10, 14),
        plan=plan,
        plan_revisions=revisions,
        plan_uses=_uses(clock, plan, random.Random(SEED + 1), ids),
        harm_reduction=_harm_reduction(clock, plan, ids),
        checkins=_checkins(clock, random.Random(SEED + 2), random.Random(SEED + 3)),
        use_entries=_use_entries(clock, random.Random(SEED + 4), random.Random(SEED + 5)),
        self_checks=_self_checks(clock, ids),
        settings=Settings(self_checks_enabled=True),
    )


def demo_store(today: date | None = None) -> MemoryStore:
    """The sample vault held in memory only: ``save()`` writes nothing."""
    return MemoryStore(demo_payload(today))
