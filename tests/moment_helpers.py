"""Helpers shared by the tests of the tools for the moment, the hope box and their commands."""

from __future__ import annotations

from pathlib import Path

from safeplan.core.models import VaultPayload
from tests.vault_helpers import PASSPHRASE, make_vault


def vault_args(tmp_path: Path, payload: VaultPayload | None = None) -> tuple[Path, tuple[str, ...]]:
    """A real vault in ``tmp_path`` and the options that open it without a prompt."""
    vault = tmp_path / "v.safeplan"
    make_vault(vault, payload)
    secret = tmp_path / "pass.txt"
    secret.write_text(PASSPHRASE + "\n")
    return vault, ("--vault", str(vault), "--passphrase-file", str(secret))
