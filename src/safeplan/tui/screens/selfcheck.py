"""Optional self-checks: the PHQ-9 and GAD-7, one question at a time (keys 0 to 3), their history
with the standard bands, and when one is due (every 14 days, only if the person turned them on).
A PHQ-9 item 9 answer above 0 brings up what the plan says and crisis lines at once."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from safeplan.core import hard_moments, selfchecks
from safeplan.core.models import SelfCheck
from safeplan.core.trends import sparkline
from safeplan.tui.screens.base import SafeplanScreen
from safeplan.tui.screens.log_form import FORM_CSS
from safeplan.tui.screens.support import SupportScreen
from safeplan.tui.widgets.footer import KeysFooter

BACK_TO_QUESTIONS = "Escape or Enter goes back to the questions when you are ready."


def history_lines(checks: list[SelfCheck]) -> list[str]:
    lines: list[str] = []
    for key, q in selfchecks.QUESTIONNAIRES.items():
        mine = [c for c in checks if c.instrument == key]
        if not mine:
            continue
        bands = ", ".join(f"{low}+ {name}" for low, name in q.bands[1:])
        lines.append(f"{q.name} (0 to {q.max_score}; {bands}; ranges, not a diagnosis)")
        for c in mine[-6:]:
            lines.append(f"  {c.at:%d %b %Y}  {selfchecks.score(c):>2}  {selfchecks.band(c)}")
        scores = [float(selfchecks.score(c)) for c in mine]
        lines.append(f"  Over time: {sparkline(scores, hi=q.max_score)}")
        lines.append("")
    return lines or ["No self-checks yet."]


class SelfCheckScreen(SafeplanScreen[None]):
    """Choose a self-check, or look at earlier ones."""

    DEFAULT_CSS = (
        FORM_CSS
        + """
    #sc-menu {
        height: auto;
        border: none;
    }
    """
    )
    BINDINGS = [Binding("escape", "close", "Back", id="sc-back")]

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="log-form"):
            yield Static("Self-checks", classes="screen-title")
            yield Static(f"Optional. {selfchecks.NOT_A_DIAGNOSIS}", classes="hint", markup=False)
            yield OptionList(
                *(
                    Option(f"{q.name}: {q.about}", id=key)
                    for key, q in selfchecks.QUESTIONNAIRES.items()
                ),
                id="sc-menu",
            )
            yield Static(id="sc-due", classes="status", markup=False)
            yield Static(id="sc-history", markup=False)
            yield Static(selfchecks.CITATION, classes="hint", markup=False)
        yield KeysFooter()

    def on_mount(self) -> None:
        self.show()
        self.query_one("#sc-menu", OptionList).focus()

    def on_screen_resume(self) -> None:
        self.show()

    def show(self) -> None:
        payload = self.session.payload
        due = selfchecks.due(payload, self.session.today())
        if not payload.settings.self_checks_enabled:
            text = "Reminders every two weeks are off; you can take one whenever you like."
        elif due:
            text = "Due now, if you want: " + " and ".join(q.name for q in due) + "."
        else:
            text = "Nothing due: the next ones come two weeks after the last."
        self.query_one("#sc-due", Static).update(text)
        self.query_one("#sc-history", Static).update(
            "\n".join(history_lines(selfchecks.history(payload)))
        )

    @on(OptionList.OptionSelected, "#sc-menu")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.app.push_screen(QuestionsScreen(event.option.id or "phq9"))

    def action_close(self) -> None:
        self.dismiss(None)


class QuestionsScreen(SafeplanScreen[None]):
    """One question at a time: 0 to 3 (or arrows and Enter). Escape stops without saving."""

    DEFAULT_CSS = (
        FORM_CSS
        + """
    #sc-answers {
        height: auto;
        border: none;
        margin: 1 0 0 0;
    }
    #sc-item {
        text-style: bold;
        padding: 1 0 0 0;
    }
    """
    )
    BINDINGS = [
        Binding("escape", "close", "Stop", id="sc-stop"),
        *(Binding(str(n), f"answer({n})", show=False) for n in range(4)),
    ]

    def __init__(self, instrument: str) -> None:
        super().__init__()
        self.q = selfchecks.questionnaire(instrument)
        self.answers: list[int] = []
        self.result: SelfCheck | None = None

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="log-form"):
            yield Static(self.q.name, classes="screen-title")
            yield Static(self.q.stem, classes="hint", markup=False)
            yield Static(id="sc-count", classes="status", markup=False)
            yield Static(id="sc-item", markup=False)
            yield OptionList(
                *(Option(f"{n}  {words}", id=str(n)) for n, words in enumerate(selfchecks.ANSWERS)),
                id="sc-answers",
            )
        yield KeysFooter()

    def on_mount(self) -> None:
        self.show()

    def show(self) -> None:
        index = len(self.answers)
        self.query_one("#sc-count", Static).update(f"{index + 1} of {len(self.q.items)}")
        self.query_one("#sc-item", Static).update(self.q.items[index])
        answers = self.query_one("#sc-answers", OptionList)
        answers.highlighted = 0
        answers.focus()

    @on(OptionList.OptionSelected, "#sc-answers")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.action_answer(int(event.option.id or 0))

    def action_answer(self, value: int) -> None:
        if self.result is not None:
            return
        self.answers.append(value)
        index = len(self.answers) - 1
        if self.q.key == "phq9" and index == selfchecks.PHQ9_ITEM_9 and value > 0:
            offer = hard_moments.for_item_9(value, self.session.payload, self.session.country())
            self.app.push_screen(
                SupportScreen(offer, note=BACK_TO_QUESTIONS), lambda _: self._next()
            )
            return
        self._next()

    def _next(self) -> None:
        if len(self.answers) < len(self.q.items):
            self.show()
            return
        check = selfchecks.new_selfcheck(self.q.key, self.answers)
        selfchecks.add_selfcheck(self.session.payload, check)
        self.request_save()
        self.result = check
        self.app.switch_screen(SelfCheckResultScreen(check))

    def action_close(self) -> None:
        self.dismiss(None)


class SelfCheckResultScreen(SafeplanScreen[None]):
    DEFAULT_CSS = FORM_CSS
    BINDINGS = [Binding("escape,enter", "close", "Back", id="sc-result-back")]

    def __init__(self, check: SelfCheck | None = None) -> None:
        """``check`` is the one just saved (default: the most recent)."""
        super().__init__()
        self.check = check

    def compose(self) -> ComposeResult:
        checks = selfchecks.history(self.session.payload)
        check = self.check or (checks[-1] if checks else None)
        with VerticalScroll(classes="log-form", id="sc-result"):
            yield Static("Saved" if self.check else "Self-checks", classes="screen-title")
            if check is not None:
                words = hard_moments.selfcheck_result(check)  # no band word after item 9
                yield Static(words, classes="emphasis", markup=False)
            yield Static(selfchecks.NOT_A_DIAGNOSIS, classes="status", markup=False)
            yield Static("\n".join(history_lines(checks)), classes="status", markup=False)
        yield KeysFooter()

    def on_mount(self) -> None:
        self.query_one("#sc-result").focus()

    def action_close(self) -> None:
        self.dismiss(None)
