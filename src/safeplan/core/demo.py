"""A sample vault for ``--demo``, screenshots and tests: one fictional person's plan and 90 days of log.

Everything here is invented. Names are fictional and phone numbers come from ranges set aside for
drama (Ofcom's 07700 900xxx and 0113 496 0xxx), except one public crisis line the person chose to keep
(Samaritans, 116 123, checked against samaritans.org, 2026-11). The data is deterministic: a seeded
``random.Random`` and times derived from ``today``, so the same ``today`` always gives the same
payload, byte for byte. Nothing here is ever written to disk.
"""

from __future__ import annotations

import random
from datetime import date

from safeplan.core.demo_log import (
    Clock,
    checkins,
    harm_reduction_plan,
    plan_uses,
    self_checks,
    use_entries,
)
from safeplan.core.demo_plan import REVISIONS, full_plan, plan_at_stage
from safeplan.core.models import (
    PlanRevision,
    Settings,
    VaultPayload,
)
from safeplan.core.store import MemoryStore

SEED = 20261127


def _ids(rng: random.Random) -> list[str]:
    return [f"{rng.getrandbits(48):012x}" for _ in range(200)]


def demo_payload(today: date | None = None) -> VaultPayload:
    """A full, realistic, fictional vault. The same ``today`` always gives the same payload."""
    day = today or date.today()
    clock = Clock(day)
    rng = random.Random(SEED)
    ids = _ids(rng)
    full = full_plan(ids)

    revisions: list[PlanRevision] = []
    created = clock.at(REVISIONS[0][0], REVISIONS[0][1])
    for n, (days, hour, stage, note) in enumerate(REVISIONS):
        at = clock.at(days, hour, 10 * n)
        snapshot = plan_at_stage(full, stage)
        snapshot.created_at = created
        snapshot.updated_at = at
        snapshot.last_reviewed_at = at if note == "Reviewed" else None
        revisions.append(PlanRevision(id=ids[140 + n], at=at, plan=snapshot, note=note))

    plan = revisions[-1].plan.model_copy(deep=True)

    return VaultPayload(
        created_at=clock.at(REVISIONS[0][0] + 10, 14),
        plan=plan,
        plan_revisions=revisions,
        plan_uses=plan_uses(clock, plan, random.Random(SEED + 1), ids),
        harm_reduction=harm_reduction_plan(clock, plan, ids),
        checkins=checkins(clock, random.Random(SEED + 2), random.Random(SEED + 3)),
        use_entries=use_entries(clock, random.Random(SEED + 4), random.Random(SEED + 5)),
        self_checks=self_checks(clock, ids),
        settings=Settings(self_checks_enabled=True),
    )


def demo_store(today: date | None = None) -> MemoryStore:
    """The sample vault held in memory only: ``save()`` writes nothing."""
    return MemoryStore(demo_payload(today))
