"""Add or change one entry of the plan: one box per field, enter moves on, the last enter keeps it."""

from __future__ import annotations

from collections.abc import Callable

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Horizontal, VerticalScroll
from textual.widgets import Button, Input, Select, Static

from safeplan.core.models import Item
from safeplan.core.moment.links import TOOL_LABELS
from safeplan.tui.plan_fields import EntryKind
from safeplan.tui.screens.base import SafeplanModal
from safeplan.tui.screens.confirm import ConfirmDialog
from safeplan.tui.widgets.fields import TextField
from safeplan.tui.widgets.footer import KeysFooter

Commit = Callable[[EntryKind, Item | None, dict[str, str]], str | None]
"""Keeps the values; returns None when kept, or a calm message saying what to change."""

TOOL = "tool"
"""The coping form's extra value: the tool this step starts ("" for none), as
``safeplan tools link N TOOL`` sets it. Kept beside the words, never in them."""
LINKS_TOOLS = "coping"
"""The one kind of entry that can start a tool (things I can do on my own)."""


class ItemForm(SafeplanModal[None]):
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="form-cancel")]

    def __init__(
        self, kind: EntryKind, item: Item | None, on_commit: Commit, *, tool: str = ""
    ) -> None:
        super().__init__()
        self.kind = kind
        self.item = item
        self.on_commit = on_commit
        self.original = {
            f.name: str(getattr(item, f.name, "")) if item else "" for f in kind.fields
        }
        if kind.plan_field == LINKS_TOOLS:
            self.original[TOOL] = tool
        self.done = False

    def compose(self) -> ComposeResult:
        title = f"Change {self.kind.one}" if self.item else f"Add {self.kind.one}"
        with VerticalScroll(classes="dialog", id="item-form"):
            yield Static(title, classes="section-title")
            with Grid(id="form-grid"):
                for field in self.kind.fields:
                    yield Static(field.label, classes="field-label")
                    yield TextField(self.original[field.name], id=f"field-{field.name}")
                if TOOL in self.original:
                    yield Static("Tool to offer", classes="field-label")
                    yield Select(
                        [(label, name) for name, label in TOOL_LABELS.items()],
                        prompt="no tool",
                        value=self.original[TOOL] or Select.NULL,
                        id="field-tool",
                        compact=True,
                    )
            if TOOL in self.original:
                yield Static(
                    "When you use your plan, this step can offer to start the tool.",
                    classes="field-hint",
                )
            yield Static("", id="form-status", classes="status", markup=False)
            with Horizontal(classes="button-row"):
                yield Button("Keep it", id="form-save", variant="primary")
                yield Button("Cancel", id="form-cancel-button")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.query_one(f"#field-{self.kind.main.name}", TextField).focus()

    def values(self) -> dict[str, str]:
        found = {
            f.name: self.query_one(f"#field-{f.name}", TextField).value for f in self.kind.fields
        }
        if TOOL in self.original:
            tool = self.query_one("#field-tool", Select).value
            found[TOOL] = "" if tool is Select.NULL else str(tool)
        return found

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
