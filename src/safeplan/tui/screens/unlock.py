"""Opening the vault: the passphrase, or the recovery code and then a new passphrase. Crisis help is in
view and on ctrl+g before anything is asked. Key derivation runs in a thread worker."""

from __future__ import annotations

from pathlib import Path

from textual import on, work
from textual.app import App, ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Static

from safeplan.core.errors import SafeplanError
from safeplan.core.store import Store
from safeplan.tui import help_source, vault_errors
from safeplan.tui.messages import VaultFailed, VaultOpened
from safeplan.tui.screens.base import SafeplanScreen
from safeplan.tui.screens.welcome import MIN_LENGTH, RecoveryCodeScreen
from safeplan.tui.widgets.crisis_strip import CrisisStrip
from safeplan.tui.widgets.fields import TextField
from safeplan.tui.widgets.footer import KeysFooter
from safeplan.tui.widgets.still_working import StillWorking

OPENING = "Opening your vault…"


class UnlockScreen(SafeplanScreen[None]):
    """``discreet`` (after ctrl+l or the idle lock, unless the person turned the lock screen's help
    on in settings): a neutral screen with nothing that says what safeplan is for. ctrl+g still
    opens help, as everywhere."""

    AUTO_FOCUS = "#passphrase"

    def __init__(self, *, discreet: bool = False, after_idle: bool = False) -> None:
        super().__init__()
        self.discreet = discreet
        self.after_idle = after_idle
        self.still = StillWorking(self)

    def compose(self) -> ComposeResult:
        if not self.discreet:
            yield CrisisStrip(self.session.country(), id="crisis-strip")
        with VerticalScroll(classes="form"):
            if self.discreet:
                yield Static("Locked", classes="screen-title", id="unlock-title")
            else:
                yield Static("Welcome back", classes="screen-title", id="unlock-title")
                guess = " (a guess from your language settings)" if self._guessed() else ""
                yield Static(
                    f"Crisis help here is for {help_source.place(self.session.country())}{guess}. "
                    "To change it: ctrl+g, then c.",
                    id="unlock-country",
                    classes="muted",
                    markup=False,
                )
            if self.after_idle:
                yield Static(
                    "Locked after a while without use. Everything was saved first.",
                    id="unlock-idle",
                    classes="muted",
                )
            yield Static("Your passphrase:", classes="label")
            yield TextField(password=True, id="passphrase", placeholder="passphrase")
            yield Static("", id="status", classes="status", markup=False)
            with Horizontal(classes="button-row"):
                yield Button("Open", id="open", variant="primary")
                yield Button("I forgot my passphrase", id="forgot")
        yield KeysFooter()

    def _guessed(self) -> bool:
        return self.session.country() is not None and self.session.country_is_a_guess()

    @on(TextField.Submitted, "#passphrase")
    @on(Button.Pressed, "#open")
    def _open(self) -> None:
        field = self.query_one("#passphrase", TextField)
        if not field.value:
            self.query_one("#status", Static).update("Type your passphrase, then press enter.")
            return
        path = self.session.vault_path
        assert path is not None
        self._busy(True)
        self.query_one("#status", Static).update(OPENING)
        self._open_vault(path, field.value)

    def _busy(self, busy: bool) -> None:
        self.query_one("#passphrase", TextField).disabled = busy
        for button in self.query(Button):
            button.disabled = busy
        if busy:
            self.still.start("opening your vault")
        else:
            self.still.stop()

    @work(thread=True, exclusive=True, exit_on_error=False)
    def _open_vault(self, path: Path, passphrase: str) -> None:
        from safeplan.core.vault import Vault

        try:
            vault = Vault.open(path, passphrase, lock_timeout=0.0)
        except SafeplanError as exc:
            self.post_message(VaultFailed(exc))
            return
        except Exception:  # noqa: BLE001 - a calm message, never a traceback
            self.post_message(VaultFailed(vault_errors.UNEXPECTED))
            return
        self.post_message(VaultOpened(vault))

    def on_vault_failed(self, message: VaultFailed) -> None:
        self._busy(False)
        field = self.query_one("#passphrase", TextField)
        field.value = ""
        field.focus()
        self.query_one("#status", Static).update(vault_errors.describe(message.error))

    def on_vault_opened(self, message: VaultOpened) -> None:
        self.still.stop()
        self.sp.unlocked(message.store)
        self.sp.show_home()
        say_vault_notes(self.app, message.store)

    @on(Button.Pressed, "#forgot")
    def _forgot(self) -> None:
        self.app.push_screen(RecoverScreen())


