"""The vault file's envelope: a readable JSON document around the encrypted payload.

Pure functions, no I/O: build the envelope, parse and check it, derive keys, wrap and unwrap the data
key, encrypt and decrypt the payload. ``docs/vault-format.md`` is the specification; keep the two in
step. The rules here are chosen so that three failures can be told apart:

* a damaged file fails the whole-file checksum (or the payload fails after a good unwrap);
* a wrong passphrase passes the checksum but cannot unwrap the data key;
* a newer file passes the checksum but carries a version this code does not know.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import os
import secrets
import unicodedata
import zlib
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

FORMAT_NAME = "safeplan-vault"
FORMAT_VERSION = 1
AEAD_NAME = "aes-256-gcm"
COMPRESSION = "zlib"
COMPRESSIONS = ("zlib", "none")
KDF_NAME = "argon2id"
RECOVERY_KDF_NAME = "hkdf-sha256"
RECOVERY_INFO = b"safeplan recovery key v1"

KEY_LEN = 32
SALT_LEN = 16
NONCE_LEN = 12
TAG_LEN = 16

# Limits applied before any key is derived, so a hostile header cannot hang or exhaust the machine:
# exactly the most that safeplan itself ever writes (the calibration in kdf.py stops at 1 GiB with
# three passes on four lanes). Raising any of them needs a new format version.
MAX_MEMORY_KIB = 1024 * 1024  # 1 GiB
MAX_ITERATIONS = 3
MAX_LANES = 4
MIN_MEMORY_KIB_TO_READ = 8  # Argon2's own floor is 8 KiB per lane
MIN_MEMORY_KIB_TO_WRITE = 64 * 1024  # never create a vault below 64 MiB
MAX_FILE_BYTES = 512 * 1024 * 1024
MAX_PAYLOAD_BYTES = 1024 * 1024 * 1024  # after decompression

HEADER_MEMBERS = ("format", "version", "kdf", "recovery_kdf", "aead", "compression")
SLOT_PASSPHRASE = "passphrase"
SLOT_RECOVERY = "recovery"


class EnvelopeDamaged(Exception):
    """The file is not an intact safeplan vault. The message is technical and never personal."""


class EnvelopeTooNew(Exception):
    def __init__(self, version: int) -> None:
        super().__init__(version)
        self.version = version


class UnwrapFailed(Exception):
    """The key derived from the secret does not open this slot."""


@dataclass(frozen=True)
class KdfParams:
    memory_kib: int
    iterations: int
    lanes: int = 4

    def as_header(self, salt: bytes) -> dict[str, Any]:
        return {
            "name": KDF_NAME,
            "salt": b64e(salt),
            "memory_kib": self.memory_kib,
            "iterations": self.iterations,
            "lanes": self.lanes,
        }


@dataclass(frozen=True)
class Envelope:
    """A parsed, checksum-verified envelope."""

    header: dict[str, Any]
    kdf: KdfParams
    salt: bytes
    recovery_salt: bytes
    slots: dict[str, tuple[bytes, bytes]]
    payload_nonce: bytes
    ciphertext: bytes

    def header_bytes(self) -> bytes:
        return canonical(self.header)


def b64e(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def b64d(text: object, length: int | None = None, what: str = "field") -> bytes:
    if not isinstance(text, str):
        raise EnvelopeDamaged(f"{what} is not text")
    try:
        data = binascii.a2b_base64(text, strict_mode=True)
    except (binascii.Error, ValueError):
        raise EnvelopeDamaged(f"{what} is not valid base64") from None
    if b64e(data) != text:
        # Only one spelling is accepted (padding bits zero), so every reader agrees on the bytes.
        raise EnvelopeDamaged(f"{what} is not canonical base64")
    if length is not None and len(data) != length:
        raise EnvelopeDamaged(f"{what} has the wrong length")
    return data


def canonical(obj: Any) -> bytes:
    """Sorted keys, no white space, ASCII only: the exact bytes hashed and authenticated."""
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode("ascii")


def checksum(doc: dict[str, Any]) -> str:
    """SHA-256 over the canonical form of every member except ``checksum`` (frozen for all versions)."""
    body = {k: v for k, v in doc.items() if k != "checksum"}
    return hashlib.sha256(canonical(body)).hexdigest()


def derive_passphrase_key(passphrase: str, salt: bytes, params: KdfParams) -> bytes:
    kdf = Argon2id(
        salt=salt,
        length=KEY_LEN,
        iterations=params.iterations,
        lanes=params.lanes,
        memory_cost=params.memory_kib,
    )
    # NFC, so that the same passphrase typed on systems that compose accents differently matches.
    return kdf.derive(unicodedata.normalize("NFC", passphrase).encode("utf-8"))


def derive_recovery_key(code: bytes, salt: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=KEY_LEN, salt=salt, info=RECOVERY_INFO).derive(
        code
    )


def slot_aad(header: bytes, slot: str) -> bytes:
    return header + b"|slot:" + slot.encode("ascii")


def payload_aad(header: bytes) -> bytes:
    return header + b"|payload"


def wrap_key(kek: bytes, data_key: bytes, header: bytes, slot: str) -> tuple[bytes, bytes]:
    nonce = os.urandom(NONCE_LEN)
    return nonce, AESGCM(kek).encrypt(nonce, data_key, slot_aad(header, slot))


def unwrap_key(kek: bytes, envelope: Envelope, slot: str) -> bytes:
    nonce, wrapped = envelope.slots[slot]
    try:
        return AESGCM(kek).decrypt(nonce, wrapped, slot_aad(envelope.header_bytes(), slot))
    except InvalidTag:
        raise UnwrapFailed(slot) from None


def decrypt_payload(data_key: bytes, envelope: Envelope) -> bytes:
    """The payload's JSON bytes: decrypted, then decompressed as the header says."""
    try:
        packed = AESGCM(data_key).decrypt(
            envelope.payload_nonce, envelope.ciphertext, payload_aad(envelope.header_bytes())
        )
    except InvalidTag:
        raise EnvelopeDamaged("the payload does not decrypt with a valid key") from None
    if envelope.header["compression"] == "none":
        return packed
    inflater = zlib.decompressobj()
    try:
        plaintext = inflater.decompress(packed, MAX_PAYLOAD_BYTES)
    except zlib.error:
        raise EnvelopeDamaged("the payload does not decompress") from None
    if inflater.unconsumed_tail or not inflater.eof:
        raise EnvelopeDamaged("the payload is larger than safeplan accepts, or cut short")
    if inflater.unused_data:
        raise EnvelopeDamaged("the payload has data after its end")
    return plaintext


