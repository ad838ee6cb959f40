"""Person-written text reaches a terminal only with its control and escape characters shown
visibly: one function in the core, used by every CLI output path (issue 12 item 3)."""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from safeplan.cli.main import main
from safeplan.core.models import (
    CheckIn,
    Contact,
    HarmReductionGoal,
    HopeItem,
    TextItem,
    UseEntry,
    VaultPayload,
)
from safeplan.core.terminal_text import _UNSAFE, json_visible, visible
from safeplan.core.vault import Vault
from tests.vault_helpers import PASSPHRASE

# Anything a terminal would act on, as it would appear in UTF-8 output.
ESCAPE_BYTES = re.compile(
    rb"[\x00-\x08\x0b\x0e-\x1f\x7f]|\r(?!\n)|\xc2[\x80-\x9f]"
    rb"|\xe2\x80[\xaa-\xae\x8e\x8f]|\xe2\x81[\xa6-\xa9]|\xe2\x80[\xa8\xa9]"
)


def test_every_invisible_format_character_is_covered() -> None:
    missing = [
        hex(c)
        for c in range(sys.maxunicode + 1)
        if unicodedata.category(chr(c)) in ("Cc", "Cf", "Zl", "Zp", "Cs")
        and chr(c) not in "\n\t\x0c\u200c\u200d"
        and not _UNSAFE.match(chr(c))
    ]
    assert missing == []


def test_ordinary_text_is_unchanged_and_shared() -> None:
    text = "Zoë rang José ☕ at 07700 900222 – مرحبا – 👩‍👩‍👧\n\tindented"
    assert visible(text) is text
    assert json_visible(text) is text


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("Sam\x1b[8m hidden", "Sam␛[8m hidden"),
        ("\x1b]0;PWNED\x07", "␛]0;PWNED␇"),
        ("call 999\rcall 000", "call 999␍call 000"),
        ("row\r\nnext", "row\r\nnext"),
        ("\x9b31m", "<U+009B>31m"),
        ("abc\u202edef", "abc<U+202E>def"),
        ("x\u2066y\u2069", "x<U+2066>y<U+2069>"),
        ("a\u200bb", "a<U+200B>b"),
        ("\x7f\x00", "␡␀"),
        ("lone \ud800", "lone \ufffd"),
    ],
)
def test_visible(raw: str, shown: str) -> None:
    assert visible(raw) == shown


@given(st.text())
def test_visible_never_leaves_anything_a_terminal_acts_on(text: str) -> None:
    shown = visible(text).encode("utf-8")
    assert ESCAPE_BYTES.search(shown) is None


@given(st.text())
def test_json_visible_keeps_the_data(text: str) -> None:
    doc = json.dumps({"note": text}, ensure_ascii=False)
    if any(0xD800 <= ord(c) <= 0xDFFF for c in text):
        return  # a lone surrogate is not valid JSON text to begin with
    safe = json_visible(doc)
    assert json.loads(safe) == {"note": text}
    assert ESCAPE_BYTES.search(safe.encode("utf-8")) is None


# --- Every printing command over stored hostile text ---------------------------------------------

HOSTILE_PARTS = st.sampled_from(
    [
        "\x1b[8m",
        "\x1b]8;;http://evil.example/\x1b\\",
        "\x1b]0;PWNED\x07",
        "\x1b[2J\x1b[H",
        "\r",
        "\x08\x08",
        "\x9b31m",
        "\x85",
        "\u202e",
        "\u2066",
        "\u200f",
        "\u2028",
        "\ufeff",
        "\U000e0041",
        "Sam",
        "07700 900222",
        " ",
    ]
)
HOSTILE = (
    st.lists(HOSTILE_PARTS, min_size=2, max_size=8).map("".join).map(lambda s: "x\x1b[8m" + s + "x")
)


def _hostile_payload(text: str) -> VaultPayload:
    payload = VaultPayload()
    plan = payload.plan
    plan.warning_signs.append(TextItem(text=text))
    plan.coping.append(TextItem(text=text))
    plan.help_contacts.append(Contact(name=text, phone=text, relationship=text))
    plan.distraction_people.append(Contact(name=text, phone=text))
    plan.reasons.append(TextItem(text=text))
    payload.checkins.append(CheckIn(mood=1, note=text, tags=[text[:60]]))
    payload.use_entries.append(UseEntry(substance=text, note=text, with_whom=text))
    payload.harm_reduction.goals.append(HarmReductionGoal(text=text, substance=text))
    payload.harm_reduction.triggers.append(TextItem(text=text))
    payload.hope_box.append(HopeItem(text=text, who=text))
    return payload


COMMANDS = [
    ["log", "--since", "all"],
    ["log", "--since", "all", "--format", "csv"],
    ["log", "--since", "all", "--format", "json"],
    ["plan", "show"],
    ["crisis", "--mine", "--country", "GB"],
    ["export", "-f", "text"],
    ["export", "-f", "markdown"],
    ["export", "-f", "json"],
    ["export", "-f", "card"],
    ["checkin", "--mood", "1"],
    ["harm-reduction"],
    ["hope"],
    ["plan", "history"],
    ["trends", "--days", "30"],
]


@settings(
    max_examples=4,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(text=HOSTILE)
def test_printing_commands_print_no_escape_byte(
    text: str, tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    folder = tmp_path / f"h{abs(hash(text))}"
    folder.mkdir()
    vault = folder / "v.json"
    secret = folder / "pp"
    secret.write_text(PASSPHRASE + "\n")
    created, _ = Vault.create(vault, PASSPHRASE, _hostile_payload(text))
    created.close()
    shown = b""
    for command in COMMANDS:
        capsysbinary.readouterr()
        code = main(["--vault", str(vault), "--passphrase-file", str(secret), *command])
        captured = capsysbinary.readouterr()
        assert code == 0, (command, captured.err)
        for stream in (captured.out, captured.err):
            found = ESCAPE_BYTES.search(stream)
            assert found is None, (command, found, stream[:2000])
        shown += captured.out
    # The words are shown (with their hostile characters made visible), not dropped.
    assert b"<U+" in shown or "␛".encode() in shown or "␍".encode() in shown
