"""The guided session, line by line: the plain renderer of :mod:`safeplan.core.guide`.

It only asks and shows; the pages, the moves and what an answer changes live in the core. At any
question, ``crisis`` or ``help`` shows the crisis lines for the person's country and their own
people, then asks the same question again; neither word is ever kept as an answer.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from safeplan.cli.guide_pages import CRISIS, ask_question, run_opening, run_story, talk
from safeplan.cli.plain import Command, Plain
from safeplan.cli.plain_answers import clean_answer
from safeplan.core import errors
from safeplan.core import guide as flow
from safeplan.core.guide import words

if TYPE_CHECKING:
    from safeplan.core.models import Voice
    from safeplan.core.store import Store

Nav = Literal["forward", "back", "skip", "pause"]
MOVES = ("skip", "back", "pause")

STEP_COMMANDS = {
    "done": "finish this part and go on",
    "skip": "leave this step for now and go to the next one",
    "back": "go back to the step before",
    "examples": "hear a few examples",
    "undo": "take out the last thing you added here",
    "voice": 'switch between "with someone beside me" and "on my own"',
    "pause": "stop for now; everything you wrote is kept and you can carry on later",
    **CRISIS,
}
FIELD_COMMANDS = {
    "skip": "leave this detail empty",
    "done": "leave the other details empty",
    "undo": "do not add this one",
    "examples": "hear a few examples",
    "voice": 'switch between "with someone beside me" and "on my own"',
    "back": "keep what you typed and go back to the step before",
    "pause": "keep what you typed and stop for now",
    **CRISIS,
}
QUESTION_COMMANDS = {
    "skip": "leave this question unanswered",
    "back": "go back to the step before",
    "examples": "hear a few examples",
    "voice": 'switch between "with someone beside me" and "on my own"',
    "pause": "stop for now; everything you wrote is kept and you can carry on later",
    **CRISIS,
}
EPHEMERAL_PAUSE = "stop here and choose what to do with the plan"


def _commands(base: dict[str, str], ephemeral: bool) -> dict[str, str]:
    if ephemeral and "pause" in base:
        return {**base, "pause": EPHEMERAL_PAUSE}
    return base


class PlainGuide:
    """Runs the guided flow on a store, one line at a time."""

    def __init__(
        self,
        io: Plain,
        store: Store,
        *,
        ephemeral: bool,
        voice: Voice | None = None,
        country: str | None = None,
        given_country: bool = False,
    ) -> None:
        self.io = io
        self.store = store
        self.ephemeral = ephemeral
        self.voice_override = voice
        self.country = country
        self.country_given = given_country
        self.last_voice: Voice = voice or "with_someone"
        """The voice when the session ended (the handover speaks the same way)."""
        self.step_commands = _commands(STEP_COMMANDS, ephemeral)
        self.field_commands = _commands(FIELD_COMMANDS, ephemeral)
        self.question_commands = _commands(QUESTION_COMMANDS, ephemeral)

    @property
    def voice(self) -> Voice:
        progress = self.store.payload.guide
        return progress.voice if progress is not None else "with_someone"

    @property
    def index(self) -> int:
        progress = self.store.payload.guide
        return progress.step_index if progress is not None else flow.FINISHED

    def save(self) -> None:
        try:
            self.store.save()
        except errors.SafeplanError as exc:
            self.io.say(exc.message, exc.hint)

    def keep_revision(self) -> None:
        from safeplan.core.plan import commit_plan_change

        commit_plan_change(self.store.payload, note="Guided session")

    def pause_quietly(self) -> None:
        """Keep where the session stands (used when the input ends or is interrupted)."""
        if self.store.payload.guide is not None:
            self.keep_revision()
            self.save()

    # -- words that work at every question --------------------------------------------------------

    def ask(self, question: str, *, commands: dict[str, str], hint: str = "") -> str | Command:
        """One answer, without control or invisible characters (ctrl+g typed as ^G is not kept)."""
        answer = self.io.ask(question, commands=commands, hint=hint)
        return answer if isinstance(answer, Command) else clean_answer(answer)

    def show_help(self, word: str, commands: dict[str, str]) -> None:
        """``crisis`` or ``help``: crisis lines and the person's people, then back to the question."""
        from safeplan.core.guide.help import help_lines

        self.io.blank()
        for line in help_lines(self.store.payload, self.voice, self.country, self.io.width):
            self.io.stdout.write(line + "\n")
        self.io.blank()
        if word == "help":
            self.io.show_commands(commands)
        self.io.say("Back to the question.")

    def common(self, word: str, commands: dict[str, str], examples: tuple[str, ...]) -> bool:
        """Handle a word every question accepts. Returns False when it was not one of them."""
        if word in CRISIS:
            self.show_help(word, commands)
        elif word == "examples":
            self.show_examples(examples)
        elif word == "voice":
            self.switch_voice()
        else:
            return False
        return True

    def switch_voice(self) -> None:
        payload = self.store.payload
        if payload.guide is None:
            return
        payload.guide = flow.with_voice(payload.guide, flow.other_voice(payload.guide.voice))
        self.save()
        self.io.say(f"Now speaking {flow.VOICE_NAMES[self.voice]}.")
        page = flow.page_at(self.index)
        if page is not None:
            self.say_prompt(page)

    def show_examples(self, examples: tuple[str, ...]) -> None:
        if not examples:
            self.io.say(
                "There are no examples for this question. Any answer in your words is fine."
            )
            return
        self.io.say("Some examples. Yours can be anything, in your own words:")
        self.io.items(examples)

    def say_helper(self, cues: tuple[str, ...]) -> None:
        if self.voice == "with_someone" and cues:
            self.io.say(f"{words.HELPER}:")
            self.io.items(cues)

    def say_prompt(self, page: flow.Page) -> None:
        self.say_helper(page.facilitator)
        self.io.say(page.prompt.get(self.voice))

    # -- the whole session -----------------------------------------------------------------------

    def run(self) -> Literal["finished", "paused", "stopped"]:
        """Go through the pages. Returns "finished" (the plan is written), "paused" (kept in the
        vault to carry on later) or "stopped" (not saved: the person chose to stop early)."""
        payload = self.store.payload
        resumed = flow.is_resumable(payload)
        progress = flow.start(payload, self.voice_override)
        if resumed:
            self.io.say(
                f"Welcome back. You are at {flow.page_title(progress.step_index)}. Everything "
                "you wrote before is still here."
            )
            if self.voice_override is None:
                self.ask_voice()
        self.save()
        while not flow.is_finished(progress):
            page = flow.page_at(progress.step_index)
            assert page is not None
            self.io.blank()
            nav = self.run_page(page)
            progress = payload.guide or progress
            if nav == "pause":
                if self.ephemeral:
                    if self.ephemeral_stop():
                        return "stopped"
                    continue
                self.keep_revision()
                self.save()
                self.io.blank()
                self.io.say(
                    "Paused. Everything you wrote is saved in your vault. Run safeplan guide "
                    "again to carry on from here."
                )
                return "paused"
            if nav == "back" and progress.step_index == 0:
                self.io.say("This is the start, so there is nothing before it.")
            progress = flow.move(progress, nav)
            payload.guide = progress
            self.save()
        self.last_voice = self.voice
        flow.finish(payload)
        self.keep_revision()
        self.save()
        self.io.blank()
        if self.ephemeral:
            self.io.say("Your plan is written. It is not saved on this computer yet.")
        else:
            self.io.say("Your plan is written and saved in your vault.")
        return "finished"

    def ask_voice(self) -> None:
        progress = self.store.payload.guide
        assert progress is not None
        answer = self.io.choose(
            words.WHO_IS_HERE, list(words.VOICE_CHOICES), default=progress.voice
        )
        if not isinstance(answer, Command) and answer != progress.voice:
            self.store.payload.guide = flow.with_voice(progress, answer)

    def ephemeral_stop(self) -> bool:
        """Pause in a session not saved anywhere: offer to stop here and choose what to keep."""
        self.io.blank()
        self.io.say("This session is not saved on this computer, so it cannot be picked up later.")
        answer = self.io.choose(
            "What would you like to do?",
            [("carry_on", "Carry on with the plan"), ("stop", "Stop here and choose what to keep")],
        )
        return not isinstance(answer, Command) and answer == "stop"

    # -- one page --------------------------------------------------------------------------------

    def run_page(self, page: flow.Page) -> Nav:
        self.io.say(f"{flow.page_title(self.index)}.")
        if isinstance(page, flow.OpeningPage):
            return run_opening(self, page)
        if isinstance(page, flow.StoryPage):
            return run_story(self, page)
        if isinstance(page, flow.GuideStep):
            return self.run_step(page)
        self.say_prompt(page)
        return self.ask_questions(page)

    def run_step(self, step: flow.GuideStep) -> Nav:
        self.io.say(step.explanation)
        self.say_prompt(step)
        if step.talk:
            moved = talk(self, step)
            if moved is not None:
                return moved
        for collector in step.collects:
            nav = self.collect(step, collector)
            if nav is not None:
                return nav
        if flow.step_has_entries(self.store.payload.plan, step):
            return self.ask_questions(step)
        return "forward"

    def ask_questions(self, page: flow.Page) -> Nav:
        for question in page.questions:
            if not flow.should_ask(self.store.payload, page, question):
                continue
            nav = ask_question(self, page, question)
            if nav is not None:
                return nav
        return "forward"

    def collect(self, step: flow.GuideStep, collector: flow.Collector) -> Nav | None:
        """Ask for entries of one kind until the person has finished. Returns a move, or None to
        go on to the next part of the step."""
        from safeplan.core.sections import item_label

        io = self.io
        payload = self.store.payload
        existing = flow.entries(payload.plan, collector)
        if existing:
            io.say(f"{collector.title} already in your plan:")
            io.items([item_label(item) for item in existing])
        added: list[str] = []
        question = (
            f"{collector.ask.get(self.voice)} Press Enter on an empty line when you have finished."
        )
        while True:
            answer = self.ask(question, commands=self.step_commands)
            if isinstance(answer, Command):
                word = answer.word
                if word == "done":
                    return None
                if word in MOVES:
                    return word  # type: ignore[return-value]
                if word == "undo":
                    if added and flow.remove_entry(payload, collector, added.pop()):
                        self.save()
                        io.say("Taken out. The last thing you added here is no longer in the plan.")
                    else:
                        io.say("There is nothing you added here to take out.")
                else:
                    self.common(word, self.step_commands, step.examples)
                continue
            if answer == "":
                return None
            values = {collector.main.name: answer}
            nav = self.ask_details(step, collector, values)
            if nav == "undo":
                io.say("That one was not added.")
                nav = None
            else:
                try:
                    item = flow.add_entry(payload, collector, values)
                except flow.AnswerNotKept as exc:
                    io.say(exc.message, exc.hint)
                else:
                    added.append(item.id)
                    self.save()
                    io.say("Added to your plan.")
            if nav is not None:
                return nav
            question = f"Anything else? Type {collector.one}, or press Enter if that is all."

    def ask_details(
        self, step: flow.GuideStep, collector: flow.Collector, values: dict[str, str]
    ) -> Nav | Literal["undo"] | None:
        for field in collector.fields[1:]:
            while True:
                answer = self.ask(field.question, commands=self.field_commands)
                if not isinstance(answer, Command):
                    values[field.name] = answer
                    break
                word = answer.word
                if word == "skip":
                    break
                if word == "done":
                    return None
                if word in ("back", "pause", "undo"):
                    return word  # type: ignore[return-value]
                self.common(word, self.field_commands, step.examples)
        return None
