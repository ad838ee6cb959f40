"""The hope box: kept in the vault, shown, written to a file only after a warning, and carried
through the JSON export and both kinds of import (replace and merge)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from safeplan.core.export import export_json, import_payload
from safeplan.core.export.merge import merge_payloads
from safeplan.core.hope import EMPTY, add_item, hope_lines, item_text, remove_item
from safeplan.core.models import VaultPayload
from tests.cli_helpers import run
from tests.moment_helpers import vault_args


def _box() -> VaultPayload:
    payload = VaultPayload()
    add_item(payload, "message", "You got through last winter.")
    add_item(payload, "said", "I am glad you are here.", who="Sam")
    add_item(payload, "plan", "The coast in June with Alex.")
    return payload


def test_items_are_grouped_and_said_things_name_who() -> None:
    payload = _box()
    lines = hope_lines(payload)
    assert lines[0] == "My hope box"
    assert "- I am glad you are here. (said by Sam)" in lines
    assert lines.index("A message to myself:") < lines.index("Something someone said to me:")
    assert hope_lines(VaultPayload()) == [EMPTY]
    with pytest.raises(ValueError):
        add_item(payload, "quote", "   ")
    first = payload.hope_box[0]
    assert remove_item(payload, first.id) and not remove_item(payload, first.id)
    assert item_text(payload.hope_box[0]).startswith("I am glad")


def test_old_vault_payloads_without_a_hope_box_still_validate() -> None:
    raw = json.loads(export_json(VaultPayload()))
    del raw["hope_box"]
    assert import_payload(json.dumps(raw).encode()).hope_box == []


def test_the_hope_box_round_trips_through_export_and_import() -> None:
    payload = _box()
    back = import_payload(export_json(payload).encode())
    assert back.hope_box == payload.hope_box


def test_merge_adds_new_items_and_keeps_the_ones_already_there() -> None:
    mine = _box()
    theirs = import_payload(export_json(mine).encode())
    add_item(theirs, "quote", "Still here.")
    merged, preview = merge_payloads(mine, theirs)
    assert [i.text for i in merged.hope_box][-1] == "Still here."
    assert len(merged.hope_box) == 4
    assert preview.kinds["hope box items"].added == 1
    assert "hope box items: add 1" in "\n".join(preview.lines())


def test_hope_commands_with_a_real_vault(tmp_path: Path) -> None:
    _vault, common = vault_args(tmp_path)
    added = run(tmp_path, "hope", "add", "--kind", "said", "--who", "Sam", "You matter", *common)
    assert added.returncode == 0 and "Kept in your hope box (1 thing now)" in added.stdout
    shown = run(tmp_path, "hope", *common)
    assert "You matter (said by Sam)" in shown.stdout
    numbered = run(tmp_path, "hope", "show", "--numbered", *common)
    assert "1. You matter (said by Sam)" in numbered.stdout
    # Writing a file without a terminal needs --yes, and says it is not encrypted.
    target = tmp_path / "hope.txt"
    refused = run(tmp_path, "hope", "show", "-o", str(target), *common)
    assert refused.returncode == 2 and not target.exists()
    wrote = run(tmp_path, "hope", "show", "-o", str(target), "--yes", *common)
    assert wrote.returncode == 0 and "not encrypted" in wrote.stderr
    assert "You matter" in target.read_text() and (target.stat().st_mode & 0o777) == 0o600
    wrong = run(tmp_path, "hope", "remove", "5", "--yes", *common)
    assert wrong.returncode == 2 and "no item 5" in wrong.stderr
    removed = run(tmp_path, "hope", "remove", "1", "--yes", *common)
    assert removed.returncode == 0
    assert "Your hope box is empty" in run(tmp_path, "hope", *common).stdout
    no_words = run(tmp_path, "hope", "add", *common)
    assert no_words.returncode == 2 and "terminal" in no_words.stderr
