"""The yardstick for app start: the smallest Textual app that draws a first screen (one line of
text), started with the same interpreter and Textual as safeplan. bench/bench_app_start.py times it
beside `safeplan` under tmux."""

from textual.app import App, ComposeResult
from textual.widgets import Static


class Minimal(App[None]):
    def compose(self) -> ComposeResult:
        yield Static("Minimal app ready")


if __name__ == "__main__":
    Minimal().run()
