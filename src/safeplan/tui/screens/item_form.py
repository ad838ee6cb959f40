"""Add or change one entry of the plan: one box per field, enter moves on, the last enter keeps it."""

from __future__ import annotations

from collections.abc import Callable

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Horizontal, VerticalScroll
from textual.widgets import Button, Input, Static

from safeplan.core.models import Item
from safeplan.tui.plan_fields import EntryKind
from safeplan.tui.screens.base import SafeplanModal
from safeplan.tui.screens.confirm import ConfirmDialog
from safeplan.tui.widgets.fields import TextField
from safeplan.tui.widgets.footer import KeysFooter

Commit = Callable[[EntryKind, Item | None, dict[str, str]], str | None]
"""Keeps the values; returns None when kept, or a calm message saying what to change."""


class ItemForm(SafeplanModal[None]):
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="form-cancel")]

    def __init__(self, kind: EntryKind, item: Item | None, on_commit: Commit) -> None:
        super().__init__()
        self.kind = kind
        self.item = item
        self.on_commit = on_commit
        self.original = {
            f.name: str(getattr(item, f.name, "")) if item else "" for f in kind.fields
        }
        self.done = False

    def compose(self) -> ComposeResult:
        title = f"Change {self.kind.one}" if self.item else f"Add {self.kind.one}"
        with VerticalScroll(classes="dialog", id="item-form"):
            yield Static(title, classes="section-title")
            with Grid(id="form-grid"):
                for field in self.kind.fields:
                    yield Static(field.label, classes="field-label")
                    yield TextField(self.original[field.name], id=f"field-{field.name}")
            yield Static("", id="form-status", classes="status", markup=False)
            with Horizontal(classes="button-row"):
                yield Button("Keep it", id="form-save", variant="primary")
                yield Button("Cancel", id="form-cancel-button")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.query_one(f"#field-{self.kind.main.name}", TextField).focus()

    def values(self) -> dict[str, str]:
        return {
            f.name: self.query_one(f"#field-{f.name}", TextField).value for f in self.kind.fields
        }

    @property
    def dirty(self) -> bool:
        return not self.done and self.values() != self.original

    @on(TextField.Submitted)
    def _next(self, event: TextField.Submitted) -> None:
        if self.done:
            return
        fields: list[Input] = list(self.query(TextField))
        index = fields.index(event.input)
        if index + 1 < len(fields):
            fields[index + 1].focus()
        else:
            self._save()

    @on(Button.Pressed, "#form-save")
    def _save(self) -> None:
        if self.done:  # an enter typed ahead after the entry was already kept
            return
        problem = self.on_commit(self.kind, self.item, self.values())
        if problem:
            self.query_one("#form-status", Static).update(problem)
            return
        self.done = True
        self.dismiss(None)

    @on(Button.Pressed, "#form-cancel-button")
    def _cancel_pressed(self) -> None:
        self.action_cancel()

    def action_cancel(self) -> None:
        if not self.dirty:
            self.dismiss(None)
            return
        self.app.push_screen(
            ConfirmDialog(
                "Keep what you typed?",
                "",
                [("keep", "Keep it"), ("discard", "Throw it away"), ("back", "Keep writing")],
            ),
            self._after_cancel,
        )

    def _after_cancel(self, answer: str | None) -> None:
        if answer == "keep":
            self._save()
        elif answer == "discard":
            self.done = True
            self.dismiss(None)

    def commit_draft(self) -> None:
        """Quitting or locking with words typed here: keep them if they can be kept."""
        if self.dirty and self.on_commit(self.kind, self.item, self.values()) is None:
            self.done = True
