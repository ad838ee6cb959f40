"""Messages the screens and workers send each other: small dataclasses, posted from any thread."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from safeplan.core.errors import SafeplanError
from safeplan.core.store import Store


@dataclass
class VaultOpened(Message):
    """A worker opened (or created) the vault; ``recovery_code`` is set only right after creating."""

    store: Store
    recovery_code: str | None = None


@dataclass
class VaultFailed(Message):
    """A worker could not open or create the vault."""

    error: SafeplanError


@dataclass
class SaveFinished(Message):
    """A save worker finished; ``error`` is None when everything was written."""

    error: SafeplanError | None


@dataclass
class CountryChanged(Message):
    country: str | None
