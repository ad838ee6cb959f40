"""The sample plan for ``--demo``: as it stands today, in the fictional person's own words, and the
earlier versions it grew through (see ``safeplan.core.demo``). Everything here is invented; phone
numbers come from ranges set aside for drama, except Samaritans (116 123), a public line."""

from __future__ import annotations

from safeplan.core.models import (
    AfterPlan,
    Clinician,
    Contact,
    CrisisLine,
    EnvironmentStep,
    Place,
    SafetyPlan,
    StepReflection,
    TextItem,
    UrgentCare,
)


def full_plan(ids: list[str]) -> SafetyPlan:
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


def plan_at_stage(full: SafetyPlan, stage: int) -> SafetyPlan:
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
REVISIONS = (
    (150, 15, 1, "First draft with Chris"),
    (141, 20, 2, ""),
    (126, 11, 3, "Added urgent care and Chris's numbers"),
    (104, 19, 4, ""),
    (63, 16, 5, "Went through it with Sam"),
    (40, 17, 6, "Reviewed"),
)
