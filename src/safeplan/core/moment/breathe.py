"""Paced breathing: in for 4, out for 6 by default (a longer out-breath), adjustable.

A slow pace with a longer out-breath is a common self-calming exercise; it is not a treatment and
makes no promise (``docs/tools.md``). The phases are data; the front ends draw them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

MIN_SECONDS, MAX_SECONDS = 2, 10
MAX_MINUTES = 30

Wait = Callable[[float], bool]
"""Waits up to the given seconds; returns True when the person asked to stop (a key, end of input)."""


@dataclass(frozen=True)
class BreathPattern:
    inhale: int = 4
    exhale: int = 6
    hold: int = 0
    """Seconds to hold after breathing in (0 for none)."""

    def __post_init__(self) -> None:
        for name in ("inhale", "exhale"):
            value = getattr(self, name)
            if not MIN_SECONDS <= value <= MAX_SECONDS:
                raise ValueError(f"{name} must be {MIN_SECONDS} to {MAX_SECONDS} seconds")
        if not 0 <= self.hold <= MAX_SECONDS:
            raise ValueError(f"hold must be 0 to {MAX_SECONDS} seconds")

    @property
    def cycle_seconds(self) -> int:
        return self.inhale + self.hold + self.exhale

    def cycles_in(self, minutes: float) -> int:
        """Whole breaths that fit in ``minutes`` (at least one)."""
        return max(1, int(minutes * 60 // self.cycle_seconds))


@dataclass(frozen=True)
class Phase:
    kind: str
    """"in", "hold" or "out"."""
    seconds: int
    cycle: int
    """1-based number of the breath this phase belongs to."""

    @property
    def words(self) -> str:
        return {"in": "Breathe in", "hold": "Hold gently", "out": "Breathe out slowly"}[self.kind]


def breath_phases(pattern: BreathPattern, minutes: float) -> Iterator[Phase]:
    """Every phase of a session of ``minutes``, in order."""
    for cycle in range(1, pattern.cycles_in(minutes) + 1):
        yield Phase("in", pattern.inhale, cycle)
        if pattern.hold:
            yield Phase("hold", pattern.hold, cycle)
        yield Phase("out", pattern.exhale, cycle)


def breath_bar(phase: Phase, second: int, width: int) -> str:
    """One frame of the animation: a bar that fills while breathing in and empties while breathing
    out. ``second`` counts 1..phase.seconds. Plain characters, so it shows on any terminal."""
    width = max(4, width)
    if phase.kind == "hold":
        filled = width
    else:
        share = second / phase.seconds
        filled = round(width * (share if phase.kind == "in" else 1 - share))
    return "#" * filled + "." * (width - filled)


def run_breathing(
    pattern: BreathPattern,
    minutes: float,
    wait: Wait,
    show_phase: Callable[[Phase], None],
    show_second: Callable[[Phase, int], None],
) -> bool:
    """Drive a session: ``show_phase`` at each phase, ``show_second`` each second, ``wait(1)`` in
    between. Returns True when it ran to the end, False when the person stopped it."""
    for phase in breath_phases(pattern, minutes):
        show_phase(phase)
        for second in range(1, phase.seconds + 1):
            if wait(1.0):
                return False
            show_second(phase, second)
    return True
