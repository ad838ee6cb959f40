"""My harm-reduction plan (optional): goals in the person's own words (safer use, using less,
stopping, or their own; changeable any time), the safer-use strategies they pick, their own ways,
their triggers and who supports them. The last tab shows, without judgment, how recent days line up
with the goals. Every change is saved at once, off the UI thread."""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Checkbox, OptionList, Static, TabbedContent, TabPane, Tabs
from textual.widgets.option_list import Option

from safeplan.core.harm_reduction import goal_alignment, strategies
from safeplan.core.models import HarmReductionPlan, now
from safeplan.tui.screens.base import SafeplanScreen
from safeplan.tui.screens.confirm import ConfirmDialog
from safeplan.tui.screens.hr_form import FieldSpec, FormDialog
from safeplan.tui.screens.hr_lists import EMPTY_WORDS, LISTS
from safeplan.tui.widgets.footer import KeysFooter
from safeplan.tui.widgets.plain_checkbox import PlainCheckbox
from safeplan.tui.widgets.strategy_choice import strategy_choice, with_strategy

__all__ = ["FieldSpec", "FormDialog", "HarmReductionScreen"]

INTRO = (
    "Optional, and yours: goals in your own words, changeable any time. Keys 1 to 6 switch "
    "between the parts."
)
TABS = ("tab-goals", "tab-safer", "tab-own", "tab-triggers", "tab-supporters", "tab-recent")


