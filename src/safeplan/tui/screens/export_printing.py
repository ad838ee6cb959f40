"""Print or export, printing: only the printable formats, a question first (paper can be read by
anyone who picks it up), then ``lp`` or ``lpr`` on standard input in a thread worker."""

from __future__ import annotations

from textual import work
from textual.app import App

from safeplan.tui.screens.confirm import ConfirmDialog
from safeplan.tui.screens.export_base import ExportBase
from safeplan.tui.screens.export_choices import LABELS, NO_PRINTER, PRINTABLE

# How each printable format is named when it reaches the printer.
PRINTED_AS = {
    "text": "Your plan",
    "card": "Your wallet card",
    "overdose": "The overdose card",
    "hope": "Your hope box",
}


class ExportPrinting(ExportBase):
    """The printing part of the Print or export screen."""

    def action_print(self) -> None:
        from safeplan.core.export.printing import print_command

        if self.fmt not in PRINTABLE:
            self.say("To print, choose the printable text, a card or the hope box first.")
            return
        if self.busy:
            self.say("Still busy with the last one. A moment, please.")
            return
        if print_command() is None:
            self.say(NO_PRINTER)
            return
        text = self.render_export(self.fmt)
        self.app.push_screen(
            ConfirmDialog(
                f"Print your {LABELS[self.fmt].lower()}?",
                "It goes to this computer's default printer, on paper that anyone who picks it up "
                "can read.",
                [("cancel", "Don't print"), ("print", "Print it")],
            ),
            lambda answer: self._print_answered(answer, text),
        )

    def _print_answered(self, answer: str | None, text: str) -> None:
        if answer != "print":
            self.say("Nothing was printed.")
            return
        self.busy = True
        self.say("Sending it to the printer…")
        self._print(self.app, text, PRINTED_AS.get(self.fmt, "Your plan"))

    @work(thread=True, exclusive=True, exit_on_error=False, group="export-print")
    def _print(self, app: App[object], text: str, what: str) -> None:
        from safeplan.core.export.printing import NO_PRINTER as CORE_NO_PRINTER
        from safeplan.core.export.printing import send_to_printer

        try:
            ok, message = send_to_printer(text, what=what)
        except Exception:  # noqa: BLE001 - a calm sentence, never a traceback
            ok, message = False, f"{what} could not be printed. Nothing was printed."
        if message == CORE_NO_PRINTER:
            message = NO_PRINTER
        app.call_from_thread(self._finished, message.replace("`", ""), ok)
