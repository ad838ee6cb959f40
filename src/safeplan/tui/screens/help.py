"""Get help now (ctrl+g from anywhere): the emergency number and crisis lines for the person's country,
and, once the vault is open, their own people and professionals first."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.events import Resize
from textual.widgets import Button, OptionList, Static
from textual.widgets.option_list import Option

from safeplan.core.crisis.countries import match_country, search_countries
from safeplan.core.crisis.render import wrap
from safeplan.core.sections import SECTIONS, item_label, items_in
from safeplan.tui import help_source, menu
from safeplan.tui.screens.base import SafeplanModal, SafeplanScreen
from safeplan.tui.widgets.fields import TextField
from safeplan.tui.widgets.footer import KeysFooter

WALKTHROUGH = "safeplan.tui.screens.walkthrough:WalkthroughScreen"


class HelpScreen(SafeplanScreen[None]):
    PAUSES_IDLE_LOCK = True
    BINDINGS = [
        Binding("escape", "close", "Close", id="help-close"),
        Binding("c", "change_country", "Country", id="help-country"),
        Binding("t", "tools", "Calming tools", id="help-tools"),
        Binding("o", "overdose", "Overdose steps", id="help-overdose"),
    ]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-body"):
            yield Static("Get help now", classes="screen-title")
            yield Static(id="help-emergency", classes="emphasis", markup=False)
            yield Static(id="help-place", classes="muted", markup=False)
            if self.session.unlocked:
                yield from self._own_people()
            yield Static(id="help-public", classes="public-help", markup=False)
        with Horizontal(classes="button-row"):
            if self.session.unlocked and menu.available(WALKTHROUGH):
                yield Button("Use my plan now", id="help-walkthrough", variant="primary")
            yield Button("If someone may be overdosing", id="help-overdose-button")
            yield Button("Change country", id="help-change-country")
            yield Button("Close", id="help-close-button")
        yield KeysFooter()

    def _own_people(self) -> ComposeResult:
        plan = self.session.payload.plan
        for step in ("help", "professionals"):
            section = SECTIONS[step]
            items = items_in(plan, step)
            if not items:
                continue
            yield Static(section.title, classes="section-title")
            width = max(30, self.app.size.width - 6)
            lines = [line for item in items for line in wrap(item_label(item), width, "• ", "  ")]
            yield Static("\n".join(lines), classes="own-help", markup=False)

    def on_mount(self) -> None:
        self._render_public()

    def on_resize(self, event: Resize) -> None:
        self._render_public()

    def _render_public(self) -> None:
        country = self.session.country()
        width = max(30, self.app.size.width - 6)
        self.query_one("#help-emergency", Static).update(
            "\n".join(help_source.emergency_lines(country, width))
        )
        self.query_one("#help-place", Static).update(
            f"Crisis help for: {help_source.place(country)} (press c to change)"
        )
        self.query_one("#help-public", Static).update(
            "\n".join(help_source.public_lines(country, width))
        )

    def action_close(self) -> None:
        self.dismiss(None)

    def action_tools(self) -> None:
        from safeplan.tui.screens.tools import ToolsScreen

        self.app.push_screen(ToolsScreen())

    def action_change_country(self) -> None:
        self.app.push_screen(CountryPicker(self.session.country()), self._country_chosen)

    def _country_chosen(self, country: str | None) -> None:
        if not country:
            return
        self.sp.keep_country(self.session.choose_country(country))  # kept for before unlocking
        if self.session.unlocked:
            self.request_save()
        self._render_public()

    def action_overdose(self) -> None:
        from safeplan.tui.screens.overdose import OverdoseScreen

        self.app.push_screen(OverdoseScreen())

    @on(Button.Pressed, "#help-overdose-button")
    def _overdose_pressed(self) -> None:
        self.action_overdose()

    @on(Button.Pressed, "#help-close-button")
    def _close_pressed(self) -> None:
        self.action_close()

    @on(Button.Pressed, "#help-change-country")
    def _country_pressed(self) -> None:
        self.action_change_country()

    @on(Button.Pressed, "#help-walkthrough")
    def _walkthrough_pressed(self) -> None:
        self.sp.open_screen(WALKTHROUGH)


class CountryPicker(SafeplanModal[str | None]):
    """Type to narrow the list, then choose with enter or a click."""

    AUTO_FOCUS = "#country-filter"
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="country-cancel"),
        Binding("down", "move(1)", show=False),
        Binding("up", "move(-1)", show=False),
    ]

    def __init__(self, current: str | None) -> None:
        super().__init__()
        self.current = current
        self.names = help_source.country_names()

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="country-box", classes="dialog"):
            yield Static("Which country are you in?", classes="section-title")
            yield TextField(placeholder="Type a country name or code", id="country-filter")
            yield OptionList(id="country-list")
        yield KeysFooter()

    def on_mount(self) -> None:
        self._fill("")

    def _fill(self, text: str) -> None:
        """Names, codes and the names people use ("uk", "England", "Holland"), best match first;
        the same matching as --country on the command line."""
        options = self.query_one("#country-list", OptionList)
        options.clear_options()
        codes = search_countries(text) or list(match_country(text).suggestions)  # typos: "germny"
        for code in codes:
            options.add_option(Option(f"{self.names.get(code, code)} ({code})", id=code))
        if not codes:
            options.add_option(
                Option(
                    "No country matches. Try a name or code, such as UK or Germany.", disabled=True
                )
            )
        elif not text.strip() and self.current in codes:
            options.highlighted = codes.index(self.current)
        else:
            options.highlighted = 0

    @on(TextField.Changed, "#country-filter")
    def _filter(self, event: TextField.Changed) -> None:
        self._fill(event.value)

    @on(TextField.Submitted, "#country-filter")
    def _submit(self) -> None:
        options = self.query_one("#country-list", OptionList)
        if options.highlighted is not None:
            option = options.get_option_at_index(options.highlighted)
            if not option.disabled:
                self.dismiss(option.id)

    @on(OptionList.OptionSelected, "#country-list")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_move(self, step: int) -> None:
        options = self.query_one("#country-list", OptionList)
        if options.option_count:
            current = options.highlighted or 0
            options.highlighted = max(0, min(options.option_count - 1, current + step))
