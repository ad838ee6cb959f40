"""My harm-reduction plan (optional): goals in the person's own words (safer use, using less,
stopping, or their own; changeable any time), the safer-use strategies they pick, their own ways,
their triggers and who supports them. The last tab shows, without judgment, how recent days line up
with the goals. Every change is saved at once, off the UI thread."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Horizontal, Vertical, VerticalScroll
from textual.widgets import (
    Button,
    Checkbox,
    Input,
    OptionList,
    Select,
    Static,
    TabbedContent,
    TabPane,
    Tabs,
)
from textual.widgets.option_list import Option

from safeplan.core.harm_reduction import GOAL_KIND_LABELS, goal_alignment, strategies
from safeplan.core.models import (
    SHORT,
    Contact,
    GoalKind,
    HarmReductionGoal,
    HarmReductionPlan,
    TextItem,
    now,
)
from safeplan.tui.screens.base import SafeplanModal, SafeplanScreen
from safeplan.tui.screens.confirm import ConfirmDialog
from safeplan.tui.widgets.fields import TextField
from safeplan.tui.widgets.footer import KeysFooter
from safeplan.tui.widgets.plain_checkbox import PlainCheckbox

INTRO = (
    "Optional, and yours: goals in your own words, changeable any time. Keys 1 to 6 switch "
    "between the parts."
)
TABS = ("tab-goals", "tab-safer", "tab-own", "tab-triggers", "tab-supporters", "tab-recent")


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
                yield Button("Keep it", id="hr-form-keep", variant="primary", compact=True)
                yield Button("Cancel", id="hr-form-cancel-button", compact=True)
        yield KeysFooter()

    def on_mount(self) -> None:
        first = next((f for f in self.fields if not f.options), self.fields[0])
        self.query_one(f"#hr-{first.key}").focus()

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


# --- The lists the plan holds ---------------------------------------------------------------------

KIND_OPTIONS: list[tuple[str, str]] = [(k, v) for k, v in GOAL_KIND_LABELS.items()]
ACTIVE_OPTIONS: list[tuple[str, str]] = [("yes", "yes, working on it"), ("no", "set aside")]


@dataclass(frozen=True)
class ListKind:
    """One list in the plan: how to show, ask for and build its items."""

    attr: str
    one: str
    fields: list[FieldSpec]
    label: Callable[[Any], str]
    values: Callable[[Any], dict[str, str]]
    build: Callable[[dict[str, str], Any | None], Any]


def _goal(values: dict[str, str], old: HarmReductionGoal | None) -> HarmReductionGoal:
    kind: GoalKind = values["kind"]  # type: ignore[assignment]
    data = {"kind": kind, "text": values["text"], "substance": values.get("substance", "")}
    if old is None:
        return HarmReductionGoal(**data, active=values.get("active", "yes") == "yes")
    changed = old.model_copy(update={**data, "active": values.get("active", "yes") == "yes"})
    if old.kind != kind or old.text != values["text"]:
        changed = changed.model_copy(update={"set_at": now()})
    return HarmReductionGoal.model_validate(changed.model_dump())


def _goal_label(g: HarmReductionGoal) -> str:
    about = f" · {g.substance}" if g.substance else ""
    aside = "  (set aside)" if not g.active else ""
    return f"[{GOAL_KIND_LABELS[g.kind]}{about}] {g.text}{aside}"


def _text_item(values: dict[str, str], old: TextItem | None) -> TextItem:
    return (
        TextItem(text=values["text"]) if old is None else TextItem(id=old.id, text=values["text"])
    )


def _contact(values: dict[str, str], old: Contact | None) -> Contact:
    data = {k: values.get(k, "") for k in ("name", "phone", "relationship")}
    return Contact(**data) if old is None else Contact(id=old.id, notes=old.notes, **data)


def _contact_label(c: Contact) -> str:
    extra = ", ".join(x for x in (c.relationship, c.phone) if x)
    return f"{c.name}" + (f" ({extra})" if extra else "")


GOALS = ListKind(
    "goals",
    "a goal",
    [
        FieldSpec("kind", "Kind of goal", KIND_OPTIONS),
        FieldSpec("text", "In my words"),
        FieldSpec("substance", "About (optional)"),
        FieldSpec("active", "Working on it", ACTIVE_OPTIONS),
    ],
    _goal_label,
    lambda g: {
        "kind": g.kind,
        "text": g.text,
        "substance": g.substance,
        "active": "yes" if g.active else "no",
    },
    _goal,
)
OWN_WAYS = ListKind(
    "own_strategies",
    "a way of my own",
    [FieldSpec("text", "My way")],
    lambda t: t.text,
    lambda t: {"text": t.text},
    _text_item,
)
TRIGGERS = ListKind(
    "triggers",
    "a trigger",
    [FieldSpec("text", "Trigger")],
    lambda t: t.text,
    lambda t: {"text": t.text},
    _text_item,
)
SUPPORTERS = ListKind(
    "supporters",
    "a supporter",
    [FieldSpec("name", "Name"), FieldSpec("phone", "Phone"), FieldSpec("relationship", "Who")],
    _contact_label,
    lambda c: {"name": c.name, "phone": c.phone, "relationship": c.relationship},
    _contact,
)
LISTS = {k.attr: k for k in (GOALS, OWN_WAYS, TRIGGERS, SUPPORTERS)}
EMPTY_WORDS = {
    "goals": "No goal yet. Press a to set one in your own words.",
    "own_strategies": "Nothing yet. Your own ways of keeping safer go here (a to add).",
    "triggers": "Nothing yet. Times, places or feelings that make use more likely (a to add).",
    "supporters": "Nobody yet. People who back you up (a to add).",
}


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
    .strategy-text {
        padding: 0 0 0 4;
        color: $text-muted;
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
                        yield PlainCheckbox(
                            s.title, s.key in chosen, id=f"strategy-{s.key}", compact=True
                        )
                        yield Static(
                            f"{s.text}\nSource: {s.source.short()}, checked {s.verified}.",
                            classes="strategy-text",
                            markup=False,
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
        if key not in strategies():
            return
        picked = set(self.plan.strategies)
        if event.value:
            picked.add(key)
        else:
            picked.discard(key)
        known = list(strategies())
        ordered = [k for k in known if k in picked]
        others = [k for k in self.plan.strategies if k not in known]  # keys from newer versions
        if ordered + others != self.plan.strategies:
            self.plan.strategies = ordered + others
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
