"""What the app holds while it runs: where the vault is, the open store (None while locked), the
clock and the country. Screens reach it as ``self.session`` (see :mod:`safeplan.tui.screens.base`)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date, datetime
from pathlib import Path

from safeplan.core.models import Settings, VaultPayload, now
from safeplan.core.store import Store
from safeplan.tui import help_source


class Session:
    def __init__(
        self,
        *,
        vault_path: Path | None,
        store: Store | None,
        today: Callable[[], date],
        country: str | None,
        environ: Mapping[str, str],
    ) -> None:
        self.vault_path = vault_path
        self.store = store
        self.today = today
        self.chosen_country = country
        self.environ = environ

    def now(self) -> datetime:
        """The current local time on the session's day (a test's fixed day, or today)."""
        stamp = now()
        day = self.today()
        return (
            stamp
            if stamp.date() == day
            else stamp.replace(year=day.year, month=day.month, day=day.day)
        )

    @property
    def unlocked(self) -> bool:
        return self.store is not None

    @property
    def payload(self) -> VaultPayload:
        if self.store is None:
            raise RuntimeError("the vault is locked")
        return self.store.payload

    @property
    def settings(self) -> Settings:
        return self.store.payload.settings if self.store is not None else Settings()

    @property
    def persistent(self) -> bool:
        return self.store is not None and self.store.persistent

    def vault_exists(self) -> bool:
        return self.vault_path is not None and self.vault_path.exists()

    def country(self) -> str | None:
        """The country for crisis help: chosen on screen, else the vault's setting, else the locale."""
        if self.chosen_country:
            return self.chosen_country
        if self.store is not None and self.store.payload.settings.country:
            return self.store.payload.settings.country
        return help_source.guess_country(self.environ)
