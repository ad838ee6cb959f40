"""Adversarial tests of the promises in docs/threat-model.md: damage is always reported as damage,
hostile input never crashes or hangs, a kill never loses an acknowledged save, two processes never
overwrite each other, nothing personal reaches the disk in plain text."""

from __future__ import annotations

import contextlib
import json
import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from safeplan.core import envelope, errors
from safeplan.core.models import CheckIn, VaultPayload
from safeplan.core.vault import Vault
from tests.conftest import subprocess_env
from tests.vault_helpers import CANARY, PASSPHRASE, make_vault

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def small_vault(tmp_path: Path) -> bytes:
    path = tmp_path / "small.json"
    make_vault(path)
    return path.read_bytes()


def _open_bytes(tmp_path: Path, data: bytes, name: str = "probe.json") -> None:
    path = tmp_path / name
    path.write_bytes(data)
    Vault.open(path, PASSPHRASE).close()


def test_every_single_bit_flip_is_reported_as_damage(tmp_path: Path, small_vault: bytes) -> None:
    path = tmp_path / "flipped.json"
    outcomes: dict[str, int] = {}
    for index in range(len(small_vault)):
        for bit in range(8):
            mutated = bytearray(small_vault)
            mutated[index] ^= 1 << bit
            path.write_bytes(bytes(mutated))
            try:
                Vault.open(path, PASSPHRASE).close()
            except errors.VaultDamaged:
                outcomes["damaged"] = outcomes.get("damaged", 0) + 1
                continue
            raise AssertionError(f"flip of bit {bit} at byte {index} was not reported as damage")
    assert outcomes["damaged"] == len(small_vault) * 8


def test_every_truncation_is_reported_as_damage(tmp_path: Path, small_vault: bytes) -> None:
    path = tmp_path / "cut.json"
    # The final newline is not part of the JSON document, so cutting only it changes nothing.
    for length in range(len(small_vault) - 1):
        path.write_bytes(small_vault[:length])
        with pytest.raises(errors.VaultDamaged):
            Vault.open(path, PASSPHRASE)


def test_ciphertext_tampered_with_a_recomputed_checksum_is_damage(tmp_path: Path) -> None:
    path = tmp_path / "v.json"
    make_vault(path)
    doc = json.loads(path.read_bytes())
    raw = bytearray(envelope.b64d(doc["payload"]["ciphertext"]))
    raw[3] ^= 0x10
    doc["payload"]["ciphertext"] = envelope.b64e(bytes(raw))
    doc["checksum"] = envelope.checksum(doc)
    path.write_text(json.dumps(doc))
    with pytest.raises(errors.VaultDamaged):
        Vault.open(path, PASSPHRASE)


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"\x00" * 100,
        b"[" * 200_000,
        b'{"a":' * 200_000,
        b"\xff\xfe{}",
        b"null",
        b'{"format": "safeplan-vault"}',
        json.dumps({"format": "safeplan-vault", "checksum": "0" * 64}).encode(),
    ],
)
def test_hostile_bytes_give_a_vault_error(tmp_path: Path, data: bytes) -> None:
    with pytest.raises(errors.VaultDamaged):
        _open_bytes(tmp_path, data)


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.binary(max_size=4096))
def test_fuzzed_bytes_give_only_vault_errors(tmp_path: Path, data: bytes) -> None:
    with pytest.raises(errors.VaultError):
        _open_bytes(tmp_path, data)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=20,
)


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    field=st.sampled_from(["kdf", "recovery_kdf", "key_slots", "payload", "aead", "version"]),
    value=json_values,
)
def test_fuzzed_envelopes_with_valid_checksums_give_only_vault_errors(
    tmp_path: Path, small_vault: bytes, field: str, value: object
) -> None:
    doc = json.loads(small_vault)
    doc[field] = value
    doc["checksum"] = envelope.checksum(doc)
    # Anything but a vault error (a traceback a person would see) fails the test.
    with contextlib.suppress(errors.VaultError):
        _open_bytes(tmp_path, json.dumps(doc).encode())


def test_parse_then_serialize_gives_back_the_exact_bytes(tmp_path: Path) -> None:
    path = tmp_path / "v.json"
    make_vault(path)
    data = path.read_bytes()
    assert (json.dumps(json.loads(data), indent=2) + "\n").encode() == data


