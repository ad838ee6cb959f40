"""Upgrading older payloads on load. safeplan reads every old ``schema_version`` and writes only the
newest.

Each step is a pure function from the JSON of version N to the JSON of version N + 1, registered in
``MIGRATIONS``. A golden vault of every released version lives in ``tests/golden/vaults/``, and a
test opens each one. When you change a model's shape: bump ``models.SCHEMA_VERSION``, add the step
here, add a golden vault of the new version, and never edit an old step.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from safeplan.core.models import SCHEMA_VERSION

Migration = Callable[[dict[str, Any]], dict[str, Any]]

# version N -> function that turns a version-N payload into version N + 1.
MIGRATIONS: dict[int, Migration] = {}


class PayloadTooNew(Exception):
    def __init__(self, version: int) -> None:
        super().__init__(version)
        self.version = version


class PayloadInvalid(Exception):
    pass


def payload_version(data: dict[str, Any]) -> int:
    version = data.get("schema_version")
    if type(version) is not int or version < 1:
        raise PayloadInvalid("schema_version is missing or not valid")
    return version


def migrate(
    data: dict[str, Any],
    target: int = SCHEMA_VERSION,
    steps: dict[int, Migration] | None = None,
) -> dict[str, Any]:
    """Upgrade ``data`` step by step to ``target``. Raises PayloadTooNew or PayloadInvalid."""
    steps = MIGRATIONS if steps is None else steps
    version = payload_version(data)
    if version > target:
        raise PayloadTooNew(version)
    while version < target:
        step = steps.get(version)
        if step is None:
            raise PayloadInvalid(f"no migration from schema version {version}")
        data = step(data)
        new_version = payload_version(data)
        if new_version != version + 1:
            raise PayloadInvalid(f"migration from {version} produced {new_version}")
        version = new_version
    return data
