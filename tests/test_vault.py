"""The vault, through the core: round trips, every error a person can act on, backups, passwd."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from safeplan.core import envelope, errors
from safeplan.core.models import CheckIn, VaultPayload
from safeplan.core.recovery import format_code, parse_code
from safeplan.core.vault import (
    BACKUPS_KEPT,
    Vault,
    backup_dir,
    inspect,
    list_backups,
    restore_backup,
)
from tests.vault_helpers import CANARY, PASSPHRASE, make_vault, sample_payload


def test_round_trip_keeps_every_word(vault_path: Path) -> None:
    original = sample_payload()
    make_vault(vault_path, original)
    with Vault.open(vault_path, PASSPHRASE) as vault:
        assert vault.payload == original
        assert vault.payload.plan.warning_signs[0].text.endswith(CANARY)


def test_file_is_owner_only_and_contains_no_plain_text(vault_path: Path) -> None:
    make_vault(vault_path)
    assert stat.S_IMODE(vault_path.stat().st_mode) == 0o600
    assert CANARY.encode() not in vault_path.read_bytes()


def test_each_save_uses_a_fresh_nonce(vault_path: Path) -> None:
    make_vault(vault_path)
    with Vault.open(vault_path, PASSPHRASE) as vault:
        vault.save()
        first = json.loads(vault_path.read_bytes())["payload"]
        vault.save()
        second = json.loads(vault_path.read_bytes())["payload"]
    assert first["nonce"] != second["nonce"]
    assert first["ciphertext"] != second["ciphertext"]


def test_wrong_passphrase_is_told_apart(vault_path: Path) -> None:
    make_vault(vault_path)
    with pytest.raises(errors.WrongPassphrase) as info:
        Vault.open(vault_path, PASSPHRASE + "x")
    assert info.value.exit_code == 3


def test_missing_vault(vault_path: Path) -> None:
    with pytest.raises(errors.VaultNotFound) as info:
        Vault.open(vault_path, PASSPHRASE)
    assert info.value.exit_code == 6


def test_create_refuses_to_overwrite(vault_path: Path) -> None:
    make_vault(vault_path)
    with pytest.raises(errors.VaultExists):
        Vault.create(vault_path, PASSPHRASE)


def test_empty_passphrase_refused(vault_path: Path) -> None:
    with pytest.raises(errors.UsageError):
        Vault.create(vault_path, "")
    assert not vault_path.exists()


def test_second_open_is_locked_out(vault_path: Path) -> None:
    make_vault(vault_path)
    with Vault.open(vault_path, PASSPHRASE):
        with pytest.raises(errors.VaultLocked) as info:
            Vault.open(vault_path, PASSPHRASE)
        assert info.value.exit_code == 5
    Vault.open(vault_path, PASSPHRASE).close()  # released on close


def test_refuses_to_overwrite_a_vault_changed_on_disk(vault_path: Path) -> None:
    make_vault(vault_path)
    other = vault_path.with_name("other.json")
    make_vault(other, VaultPayload())
    with Vault.open(vault_path, PASSPHRASE) as vault:
        os.replace(other, vault_path)  # something else swapped the file
        vault.payload.checkins.append(CheckIn(mood=7))
        with pytest.raises(errors.VaultChangedOnDisk):
            vault.save()
    with Vault.open(vault_path, PASSPHRASE) as vault:
        assert vault.payload == VaultPayload.model_validate(vault.payload.model_dump())
        assert vault.payload.checkins == []  # the other file was not overwritten


def test_too_new_format_is_told_apart(vault_path: Path) -> None:
    make_vault(vault_path)
    doc = json.loads(vault_path.read_bytes())
    doc["version"] = envelope.FORMAT_VERSION + 1
    doc["checksum"] = envelope.checksum(doc)
    vault_path.write_text(json.dumps(doc))
    with pytest.raises(errors.VaultTooNew):
        Vault.open(vault_path, PASSPHRASE)


def test_recovery_code_opens_and_typos_are_forgiven(vault_path: Path) -> None:
    code = make_vault(vault_path)
    messy = code.lower().replace("-", " ").replace("0", "o").replace("1", "l")
    with Vault.open_with_recovery(vault_path, messy) as vault:
        assert vault.payload.plan.help_contacts[0].name.startswith("Sam")


def test_wrong_recovery_code(vault_path: Path) -> None:
    make_vault(vault_path)
    other = format_code(bytes(16))
    with pytest.raises(errors.WrongPassphrase) as info:
        Vault.open_with_recovery(vault_path, other)
    assert "recovery code" in info.value.message
    with pytest.raises(errors.WrongPassphrase):
        Vault.open_with_recovery(vault_path, "not a code")


def test_recovery_code_round_trip() -> None:
    raw = bytes(range(16))
    text = format_code(raw)
    assert len(text.split("-")) == 7
    assert parse_code(text) == raw


def test_backups_one_per_session_newest_kept(vault_path: Path) -> None:
    make_vault(vault_path)
    assert list_backups(vault_path) == []
    for session in range(BACKUPS_KEPT + 2):
        with Vault.open(vault_path, PASSPHRASE) as vault:
            vault.payload.checkins.append(CheckIn(mood=session % 11))
            vault.save()
            vault.save()  # a second save in the same session makes no second backup
    backups = list_backups(vault_path)
    assert len(backups) == BACKUPS_KEPT
    for backup in backups:
        assert stat.S_IMODE(backup.stat().st_mode) == 0o600
        assert CANARY.encode() not in backup.read_bytes()
    # The newest backup is the state before the last session: it opens with the same passphrase.
    restored_copy = vault_path.with_name("copy.json")
    restored_copy.write_bytes(backups[0].read_bytes())
    with Vault.open(restored_copy, PASSPHRASE) as vault:
        assert len(vault.payload.checkins) == 1 + (BACKUPS_KEPT + 2) - 1


def test_restore_backup_keeps_the_replaced_file(vault_path: Path) -> None:
    make_vault(vault_path)
    with Vault.open(vault_path, PASSPHRASE) as vault:
        vault.payload.checkins.append(CheckIn(mood=9))
        vault.save()
    vault_path.write_bytes(b"garbage")  # damage the vault
    with pytest.raises(errors.VaultDamaged) as info:
        Vault.open(vault_path, PASSPHRASE)
    assert info.value.backups == list_backups(vault_path)
    kept = restore_backup(vault_path, list_backups(vault_path)[0])
    assert kept is not None and kept.read_bytes() == b"garbage"
    with Vault.open(vault_path, PASSPHRASE) as vault:
        assert len(vault.payload.checkins) == 1


def test_change_passphrase_revokes_old_secrets_everywhere(vault_path: Path) -> None:
    old_code = make_vault(vault_path)
    for mood in (3, 5):  # two sessions: one backup
        with Vault.open(vault_path, PASSPHRASE) as vault:
            vault.payload.checkins.append(CheckIn(mood=mood))
            vault.save()
    assert len(list_backups(vault_path)) == 2
    with Vault.open(vault_path, PASSPHRASE) as vault:
        new_code = vault.change_passphrase("a brand new passphrase")
    assert new_code != old_code
    for target in [vault_path, *list_backups(vault_path)]:
        with pytest.raises(errors.WrongPassphrase):
            Vault.open(target, PASSPHRASE)
        with pytest.raises(errors.WrongPassphrase):
            Vault.open_with_recovery(target, old_code)
        with Vault.open(target, "a brand new passphrase") as vault:
            assert vault.payload.plan.help_contacts
        with Vault.open_with_recovery(target, new_code):
            pass
    leftovers = [p for p in vault_path.parent.iterdir() if ".tmp-" in p.name]
    assert leftovers == []


def test_leftover_temp_files_are_cleaned_at_open(vault_path: Path) -> None:
    make_vault(vault_path)
    leftover = vault_path.parent / f".{vault_path.name}.tmp-deadbeef"
    leftover.write_bytes(b"half a save")
    Vault.open(vault_path, PASSPHRASE).close()
    assert not leftover.exists()


def test_inspect_needs_no_passphrase_and_shows_settings(vault_path: Path) -> None:
    make_vault(vault_path)
    facts = inspect(vault_path)
    assert facts.format_version == 1
    assert facts.kdf.memory_kib >= 64 * 1024
    assert facts.aead == "aes-256-gcm"


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("memory_kib", envelope.MAX_MEMORY_KIB + 1),
        ("memory_kib", 2**40),
        ("iterations", envelope.MAX_ITERATIONS + 1),
        ("lanes", envelope.MAX_LANES + 1),
        ("iterations", 0),
        ("memory_kib", "65536"),
    ],
)
def test_hostile_kdf_parameters_refused_before_deriving(
    vault_path: Path, monkeypatch: pytest.MonkeyPatch, field: str, value: object
) -> None:
    make_vault(vault_path)
    doc = json.loads(vault_path.read_bytes())
    doc["kdf"][field] = value
    doc["checksum"] = envelope.checksum(doc)  # a deliberately crafted file, not a damaged one
    vault_path.write_text(json.dumps(doc))

    def never(*args: object, **kwargs: object) -> bytes:
        raise AssertionError("a key was derived from a hostile header")

    monkeypatch.setattr(envelope, "derive_passphrase_key", never)
    with pytest.raises(errors.VaultDamaged):
        Vault.open(vault_path, PASSPHRASE)


def test_failed_write_leaves_old_vault_intact(
    vault_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_vault(vault_path)
    before = vault_path.read_bytes()
    for target in ("write", "fsync", "replace"):
        with Vault.open(vault_path, PASSPHRASE) as vault:
            vault.payload.checkins.append(CheckIn(mood=1))
            real = getattr(os, target)

            def boom(*args: object, _real: object = real, **kwargs: object) -> object:
                raise OSError(28, "No space left on device")

            monkeypatch.setattr(os, target, boom)
            with pytest.raises(errors.SaveFailed) as info:
                vault.save()
            monkeypatch.setattr(os, target, real)
            assert "unchanged" in info.value.message
        assert vault_path.read_bytes() == before
        assert [p for p in vault_path.parent.iterdir() if ".tmp-" in p.name] == []
    with Vault.open(vault_path, PASSPHRASE) as vault:
        assert len(vault.payload.checkins) == 1


def test_save_after_failure_succeeds(vault_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    make_vault(vault_path)
    with Vault.open(vault_path, PASSPHRASE) as vault:
        vault.payload.checkins.append(CheckIn(mood=2))
        real = os.replace
        monkeypatch.setattr(os, "replace", lambda *a, **k: (_ for _ in ()).throw(OSError(5, "I/O")))
        with pytest.raises(errors.SaveFailed):
            vault.save()
        monkeypatch.setattr(os, "replace", real)
        vault.save()  # the person's change is still in memory and now lands
    with Vault.open(vault_path, PASSPHRASE) as vault:
        assert [c.mood for c in vault.payload.checkins] == [4, 2]


def test_backup_folder_is_owner_only(vault_path: Path) -> None:
    make_vault(vault_path)
    with Vault.open(vault_path, PASSPHRASE) as vault:
        vault.save()
    assert stat.S_IMODE(backup_dir(vault_path).stat().st_mode) == 0o700


@pytest.mark.parametrize("weak", ["", "short", "1234567", "two\nlines here"])
def test_weak_new_passphrases_are_refused_calmly(vault_path: Path, weak: str) -> None:
    with pytest.raises(errors.UsageError):
        Vault.create(vault_path, weak)
    assert not vault_path.exists()
    make_vault(vault_path)
    with Vault.open(vault_path, PASSPHRASE) as vault, pytest.raises(errors.UsageError):
        vault.change_passphrase(weak)
    with Vault.open(vault_path, PASSPHRASE):
        pass  # the old passphrase still works: nothing was changed
    vault_path.unlink()


def test_opening_a_small_vault_never_allocates_the_size_limit(vault_path: Path) -> None:
    """A read of the 512 MiB limit in one call allocates it whole, even for a 2 KiB file."""
    import tracemalloc

    make_vault(vault_path)
    tracemalloc.start()
    try:
        Vault.open(vault_path, PASSPHRASE).close()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 16 * 2**20, f"peak {peak / 2**20:.0f} MiB"


def test_reading_a_file_that_reports_no_size_still_stops_at_the_limit(tmp_path: Path) -> None:
    from safeplan.core import vault_files

    grown = tmp_path / "v.json"
    grown.write_bytes(b"x" * 1000)
    with grown.open("rb") as fh:
        assert vault_files._read_at_most(fh, 0, 300) == b"x" * 300
    with grown.open("rb") as fh:
        assert vault_files._read_at_most(fh, 10, 5000) == b"x" * 1000
