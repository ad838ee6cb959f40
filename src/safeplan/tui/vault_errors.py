"""Vault errors, said calmly on screen with what to do next (the CLI's hints name commands; these
name buttons)."""

from __future__ import annotations

from safeplan.core import errors


def describe(error: errors.SafeplanError, *, recovering: bool = False) -> str:
    if isinstance(error, errors.RecoveryCodeMistyped):
        return f"{error.message} {error.hint}"
    if isinstance(error, errors.WrongPassphrase):
        if recovering:
            return (
                "That recovery code does not open this vault. Check it against your copy "
                "(letters and digits; dashes and spaces do not matter) and try again."
            )
        return (
            "That passphrase does not open this vault. Check caps lock and try again, or choose "
            '"I forgot my passphrase" to use your recovery code.'
        )
    if isinstance(error, errors.VaultDamaged):
        state = "has been changed or damaged" if "changed or" in error.message else "is damaged"
        if error.backups:
            count = len(error.backups)
            can = "1 backup can" if count == 1 else f"{count} backups can"
            return (
                f"The vault file {state} and cannot be read. Your passphrase is not the problem. "
                f"{can} be restored: close safeplan and run "
                "`safeplan backup list`, then `safeplan backup restore N`."
            )
        return (
            f"The vault file {state} and cannot be read. Your passphrase is not the problem, "
            "and no backup was found beside it. Crisis help still works: press ctrl+g."
        )
    if isinstance(error, errors.VaultLocked):
        return (
            "Your vault is open in another safeplan window. Close it there, then choose Open again. "
            "Nothing was changed."
        )
    return f"{error.message} {error.hint}".strip()


UNEXPECTED = errors.SafeplanError(
    "Something unexpected went wrong while opening your vault.",
    "Nothing was changed. Try again; crisis help still works with ctrl+g.",
)
