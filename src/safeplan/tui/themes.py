"""safeplan's themes: calm dark, calm light, and high contrast. Colours live only here; the .tcss
files use theme variables."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from textual.app import App
from textual.filter import LineFilter, Monochrome, NoColor
from textual.theme import Theme

DARK = "safeplan-dark"
LIGHT = "safeplan-light"
HIGH_CONTRAST = "safeplan-high-contrast"

THEMES: tuple[Theme, ...] = (
    Theme(
        name=DARK,
        primary="#6A9FD4",
        secondary="#7FB3A0",
        accent="#E0B95B",
        warning="#E0B95B",
        error="#E39A94",
        success="#8CC28C",
        foreground="#E6E6E6",
        background="#1B1F24",
        surface="#22272E",
        panel="#2D333B",
        dark=True,
    ),
    Theme(
        name=LIGHT,
        primary="#2F5D8C",
        secondary="#3E7B66",
        accent="#8A5A00",
        warning="#8A5A00",
        error="#A33A3A",
        success="#2E6B2E",
        foreground="#1A1A1A",
        background="#FAFAF7",
        surface="#F0F0EB",
        panel="#E2E2DA",
        dark=False,
    ),
    Theme(
        name=HIGH_CONTRAST,
        primary="#FFFF00",
        secondary="#00FFFF",
        accent="#00FFFF",
        warning="#FFFF00",
        error="#FF8080",
        success="#00FF00",
        foreground="#FFFFFF",
        background="#000000",
        surface="#000000",
        panel="#202020",
        dark=True,
        text_alpha=1.0,
        luminosity_spread=0.05,
    ),
)

THEME_LABELS: dict[str, str] = {
    DARK: "Calm dark",
    LIGHT: "Calm light",
    HIGH_CONTRAST: "High contrast",
}


def without_colour(filters: Sequence[LineFilter]) -> list[LineFilter]:
    """The app's output filters for NO_COLOR: every colour removed (Textual's default on a
    true-colour terminal is greyscale, which still tells states apart by shade alone). States are
    shown by glyphs and text styles instead (styles/no_color.tcss, tui/widgets/marks.py)."""
    kept = [f for f in filters if not isinstance(f, Monochrome | NoColor)]
    return [*kept, NoColor()]


def start_in_theme(app: App[Any], name: str) -> None:
    """Start ``app`` in the registered theme ``name`` (call from ``__init__``, before it runs).

    Setting ``app.theme`` does the same, but Textual then parses the whole stylesheet twice as the
    app starts (once for the default theme, again for this one), which delays the first screen.
    Before the app runs nothing has been parsed yet, so the theme's variables and classes can be
    given to the stylesheet directly; later changes of theme go through ``app.theme`` as usual.
    The dark or light filter Textual set up stays right only for a theme as dark as its default:
    any other goes through ``app.theme``."""
    theme = app.get_theme(name)
    if theme is None or not theme.dark:
        app.theme = name
        return
    app.set_reactive(App.theme, name)
    app.stylesheet.set_variables(app.get_css_variables())
    app.set_class(True, f"-theme-{name}", update=False)
    app.set_class(True, "-dark-mode", update=False)
    app.set_class(False, "-light-mode", update=False)
