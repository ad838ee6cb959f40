"""The vault payload: every personal thing safeplan keeps, as pydantic models.

These models are the single source of truth for the encrypted payload and for the JSON export.
They are shaped up front for everything the product holds, so that features add behaviour, not
churn. Rules that hold everywhere:

* ``extra="forbid"``: an unknown field is an error, never silently dropped.
* ``hide_input_in_errors=True``: a validation error never repeats what a person wrote.
* Every timestamp is timezone-aware (local offset at the time it was written).
* Every list item carries a stable ``id`` so that edits, reordering and "what helped" survive.

When a field changes shape, bump ``SCHEMA_VERSION`` and add a migration in
:mod:`safeplan.core.migrations`; never edit a released shape in place.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from pydantic import AwareDatetime, Field

from safeplan.core.vault_base import HopeItem, ToolName
from safeplan.core.vault_base import Item as Item
from safeplan.core.vault_base import Model as Model
from safeplan.core.vault_base import new_id as new_id
from safeplan.core.vault_base import now as now

SCHEMA_VERSION = 1

# Limits keep a damaged or hostile payload from costing unbounded memory downstream, while being far
# beyond anything a person types by hand.
SHORT = 500
LONG = 20_000

ShortText = Annotated[str, Field(max_length=SHORT)]
LongText = Annotated[str, Field(max_length=LONG)]
Scale = Annotated[int, Field(ge=0, le=10)]


# --- The safety plan -----------------------------------------------------------------------------

StepId = Literal[
    "warning_signs",
    "coping",
    "distraction",
    "help",
    "professionals",
    "environment",
    "reasons",
]
"""The seven parts of a Stanley-Brown-style plan, in the order a person uses them in a crisis."""

STEP_ORDER: tuple[StepId, ...] = (
    "warning_signs",
    "coping",
    "distraction",
    "help",
    "professionals",
    "environment",
    "reasons",
)


class TextItem(Item):
    """One line in the person's own words (a warning sign, a coping step, a reason for living)."""

    text: LongText


class Contact(Item):
    """A person: someone who takes my mind off things, or someone I can ask for help."""

    name: ShortText
    phone: ShortText = ""
    relationship: ShortText = ""
    notes: LongText = ""


class Place(Item):
    """A safe social place that takes my mind off things."""

    name: ShortText
    address: ShortText = ""
    notes: LongText = ""


class Clinician(Item):
    """A professional who supports me, with how to reach them out of hours."""

    name: ShortText
    role: ShortText = ""
    phone: ShortText = ""
    out_of_hours: ShortText = ""
    notes: LongText = ""


class UrgentCare(Item):
    """A local urgent-care or emergency service."""

    name: ShortText
    address: ShortText = ""
    phone: ShortText = ""
    notes: LongText = ""


class CrisisLine(Item):
    """A crisis line the person chose to keep in their own plan (the public directory is separate)."""

    name: ShortText
    number: ShortText = ""
    notes: LongText = ""


class EnvironmentStep(Item):
    """One concrete step that puts time and distance between me and harm, and who helps with it."""

    text: LongText
    who_helps: ShortText = ""


Likelihood = Literal["likely", "maybe", "unlikely"]


class StepReflection(Model):
    """The method's barrier check for one step: how likely am I to do this, and what might get in the way."""

    likelihood: Likelihood | None = None
    barriers: LongText = ""
    way_round: LongText = ""
    """The person's own way round what might get in the way: shown with its step in the plan."""


class AfterPlan(Model):
    """The questions asked once the plan is written."""

    likelihood_of_use: Likelihood | None = None
    what_might_get_in_the_way: LongText = ""
    way_round: LongText = ""
    where_kept: LongText = ""
    who_has_a_copy: LongText = ""
    follow_up_when: LongText = ""
    """When the person will look at the plan again (the session's follow-up)."""
    follow_up_with: LongText = ""
    """Who they will look at it with, or who will check in."""


