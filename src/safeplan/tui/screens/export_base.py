"""Print or export, what the saving and printing parts share: the format in front, the rendered
text of each format (the same renderer as ``safeplan export``), whether a write or a print is
still running, and the status line that says how it went."""

from __future__ import annotations

from textual.widgets import Static

from safeplan.tui.screens.base import SafeplanScreen
from safeplan.tui.screens.export_choices import TEXT_WIDTH


class ExportBase(SafeplanScreen[None]):
    """The state of the Print or export screen that its saving and printing parts use."""

    def __init__(self) -> None:
        super().__init__()
        self.fmt = "text"
        self.rendered: dict[str, str] = {}
        self.busy = False

    def say(self, message: str) -> None:
        self.query_one("#export-status", Static).update(message)

    def render_export(self, fmt: str) -> str:
        """The export exactly as it would be written, rendered once per format while shown."""
        if fmt not in self.rendered:
            self.rendered[fmt] = self._text_of(fmt)
        return self.rendered[fmt]

    def _text_of(self, fmt: str) -> str:
        """The same text as ``safeplan export``, ``safeplan overdose -o`` or ``hope show -o``."""
        country = self.session.country()
        if fmt == "overdose":
            from safeplan.core.overdose import card_text

            return card_text(country)
        if fmt == "hope":
            from safeplan.core.hope import hope_lines
            from safeplan.core.wrapping import wrap_words

            lines: list[str] = []
            for line in hope_lines(self.session.payload):
                bullet = line.startswith("- ")
                text = line[2:] if bullet else line
                first, rest = ("- ", "  ") if bullet else ("", "")
                lines += wrap_words(text, TEXT_WIDTH, first, rest) if line else [""]
            return "\n".join(lines) + "\n"
        from safeplan.core.export import render

        return render(
            fmt,
            self.session.payload,
            width=TEXT_WIDTH,
            today=self.session.today(),
            country=country,
        )

    def _finished(self, message: str, ok: bool) -> None:
        self.busy = False
        if self.is_attached:
            self.say(message)
        elif self.sp.session.unlocked:
            # The screen was closed meanwhile: say only whether it worked, with no path or words
            # that someone else at the screen could read. (Hidden and locked: say nothing.)
            self.app.notify(
                "Done: your copy is ready."
                if ok
                else "Your copy did not work out. You can try again.",
                severity="information" if ok else "warning",
            )
