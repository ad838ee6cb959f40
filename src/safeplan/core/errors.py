"""Errors a person can act on, each with its documented exit code.

Every message is written for a person who may be having a very hard time: what happened, then what
to do next, in one or two plain sentences. Messages never contain anything the person wrote.
"""

from __future__ import annotations

from pathlib import Path

# Exit codes (also in `safeplan --help` and the README).
EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2
EXIT_WRONG_SECRET = 3
EXIT_DAMAGED = 4
EXIT_LOCKED = 5
EXIT_NO_VAULT = 6
EXIT_STOPPED = 130  # ctrl+c, or ctrl+d (end of input) at a question


class SafeplanError(Exception):
    """Base class: ``message`` says what happened, ``hint`` what to do next."""

    exit_code = EXIT_ERROR

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message} {self.hint}".strip()


class UsageError(SafeplanError):
    exit_code = EXIT_USAGE


class StoppedAtPrompt(SafeplanError):
    """ctrl+c or ctrl+d (end of input) at a question: the person chose to stop."""

    exit_code = EXIT_STOPPED

    def __init__(self, saved_part: bool = False) -> None:
        super().__init__(
            "Stopped."
            + (
                " What was saved before this stays saved."
                if saved_part
                else " Nothing was changed."
            ),
            "Run the command again whenever you like. `safeplan crisis` shows crisis lines at once.",
        )


class VaultError(SafeplanError):
    """Anything to do with opening or saving the vault."""


class WrongPassphrase(VaultError):
    exit_code = EXIT_WRONG_SECRET

    def __init__(self, what: str = "passphrase", backups: list[Path] | None = None) -> None:
        # The checksum is no MAC: a file someone changed can look like a wrong secret too.
        changed = (
            " If you are sure it is right, the file may have been changed: "
            "`safeplan backup list` shows backups that may still open."
            if backups
            else ""
        )
        if what == "recovery code":
            super().__init__(
                "That recovery code does not open this vault.",
                "Check it against your copy (letters and digits, dashes optional) and try again."
                + changed,
            )
        else:
            super().__init__(
                "That passphrase does not open this vault.",
                "Check caps lock and try again, or use your recovery code with `safeplan recover`."
                + changed,
            )


class RecoveryCodeMistyped(WrongPassphrase):
    """A recovery code whose check characters do not match: a typo, not a wrong code."""

    def __init__(self) -> None:
        VaultError.__init__(
            self,
            "That recovery code looks mistyped: its last characters do not match the rest.",
            "A recovery code has 28 letters and digits in groups of four. Check each group "
            "against your copy and try again.",
        )


class VaultReadOnly(VaultError):
    def __init__(self, path: Path) -> None:
        self.path = path
        super().__init__(
            f"The vault at {path} is in a place that cannot be written (read-only), so nothing "
            "can be saved there.",
            "Everything in it can still be read. To make changes, copy the vault somewhere "
            "you can write and use --vault with the copy.",
        )


def _backups_can(count: int) -> str:
    return "1 backup can" if count == 1 else f"{count} backups can"


class VaultDamaged(VaultError):
    exit_code = EXIT_DAMAGED

    def __init__(
        self,
        path: Path,
        backups: list[Path] | None = None,
        detail: str = "",
        *,
        changed: bool = False,
    ) -> None:
        self.path = path
        self.backups = list(backups or [])
        self.detail = detail
        if self.backups:
            hint = (
                f"Your passphrase is not the problem. {_backups_can(len(self.backups))} be "
                f"restored, the newest is {self.backups[0]}: run `safeplan backup list`, then "
                "`safeplan backup restore N`."
            )
        else:
            hint = "Your passphrase is not the problem. No backup was found beside it."
        what = "has been changed or damaged" if changed else "is damaged"
        super().__init__(f"The vault file at {path} {what} and cannot be read.", hint)


class VaultTooNew(VaultError):
    def __init__(self, found: int, supported: int) -> None:
        super().__init__(
            f"This vault was written by a newer safeplan (format {found}; this one reads up to "
            f"{supported}).",
            "Update safeplan to open it. Nothing was changed.",
        )


class VaultLocked(VaultError):
    exit_code = EXIT_LOCKED

    def __init__(self, path: Path) -> None:
        super().__init__(
            f"The vault at {path} is open in another safeplan window.",
            "Close it there (or finish what you are doing there) and try again. Nothing was changed.",
        )


class VaultChangedOnDisk(VaultError):
    exit_code = EXIT_LOCKED

    def __init__(self, path: Path) -> None:
        super().__init__(
            f"The vault at {path} was changed by something else since it was opened, so it was not "
            "overwritten.",
            "Your changes are still on screen. Close safeplan and open it again to see both.",
        )


class VaultNotFound(VaultError):
    exit_code = EXIT_NO_VAULT

    def __init__(self, path: Path) -> None:
        self.path = path
        super().__init__(
            f"There is no vault at {path}.",
            "Create one with `safeplan init`, or point to yours with --vault PATH.",
        )


class VaultExists(VaultError):
    def __init__(self, path: Path) -> None:
        super().__init__(
            f"There is already a vault at {path}.",
            "Open it with `safeplan`, or choose another place with --vault PATH.",
        )


class SaveFailed(VaultError):
    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(
            f"Your changes could not be saved to {path} ({reason}). The vault on disk is unchanged.",
            "Free some space or check the folder, then try again (in the app, your changes stay "
            "open until then).",
        )
