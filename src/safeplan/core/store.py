"""What the UI and the CLI hold while the vault is open: a payload and a way to save it.

:class:`safeplan.core.vault.Vault` is the encrypted store on disk; :class:`MemoryStore` holds a
payload in memory only (``--demo`` and the ephemeral peer-worker session). Both follow :class:`Store`,
so every screen and command works the same on either.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    # Only for annotations: the app's first screen comes up without pydantic and the vault models
    # (safeplan.tui.warm_up imports them in the background while the passphrase is typed).
    from safeplan.core.models import VaultPayload


class Store(Protocol):
    payload: VaultPayload

    @property
    def path(self) -> Path | None:
        """Where the vault lives, or None when nothing is ever written."""

    @property
    def persistent(self) -> bool:
        """True when save() writes to disk."""

    def save(self) -> None:
        """Save the current payload. Thread-safe; blocks while writing: call it off the UI thread."""

    def close(self) -> None:
        """Release the vault (its lock); the store cannot be saved afterwards."""


class MemoryStore:
    """A payload held in memory only. ``save()`` keeps a validated snapshot and writes nothing."""

    def __init__(self, payload: VaultPayload | None = None) -> None:
        if payload is None:
            from safeplan.core.models import VaultPayload

            payload = VaultPayload()
        self.payload = payload
        self.saves = 0
        self.last_saved_json: bytes | None = None
        self._lock = threading.Lock()

    @property
    def path(self) -> Path | None:
        return None

    @property
    def persistent(self) -> bool:
        return False

    def save(self) -> None:
        with self._lock:
            self.last_saved_json = self.payload.model_dump_json().encode()
            self.saves += 1

    def close(self) -> None:
        pass

    def __enter__(self) -> MemoryStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