def make_header(params: KdfParams, salt: bytes, recovery_salt: bytes) -> dict[str, Any]:
    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "kdf": params.as_header(salt),
        "recovery_kdf": {"name": RECOVERY_KDF_NAME, "salt": b64e(recovery_salt)},
        "aead": AEAD_NAME,
        "compression": COMPRESSION,
    }


@dataclass
class Keys:
    """Everything needed to write a vault: the header and the wrapped data key, kept between saves."""

    header: dict[str, Any]
    data_key: bytes
    slots: dict[str, tuple[bytes, bytes]]

    @classmethod
    def new(
        cls,
        passphrase_key: bytes,
        recovery_key: bytes,
        params: KdfParams,
        salt: bytes,
        recovery_salt: bytes,
    ) -> Keys:
        header = make_header(params, salt, recovery_salt)
        hb = canonical(header)
        data_key = secrets.token_bytes(KEY_LEN)
        slots = {
            SLOT_PASSPHRASE: wrap_key(passphrase_key, data_key, hb, SLOT_PASSPHRASE),
            SLOT_RECOVERY: wrap_key(recovery_key, data_key, hb, SLOT_RECOVERY),
        }
        return cls(header, data_key, slots)

    @classmethod
    def from_envelope(cls, envelope: Envelope, data_key: bytes) -> Keys:
        return cls(dict(envelope.header), data_key, dict(envelope.slots))

    def seal(self, plaintext: bytes) -> bytes:
        """The complete file for this plaintext: a fresh payload nonce every time."""
        hb = canonical(self.header)
        nonce = os.urandom(NONCE_LEN)
        packed = zlib.compress(plaintext, 1) if self.header["compression"] == "zlib" else plaintext
        ciphertext = AESGCM(self.data_key).encrypt(nonce, packed, payload_aad(hb))
        doc: dict[str, Any] = dict(self.header)
        doc["key_slots"] = {
            name: {"nonce": b64e(n), "wrapped_key": b64e(w)} for name, (n, w) in self.slots.items()
        }
        doc["payload"] = {"nonce": b64e(nonce), "ciphertext": b64e(ciphertext)}
        doc["checksum"] = checksum(doc)
        return (json.dumps(doc, indent=2) + "\n").encode("ascii")


def _int(obj: dict[str, Any], key: str, lo: int, hi: int, what: str) -> int:
    value = obj.get(key)
    if type(value) is not int:
        raise EnvelopeDamaged(f"{what}.{key} is not a whole number")
    if not lo <= value <= hi:
        raise EnvelopeDamaged(f"{what}.{key} is outside the limits safeplan accepts ({lo}..{hi})")
    return value


