"""One-time recovery codes: 128 random bits, written as seven groups of four characters.

Crockford's base32 alphabet (no I, L, O or U) keeps the code easy to copy by hand; reading forgives
lower case, spaces, dashes and the look-alikes O/0 and I/L/1. Two check characters catch a typo, so
a person can be told "there is a typo" rather than "wrong code".
"""

from __future__ import annotations

import hashlib
import secrets

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_BITS = 128
DATA_CHARS = 26  # ceil(128 / 5)
CHECK_CHARS = 2
GROUP = 4
LOOKALIKES = str.maketrans({"O": "0", "I": "1", "L": "1"})


class RecoveryCodeTypo(ValueError):
    """The code is not well formed (wrong length, a character not in the alphabet, or a typo)."""


def _encode(value: int, chars: int) -> str:
    out = []
    for _ in range(chars):
        out.append(ALPHABET[value & 31])
        value >>= 5
    return "".join(reversed(out))


def _check(raw: bytes) -> str:
    digest = int.from_bytes(hashlib.sha256(raw).digest()[:2], "big") >> 6  # 10 bits
    return _encode(digest, CHECK_CHARS)


def new_code() -> tuple[bytes, str]:
    """A fresh code: its 16 raw bytes, and the text shown to the person."""
    raw = secrets.token_bytes(CODE_BITS // 8)
    return raw, format_code(raw)


def format_code(raw: bytes) -> str:
    text = _encode(int.from_bytes(raw, "big"), DATA_CHARS) + _check(raw)
    return "-".join(text[i : i + GROUP] for i in range(0, len(text), GROUP))


def parse_code(text: str) -> bytes:
    """The raw bytes of a code as typed. Raises RecoveryCodeTypo if it cannot be a valid code."""
    cleaned = "".join(ch for ch in text.upper() if not ch.isspace() and ch != "-")
    cleaned = cleaned.translate(LOOKALIKES)
    if len(cleaned) != DATA_CHARS + CHECK_CHARS or any(ch not in ALPHABET for ch in cleaned):
        raise RecoveryCodeTypo("a recovery code has 28 letters and digits")
    value = 0
    for ch in cleaned[:DATA_CHARS]:
        value = (value << 5) | ALPHABET.index(ch)
    if value >> CODE_BITS:
        raise RecoveryCodeTypo("the code is out of range")
    raw = value.to_bytes(CODE_BITS // 8, "big")
    if _check(raw) != cleaned[DATA_CHARS:]:
        raise RecoveryCodeTypo("the check characters do not match")
    return raw
