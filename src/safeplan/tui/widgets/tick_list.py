"""A list where rows can be ticked with space, enter or a click. The tick is a character ("[x]" or
"[ ]"), never a colour alone, so it reads the same without colour and with a screen reader."""

from __future__ import annotations

from textual.binding import Binding
from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option


class TickList(OptionList):
    BINDINGS = [Binding("space", "tick", "Tick", show=False)]

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self.rows: list[tuple[str, Content]] = []
        self.ticked: set[str] = set()

    def set_rows(self, rows: list[tuple[str, Content]], ticked: list[str] | None = None) -> None:
        """Show these rows; ``ticked`` (row ids) start ticked, e.g. when coming back to a step."""
        self.rows = rows
        self.ticked = {row_id for row_id, _ in rows} & set(ticked or ())
        self._render_rows()
        if rows:
            self.highlighted = 0

    def _render_rows(self) -> None:
        keep = self.highlighted
        self.clear_options()
        for row_id, prompt in self.rows:
            mark = "[x] " if row_id in self.ticked else "[ ] "
            self.add_option(Option(Content.assemble(mark, prompt), id=row_id))
        if keep is not None and self.rows:
            self.highlighted = min(keep, len(self.rows) - 1)

    def action_tick(self) -> None:
        if self.highlighted is None or not self.rows:
            return
        row_id = self.rows[self.highlighted][0]
        self.ticked ^= {row_id}
        self._render_rows()

    def _on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option_list is self:
            self.action_tick()

    @property
    def selected(self) -> list[str]:
        """The ticked rows, in list order."""
        return [row_id for row_id, _ in self.rows if row_id in self.ticked]
