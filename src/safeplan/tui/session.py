"""What the app holds while it runs: where the vault is, the open store (None while locked), the
clock and the country. Screens reach it as ``self.session`` (see :mod:`safeplan.tui.screens.base`).

The country follows :mod:`safeplan.core.kept_country`: chosen here (or ``--country``) > the kept
country (read once, before the app starts) > the vault's setting > the locale. Choosing a country
sets all of them at once, so the unlock screen, ctrl+g and ``safeplan crisis`` agree."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from safeplan.core import kept_country
from safeplan.core.store import Store
from safeplan.tui import help_source

if TYPE_CHECKING:
    # The vault models (and pydantic) are not needed to draw the first screen; they are imported
    # in the background once it is up (safeplan.tui.warm_up), or here on first use.
    from safeplan.core.models import Settings, VaultPayload


class Session:
    def __init__(
        self,
        *,
        vault_path: Path | None,
        store: Store | None,
        today: Callable[[], date],
        country: str | None,
        environ: Mapping[str, str],
        kept: str | None = None,
    ) -> None:
        self.vault_path = vault_path
        self.store = store
        self.today = today
        self.chosen_country = country
        self.environ = environ
        self.kept_country = kept
        """The country kept outside the vault (read before the app starts; no disk I/O later)."""

    def now(self) -> datetime:
        """The current local time on the session's day (a test's fixed day, or today)."""
        from safeplan.core.models import now

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
        if self.store is not None:
            return self.store.payload.settings
        from safeplan.core.models import Settings

        return Settings()

    @property
    def persistent(self) -> bool:
        return self.store is not None and self.store.persistent

    def vault_exists(self) -> bool:
        return self.vault_path is not None and self.vault_path.exists()

    @property
    def keeps_files(self) -> bool:
        """False for the demo and in-memory sessions: they leave nothing on disk, not even a
        country."""
        if self.store is not None:
            return self.store.persistent
        return self.vault_path is not None

    def country(self) -> str | None:
        """The country for crisis help: chosen on screen (or --country), else the kept country,
        else the vault's setting, else the locale."""
        if self.chosen_country:
            return self.chosen_country
        if self.kept_country:
            return self.kept_country
        if self.store is not None and self.store.payload.settings.country:
            return self.store.payload.settings.country
        return help_source.guess_country(self.environ)

    def country_is_a_guess(self) -> bool:
        """True when no one chose the country: it comes from the locale alone."""
        chosen = self.chosen_country or self.kept_country
        return not chosen and not (self.store is not None and self.store.payload.settings.country)

    def choose_country(self, code: str) -> str | None:
        """The person chose ``code``: the session, the vault's setting and the kept country all
        take it. Returns the code to write to the kept-country file (in a thread), if any."""
        self.chosen_country = code
        if self.store is not None:
            self.store.payload.settings.country = code
        if not self.keeps_files:
            return None
        self.kept_country = code
        return code

    def after_unlock(self) -> tuple[bool, str | None]:
        """Make the vault's setting and the kept country agree once the vault is open.

        Returns (the vault's setting changed and needs saving, a code to keep on disk). The kept
        country wins (it is what the person saw before unlocking); with none kept, the vault's
        country is kept, so the next unlock screen shows it."""
        if self.store is None:
            return False, None
        settings = self.store.payload.settings
        if self.kept_country and settings.country != self.kept_country:
            settings.country = self.kept_country
            return True, None
        if not self.kept_country and settings.country and self.keeps_files:
            self.kept_country = settings.country
            return False, settings.country
        return False, None


def keep_on_disk(code: str) -> None:
    """Write the kept country (call from a thread worker); a failure only means it is not kept."""
    kept_country.keep_quietly(code)
