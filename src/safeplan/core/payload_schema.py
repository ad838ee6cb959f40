"""The JSON Schema of the vault payload, generated from the pydantic models (the single source of
truth), so that ``docs/vault-format.md`` stands on its own: a reader in any language can check a
decrypted payload without reading Python.

``make schema`` (``python -m safeplan.core.payload_schema``) writes ``docs/vault-payload.schema.json``;
a test fails with that instruction when the committed file no longer matches the models.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from safeplan.core.models import VaultPayload

SCHEMA_FILE = Path("docs") / "vault-payload.schema.json"
SCHEMA_ID = "https://safeplan.invalid/schema/vault-payload.schema.json"


def payload_schema() -> dict[str, Any]:
    schema = VaultPayload.model_json_schema(mode="validation")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "$comment": "Generated from safeplan.core.models by `make schema`; do not edit by hand.",
        **schema,
    }


def schema_text() -> str:
    return json.dumps(payload_schema(), indent=2, sort_keys=True, ensure_ascii=True) + "\n"


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    target = Path(args[0]) if args else SCHEMA_FILE
    target.write_text(schema_text(), encoding="utf-8")
    print(f"Wrote {target}.")
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
