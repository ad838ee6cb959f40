"""The format tightened (issue 12 item 6): KDF parameters no higher than safeplan writes, no
duplicate members, only canonical base64, nothing after the payload's end; a header changed with a
recomputed checksum reads as changed or damaged and names the backups; a rollback warning."""

from __future__ import annotations

import base64
import json
import zlib
from pathlib import Path

import pytest

from safeplan.core import envelope, errors, rollback
from safeplan.core.kdf import MAX_CALIBRATED_KIB
from safeplan.core.models import CheckIn
from safeplan.core.vault import Vault, list_backups, restore_backup
from tests.cli_helpers import run
from tests.vault_helpers import PASSPHRASE, make_vault


def _doc(path: Path) -> dict[str, object]:
    return json.loads(path.read_bytes())


def _write(path: Path, doc: dict[str, object], *, fix_checksum: bool = True) -> None:
    if fix_checksum:
        doc["checksum"] = envelope.checksum(doc)
    path.write_text(json.dumps(doc, indent=2))


def test_the_reader_limits_are_exactly_what_the_writer_can_write() -> None:
    assert envelope.MAX_MEMORY_KIB == MAX_CALIBRATED_KIB
    assert envelope.MAX_ITERATIONS == 3  # kdf.calibrate uses 3 passes (the test profile 1)
    assert envelope.MAX_LANES == 4


@pytest.mark.parametrize(
    ("field", "value"),
    [("memory_kib", 2 * 1024 * 1024), ("iterations", 4), ("iterations", 20), ("lanes", 8)],
)
def test_kdf_parameters_above_the_writer_are_damage(
    vault_path: Path, field: str, value: int
) -> None:
    make_vault(vault_path)
    doc = _doc(vault_path)
    doc["kdf"][field] = value  # type: ignore[index]
    _write(vault_path, doc)
    with pytest.raises(errors.VaultDamaged):
        Vault.open(vault_path, PASSPHRASE)


def test_a_duplicate_member_is_damage(vault_path: Path) -> None:
    make_vault(vault_path)
    text = vault_path.read_text()
    weakened = '"kdf": {"name": "argon2id", "salt": "AAAAAAAAAAAAAAAAAAAAAA==", "memory_kib": 8, '
    weakened += '"iterations": 1, "lanes": 1},\n  '
    doubled = text.replace('"kdf":', weakened + '"kdf":', 1)
    assert doubled.count('"kdf"') == 2
    vault_path.write_text(doubled)  # the checksum is over the parsed object: Python keeps the last
    with pytest.raises(errors.VaultDamaged):
        Vault.open(vault_path, PASSPHRASE)


def test_non_canonical_base64_is_damage(vault_path: Path) -> None:
    make_vault(vault_path)
    doc = _doc(vault_path)
    salt = doc["kdf"]["salt"]  # type: ignore[index]
    assert salt.endswith("==")
    # The last character before the padding carries 4 unused bits: set one of them.
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
    last = salt[-3]
    other = alphabet[alphabet.index(last) ^ 1]
    sneaky = salt[:-3] + other + "=="
    assert base64.b64decode(sneaky) == base64.b64decode(salt)
    doc["kdf"]["salt"] = sneaky  # type: ignore[index]
    _write(vault_path, doc)
    with pytest.raises(errors.VaultDamaged):
        Vault.open(vault_path, PASSPHRASE)


def test_data_after_the_payload_stream_is_damage() -> None:
    data_key = bytes(32)
    keys = envelope.Keys(
        envelope.make_header(envelope.KdfParams(65536, 1), bytes(16), bytes(16)),
        data_key,
        {},
    )
    sealed = json.loads(keys.seal(b"{}"))
    parsed_nonce = base64.b64decode(sealed["payload"]["nonce"])
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    header = envelope.canonical(keys.header)
    packed = zlib.compress(b"{}") + b"junk"
    ciphertext = AESGCM(data_key).encrypt(parsed_nonce, packed, envelope.payload_aad(header))
    fake = envelope.Envelope(
        header=keys.header,
        kdf=envelope.KdfParams(65536, 1),
        salt=bytes(16),
        recovery_salt=bytes(16),
        slots={},
        payload_nonce=parsed_nonce,
        ciphertext=ciphertext,
    )
    with pytest.raises(envelope.EnvelopeDamaged):
        envelope.decrypt_payload(data_key, fake)


