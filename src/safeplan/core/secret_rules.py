"""What a new passphrase must be. Light on imports: the CLI's argument parsing reads it."""

from __future__ import annotations

from safeplan.core import errors

MIN_PASSPHRASE_LENGTH = 8


def check_new_passphrase(passphrase: str) -> None:
    """Raise a calm UsageError when ``passphrase`` cannot protect a vault."""
    if len(passphrase) < MIN_PASSPHRASE_LENGTH:
        raise errors.UsageError(
            f"A passphrase needs at least {MIN_PASSPHRASE_LENGTH} characters to protect your vault.",
            "A few ordinary words you will remember work well, like a short sentence.",
        )
    if "\n" in passphrase or "\r" in passphrase:
        raise errors.UsageError(
            "A passphrase cannot contain a line break.", "Choose one without pressing Enter in it."
        )
