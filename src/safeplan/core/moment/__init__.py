"""Tools for the moment: paced breathing, 5-4-3-2-1 grounding and urge surfing.

The logic lives here once, with no UI: the CLI's plain mode and the app's screens only draw what
these modules say. Time is injected (a ``wait(seconds) -> stopped`` function), so the tools never
sleep in tests and stop at once when the person presses a key or the input ends.
What each tool is, and its limits: ``docs/tools.md``.
"""

from safeplan.core.moment.breathe import BreathPattern, Phase, breath_bar, breath_phases
from safeplan.core.moment.ground import GROUND_STEPS, GroundStep
from safeplan.core.moment.urge import (
    URGE_KINDS,
    URGE_PROMPTS,
    UrgeResult,
    urge_checkin_values,
    urge_summary,
)

__all__ = [
    "GROUND_STEPS",
    "URGE_KINDS",
    "URGE_PROMPTS",
    "BreathPattern",
    "GroundStep",
    "Phase",
    "UrgeResult",
    "breath_bar",
    "breath_phases",
    "urge_checkin_values",
    "urge_summary",
]
