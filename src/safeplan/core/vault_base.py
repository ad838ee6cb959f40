"""The base every vault model shares, and the hope box's item.

:mod:`safeplan.core.models` re-exports ``Model``, ``Item``, ``new_id`` and ``now`` from here, so the
payload's models stay in one file under 400 lines. Rules that hold for every vault model:
``extra="forbid"`` (an unknown field is an error), ``hide_input_in_errors=True`` (an error never
repeats what a person wrote), stripped strings, validated assignment.
"""

from __future__ import annotations

import secrets
from datetime import datetime
from typing import Annotated, Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

VAULT_CONFIG = ConfigDict(
    extra="forbid",
    hide_input_in_errors=True,
    str_strip_whitespace=True,
    validate_assignment=True,
    validate_default=False,
)


def new_id() -> str:
    """A short random identifier for list items (not secret, only unique)."""
    return secrets.token_hex(6)


def now() -> datetime:
    """The current time with the local UTC offset: what every timestamp in the vault uses."""
    return datetime.now().astimezone()


class Model(BaseModel):
    """Base for every vault model."""

    model_config = VAULT_CONFIG


class Item(Model):
    id: str = Field(default_factory=new_id, max_length=64)


ToolName = Literal["breathe", "ground", "urge"]
"""A tool for the moment that a coping step can point at (see :mod:`safeplan.core.moment`)."""

HopeKind = Literal["message", "said", "memory", "plan", "quote", "other"]


class HopeItem(Item):
    """Something worth holding on to, kept in the hope box (see :mod:`safeplan.core.hope`).
    The payload's ``hope_box`` defaults to empty, so vaults written before it still open."""

    kind: HopeKind = "message"
    text: Annotated[str, Field(max_length=20_000)]
    who: Annotated[str, Field(max_length=500)] = ""
    added_at: AwareDatetime = Field(default_factory=now)
