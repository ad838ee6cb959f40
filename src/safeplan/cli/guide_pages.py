"""The plain guide's pages that are not a list of entries: the opening, the story of a recent
crisis, step 6's conversation about means, and one question with one answer."""

from __future__ import annotations

from typing import TYPE_CHECKING

from safeplan.cli.plain import Command
from safeplan.core import guide as flow
from safeplan.core.guide import words

if TYPE_CHECKING:
    from safeplan.cli.guide_plain import Nav, PlainGuide

CRISIS = {
    "crisis": "show crisis lines and your own people, then come back to this question",
    "help": "the same as crisis, and these words",
}
STORY_COMMANDS = {"skip": "leave this out and go on to the first step", "back": "go back"}


def run_opening(session: PlainGuide, page: flow.OpeningPage) -> Nav:
    """What the session is, who is here, what is kept, and that the person can stop any time."""
    io = session.io
    io.say(page.prompt.get(session.voice))
    if session.voice_override is None:
        io.blank()
        session.ask_voice()
        session.save()
    if not session.country_given:
        ask_country(session)
    session.say_helper(page.facilitator)
    io.say(words.KEPT_NOWHERE if session.ephemeral else words.KEPT_IN_VAULT)
    io.say(
        words.STOP_ANY_TIME,
        "Type help or crisis at any question to see crisis lines and your own people; then the "
        "same question comes back. Type help to hear the other words you can use, such as back, "
        "skip, examples and pause.",
    )
    return "forward"


def run_story(session: PlainGuide, page: flow.StoryPage) -> Nav:
    """The story of a recent crisis: held only here; the person picks what becomes a warning sign."""
    io = session.io
    session.say_prompt(page)
    commands = {**STORY_COMMANDS, **CRISIS}
    moments: list[str] = []
    question = (
        f"{page.ask.get(session.voice)} Press Enter on an empty line when you have finished, or "
        "type skip."
    )
    while True:
        answer = session.ask(question, commands=commands)
        if isinstance(answer, Command):
            if answer.word in ("skip", "back", "pause"):
                return answer.word  # type: ignore[return-value]
            session.common(answer.word, commands, page.examples)
            continue
        if not answer:
            break
        moments.append(answer)
        question = "What came next? Press Enter on an empty line when you have finished."
    if not moments:
        return "forward"
    io.say("You said:")
    io.items(moments, numbered=True)
    while True:
        answer = session.ask(
            page.keep_question,
            commands=commands,
            hint="Type their numbers, for example 1 3, or press Enter to keep none of them.",
        )
        if isinstance(answer, Command):
            if answer.word in ("skip", "back"):
                break
            session.common(answer.word, commands, page.examples)
            continue
        if not answer:
            break
        chosen = flow.chosen_numbers(answer, len(moments))
        if chosen is None:
            io.say(f"Please type numbers from 1 to {len(moments)}, or press Enter to keep none.")
            continue
        added = flow.keep_story(session.store.payload, moments, chosen)
        session.save()
        io.say(f"Added {added} to your warning signs. The rest of what you said is not kept.")
        return "forward"
    io.say("Nothing of what you said was kept.")
    return "forward"


TALK_COMMANDS = {
    "done": "stop talking and go on to writing the steps",
    "back": "go back to the step before",
    "pause": "stop for now",
}


def talk(session: PlainGuide, step: flow.GuideStep) -> Nav | None:
    """Step 6's conversation about means, one part at a time, before anything is written. Nothing
    here is stored. Returns a move, or None to go on to writing the steps."""
    io = session.io
    io.say("Talk it through first, one part at a time. Nothing from this talk is saved.")
    commands = {**TALK_COMMANDS, **CRISIS}
    for number, point in enumerate(step.talk, 1):
        io.blank()
        io.say(f"{number} of {len(step.talk)}. {point.title}: {point.ask.get(session.voice)}")
        while True:
            answer = session.ask(
                "Press Enter when you are ready to go on, or type done to start writing.",
                commands=commands,
            )
            if not isinstance(answer, Command):
                break
            if answer.word == "done":
                return None
            if answer.word in ("back", "pause"):
                return answer.word  # type: ignore[return-value]
            session.common(answer.word, commands, step.examples)
    return None


def ask_question(session: PlainGuide, page: flow.Page, question: flow.Question) -> Nav | None:
    """One question with one answer. An unanswered likelihood is asked again on Enter."""
    io = session.io
    payload = session.store.payload
    commands = session.question_commands
    if session.voice == "with_someone":
        io.say(f"{words.HELPER}: {question.facilitator}")
    examples = question.examples or getattr(page, "examples", ())
    while True:
        current = flow.answer_of(payload, page, question)
        prompt = question.prompt.get(session.voice)
        answer: str | Command
        if question.kind == "likelihood":
            options = [(k, flow.LIKELIHOOD_WORDS[k]) for k in flow.LIKELIHOODS]
            answer = io.choose(
                prompt, options, commands=commands, default=current, also="or type skip"
            )
        else:
            hint = (
                f"You said before: {current}. Press Enter to keep it, or type a new answer."
                if current
                else "Press Enter to leave it empty."
            )
            answer = session.ask(prompt, commands=commands, hint=hint)
        if isinstance(answer, Command):
            if answer.word == "skip":
                return None
            if answer.word in ("back", "pause"):
                return answer.word  # type: ignore[return-value]
            session.common(answer.word, commands, examples)
            continue
        if answer == "" or answer == current:
            return None
        try:
            flow.set_answer(payload, page, question, answer)
        except flow.AnswerNotKept as exc:
            io.say(exc.message, exc.hint)
            continue
        session.save()
        return None


def ask_country(session: PlainGuide) -> None:
    """Which country's crisis lines to show, pre-filled with the one safeplan would use. Kept with
    the vault (and outside it, not secret) only when the session is saved on this computer."""
    from safeplan.core.crisis.countries import did_you_mean, display_name, match_country

    io = session.io
    known = session.country
    hint = (
        f"Press Enter for {display_name(known)}, or type another country."
        if known
        else "Type a country's name, or press Enter to leave it for now."
    )
    question = "Which country are you in? It decides which crisis lines are shown."
    while True:
        answer = session.ask(question, commands=CRISIS, hint=hint)
        if isinstance(answer, Command):
            session.common(answer.word, CRISIS, ())
            continue
        if not answer:
            break
        match = match_country(answer)
        if match.code is not None:
            session.country = match.code
            break
        io.say(f"safeplan cannot place that country. {did_you_mean(match) or ''}".strip())
    if session.country and session.country != known:
        io.say(f"Crisis lines will be for {display_name(session.country)}.")
    if session.country and not session.ephemeral:
        from safeplan.core.kept_country import keep_quietly

        session.store.payload.settings.country = session.country
        keep_quietly(session.country)
        session.save()