KILL_CHILD = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from safeplan.core.models import CheckIn
    from safeplan.core.vault import Vault

    vault = Vault.open(Path(sys.argv[1]), sys.argv[2], lock_timeout=10)
    while True:
        vault.payload.checkins.append(CheckIn(mood=len(vault.payload.checkins) % 11, note="x" * 200))
        vault.save()
        print(len(vault.payload.checkins), flush=True)
    """
)


@pytest.mark.slow
def test_sigkill_during_saves_loses_nothing_acknowledged(tmp_path: Path) -> None:
    path = tmp_path / "v.json"
    make_vault(path, VaultPayload())
    env = subprocess_env(tmp_path)
    rng = random.Random(20261127)
    acknowledged = 0
    for _round in range(20):
        child = subprocess.Popen(
            [sys.executable, "-c", KILL_CHILD, str(path), PASSPHRASE],
            stdout=subprocess.PIPE,
            env=env,
            cwd=ROOT,
            text=True,
        )
        assert child.stdout is not None
        first = child.stdout.readline()  # wait until saving is under way
        assert first.strip(), "the child did not start saving"
        time.sleep(rng.uniform(0.0, 0.15))
        child.send_signal(signal.SIGKILL)
        rest, _ = child.communicate()
        lines = [first, *rest.splitlines()]
        acknowledged = max(acknowledged, *(int(x) for x in lines if x.strip()))
        with Vault.open(path, PASSPHRASE) as vault:
            count = len(vault.payload.checkins)
        assert count in (acknowledged, acknowledged + 1)
        acknowledged = count
    assert acknowledged > 20


TWO_PROCESSES_CHILD = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from safeplan.core.models import CheckIn
    from safeplan.core.vault import Vault

    for i in range(int(sys.argv[3])):
        with Vault.open(Path(sys.argv[1]), sys.argv[2], lock_timeout=30) as vault:
            vault.payload.checkins.append(CheckIn(mood=5, note=sys.argv[4] + str(i)))
            vault.save()
    """
)


def test_two_processes_cannot_lose_each_others_changes(tmp_path: Path) -> None:
    path = tmp_path / "v.json"
    make_vault(path, VaultPayload())
    env = subprocess_env(tmp_path)
    children = [
        subprocess.Popen(
            [sys.executable, "-c", TWO_PROCESSES_CHILD, str(path), PASSPHRASE, "6", tag],
            env=env,
            cwd=ROOT,
        )
        for tag in ("a", "b")
    ]
    for child in children:
        assert child.wait(timeout=120) == 0
    with Vault.open(path, PASSPHRASE) as vault:
        notes = sorted(c.note for c in vault.payload.checkins)
    assert notes == sorted([f"a{i}" for i in range(6)] + [f"b{i}" for i in range(6)])


def test_a_second_safeplan_is_told_the_vault_is_in_use(tmp_path: Path) -> None:
    path = tmp_path / "v.json"
    make_vault(path)
    with Vault.open(path, PASSPHRASE):
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "safeplan",
                "--vault",
                str(path),
                "--passphrase-file",
                "-",
                "vault",
                "check",
            ],
            input=PASSPHRASE + "\n",
            capture_output=True,
            text=True,
            env=subprocess_env(tmp_path),
            cwd=ROOT,
            timeout=60,
        )
    assert result.returncode == 5
    assert "open in another safeplan" in result.stderr
    assert "Traceback" not in result.stderr


def test_nothing_personal_reaches_the_disk_in_plain_text(tmp_path: Path) -> None:
    """A whole vault life cycle with a canary string: create, edit, save, back up, change the
    passphrase, restore, CLI checks. Then every file under HOME and the vault folder is read."""
    home = tmp_path / "home"
    home.mkdir()
    folder = tmp_path / "data"
    path = folder / "v.json"
    code = make_vault(path)
    for mood in range(3):
        with Vault.open(path, PASSPHRASE) as vault:
            vault.payload.checkins.append(CheckIn(mood=mood, note=f"{CANARY} {mood}"))
            vault.save()
    with Vault.open_with_recovery(path, code) as vault:
        vault.change_passphrase(PASSPHRASE)
    env = subprocess_env(home)
    for args in (
        ["vault", "check"],
        ["vault", "info"],
        ["backup", "list"],
        ["backup", "restore", "1", "--yes"],
    ):
        subprocess.run(
            [
                sys.executable,
                "-m",
                "safeplan",
                "--vault",
                str(path),
                "--passphrase-file",
                "-",
                *args,
            ],
            input=PASSPHRASE + "\n",
            capture_output=True,
            text=True,
            env=env,
            cwd=ROOT,
            timeout=60,
            check=True,
        )
    files = [p for p in (*home.rglob("*"), *folder.rglob("*")) if p.is_file()]
    assert len(files) >= 4
    for file in files:
        assert CANARY.encode() not in file.read_bytes(), file
