"""Print or export: the plan as printable text, a wallet card, Markdown, or the whole vault as JSON.

The preview shows exactly what will be written (the same renderer as ``safeplan export``). Saving a
file asks first and says once that the file is not encrypted, never replaces a file without a second
clear answer, and writes it readable by its owner only (0600) from a thread worker. Printing goes to
``lp`` or ``lpr`` on standard input, also from a thread worker. See docs/export.md.
"""

from __future__ import annotations

from datetime import date
from functools import cache
from pathlib import Path

from textual import on, work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, RadioButton, RadioSet, Static, TextArea

from safeplan.core.models import STEP_ORDER, VaultPayload
from safeplan.core.sections import items_in
from safeplan.tui import help_source
from safeplan.tui.screens.base import SafeplanScreen
from safeplan.tui.screens.confirm import ConfirmDialog
from safeplan.tui.widgets.fields import TextField
from safeplan.tui.widgets.footer import KeysFooter

FORMATS: tuple[str, ...] = ("text", "card", "markdown", "json")
LABELS = {
    "text": "Printable text",
    "card": "Wallet card",
    "markdown": "Markdown",
    "json": "Everything (JSON)",
}
FILE_NAMES = {
    "text": "safety-plan.txt",
    "card": "safety-plan-card.txt",
    "markdown": "safety-plan.md",
    "json": "safety-plan.json",
}
PRINTABLE = ("text", "card")
TEXT_WIDTH = 80
PAGE_BREAK = "(a new page starts here)\n"
PREVIEW_LINES = 5000

EVERYTHING = (
    "This holds everything in your vault, not only your plan: every earlier version, your "
    "check-ins, the use log, self-checks and settings."
)
NO_PRINTER = (
    "There is no printing system on this computer (neither lp nor lpr was found). Nothing was "
    "printed. You can save a copy as a file instead and print it from another program."
)


def describe(fmt: str, place: str | None) -> str:
    if fmt == "text":
        if place is None:
            return (
                "One page of plain text to print or keep, with where to find crisis help at the "
                "end (choose your country in Settings to add its crisis lines)."
            )
        return f"One page of plain text to print or keep, with crisis lines for {place} at the end."
    if fmt == "card":
        return "A small card, 40 columns wide, for a wallet or a phone case."
    if fmt == "markdown":
        return "The printable text as Markdown, for notes apps and documents."
    return f"{EVERYTHING} safeplan can read it back (safeplan import)."


@cache
def _sample_ids() -> frozenset[str]:
    """The ids of the sample plan's items (they do not depend on the day it is built for)."""
    from safeplan.core.demo import demo_payload

    plan = demo_payload(date(2026, 1, 1)).plan
    return frozenset(item.id for step in STEP_ORDER for item in items_in(plan, step))


def is_sample(payload: VaultPayload) -> bool:
    """True when the plan is the sample plan of ``safeplan --demo``."""
    ids = {item.id for step in STEP_ORDER for item in items_in(payload.plan, step)}
    return bool(ids) and bool(ids & _sample_ids())


def shown(path: Path) -> str:
    """A path as a person would type it: ``~/…`` inside their home folder."""
    home = Path("~").expanduser()
    try:
        return f"~/{path.relative_to(home).as_posix()}"
    except ValueError:
        return str(path)


def suggested_path(fmt: str, vault_folder: Path | None) -> str:
    """Where to save by default: the home folder (or Documents), never the vault's own folder."""
    home = Path("~").expanduser()
    avoid = vault_folder.resolve() if vault_folder is not None else None
    for folder in (home, home / "Documents"):
        if folder.is_dir() and folder.resolve() != avoid:
            return shown(folder / FILE_NAMES[fmt])
    return ""


class FormatButton(RadioButton):
    """A radio button that shows which one is chosen without colour too: ● chosen, ○ not."""

    def __init__(self, label: str, *, value: bool, id: str) -> None:  # noqa: A002 - Textual's name
        super().__init__(label, value, id=id)
        self.BUTTON_INNER = "●" if value else "○"

    def watch_value(self) -> None:
        super().watch_value()
        self.BUTTON_INNER = "●" if self.value else "○"
        self.refresh(layout=True)


class FormatChoice(RadioSet):
    """The formats side by side. The arrows choose at once, like tabs; enter or space never leave
    nothing chosen."""

    def action_next_button(self) -> None:
        super().action_next_button()
        self._press_highlighted()

    def action_previous_button(self) -> None:
        super().action_previous_button()
        self._press_highlighted()

    def action_toggle_button(self) -> None:
        self._press_highlighted()

    def _press_highlighted(self) -> None:
        index = self._selected
        if index is None:
            return
        button = self.children[index]
        if isinstance(button, RadioButton) and not button.value:
            button.value = True


