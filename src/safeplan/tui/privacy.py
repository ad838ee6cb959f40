"""Nothing the person types leaves the app: no log file, no devtools, no screenshots, no clipboard
for a passphrase.

* Textual reads a few environment variables that would copy what is on screen or typed to
  somewhere else: ``TEXTUAL_LOG`` appends every message (each key press, every ``Input.Changed``
  with its value: the passphrase too) to a file; ``TEXTUAL=devtools`` streams the same to a local
  socket; ``TEXTUAL=debug``/``TEXTUAL_DEBUG`` show values in tracebacks; ``TEXTUAL_SCREENSHOT*``
  saves the screen; ``TEXTUAL_PRESS`` types keys on the person's behalf. :func:`scrub_environment`
  removes them from ``os.environ`` (this module runs it before Textual is imported, and
  :class:`PrivateApp` runs it again, and switches Textual's already-read settings off, in case
  something imported Textual first). Whatever the environment, safeplan never honours them.
* The Screenshot command is removed from the command palette, and the screenshot action, the
  timer and file delivery all write nothing. ``export_screenshot()`` (a string in memory, used by
  the snapshot tests) is untouched.
"""

from __future__ import annotations

import os
from collections.abc import Iterable

_DROP = (
    "TEXTUAL_LOG",
    "TEXTUAL_DEBUG",
    "TEXTUAL_PRESS",
    "TEXTUAL_SCREENSHOT",
    "TEXTUAL_SCREENSHOT_LOCATION",
    "TEXTUAL_SCREENSHOT_FILENAME",
    "TEXTUAL_DEVTOOLS_HOST",
    "TEXTUAL_DEVTOOLS_PORT",
)
_UNSAFE_FEATURES = {"devtools", "debug"}


def scrub_environment(environ: os._Environ[str] | dict[str, str] | None = None) -> None:
    """Remove Textual's logging, devtools, debug, screenshot and key-press settings."""
    env = os.environ if environ is None else environ
    for name in _DROP:
        env.pop(name, None)
    features = env.get("TEXTUAL")
    if features is not None:
        kept = [f for f in features.split(",") if f.strip().lower() not in _UNSAFE_FEATURES]
        if kept:
            env["TEXTUAL"] = ",".join(kept)
        else:
            del env["TEXTUAL"]


scrub_environment()  # before the Textual imports below read them

from textual import constants  # noqa: E402
from textual.app import App, SystemCommand  # noqa: E402
from textual.screen import Screen  # noqa: E402


def _switch_off_what_textual_already_read() -> None:
    # textual.constants reads the environment once, at import; these are read again at each use.
    for name, value in (
        ("LOG_FILE", None),
        ("DEBUG", False),
        ("PRESS", ""),
        ("SCREENSHOT_DELAY", -1),
        ("SCREENSHOT_LOCATION", None),
        ("SCREENSHOT_FILENAME", None),
    ):
        setattr(constants, name, value)


_switch_off_what_textual_already_read()


class PrivateApp(App[int]):
    def __init__(self, *args: object, **kwargs: object) -> None:
        scrub_environment()
        _switch_off_what_textual_already_read()
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.features = frozenset(f for f in self.features if f not in _UNSAFE_FEATURES)
        self.devtools = None

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        for command in super().get_system_commands(screen):
            if command.title != "Screenshot":
                yield command

    def action_screenshot(self, filename: str | None = None, path: str | None = None) -> None:
        self.notify("Screenshots are turned off so that your plan never lands on disk.")

    def save_screenshot(self, *args: object, **kwargs: object) -> str:
        self.action_screenshot()
        return ""

    def deliver_screenshot(self, *args: object, **kwargs: object) -> str | None:
        self.action_screenshot()
        return None
