"""5-4-3-2-1 grounding: notice five things you can see, four you can hear, three you can touch, two
you can smell and one you can taste, one sense at a time. Nothing typed is kept."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class GroundStep:
    count: int
    sense: str
    prompt: str
    hint: str


GROUND_STEPS: tuple[GroundStep, ...] = (
    GroundStep(
        5, "see", "Look around. Name five things you can see.", "A colour, a shape, a light."
    ),
    GroundStep(4, "hear", "Listen. Name four things you can hear.", "Near or far, loud or soft."),
    GroundStep(
        3,
        "touch",
        "Name three things you can feel or touch.",
        "Your feet on the floor, a sleeve, the air.",
    ),
    GroundStep(
        2, "smell", "Name two things you can smell.", "Or two smells you like, if nothing is near."
    ),
    GroundStep(
        1, "taste", "Name one thing you can taste.", "Or take a sip of water and notice it."
    ),
)

GROUND_INTRO = (
    "This is 5-4-3-2-1 grounding. It brings your attention back to where you are, one sense at a "
    "time. Take your time. You can type what you notice, or just think it. Nothing you type is kept."
)
GROUND_END = "You did it. Notice your breathing for a moment. You can do this again any time."