def _obj(value: Any, what: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise EnvelopeDamaged(f"{what} is missing or not an object")
    return value


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """JSON objects may not name a member twice: readers disagree on which one counts."""
    doc = dict(pairs)
    if len(doc) != len(pairs):
        raise ValueError("duplicate member")
    return doc


def parse(data: bytes) -> Envelope:
    """Parse and check a vault file's bytes. Never derives a key; cheap even for hostile input."""
    if len(data) > MAX_FILE_BYTES:
        raise EnvelopeDamaged("the file is larger than any vault safeplan writes")
    try:
        doc = json.loads(data.decode("utf-8"), object_pairs_hook=_no_duplicates)
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise EnvelopeDamaged("the file is not valid JSON, or names a member twice") from None
    if not isinstance(doc, dict):
        raise EnvelopeDamaged("the file is not a JSON object")
    if doc.get("format") != FORMAT_NAME:
        raise EnvelopeDamaged("the file is not a safeplan vault")
    if not isinstance(doc.get("checksum"), str) or not secrets.compare_digest(
        doc["checksum"], checksum(doc)
    ):
        raise EnvelopeDamaged("the file's checksum does not match its contents")
    version = doc.get("version")
    if type(version) is not int or version < 1:
        raise EnvelopeDamaged("the format version is not valid")
    if version > FORMAT_VERSION:
        raise EnvelopeTooNew(version)

    expected = {
        "format",
        "version",
        "kdf",
        "recovery_kdf",
        "aead",
        "compression",
        "key_slots",
        "payload",
        "checksum",
    }
    if set(doc) != expected:
        raise EnvelopeDamaged("the envelope's members are not the expected ones")
    if doc["aead"] != AEAD_NAME:
        raise EnvelopeDamaged("unknown encryption algorithm")
    if doc["compression"] not in COMPRESSIONS:
        raise EnvelopeDamaged("unknown compression")
    kdf = _obj(doc["kdf"], "kdf")
    if set(kdf) != {"name", "salt", "memory_kib", "iterations", "lanes"} or kdf["name"] != KDF_NAME:
        raise EnvelopeDamaged("unknown key derivation settings")
    lanes = _int(kdf, "lanes", 1, MAX_LANES, "kdf")
    params = KdfParams(
        memory_kib=_int(
            kdf, "memory_kib", max(MIN_MEMORY_KIB_TO_READ, 8 * lanes), MAX_MEMORY_KIB, "kdf"
        ),
        iterations=_int(kdf, "iterations", 1, MAX_ITERATIONS, "kdf"),
        lanes=lanes,
    )
    salt = b64d(kdf["salt"], SALT_LEN, "kdf.salt")
    rkdf = _obj(doc["recovery_kdf"], "recovery_kdf")
    if set(rkdf) != {"name", "salt"} or rkdf["name"] != RECOVERY_KDF_NAME:
        raise EnvelopeDamaged("unknown recovery key settings")
    recovery_salt = b64d(rkdf["salt"], SALT_LEN, "recovery_kdf.salt")

    raw_slots = _obj(doc["key_slots"], "key_slots")
    if set(raw_slots) != {SLOT_PASSPHRASE, SLOT_RECOVERY}:
        raise EnvelopeDamaged("the key slots are not the expected ones")
    slots: dict[str, tuple[bytes, bytes]] = {}
    for name, slot in raw_slots.items():
        slot = _obj(slot, f"key_slots.{name}")
        if set(slot) != {"nonce", "wrapped_key"}:
            raise EnvelopeDamaged(f"key slot {name} is malformed")
        slots[name] = (
            b64d(slot["nonce"], NONCE_LEN, f"key_slots.{name}.nonce"),
            b64d(slot["wrapped_key"], KEY_LEN + TAG_LEN, f"key_slots.{name}.wrapped_key"),
        )
    payload = _obj(doc["payload"], "payload")
    if set(payload) != {"nonce", "ciphertext"}:
        raise EnvelopeDamaged("the payload is malformed")
    ciphertext = b64d(payload["ciphertext"], None, "payload.ciphertext")
    if len(ciphertext) < TAG_LEN:
        raise EnvelopeDamaged("the payload is too short")
    header = {k: doc[k] for k in HEADER_MEMBERS}
    return Envelope(
        header=header,
        kdf=params,
        salt=salt,
        recovery_salt=recovery_salt,
        slots=slots,
        payload_nonce=b64d(payload["nonce"], NONCE_LEN, "payload.nonce"),
        ciphertext=ciphertext,
    )
