"""Print or export: the plan as printable text, a wallet card, Markdown, or the whole vault as JSON.

The preview shows exactly what will be written (the same renderer as ``safeplan export``). Saving a
file asks first and says once that the file is not encrypted, never replaces a file without a second
clear answer, and writes it readable by its owner only (0600) from a thread worker. Printing goes to
``lp`` or ``lpr`` on standard input, also from a thread worker. See docs/export.md.

This module is the screen and its preview; the formats are in ``export_choices``, saving in
``export_saving`` and printing in ``export_printing``.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, RadioButton, RadioSet, Static, TextArea

from safeplan.tui import help_source
from safeplan.tui.screens.export_choices import (
    FORMATS,
    LABELS,
    PAGE_BREAK,
    PREVIEW_LINES,
    PRINTABLE,
    FormatButton,
    FormatChoice,
    describe,
    is_sample,
    suggested_path,
)
from safeplan.tui.screens.export_printing import ExportPrinting
from safeplan.tui.screens.export_saving import ExportSaving
from safeplan.tui.widgets.fields import TextField
from safeplan.tui.widgets.footer import KeysFooter

__all__ = ["PAGE_BREAK", "PREVIEW_LINES", "ExportScreen"]


class ExportScreen(ExportSaving, ExportPrinting):
    DEFAULT_CSS = """
    #export-body {
        height: 1fr;
    }
    #export-body > Static, #export-formats, #export-actions {
        padding: 0 1;
    }
    #export-title {
        text-style: bold;
        color: $primary;
        margin: 0 0 1 0;
    }
    #export-formats {
        layout: grid;
        grid-size: 3;
        grid-columns: 1fr;
        grid-rows: 1;
        border: none;
        height: auto;
        width: 100%;
    }
    #export-formats RadioButton {
        width: auto;
        margin: 0 1 0 0;
    }
    #export-note, #export-where {
        color: $text-muted;
        height: auto;
    }
    #export-preview {
        height: 1fr;
        padding: 0;
        background: $surface;
        scrollbar-visibility: hidden;
    }
    #export-preview:focus {
        background: $boost;
    }
    #export-actions {
        height: 1;
        margin: 1 0 0 0;
    }
    #export-actions .export-label {
        width: auto;
        padding: 0 1 0 0;
    }
    #export-path {
        width: 1fr;
        max-width: 44;
    }
    #export-actions Button {
        margin: 0 0 0 1;
        min-width: 8;
    }
    #export-status {
        height: auto;
        min-height: 1;
    }
    """

    BINDINGS = [
        Binding("escape", "back", "Home", id="export-home"),
        Binding("ctrl+s", "save", "Save to file", id="export-save"),
        Binding("p", "print", "Print", id="export-print"),
        Binding("1", "choose(0)", "Format", key_display=f"1-{len(FORMATS)}", id="export-format"),
        *(Binding(str(n), f"choose({n - 1})", show=False) for n in range(2, len(FORMATS) + 1)),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._suggested = ""
        self._country: str | None = None
        self._lines = 0
        self._widest = 0

    # --- what is on screen ------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        with Vertical(id="export-body"):
            yield Static("Print or save a copy of your plan", id="export-title")
            with FormatChoice(id="export-formats"):
                for number, fmt in enumerate(FORMATS):
                    yield FormatButton(LABELS[fmt], value=number == 0, id=f"format-{fmt}")
            yield Static(id="export-note", markup=False)
            yield Static(id="export-where", markup=False)
            yield TextArea(
                id="export-preview",
                read_only=True,
                show_cursor=False,
                soft_wrap=False,
                compact=True,
                highlight_cursor_line=False,
            )
            with Horizontal(id="export-actions"):
                yield Static("Save to", classes="export-label")
                # Not selected on focus: a key pressed there (such as 4, meant for the formats)
                # adds to the path instead of replacing all of it.
                yield TextField(
                    placeholder="a file name, such as ~/safety-plan.txt",
                    id="export-path",
                    select_on_focus=False,
                )
                yield Button("Save", id="export-save-button", compact=True, variant="primary")
                yield Button("Print", id="export-print-button", compact=True)
                yield Button("Home", id="export-home-button", compact=True)
            yield Static(id="export-status", markup=False)
        yield KeysFooter()

    def on_mount(self) -> None:
        preview = self.query_one("#export-preview", TextArea)
        self.watch(preview, "scroll_y", self.show_where, init=False)
        self.show_format()
        self.query_one("#export-formats", RadioSet).focus()

    def on_resize(self) -> None:
        self.call_after_refresh(self.show_where)

    def show_where(self) -> None:
        """Which lines of the preview are in view, and how to move it (its scrollbars are hidden,
        so an 80-column page fits an 80-column terminal)."""
        preview = self.query_one("#export-preview", TextArea)
        total = self._lines
        height = max(1, preview.content_size.height)
        first = min(total, int(preview.scroll_y) + 1)
        last = min(total, int(preview.scroll_y) + height)
        keys = "↑↓ PgUp PgDn" if total > height else ""
        if self._widest > preview.content_size.width:
            keys = f"{keys} ←→".strip()
        move = f" (tab to it, then {keys})" if keys else ""
        self.query_one("#export-where", Static).update(
            f"What will be written, lines {first}-{last} of {total}{move}"
        )

    def on_screen_resume(self) -> None:
        # The country may have been changed on the help screen: then render again.
        if self.session.country() != self._country:
            self.rendered.clear()
            self.show_format()

    def note_text(self) -> str:
        country = self.session.country()
        note = describe(self.fmt, help_source.place(country) if country else None)
        if country and self.fmt != "json" and self.session.country_is_a_guess():
            note += (
                " That country is a guess from your language settings: ctrl+g, then c, changes it."
            )
        if not self.session.persistent:
            if is_sample(self.session.payload):
                note += " This is the sample plan (--demo), not yours."
            else:
                note += (
                    " Your plan is held in memory only; a file saved here stays on this computer "
                    "until it is deleted."
                )
        if self.fmt not in PRINTABLE:
            note += " To print, choose the printable text, a card or the hope box."
        return note

    def show_format(self) -> None:
        self._country = self.session.country()
        text = self.render_export(self.fmt)
        preview = self.query_one("#export-preview", TextArea)
        lines = text.replace("\f", PAGE_BREAK).splitlines()
        self._lines = len(lines)
        if len(lines) > PREVIEW_LINES:
            # A long JSON export: show its start (a whole vault would freeze the screen).
            rest = len(lines) - PREVIEW_LINES
            lines = [*lines[:PREVIEW_LINES], f"(and {rest:,} more lines: the file holds them all)"]
        preview.load_text("\n".join(lines) + "\n")
        self._widest = max((len(line) for line in lines), default=0)
        preview.scroll_home(animate=False)
        self.call_after_refresh(self.show_where)
        self.query_one("#export-note", Static).update(self.note_text())
        path_field = self.query_one("#export-path", TextField)
        vault = self.session.store.path if self.session.store is not None else None
        vault = vault or self.session.vault_path
        suggestion = suggested_path(self.fmt, vault.parent if vault is not None else None)
        if path_field.value in ("", self._suggested):
            path_field.value = suggestion
        self._suggested = suggestion
        self.query_one("#export-print-button", Button).disabled = self.fmt not in PRINTABLE
        self.refresh_bindings()

    @on(RadioSet.Changed, "#export-formats")
    def _format_changed(self, event: RadioSet.Changed) -> None:
        fmt = FORMATS[event.index]
        if fmt != self.fmt:
            self.fmt = fmt
            self.show_format()

    def action_choose(self, index: int) -> None:
        button = self.query_one(f"#format-{FORMATS[index]}", RadioButton)
        if not button.value:
            button.value = True  # RadioSet then posts Changed

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        typing = isinstance(self.focused, TextField)
        if action == "choose" and typing:
            return False
        if action == "print":
            if typing:
                return False
            return self.fmt in PRINTABLE
        return True

    @on(TextField.Submitted, "#export-path")
    def _path_submitted(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#export-save-button")
    def _save_pressed(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#export-print-button")
    def _print_pressed(self) -> None:
        self.action_print()

    @on(Button.Pressed, "#export-home-button")
    def _home_pressed(self) -> None:
        self.action_back()

    def action_back(self) -> None:
        self.dismiss(None)
