"""Learn: short cards of things worth knowing (naloxone, withdrawal, medicines for opioid and alcohol
use, tolerance, mixing, drug checking, safer injecting, testing, mental health), and the drug and
alcohol lines and treatment finders. Offline data with sources and dates, shared by the CLI and the
app. What each card says and where it comes from: ``docs/learn.md``.
"""

from safeplan.core.learn.cards import ORDER, TREATMENT, card, cards, resolve_topic, treatment
from safeplan.core.learn.models import Card, Finder, TreatmentFile, WhereToGet
from safeplan.core.learn.readability import grade
from safeplan.core.learn.render import (
    NOT_ADVICE,
    card_lines,
    topic_lines,
    treatment_lines,
    treatment_source_lines,
)

__all__ = [
    "NOT_ADVICE",
    "ORDER",
    "TREATMENT",
    "Card",
    "Finder",
    "TreatmentFile",
    "WhereToGet",
    "card",
    "card_lines",
    "cards",
    "grade",
    "resolve_topic",
    "topic_lines",
    "treatment",
    "treatment_lines",
    "treatment_source_lines",
]
