"""What the check-in and use-entry forms share: the form grid's styles, the 0-10 scale box, how an
entry's time is shown and read, and one save path.

A log form is a grid of boxes with one box that must be filled. Enter on a filled box saves (on an
empty one it moves on); the save checks that one box, reads the "When" box, and then either adds a
new entry (the subclass says what comes next) or changes the earlier one and goes back.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, ClassVar, Generic, TypeVar

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Button, Input, Static

from safeplan.core import checkins
from safeplan.core.errors import SafeplanError
from safeplan.core.models import CheckIn, UseEntry
from safeplan.tui.screens.base import SafeplanScreen
from safeplan.tui.widgets.fields import TextField

TIME_FORMAT = "%Y-%m-%d %H:%M"
WHEN_LABEL = "When (now, 2h ago, yesterday 21:00)"

FORM_CSS = """
.log-form {
    padding: 0 2;
    height: 1fr;
}
.log-form .screen-title {
    padding: 0;
}
.log-grid {
    grid-size: 2;
    grid-columns: 38 1fr;
    grid-rows: 1;
    grid-gutter: 0 1;
    height: auto;
    margin: 1 0 0 0;
}
.log-grid .field-label {
    padding: 0;
}
.scale-field {
    width: 6;
}
.hint {
    color: $text-muted;
}
.log-form .button-row {
    padding: 1 0 0 0;
}
.log-form .status {
    padding: 0;
}
/* A page that is a Tab stop (to read on with the arrow keys) shows it has the focus: a line down
   its left side in place of one column of padding, so nothing moves. A glyph, so NO_COLOR sees it. */
.log-form:focus {
    padding-left: 1;
    border-left: solid $accent;
}
"""


class ScaleField(TextField):
    """A 0-10 box: digits only, at most two. What is typed is kept as typed: 11 stays 11 (and the
    save says the box takes 0 to 10) rather than quietly becoming 1."""

    def __init__(self, value: int | None = None, **kwargs: Any) -> None:
        super().__init__(
            "" if value is None else str(value),
            restrict=r"[0-9]{0,2}",
            max_length=2,
            classes="scale-field",
            **kwargs,
        )


def time_text(at: datetime) -> str:
    return at.strftime(TIME_FORMAT)


def read_time(text: str, original: datetime | None) -> datetime | None:
    """The time in a "When" box: "now" (or empty) is now; an unchanged time keeps the original
    exactly (seconds included)."""
    words = text.strip()
    if original is not None and words == time_text(original):
        return original
    if not words or words.casefold() == "now":
        return None
    return checkins.parse_when(words)


def problem_words(error: SafeplanError) -> str:
    return f"{error.message} {error.hint}".strip()


def number_text(value: float | None) -> str:
    """A number as a box shows it: empty when not given, no trailing ``.0``."""
    return "" if value is None else f"{value:g}"


def read_number(text: str) -> float | None:
    """A number typed with a point or a comma; empty (or a lone point) is not given."""
    words = text.replace(",", ".")
    return float(words) if words and words != "." else None


EntryT = TypeVar("EntryT", CheckIn, UseEntry)


class LogFormScreen(SafeplanScreen[None], Generic[EntryT]):
    """A new entry, or (with ``entry``) a change to an earlier one. Subclasses say which box is
    needed (``REQUIRED``, with ``REQUIRED_WORDS`` when it is empty), what the boxes hold
    (``values``), how a new entry is made (``create``) and what follows it (``show_next``)."""

    DEFAULT_CSS = FORM_CSS
    PREFIX: ClassVar[str]
    """The start of this form's ids: ``{PREFIX}-status``, ``{PREFIX}-save-button``…"""
    KIND: ClassVar[str]
    """What an entry is called in "Changed the … from …"."""
    REQUIRED: ClassVar[str]
    REQUIRED_WORDS: ClassVar[str]

    def __init__(self, entry: EntryT | None = None) -> None:
        super().__init__()
        self.entry: EntryT | None = entry

    # --- what every log form shows ----------------------------------------------------------------

    def when_box(self) -> ComposeResult:
        e = self.entry
        yield Static(WHEN_LABEL, classes="field-label")
        yield TextField(time_text(e.at) if e else "now", id="at")

    def form_end(self) -> ComposeResult:
        """The status line and the Save and Cancel buttons, below the grid."""
        yield Static("", id=f"{self.PREFIX}-status", classes="status", markup=False)
        with Horizontal(classes="button-row"):
            yield Button(
                "Save",
                id=f"{self.PREFIX}-save-button",
                classes="form-save",
                variant="primary",
                compact=True,
            )
            yield Button(
                "Cancel", id=f"{self.PREFIX}-cancel-button", classes="form-cancel", compact=True
            )

    def on_mount(self) -> None:
        self.query_one(f"#{self.REQUIRED}").focus()

    def _text(self, name: str) -> str:
        return self.query_one(f"#{name}", Input).value.strip()

    # --- what a subclass says ---------------------------------------------------------------------

    def values(self) -> dict[str, Any]:
        raise NotImplementedError

    def create(self, at: datetime | None, values: dict[str, Any]) -> EntryT:
        raise NotImplementedError

    def show_next(self, entry: EntryT) -> None:
        """What follows a new entry, once it is in the vault and being saved."""
        raise NotImplementedError

    # --- saving -----------------------------------------------------------------------------------

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if event.input.value.strip() or event.input.id == self.REQUIRED:
            self.action_save()
        else:
            self.focus_next()

    @on(Button.Pressed, ".form-save")
    def action_save(self) -> None:
        status = self.query_one(f"#{self.PREFIX}-status", Static)
        values = self.values()
        if values[self.REQUIRED] in (None, ""):
            status.update(self.REQUIRED_WORDS)
            self.query_one(f"#{self.REQUIRED}").focus()
            return
        try:
            at = read_time(self._text("at"), self.entry.at if self.entry else None)
            if self.entry is None:
                entry = self.create(at, values)
            else:
                changes = {**values, "at": at or self.entry.at}
                edited = checkins.edit_entry(self.session.payload, self.entry.id, changes)
        except SafeplanError as problem:
            status.update(problem_words(problem))
            return
        if self.entry is None:
            payload = self.session.payload
            if isinstance(entry, CheckIn):
                checkins.add_checkin(payload, entry)
            else:
                checkins.add_use_entry(payload, entry)
            self.request_save()
            self.show_next(entry)
            return
        self.request_save()
        self.dismiss(None)
        self.sp.notify(f"Changed the {self.KIND} from {edited.at:%a %d %b, %H:%M}.", title="Saved")

    @on(Button.Pressed, ".form-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
