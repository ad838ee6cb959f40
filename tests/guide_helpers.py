"""A complete guided session, as the lines a person would type in plain mode."""

from __future__ import annotations

from safeplan.core.models import VaultPayload

PASSPHRASE = "blue kettle on a quiet morning"

# Every answer carries a marker, so a test can look for it in the vault and anywhere on disk.
WARNING_SIGNS = ["GUIDECANARY warning one", "GUIDECANARY warning two"]
COPING = ["GUIDECANARY walk round the block", "GUIDECANARY hot shower"]
COPING_BARRIER = "GUIDECANARY too tired to move"
COPING_WAY = "GUIDECANARY shoes by the door"
PERSON = ("GUIDECANARY Jo", "07700 900123")
PLACE = ("GUIDECANARY Central library", "High Street")
HELPER = ("GUIDECANARY Amy", "07700 900456", "sister")
HELP_BARRIER = "GUIDECANARY not wanting to bother her"
HELP_WAY = "GUIDECANARY she said to call any time"
CLINICIAN = ("GUIDECANARY Dr Okafor", "doctor", "01234 567890", "the duty line")
URGENT = ("GUIDECANARY St Mary's", "Praed Street", "020 0000 0000")
LINE = ("GUIDECANARY My line", "116 123")
ENVIRONMENT = ("GUIDECANARY Ask my brother to keep hold of things", "my brother")
ENV_BARRIER = "GUIDECANARY forgetting to ask"
REASONS = ["GUIDECANARY my dog Biscuit", "GUIDECANARY seeing the sea"]
AFTER = {
    "what_might_get_in_the_way": "GUIDECANARY I might forget it exists",
    "way_round": "GUIDECANARY a reminder on my phone",
    "where_kept": "GUIDECANARY in my wallet",
    "who_has_a_copy": "GUIDECANARY my partner",
}
FOLLOW_UP = {
    "follow_up_when": "GUIDECANARY in two weeks",
    "follow_up_with": "GUIDECANARY my support worker",
}


def plan_lines() -> list[str]:
    """Who is here, then every step, the last questions and the follow-up, answered in full."""
    return [
        "1",  # someone is beside me
        "",  # the country safeplan found (or none)
        "",  # no story told
        *WARNING_SIGNS,
        "",
        *COPING,
        "",
        "2",  # maybe
        COPING_BARRIER,
        COPING_WAY,
        *PERSON,
        "",
        *PLACE,
        "",
        "skip",  # step 3: how likely is left unanswered
        "",  # nothing in the way, so no way around is asked
        *HELPER,
        "",
        "1",  # likely
        HELP_BARRIER,
        HELP_WAY,
        *CLINICIAN,
        "",
        *URGENT,
        "",
        *LINE,
        "",
        "skip",  # step 5
        "",
        "",  # step 6: talked about what is there,
        "",  # medicines,
        "done",  # and that was enough talk
        *ENVIRONMENT,
        "",
        "3",  # not very likely
        ENV_BARRIER,
        "",  # no way around written
        *REASONS,
        "",
        "2",  # maybe
        AFTER["what_might_get_in_the_way"],
        AFTER["way_round"],
        AFTER["where_kept"],
        AFTER["who_has_a_copy"],
        FOLLOW_UP["follow_up_when"],
        FOLLOW_UP["follow_up_with"],
    ]


def assert_full_plan(payload: VaultPayload) -> None:
    """Every answer of :func:`plan_lines` is in the payload, in the right place."""
    plan = payload.plan
    assert [i.text for i in plan.warning_signs] == WARNING_SIGNS
    assert [i.text for i in plan.coping] == COPING
    assert plan.reflections["coping"].likelihood == "maybe"
    assert plan.reflections["coping"].barriers == COPING_BARRIER
    assert plan.reflections["coping"].way_round == COPING_WAY
    assert "distraction" not in plan.reflections, "an unanswered likelihood is not kept"
    assert "professionals" not in plan.reflections
    assert [(c.name, c.phone) for c in plan.distraction_people] == [PERSON]
    assert [(p.name, p.address) for p in plan.distraction_places] == [PLACE]
    assert [(c.name, c.phone, c.relationship) for c in plan.help_contacts] == [HELPER]
    assert plan.reflections["help"].likelihood == "likely"
    assert plan.reflections["help"].barriers == HELP_BARRIER
    assert plan.reflections["help"].way_round == HELP_WAY
    assert [(c.name, c.role, c.phone, c.out_of_hours) for c in plan.clinicians] == [CLINICIAN]
    assert [(u.name, u.address, u.phone) for u in plan.urgent_care] == [URGENT]
    assert [(c.name, c.number) for c in plan.crisis_lines] == [LINE]
    assert [(e.text, e.who_helps) for e in plan.environment] == [ENVIRONMENT]
    assert plan.reflections["environment"].likelihood == "unlikely"
    assert plan.reflections["environment"].barriers == ENV_BARRIER
    assert [i.text for i in plan.reasons] == REASONS
    assert plan.after_plan.likelihood_of_use == "maybe"
    for key, value in {**AFTER, **FOLLOW_UP}.items():
        assert getattr(plan.after_plan, key) == value
    assert plan.last_reviewed_at is not None
    assert payload.guide is None