class SafetyPlan(Model):
    warning_signs: list[TextItem] = Field(default_factory=list)
    coping: list[TextItem] = Field(default_factory=list)
    distraction_people: list[Contact] = Field(default_factory=list)
    distraction_places: list[Place] = Field(default_factory=list)
    help_contacts: list[Contact] = Field(default_factory=list)
    clinicians: list[Clinician] = Field(default_factory=list)
    urgent_care: list[UrgentCare] = Field(default_factory=list)
    crisis_lines: list[CrisisLine] = Field(default_factory=list)
    environment: list[EnvironmentStep] = Field(default_factory=list)
    reasons: list[TextItem] = Field(default_factory=list)
    coping_tools: dict[str, ToolName] = Field(default_factory=dict)
    """Coping steps (by item id) that point at a tool: "use my plan now" offers to start it."""
    reflections: dict[StepId, StepReflection] = Field(default_factory=dict)
    after_plan: AfterPlan = Field(default_factory=AfterPlan)
    created_at: AwareDatetime = Field(default_factory=now)
    updated_at: AwareDatetime = Field(default_factory=now)
    last_reviewed_at: AwareDatetime | None = None

    def is_empty(self) -> bool:
        return not any(
            (
                self.warning_signs,
                self.coping,
                self.distraction_people,
                self.distraction_places,
                self.help_contacts,
                self.clinicians,
                self.urgent_care,
                self.crisis_lines,
                self.environment,
                self.reasons,
            )
        )


class PlanRevision(Item):
    """A dated copy of the whole plan, kept every time the plan is saved with a change."""

    at: AwareDatetime = Field(default_factory=now)
    plan: SafetyPlan
    note: ShortText = ""


class StepOutcome(Model):
    """What happened at one step while the person went through their plan."""

    step: StepId
    helped: bool | None = None
    helped_items: list[str] = Field(default_factory=list)


class PlanUse(Item):
    """One time the person used their plan ("use my plan now"), and what helped, if they chose to keep it."""

    started_at: AwareDatetime = Field(default_factory=now)
    finished_at: AwareDatetime | None = None
    outcomes: list[StepOutcome] = Field(default_factory=list)


# --- The personal harm-reduction plan -----------------------------------------------------------

GoalKind = Literal["safer_use", "use_less", "stop", "other"]


class HarmReductionGoal(Item):
    """A goal in the person's own words; the kind is their choice and can change any time."""

    kind: GoalKind = "safer_use"
    text: LongText = ""
    substance: ShortText = ""
    set_at: AwareDatetime = Field(default_factory=now)
    active: bool = True


class HarmReductionPlan(Model):
    goals: list[HarmReductionGoal] = Field(default_factory=list)
    strategies: list[ShortText] = Field(default_factory=list)
    """Keys of the safer-use strategies the person picked (see the harm-reduction data file)."""
    own_strategies: list[TextItem] = Field(default_factory=list)
    triggers: list[TextItem] = Field(default_factory=list)
    supporters: list[Contact] = Field(default_factory=list)
    notes: LongText = ""
    updated_at: AwareDatetime | None = None

    def is_empty(self) -> bool:
        return not any(
            (self.goals, self.strategies, self.own_strategies, self.triggers, self.supporters)
        ) and not (self.notes)


# --- Check-ins, use log, self-checks -------------------------------------------------------------


class CheckIn(Item):
    at: AwareDatetime = Field(default_factory=now)
    mood: Scale
    anxiety: Scale | None = None
    self_harm_urge: Scale | None = None
    suicidal_thoughts: Scale | None = None
    use_urge: Scale | None = None
    sleep_hours: Annotated[float, Field(ge=0, le=24)] | None = None
    tags: list[Annotated[str, Field(max_length=64)]] = Field(default_factory=list)
    note: LongText = ""


class UseEntry(Item):
    at: AwareDatetime = Field(default_factory=now)
    substance: ShortText
    substance_class: ShortText = ""
    amount: Annotated[float, Field(ge=0)] | None = None
    unit: ShortText = ""
    route: ShortText = ""
    setting: ShortText = ""
    used_alone: bool | None = None
    naloxone_at_hand: bool | None = None
    tested: bool | None = None
    with_whom: ShortText = ""
    note: LongText = ""


Instrument = Literal["phq9", "gad7"]


class SelfCheck(Item):
    """A PHQ-9 or GAD-7 answered by the person (free to reproduce; scored in the core)."""

    at: AwareDatetime = Field(default_factory=now)
    instrument: Instrument
    answers: list[Annotated[int, Field(ge=0, le=3)]] = Field(max_length=9)


