"""Check-ins and the use log at ten years of entries: trends, the combination check, the CSV log,
and how long saving one check-in takes on a real vault. Aggregated by bench/run.py; prints nothing.

The vault is created with SAFEPLAN_KDF_PROFILE=test (the cheap key derivation the tests use): the
key derivation is measured by run.py on its own, and a save does not derive a key.
"""

from __future__ import annotations

import os
import random
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from safeplan.core import log_formats, trends
from safeplan.core.checkins import add_checkin, entries_since, new_checkin, new_use_entry
from safeplan.core.combinations import check_combinations
from safeplan.core.models import CheckIn, UseEntry, VaultPayload
from safeplan.core.vault import Vault

YEARS = 10
TODAY = date(2026, 11, 1)
PASSPHRASE = "benchmark passphrase"


def ten_years(seed: int = 11) -> VaultPayload:
    """Two check-ins a day and a use entry most days, for ten years."""
    rng = random.Random(seed)
    payload = VaultPayload()
    start = datetime(TODAY.year, TODAY.month, TODAY.day, tzinfo=UTC) - timedelta(days=365 * YEARS)
    for day in range(365 * YEARS):
        when = start + timedelta(days=day)
        for hour in (9, 21):
            payload.checkins.append(
                CheckIn(
                    at=when + timedelta(hours=hour),
                    mood=rng.randint(0, 10),
                    anxiety=rng.randint(0, 10),
                    self_harm_urge=rng.randint(0, 3),
                    suicidal_thoughts=rng.randint(0, 3),
                    use_urge=rng.randint(0, 10),
                    sleep_hours=round(rng.uniform(4, 9), 1) if hour == 9 else None,
                    tags=rng.sample(["work", "family", "tired", "outside", "friends"], 2),
                    note="a short note about the day" if rng.random() < 0.3 else "",
                )
            )
        if rng.random() < 0.7:
            payload.use_entries.append(
                UseEntry(
                    at=when + timedelta(hours=20),
                    substance=rng.choice(["alcohol", "cannabis", "nicotine", "xanax"]),
                    amount=float(rng.randint(1, 4)),
                    unit="drinks",
                    used_alone=rng.random() < 0.3,
                )
            )
    return payload


def _timed(func: Callable[[], object], repeats: int) -> list[float]:
    samples = []
    for _ in range(repeats):
        start = time.perf_counter()
        func()
        samples.append(time.perf_counter() - start)
    return samples


def _save_samples(payload: VaultPayload, repeats: int) -> list[float]:
    """Add one check-in and save, on a real vault in a temporary folder."""
    old = os.environ.get("SAFEPLAN_KDF_PROFILE")
    os.environ["SAFEPLAN_KDF_PROFILE"] = "test"
    os.environ.setdefault("PYTEST_CURRENT_TEST", "bench")  # honoured only in tests and benchmarks
    try:
        with tempfile.TemporaryDirectory() as tmp:
            vault, _code = Vault.create(Path(tmp) / "vault.json", PASSPHRASE, payload)
            try:
                samples = []
                for i in range(repeats):
                    entry = new_checkin(mood=i % 11)
                    start = time.perf_counter()
                    add_checkin(vault.payload, entry)
                    vault.save()
                    samples.append(time.perf_counter() - start)
                return samples
            finally:
                vault.close()
    finally:
        if old is None:
            os.environ.pop("SAFEPLAN_KDF_PROFILE", None)
        else:
            os.environ["SAFEPLAN_KDF_PROFILE"] = old


def measure(repeats: int) -> list[tuple[str, list[float]]]:
    payload = ten_years()
    entries = entries_since(payload, None)
    new = new_use_entry(substance="beer", at=payload.use_entries[-1].at + timedelta(hours=1))

    def every_period() -> None:
        for days in trends.PERIODS:
            trends.summarize(trends.daily_series(payload, days, TODAY), payload.settings)

    rows = [
        (
            "trends: series + summary, 7/30/90/365 days, 10-year log",
            _timed(every_period, repeats),
        ),
        (
            "trends: `safeplan trends --days 365` text, 10-year log",
            _timed(lambda: trends.render_trends_text(payload, 365, today=TODAY), repeats),
        ),
        (
            "use entry: combination check against a 10-year log",
            _timed(lambda: check_combinations(payload.use_entries, new), repeats),
        ),
        (
            f"log: CSV of every entry ({len(entries)}), 10-year log",
            _timed(lambda: log_formats.to_csv(entries), repeats),
        ),
        (
            "check-in save: empty vault (add + encrypt + fsync)",
            _save_samples(VaultPayload(), repeats),
        ),
        ("check-in save: 10-year vault (add + encrypt + fsync)", _save_samples(payload, repeats)),
    ]
    return rows
