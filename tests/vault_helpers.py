"""Small helpers shared by the vault tests."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from safeplan.core.models import CheckIn, Contact, TextItem, VaultPayload
from safeplan.core.vault import Vault

PASSPHRASE = "correct horse battery staple"
CANARY = "CANARY-zebra-lighthouse-4471"


def sample_payload(marker: str = CANARY) -> VaultPayload:
    payload = VaultPayload()
    payload.plan.warning_signs.append(TextItem(text=f"I stop answering messages {marker}"))
    payload.plan.help_contacts.append(Contact(name=f"Sam {marker}", phone="555 0101"))
    payload.checkins.append(
        CheckIn(at=datetime(2026, 11, 1, 9, 30, tzinfo=UTC), mood=4, note=marker)
    )
    return payload


def make_vault(path: Path, payload: VaultPayload | None = None) -> str:
    """Create a closed vault at ``path``; return its recovery code."""
    vault, code = Vault.create(
        path, PASSPHRASE, payload if payload is not None else sample_payload()
    )
    vault.close()
    return code