# --- Settings and session state ------------------------------------------------------------------

Voice = Literal["with_someone", "on_my_own"]


class Settings(Model):
    country: Annotated[str, Field(pattern=r"^[A-Z]{2}$")] | None = None
    theme: ShortText = "safeplan-dark"
    neutral_title: bool = False
    lock_screen_help: bool = False
    """Show the crisis strip on the screen after a lock (off: that screen says nothing about what
    safeplan is for; ctrl+g still opens help there)."""
    idle_lock_minutes: Annotated[int, Field(ge=0, le=24 * 60)] = 15
    """Lock after this many idle minutes; 0 turns auto-lock off."""
    remember_what_helped: bool = True
    harm_reduction_tips: bool = True
    regular_medicines: Annotated[list[ShortText], Field(max_length=30)] = Field(
        default_factory=list
    )
    """Medicines the person takes regularly (opt-in, empty by default); every use entry is checked
    against them for risky mixes (``core.combinations``)."""
    hard_checkin_threshold: Scale = 7
    """Suicidal thoughts or self-harm urge at or above this gently offers the plan."""
    low_mood_threshold: Scale = 2
    """Mood at or below this gently offers the plan."""
    review_nudge_days: Annotated[int, Field(ge=1, le=3650)] = 90
    days_since_enabled: bool = False
    days_since_label: ShortText = ""
    days_since_start: date | None = None
    self_checks_enabled: bool = False
    checkin_nudge_days: Annotated[int, Field(ge=0, le=365)] = 7  # 0: off (core/nudges.py)
    review_after_use_nudge: bool = True
    selfcheck_nudge: bool = True
    remember_what_helped_asked: bool = False
    """Whether the person has answered "remember what helped?" (asked at the end of their first
    walk through the plan, or set in Settings). Until then nothing about a walk is kept."""
    voice: Voice = "on_my_own"


class GuideProgress(Model):
    """Where a paused guided session stands, so it can be resumed."""

    step_index: Annotated[int, Field(ge=0, le=100)] = 0
    voice: Voice = "with_someone"
    pages_version: Annotated[int, Field(ge=1, le=100)] = 1
    """Which version of the guide's pages the step index counts (1: before the story page)."""
    started_at: AwareDatetime = Field(default_factory=now)
    updated_at: AwareDatetime = Field(default_factory=now)


class VaultPayload(Model):
    """Everything inside the encrypted vault."""

    schema_version: Literal[1] = 1
    created_at: AwareDatetime = Field(default_factory=now)
    plan: SafetyPlan = Field(default_factory=SafetyPlan)
    plan_revisions: list[PlanRevision] = Field(default_factory=list)
    plan_uses: list[PlanUse] = Field(default_factory=list)
    harm_reduction: HarmReductionPlan = Field(default_factory=HarmReductionPlan)
    checkins: list[CheckIn] = Field(default_factory=list)
    use_entries: list[UseEntry] = Field(default_factory=list)
    self_checks: list[SelfCheck] = Field(default_factory=list)
    hope_box: list[HopeItem] = Field(default_factory=list)
    settings: Settings = Field(default_factory=Settings)
    guide: GuideProgress | None = None
    save_count: int = Field(default=0, ge=0)
    """How many times this vault has been saved: the rollback guard compares it with the highest
    count this computer has seen (core/rollback.py). Not part of exports."""

    def counts(self) -> dict[str, int]:
        """How many of each thing the vault holds: safe to print (no personal words)."""
        plan = self.plan
        return {
            "plan items": sum(
                len(x)
                for x in (
                    plan.warning_signs,
                    plan.coping,
                    plan.distraction_people,
                    plan.distraction_places,
                    plan.help_contacts,
                    plan.clinicians,
                    plan.urgent_care,
                    plan.crisis_lines,
                    plan.environment,
                    plan.reasons,
                )
            ),
            "plan revisions": len(self.plan_revisions),
            "times the plan was used": len(self.plan_uses),
            "check-ins": len(self.checkins),
            "use entries": len(self.use_entries),
            "self-checks": len(self.self_checks),
        }
