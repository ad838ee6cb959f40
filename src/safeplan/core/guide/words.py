"""What the guided session says outside the steps: the voices, the likelihood choices, the opening,
the "in danger right now" card, and the words that reach crisis lines from any question.

Every word is safeplan's own. The opening and the danger card follow what the Safety Planning
Intervention and peer-support practice ask of a facilitator (see ``docs/peer-worker-guide.md`` for
the sources): say what the session is, what is kept, what confidentiality means and where it ends,
that the person can stop at any time, and what to do if the person is not safe right now.
"""

from __future__ import annotations

from dataclasses import dataclass

from safeplan.core.models import Likelihood, Voice

VOICES: tuple[Voice, ...] = ("with_someone", "on_my_own")
VOICE_NAMES: dict[Voice, str] = {
    "with_someone": "with someone beside me",
    "on_my_own": "on my own",
}
VOICE_CHOICES: tuple[tuple[Voice, str], ...] = (
    ("with_someone", "Someone is beside me, helping"),
    ("on_my_own", "I am on my own"),
)
WHO_IS_HERE = "Who is here for this session?"

LIKELIHOODS: tuple[Likelihood, ...] = ("likely", "maybe", "unlikely")
LIKELIHOOD_WORDS: dict[str, str] = {
    "likely": "Likely",
    "maybe": "Maybe",
    "unlikely": "Not very likely",
}
LIKELIHOOD_NOT_CHOSEN = (
    "Nothing was chosen yet. An honest answer helps more than a hopeful one. Choose one, or "
    "skip this question."
)

CRISIS_WORDS: tuple[str, ...] = ("crisis", "help")
"""Typed at any question of the plain guide, these show crisis lines and then ask the same question
again. Neither is ever kept as an answer."""

HELPER = "For the person helping"


@dataclass(frozen=True)
class Voiced:
    """One thing said to the person, in both voices."""

    with_someone: str
    on_my_own: str

    def get(self, voice: Voice) -> str:
        return self.with_someone if voice == "with_someone" else self.on_my_own


def same(text: str) -> Voiced:
    return Voiced(text, text)


def other_voice(voice: Voice) -> Voice:
    return "on_my_own" if voice == "with_someone" else "with_someone"


# --- The opening -----------------------------------------------------------------------------------

OPENING_TITLE = "Before we start"

OPENING = Voiced(
    "This session helps you write a safety plan together, in your own words: what you notice "
    "when things get hard, what helps, who you can reach, and what matters most to you. It takes "
    "about 20 to 45 minutes. You can skip anything, go back, or stop at any time.",
    "This session helps you write a safety plan in your own words: what you notice when things "
    "get hard, what helps, who you can reach, and what matters most to you. It takes about 20 "
    "minutes. You can skip anything, go back, or stop at any time.",
)

OPENING_HELPER: tuple[str, ...] = (
    "Say what the session is for, and that they can stop or skip at any time.",
    "Say what stays between you, and what you would have to share if you were worried about "
    "their life right now. Follow your organisation's policy, and say it in plain words.",
    "Say where the plan is kept (their vault, or nowhere unless they choose), and that nobody "
    "gets a copy unless they say so.",
    'It is OK to ask directly: "Are you thinking about suicide?" Asking does not put the idea '
    "in someone's head.",
)

KEPT_IN_VAULT = "Each answer is saved in your vault as you go, encrypted with your passphrase."
KEPT_NOWHERE = (
    "This session is not saved on this computer. At the end you choose whether to keep the "
    "plan, and where."
)

STOP_ANY_TIME = "You can stop at any time. Nothing you say has to go into the plan."

# --- If the person is in danger right now ----------------------------------------------------------

DANGER_TITLE = "If the person is in danger right now"

DANGER_CARD: tuple[str, ...] = (
    "Stay with them. Do not leave them alone, and keep talking calmly.",
    "Call the emergency number together, or a crisis line if they are safe for now but need "
    "support. You can make the call with them beside you.",
    "Say where you are, that the person is thinking about suicide, and whether they have "
    "anything with them they could use to hurt themselves or have taken anything.",
    "If it is safe and they agree, put distance between them and anything they could use.",
    "Follow your organisation's protocol, and tell your supervisor afterwards.",
)

ON_MY_OWN_DANGER = (
    "If you might act on thoughts of suicide right now, call the emergency number, or go to the "
    "nearest emergency department. If you can, ask someone to be with you."
)
