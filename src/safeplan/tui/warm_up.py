"""Warming up while the passphrase is typed.

The first screen (unlock or welcome) needs neither pydantic nor the vault code, so they are left
out of the app's start: it draws as soon as Textual can. Once that screen is up, a thread worker
imports the vault (its models, the envelope, cryptography) and builds the models' validators, so
unlocking is not slowed by them either. Failing here changes nothing: the same imports happen on
first use.
"""

from __future__ import annotations

import contextlib


def warm_up() -> None:
    """Import and prepare what opening a vault needs (call from a thread worker)."""
    with contextlib.suppress(Exception):
        from safeplan.core import vault  # noqa: F401 - imported for its side effect: loaded
        from safeplan.core.models import VaultPayload

        VaultPayload()  # builds the validators of every model the payload holds
