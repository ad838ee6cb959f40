"""Quick paths: the commands a person may run in the worst moment (``crisis``, ``overdose``,
``combo``, ``learn``) start at the speed of the interpreter.

``safeplan`` builds its argument parser from every command module, and each module brings its own
imports. For a quick command only that command's module is needed, so :func:`modules_for` names it
alone; anything else (no command, ``--help`` before the command, another command) gets them all.
The parser of a quick command is the same one the full parser would build for it.

To make a new command quick: add it to ``QUICK_COMMANDS``, keep its module's top-level imports to
the standard library and light core modules (the import-linter contract "The quick paths ..." and
``tests/test_quick_paths.py`` check this), and add a row to ``bench/bench_quick.py``.
"""

from __future__ import annotations

from collections.abc import Sequence

QUICK_COMMANDS: dict[str, str] = {
    "crisis": "safeplan.cli.commands.crisis",
    "overdose": "safeplan.cli.commands.overdose",
    "combo": "safeplan.cli.commands.combo",
    "learn": "safeplan.cli.commands.learn",
}

GLOBAL_WITH_VALUE = frozenset({"--vault", "--passphrase-file"})
"""Global options that take the next word as their value."""


def command_word(argv: Sequence[str]) -> str | None:
    """The command named in ``argv`` (the first word that is not a global option or its value),
    or None when there is none or help is asked for before it."""
    words = iter(argv)
    for word in words:
        if word in ("-h", "--help"):
            return None
        if word in GLOBAL_WITH_VALUE:
            next(words, None)
            continue
        if word.startswith("-"):
            continue
        return word
    return None


def modules_for(argv: Sequence[str], every: Sequence[str]) -> Sequence[str]:
    """The command modules the parser needs for ``argv``: a quick command's own, else ``every``."""
    module = QUICK_COMMANDS.get(command_word(argv) or "")
    if module is None or module not in every:
        return every
    return (module,)
