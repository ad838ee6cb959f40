"""First run: crisis help in view before anything is asked, a passphrase (twice) with a plain
warning that it cannot be reset, the country whose crisis lines are shown (the locale's guess,
easy to change), then the one-time recovery code."""

from __future__ import annotations

from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Static

from safeplan.core.errors import SafeplanError
from safeplan.tui import help_source, vault_errors
from safeplan.tui.messages import VaultFailed, VaultOpened
from safeplan.tui.screens.base import SafeplanScreen
from safeplan.tui.widgets.crisis_strip import CrisisStrip
from safeplan.tui.widgets.fields import TextField
from safeplan.tui.widgets.footer import KeysFooter

MIN_LENGTH = 8

INTRO = (
    "safeplan keeps your safety plan private, on this computer only, in one file locked with a "
    "passphrase you choose. Nothing is ever sent anywhere."
)
WARNING = (
    "Important: nobody can reset this passphrase, not even the people who make safeplan. "
    "Next you will see a recovery code: it is the only other way in."
)


class CreateVaultScreen(SafeplanScreen[None]):
    AUTO_FOCUS = "#passphrase"

    def compose(self) -> ComposeResult:
        yield CrisisStrip(self.session.country(), id="crisis-strip")
        with VerticalScroll(classes="form"):
            yield Static("Welcome", classes="screen-title")
            yield Static(INTRO)
            yield Static("Choose a passphrase (a few ordinary words work well):", classes="label")
            yield TextField(password=True, id="passphrase", placeholder="passphrase")
            yield Static("Type it again:", classes="label")
            yield TextField(password=True, id="passphrase2", placeholder="the same again")
            yield Static(WARNING, classes="warning-text")
            with Horizontal(id="welcome-country-row"):
                yield Static("Crisis help for:", classes="label")
                yield Button(self._country_label(), id="welcome-country", compact=True)
            yield Static("", id="status", classes="status", markup=False)
            with Horizontal(classes="button-row"):
                yield Button("Create my vault", id="create", variant="primary")
        yield KeysFooter()

    def _country_label(self) -> str:
        country = self.session.country()
        if country is None:
            return "choose your country"
        guessed = " (a guess: change it here)" if self.session.country_is_a_guess() else ""
        return help_source.place(country) + guessed

    @on(Button.Pressed, "#welcome-country")
    def _change_country(self) -> None:
        from safeplan.tui.screens.help import CountryPicker

        self.app.push_screen(CountryPicker(self.session.country()), self._country_chosen)

    def _country_chosen(self, country: str | None) -> None:
        if country:
            self.sp.keep_country(self.session.choose_country(country))
            button = self.query_one("#welcome-country", Button)
            button.label = self._country_label()
            button.refresh(layout=True)  # the new name's own width, not the old one's
            self.query_one("#crisis-strip", CrisisStrip).show_country(country)

    @on(TextField.Submitted, "#passphrase")
    def _next_field(self) -> None:
        self.query_one("#passphrase2", TextField).focus()

    @on(TextField.Submitted, "#passphrase2")
    @on(Button.Pressed, "#create")
    def _create(self) -> None:
        first = self.query_one("#passphrase", TextField).value
        second = self.query_one("#passphrase2", TextField).value
        status = self.query_one("#status", Static)
        if len(first) < MIN_LENGTH:
            status.update(
                f"Please choose at least {MIN_LENGTH} characters. A few ordinary words are easy "
                "to remember and hard to guess."
            )
            self.query_one("#passphrase", TextField).focus()
            return
        if first != second:
            status.update("Those two did not match. Please type the passphrase again.")
            self.query_one("#passphrase2", TextField).value = ""
            self.query_one("#passphrase2", TextField).focus()
            return
        path = self.session.vault_path
        assert path is not None
        status.update("Creating your vault…")
        self._busy(True)
        self._create_vault(path, first)

    def _busy(self, busy: bool) -> None:
        for widget in self.query(TextField):
            widget.disabled = busy
        self.query_one("#create", Button).disabled = busy

    @work(thread=True, exclusive=True, exit_on_error=False)
    def _create_vault(self, path: Path, passphrase: str) -> None:
        from safeplan.core.vault import Vault

        try:
            vault, code = Vault.create(path, passphrase)
        except SafeplanError as exc:
            self.post_message(VaultFailed(exc))
            return
        except Exception:  # noqa: BLE001 - a calm message, never a traceback
            self.post_message(VaultFailed(vault_errors.UNEXPECTED))
            return
        self.post_message(VaultOpened(vault, code))

    def on_vault_failed(self, message: VaultFailed) -> None:
        self._busy(False)
        self.query_one("#status", Static).update(vault_errors.describe(message.error))
        self.query_one("#passphrase", TextField).focus()

    def on_vault_opened(self, message: VaultOpened) -> None:
        country = self.session.country()
        self.sp.unlocked(message.store)
        if country and self.session.settings.country != country:
            # The country shown while the vault was made (chosen, or the guess left as it was).
            self.sp.keep_country(self.session.choose_country(country))
            self.request_save()
        self.app.switch_screen(RecoveryCodeScreen(message.recovery_code or "", first_run=True))


KEEP_IT = (
    "This code opens your vault if you ever forget your passphrase. It is shown only now.\n\n"
    "Write it on paper and keep it somewhere safe, away from this computer: with your important "
    "papers, or with someone you trust. Do not keep it in a file or a photo on this computer."
)


class RecoveryCodeScreen(SafeplanScreen[None]):
    """The one-time recovery code, then: start your plan, or just look around."""

    def __init__(self, code: str, *, first_run: bool) -> None:
        super().__init__()
        self.code = code
        self.first_run = first_run

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="form"):
            yield Static("Your recovery code", classes="screen-title")
            yield Static(self.code, id="recovery-code", classes="recovery-code", markup=False)
            yield Static(KEEP_IT)
            with Horizontal(classes="button-row"):
                if self.first_run:
                    yield Button("Start my plan, step by step", id="start-plan", variant="primary")
                    yield Button("Write it myself", id="write-plan")
                    yield Button("Just look around", id="look-around")
                else:
                    yield Button("I have kept it", id="look-around", variant="primary")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.query_one(Button).focus()

    @on(Button.Pressed, "#start-plan")
    def _start_plan(self) -> None:
        """The guided session: the method's questions, barrier checks and follow-up."""
        self.code = ""
        self.sp.show_home(then="safeplan.tui.screens.guide:GuideScreen")

    @on(Button.Pressed, "#write-plan")
    def _write_plan(self) -> None:
        self.code = ""
        self.sp.show_home(then="safeplan.tui.screens.plan_editor:PlanEditorScreen")

    @on(Button.Pressed, "#look-around")
    def _look_around(self) -> None:
        self.code = ""
        self.sp.show_home()