class HarmReductionScreen(SafeplanScreen[None]):
    DEFAULT_CSS = """
    #hr-body {
        padding: 0 1;
        height: 1fr;
    }
    #hr-body .screen-title {
        padding: 0;
    }
    #hr-intro {
        color: $text-muted;
    }
    .hr-list {
        height: 1fr;
        border: none;
    }
    #hr-strategies {
        height: 1fr;
    }
    """
    BINDINGS = [
        Binding("escape", "close", "Back", id="hr-back"),
        Binding("a", "add", "Add", id="hr-add"),
        Binding("e", "edit", "Change", show=False, id="hr-edit"),
        Binding("d,delete", "remove", "Remove", id="hr-remove"),
        *(Binding(str(n), f"tab({n})", show=False) for n in range(1, 7)),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(id="hr-body"):
            yield Static("My harm-reduction plan", classes="screen-title")
            yield Static(INTRO, id="hr-intro")
            with TabbedContent(id="hr-tabs"):
                with TabPane("Goals", id="tab-goals"):
                    yield OptionList(id="list-goals", classes="hr-list")
                with TabPane("Safer use", id="tab-safer"), VerticalScroll(id="hr-strategies"):
                    yield Static("Tick the ones that fit you.", classes="hint")
                    chosen = set(self.plan.strategies)
                    for s in strategies().values():
                        yield from strategy_choice(
                            s, s.key in chosen, id_prefix="strategy-", text_class="strategy-text"
                        )
                    yield PlainCheckbox(
                        "Offer ideas like these after I log use",
                        self.session.settings.harm_reduction_tips,
                        id="hr-tips",
                        compact=True,
                    )
                with TabPane("My own ways", id="tab-own"):
                    yield OptionList(id="list-own_strategies", classes="hr-list")
                with TabPane("Triggers", id="tab-triggers"):
                    yield OptionList(id="list-triggers", classes="hr-list")
                with TabPane("Supporters", id="tab-supporters"):
                    yield OptionList(id="list-supporters", classes="hr-list")
                with TabPane("Recent days", id="tab-recent"):
                    yield Static(id="hr-recent", markup=False)
        yield KeysFooter()

    @property
    def plan(self) -> HarmReductionPlan:
        return self.session.payload.harm_reduction

    def on_mount(self) -> None:
        for attr in LISTS:
            self.fill(attr)
        self._show_recent()
        self.query_one("#list-goals", OptionList).focus()

    # --- which list is in front --------------------------------------------------------------------

    def _active_list(self) -> str | None:
        pane = self.query_one("#hr-tabs", TabbedContent).active
        return {
            "tab-goals": "goals",
            "tab-own": "own_strategies",
            "tab-triggers": "triggers",
            "tab-supporters": "supporters",
        }.get(pane)

    @on(TabbedContent.TabActivated)
    def _tab(self, event: TabbedContent.TabActivated) -> None:
        self._show_recent()
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("add", "edit", "remove"):
            return self._active_list() is not None
        return True

    def fill(self, attr: str, keep: str | None = None) -> None:
        kind = LISTS[attr]
        widget = self.query_one(f"#list-{attr}", OptionList)
        items = getattr(self.plan, attr)
        widget.clear_options()
        if not items:
            widget.add_option(Option(EMPTY_WORDS[attr], disabled=True))
            return
        widget.add_options([Option(kind.label(i), id=i.id) for i in items])
        ids = [i.id for i in items]
        widget.highlighted = ids.index(keep) if keep in ids else 0

    def _current(self, attr: str) -> Any | None:
        index = self.query_one(f"#list-{attr}", OptionList).highlighted
        items = getattr(self.plan, attr)
        return items[index] if index is not None and index < len(items) else None

    # --- changing it ------------------------------------------------------------------------------

    def _changed(self, attr: str | None = None, keep: str | None = None) -> None:
        self.plan.updated_at = now()
        self.request_save()
        if attr:
            self.fill(attr, keep)
        self._show_recent()

    def action_add(self) -> None:
        attr = self._active_list()
        if attr:
            self._open_form(attr, None)

    def action_edit(self) -> None:
        attr = self._active_list()
        if attr:
            self._open_form(attr, self._current(attr))

    def _open_form(self, attr: str, old: Any | None) -> None:
        kind = LISTS[attr]
        title = ("Change " if old else "Add ") + kind.one
        values = kind.values(old) if old is not None else {}
        self.app.push_screen(
            FormDialog(title, kind.fields, values), lambda v: self._keep(attr, old, v)
        )

    def _keep(self, attr: str, old: Any | None, values: dict[str, str] | None) -> None:
        if values is None:
            return
        kind = LISTS[attr]
        item = kind.build(values, old)
        items = list(getattr(self.plan, attr))
        if old is None:
            items.append(item)
        else:
            items = [item if i.id == old.id else i for i in items]
        setattr(self.plan, attr, items)
        self._changed(attr, item.id)

    def action_remove(self) -> None:
        attr = self._active_list()
        if attr is None:
            return
        item = self._current(attr)
        if item is None:
            return
        self.app.push_screen(
            ConfirmDialog(
                f"Take out {LISTS[attr].one}?",
                LISTS[attr].label(item),
                [("keep", "Keep it"), ("remove", "Take it out")],
            ),
            lambda answer: self._remove(attr, item, answer),
        )

    def _remove(self, attr: str, item: Any, answer: str | None) -> None:
        if answer == "remove":
            setattr(self.plan, attr, [i for i in getattr(self.plan, attr) if i.id != item.id])
            self._changed(attr)

    @on(OptionList.OptionSelected, ".hr-list")
    def _selected(self) -> None:
        self.action_edit()

    @on(Checkbox.Changed, "#hr-strategies PlainCheckbox")
    def _strategy(self, event: Checkbox.Changed) -> None:
        key = (event.checkbox.id or "").removeprefix("strategy-")
        changed = with_strategy(self.plan.strategies, key, event.value)
        if changed != self.plan.strategies:
            self.plan.strategies = changed
            self._changed()

    @on(Checkbox.Changed, "#hr-tips")
    def _tips(self, event: Checkbox.Changed) -> None:
        settings = self.session.payload.settings
        if settings.harm_reduction_tips != event.value:
            settings.harm_reduction_tips = event.value
            self.request_save()

    def _show_recent(self) -> None:
        payload = self.session.payload
        lines = list(goal_alignment(payload, 14, self.session.today()).lines)
        lines += ["", "This is information for you, not a score."]
        self.query_one("#hr-recent", Static).update("\n".join(lines))

    def action_tab(self, number: int) -> None:
        tabs = self.query_one("#hr-tabs", TabbedContent)
        # Focus leaves the old part first: a focused widget in a hidden part would pull it back.
        tabs.query_one(Tabs).focus()
        tabs.active = TABS[number - 1]
        pane = tabs.get_pane(TABS[number - 1])
        focusable = [w for w in pane.query("*") if w.focusable]
        if focusable:
            focusable[0].focus()

    def action_close(self) -> None:
        self.dismiss(None)
