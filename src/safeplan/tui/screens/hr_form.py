"""A small dialog of a few boxes, for the lists in My harm-reduction plan: returns their values, or
None on escape. Enter moves on; on the last box it keeps."""

from __future__ import annotations

from dataclasses import dataclass, field

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Horizontal, VerticalScroll
from textual.widgets import Button, Input, Select, Static

from safeplan.core.models import SHORT
from safeplan.tui.screens.base import SafeplanModal
from safeplan.tui.widgets.fields import TextField
from safeplan.tui.widgets.footer import KeysFooter


@dataclass(frozen=True)
class FieldSpec:
    key: str
    label: str
    options: list[tuple[str, str]] = field(default_factory=list)
    """Choices for a drop-down; empty for a text box."""


class FormDialog(SafeplanModal[dict[str, str] | None]):
    """A few boxes; returns their values, or None on escape. Enter moves on, the last one keeps."""

    DEFAULT_CSS = """
    FormDialog {
        align: center middle;
    }
    #hr-form {
        width: 72;
        height: auto;
    }
    #hr-form-grid {
        grid-size: 2;
        grid-columns: 16 1fr;
        grid-rows: 1;
        grid-gutter: 1 1;
        height: auto;
    }
    """
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="hr-form-cancel")]

    def __init__(self, title: str, fields: list[FieldSpec], values: dict[str, str]) -> None:
        super().__init__()
        self.title_text = title
        self.fields = fields
        self.start = values

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog", id="hr-form"):
            yield Static(self.title_text, classes="section-title")
            with Grid(id="hr-form-grid"):
                for f in self.fields:
                    yield Static(f.label, classes="field-label")
                    value = self.start.get(f.key, "")
                    if f.options:
                        yield Select(
                            [(label, key) for key, label in f.options],
                            value=value or f.options[0][0],
                            allow_blank=False,
                            id=f"hr-{f.key}",
                            compact=True,
                        )
                    else:
                        yield TextField(value, id=f"hr-{f.key}", max_length=SHORT)
            yield Static("", id="hr-form-status", classes="status", markup=False)
            with Horizontal(classes="button-row"):
                # Full buttons with their border, like the plan's own forms.
                yield Button("Keep it", id="hr-form-keep", variant="primary")
                yield Button("Cancel", id="hr-form-cancel-button")
        yield KeysFooter()

    def on_mount(self) -> None:
        # The first box as shown, so Tab goes down the form in the order it reads (a focus that
        # started on the second row sent a goal's words into the box under it).
        self.query_one(f"#hr-{self.fields[0].key}").focus()

    def values(self) -> dict[str, str]:
        out: dict[str, str] = {}
        for f in self.fields:
            widget = self.query_one(f"#hr-{f.key}")
            if isinstance(widget, Select):
                out[f.key] = str(widget.value)
            elif isinstance(widget, Input):
                out[f.key] = widget.value.strip()
        return out

    @on(Input.Submitted)
    def _next(self, event: Input.Submitted) -> None:
        event.stop()
        boxes = list(self.query(TextField))
        index = boxes.index(event.input)  # type: ignore[arg-type]
        if index + 1 < len(boxes):
            boxes[index + 1].focus()
        else:
            self._keep()

    @on(Button.Pressed, "#hr-form-keep")
    def _keep(self) -> None:
        values = self.values()
        main = self.fields[0].key if not self.fields[0].options else self.fields[1].key
        if not values.get(main):
            self.query_one("#hr-form-status", Static).update("Write a few words first.")
            return
        self.dismiss(values)

    @on(Button.Pressed, "#hr-form-cancel-button")
    def action_cancel(self) -> None:
        self.dismiss(None)
