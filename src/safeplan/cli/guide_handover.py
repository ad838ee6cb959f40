"""After the plain guide: show, print, copy to a file, save into a new vault (sessions not saved on
this computer) or let go. What is offered and what each choice does is decided in
:mod:`safeplan.core.guide.handover`; this only asks and shows."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from safeplan.cli.plain import Command, Plain
from safeplan.core import errors
from safeplan.core.guide import handover as words
from safeplan.core.guide.answers import AnswerNotKept
from safeplan.core.guide.handover import Handover, passphrase_problem

if TYPE_CHECKING:
    from safeplan.core.export import Format
    from safeplan.core.models import Voice
    from safeplan.core.store import Store

HELP_WORDS = {
    "crisis": "show crisis lines and your own people",
    "help": "show crisis lines and your own people",
}
COPY_KINDS: list[tuple[Format, str]] = [
    ("text", "The whole plan as plain text, to print or read"),
    ("card", "A small wallet card"),
    ("markdown", "The whole plan as Markdown"),
]


class PlainHandover:
    """The handover menu, line by line."""

    def __init__(
        self,
        io: Plain,
        store: Store,
        *,
        ephemeral: bool,
        args: argparse.Namespace,
        country: str | None = None,
    ) -> None:
        self.io = io
        self.country = country
        self.voice: Voice = "with_someone" if ephemeral else "on_my_own"
        self.store = store
        self.args = args
        self.state = Handover(ephemeral)

    def what_was_kept(self) -> str:
        return self.state.what_was_kept()

    def run(self) -> None:
        io = self.io
        while True:
            io.blank()
            choice = io.choose(
                "What would you like to do with your plan now?",
                self.state.options(),
                commands=HELP_WORDS,
            )
            if isinstance(choice, Command):
                self.show_help()
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

    def show_help(self) -> None:
        """``crisis`` or ``help`` at the handover: crisis lines and the person's people."""
        from safeplan.core.guide.help import help_lines

        self.io.blank()
        for line in help_lines(self.store.payload, self.voice, self.country, self.io.width):
            self.io.stdout.write(line + "\n")

    def render(self, fmt: Format) -> str:
        from safeplan.core.export import render

        return render(fmt, self.store.payload, country=self.country)

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
        from safeplan.core.paths import resolve_vault_path

        io = self.io
        fmt = io.choose("Which kind of copy?", COPY_KINDS)
        if isinstance(fmt, Command):
            return
        io.say(words.NOT_ENCRYPTED)
        answer = io.ask("Where should the file go? Type the full path, or press Enter to go back.")
        if isinstance(answer, Command) or not answer:
            return
        try:
            path = self.state.copy_target(answer, ".md" if fmt == "markdown" else ".txt")
            if not io.confirm(f"Write your plan, not encrypted, to {path}?"):
                io.say("Nothing was written.")
                return
            vault = resolve_vault_path(getattr(self.args, "vault", None))
            self.state.write_copy(path, self.render(fmt), vault)
        except errors.SafeplanError as exc:
            io.say(f"{exc.message} {exc.hint}".strip())
            return
        io.say(f"Your plan was written to:\n{path}")

    def save_vault(self) -> None:
        from safeplan.cli.formatting import RECOVERY_ADVICE

        io = self.io
        io.blank()
        io.say(words.NEW_VAULT_NOTE)
        answer = io.ask(
            "Where should the vault be saved? Type the full path of a new file, or of a folder, "
            "for example on a USB stick. Press Enter to go back."
        )
        if not isinstance(answer, str) or not answer:
            return
        try:
            path = self.state.vault_target(answer)
        except AnswerNotKept as exc:
            io.say(f"{exc.message} {exc.hint}".strip())
            return
        passphrase = self.new_passphrase()
        if passphrase is None:
            return
        io.say(words.CREATING)
        try:
            code = self.state.make_vault(path, passphrase, self.store.payload)
        except errors.SafeplanError as exc:
            io.say(exc.message, exc.hint)
            return
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
        for attempt in range(3):
            if reader.source is not None:
                return reader.read("New passphrase: ")
            first = io.secret(
                "Choose a passphrase for the new vault. A few ordinary words work well. Nobody "
                "can reset it; the recovery code shown next is the only other way in."
            )
            problem = passphrase_problem(first)
            if problem is None:
                second = io.secret("Type the same passphrase again, to be sure.")
                problem = passphrase_problem(first, second)
                if problem is None:
                    return first
            io.say(problem + (" Let's try once more." if attempt < 2 else ""))
        io.say("No vault was made. You can choose this again from the list.")
        return None

    def finish(self) -> bool:
        if self.state.needs_let_go_question() and not self.io.confirm(words.LET_GO_QUESTION):
            return False
        self.io.say(self.state.finished_words())
        return True
