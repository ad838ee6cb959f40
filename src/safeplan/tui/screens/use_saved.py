"""After logging use: a calm note when the entry mixes with something still in the body or with a
regular medicine (with what to do and its sources; a pair without a rule is unknown, never "safe").
After a dangerous or risky mix, the first overdose steps with the emergency number come first, and
h opens every step. Then safer-use ideas, offered as choices the person can add to their own
harm-reduction plan, or turn off."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Checkbox, Static

from safeplan.core import checkins
from safeplan.core.combinations import RISK_WORDS, CombinationNote, MixSummary
from safeplan.core.harm_reduction import Strategy
from safeplan.core.models import UseEntry, now
from safeplan.core.overdose import guide
from safeplan.tui.screens.base import SafeplanScreen
from safeplan.tui.screens.log_form import FORM_CSS
from safeplan.tui.widgets.footer import KeysFooter
from safeplan.tui.widgets.strategy_choice import strategy_choice, with_strategy


def note_text(note: CombinationNote) -> str:
    when = note.when()
    head = f"{note.first} and {note.second}" + (f" ({when})" if when else "")
    lines = [f"{head}: {RISK_WORDS[note.risk]}.", note.text]
    if note.lasts_why:
        lines.append(note.lasts_why)
    lines.append(f"What to do: {note.do}")
    for cited in note.sources:
        lines.append(
            f"Source: {cited.source.short()} ({cited.part}), checked {note.verified}. "
            f"{cited.source.url}"
        )
    return "\n".join(lines)


class UseSavedScreen(SafeplanScreen[None]):
    """Saved: the mixing notes, and ideas to take or leave (a tick adds one to my plan)."""

    DEFAULT_CSS = (
        FORM_CSS
        + """
    .mix-note {
        padding: 1 0 0 0;
    }
    #use-saved-first-steps {
        padding: 1 0 0 0;
    }
    """
    )
    BINDINGS = [
        Binding("escape,enter", "home", "Home", id="use-saved-home"),
        Binding("o", "tips_off", "Ideas off", id="use-tips-off"),
        Binding("h", "overdose", "If it goes wrong", id="use-saved-overdose"),
    ]

    def __init__(self, entry: UseEntry, notes: list[CombinationNote], tips: list[Strategy]) -> None:
        super().__init__()
        self.entry = entry
        self.notes = notes
        self.tips = tips

    def compose(self) -> ComposeResult:
        chosen = set(self.session.payload.harm_reduction.strategies)
        with VerticalScroll(classes="log-form", id="use-saved"):
            yield Static("Saved", classes="screen-title")
            yield Static(
                f"{self.entry.at:%a %d %b, %H:%M}: {checkins.describe_use(self.entry)}.",
                markup=False,
            )
            mix = MixSummary.of(self.notes)
            if mix.first_steps_now(self.entry.at, now()):
                yield Static(
                    "\n".join(guide(self.session.country()).first_steps(70))
                    + "\nPress h for every step.",
                    id="use-saved-first-steps",
                    classes="emphasis",
                    markup=False,
                )
            if mix.known:
                yield Static("A note on mixing", classes="section-title")
                for note in mix.known:
                    yield Static(note_text(note), classes="mix-note", markup=False)
            if mix.unknown:
                yield Static(mix.unknown_line(), classes="mix-note", markup=False)
            if self.tips:
                yield Static("Ideas to take or leave", classes="section-title")
                yield Static("Tick one to add it to your harm-reduction plan.", classes="hint")
                for tip in self.tips:
                    yield from strategy_choice(
                        tip, tip.key in chosen, id_prefix="tip-", text_class="tip-text"
                    )
            with Horizontal(classes="button-row"):
                if mix.urgent:
                    yield Button(
                        "If it goes wrong (h)", id="use-saved-overdose-button", compact=True
                    )
                yield Button("Home", id="use-saved-home-button", variant="primary", compact=True)
                yield Button("Log another", id="use-another", compact=True)
                if self.tips:
                    yield Button("Turn ideas off", id="use-tips-off-button", compact=True)
        yield KeysFooter()

    def on_mount(self) -> None:
        self.query_one("#use-saved").focus()

    @on(Checkbox.Changed)
    def _tip_chosen(self, event: Checkbox.Changed) -> None:
        key = (event.checkbox.id or "").removeprefix("tip-")
        plan = self.session.payload.harm_reduction
        changed = with_strategy(plan.strategies, key, event.value)
        if changed == plan.strategies:
            return
        plan.strategies = changed
        plan.updated_at = now()
        self.request_save()

    def action_tips_off(self) -> None:
        self.session.payload.settings.harm_reduction_tips = False
        self.request_save()
        self.sp.notify(
            "Safer-use ideas are off. You can turn them on again in My harm-reduction plan."
        )
        self.dismiss(None)

    def action_home(self) -> None:
        self.dismiss(None)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The overdose steps are offered only after a dangerous or risky mix."""
        if action == "overdose":
            return MixSummary.of(self.notes).urgent
        return True

    def action_overdose(self) -> None:
        from safeplan.tui.screens.overdose import OverdoseScreen

        self.app.push_screen(OverdoseScreen())

    @on(Button.Pressed)
    def _button(self, event: Button.Pressed) -> None:
        if event.button.id == "use-another":
            from safeplan.tui.screens.use_entry import UseEntryScreen

            self.app.switch_screen(UseEntryScreen())
        elif event.button.id == "use-saved-overdose-button":
            self.action_overdose()
        elif event.button.id == "use-tips-off-button":
            self.action_tips_off()
        else:
            self.action_home()
