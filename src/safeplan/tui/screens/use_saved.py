"""After logging use: a calm note when entries close in time make a risky mix (with its source; an
unlisted pair is "not known", never "safe"), and safer-use ideas offered as choices the person can
add to their own harm-reduction plan, or turn off."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Checkbox, Static

from safeplan.core import checkins
from safeplan.core.combinations import RISK_WORDS, CombinationNote
from safeplan.core.harm_reduction import Strategy
from safeplan.core.models import UseEntry, now
from safeplan.tui.screens.base import SafeplanScreen
from safeplan.tui.screens.log_form import FORM_CSS
from safeplan.tui.widgets.footer import KeysFooter
from safeplan.tui.widgets.strategy_choice import strategy_choice, with_strategy


def note_text(note: CombinationNote) -> str:
    lines = [f"{note.first} and {note.second}: {RISK_WORDS[note.risk]}.", note.text]
    if note.source is not None:
        lines.append(f"Source: {note.source.short()}, checked {note.verified}. {note.source.url}")
    return "\n".join(lines)


class UseSavedScreen(SafeplanScreen[None]):
    """Saved: the mixing notes, and ideas to take or leave (a tick adds one to my plan)."""

    DEFAULT_CSS = (
        FORM_CSS
        + """
    .mix-note {
        padding: 1 0 0 0;
    }
    .tip-text {
        padding: 0 0 0 4;
        color: $text-muted;
    }
    """
    )
    BINDINGS = [
        Binding("escape,enter", "home", "Home", id="use-saved-home"),
        Binding("o", "tips_off", "Ideas off", id="use-tips-off"),
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
            known = [n for n in self.notes if n.known]
            unknown = [n for n in self.notes if not n.known]
            if known:
                yield Static("A note on mixing", classes="section-title")
                for note in known:
                    yield Static(note_text(note), classes="mix-note", markup=False)
            if unknown:
                pairs = "; ".join(f"{n.first} and {n.second}" for n in unknown)
                yield Static(
                    f"Not in safeplan's table: {pairs}. {unknown[0].text}",
                    classes="mix-note",
                    markup=False,
                )
            if self.tips:
                yield Static("Ideas to take or leave", classes="section-title")
                yield Static("Tick one to add it to your harm-reduction plan.", classes="hint")
                for tip in self.tips:
                    yield from strategy_choice(
                        tip, tip.key in chosen, id_prefix="tip-", text_class="tip-text"
                    )
            with Horizontal(classes="button-row"):
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

    @on(Button.Pressed)
    def _button(self, event: Button.Pressed) -> None:
        if event.button.id == "use-another":
            from safeplan.tui.screens.use_entry import UseEntryScreen

            self.app.switch_screen(UseEntryScreen())
        elif event.button.id == "use-tips-off-button":
            self.action_tips_off()
        else:
            self.action_home()
