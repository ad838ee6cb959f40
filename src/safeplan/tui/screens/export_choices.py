"""Print or export, the choices: the formats and their names, what each one is for, where a copy is
saved by default, and the format buttons (a choice that reads without colour)."""

from __future__ import annotations

from datetime import date
from functools import cache
from pathlib import Path

from textual.widgets import RadioButton, RadioSet

from safeplan.core.models import STEP_ORDER, VaultPayload
from safeplan.core.sections import items_in

FORMATS: tuple[str, ...] = ("text", "card", "markdown", "json", "overdose", "hope")
LABELS = {
    "text": "Printable text",
    "card": "Wallet card",
    "markdown": "Markdown",
    "json": "Everything (JSON)",
    "overdose": "Overdose card",
    "hope": "Hope box",
}
FILE_NAMES = {
    "text": "safety-plan.txt",
    "card": "safety-plan-card.txt",
    "markdown": "safety-plan.md",
    "json": "safety-plan.json",
    "overdose": "overdose-card.txt",
    "hope": "hope-box.txt",
}
PRINTABLE = ("text", "card", "overdose", "hope")
TEXT_WIDTH = 80
PAGE_BREAK = "(a new page starts here)\n"
PREVIEW_LINES = 5000

EVERYTHING = (
    "This holds everything in your vault, not only your plan: every earlier version, your "
    "check-ins, the use log, self-checks and settings."
)
NO_PRINTER = (
    "There is no printing system on this computer (neither lp nor lpr was found). Nothing was "
    "printed. You can save a copy as a file instead and print it from another program."
)


def describe(fmt: str, place: str | None) -> str:
    if fmt == "text":
        if place is None:
            return (
                "One page of plain text to print or keep, with where to find crisis help at the "
                "top (choose your country in Settings to add its crisis lines)."
            )
        return (
            f"Plain text to print or keep, with crisis lines for {place} and your own contacts "
            "on page 1."
        )
    if fmt == "card":
        return "A small card, 40 columns wide, for a wallet or a phone case."
    if fmt == "markdown":
        return "The printable text as Markdown, for notes apps and documents."
    if fmt == "overdose":
        where = f" for {place}" if place else ""
        return (
            f"What to do if someone may be overdosing{where}, with its sources, to keep by "
            "the door or in a bag. It holds none of your own words."
        )
    if fmt == "hope":
        return "The things in your hope box, in your own words, to print or keep."
    return f"{EVERYTHING} safeplan can read it back (safeplan import)."


@cache
def _sample_ids() -> frozenset[str]:
    """The ids of the sample plan's items (they do not depend on the day it is built for)."""
    from safeplan.core.demo import demo_payload

    plan = demo_payload(date(2026, 1, 1)).plan
    return frozenset(item.id for step in STEP_ORDER for item in items_in(plan, step))


def is_sample(payload: VaultPayload) -> bool:
    """True when the plan is the sample plan of ``safeplan --demo``."""
    ids = {item.id for step in STEP_ORDER for item in items_in(payload.plan, step)}
    return bool(ids) and bool(ids & _sample_ids())


def shown(path: Path) -> str:
    """A path as a person would type it: ``~/…`` inside their home folder."""
    home = Path("~").expanduser()
    try:
        return f"~/{path.relative_to(home).as_posix()}"
    except ValueError:
        return str(path)


def suggested_path(fmt: str, vault_folder: Path | None) -> str:
    """Where to save by default: the home folder (or Documents), never the vault's own folder."""
    home = Path("~").expanduser()
    avoid = vault_folder.resolve() if vault_folder is not None else None
    for folder in (home, home / "Documents"):
        if folder.is_dir() and folder.resolve() != avoid:
            return shown(folder / FILE_NAMES[fmt])
    return ""


class FormatButton(RadioButton):
    """A radio button that shows which one is chosen without colour too: ● chosen, ○ not."""

    def __init__(self, label: str, *, value: bool, id: str) -> None:  # noqa: A002 - Textual's name
        super().__init__(label, value, id=id)
        self.BUTTON_INNER = "●" if value else "○"

    def watch_value(self) -> None:
        super().watch_value()
        self.BUTTON_INNER = "●" if self.value else "○"
        self.refresh(layout=True)


class FormatChoice(RadioSet):
    """The formats side by side. The arrows choose at once, like tabs; enter or space never leave
    nothing chosen."""

    def action_next_button(self) -> None:
        super().action_next_button()
        self._press_highlighted()

    def action_previous_button(self) -> None:
        super().action_previous_button()
        self._press_highlighted()

    def action_toggle_button(self) -> None:
        self._press_highlighted()

    def _press_highlighted(self) -> None:
        index = self._selected
        if index is None:
            return
        button = self.children[index]
        if isinstance(button, RadioButton) and not button.value:
            button.value = True
