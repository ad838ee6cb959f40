"""Where safeplan keeps things. Every path can be overridden (flag or environment) so that tests
never touch a real home folder."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "safeplan"
VAULT_ENV = "SAFEPLAN_VAULT"
VAULT_FILENAME = "vault.json"


def data_dir() -> Path:
    return platformdirs.user_data_path(APP_NAME, appauthor=False)


def default_vault_path() -> Path:
    """The vault path: ``SAFEPLAN_VAULT`` if set, else the platform's user data folder."""
    env = os.environ.get(VAULT_ENV, "").strip()
    if env:
        return Path(env).expanduser()
    return data_dir() / VAULT_FILENAME


def resolve_vault_path(given: str | os.PathLike[str] | None) -> Path:
    """The vault a command or the app was pointed at. An empty ``--vault ""`` or an empty
    ``SAFEPLAN_VAULT`` (a script's unset variable) is a usage error, never the default vault."""
    from safeplan.core import errors

    if given is not None:
        if not str(given).strip():
            raise errors.UsageError(
                "--vault was given an empty path.",
                "Give the vault file's path, or leave out --vault to use the usual one.",
            )
        return Path(given).expanduser()
    if VAULT_ENV in os.environ and not os.environ[VAULT_ENV].strip():
        raise errors.UsageError(
            f"{VAULT_ENV} is set but empty.",
            "Set it to the vault file's path, or unset it to use the usual one.",
        )
    return default_vault_path()


def crash_report_dir() -> Path:
    """Where an unexpected-error report (never containing personal data) is written."""
    return platformdirs.user_state_path(APP_NAME, appauthor=False)


# The vault's companions. Their names are part of the format's promises (docs/vault-format.md).
TMP_MARK = ".tmp-"


def lock_path(vault: Path) -> Path:
    """The lock file held while a safeplan has the vault open."""
    return vault.with_name(vault.name + ".lock")


def backup_dir(vault: Path) -> Path:
    """The folder of the vault's encrypted backups."""
    return vault.with_name(vault.stem + "-backups")
