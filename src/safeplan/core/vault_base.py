"""A small part of the vault payload kept out of :mod:`safeplan.core.models` so that file stays
small: the configuration every vault model shares, and the hope box's items. Same rules as every vault model (``extra="forbid"``,
``hide_input_in_errors=True``); the payload's ``hope_box`` defaults to empty, so vaults written
before it still open."""

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

HopeKind = Literal["message", "said", "memory", "plan", "quote", "other"]


def _now() -> datetime:
    return datetime.now().astimezone()


class HopeItem(BaseModel):
    """Something worth holding on to, kept in the hope box (see :mod:`safeplan.core.hope`)."""

    model_config = VAULT_CONFIG

    id: str = Field(default_factory=lambda: secrets.token_hex(6), max_length=64)
    kind: HopeKind = "message"
    text: Annotated[str, Field(max_length=20_000)]
    who: Annotated[str, Field(max_length=500)] = ""
    added_at: AwareDatetime = Field(default_factory=_now)