def test_a_changed_header_with_a_recomputed_checksum_reads_as_changed(tmp_path: Path) -> None:
    path = tmp_path / "v.json"
    code = make_vault(path)
    with Vault.open(path, PASSPHRASE) as vault:
        vault.payload.checkins.append(CheckIn(mood=4))
        vault.save()  # a second session: one backup
    assert list_backups(path)
    doc = _doc(path)
    doc["kdf"]["iterations"] = 3 if doc["kdf"]["iterations"] == 1 else 1  # type: ignore[index]
    doc["recovery_kdf"]["salt"] = base64.b64encode(bytes(16)).decode()  # type: ignore[index]
    _write(path, doc)
    for args, stdin in (
        (("vault", "check"), PASSPHRASE),
        (("recover",), f"{code}\nanother new passphrase\n"),
    ):
        result = run(tmp_path, "--vault", str(path), "--passphrase-file", "-", *args, stdin=stdin)
        assert result.returncode == 4, result.stderr
        assert "changed or damaged" in result.stderr
        assert "backup restore" in result.stderr
        assert "does not open" not in result.stderr


def test_a_wrong_passphrase_still_reads_as_wrong_and_mentions_the_backups(tmp_path: Path) -> None:
    path = tmp_path / "v.json"
    make_vault(path)
    with Vault.open(path, PASSPHRASE) as vault:
        vault.save()
    result = run(
        tmp_path, "--vault", str(path), "--passphrase-file", "-", "vault", "check", stdin="nope x"
    )
    assert result.returncode == 3
    assert "does not open" in result.stderr
    assert "backup list" in result.stderr


def test_a_mistyped_recovery_code_is_told_apart(tmp_path: Path) -> None:
    path = tmp_path / "v.json"
    code = make_vault(path)
    typo = code[:-1] + ("A" if code[-1] != "A" else "B")
    result = run(
        tmp_path,
        *("--vault", str(path), "--passphrase-file", "-", "recover"),
        stdin=f"{typo}\nanother new passphrase\n",
    )
    assert result.returncode == 3
    assert "looks mistyped" in result.stderr


def test_an_older_copy_put_in_place_gives_a_rollback_warning(tmp_path: Path) -> None:
    path = tmp_path / "v.json"
    make_vault(path)
    old_copy = path.read_bytes()
    base = ("--vault", str(path), "--passphrase-file", "-")
    for mood in ("3", "4"):  # through the CLI: its HOME keeps the record
        assert run(tmp_path, *base, "checkin", "--mood", mood, stdin=PASSPHRASE).returncode == 0
    path.write_bytes(old_copy)  # a sync conflict, or someone else, put an older copy back
    warned = run(tmp_path, *base, "log", "--since", "all", stdin=PASSPHRASE)
    assert warned.returncode == 0
    assert "older than the newest copy" in warned.stderr
    again = run(tmp_path, *base, "log", "--since", "all", stdin=PASSPHRASE)
    assert "older than" not in again.stderr  # said once; then this is the newest state
    record = (tmp_path / ".local/state/safeplan" / rollback.RECORD_NAME).read_text()
    assert set(json.loads(record).values()) <= {1, 2, 3}  # an opaque id and a count, nothing else


def test_restoring_a_backup_on_purpose_gives_no_rollback_warning(tmp_path: Path) -> None:
    path = tmp_path / "v.json"
    make_vault(path)
    for mood in (3, 4):
        with Vault.open(path, PASSPHRASE) as vault:
            vault.payload.checkins.append(CheckIn(mood=mood))
            vault.save()
    restore_backup(path, list_backups(path)[-1])
    with Vault.open(path, PASSPHRASE) as vault:
        assert vault.rolled_back is None
