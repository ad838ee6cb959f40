"""Every released vault version still opens; migrations run in order and refuse what they cannot do."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from safeplan.core import errors
from safeplan.core.envelope import FORMAT_VERSION
from safeplan.core.migrations import PayloadInvalid, PayloadTooNew, migrate
from safeplan.core.models import SCHEMA_VERSION
from safeplan.core.vault import Vault
from tests.vault_helpers import PASSPHRASE

GOLDEN = Path(__file__).parent / "golden" / "vaults"


def test_there_is_a_golden_vault_for_every_version() -> None:
    versions = sorted(int(p.stem[1:]) for p in GOLDEN.glob("v*.json"))
    assert versions == list(range(1, FORMAT_VERSION + 1))


@pytest.mark.parametrize("golden", sorted(GOLDEN.glob("v*.json")), ids=lambda p: p.stem)
def test_golden_vault_opens_with_passphrase_and_recovery_code(golden: Path, tmp_path: Path) -> None:
    copy = tmp_path / golden.name
    shutil.copy(golden, copy)
    with Vault.open(copy, PASSPHRASE) as vault:
        assert vault.payload.schema_version == SCHEMA_VERSION
        assert vault.payload.plan.warning_signs[0].text == "I stop answering messages golden"
        assert vault.payload.plan.help_contacts[0].phone == "555 0101"
        assert vault.payload.checkins[0].mood == 4
        vault.save()  # written back in the newest format
    code = golden.with_suffix(".recovery.txt").read_text().strip()
    with Vault.open_with_recovery(copy, code) as vault:
        assert vault.payload.checkins[0].note == "golden"


def test_migrations_run_step_by_step() -> None:
    def one_to_two(data: dict[str, Any]) -> dict[str, Any]:
        return {**data, "schema_version": 2, "added": True}

    def two_to_three(data: dict[str, Any]) -> dict[str, Any]:
        return {**data, "schema_version": 3, "renamed": data["added"]}

    result = migrate({"schema_version": 1}, target=3, steps={1: one_to_two, 2: two_to_three})
    assert result == {"schema_version": 3, "added": True, "renamed": True}


def test_migration_gaps_and_bad_steps_are_refused() -> None:
    with pytest.raises(PayloadInvalid):
        migrate({"schema_version": 1}, target=3, steps={1: lambda d: {**d, "schema_version": 2}})
    with pytest.raises(PayloadInvalid):
        migrate({"schema_version": 1}, target=2, steps={1: lambda d: {**d, "schema_version": 7}})
    with pytest.raises(PayloadInvalid):
        migrate({"schema_version": "1"}, target=2, steps={})
    with pytest.raises(PayloadTooNew):
        migrate({"schema_version": 9}, target=2, steps={})


def test_a_payload_from_a_newer_safeplan_is_told_apart(tmp_path: Path) -> None:
    from safeplan.core import envelope
    from safeplan.core.kdf import MINIMUM

    path = tmp_path / "v.json"
    salt, rsalt = b"s" * 16, b"r" * 16
    keys = envelope.Keys.new(
        envelope.derive_passphrase_key(PASSPHRASE, salt, MINIMUM), b"k" * 32, MINIMUM, salt, rsalt
    )
    path.write_bytes(keys.seal(b'{"schema_version": 99}'))
    with pytest.raises(errors.VaultTooNew):
        Vault.open(path, PASSPHRASE)
