"""What the guided screen does with what is typed: entries added to the plan, answers kept, the
story's chosen moments kept as warning signs. A base of :class:`~.guide.GuideScreen`, so the screen
file holds only layout and moving between pages."""

from __future__ import annotations

import contextlib

from textual.content import Content
from textual.css.query import NoMatches, WrongType
from textual.widget import Widget
from textual.widgets import Static

from safeplan.core import guide as flow
from safeplan.core.models import VaultPayload, Voice
from safeplan.tui.screens import guide_pages as pages
from safeplan.tui.screens.base import SafeplanScreen
from safeplan.tui.widgets.fields import TextField
from safeplan.tui.widgets.tick_list import TickList


class GuideAnswers(SafeplanScreen[None]):
    """Keeps what the person types on a guided-session page."""

    index: int
    moments: list[str]

    @property
    def payload(self) -> VaultPayload:
        return self.session.payload

    @property
    def voice(self) -> Voice:
        progress = self.payload.guide
        return progress.voice if progress is not None else "with_someone"

    @property
    def page(self) -> flow.Page | None:
        return flow.page_at(self.index)

    def say(self, text: str) -> None:
        self.query_one("#guide-status", Static).update(text)

    # --- entries and answers --------------------------------------------------------------------

    def _field(self, wid: str) -> TextField | None:
        try:
            return self.query_one(f"#{wid}", TextField)
        except (NoMatches, WrongType):
            return None

    def add_entry(self, i: int, *, quiet: bool = False) -> bool:
        """Add what is typed in collector ``i``'s fields to the plan."""
        page = self.page
        if not isinstance(page, flow.GuideStep) or i >= len(page.collects):
            return False
        collector = page.collects[i]
        fields = [self._field(f"entry-{i}-{j}") for j in range(len(collector.fields))]
        values = {
            field.name: widget.value
            for field, widget in zip(collector.fields, fields, strict=True)
            if widget is not None
        }
        if not values.get(collector.main.name, "").strip():
            return False
        try:
            flow.add_entry(self.payload, collector, values)
        except flow.AnswerNotKept as exc:
            if not quiet:
                self.say(f"{exc.message} {exc.hint}")
            return False
        for widget in fields:
            if widget is not None:
                widget.value = ""
        self.query_one(f"#entries-{i}", Static).update(pages.entries_text(self.payload, collector))
        self.request_save()
        if not quiet:
            self.say("Added to your plan. Type another, or press Enter on an empty line to go on.")
            if fields[0] is not None:
                fields[0].focus()
        return True

    def commit_answer(self, k: int) -> None:
        page = self.page
        if page is None or k >= len(page.questions) or page.questions[k].kind != "text":
            return
        question = page.questions[k]
        widget = self._field(f"answer-{k}")
        if widget is None:
            return
        value = widget.value.strip()
        if value == (flow.answer_of(self.payload, page, question) or ""):
            return
        try:
            flow.set_answer(self.payload, page, question, value)
        except flow.AnswerNotKept as exc:
            self.say(f"{exc.message} {exc.hint}")
            return
        self.request_save()

    def commit_draft(self) -> None:
        """Keep whatever is typed on this page (the app calls this before quitting or locking)."""
        page = self.page
        if page is None:
            return
        if isinstance(page, flow.GuideStep):
            for i in range(len(page.collects)):
                self.add_entry(i, quiet=True)
        for k in range(len(page.questions)):
            self.commit_answer(k)

    def keep_story(self) -> None:
        """Leaving the story page: the moments ticked become warning signs; the rest is let go."""
        with contextlib.suppress(NoMatches):
            chosen = [int(row) for row in self.query_one("#story-keep", TickList).selected]
            if chosen and flow.keep_story(self.payload, self.moments, chosen):
                self.request_save()
        self.moments = []

    def focus_after(self, i: int | None = None, k: int | None = None) -> None:
        """Move on from collector ``i`` or question ``k`` to whatever comes next on the page."""
        target = self.next_part(i=i, k=k)
        if target is None:
            with contextlib.suppress(NoMatches):
                target = self.query_one("#nav-next")
        if target is not None:
            target.focus()

    def next_part(self, i: int | None = None, k: int | None = None) -> Widget | None:
        """The part of this page after collector ``i`` or question ``k``, if there is one."""
        page = self.page
        if page is None:
            return None
        targets: list[str] = []
        if isinstance(page, flow.GuideStep) and i is not None:
            targets += [f"#entry-{n}-0" for n in range(i + 1, len(page.collects))]
            targets += [f"#answer-{n}" for n in range(len(page.questions))]
        elif k is not None:
            targets += [f"#answer-{n}" for n in range(k + 1, len(page.questions))]
        for target in targets:
            with contextlib.suppress(NoMatches):
                return self.query_one(target)
        return None

    def _add_moment(self, text: str) -> None:
        field = self._field("story-moment")
        if not text.strip():
            self.query_one("#story-keep" if self.moments else "#nav-next").focus()
            return
        self.moments.append(text.strip())
        ticks = self.query_one("#story-keep", TickList)
        ticks.set_rows(
            [(str(i), Content(m)) for i, m in enumerate(self.moments)], ticked=ticks.selected
        )
        ticks.display = True
        if field is not None:
            field.value = ""
        self.say(
            "Heard. Type what came next, or press Enter on an empty line to choose what to keep."
        )
