"""Writes tests/golden/vaults/v<N>.json for the current format. Run once per released version:

    SAFEPLAN_KDF_PROFILE=test PYTEST_CURRENT_TEST=golden .venv/bin/python tests/make_golden_vault.py

Never regenerate an existing golden file: it is the proof that old vaults still open.
"""

from __future__ import annotations

import sys
from pathlib import Path

from safeplan.core.envelope import FORMAT_VERSION
from safeplan.core.vault import Vault

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tests.vault_helpers import PASSPHRASE, sample_payload  # noqa: E402

target = Path(__file__).parent / "golden" / "vaults" / f"v{FORMAT_VERSION}.json"
if target.exists():
    raise SystemExit(f"{target} exists; golden files are never regenerated.")
vault, code = Vault.create(target, PASSPHRASE, sample_payload("golden"))
vault.close()
target.with_name(target.name + ".lock").unlink()
(target.with_suffix(".recovery.txt")).write_text(code + "\n")
print(target, code)