class RecoverScreen(SafeplanScreen[None]):
    """The recovery code opens the vault; then a new passphrase replaces the forgotten one."""

    AUTO_FOCUS = "#code"
    BINDINGS = [("escape", "back", "Back")]

    def __init__(self) -> None:
        super().__init__()
        self.store: Store | None = None
        self.still = StillWorking(self)

    def compose(self) -> ComposeResult:
        yield CrisisStrip(self.session.country(), id="crisis-strip")
        with VerticalScroll(classes="form"):
            yield Static("Open with your recovery code", classes="screen-title")
            yield Static(
                "Type the recovery code you kept when you made your vault. Dashes and spaces "
                "do not matter.",
            )
            yield Static(
                "Lost both the passphrase and the code? Then no one can open this vault, not "
                "even safeplan's makers. You can start a new one, a printed copy of your plan "
                "still works, and crisis help needs no passphrase: ctrl+g.",
                id="lost-code",
                classes="muted",
            )
            yield TextField(id="code", placeholder="recovery code")
            yield Static("Choose a new passphrase:", classes="label", id="new-label")
            yield TextField(password=True, id="new1", placeholder="new passphrase")
            yield Static("Type it again:", classes="label", id="new2-label")
            yield TextField(password=True, id="new2", placeholder="the same again")
            yield Static("", id="status", classes="status", markup=False)
            with Horizontal(classes="button-row"):
                yield Button("Continue", id="continue", variant="primary")
                yield Button("Back", id="back")
        yield KeysFooter()

    def on_mount(self) -> None:
        self._show_new_passphrase(False)

    def _show_new_passphrase(self, show: bool) -> None:
        for wid in ("#new-label", "#new1", "#new2-label", "#new2"):
            self.query_one(wid).display = show
        self.query_one("#code").display = not show

    def action_back(self) -> None:
        if self.store is None:
            self.dismiss(None)

    @on(Button.Pressed, "#back")
    def _back(self) -> None:
        self.action_back()

    @on(TextField.Submitted)
    @on(Button.Pressed, "#continue")
    def _continue(self, event: TextField.Submitted | Button.Pressed) -> None:
        status = self.query_one("#status", Static)
        if self.store is None:
            code = self.query_one("#code", TextField).value.strip()
            if not code:
                status.update("Type your recovery code, then press enter.")
                return
            path = self.session.vault_path
            assert path is not None
            status.update(OPENING)
            self._busy(True)
            self._open_with_code(path, code)
            return
        if isinstance(event, TextField.Submitted) and event.input.id == "new1":
            self.query_one("#new2", TextField).focus()
            return
        first = self.query_one("#new1", TextField).value
        second = self.query_one("#new2", TextField).value
        if len(first) < MIN_LENGTH:
            status.update(f"Please choose at least {MIN_LENGTH} characters.")
            return
        if first != second:
            status.update("Those two did not match. Please type the new passphrase again.")
            self.query_one("#new2", TextField).value = ""
            self.query_one("#new2", TextField).focus()
            return
        status.update("Saving your new passphrase…")
        self._busy(True)
        self._change_passphrase(self.store, first)

    def _busy(self, busy: bool) -> None:
        for widget in self.query(TextField):
            widget.disabled = busy
        for button in self.query(Button):
            button.disabled = busy
        if busy:
            self.still.start("working")
        else:
            self.still.stop()

    @work(thread=True, exclusive=True, exit_on_error=False)
    def _open_with_code(self, path: Path, code: str) -> None:
        from safeplan.core.vault import Vault

        try:
            vault = Vault.open_with_recovery(path, code, lock_timeout=0.0)
        except SafeplanError as exc:
            self.post_message(VaultFailed(exc))
            return
        except Exception:  # noqa: BLE001
            self.post_message(VaultFailed(vault_errors.UNEXPECTED))
            return
        self.post_message(VaultOpened(vault))

    @work(thread=True, exclusive=True, exit_on_error=False)
    def _change_passphrase(self, store: Store, passphrase: str) -> None:
        try:
            code = store.change_passphrase(passphrase)  # type: ignore[attr-defined]
        except SafeplanError as exc:
            self.post_message(VaultFailed(exc))
            return
        except Exception:  # noqa: BLE001
            self.post_message(VaultFailed(vault_errors.UNEXPECTED))
            return
        self.post_message(VaultOpened(store, code))

    def on_vault_failed(self, message: VaultFailed) -> None:
        self._busy(False)
        recovering = self.store is None
        self.query_one("#status", Static).update(
            vault_errors.describe(message.error, recovering=recovering)
        )
        self.query_one("#code" if recovering else "#new1", TextField).focus()

    def on_vault_opened(self, message: VaultOpened) -> None:
        self._busy(False)
        if message.recovery_code is None:
            self.store = message.store
            self.sp.unlocked(message.store)
            say_vault_notes(self.app, message.store)
            self.query_one("#status", Static).update(
                "Your vault is open. Now choose a new passphrase to use from now on."
            )
            self._show_new_passphrase(True)
            self.query_one("#new1", TextField).focus()
            return
        self.app.switch_screen(RecoveryCodeScreen(message.recovery_code, first_run=False))


def say_vault_notes(app: App[object], store: object) -> None:
    """After an unlock: a read-only vault, or one older than the newest copy seen here, is said
    once, calmly (no personal words in a notification)."""
    if getattr(store, "read_only", False):
        app.notify(
            "This vault is in a place that cannot be written, so it is open read-only: you can "
            "read everything, and changes cannot be saved.",
            timeout=12,
        )
    if getattr(store, "rolled_back", None) is not None:
        app.notify(
            "This vault is older than the newest copy of it opened on this computer. If you did "
            "not restore an older copy, one may have been put in its place: the backups are "
            "listed by `safeplan backup list`.",
            severity="warning",
            timeout=20,
        )
