"""Home: "what can I do now?" A short list; others add to it in :mod:`safeplan.tui.menu`."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from safeplan.core.plan import days_since_created, days_since_review, review_due
from safeplan.tui import menu
from safeplan.tui.screens.base import SafeplanScreen
from safeplan.tui.widgets.crisis_strip import CrisisStrip
from safeplan.tui.widgets.footer import KeysFooter


class HomeScreen(SafeplanScreen[None]):
    def compose(self) -> ComposeResult:
        yield CrisisStrip(self.session.country(), id="crisis-strip")
        with Vertical(id="home-body"):
            yield Static("What would you like to do?", classes="screen-title")
            yield Static("", id="home-nudge", classes="nudge", markup=False)
            yield OptionList(*self._options(), id="home-menu")
        yield KeysFooter(show_palette=True)

    def _options(self) -> list[Option]:
        """The entries under their headings ("Right now" first); number keys 1 to 9 open the first
        nine, a letter each of the rest. A heading is a disabled row: the cursor passes over it."""
        options = []
        group = None
        for number, entry in enumerate(menu.entries(), start=1):
            if entry.group != group:
                group = entry.group
                heading = Content.styled(menu.GROUPS[group], "bold italic")
                options.append(Option(heading, id=f"heading-{group}", disabled=True))
            prompt = Content.assemble(
                (f"{menu.key_for(number, entry) or ' '}  ", "dim"),
                (entry.label, "bold"),
                ("  ", ""),
                (entry.hint, "dim"),
            )
            options.append(Option(prompt, id=entry.id))
        return options

    def on_mount(self) -> None:
        self.refresh_nudge()
        self.query_one("#home-menu", OptionList).focus()

    def on_screen_resume(self) -> None:
        self.refresh_nudge()
        self.query_one("#crisis-strip", CrisisStrip).show_country(self.session.country())

    def refresh_nudge(self) -> None:
        nudge = self.query_one("#home-nudge", Static)
        text = self.nudge_text()
        nudge.update(text)
        nudge.display = bool(text)

    def nudge_text(self) -> str:
        """Gentle words on opening, only once the vault is open: the plan's review when it is old,
        else the first from :mod:`safeplan.core.nudges` (each can be turned off in Settings)."""
        if not self.session.unlocked:
            return ""
        from safeplan.core.nudges import opening_nudges

        payload = self.session.payload
        today = self.session.today()
        words = [self.review_words(), *opening_nudges(payload, today)]
        return next((w for w in words if w), "")  # one at a time: the home screen stays calm

    def review_words(self) -> str:
        """When the plan has not been looked over for a while (Settings: how long)."""
        payload = self.session.payload
        today = self.session.today()
        if not review_due(payload, today):
            return ""
        days = days_since_review(payload, today)
        if days is None:
            since = f"You wrote your plan {days_since_created(payload, today)} days ago."
        else:
            since = f"You last looked over your plan {days} days ago."
        return f"{since} When you have a quiet moment, it may help to read it through (History)."

    def on_key(self, event) -> None:  # type: ignore[no-untyped-def]
        entry = menu.entry_for_key(event.character or "")
        if entry is not None:
            event.stop()
            self.sp.open_screen(entry.target)

    @on(OptionList.OptionSelected, "#home-menu")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        for entry in menu.entries():
            if entry.id == event.option.id:
                self.sp.open_screen(entry.target)
