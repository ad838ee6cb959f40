"""Print or export, saving a file: where it goes (never over a vault), a question first that says
the file is not encrypted, a second clear answer before replacing a file, and the write itself in a
thread worker, readable by its owner only (0600)."""

from __future__ import annotations

from pathlib import Path

from textual import work
from textual.app import App

from safeplan.tui.screens.confirm import ConfirmDialog
from safeplan.tui.screens.export_base import ExportBase
from safeplan.tui.screens.export_choices import EVERYTHING, FILE_NAMES, LABELS, shown
from safeplan.tui.widgets.fields import TextField


class ExportSaving(ExportBase):
    """The saving part of the Print or export screen."""

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
