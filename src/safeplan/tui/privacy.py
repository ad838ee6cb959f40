"""No screenshots, ever: Textual's Screenshot command writes the screen, decrypted plan included, to
disk as SVG. It is removed from the command palette, and the screenshot action, the
TEXTUAL_SCREENSHOT timer and file delivery all write nothing. ``export_screenshot()`` (a string in
memory, used by the snapshot tests) is untouched."""

from __future__ import annotations

from collections.abc import Iterable

from textual.app import App, SystemCommand
from textual.screen import Screen


class PrivateApp(App[int]):
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
