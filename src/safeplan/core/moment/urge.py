"""Urge surfing: rate the urge, ride it with a timer and gentle prompts, rate it again.

Urges rise, peak and fall, often within 20 to 30 minutes, like a wave. Watching one pass without
acting on it is a skill that grows with practice (``docs/tools.md``). The two ratings are kept as
a check-in only if the person says yes; nothing else is kept.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

UrgeKind = Literal["use", "self_harm", "other"]
URGE_KINDS: tuple[tuple[UrgeKind, str], ...] = (
    ("use", "to use alcohol or drugs"),
    ("self_harm", "to hurt myself"),
    ("other", "something else"),
)

DEFAULT_MINUTES = 15
MAX_MINUTES = 60

URGE_PROMPTS: tuple[str, ...] = (
    "Notice where you feel the urge in your body. Just notice it.",
    "Breathe out slowly. The urge is a wave. You do not have to act on it.",
    "Has it changed at all? Stronger, weaker, moved? Any change is fine.",
    "You are riding it. Let your shoulders drop.",
    "Urges rise and fall. This one will pass too.",
    "Feel your feet on the floor. You are here, and you are safe for now.",
)

INTRO = (
    "Urge surfing: you watch the urge like a wave, without fighting it and without acting on it. "
    "Urges rise, peak and pass, often within 20 to 30 minutes."
)


@dataclass(frozen=True)
class UrgeResult:
    kind: UrgeKind
    before: int
    after: int | None
    minutes_ridden: float


def prompt_at(second: int, every: int = 60) -> str | None:
    """The gentle prompt to show at ``second`` of the ride (one each ``every`` seconds)."""
    if second <= 0 or second % every:
        return None
    return URGE_PROMPTS[(second // every - 1) % len(URGE_PROMPTS)]


def urge_summary(result: UrgeResult) -> str:
    """A kind sentence about the two ratings, never a judgement."""
    if result.after is None:
        return f"You rated the urge {result.before} out of 10 at the start."
    if result.after < result.before:
        change = "It came down. That took something."
    elif result.after == result.before:
        change = "It stayed about the same, and you stayed with it. That counts."
    else:
        change = "It got stronger. That happens. Your plan and the people in it are there for this."
    return f"The urge went from {result.before} to {result.after} out of 10. {change}"


def urge_checkin_values(result: UrgeResult, mood: int) -> dict[str, Any]:
    """What a check-in keeps, if the person agrees: the mood they give, the rating after riding it
    in the matching field, and a short note with both ratings."""
    after = result.after if result.after is not None else result.before
    values: dict[str, Any] = {
        "mood": mood,
        "note": f"Urge surfing, {round(result.minutes_ridden)} min: "
        f"urge {result.before} before, {after} after.",
        "tags": ["urge-surfing"],
    }
    if result.kind == "use":
        values["use_urge"] = after
    elif result.kind == "self_harm":
        values["self_harm_urge"] = after
    return values
