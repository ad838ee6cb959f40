"""`safeplan guide`: build the safety plan step by step, alone or with someone helping.

Works on the person's vault (saving after every answer, so nothing typed is lost, and resuming where
a paused session stopped), or with ``--ephemeral`` in memory only: at the end the person chooses to
see, print or save a copy, to save it into a new vault wherever they choose, or to let it go.

The plain line-by-line mode is used with ``--plain``, ``ACCESSIBLE=1``, ``TERM=dumb`` or when standard
input is not a terminal; otherwise the full-screen guided screen opens. Both render the same flow
from :mod:`safeplan.core.guide`.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any, Literal

from safeplan.cli.common import add_command
from safeplan.core import errors
from safeplan.core.secret_rules import MIN_PASSPHRASE_LENGTH

if TYPE_CHECKING:
    from safeplan.cli.plain import Plain
    from safeplan.core.export import Format
    from safeplan.core.guide import Collector, GuideStep, Page, Question
    from safeplan.core.models import Voice
    from safeplan.core.store import Store

VOICE_CHOICES = {"with-someone": "with_someone", "on-my-own": "on_my_own"}

Nav = Literal["forward", "back", "skip", "pause"]

# The same minimum as the full-screen app asks for.
MIN_PASSPHRASE = MIN_PASSPHRASE_LENGTH


def register(sub: argparse._SubParsersAction[Any], common: argparse.ArgumentParser) -> None:
    parser = add_command(
        sub,
        common,
        "guide",
        "build your safety plan step by step, on your own or with someone helping",
        "safeplan.cli.commands.guide:guide",
        description="Build your safety plan step by step, in your own words, on your own or with "
        "someone beside you. Each answer is saved in your vault as you go; type pause to stop and "
        "carry on later. With --ephemeral nothing is written to this computer: at the end you "
        "choose to print the plan, save it into a new vault wherever you like (a USB stick, say), "
        "or let it go.",
    )
    parser.add_argument(
        "--plain",
        action="store_true",
        help="ask one question per line (for screen readers and simple terminals); used "
        "automatically when ACCESSIBLE=1, TERM=dumb or input is not a terminal",
    )
    parser.add_argument(
        "--ephemeral",
        action="store_true",
        help="keep this session in memory only and leave nothing on this computer",
    )
    parser.add_argument(
        "--voice",
        choices=tuple(VOICE_CHOICES),
        help="speak to you as someone with a helper beside them, or on your own",
    )


def guide(args: argparse.Namespace) -> int:
    if args.ephemeral:
        # Nothing from this session may be left behind, not even bytecode caches.
        sys.dont_write_bytecode = True
    voice: Voice | None = VOICE_CHOICES[args.voice] if args.voice else None  # type: ignore[assignment]

    from safeplan.cli.plain import Plain, plain_mode_wanted

    if not plain_mode_wanted(args.plain):
        tui = _tui_runner()
        if tui is not None:
            return int(tui(args, voice))
    return run_plain(Plain(), args, voice)


def _tui_runner() -> Any:
    """The full-screen guided session."""
    from safeplan.cli.launch import run_guide_app

    return run_guide_app


def run_plain(io: Plain, args: argparse.Namespace, voice: Voice | None) -> int:
    from safeplan.cli.plain import InputClosed

    if args.ephemeral:
        from safeplan.core.models import VaultPayload
        from safeplan.core.store import MemoryStore

        memory = MemoryStore()
        handover = Handover(io, memory, ephemeral=True, args=args)
        try:
            PlainGuide(io, memory, ephemeral=True, voice=voice).run()
            handover.run()
        except (InputClosed, KeyboardInterrupt):
            io.blank()
            io.say(f"The session ended before you chose to finish. {handover.what_was_kept()}")
        finally:
            memory.payload = VaultPayload()
            memory.last_saved_json = None
        return errors.EXIT_OK

    from safeplan.cli.common import open_store

    with open_store(args) as store:
        session = PlainGuide(io, store, ephemeral=False, voice=voice)
        try:
            if session.run() == "finished":
                Handover(io, store, ephemeral=False, args=args).run()
        except (InputClosed, KeyboardInterrupt):
            io.blank()
            if store.payload.guide is None:
                io.say("The session ended. Your plan is saved in your vault.")
            else:
                session.pause_quietly()
                io.say(
                    "The session stopped here. Everything you wrote is saved in your vault. Run "
                    "safeplan guide again to carry on where you left off."
                )
    return errors.EXIT_OK


# --- Words ---------------------------------------------------------------------------------------

STEP_COMMANDS = {
    "done": "finish this part and go on",
    "skip": "leave this step for now and go to the next one",
    "back": "go back to the step before",
    "examples": "hear a few examples",
    "undo": "take out the last thing you added here",
    "voice": 'switch between "with someone beside me" and "on my own"',
    "pause": "stop for now; everything you wrote is kept and you can carry on later",
}
FIELD_COMMANDS = {
    "skip": "leave this detail empty",
    "done": "leave the other details empty",
    "back": "keep what you typed and go back to the step before",
    "pause": "keep what you typed and stop for now",
}
QUESTION_COMMANDS = {
    "skip": "leave this question unanswered",
    "back": "go back to the step before",
    "examples": "hear a few examples",
    "voice": 'switch between "with someone beside me" and "on my own"',
    "pause": "stop for now; everything you wrote is kept and you can carry on later",
}
EPHEMERAL_PAUSE = "stop here and choose what to do with the plan"


def _commands(base: dict[str, str], ephemeral: bool) -> dict[str, str]:
    if ephemeral and "pause" in base:
        return {**base, "pause": EPHEMERAL_PAUSE}
    return base


# --- The guided session, line by line ------------------------------------------------------------


class PlainGuide:
    """Runs the guided flow on a store, one line at a time."""

    def __init__(
        self, io: Plain, store: Store, *, ephemeral: bool, voice: Voice | None = None
    ) -> None:
        self.io = io
        self.store = store
        self.ephemeral = ephemeral
        self.voice_override = voice
        self.step_commands = _commands(STEP_COMMANDS, ephemeral)
        self.field_commands = _commands(FIELD_COMMANDS, ephemeral)
        self.question_commands = _commands(QUESTION_COMMANDS, ephemeral)

    # -- state -----------------------------------------------------------------------------------

    @property
    def voice(self) -> Voice:
        progress = self.store.payload.guide
        return progress.voice if progress is not None else "with_someone"

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

    # -- the whole session -----------------------------------------------------------------------

    def run(self) -> Literal["finished", "paused", "stopped"]:
        """Go through the pages. Returns "finished" (the plan is written), "paused" (kept in the
        vault to carry on later) or "stopped" (ephemeral: the person chose to stop early)."""
        from safeplan.core import guide as flow

        payload = self.store.payload
        resumed = payload.guide is not None and not flow.is_finished(payload.guide)
        voice = self.voice_override
        self.intro(resumed)
        if not resumed and voice is None:
            voice = self.ask_voice(payload.settings.voice if not self.ephemeral else None)
        progress = flow.start(payload, voice)
        if resumed:
            page = flow.page_at(progress.step_index)
            title = page.title if page is not None else ""
            self.io.say(
                f"Welcome back. You are at {flow.page_position(progress.step_index)}: {title}. "
                "Everything you wrote before is still here."
            )
        self.save()

        while not flow.is_finished(progress):
            page = flow.page_at(progress.step_index)
            assert page is not None
            nav = self.run_page(page)
            # The page may have changed the voice: the payload holds the current progress.
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
            if nav == "back":
                if progress.step_index == 0:
                    self.io.say("This is the first step, so there is nothing before it.")
                progress = flow.back(progress)
            elif nav == "skip":
                progress = flow.skip(progress)
            else:
                progress = flow.forward(progress)
            payload.guide = progress
            self.save()

        flow.finish(payload)
        self.keep_revision()
        self.save()
        self.io.blank()
        if self.ephemeral:
            self.io.say("Your plan is written. It is held in memory only, for now.")
        else:
            self.io.say("Your plan is written and saved in your vault.")
        return "finished"

    def intro(self, resumed: bool) -> None:
        io = self.io
        if not resumed:
            io.say(
                "This guide helps you write your safety plan one step at a time, in your own "
                "words. There are seven steps and a few questions at the end. You can skip "
                "anything, go back, or stop whenever you like."
            )
        if self.ephemeral:
            io.say(
                "This session is held in memory only. Nothing is written to this computer "
                "unless you choose so at the end."
            )
        elif not resumed:
            io.say("Each answer is saved in your vault as you go.")
        io.say(
            "Type help at any question to hear the words you can use, such as back, skip, "
            "examples and pause.",
            "If you need to talk to someone right now, safeplan crisis shows crisis lines at once.",
        )

    def ask_voice(self, default: Voice | None) -> Voice:
        from safeplan.cli.plain import Command

        options: list[tuple[Voice, str]] = [
            ("with_someone", "Someone is beside me, helping"),
            ("on_my_own", "I am on my own"),
        ]
        self.io.blank()
        answer = self.io.choose(
            "Who is here for this session?", options, default=default or "with_someone"
        )
        assert not isinstance(answer, Command)
        return answer

    def ephemeral_stop(self) -> bool:
        """Pause in an ephemeral session: it cannot be kept for later, so offer to stop here."""
        from safeplan.cli.plain import Command

        self.io.blank()
        self.io.say(
            "This session is held in memory only, so it cannot be paused and picked up later."
        )
        answer = self.io.choose(
            "What would you like to do?",
            [("carry_on", "Carry on with the plan"), ("stop", "Stop here and choose what to keep")],
        )
        return not isinstance(answer, Command) and answer == "stop"

    # -- one page --------------------------------------------------------------------------------

    def run_page(self, page: Page) -> Nav:
        from safeplan.core import guide as flow

        self.io.blank()
        if isinstance(page, flow.GuideStep):
            return self.run_step(page)
        self.io.say(f"Last questions: {page.title}.")
        self.say_prompt(page)
        for question in page.questions:
            nav = self.ask_question(page, question)
            if nav is not None:
                return nav
        return "forward"

    def say_prompt(self, page: Page) -> None:
        if self.voice == "with_someone":
            self.io.say(f"For the person helping: {page.facilitator}")
        self.io.say(page.prompt.get(self.voice))

    def run_step(self, step: GuideStep) -> Nav:
        from safeplan.core import guide as flow

        progress = self.store.payload.guide
        index = progress.step_index if progress is not None else 0
        self.io.say(f"{flow.page_position(index)}: {step.title}.", step.explanation)
        self.say_prompt(step)
        for collector in step.collects:
            nav = self.collect(step, collector)
            if nav is not None:
                return nav
        if flow.step_has_entries(self.store.payload.plan, step):
            for question in step.questions:
                nav = self.ask_question(step, question)
                if nav is not None:
                    return nav
        return "forward"

    def switch_voice(self, page: Page) -> None:
        from safeplan.core import guide as flow

        payload = self.store.payload
        if payload.guide is None:
            return
        payload.guide = flow.with_voice(payload.guide, flow.other_voice(payload.guide.voice))
        self.save()
        self.io.say(f"Now speaking {flow.VOICE_NAMES[self.voice]}.")
        self.say_prompt(page)

    def show_examples(self, examples: tuple[str, ...]) -> None:
        if not examples:
            self.io.say(
                "There are no examples for this question. Any answer in your words is fine."
            )
            return
        self.io.say("Some examples. Yours can be anything, in your own words:")
        self.io.items(examples)

    def collect(self, step: GuideStep, collector: Collector) -> Nav | None:
        """Ask for entries of one kind until the person has finished. Returns a move, or None to
        go on to the next part of the step."""
        from safeplan.cli.plain import Command
        from safeplan.core import guide as flow
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
            answer = io.ask(question, commands=self.step_commands)
            if isinstance(answer, Command):
                word = answer.word
                if word == "done":
                    return None
                if word in ("skip", "back", "pause"):
                    return word  # type: ignore[return-value]
                if word == "examples":
                    self.show_examples(step.examples)
                elif word == "voice":
                    self.switch_voice(step)
                elif word == "undo":
                    if added and flow.remove_entry(payload, collector, added.pop()):
                        self.save()
                        io.say("Taken out. The last thing you added here is no longer in the plan.")
                    else:
                        io.say("There is nothing you added here to take out.")
                continue
            if answer == "":
                return None
            values = {collector.main.name: answer}
            nav = self.ask_details(collector, values)
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

    def ask_details(self, collector: Collector, values: dict[str, str]) -> Nav | None:
        from safeplan.cli.plain import Command

        for field in collector.fields[1:]:
            answer = self.io.ask(field.question, commands=self.field_commands)
            if not isinstance(answer, Command):
                values[field.name] = answer
                continue
            if answer.word == "skip":
                continue
            if answer.word == "done":
                return None
            return answer.word  # type: ignore[return-value]
        return None

    def ask_question(self, page: Page, question: Question) -> Nav | None:
        from safeplan.cli.plain import Command
        from safeplan.core import guide as flow

        io = self.io
        payload = self.store.payload
        if self.voice == "with_someone":
            io.say(f"For the person helping: {question.facilitator}")
        while True:
            current = flow.answer_of(payload, page, question)
            prompt = question.prompt.get(self.voice)
            answer: str | Command
            if question.kind == "likelihood":
                options = [(k, flow.LIKELIHOOD_WORDS[k]) for k in flow.LIKELIHOODS]
                answer = io.choose(
                    prompt,
                    options,
                    commands=self.question_commands,
                    default=current,
                    also="or type skip to leave it unanswered",
                )
            else:
                hint = (
                    f"You said before: {current}. Press Enter to keep it, or type a new answer."
                    if current
                    else "Press Enter to leave it empty."
                )
                answer = io.ask(prompt, commands=self.question_commands, hint=hint)
            if isinstance(answer, Command):
                word = answer.word
                if word == "skip":
                    return None
                if word in ("back", "pause"):
                    return word  # type: ignore[return-value]
                if word == "examples":
                    examples = question.examples
                    if not examples and isinstance(page, flow.GuideStep):
                        examples = page.examples
                    self.show_examples(examples)
                elif word == "voice":
                    self.switch_voice(page)
                continue
            if answer == "" or answer == current:
                return None
            try:
                flow.set_answer(payload, page, question, answer)
            except flow.AnswerNotKept as exc:
                io.say(exc.message, exc.hint)
                continue
            self.save()
            return None


# --- After the plan: showing, printing, saving, letting go ---------------------------------------


class Handover:
    """What happens to the written plan: shown, printed, copied to a file, saved into a new vault
    (ephemeral sessions) or let go."""

    def __init__(
        self, io: Plain, store: Store, *, ephemeral: bool, args: argparse.Namespace
    ) -> None:
        self.io = io
        self.store = store
        self.ephemeral = ephemeral
        self.args = args
        self.kept: list[str] = []
        """What was written at the person's request, as words ("a new vault at ...")."""

    def options(self) -> list[tuple[str, str]]:
        options = [
            ("show", "Show the plan here, on the screen"),
            ("print", "Print it on paper"),
            ("file", "Save a copy as a file you choose (not encrypted)"),
        ]
        if self.ephemeral:
            options.append(
                (
                    "vault",
                    "Save it into a new vault with its own passphrase, for example on a USB stick",
                )
            )
            if self.kept:
                options.append(("end", "Finish. Only what you saved is kept"))
            else:
                options.append(("end", "Finish and let it go: nothing is kept on this computer"))
        else:
            options.append(("end", "Finish. Your plan is saved in your vault"))
        return options

    def what_was_kept(self) -> str:
        """One honest sentence about what this session left on disk."""
        if not self.ephemeral:
            return "Your plan is saved in your vault."
        if not self.kept:
            return "The plan was not kept anywhere. Nothing was written to this computer."
        return (
            f"The plan is kept only where you saved it: {'; '.join(self.kept)}. Nothing else "
            "was written to this computer."
        )

    def run(self) -> None:
        from safeplan.cli.plain import Command

        io = self.io
        while True:
            io.blank()
            choice = io.choose("What would you like to do with your plan now?", self.options())
            if isinstance(choice, Command):
                continue
            if choice == "show":
                self.show()
            elif choice == "print":
                self.print_on_paper()
            elif choice == "file":
                self.save_file()
            elif choice == "vault":
                self.save_vault()
            elif choice == "end" and self.finish():
                return

    def render(self, fmt: Format) -> str:
        from safeplan.core.export import render

        return render(fmt, self.store.payload)

    def show(self) -> None:
        self.io.blank()
        self.io.stdout.write(self.render("text").replace("\f", "\n"))
        self.io.blank()

    def print_on_paper(self) -> None:
        from safeplan.core.export.printing import print_command, send_to_printer

        if print_command() is None:
            self.io.say(
                "This computer has no printing system (lp or lpr), so nothing was printed. You "
                "can show the plan on screen and copy it, or save a copy as a file to print "
                "elsewhere."
            )
            return
        _, message = send_to_printer(self.render("text"))
        self.io.say(message.replace("`", ""))

    def save_file(self) -> None:
        from pathlib import Path

        from safeplan.cli.plain import Command

        io = self.io
        kinds: list[tuple[Format, str]] = [
            ("text", "The whole plan as plain text, to print or read"),
            ("card", "A small wallet card"),
            ("markdown", "The whole plan as Markdown"),
        ]
        fmt = io.choose("Which kind of copy?", kinds)
        if isinstance(fmt, Command):
            return
        io.say(
            "A file copy is not encrypted: anyone who can open the file can read your plan. "
            "Choose a place that is yours, such as your own USB stick."
        )
        answer = io.ask(
            "Where should the file go? Type the full path, or press Enter to go back.",
        )
        if isinstance(answer, Command) or not answer:
            return
        from safeplan.core.paths import resolve_vault_path
        from safeplan.core.private_files import write_private_file

        path = Path(answer).expanduser().absolute()
        if path.is_dir():
            suffix = ".md" if fmt == "markdown" else ".txt"
            path = path / f"safety-plan{suffix}"
        if path.exists():
            io.say(f"There is already a file at {path}. Nothing was written; choose another name.")
            return
        if not io.confirm(f"Write your plan, not encrypted, to {path}?"):
            io.say("Nothing was written.")
            return
        try:
            write_private_file(
                path,
                self.render(fmt),
                vaults=[resolve_vault_path(getattr(self.args, "vault", None))],
            )
        except FileExistsError:
            io.say(f"There is already a file at {path}. Nothing was written; choose another name.")
        except errors.SafeplanError as exc:
            io.say(f"{exc.message} {exc.hint}")
        except OSError as exc:
            io.say(
                f"The file could not be written ({exc.strerror or 'write error'}). "
                "Check that the folder exists and that you can write there."
            )
        else:
            self.kept.append(f"a copy at {path}")
            io.say(f"Your plan was written to:\n{path}")

    def save_vault(self) -> None:
        from pathlib import Path

        from safeplan.cli.formatting import RECOVERY_ADVICE
        from safeplan.core.vault import Vault

        io = self.io
        io.blank()
        io.say(
            "The new vault is encrypted with a passphrase the person chooses. Only that "
            "passphrase, or the recovery code shown next, can open it."
        )
        answer = io.ask(
            "Where should the vault be saved? Type the full path of a new file, or of a folder, "
            "for example on a USB stick. Press Enter to go back."
        )
        if not isinstance(answer, str) or not answer:
            return

        path = Path(answer).expanduser().absolute()
        if path.is_dir():
            path = path / "safeplan-vault.json"
        if path.exists():
            io.say(f"There is already a file at {path}. Nothing was written; choose another name.")
            return
        if not path.parent.is_dir():
            io.say(
                f"The folder {path.parent} does not exist. Check the path, for example that the "
                "USB stick is plugged in."
            )
            return
        passphrase = self.new_passphrase()
        if passphrase is None:
            return
        io.say("Creating the vault. This takes a moment on purpose: it makes guessing slow.")
        payload = self.store.payload.model_copy(deep=True)
        payload.guide = None
        try:
            vault, code = Vault.create(path, passphrase, payload=payload)
        except errors.SafeplanError as exc:
            io.say(exc.message, exc.hint)
            return
        except OSError as exc:
            io.say(
                f"The vault could not be written there ({exc.strerror or 'write error'}). "
                "Check that you can write to that folder, then try again."
            )
            return
        vault.close()
        self.kept.append(f"a vault at {path}")
        io.say(f"The plan is saved in a new vault at:\n{path}")
        io.blank()
        io.say(RECOVERY_ADVICE.format(code=code))
        io.say(
            f"To open it on your own computer: safeplan --vault {path}. You can also copy the "
            "file to where safeplan keeps its vault."
        )

    def new_passphrase(self) -> str | None:
        from safeplan.cli.common import secrets_for

        io = self.io
        reader = secrets_for(self.args)
        for _ in range(3):
            if reader.source is not None:
                return reader.read("New passphrase: ")
            first = io.secret(
                "Choose a passphrase for the new vault. A few ordinary words work well. Nobody "
                "can reset it; the recovery code shown next is the only other way in."
            )
            if len(first) < MIN_PASSPHRASE:
                io.say(
                    f"Please choose at least {MIN_PASSPHRASE} characters. A few ordinary words "
                    "are easy to remember and hard to guess."
                )
                continue
            second = io.secret("Type the same passphrase again, to be sure.")
            if first == second:
                return first
            io.say("Those two did not match. Let's try once more.")
        io.say("No vault was made. You can choose this again from the list.")
        return None

    def finish(self) -> bool:
        io = self.io
        if not self.ephemeral:
            io.say("Your plan is in your vault. You can look at it or change it any time.")
            return True
        if self.kept:
            io.say(f"{self.what_was_kept()} This session is now forgotten.")
            return True
        if not io.confirm(
            "If you finish now, this plan is forgotten and cannot be brought back. Finish and "
            "let it go?"
        ):
            return False
        io.say("The plan was let go. Nothing of it was written to this computer.")
        return True
