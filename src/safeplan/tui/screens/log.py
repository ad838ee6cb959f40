"""My log: check-ins and use entries, newest first, in a table. Enter or e changes the highlighted
entry, d removes it (after asking), c and u add new ones. Below the table, without judgment, how the
last 14 days line up with the goals the person chose."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import DataTable, Static

from safeplan.core import checkins
from safeplan.core.harm_reduction import goal_alignment
from safeplan.core.models import CheckIn
from safeplan.tui.screens.base import SafeplanScreen
from safeplan.tui.screens.confirm import ConfirmDialog
from safeplan.tui.widgets.footer import KeysFooter

DEFAULT_DAYS = 365
NOTE_ROOM = 30


def what(entry: checkins.Entry) -> str:
    if isinstance(entry, CheckIn):
        text = "Check-in: " + checkins.describe_checkin(entry)
    else:
        text = "Use: " + checkins.describe_use(entry)
    if entry.note:
        note = " ".join(entry.note.split())
        text += f' "{note[: NOTE_ROOM - 1] + "…" if len(note) > NOTE_ROOM else note}"'
    return text


class LogScreen(SafeplanScreen[None]):
    DEFAULT_CSS = """
    #log-body {
        padding: 0 1;
        height: 1fr;
    }
    #log-body .screen-title {
        padding: 0;
    }
    #log-table {
        height: 1fr;
    }
    #log-goals {
        height: auto;
        max-height: 7;
        color: $text-muted;
        padding: 1 0 0 0;
    }
    """
    BINDINGS = [
        Binding("escape", "close", "Back", id="log-back"),
        Binding("e", "edit", "Change", id="log-edit"),
        Binding("d,delete", "remove", "Remove", id="log-remove"),
        Binding("c", "new_checkin", "Check in", id="log-checkin"),
        Binding("u", "new_use", "Log use", id="log-use"),
        Binding("a", "all", "All", id="log-all"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.days: int | None = DEFAULT_DAYS
        self.rows: list[checkins.Entry] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="log-body"):
            yield Static("My log", classes="screen-title")
            yield Static(id="log-count", markup=False)
            yield DataTable(id="log-table", cursor_type="row", zebra_stripes=False)
            yield Static(id="log-goals", markup=False)
        yield KeysFooter()

    def on_mount(self) -> None:
        table = self.query_one("#log-table", DataTable)
        table.add_column("When", key="when", width=18)
        table.add_column("What", key="what")
        self.fill()
        table.focus()

    def on_screen_resume(self) -> None:
        self.fill()

    def fill(self, keep: str | None = None) -> None:
        from datetime import datetime, time, timedelta

        payload = self.session.payload
        since = None
        if self.days is not None:
            first = self.session.today() - timedelta(days=self.days - 1)
            since = datetime.combine(first, time(0, 0)).astimezone()
        table = self.query_one("#log-table", DataTable)
        old = table.cursor_row
        if keep is None and 0 <= old < len(self.rows):
            keep = self.rows[old].id
        self.rows = list(reversed(checkins.entries_since(payload, since)))
        table.clear()
        for entry in self.rows:
            table.add_row(f"{entry.at:%a %d %b %y %H:%M}", what(entry), key=entry.id)
        period = "ever" if self.days is None else f"in the last {self.days} days (a: all)"
        count = len(self.rows)
        self.query_one("#log-count", Static).update(
            f"{count} entr{'y' if count == 1 else 'ies'} {period}. "
            "Enter or e changes one, d removes one."
            if count
            else "Nothing logged yet. Press c to check in or u to log use."
        )
        ids = [e.id for e in self.rows]
        if keep in ids:
            table.move_cursor(row=ids.index(keep))
        elif self.rows:
            table.move_cursor(row=min(max(old, 0), len(self.rows) - 1))
        self._goals()

    def _goals(self) -> None:
        payload = self.session.payload
        plan = payload.harm_reduction
        goals = self.query_one("#log-goals", Static)
        if not any(g.active for g in plan.goals) and not plan.strategies:
            goals.display = False
            return
        goals.display = True
        goals.update("\n".join(goal_alignment(payload, 14, self.session.today()).lines))

    def current(self) -> checkins.Entry | None:
        table = self.query_one("#log-table", DataTable)
        if not self.rows or not 0 <= table.cursor_row < len(self.rows):
            return None
        return self.rows[table.cursor_row]

    @on(DataTable.RowSelected)
    def _chosen(self) -> None:
        self.action_edit()

    def action_edit(self) -> None:
        from safeplan.tui.screens.checkin import CheckInScreen
        from safeplan.tui.screens.use_entry import UseEntryScreen

        entry = self.current()
        if entry is None:
            return
        if isinstance(entry, CheckIn):
            self.app.push_screen(CheckInScreen(entry))
        else:
            self.app.push_screen(UseEntryScreen(entry))

    def action_remove(self) -> None:
        entry = self.current()
        if entry is None:
            return
        kind = "check-in" if isinstance(entry, CheckIn) else "use entry"
        self.app.push_screen(
            ConfirmDialog(
                f"Remove this {kind}?",
                f"{entry.at:%a %d %b, %H:%M}: {what(entry)}\n\nThis cannot be undone.",
                [("keep", "Keep it"), ("remove", "Remove it")],
            ),
            lambda answer: self._remove(entry, answer),
        )

    def _remove(self, entry: checkins.Entry, answer: str | None) -> None:
        if answer != "remove":
            return
        checkins.delete_entry(self.session.payload, entry.id)
        self.request_save()
        self.fill()
        self.sp.notify("Removed.", title="Saved")

    def action_new_checkin(self) -> None:
        from safeplan.tui.screens.checkin import CheckInScreen

        self.app.push_screen(CheckInScreen())

    def action_new_use(self) -> None:
        from safeplan.tui.screens.use_entry import UseEntryScreen

        self.app.push_screen(UseEntryScreen())

    def action_all(self) -> None:
        self.days = None if self.days is not None else DEFAULT_DAYS
        self.fill()

    def action_close(self) -> None:
        self.dismiss(None)
