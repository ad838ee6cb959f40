"""The hope box: things worth holding on to, kept in the vault in the person's own words.

Messages to myself, things people said, memories, plans and quotes. Shown on its own (``safeplan
hope show``, the Hope box screen), at the end of "use my plan now" beside what matters most, and
printed only when the person asks. The logic lives here once; the front ends only draw it.
"""

from __future__ import annotations

from safeplan.core.models import VaultPayload
from safeplan.core.vault_base import HopeItem, HopeKind

KINDS: tuple[tuple[HopeKind, str], ...] = (
    ("message", "A message to myself"),
    ("said", "Something someone said to me"),
    ("memory", "A memory"),
    ("plan", "Something I plan or look forward to"),
    ("quote", "A quote, a song line, a poem"),
    ("other", "Something else"),
)
KIND_LABELS: dict[HopeKind, str] = dict(KINDS)

EMPTY = (
    "Your hope box is empty. It can hold messages to yourself, things people said, memories, "
    "plans and quotes: things worth holding on to on a hard day."
)


def add_item(payload: VaultPayload, kind: HopeKind, text: str, who: str = "") -> HopeItem:
    """Add an item (the text is needed) and return it."""
    words = text.strip()
    if not words:
        raise ValueError("a hope box item needs some words")
    item = HopeItem(kind=kind, text=words, who=who.strip())
    payload.hope_box.append(item)
    return item


def remove_item(payload: VaultPayload, item_id: str) -> bool:
    before = len(payload.hope_box)
    payload.hope_box = [i for i in payload.hope_box if i.id != item_id]
    return len(payload.hope_box) != before


def item_text(item: HopeItem) -> str:
    """One item as a line of plain text: the words, and who said them when that is known."""
    text = item.text
    if item.who:
        text += f" ({item.who})" if item.kind != "said" else f" (said by {item.who})"
    return text


def hope_lines(payload: VaultPayload) -> list[str]:
    """The whole box as plain text, grouped by kind, in the order things were added."""
    if not payload.hope_box:
        return [EMPTY]
    lines = ["My hope box"]
    for kind, label in KINDS:
        items = [i for i in payload.hope_box if i.kind == kind]
        if not items:
            continue
        lines += ["", f"{label}:"]
        lines += [f"- {item_text(i)}" for i in items]
    return lines
