"""The guided session's last page: show, print or copy the plan, save it into a new vault (in a
session not saved on this computer), or let it go. The choices and their rules come from
:mod:`safeplan.core.guide.handover`; this panel only asks and shows. Printing and making a vault
run off the UI thread."""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import TYPE_CHECKING, cast

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.css.query import NoMatches
from textual.message import Message
from textual.widgets import Button, Static

from safeplan.core.errors import SafeplanError
from safeplan.core.guide import handover as words
from safeplan.core.guide.handover import Handover, passphrase_problem
from safeplan.core.models import VaultPayload
from safeplan.tui import menu
from safeplan.tui.widgets.fields import TextField

if TYPE_CHECKING:
    from safeplan.tui.app import SafeplanApp

EXPORT_TARGET = "safeplan.tui.screens.export:ExportScreen"


class HandoverPanel(Vertical):
    """What to do with the written plan. Posts :class:`HandoverPanel.Finished` when done."""

    class Finished(Message):
        """The person chose to finish (and, if asked, to let the plan go)."""

    class Say(Message):
        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text

    def __init__(
        self,
        state: Handover,
        payload: VaultPayload,
        country: str | None,
        *,
        stopped_early: bool = False,
    ) -> None:
        super().__init__(id="handover")
        self.state = state
        self.payload = payload
        self.country = country
        self.stopped_early = stopped_early
        self._confirm_let_go = False

    def compose(self) -> ComposeResult:
        yield Static(self.state.intro(stopped_early=self.stopped_early), markup=False)
        with Horizontal(classes="button-row"):
            yield Button("Show the plan", id="show-plan")
            yield Button("Print on paper", id="print-plan")
            if menu.available(EXPORT_TARGET):
                yield Button("Save a copy as a file", id="export-plan")
        yield Static("", id="plan-text", markup=False)
        if self.state.ephemeral:
            yield Static("Save into a new vault", classes="section-title")
            yield Static(
                f"{words.NEW_VAULT_NOTE} Type the full path of a new file, or of a folder, for "
                "example on a USB stick. Enter moves to the next box.",
                classes="label",
            )
            yield TextField(placeholder="where to save the vault", id="vault-path")
            yield TextField(password=True, placeholder="a passphrase", id="vault-pass")
            yield TextField(password=True, placeholder="the same again", id="vault-pass2")
            yield Button("Create the vault", id="create-vault")
            yield Static("", id="recovery", classes="recovery-code", markup=False)
            yield Static(words.KEEP_CODE, id="recovery-note", markup=False)
        with Horizontal(classes="button-row"):
            yield Button(self.finish_label(), id="finish", variant="primary")

    def finish_label(self) -> str:
        return "Finish and let it go" if self.state.needs_let_go_question() else "Finish"

    def say(self, text: str) -> None:
        self.post_message(self.Say(text))

    def render_text(self) -> str:
        from safeplan.core.export import render

        return render("text", self.payload, country=self.country)

    def _value(self, wid: str) -> str:
        return self.query_one(f"#{wid}", TextField).value

    @on(TextField.Submitted, "#vault-path, #vault-pass")
    def _next_box(self, event: TextField.Submitted) -> None:
        event.stop()
        self.query_one("#vault-pass2" if event.input.id == "vault-pass" else "#vault-pass").focus()

    @on(TextField.Submitted, "#vault-pass2")
    def _create_on_enter(self, event: TextField.Submitted) -> None:
        event.stop()
        self.create_vault()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        wid = event.button.id or ""
        event.stop()
        if wid == "show-plan":
            shown = self.query_one("#plan-text", Static)
            shown.update(self.render_text().replace("\f", "\n"))
            shown.display = True
            self.call_after_refresh(shown.scroll_visible, top=True, animate=False)
        elif wid == "print-plan":
            self.say("Sending your plan to the printer…")
            self._print(self.render_text())
        elif wid == "export-plan":
            cast("SafeplanApp", self.app).open_screen(EXPORT_TARGET)
        elif wid == "create-vault":
            self.create_vault()
        elif wid == "finish":
            self.finish()

    def finish(self) -> None:
        if self.state.needs_let_go_question() and not self._confirm_let_go:
            self._confirm_let_go = True
            self.query_one("#finish", Button).label = "Yes, let it go"
            self.say(f"{words.LET_GO_QUESTION} Choose Yes, let it go, to finish.")
            return
        self.post_message(self.Finished())

    @work(thread=True, exclusive=True, exit_on_error=False, group="guide-print")
    def _print(self, text: str) -> None:
        from safeplan.core.export.printing import send_to_printer

        try:
            _, message = send_to_printer(text)
        except Exception:  # noqa: BLE001 - a calm sentence, never a traceback
            message = "The plan could not be printed. Nothing was printed."
        self.app.call_from_thread(self.say, message.replace("`", ""))

    def create_vault(self) -> None:
        try:
            path = self.state.vault_target(self._value("vault-path"))
        except SafeplanError as exc:
            self.say(f"{exc.message} {exc.hint}".strip())
            return
        first, second = self._value("vault-pass"), self._value("vault-pass2")
        problem = passphrase_problem(first, second)
        if problem is not None:
            self.say(problem)
            return
        self.say(words.CREATING)
        self.query_one("#create-vault", Button).disabled = True
        self._create_vault(path, first)

    @work(thread=True, exclusive=True, exit_on_error=False, group="guide-vault")
    def _create_vault(self, path: Path, passphrase: str) -> None:
        try:
            code = self.state.make_vault(path, passphrase, self.payload)
        except SafeplanError as exc:
            self.app.call_from_thread(self._vault_failed, f"{exc.message} {exc.hint}")
            return
        except Exception:  # noqa: BLE001 - a calm sentence, never a traceback
            self.app.call_from_thread(
                self._vault_failed,
                "The vault could not be written there. Check that you can write to that folder.",
            )
            return
        self.app.call_from_thread(self._vault_made, path, code)

    def _vault_failed(self, message: str) -> None:
        self.say(message)
        with contextlib.suppress(NoMatches):
            self.query_one("#create-vault", Button).disabled = False

    def _vault_made(self, path: Path, code: str) -> None:
        for wid in ("vault-pass", "vault-pass2"):
            self.query_one(f"#{wid}", TextField).value = ""
        recovery = self.query_one("#recovery", Static)
        recovery.update(code)
        recovery.display = True
        note = self.query_one("#recovery-note", Static)
        note.display = True
        finish = self.query_one("#finish", Button)
        finish.label = self.finish_label()
        finish.focus(scroll_visible=False)
        # The code at the top of the view, its note under it, whatever the status line does.
        self.call_after_refresh(recovery.scroll_visible, top=True, animate=False)
        self.say(f"The plan is saved in a new vault at {path}.")
