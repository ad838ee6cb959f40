"""Shared fixtures. Every test runs with its own HOME, XDG folders and TMPDIR, so nothing ever
touches a real home folder, and with the cheapest Argon2id profile the vault allows (64 MiB, one
pass), because calibration to half a second per vault would make the suite crawl."""

from __future__ import annotations

import os
from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    for var, sub in (
        ("XDG_DATA_HOME", ".local/share"),
        ("XDG_CONFIG_HOME", ".config"),
        ("XDG_STATE_HOME", ".local/state"),
        ("XDG_CACHE_HOME", ".cache"),
    ):
        monkeypatch.setenv(var, str(home / sub))
    monkeypatch.delenv("SAFEPLAN_VAULT", raising=False)
    monkeypatch.setenv("SAFEPLAN_KDF_PROFILE", "test")
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "NO_COLOR", "ACCESSIBLE"):
        monkeypatch.delenv(var, raising=False)
    return home


@pytest.fixture
def vault_path(tmp_path: Path) -> Path:
    return tmp_path / "vault.json"


def subprocess_env(home: Path, **extra: str) -> dict[str, str]:
    """The environment for running `safeplan` as a real subprocess in tests."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "SAFEPLAN_"))}
    env.update(
        HOME=str(home),
        XDG_DATA_HOME=str(home / ".local/share"),
        XDG_CONFIG_HOME=str(home / ".config"),
        XDG_STATE_HOME=str(home / ".local/state"),
        XDG_CACHE_HOME=str(home / ".cache"),
        SAFEPLAN_KDF_PROFILE="test",
        # The cheap profile is honoured only inside the test suite (safeplan.core.kdf).
        PYTEST_CURRENT_TEST=os.environ.get("PYTEST_CURRENT_TEST", "subprocess"),
        LANG="C.UTF-8",
        PYTHONIOENCODING="utf-8",
    )
    env.update(extra)
    return env
