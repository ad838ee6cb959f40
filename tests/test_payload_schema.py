"""docs/vault-payload.schema.json is generated from the models and must stay current."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema

from safeplan.core.demo import demo_payload
from safeplan.core.payload_schema import payload_schema, schema_text

ROOT = Path(__file__).resolve().parents[1]
COMMITTED = ROOT / "docs" / "vault-payload.schema.json"


def test_the_committed_schema_matches_the_models() -> None:
    assert COMMITTED.exists(), "docs/vault-payload.schema.json is missing: run `make schema`."
    assert COMMITTED.read_text(encoding="utf-8") == schema_text(), (
        "docs/vault-payload.schema.json no longer matches core/models.py: run `make schema` and "
        "commit the result."
    )


def test_the_schema_accepts_a_real_payload_and_refuses_extra_members() -> None:
    schema = payload_schema()
    payload = json.loads(demo_payload().model_dump_json())
    jsonschema.validate(payload, schema)
    payload["surprise"] = 1
    try:
        jsonschema.validate(payload, schema)
    except jsonschema.ValidationError:
        return
    raise AssertionError("the schema accepted a member the models refuse")