class ExportScreen(SafeplanScreen[None]):
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
        layout: horizontal;
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
        Binding("1", "choose(0)", "Format", key_display="1-4", id="export-format"),
        *(Binding(str(n), f"choose({n - 1})", show=False) for n in range(2, len(FORMATS) + 1)),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.fmt = "text"
        self.rendered: dict[str, str] = {}
        self.busy = False
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
                yield TextField(
                    placeholder="a file name, such as ~/safety-plan.txt", id="export-path"
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

    def say(self, message: str) -> None:
        self.query_one("#export-status", Static).update(message)

    def render_export(self, fmt: str) -> str:
        """The export exactly as it would be written, rendered once per format while shown."""
        if fmt not in self.rendered:
            from safeplan.core.export import render

            self.rendered[fmt] = render(
                fmt,
                self.session.payload,
                width=TEXT_WIDTH,
                today=self.session.today(),
                country=self.session.country(),
            )
        return self.rendered[fmt]

    def note_text(self) -> str:
        country = self.session.country()
        note = describe(self.fmt, help_source.place(country) if country else None)
        if not self.session.persistent:
            if is_sample(self.session.payload):
                note += " This is the sample plan (--demo), not yours."
            else:
                note += (
                    " Your plan is held in memory only; a file saved here stays on this computer "
                    "until it is deleted."
                )
        if self.fmt not in PRINTABLE:
            note += " To print, choose printable text or the wallet card."
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

    # --- saving a file ----------------------------------------------------------------------------

    def target_path(self) -> tuple[Path | None, str]:
        """Where the file goes, or why it cannot go there (in words for the person)."""
        typed = self.query_one("#export-path", TextField).value.strip()
        if not typed:
            return None, (
                f"Type where to save the file first, for example ~/{FILE_NAMES[self.fmt]}."
            )
        path = Path(typed).expanduser()
        if not path.is_absolute():
            path = Path.cwd() / path
        if path.is_dir():
            path = path / FILE_NAMES[self.fmt]
        if not path.parent.is_dir():
            return None, (
                f"There is no folder {path.parent}. Nothing was saved. Check the path, or "
                "choose another folder."
            )
        from safeplan.core.private_files import is_protected

        if is_protected(path, [self.session.vault_path]):
            return None, (
                f"{path} belongs to a safeplan vault, so safeplan will not write over it. "
                "Nothing was saved. Choose another name."
            )
        return path, ""

    def action_save(self) -> None:
        if self.busy:
            self.say("Still busy with the last one. A moment, please.")
            return
        path, problem = self.target_path()
        if path is None:
            self.say(problem)
            self.query_one("#export-path", TextField).focus()
            return
        text = self.render_export(self.fmt)
        fmt = self.fmt
        detail = (
            f"{path}\n\nThis file will NOT be encrypted: anyone who can open that folder can "
            "read it."
        )
        if fmt == "json":
            detail += f"\n\n{EVERYTHING}"
        self.app.push_screen(
            ConfirmDialog(
                f"Save your {LABELS[fmt].lower()} as a file?",
                detail,
                [("cancel", "Don't save"), ("save", "Save it")],
            ),
            lambda answer: self._confirmed(answer, path, text),
        )

    def _confirmed(self, answer: str | None, path: Path, text: str) -> None:
        if answer != "save":
            self.say("Nothing was saved.")
            return
        if path.exists() or path.is_symlink():
            self.app.push_screen(
                ConfirmDialog(
                    "There is already a file with that name",
                    f"{path}\n\nReplace it? What is in that file now would be gone.",
                    [("keep", "Keep that file"), ("replace", "Replace it")],
                ),
                lambda answer: self._replace_answered(answer, path, text),
            )
            return
        self.start_write(path, text, replace=False)

    def _replace_answered(self, answer: str | None, path: Path, text: str) -> None:
        if answer != "replace":
            self.say("Nothing was saved, and that file is unchanged. You can type another name.")
            self.query_one("#export-path", TextField).focus()
            return
        self.start_write(path, text, replace=True)

    def start_write(self, path: Path, text: str, *, replace: bool) -> None:
        self.busy = True
        self.say("Saving…")
        self._write(self.app, path, text, replace, [self.session.vault_path])

    @work(thread=True, exclusive=True, exit_on_error=False, group="export-write")
    def _write(
        self, app: App[object], path: Path, text: str, replace: bool, vaults: list[Path | None]
    ) -> None:
        # ``app`` comes from the UI thread: a screen closed meanwhile can no longer reach it.
        from safeplan.core.errors import SafeplanError
        from safeplan.core.private_files import write_private_file

        try:
            write_private_file(path, text, replace=replace, vaults=vaults)
        except FileExistsError:
            ok = False
            message = (
                f"A file named {path} appeared just now, so nothing was saved. Save again to "
                "choose what to do with it."
            )
        except SafeplanError as exc:
            ok = False
            message = f"{exc.message} {exc.hint}"
        except OSError as exc:
            ok = False
            message = (
                f"{path} could not be saved ({exc.strerror or 'the system refused'}). "
                + ("The file that had that name is unchanged. " if replace else "")
                + "Check that you can write to that folder and that there is space, then try "
                "again, or choose another folder."
            )
        except Exception:  # noqa: BLE001 - a calm sentence, never a traceback
            ok = False
            message = "The file could not be saved. Please try again, or choose another folder."
        else:
            ok = True
            message = (
                f"Saved to {shown(path)}. It is not encrypted: keep it somewhere you choose, and "
                "delete it when you no longer need it."
            )
        app.call_from_thread(self._finished, message, ok)

    # --- printing ---------------------------------------------------------------------------------

    def action_print(self) -> None:
        from safeplan.core.export.printing import print_command

        if self.fmt not in PRINTABLE:
            self.say("To print, choose printable text or the wallet card first.")
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
        self._print(self.app, text)

    @work(thread=True, exclusive=True, exit_on_error=False, group="export-print")
    def _print(self, app: App[object], text: str) -> None:
        from safeplan.core.export.printing import NO_PRINTER as CORE_NO_PRINTER
        from safeplan.core.export.printing import send_to_printer

        try:
            ok, message = send_to_printer(text)
        except Exception:  # noqa: BLE001 - a calm sentence, never a traceback
            ok, message = False, "The plan could not be printed. Nothing was printed."
        if message == CORE_NO_PRINTER:
            message = NO_PRINTER
        app.call_from_thread(self._finished, message.replace("`", ""), ok)

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
