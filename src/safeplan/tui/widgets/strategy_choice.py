"""A safer-use idea as a choice: its tick box, then its words and source. Used by My harm-reduction
plan and by the screen after logging use, so both show an idea, and keep the choice, the same way."""

from __future__ import annotations

from collections.abc import Iterator

from textual.widget import Widget
from textual.widgets import Static

from safeplan.core.harm_reduction import Strategy, strategies
from safeplan.tui.widgets.plain_checkbox import PlainCheckbox


class StrategyNote(Static):
    """An idea's words and source, indented under its tick box."""

    DEFAULT_CSS = """
    StrategyNote {
        padding: 0 0 0 4;
        color: $text-muted;
    }
    """


def strategy_choice(
    strategy: Strategy, chosen: bool, *, id_prefix: str, text_class: str
) -> Iterator[Widget]:
    """The tick box (id ``{id_prefix}{key}``) and, below it, the idea with where it comes from."""
    yield PlainCheckbox(strategy.title, chosen, id=f"{id_prefix}{strategy.key}", compact=True)
    yield StrategyNote(
        f"{strategy.text}\nSource: {strategy.source.short()}, checked {strategy.verified}.",
        classes=text_class,
        markup=False,
    )


def with_strategy(current: list[str], key: str, picked: bool) -> list[str]:
    """The chosen ideas with ``key`` added (``picked``) or taken out: the known ones in safeplan's
    order, then any keys a newer safeplan wrote, kept as they were."""
    known = list(strategies())
    if key not in known:
        return list(current)
    chosen = set(current)
    if picked:
        chosen.add(key)
    else:
        chosen.discard(key)
    return [k for k in known if k in chosen] + [k for k in current if k not in known]
