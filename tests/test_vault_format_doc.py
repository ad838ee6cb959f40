"""docs/vault-format.md is exact: its reference decrypter, written without safeplan's code, opens
the golden vault and a freshly written one."""

from __future__ import annotations

import json
import re
from pathlib import Path
from types import ModuleType

import pytest

from tests.vault_helpers import CANARY, PASSPHRASE, make_vault

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "vault-format.md"


@pytest.fixture(scope="module")
def reference() -> ModuleType:
    text = DOC.read_text()
    blocks = re.findall(r"```python\n(.*?)```", text, flags=re.S)
    assert blocks, "the reference decrypter is missing from docs/vault-format.md"
    module = ModuleType("reference_decrypter")
    exec(compile(blocks[-1], str(DOC), "exec"), module.__dict__)  # noqa: S102 - our own doc
    return module


def test_reference_decrypter_opens_the_golden_vault(reference: ModuleType) -> None:
    data = (ROOT / "tests/golden/vaults/v1.json").read_bytes()
    payload = json.loads(reference.decrypt_vault(data, PASSPHRASE))
    assert payload["schema_version"] == 1
    assert payload["checkins"][0]["note"] == "golden"


def test_reference_decrypter_opens_a_new_vault(reference: ModuleType, tmp_path: Path) -> None:
    path = tmp_path / "v.json"
    make_vault(path)
    payload = json.loads(reference.decrypt_vault(path.read_bytes(), PASSPHRASE))
    assert payload["checkins"][0]["note"] == CANARY


def test_reference_decrypter_detects_damage(reference: ModuleType, tmp_path: Path) -> None:
    path = tmp_path / "v.json"
    make_vault(path)
    data = bytearray(path.read_bytes())
    data[data.index(b'"iterations": ') + 14] ^= 0x02
    with pytest.raises(ValueError, match="damaged"):
        reference.decrypt_vault(bytes(data), PASSPHRASE)


def test_non_ascii_passphrases_match_in_any_normal_form(tmp_path: Path) -> None:
    import unicodedata

    from safeplan.core.vault import Vault

    path = tmp_path / "v.json"
    composed = unicodedata.normalize("NFC", "café olé")
    vault, _ = Vault.create(path, composed)
    vault.close()
    Vault.open(path, unicodedata.normalize("NFD", composed)).close()


def test_reference_decrypter_opens_every_file_written_today(
    reference: ModuleType, tmp_path: Path
) -> None:
    """After saves, a restore and a passphrase change, every vault, backup and replaced file opens
    with the spec alone, with the new passphrase and with the new recovery code; the payload
    validates against the JSON Schema."""
    import jsonschema

    from safeplan.core.models import CheckIn
    from safeplan.core.vault import Vault, list_backups, list_replaced, restore_backup

    path = tmp_path / "v.json"
    make_vault(path)
    for mood in (2, 7):
        with Vault.open(path, PASSPHRASE) as vault:
            vault.payload.checkins.append(CheckIn(mood=mood, note="ünïcode ☕"))
            vault.save()
    restore_backup(path, list_backups(path)[0])
    new = "an entirely new passphrase"
    with Vault.open(path, PASSPHRASE) as vault:
        code = vault.change_passphrase(new)
    from safeplan.core.payload_schema import payload_schema

    schema = payload_schema()  # test_payload_schema.py keeps the committed copy equal to this
    files = [path, *list_backups(path), *list_replaced(path)]
    assert len(files) >= 4
    for file in files:
        data = file.read_bytes()
        by_passphrase = json.loads(reference.decrypt_vault(data, new))
        by_code = json.loads(reference.decrypt_vault(data, code.lower(), recovery=True))
        assert by_passphrase == by_code
        jsonschema.validate(by_passphrase, schema)
        with pytest.raises(Exception):  # noqa: B017 - the old passphrase opens nothing
            reference.decrypt_vault(data, PASSPHRASE)


def test_the_associated_data_table_renders_whole() -> None:
    """The pipes inside the table's code spans are escaped, so a Markdown renderer keeps them."""
    from markdown_it import MarkdownIt

    html = MarkdownIt("gfm-like").render(DOC.read_text())
    for suffix in ("|slot:passphrase", "|slot:recovery", "|payload"):
        assert f'H + b"{suffix}"' in html.replace("&quot;", '"'), suffix
